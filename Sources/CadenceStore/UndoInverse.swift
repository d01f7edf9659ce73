import Foundation
import GRDB

/// One step of the undo journal read back as data, never run as the text it
/// is stored as. The journal is in the workspace file, which anyone may
/// have edited: its `inverse` column is read only in the exact shapes the
/// journal's triggers write (Migrations.makeJournalTriggers, makeLinkJournalTriggers),
///
///     DELETE FROM "t" WHERE id = 7
///     UPDATE "t" SET "a" = 'x', "b" = NULL WHERE id = 7
///     INSERT INTO "t" ("a", "b") VALUES ('x', 1.5)
///
/// with the table one of the journaled tables, each column one of its real
/// columns, each value one literal as SQLite's quote() writes it (NULL, an
/// integer, a real, 'text', X'blob'), and the row the step names. The
/// statement that undoes it is then made here, with the values bound.
struct UndoInverse {
    /// The tables the triggers journal: nothing else can be undone into.
    static let journaledTables: Set<String> = ["candidate", "application", "contact", "event", "followUp", "offer",
                                                      "contactApplication"]

    enum Change {
        case delete
        case update([(column: String, value: DatabaseValue)])
        case insert([(column: String, value: DatabaseValue)])
    }

    let table: String
    let rowID: Int64
    let change: Change

    /// Reads `inverse`, journaled as `operation` of row `rowID` of `table`;
    /// throws why it is not a step the triggers write.
    static func read(_ inverse: String, table: String, operation: String, rowID: Int64,
                     columnsOf columns: (String) throws -> Set<String>) throws -> UndoInverse {
        guard journaledTables.contains(table) else {
            throw UndoInverseError("'\(StoredRows.shown(table))' is not a table the journal records")
        }
        let known = try columns(table)
        var text = SQLText(inverse)
        let change: Change
        switch operation {
        case "insert":
            try text.expect("DELETE FROM ")
            try text.expectTable(table)
            try text.expect(" WHERE id = ")
            try text.expectRow(rowID)
            change = .delete
        case "update":
            try text.expect("UPDATE ")
            try text.expectTable(table)
            try text.expect(" SET ")
            var assignments: [(column: String, value: DatabaseValue)] = []
            repeat {
                let column = try text.column(of: known)
                try text.expect(" = ")
                assignments.append((column, try text.literal()))
            } while text.skip(", ")
            try text.expect(" WHERE id = ")
            try text.expectRow(rowID)
            change = .update(try unique(assignments))
        case "delete":
            try text.expect("INSERT INTO ")
            try text.expectTable(table)
            try text.expect(" (")
            var names: [String] = []
            repeat { names.append(try text.column(of: known)) } while text.skip(", ")
            try text.expect(") VALUES (")
            var values: [DatabaseValue] = []
            repeat { values.append(try text.literal()) } while text.skip(", ")
            try text.expect(")")
            guard values.count == names.count else {
                throw UndoInverseError("it names \(names.count) columns and gives \(values.count) values")
            }
            let row = try unique(Array(zip(names, values)).map { (column: $0.0, value: $0.1) })
            guard let id = row.first(where: { $0.column == "id" }), id.value == rowID.databaseValue else {
                throw UndoInverseError("it would put back a row other than #\(rowID)")
            }
            change = .insert(row)
        default:
            throw UndoInverseError("'\(StoredRows.shown(operation))' is not an operation the journal records")
        }
        guard text.atEnd else { throw UndoInverseError("there is more after the statement") }
        return UndoInverse(table: table, rowID: rowID, change: change)
    }

    private static func unique(_ pairs: [(column: String, value: DatabaseValue)]) throws -> [(column: String, value: DatabaseValue)] {
        var seen: Set<String> = []
        for pair in pairs where !seen.insert(pair.column).inserted {
            throw UndoInverseError("it names the column '\(pair.column)' twice")
        }
        return pairs
    }

    /// Puts the row back. The names are the journaled table's and its real
    /// columns' (checked when read); the values are bound, never pasted.
    func apply(_ db: Database) throws {
        let quotedTable = "\"\(table)\""
        switch change {
        case .delete:
            try db.execute(sql: "DELETE FROM \(quotedTable) WHERE id = ?", arguments: [rowID])
        case .update(let assignments):
            let set = assignments.map { "\"\($0.column)\" = ?" }.joined(separator: ", ")
            try db.execute(sql: "UPDATE \(quotedTable) SET \(set) WHERE id = ?",
                           arguments: StatementArguments(assignments.map(\.value) + [rowID.databaseValue]))
        case .insert(let row):
            let names = row.map { "\"\($0.column)\"" }.joined(separator: ", ")
            let marks = Array(repeating: "?", count: row.count).joined(separator: ", ")
            try db.execute(sql: "INSERT INTO \(quotedTable) (\(names)) VALUES (\(marks))",
                           arguments: StatementArguments(row.map(\.value)))
        }
    }
}

/// Why a journal entry is not one the triggers write.
struct UndoInverseError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A cursor over the UTF-8 of a journaled statement: it matches the
/// triggers' fixed text exactly and reads the literals of quote().
private struct SQLText {
    let bytes: [UInt8]
    var position = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var atEnd: Bool { position == bytes.count }

    mutating func skip(_ expected: String) -> Bool {
        let expected = Array(expected.utf8)
        guard bytes.count - position >= expected.count, Array(bytes[position..<position + expected.count]) == expected else {
            return false
        }
        position += expected.count
        return true
    }

    mutating func expect(_ expected: String) throws {
        guard skip(expected) else { throw UndoInverseError("it does not read '\(expected.trimmingCharacters(in: .whitespaces))' where the journal writes it") }
    }

    mutating func expectTable(_ table: String) throws {
        guard skip("\"\(table)\"") else { throw UndoInverseError("it is not about the table '\(StoredRows.shown(table))' it is journaled under") }
    }

    mutating func expectRow(_ rowID: Int64) throws {
        guard case .int64(let id) = try literal().storage, id == rowID else {
            throw UndoInverseError("it is not about row #\(rowID) it is journaled under")
        }
    }

    /// A double-quoted name that is one of `known`.
    mutating func column(of known: Set<String>) throws -> String {
        guard skip("\"") else { throw UndoInverseError("a column name is not where the journal writes one") }
        guard let end = bytes[position...].firstIndex(of: UInt8(ascii: "\"")) else {
            throw UndoInverseError("a column name is not closed")
        }
        let name = String(decoding: bytes[position..<end], as: UTF8.self)
        position = end + 1
        guard known.contains(name) else { throw UndoInverseError("'\(StoredRows.shown(name))' is not a column of the table") }
        return name
    }

    /// One literal as SQLite's quote() writes it.
    mutating func literal() throws -> DatabaseValue {
        if skip("NULL") { return .null }
        if skip("X'") { return try blob() }
        if skip("'") { return try text() }
        return try number()
    }

    private mutating func text() throws -> DatabaseValue {
        var content: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "'") {
                guard position < bytes.count, bytes[position] == UInt8(ascii: "'") else {
                    return String(decoding: content, as: UTF8.self).databaseValue
                }
                position += 1
            }
            content.append(byte)
        }
        throw UndoInverseError("a text is not closed")
    }

    private mutating func blob() throws -> DatabaseValue {
        var data = Data()
        func nibble(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        while position + 1 < bytes.count, let high = nibble(bytes[position]), let low = nibble(bytes[position + 1]) {
            data.append(high << 4 | low)
            position += 2
        }
        try expect("'")
        return data.databaseValue
    }

    /// -?digits, with a fraction and an exponent for a real (quote() writes
    /// "1.0e+20", and "9.0e+999" for an infinity).
    private mutating func number() throws -> DatabaseValue {
        let start = position
        func digits() -> Int {
            let first = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            return position - first
        }
        _ = skip("-")
        guard digits() > 0 else { throw UndoInverseError("a value is not one the journal writes") }
        var real = false
        if skip(".") {
            real = true
            guard digits() > 0 else { throw UndoInverseError("a number is cut short") }
        }
        if skip("e") {
            real = true
            if !skip("+") { _ = skip("-") }
            guard digits() > 0 else { throw UndoInverseError("a number is cut short") }
        }
        let literal = String(decoding: bytes[start..<position], as: UTF8.self)
        if real, let value = Double(literal) { return value.databaseValue }
        if !real, let value = Int64(literal) { return value.databaseValue }
        throw UndoInverseError("the number \(StoredRows.shown(literal)) is out of range")
    }
}
