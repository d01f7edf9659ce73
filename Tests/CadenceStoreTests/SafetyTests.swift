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
            for (company, role) in [("Acme", "Analyst"), ("Acme", "Engineer"), ("Globex", "Analyst"), ("Contoso Ltd", "Dev")] {
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
    }
}
