import CadenceCore
import Foundation

/// What a shared policy says about itself (`cadence-policy.json`): who wrote
/// it, what it does, which Cadence it needs, its options, what it reads and
/// what it may propose. Read and checked as data, before any of the
/// package's code runs; a mistake names the field.
public struct PolicyManifest: Equatable, Sendable {
    public var name: String
    public var version: String
    public var author: String
    public var licence: String
    public var summary: String
    /// The version of Cadence's policy API it was written for.
    public var api: Int
    /// The rules of the practice it cites ("4. Weekly status after an interview").
    public var rules: [String]
    public var options: [Option]
    /// Fields it reads, by record (ReadableFields names both).
    public var reads: [String: [String]]
    /// The kinds of item it may propose ("status", "thank-you").
    public var proposes: [String]
    /// The Lua file that returns its policy (or a list of policies).
    public var entry: String
    /// The policy of the list to use, by name, when the entry returns several.
    public var select: String?
    /// Its tests (fixture timelines with the proposals expected), if any.
    public var tests: String?

    /// The policy API this Cadence offers.
    public static let currentAPI = 1
    /// A package's manifest file.
    public static let fileName = "cadence-policy.json"

    public struct Option: Equatable, Sendable {
        public var name: String
        public var type: OptionType
        public var defaultValue: OptionValue
        public var doc: String

        public init(name: String, type: OptionType, defaultValue: OptionValue, doc: String) {
            self.name = name
            self.type = type
            self.defaultValue = defaultValue
            self.doc = doc
        }
    }

    /// An option's value: what the manifest gives as default, or the user sets.
    public enum OptionValue: Equatable, Sendable, CustomStringConvertible {
        case integer(Int), number(Double), text(String), boolean(Bool), list([String])

        public var description: String {
            switch self {
            case .integer(let n): String(n)
            case .number(let d): String(d)
            case .text(let s): s
            case .boolean(let b): String(b)
            case .list(let l): l.joined(separator: ",")
            }
        }
    }

    /// The types an option may have: the one vocabulary of a manifest's
    /// options and of the option checks of Lua policies (cadence.options).
    public enum OptionType: String, CaseIterable, Sendable, CustomStringConvertible {
        case integer, number, text, boolean, list

        /// What a value of the type is, in words ("is a whole number").
        public var said: String {
            switch self {
            case .integer: "a whole number"
            case .number: "a number"
            case .text: "text"
            case .boolean: "true or false"
            case .list: "a list of texts"
            }
        }

        public var description: String { rawValue }
    }

    static let optionTypes = OptionType.allCases.map(\.rawValue)
    static let known = ["name", "version", "author", "licence", "summary", "cadence", "rules", "options", "reads",
                        "proposes", "policy", "select", "tests"]
    /// What an option's entry may say.
    static let optionFields = ["type", "default", "doc"]

    /// The bounds of a manifest, checked before anything is planned with it
    /// (a manifest repeating a field 95,000 times once cost gigabytes).
    public enum Bounds {
        /// The manifest's own size, checked before it is parsed.
        public static let bytes = 64 << 10
        /// A one-line text: the name, author, summary, a rule, an option's doc or text value.
        public static let text = 400
        public static let rules = 20
        public static let kinds = 32
        /// Fields a record's `reads` may list (there are fewer than this of any record).
        public static let fields = 64
        public static let options = 32
        /// An option's name, and a list option's entries.
        public static let optionName = 40
        public static let listEntries = 32
        public static let listEntry = 200
    }

    /// Reads a manifest from its JSON text; `file` names it in errors. It is
    /// bounded first (its size, then each list's length and each text's),
    /// its lists de-duplicated, and a key it does not know or a value of the
    /// wrong type refused with a sentence naming the field.
    public init(json: Data, file: String) throws {
        func fail(_ field: String, _ message: String) -> DomainError { DomainError.invalid(field: "\(file): \(field)", message) }
        guard json.count <= Bounds.bytes else {
            throw DomainError.invalid(field: file, "is \(json.count) bytes (a manifest is at most \(Bounds.bytes) bytes)")
        }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: json) }
        catch { throw DomainError.invalid(field: file, "is not JSON: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error)") }
        guard let fields = object as? [String: Any] else { throw DomainError.invalid(field: file, "holds a JSON object ({ \"name\": … })") }
        for key in fields.keys.sorted() where !Self.known.contains(key) {
            let hint = NearMiss.nearest(to: key, among: Self.known).map { " (did you mean '\($0)'?)" } ?? ""
            throw fail(AnswerText.shown(key), "is not a manifest field\(hint); the fields are \(Self.known.joined(separator: ", "))")
        }
        /// `value` as one line of at most `most` bytes, or why not.
        func line(_ value: String, _ field: String, most: Int = Bounds.text) throws -> String {
            guard value.utf8.count <= most else { throw fail(field, "is longer than \(most) bytes") }
            guard AnswerText.isOneLine(value) else { throw fail(field, "holds a control character (a line break, an escape, a bidi control)") }
            return value
        }
        func text(_ key: String, pattern: String? = nil, example: String) throws -> String {
            guard let value = fields[key] as? String, !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw fail(key, "is needed, as text (such as \"\(example)\")")
            }
            if let pattern, value.range(of: pattern, options: .regularExpression) == nil {
                throw fail(key, "'\(AnswerText.shown(value))' is not like \"\(example)\"")
            }
            return try line(value, key)
        }
        /// A list of texts, at most `most` of them, each one line: repeats dropped, in order.
        func texts(_ key: String, most: Int, slugs: Bool = false) throws -> [String] {
            guard let raw = fields[key] else { return [] }
            guard let list = raw as? [Any] else { throw fail(key, "is a list of texts") }
            guard list.count <= most else { throw fail(key, "lists \(list.count) entries (at most \(most))") }
            var seen = Set<String>(), kept: [String] = []
            for entry in list {
                guard let text = entry as? String else { throw fail(key, "is a list of texts") }
                if slugs, !AnswerText.isSlug(text) {
                    throw fail(key, "'\(AnswerText.shown(text))' is not a name of lowercase letters, digits and hyphens (at most 40)")
                }
                if seen.insert(try line(text, key)).inserted { kept.append(text) }
            }
            return kept
        }
        let slug = "^[a-z][a-z0-9-]{0,39}$"
        name = try text("name", pattern: slug, example: "weekly-nudge")
        version = try text("version", pattern: "^[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?$", example: "1.0.0")
        author = try text("author", example: "Sam Lee <sam@example.org>")
        licence = try text("licence", example: "MIT")
        summary = try text("summary", example: "A status note every week after an interview")
        guard let raw = fields["cadence"], !Self.isBoolean(raw), let api = raw as? Int else {
            throw fail("cadence", "is needed: the policy API version it was written for (\(Self.currentAPI))")
        }
        guard api >= 1, api <= Self.currentAPI else {
            throw fail("cadence", "asks for policy API \(api); this Cadence offers \(Self.currentAPI) (update Cadence, or ask the author)")
        }
        self.api = api
        rules = try texts("rules", most: Bounds.rules)
        proposes = try texts("proposes", most: Bounds.kinds, slugs: true)
        guard !proposes.isEmpty else { throw fail("proposes", "is needed: the kinds of item it may propose, such as [\"status\"]") }
        // Marking a package's item done logs a message of its kind: one named like an event
        // ("rejection", "acceptance") would read in the log as if that had happened.
        if let event = proposes.first(where: { EventKind(rawValue: $0) != nil }) {
            throw fail("proposes", "'\(event)' is the name of an event in the log, not of something to do: name the item for "
                       + "the message or task (such as \"status\" or \"thank-you\")")
        }
        entry = fields["policy"] == nil ? "policy.lua" : try text("policy", pattern: "^[A-Za-z0-9_][A-Za-z0-9_.-]*\\.lua$", example: "policy.lua")
        select = fields["select"] == nil ? nil : try text("select", example: "weekly status")
        tests = fields["tests"] == nil ? nil : try text("tests", pattern: "^[A-Za-z0-9_][A-Za-z0-9_.-]*\\.lua$", example: "tests.lua")

        guard let reads = fields["reads"] as? [String: Any] else {
            throw fail("reads", "is needed: the fields it reads, by record, such as { \"application\": [\"company\"], \"events\": [\"with\"] }")
        }
        var declared: [String: [String]] = [:]
        for (record, value) in reads.sorted(by: { $0.key < $1.key }) {
            guard let allowed = ReadableFields.declarable[record] else {
                let hint = NearMiss.nearest(to: record, among: ReadableFields.records).map { " (did you mean '\($0)'?)" } ?? ""
                throw fail("reads.\(AnswerText.shown(record))",
                           "is not a record a policy reads\(hint); the records are \(ReadableFields.records.joined(separator: ", "))")
            }
            guard let list = value as? [Any] else { throw fail("reads.\(record)", "is a list of field names") }
            // Counted before a name is looked at: a record has fewer fields than this.
            guard list.count <= Bounds.fields else {
                throw fail("reads.\(record)", "lists \(list.count) fields (at most \(Bounds.fields); \(record) has \(allowed.count) a package may read)")
            }
            var seen = Set<String>(), fields: [String] = []
            for entry in list {
                guard let field = entry as? String else { throw fail("reads.\(record)", "is a list of field names") }
                guard allowed.contains(field) || (ReadableFields.always[record] ?? []).contains(field) else {
                    // A field's old name (`decisionDeadline`) is answered with its one name now.
                    let renamed = RecordSchema.all.first { $0.record == record || $0.record + "s" == record }?.renamed[field]
                    let hint = (renamed ?? NearMiss.nearest(to: field, among: allowed)).map { " (did you mean '\($0)'?)" } ?? ""
                    throw fail("reads.\(record)", "'\(AnswerText.shown(field))' is not a field of \(record)\(hint); its fields are \(allowed.joined(separator: ", "))")
                }
                if seen.insert(field).inserted { fields.append(field) }
            }
            declared[record] = fields
        }
        self.reads = declared

        var options: [Option] = []
        if let raw = fields["options"] {
            guard let table = raw as? [String: Any] else { throw fail("options", "is an object of options by name") }
            guard table.count <= Bounds.options else { throw fail("options", "has \(table.count) options (at most \(Bounds.options))") }
            for (name, spec) in table.sorted(by: { $0.key < $1.key }) {
                guard name.utf8.count <= Bounds.optionName, name.range(of: "^[a-z_][a-z0-9_]*$", options: .regularExpression) != nil else {
                    throw fail("options.\(AnswerText.shown(name))", "an option's name is lowercase letters, digits and _ (at most \(Bounds.optionName))")
                }
                let field = "options.\(name)"
                guard let spec = spec as? [String: Any] else { throw fail(field, "is an object: { \"type\": …, \"default\": …, \"doc\": … }") }
                for key in spec.keys.sorted() where !Self.optionFields.contains(key) {
                    throw fail("\(field).\(AnswerText.shown(key))", "is not a field of an option; they are \(Self.optionFields.joined(separator: ", "))")
                }
                guard let type = (spec["type"] as? String).flatMap(OptionType.init(rawValue:)) else {
                    throw fail(field, "needs a type: \(Self.optionTypes.joined(separator: ", "))")
                }
                guard let raw = spec["default"] else { throw fail(field, "needs a default") }
                let value = try Self.value(raw, type: type, field: "\(file): \(field).default")
                var doc = ""
                if let given = spec["doc"] {
                    guard let text = given as? String else { throw fail("\(field).doc", "is text") }
                    doc = try line(text, "\(field).doc")
                }
                options.append(Option(name: name, type: type, defaultValue: value, doc: doc))
            }
        }
        self.options = options
    }

    /// A value of `type` from JSON (a default) or from text (what a user
    /// sets): text one line of at most 400 bytes, a list at most 32 such
    /// entries of at most 200 bytes.
    public static func value(_ raw: Any, type: OptionType, field: String) throws -> OptionValue {
        func wrong() -> DomainError { DomainError.invalid(field: field, "must be \(type.said)") }
        func line(_ text: String, most: Int) throws -> String {
            guard text.utf8.count <= most else { throw DomainError.invalid(field: field, "is longer than \(most) bytes") }
            guard AnswerText.isOneLine(text) else { throw DomainError.invalid(field: field, "holds a control character") }
            return text
        }
        func list(_ entries: [String]) throws -> OptionValue {
            guard entries.count <= Bounds.listEntries else {
                throw DomainError.invalid(field: field, "lists \(entries.count) entries (at most \(Bounds.listEntries))")
            }
            return .list(try entries.map { try line($0, most: Bounds.listEntry) })
        }
        switch type {
        case .integer:
            if let text = raw as? String { guard let n = Int(text) else { throw wrong() }; return .integer(n) }
            guard !isBoolean(raw), let n = raw as? Int else { throw wrong() }
            return .integer(n)
        case .number:
            if let text = raw as? String { guard let d = Double(text), d.isFinite else { throw wrong() }; return .number(d) }
            guard !isBoolean(raw), let d = raw as? Double else { throw wrong() }
            return .number(d)
        case .boolean:
            if let text = raw as? String { guard let b = Bool(text) else { throw wrong() }; return .boolean(b) }
            guard isBoolean(raw), let b = raw as? Bool else { throw wrong() }
            return .boolean(b)
        case .list:
            if let text = raw as? String {
                return try list(try line(text, most: Bounds.text).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            }
            guard let entries = raw as? [String] else { throw wrong() }
            return try list(entries)
        case .text:
            guard let text = raw as? String else { throw wrong() }
            return .text(try line(text, most: Bounds.text))
        }
    }

    /// Whether a JSON value is true or false. (Foundation reads every JSON
    /// number as an NSNumber, which answers `is Bool` for 0 and 1 too: a
    /// boolean is the one whose type is a char.)
    static func isBoolean(_ raw: Any) -> Bool {
        guard let number = raw as? NSNumber else { return raw is Bool }
        return String(cString: number.objCType) == "c"
    }

    /// Whether `other` reads anything this one does not: a widening needs consent again.
    public func widened(_ other: PolicyManifest) -> [String] {
        var added: [String] = []
        for (record, fields) in other.reads.sorted(by: { $0.key < $1.key }) {
            let before = Set(reads[record] ?? [])
            for field in fields where !before.contains(field) { added.append("\(record).\(field)") }
        }
        return added
    }

    /// What it reads, in one line: "application: company, role; events: with".
    public var readsText: String {
        let parts = ReadableFields.records.compactMap { record -> String? in
            guard let fields = reads[record], !fields.isEmpty else { return nil }
            return "\(record): \(fields.joined(separator: ", "))"
        }
        return parts.isEmpty ? "only which applications exist and their events' kinds and days" : parts.joined(separator: "; ")
    }
}
