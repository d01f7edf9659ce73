import GRDB

/// A script's writes are atomic: the first write begins a transaction on the
/// script's connection (and a command in the undo journal), and the end of
/// the script commits it, or an error anywhere rolls all of it back.
public final class WorkspaceTransaction {
    let db: Database
    /// What `cadence undo` will say it takes back ("cadence run plan.lua").
    public var command: String
    private var savepoints = 0
    /// The savepoints open, innermost last: only a name the host made, and
    /// the innermost, can be ended (a name from Lua never reaches SQL).
    private var open: [String] = []

    public init(_ workspace: WorkspaceService, command: String = "a script") {
        self.db = workspace.db
        self.command = command
    }

    /// The undo journal's id of the command the last committed transaction
    /// wrote as, or nil when it wrote nothing (the REPL's `:undo` takes it back).
    public private(set) var lastCommand: Int64?
    private var began = false

    /// Called before every write.
    public func willWrite() throws {
        if !db.isInsideTransaction {
            try db.execute(sql: "BEGIN IMMEDIATE")
            try UndoJournal.begin(command, db)
            began = true
        }
    }

    /// Ends the script's transaction.
    public func finish(success: Bool) throws {
        lastCommand = nil
        guard db.isInsideTransaction else { return }
        var command: Int64?
        if success && began {
            try UndoJournal.end(db)
            command = try UndoJournal.last(db)?.id
        }
        try db.execute(sql: success ? "COMMIT" : "ROLLBACK")
        began = false
        lastCommand = success ? command : nil
    }

    /// Takes back the command `id` (see `UndoJournal`), when it is still the
    /// last one written; its writes are not journaled again.
    public func undo(_ id: Int64) throws -> UndoableCommand {
        guard try UndoJournal.last(db)?.id == id else {
            throw StoreError.invalid("another command has written since; 'cadence undo' takes back the last one, whatever it was")
        }
        if !db.isInsideTransaction { try db.execute(sql: "BEGIN IMMEDIATE") }
        do {
            let undone = try UndoJournal.undo(db)!
            try db.execute(sql: "COMMIT")
            return undone
        } catch {
            try? db.execute(sql: "ROLLBACK")
            throw error
        }
    }

    /// `transaction(fn)` in Lua: a nested unit that can be undone on its own.
    public func beginNested() throws -> String {
        try willWrite()
        savepoints += 1
        let name = "cadence_\(savepoints)"
        try db.execute(sql: "SAVEPOINT \(name)")
        open.append(name)
        return name
    }

    public func endNested(_ name: String, success: Bool) throws {
        guard let innermost = open.last, innermost == name else {
            throw StoreError.invalid("no transaction named '\(name.prefix(40))' is the innermost one open")
        }
        if !success { try db.execute(sql: "ROLLBACK TO SAVEPOINT \(innermost)") }
        try db.execute(sql: "RELEASE SAVEPOINT \(innermost)")
        open.removeLast()
    }
}
