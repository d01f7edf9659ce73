import CadenceCore
import Foundation
import GRDB

/// A workspace's database: SQLite in WAL mode with foreign keys on, and a
/// busy timeout so that two processes writing at once both succeed.
///
///     let store = try Store(path: "cadence.sqlite")
///     try store.write { db in try Queries.addCandidate(&candidate, db) }
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

    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.read(body)
    }

    /// Runs `body` in one immediate transaction.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    /// Runs `body` on the writer connection without a transaction: for a
    /// script, which begins one at its first write (`WorkspaceTransaction`)
    /// and commits or rolls back when it ends.
    public func session<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction(body)
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
