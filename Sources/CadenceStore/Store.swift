import CSQLiteSupport
import CadenceCore
import Foundation
import GRDB
import GRDBSQLite

/// A workspace's database: SQLite in WAL mode with foreign keys on, and a
/// busy timeout so that two processes writing at once both succeed.
///
///     let store = try Store(path: "cadence.sqlite")
///     try store.write("candidate add Jo") { workspace in try workspace.addCandidate(Candidate(name: "Jo")) }
///
/// Every `write` is one transaction: all of it lands, or none.
public final class Store: Sendable {
    public let path: String
    let pool: any DatabaseWriter
    /// A workspace file this process may not write: reads work, writes say so.
    public let isReadOnly: Bool

    /// Opens (creating if `create`) and migrates the database at `path`.
    /// The file is looked at read-only first: another program's SQLite file,
    /// an empty file or a workspace of a newer Cadence is refused untouched.
    public init(path: String, create: Bool = false) throws {
        self.path = path
        let manager = FileManager.default
        if !create && !manager.fileExists(atPath: path) {
            throw StoreError.noWorkspace(path: (path as NSString).deletingLastPathComponent)
        }
        if !create {
            let size = (try? manager.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            if size == 0 {
                throw StoreError.notCadenceDatabase(path: path, reason: "the file is empty (zero bytes); "
                    + "to start a workspace here, move it away and run 'cadence init'")
            }
            try Store.inspect(path)
        }
        isReadOnly = !create && !manager.isWritableFile(atPath: path)
        var configuration = Store.hardenedConfiguration()
        configuration.foreignKeysEnabled = true
        do {
            if isReadOnly {
                configuration.readonly = true
                pool = try DatabaseQueue(path: Store.readingPath(path), configuration: configuration)
            } else {
                // A queue, not a pool: a pool writes to the file on every open
                // (to make sure a WAL file exists), and a command needs one
                // connection. SQLite's locks keep two processes apart.
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                if create {
                    // WAL mode is a property of the file: set once, it stays.
                    try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
                }
                // Only a database that needs it is migrated: opening writes nothing otherwise.
                if try queue.read({ try !Migrations.migrator.hasCompletedMigrations($0) }) {
                    try Migrations.migrator.migrate(queue)
                }
                self.pool = queue
            }
        } catch let error as DatabaseError {
            throw Store.storeError(error, path: path)
        }
    }

    /// The path to open `path` read-only with. Reading a WAL database makes
    /// a -shm file beside it; where the folder cannot take one, the file is
    /// read as immutable (nothing can write it here anyway).
    static func readingPath(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        guard !FileManager.default.isWritableFile(atPath: folder) else { return path }
        let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
        return "file:\(encoded)?immutable=1"
    }

    /// Reads the file without writing to it (no WAL switch, no migration):
    /// refuses what is not a Cadence workspace this Cadence understands.
    static func inspect(_ path: String) throws {
        var configuration = hardenedConfiguration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: readingPath(path), configuration: configuration)
            defer { try? queue.close() }
            try queue.read { db in
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
                if id != Migrations.applicationID {
                    throw StoreError.notCadenceDatabase(path: path, reason: tables > 0
                        ? "it holds tables of another program" : "it is an SQLite file of another program")
                }
                let applied = try db.tableExists("grdb_migrations")
                    ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : []
                let known = Set(Migrations.migrator.migrations)
                if let newer = applied.first(where: { !known.contains($0) }) {
                    throw StoreError.notCadenceDatabase(path: path, reason: "it was made by a newer Cadence (it has '\(newer)'); "
                        + "update Cadence to open it")
                }
            }
        } catch let error as DatabaseError {
            throw Store.storeError(error, path: path)
        }
    }

    /// Every connection to a workspace, which is a file anyone may have
    /// written: SQLite's defensive settings are on before the schema is
    /// read (see `csq_harden`), so ordinary SQL cannot corrupt the file and
    /// a trigger or view planted in it cannot call a function that is not
    /// innocuous. A busy timeout, so that two processes writing at once both
    /// succeed (another may be checkpointing the moment this one inspects).
    static func hardenedConfiguration() -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            let status = csq_harden(db.sqliteConnection)
            guard status == SQLITE_OK else {
                throw DatabaseError(resultCode: ResultCode(rawValue: status),
                                    message: "SQLite's defensive settings could not be turned on")
            }
        }
        return configuration
    }

    /// SQLite's refusals in words: what a person can do about each.
    static func storeError(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .cannotWrite("another cadence is writing to this workspace; try again in a moment")
        case .SQLITE_FULL:
            return .cannotWrite("the disk holding \(path) is full: nothing was written")
        case .SQLITE_READONLY:
            return .cannotWrite("the workspace \(path) is read-only: nothing was written")
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .notCadenceDatabase(path: path, reason: "it is not a readable SQLite database")
        case .SQLITE_IOERR:
            return .cannotWrite("\(path) could not be read or written (\(error.message ?? "an I/O error"))")
        default:
            return .notCadenceDatabase(path: path, reason: error.message ?? "\(error.resultCode)")
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
        try mappingErrors { try pool.writeWithoutTransaction { db in try body(WorkspaceService(db)) } }
    }

    /// Takes back the last command's writes (see `UndoJournal`); nil when there is none.
    public func undo() throws -> UndoableCommand? {
        try writeDatabase { db in try UndoJournal.undo(db) }
    }

    func readDatabase<T>(_ body: (Database) throws -> T) throws -> T {
        try mappingErrors { try pool.read(body) }
    }

    func writeDatabase<T>(_ body: (Database) throws -> T) throws -> T {
        if isReadOnly { throw StoreError.cannotWrite("the workspace \(path) is read-only: nothing was written") }
        return try mappingErrors {
            try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        }
    }

    /// SQLite's errors as `StoreError`s; the domain's and the store's own pass through.
    func mappingErrors<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as DatabaseError { throw Store.storeError(error, path: path) }
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
