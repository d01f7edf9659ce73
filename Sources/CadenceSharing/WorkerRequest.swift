import CadenceCore
import Foundation

/// What the host sends a worker, on the wire as JSON (the answer's way,
/// reversed): the sharing module's Lua builds it as a table, the host reads
/// that table in place into this type and encodes it; the worker decodes it
/// and writes it into its Lua as tables, days as Dates. The rows hold only
/// the fields the package's manifest declares (and those always given).
public struct WorkerRequest: Codable, Sendable {
    /// "plan", "test" or "record".
    public var mode: String
    /// The day planned on, as ISO text.
    public var asOf: String
    public var package: Package
    /// The user's calendar settings (days as text).
    public var calendar: WireValue?
    /// The package's own decisions (plan).
    public var decisions: [Decision]?
    /// The search (plan): the applications, and each one's events, contacts
    /// and offers, counted in the applications' order.
    public var apps: ReadableFields.Rows<ReadableFields.Application>?
    public var timelines: ReadableFields.Rows<ReadableFields.Event>?
    public var contacts: ReadableFields.Rows<ReadableFields.Contact>?
    public var offers: ReadableFields.Rows<ReadableFields.Offer>?
    public var candidates: ReadableFields.Rows<ReadableFields.Candidate>?

    enum CodingKeys: String, CodingKey {
        case mode, asOf = "as_of", package, calendar, decisions, apps, timelines, contacts, offers, candidates
    }

    /// The package as the worker needs it: its files, entry, options and reads.
    public struct Package: Codable, Sendable {
        public var name, version, entry: String
        public var tests, select: String?
        public var files: [String: String]
        public var options: [String: WireValue]
        public var reads: [String: [String]]
    }

    /// A decision of the user's on one of the package's items.
    public struct Decision: Codable, Sendable {
        public var application: Int64
        public var key: String
        public var status: String?
        /// A day number.
        public var due: Int?
    }

    /// The key under which the host keeps the item `key` of the package
    /// `package` (its decisions, its ref): the package's identity and the key
    /// it proposed. A package's name is a slug (no "/"), so no package's keys
    /// can pass for another's; built-in policies' keys never begin "package:".
    public static func hostKey(package: String, key: String) -> String { keyPrefix(package) + key }

    static func keyPrefix(_ package: String) -> String { "package:" + package + "/" }

    /// Of `decisions` (by the keys the host keeps), those on the items
    /// `package` made, by the keys it proposed: all a package hears of the
    /// user's decisions.
    public static func own(_ decisions: [Decision], package: String) -> [Decision] {
        let prefix = keyPrefix(package)
        return decisions.compactMap { d in
            // Bytes, not Characters: a combining mark after the "/" must not join it into another Character.
            guard d.key.utf8.starts(with: prefix.utf8) else { return nil }
            var mine = d
            mine.key = String(decoding: d.key.utf8.dropFirst(prefix.utf8.count), as: UTF8.self)
            return mine
        }
    }

    /// The request as JSON for the worker.
    public func json() throws -> Data { try WireJSON.data(self) }

    /// The request a worker was sent.
    public init(json: Data) throws {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = JSONOutput.nonFinite.decoding
        self = try decoder.decode(WorkerRequest.self, from: json)
    }
}

/// A value of no fixed shape in a request (an option's value, the calendar,
/// money, targets): text, a number, a boolean, a list, or a table of named
/// fields. A table with both is a table whose list entries are keyed "1",
/// "2", … (the worker gives them back as integer keys). At most `maxDepth`
/// levels below the request's root.
public indirect enum WireValue: Codable, Sendable, Equatable {
    case text(String)
    case integer(Int64)
    case number(Double)
    case boolean(Bool)
    case list([WireValue])
    case table([String: WireValue])

    /// How deep a value may lie, counted from the request's root.
    static let maxDepth = 12

    public init(from decoder: Decoder) throws {
        if let single = try? decoder.singleValueContainer() {
            if let text = try? single.decode(String.self) { self = .text(text); return }
            if let integer = try? single.decode(Int64.self) { self = .integer(integer); return }
            if let number = try? single.decode(Double.self) { self = .number(number); return }
            if let flag = try? single.decode(Bool.self) { self = .boolean(flag); return }
        }
        guard decoder.codingPath.count <= Self.maxDepth else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "nested too deeply"))
        }
        var fields: [String: WireValue] = [:]
        if let keyed = try? decoder.container(keyedBy: NamedKey.self) {
            for key in keyed.allKeys { fields[key.stringValue] = try keyed.decode(WireValue.self, forKey: key) }
        }
        var list: [WireValue] = []
        if var unkeyed = try? decoder.unkeyedContainer() {
            while !unkeyed.isAtEnd { list.append(try unkeyed.decode(WireValue.self)) }
        }
        if fields.isEmpty {
            self = .list(list)
        } else {
            for (index, value) in list.enumerated() { fields[String(index + 1)] = value }
            self = .table(fields)
        }
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .text(let text): var single = encoder.singleValueContainer(); try single.encode(text)
        case .integer(let n): var single = encoder.singleValueContainer(); try single.encode(n)
        case .number(let d): var single = encoder.singleValueContainer(); try single.encode(d)
        case .boolean(let b): var single = encoder.singleValueContainer(); try single.encode(b)
        case .list(let list):
            var unkeyed = encoder.unkeyedContainer()
            for value in list { try unkeyed.encode(value) }
        case .table(let fields):
            var keyed = encoder.container(keyedBy: NamedKey.self)
            for (key, value) in fields { try keyed.encode(value, forKey: NamedKey(stringValue: key)) }
        }
    }
}

/// A key of a table of no fixed shape: any name.
struct NamedKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
