import CadenceCore
import Foundation
import GRDB

/// What `cadence undo` takes back: every write transaction is a command in
/// the journal, and triggers on each table record, for every row a command
/// inserts, changes or deletes, the SQL that puts it back. Triggers rather
/// than bookkeeping in each operation: a cascade, an import or a script's
/// writes are journaled the same way, and nothing can be forgotten.
///
/// Undoing runs a command's inverse statements latest first, then forgets
/// the command. Only the last few commands are kept.
///
/// The journal's tables and triggers are schema, so the migrations make them
/// (v4, remade by each migration that adds a journaled column).
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
        let id: Int64 = row[0]
        let steps = try Row.fetchAll(db, sql: """
            SELECT tableName, operation, rowID FROM undoStep WHERE commandID = ? ORDER BY id
            """, arguments: [id])
        return UndoableCommand(id: id, at: row[1], description: row[2], changes: steps.map { step in
            UndoableCommand.Change(table: step[0], operation: step[1], rowID: step[2])
        })
    }

    /// Takes back the last command: its inverse statements, latest first;
    /// then the command is forgotten (with what the inverses journaled
    /// under it), and the one before it is the next to undo.
    static func undo(_ db: Database) throws -> UndoableCommand? {
        guard let command = try last(db) else { return nil }
        let inverses = try String.fetchAll(db, sql: "SELECT inverse FROM undoStep WHERE commandID = ? ORDER BY id DESC",
                                           arguments: [command.id])
        // A parent and its cascaded children come back in journal order; the
        // keys are checked when the transaction commits, all of them at once.
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        for sql in inverses { try db.execute(sql: sql) }
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
            let noun = table == "followUp" ? "agenda decision" : table
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
