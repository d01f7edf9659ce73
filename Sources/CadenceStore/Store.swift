import CadenceCore
import Foundation
import GRDB

/// A workspace's database: SQLite in WAL mode with foreign keys on, and a
/// busy timeout so that two processes writing at once both succeed.
///
///     let store = try Store(path: "cadence.sqlite")
///     try store.write("candidate add Jo") { workspace in try workspace.addCandidate(Candidate(name: "Jo")) }
///
/// Every `write` is one transaction: all of it lands, or none.
public final class Store: Sendable {
    public let path: String
    let pool: DatabasePool

    /// Opens (creating if `create`) and migrates the database at `path`.
    public init(path: String, create: Bool = false) throws {
        self.path = path
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw StoreError.noWorkspace(path: (path as NSString).deletingLastPathComponent)
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(30)
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Store.checkIdentity(pool, path: path)
            try Migrations.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw StoreError.notCadenceDatabase(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// A database with tables but without our application id is someone else's.
    static func checkIdentity(_ pool: DatabasePool, path: String) throws {
        try pool.read { db in
            let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
            if tables > 0 && id != Migrations.applicationID {
                throw StoreError.notCadenceDatabase(path: path, reason: "it holds tables of another program")
            }
        }
    }

    /// Reads the workspace.
    public func read<T>(_ body: (WorkspaceService) throws -> T) throws -> T {
        try readDatabase { db in try body(WorkspaceService(db)) }
    }

    /// Runs `body` in one immediate transaction: all of it lands, or none.
    /// `command` is what `cadence undo` will say it takes back ("app add Acme Analyst").
    public func write<T>(_ command: String, _ body: (WorkspaceService) throws -> T) throws -> T {
        try writeDatabase { db in
            try UndoJournal.begin(command, db)
            let result = try body(WorkspaceService(db))
            try UndoJournal.end(db)
            return result
        }
    }

    /// Runs `body` on the writer connection without a transaction: for a
    /// script, which begins one at its first write (`WorkspaceTransaction`)
    /// and commits or rolls back when it ends.
    public func session<T>(_ body: (WorkspaceService) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in try body(WorkspaceService(db)) }
    }

    /// Takes back the last command's writes (see `UndoJournal`); nil when there is none.
    public func undo() throws -> UndoableCommand? {
        try writeDatabase { db in try UndoJournal.undo(db) }
    }

    func readDatabase<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.read(body)
    }

    func writeDatabase<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    /// `PRAGMA integrity_check`: "ok" for a sound database.
    public func integrityCheck() throws -> String {
        try pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }

    /// The names of the applied migrations.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try Migrations.migrator.appliedIdentifiers(db) }.sorted()
    }
}
