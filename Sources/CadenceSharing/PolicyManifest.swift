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

    /// Reads a manifest from its JSON text; `file` names it in errors.
    public init(json: Data, file: String) throws {
        func fail(_ field: String, _ message: String) -> DomainError { DomainError.invalid(field: "\(file): \(field)", message) }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: json) }
        catch { throw DomainError.invalid(field: file, "is not JSON: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error)") }
        guard let fields = object as? [String: Any] else { throw DomainError.invalid(field: file, "holds a JSON object ({ \"name\": … })") }
        for key in fields.keys where !Self.known.contains(key) {
            let hint = NearMiss.nearest(to: key, among: Self.known).map { " (did you mean '\($0)'?)" } ?? ""
            throw fail(key, "is not a manifest field\(hint); the fields are \(Self.known.joined(separator: ", "))")
        }
        func text(_ key: String, pattern: String? = nil, example: String) throws -> String {
            guard let value = fields[key] as? String, !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw fail(key, "is needed, as text (such as \"\(example)\")")
            }
            if let pattern, value.range(of: pattern, options: .regularExpression) == nil {
                throw fail(key, "'\(value)' is not like \"\(example)\"")
            }
            guard value.utf8.count <= 400 else { throw fail(key, "is longer than 400 bytes") }
            return value
        }
        func texts(_ key: String, pattern: String? = nil) throws -> [String] {
            guard let raw = fields[key] else { return [] }
            guard let list = raw as? [String] else { throw fail(key, "is a list of texts") }
            if let pattern, let bad = list.first(where: { $0.range(of: pattern, options: .regularExpression) == nil }) {
                throw fail(key, "'\(bad)' is not a name of lowercase letters, digits and hyphens")
            }
            return list
        }
        let slug = "^[a-z][a-z0-9-]{0,39}$"
        name = try text("name", pattern: slug, example: "weekly-nudge")
        version = try text("version", pattern: "^[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?$", example: "1.0.0")
        author = try text("author", example: "Sam Lee <sam@example.org>")
        licence = try text("licence", example: "MIT")
        summary = try text("summary", example: "A status note every week after an interview")
        guard let api = fields["cadence"] as? Int else { throw fail("cadence", "is needed: the policy API version it was written for (\(Self.currentAPI))") }
        guard api >= 1, api <= Self.currentAPI else {
            throw fail("cadence", "asks for policy API \(api); this Cadence offers \(Self.currentAPI) (update Cadence, or ask the author)")
        }
        self.api = api
        rules = try texts("rules")
        proposes = try texts("proposes", pattern: slug)
        guard !proposes.isEmpty else { throw fail("proposes", "is needed: the kinds of item it may propose, such as [\"status\"]") }
        entry = fields["policy"] == nil ? "policy.lua" : try text("policy", pattern: "^[A-Za-z0-9_][A-Za-z0-9_.-]*\\.lua$", example: "policy.lua")
        select = fields["select"] == nil ? nil : try text("select", example: "weekly status")
        tests = fields["tests"] == nil ? nil : try text("tests", pattern: "^[A-Za-z0-9_][A-Za-z0-9_.-]*\\.lua$", example: "tests.lua")

        guard let reads = fields["reads"] as? [String: Any] else {
            throw fail("reads", "is needed: the fields it reads, by record, such as { \"application\": [\"company\"], \"events\": [\"with\"] }")
        }
        var declared: [String: [String]] = [:]
        for (record, value) in reads {
            guard let allowed = ReadableFields.declarable[record] else {
                let hint = NearMiss.nearest(to: record, among: ReadableFields.records).map { " (did you mean '\($0)'?)" } ?? ""
                throw fail("reads.\(record)", "is not a record a policy reads\(hint); the records are \(ReadableFields.records.joined(separator: ", "))")
            }
            guard let list = value as? [String] else { throw fail("reads.\(record)", "is a list of field names") }
            for field in list where !allowed.contains(field) && !(ReadableFields.always[record] ?? []).contains(field) {
                let hint = NearMiss.nearest(to: field, among: allowed).map { " (did you mean '\($0)'?)" } ?? ""
                throw fail("reads.\(record)", "'\(field)' is not a field of \(record)\(hint); its fields are \(allowed.joined(separator: ", "))")
            }
            declared[record] = list
        }
        self.reads = declared

        var options: [Option] = []
        if let raw = fields["options"] {
            guard let table = raw as? [String: Any] else { throw fail("options", "is an object of options by name") }
            for (name, spec) in table.sorted(by: { $0.key < $1.key }) {
                let field = "options.\(name)"
                guard name.range(of: "^[a-z_][a-z0-9_]*$", options: .regularExpression) != nil else {
                    throw fail(field, "an option's name is lowercase letters, digits and _")
                }
                guard let spec = spec as? [String: Any], let type = (spec["type"] as? String).flatMap(OptionType.init(rawValue:)) else {
                    throw fail(field, "needs a type: \(Self.optionTypes.joined(separator: ", "))")
                }
                guard let raw = spec["default"] else { throw fail(field, "needs a default") }
                let value = try Self.value(raw, type: type, field: "\(file): \(field).default")
                options.append(Option(name: name, type: type, defaultValue: value, doc: spec["doc"] as? String ?? ""))
            }
        }
        self.options = options
    }

    /// A value of `type` from JSON (a default) or from text (what a user sets).
    public static func value(_ raw: Any, type: OptionType, field: String) throws -> OptionValue {
        func wrong() -> DomainError { DomainError.invalid(field: field, "is \(type.said)") }
        switch type {
        case .integer:
            if let text = raw as? String { guard let n = Int(text) else { throw wrong() }; return .integer(n) }
            guard let n = raw as? Int, !(raw is Bool) else { throw wrong() }
            return .integer(n)
        case .number:
            if let text = raw as? String { guard let d = Double(text), d.isFinite else { throw wrong() }; return .number(d) }
            guard let d = raw as? Double, !(raw is Bool) else { throw wrong() }
            return .number(d)
        case .boolean:
            if let text = raw as? String { guard let b = Bool(text) else { throw wrong() }; return .boolean(b) }
            guard let b = raw as? Bool else { throw wrong() }
            return .boolean(b)
        case .list:
            if let text = raw as? String { return .list(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
            guard let list = raw as? [String] else { throw wrong() }
            return .list(list)
        case .text:
            guard let text = raw as? String else { throw wrong() }
            return .text(text)
        }
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
