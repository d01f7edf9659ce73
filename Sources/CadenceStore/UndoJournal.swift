import CadenceCore
import Foundation
import GRDB

/// What `cadence undo` takes back: every write transaction is a command in
/// the journal, and triggers on each table record, for every row a command
/// inserts, changes or deletes, the SQL that puts it back. Triggers rather
/// than bookkeeping in each operation: a cascade, an import or a script's
/// writes are journaled the same way, and nothing can be forgotten.
///
/// Undoing reads a command's inverse statements back as data (`UndoInverse`)
/// and makes each again with its values bound, latest first, then forgets
/// the command. Only the last few commands are kept.
///
/// The journal's tables and triggers are schema, so the migrations make them
/// (v4, remade by each migration that adds a journaled column; v8 journals the contacts' links).
enum UndoJournal {
    /// How many commands can be undone, one after another.
    static let depth = 20

    /// Starts a command: what follows in this transaction is journaled under it.
    static func begin(_ description: String, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO undoCommand (at, description) VALUES (?, ?)", arguments: [Date(), description])
        try db.execute(sql: "DELETE FROM undoCommand WHERE id <= (SELECT max(id) FROM undoCommand) - ?", arguments: [depth])
    }

    /// A command that wrote nothing is no command to undo.
    static func end(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM undoCommand WHERE id = (SELECT max(id) FROM undoCommand)
              AND NOT EXISTS (SELECT 1 FROM undoStep WHERE commandID = undoCommand.id)
            """)
    }

    /// The last command, and what undoing it would do, in words.
    static func last(_ db: Database) throws -> UndoableCommand? {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, at, description FROM undoCommand ORDER BY id DESC LIMIT 1") else {
            return nil
        }
        return try readingJournal {
            let id = try row.decode(Int64.self, atIndex: 0)
            let steps = try Row.fetchAll(db, sql: """
                SELECT tableName, operation, rowID FROM undoStep WHERE commandID = ? ORDER BY id
                """, arguments: [id])
            let at: Date = try row.decode(atIndex: 1)
            guard EventRows.keptInstants.contains(at.timeIntervalSince1970) else {
                throw StoreError.invalid("the undo journal cannot be read (the last command's time is beyond the years Cadence keeps): "
                    + "the workspace file was changed by another program; nothing was undone")
            }
            return UndoableCommand(id: id, at: at, description: try row.decode(atIndex: 2),
                                   changes: try steps.map { step in
                UndoableCommand.Change(table: try step.decode(atIndex: 0), operation: try step.decode(atIndex: 1),
                                       rowID: try step.decode(atIndex: 2))
            })
        }
    }

    /// The journal's rows are the workspace file's, which another program
    /// may have written: a value of the wrong type is a refusal, not a trap.
    private static func readingJournal<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as RowDecodingError {
            throw StoreError.invalid("the undo journal cannot be read (\(StoredRows.reason(error))): "
                + "the workspace file was changed by another program; nothing was undone")
        }
    }

    /// Takes back the last command: its inverse statements, latest first;
    /// then the command is forgotten (with what the inverses journaled
    /// under it), and the one before it is the next to undo.
    ///
    /// The journal is in the workspace file, so its text is data, never SQL
    /// to run: every step is read as one of the shapes the triggers write
    /// (`UndoInverse`) before anything is undone, and one that is not is
    /// refused with the reason, nothing changed.
    static func undo(_ db: Database) throws -> UndoableCommand? {
        guard let command = try last(db) else { return nil }
        let steps = try Row.fetchAll(db, sql: """
            SELECT id, tableName, operation, rowID, inverse FROM undoStep WHERE commandID = ? ORDER BY id DESC
            """, arguments: [command.id])
        var columns: [String: Set<String>] = [:]
        let inverses = try steps.map { step in
            let (id, table, operation, rowID, inverse) = try readingJournal {
                (try step.decode(Int64.self, atIndex: 0), try step.decode(String.self, atIndex: 1),
                 try step.decode(String.self, atIndex: 2), try step.decode(Int64.self, atIndex: 3),
                 try step.decode(String.self, atIndex: 4))
            }
            do {
                return try UndoInverse.read(inverse, table: table, operation: operation, rowID: rowID) { table in
                    if let known = columns[table] { return known }
                    let known = Set(try db.columns(in: table).map(\.name))
                    columns[table] = known
                    return known
                }
            } catch let error as UndoInverseError {
                throw StoreError.invalid("the undo journal's step \(id) of '\(StoredRows.shown(command.description))' is not one Cadence writes "
                    + "(\(error.description)): the workspace file was changed by another program; nothing was undone")
            }
        }
        // A parent and its cascaded children come back in journal order; the
        // keys are checked when the transaction commits, all of them at once.
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        for inverse in inverses { try inverse.apply(db) }
        try db.execute(sql: "DELETE FROM undoCommand WHERE id = ?", arguments: [command.id])
        return command
    }
}

/// A command the journal can take back, as `cadence undo` shows it.
public struct UndoableCommand: Sendable {
    public struct Change: Sendable {
        public var table: String
        public var operation: String
        public var rowID: Int64

        public var description: String {
            let noun = table == "followUp" ? "agenda decision" : table == "contactApplication" ? "contact's link" : table
            switch operation {
            case "insert": return "added \(noun) #\(rowID)"
            case "delete": return "deleted \(noun) #\(rowID)"
            default: return "changed \(noun) #\(rowID)"
            }
        }
    }

    public var id: Int64
    public var at: Date
    public var description: String
    public var changes: [Change]
}
