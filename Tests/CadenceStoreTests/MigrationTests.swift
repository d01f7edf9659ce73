import CadenceCore
import Foundation
import GRDB
import Testing
@testable import CadenceStore

@Suite("Migrations")
struct MigrationTests {
    @Test("a database made by the first schema is upgraded, its data intact")
    func upgradeFromV1() throws {
        let workspace = temporaryWorkspace()
        try FileManager.default.createDirectory(atPath: workspace.directory, withIntermediateDirectories: true)
        let old = try DatabaseQueue(path: workspace.databasePath)
        try Migrations.migrator.migrate(old, upTo: "v1: candidates, applications, contacts, events")
        try old.write { db in
            try db.execute(sql: "INSERT INTO candidate (id, name, timeZone) VALUES (1, 'Jo', 'Europe/London')")
            try db.execute(sql: "INSERT INTO application (id, candidateID, company, role) VALUES (1, 1, 'Acme', 'Analyst')")
            try db.execute(sql: "INSERT INTO event (applicationID, kind, at) VALUES (1, 'applied', '2026-03-02 12:00:00.000')")
        }
        try old.close()

        let store = try workspace.open()
        #expect(try store.appliedMigrations().count == 9)
        let (app, events) = try store.readDatabase { db in
            (try Queries.application("acme", db), try Queries.events(of: 1, db))
        }
        #expect(app.company == "Acme" && app.url == nil && app.postedSalary == nil)
        #expect(events.map(\.kind) == [.applied])
        try store.writeDatabase { db in
            var a = app
            a.url = "https://acme.example/jobs/1"
            try Queries.update(a, db)
            var offer = Offer(applicationID: 1, base: .major(50000, "GBP"))
            try Queries.add(&offer, db)
            a.facts = ["hours": "9 to 5"]
            try Queries.update(a, db)
            var skipped = FollowUp(applicationID: 1, key: "status 1|2026-03-02", kind: "status", due: try LocalDate(iso: "2026-03-09"), status: .skipped)
            try Queries.decide(&skipped, db)
            // Deciding again replaces the decision: one row per item.
            var snoozed = FollowUp(applicationID: 1, key: "status 1|2026-03-02", kind: "status", due: try LocalDate(iso: "2026-03-12"), status: .snoozed)
            try Queries.decide(&snoozed, db)
        }
        let (facts, decisions) = try store.readDatabase { db in (try Queries.application("acme", db).facts, try Queries.decisions(db)) }
        #expect(facts == ["hours": "9 to 5"])
        #expect(decisions.map(\.status) == [.snoozed] && decisions.first?.due.description == "2026-03-12")
        #expect(try store.integrityCheck() == "ok")
    }

    @Test("a database made by v3 migrates to the schema a new workspace has, as the migrations shipped it")
    func frozenSchema() throws {
        let workspace = temporaryWorkspace()
        try FileManager.default.createDirectory(atPath: workspace.directory, withIntermediateDirectories: true)
        let old = try DatabaseQueue(path: workspace.databasePath)
        try Migrations.migrator.migrate(old, upTo: "v3: decisions on agenda items, what is known about an application")
        try old.write { db in
            try db.execute(sql: "INSERT INTO candidate (id, name, timeZone) VALUES (1, 'Jo', 'Europe/London')")
            try db.execute(sql: "INSERT INTO application (id, candidateID, company, role) VALUES (1, 1, 'Acme', 'Analyst')")
        }
        try old.close()
        let migrated = try workspace.open()
        let fresh = try temporaryWorkspace().create()
        let schema = try migrated.readDatabase { db in try Self.schema(db) }
        #expect(schema == (try fresh.readDatabase { db in try Self.schema(db) }))
        // What v1 to v9 made when they shipped: a change here means a shipped migration was edited.
        #expect(Self.digest(schema) == 0x8C31_7590_1CA6_52F5, "\(String(Self.digest(schema), radix: 16))")
        // The journal made by v4 to v7 records the columns added after it: undoing a change restores them.
        try migrated.writeDatabase { db in
            try UndoJournal.begin("set targets and region", db)
            try db.execute(sql: "UPDATE application SET targets = 'x', notes = 'n' WHERE id = 1")
            try db.execute(sql: "UPDATE candidate SET region = 'us' WHERE id = 1")
        }
        _ = try migrated.writeDatabase { db in try UndoJournal.undo(db) }
        let row = try migrated.readDatabase { db in try Row.fetchOne(db, sql: "SELECT targets, notes, company FROM application WHERE id = 1") }
        #expect(row?["targets"] as String? == nil && row?["notes"] as String? == nil && row?["company"] as String? == "Acme")
        let region = try migrated.readDatabase { db in try Row.fetchOne(db, sql: "SELECT region FROM candidate WHERE id = 1") }
        #expect(region?["region"] as String? == nil)
        // v8's links are journaled too: undoing a link's removal puts it back as it was.
        try migrated.writeDatabase { db in
            try db.execute(sql: "INSERT INTO contact (id, applicationID, name, role) VALUES (1, 1, 'Maria', 'recruiter')")
            try db.execute(sql: "INSERT INTO application (id, candidateID, company, role) VALUES (2, 1, 'Harbor', 'Engineer')")
            try db.execute(sql: "INSERT INTO contactApplication (id, contactID, applicationID) VALUES (5, 1, 2)")
            try UndoJournal.begin("unlink", db)
            try db.execute(sql: "DELETE FROM contactApplication WHERE id = 5")
        }
        _ = try migrated.writeDatabase { db in try UndoJournal.undo(db) }
        let link = try migrated.readDatabase { db in try Row.fetchOne(db, sql: "SELECT id, contactID, applicationID FROM contactApplication") }
        #expect(link?["id"] as Int64? == 5 && link?["contactID"] as Int64? == 1 && link?["applicationID"] as Int64? == 2)
    }

    /// Every table, index and trigger as SQLite holds it, by kind and name.
    static func schema(_ db: Database) throws -> String {
        try String.fetchAll(db, sql: """
            SELECT type || ' ' || name || ': ' || sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name
            """).joined(separator: "\n")
    }

    /// FNV-1a, 64 bits: a stable fingerprint of the schema's text.
    static func digest(_ text: String) -> UInt64 {
        text.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }

    @Test("a new workspace is in WAL mode with foreign keys enforced")
    func pragmas() throws {
        let store = try temporaryWorkspace().create()
        let (mode, foreignKeys) = try store.readDatabase { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(mode == "wal" && foreignKeys == true)
        #expect(throws: (any Error).self) {
            try store.writeDatabase { db in
                var e = Event(applicationID: 99, kind: .applied, at: Date())
                try Queries.log(&e, db)
            }
        }
    }
}
