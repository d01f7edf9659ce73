import Foundation
import GRDB
import Testing
@testable import CadenceStore

/// A workspace file is anyone's to edit: the store's connection refuses the
/// SQL that corrupts a file, and does not run what a planted schema calls.
@Suite("The workspace is opened with SQLite's defensive settings")
struct DefensiveStoreTests {
    /// A workspace with one candidate, and its file's schema as text.
    private func workspaceWithCandidate() throws -> (Workspace, Store) {
        let workspace = temporaryWorkspace()
        let store = try workspace.create()
        try store.writeDatabase { db in
            try db.execute(sql: "INSERT INTO candidate (id, name, timeZone) VALUES (1, 'jo', 'UTC')")
        }
        return (workspace, store)
    }

    private func schema(_ store: Store) throws -> [String] {
        try store.readDatabase { db in try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name") }
    }

    @Test("the store's connection does not trust the schema of the file")
    func schemaIsNotTrusted() throws {
        let (workspace, store) = try workspaceWithCandidate()
        #expect(try store.readDatabase { db in try Int.fetchOne(db, sql: "PRAGMA trusted_schema") } == 0)
        // The read-only look before opening is as careful.
        try Store.inspect(workspace.databasePath)
    }

    @Test("writable_schema cannot be turned on to rewrite the schema: the UPDATE is refused and the schema is as it was")
    func writableSchemaRefused() throws {
        let (_, store) = try workspaceWithCandidate()
        let before = try schema(store)
        #expect {
            try store.pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA writable_schema = ON")
                try db.execute(sql: "UPDATE sqlite_master SET sql = 'CREATE TABLE candidate (x)' WHERE name = 'candidate'")
            }
        } throws: { "\($0)".contains("may not be modified") }
        #expect(try schema(store) == before)
        #expect(try store.integrityCheck() == "ok")
    }

    @Test("the journal cannot be switched off, nor the schema's version number written")
    func journalAndVersionKept() throws {
        let (_, store) = try workspaceWithCandidate()
        let version = try store.readDatabase { db in try Int.fetchOne(db, sql: "PRAGMA schema_version") }
        try store.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF")
            try? db.execute(sql: "PRAGMA schema_version = 12345")
        }
        #expect(try store.readDatabase { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try store.readDatabase { db in try Int.fetchOne(db, sql: "PRAGMA schema_version") } == version)
    }

    @Test("a trigger planted in the file that calls a function not marked innocuous is not run: the write is refused, nothing written")
    func plantedTriggerNotRun() throws {
        let (workspace, first) = try workspaceWithCandidate()
        _ = first
        // Another program (here GRDB without the store's settings) plants it.
        let other = try DatabaseQueue(path: workspace.databasePath)
        try other.write { db in
            try db.execute(sql: """
                CREATE TRIGGER planted AFTER UPDATE OF email ON candidate BEGIN
                    UPDATE candidate SET name = swiftUppercaseString(NEW.name) WHERE id = NEW.id;
                END
                """)
        }
        try other.close()
        let store = try workspace.open()
        #expect {
            try store.writeDatabase { db in try db.execute(sql: "UPDATE candidate SET email = 'jo@example.com' WHERE id = 1") }
        } throws: { "\($0)".contains("unsafe use of swiftUppercaseString") }
        let row = try store.readDatabase { db in try Row.fetchOne(db, sql: "SELECT name, email FROM candidate WHERE id = 1") }
        #expect(row?["name"] as String? == "jo")
        #expect(row?["email"] as String? == nil)
    }

    @Test("a view planted in the file that calls a function not marked innocuous cannot be read through the store")
    func plantedViewNotRun() throws {
        let (workspace, _) = try workspaceWithCandidate()
        let other = try DatabaseQueue(path: workspace.databasePath)
        try other.write { db in
            try db.execute(sql: "CREATE VIEW planted AS SELECT swiftCapitalizedString(name) AS name FROM candidate")
        }
        #expect(try other.read { db in try String.fetchOne(db, sql: "SELECT name FROM planted") } == "Jo")
        try other.close()
        let store = try workspace.open()
        #expect {
            try store.readDatabase { db in try String.fetchOne(db, sql: "SELECT name FROM planted") }
        } throws: { "\($0)".contains("unsafe use of swiftCapitalizedString") }
    }
}
