import CadenceCore
import CadenceStore
import Foundation
import LuaBinding

/// The fields of a table a script passes to a write (`cadence.add_app{…}`),
/// read by name and type; whatever is left unread is a misspelt field and
/// an error that names it, as `sequence{}` does.
struct RecordFields {
    let function: String
    let table: LuaTable
    private(set) var read: Set<String> = []

    init(_ function: String, _ table: LuaTable) {
        self.function = function
        self.table = table
    }

    /// An error that reads "add_app{…}: 'role' is needed".
    func fail(_ field: String, _ message: String) -> DomainError {
        DomainError.invalid(field: "\(function){…}", message)
    }

    mutating func text(_ key: String) throws -> String? {
        read.insert(key)
        if let day = ObjectClasses.day(of: table[key]) { return day.description }     // a Date
        switch table[key] {
        case .nil: return nil
        case .string(let s): return s.description
        case .integer(let n): return String(n)
        case let other: throw fail(key, "'\(key)' is text, not a \(other.typeName)")
        }
    }

    mutating func required(_ key: String) throws -> String {
        guard let value = try text(key), !value.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail(key, "'\(key)' is needed") }
        return value
    }

    mutating func integer(_ key: String) throws -> Int? {
        read.insert(key)
        switch table[key] {
        case .nil: return nil
        case .integer(let n): return Int(n)
        case let other: throw fail(key, "'\(key)' is a whole number, not a \(other.typeName)")
        }
    }

    mutating func flag(_ key: String) throws -> Bool {
        read.insert(key)
        switch table[key] {
        case .nil: return false
        case .boolean(let b): return b
        case let other: throw fail(key, "'\(key)' is true or false, not a \(other.typeName)")
        }
    }

    mutating func list(_ key: String) throws -> [String]? {
        read.insert(key)
        switch table[key] {
        case .nil: return nil
        case .string(let s): return [s.description]
        case .table(let t) where t.hash.isEmpty:
            return try t.array.map {
                guard let s = $0.stringValue else { throw fail(key, "'\(key)' is a list of texts") }
                return s
            }
        case let other: throw fail(key, "'\(key)' is a list of texts, not a \(other.typeName)")
        }
    }

    /// A map of texts (facts, benefits); `false` or "" as a value removes that entry.
    mutating func map(_ key: String) throws -> [String: String?]? {
        read.insert(key)
        switch table[key] {
        case .nil: return nil
        case .table(let t) where t.array.isEmpty:
            var out: [String: String?] = [:]
            for (k, v) in t.hash {
                guard let name = k.stringValue else { throw fail(key, "'\(key)' is keyed by names") }
                switch v {
                case .string(let s): out[name] = s.description.isEmpty ? String?.none : s.description
                case .boolean(false): out[name] = String?.none
                default: throw fail(key, "'\(key).\(name)' is text (or false to remove it)")
                }
            }
            return out
        case let other: throw fail(key, "'\(key)' is a table of name = text, not a \(other.typeName)")
        }
    }

    /// Refuses any field not read: a misspelling would otherwise be ignored.
    /// `renamed` gives the names a field had before it was named once
    /// (`decisionDeadline` for `deadline`): refused, with the name it has now.
    func finish(known: [String], renamed: [String: String] = [:]) throws {
        for key in table.hash.keys {
            guard let name = key.stringValue, read.contains(name) else {
                let name = TerminalText.messageLine(key.stringValue ?? key.description, limit: 80)
                let near = (key.stringValue.flatMap { renamed[$0] } ?? NearMiss.nearest(to: name, among: known))
                    .map { " (did you mean '\($0)'?)" } ?? ""
                throw fail(name, "unknown field '\(name)'\(near); known: \(known.joined(separator: ", "))")
            }
        }
        if !table.array.isEmpty { throw fail("fields", "fields are named (company = \"Acme\"), not listed") }
    }
}
