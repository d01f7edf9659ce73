import GRDB

/// A script's writes are atomic: the first write begins a transaction on the
/// script's connection (and a command in the undo journal), and the end of
/// the script commits it, or an error anywhere rolls all of it back.
public final class WorkspaceTransaction {
    let db: Database
    /// What `cadence undo` will say it takes back ("cadence run plan.lua").
    public var command: String
    private var savepoints = 0

    public init(_ workspace: WorkspaceService, command: String = "a script") {
        self.db = workspace.db
        self.command = command
    }

    /// Called before every write.
    public func willWrite() throws {
        if !db.isInsideTransaction {
            try db.execute(sql: "BEGIN IMMEDIATE")
            try UndoJournal.begin(command, db)
        }
    }

    /// Ends the script's transaction.
    public func finish(success: Bool) throws {
        guard db.isInsideTransaction else { return }
        if success { try UndoJournal.end(db) }
        try db.execute(sql: success ? "COMMIT" : "ROLLBACK")
    }

    /// `transaction(fn)` in Lua: a nested unit that can be undone on its own.
    public func beginNested() throws -> String {
        try willWrite()
        savepoints += 1
        let name = "cadence_\(savepoints)"
        try db.execute(sql: "SAVEPOINT \(name)")
        return name
    }

    public func endNested(_ name: String, success: Bool) throws {
        if !success { try db.execute(sql: "ROLLBACK TO SAVEPOINT \(name)") }
        try db.execute(sql: "RELEASE SAVEPOINT \(name)")
    }
}
