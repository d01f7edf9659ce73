import CadenceCore
import Foundation
import GRDB
import Testing
@testable import CadenceStore

@Suite("Bad files and bad input change nothing")
struct SafetyTests {
    @Test("a missing workspace says how to create one")
    func missing() throws {
        #expect { try temporaryWorkspace().open() } throws: { "\($0)".contains("cadence init") }
    }

    @Test("a corrupt database file is refused and left as it was")
    func corrupt() throws {
        let workspace = temporaryWorkspace()
        try FileManager.default.createDirectory(atPath: workspace.directory, withIntermediateDirectories: true)
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try garbage.write(to: URL(fileURLWithPath: workspace.databasePath))
        #expect { try workspace.open() } throws: { "\($0)".contains("not a Cadence workspace database") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.databasePath)) == garbage)
    }

    @Test("another program's SQLite database is refused, not written into")
    func foreign() throws {
        let workspace = temporaryWorkspace()
        try FileManager.default.createDirectory(atPath: workspace.directory, withIntermediateDirectories: true)
        let other = try DatabaseQueue(path: workspace.databasePath)
        try other.write { db in try db.execute(sql: "CREATE TABLE recipes (name TEXT)") }
        try other.close()
        #expect { try workspace.open() } throws: { "\($0)".contains("another program") }
        let tables = try DatabaseQueue(path: workspace.databasePath).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        #expect(tables == ["recipes"])
        // Byte for byte: not switched to WAL, nothing written.
        let before = try Data(contentsOf: URL(fileURLWithPath: workspace.databasePath))
        #expect { try workspace.open() } throws: { _ in true }
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.databasePath)) == before)
        #expect(!FileManager.default.fileExists(atPath: workspace.databasePath + "-wal"))
    }

    @Test("an empty file is not made into a workspace; a newer Cadence's workspace is refused with that reason")
    func emptyAndNewer() throws {
        let empty = temporaryWorkspace()
        try FileManager.default.createDirectory(atPath: empty.directory, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: empty.databasePath, contents: Data()))
        #expect { try empty.open() } throws: { "\($0)".contains("the file is empty (zero bytes)") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: empty.databasePath)).isEmpty)

        let newer = temporaryWorkspace()
        _ = try newer.create()
        try DatabaseQueue(path: newer.databasePath).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9: something from the future')")
        }
        #expect { try newer.open() } throws: { "\($0)".contains("made by a newer Cadence (it has 'v9: something from the future')") }
    }

    @Test("opening and reading write nothing to the file: its header's change counter stays")
    func readingWritesNothing() throws {
        let workspace = temporaryWorkspace()
        try workspace.create().write("demo") { ws in try ws.buildDemo(today: Date()) }
        func counter() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: workspace.databasePath))[24..<28] }
        let before = try counter()
        for _ in 0..<3 { _ = try workspace.open().read { ws in try ws.summaries() } }
        #expect(try counter() == before)
    }

    @Test("text with a NUL byte is refused, naming the field, not cut short")
    func nulBytes() throws {
        let store = try temporaryWorkspace().create()
        #expect {
            try store.write("t") { ws in try ws.addCandidate(Candidate(name: "Jo\u{0}Bloggs")) }
        } throws: { "\($0)" == "name: contains a NUL byte (\\0), which text in Cadence cannot hold" }
        #expect(try store.read { ws in try ws.candidates() }.isEmpty)
    }

    @Test("a stored row that cannot be read is reported and the rest is read: export still makes a backup")
    func badStoredRows() throws {
        let workspace = temporaryWorkspace()
        let store = try workspace.create()
        try store.write("demo") { ws in try ws.buildDemo(today: Date()) }
        try DatabaseQueue(path: workspace.databasePath).write { db in
            try db.execute(sql: """
                UPDATE event SET due = '275817-08-15' WHERE id = 1;
                UPDATE application SET decisionDeadline = '99999-01-01' WHERE id = 2;
                INSERT INTO event (applicationID, kind, at, "with") VALUES (1, 'interview', 'garbage', '[]');
                UPDATE offer SET respondBy = 'someday' WHERE id = 1;
                """)
        }
        _ = StoredProblems.take()
        let snapshot = try workspace.open().read { ws in try ws.snapshot() }
        let problems = StoredProblems.take()
        #expect(snapshot.applications.count == 8 && snapshot.events.count > 20)
        #expect(snapshot.offers.map(\.id) == [2])
        #expect(problems.contains { $0.contains("event 1 has an unreadable due date '275817-08-15'") }, "\(problems)")
        #expect(problems.contains { $0.contains("application 2 has an unreadable deadline '99999-01-01'") })
        #expect(problems.contains { $0.contains("has no readable time 'garbage'") })
        #expect(problems.contains { $0.contains("offer 1 cannot be read and was left out: respondBy holds someday") }, "\(problems)")
        #expect(try workspace.open().read { ws in try ws.summaries() }.count == 8)
    }

    @Test("a write that fails half-way leaves nothing behind")
    func atomicWrites() throws {
        let store = try temporaryWorkspace().create()
        #expect(throws: DomainError.self) {
            try store.writeDatabase { db in
                var jo = Candidate(name: "Jo")
                try Queries.add(&jo, db)
                var bad = Application(candidateID: jo.id!, company: "Acme", role: "Analyst", interest: 9)
                try Queries.add(&bad, db)
            }
        }
        #expect(try store.readDatabase { db in try Queries.candidates(db) }.isEmpty)
    }

    @Test("names work where ids are awkward, and a near miss is suggested")
    func names() throws {
        let store = try temporaryWorkspace().create()
        try store.writeDatabase { db in
            var jo = Candidate(name: "Jo")
            try Queries.add(&jo, db)
            for (company, role) in [("Acme", "Analyst"), ("Acme", "Engineer"), ("Globex", "Analyst"), ("Contoso Ltd", "Dev"), ("Lone Star Bank", "SRE")] {
                var a = Application(candidateID: jo.id!, company: company, role: role)
                try Queries.add(&a, db)
            }
        }
        let find = { (name: String) throws -> Application in try store.readDatabase { db in try Queries.application(name, db) } }
        #expect(try find("glob").company == "Globex")
        #expect(try find("acme/eng").role == "Engineer")
        #expect(try find("2").role == "Engineer")
        #expect { try find("acme") } throws: { "\($0)".contains("matches several") }
        #expect { try find("Globax") } throws: { "\($0)" == "no application named 'Globax' (did you mean 'Globex'?)" }
        #expect { try find("Contosso") } throws: { "\($0)" == "no application named 'Contosso' (did you mean 'Contoso Ltd'?)" }
        #expect { try find("Acmee") } throws: { "\($0)".hasSuffix("(did you mean 'Acme'?)") }
        // Written without its spaces or with hyphens, as people type a company.
        #expect(try find("lonestar").company == "Lone Star Bank")
        #expect(try find("lone-star-bank").company == "Lone Star Bank")
        #expect { try find("lonestarx") } throws: { "\($0)".hasPrefix("no application named 'lonestarx'") }
    }
}
