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
enum UndoJournal {
    /// The tables whose rows are journaled, children after parents (the
    /// order triggers are made in; undo order comes from the journal).
    static let tables = ["candidate", "application", "contact", "event", "followUp", "offer"]
    /// How many commands can be undone, one after another.
    static let depth = 20

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE undoCommand (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at DATETIME NOT NULL,
                description TEXT NOT NULL);
            CREATE TABLE undoStep (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                commandID INTEGER NOT NULL REFERENCES undoCommand(id) ON DELETE CASCADE,
                tableName TEXT NOT NULL,
                operation TEXT NOT NULL,
                rowID INTEGER NOT NULL,
                inverse TEXT NOT NULL);
            CREATE INDEX undoStep_on_command ON undoStep(commandID);
            """)
        try makeTriggers(db)
    }

    /// (Re)makes the triggers from each table's columns as they are now: a
    /// migration that adds a column calls this again.
    static func makeTriggers(_ db: Database) throws {
        for table in tables {
            let columns = try db.columns(in: table).map(\.name)
            let quoted = columns.map { "\"\($0)\"" }
            let list = quoted.joined(separator: ", ")
            // quote() makes a SQL literal of any value, so the inverse is exact text.
            let values = columns.map { "quote(OLD.\"\($0)\")" }.joined(separator: " || ', ' || ")
            let assignments = columns.map { "'\"\($0)\" = ' || quote(OLD.\"\($0)\")" }.joined(separator: " || ', ' || ")
            let command = "(SELECT max(id) FROM undoCommand)"
            try db.execute(sql: """
                DROP TRIGGER IF EXISTS undo_\(table)_insert;
                DROP TRIGGER IF EXISTS undo_\(table)_update;
                DROP TRIGGER IF EXISTS undo_\(table)_delete;
                CREATE TRIGGER undo_\(table)_insert AFTER INSERT ON "\(table)" WHEN \(command) IS NOT NULL BEGIN
                    INSERT INTO undoStep (commandID, tableName, operation, rowID, inverse)
                    VALUES (\(command), '\(table)', 'insert', NEW.id, 'DELETE FROM "\(table)" WHERE id = ' || NEW.id);
                END;
                CREATE TRIGGER undo_\(table)_update AFTER UPDATE ON "\(table)" WHEN \(command) IS NOT NULL BEGIN
                    INSERT INTO undoStep (commandID, tableName, operation, rowID, inverse)
                    VALUES (\(command), '\(table)', 'update', OLD.id,
                            'UPDATE "\(table)" SET ' || \(assignments) || ' WHERE id = ' || OLD.id);
                END;
                CREATE TRIGGER undo_\(table)_delete AFTER DELETE ON "\(table)" WHEN \(command) IS NOT NULL BEGIN
                    INSERT INTO undoStep (commandID, tableName, operation, rowID, inverse)
                    VALUES (\(command), '\(table)', 'delete', OLD.id,
                            'INSERT INTO "\(table)" (\(list.replacingOccurrences(of: "'", with: "''"))) VALUES (' || \(values) || ')');
                END;
                """)
        }
    }

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
