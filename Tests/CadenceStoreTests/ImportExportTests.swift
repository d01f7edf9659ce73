import CadenceCore
import Foundation
import Testing
@testable import CadenceStore

@Suite("Import and export")
struct ImportExportTests {
    func storeWithCandidate() throws -> Store {
        let store = try temporaryWorkspace().create()
        try store.writeDatabase { db in
            var jo = Candidate(name: "Jo", timeZone: "Europe/London")
            try Queries.add(&jo, db)
        }
        return store
    }

    func importing(_ text: String, skipInvalid: Bool = false, mapping: [String: String] = [:],
                   dateOrder: DateParsing.Order? = .dayFirst) throws -> (Store, CSVImport.Report) {
        let store = try storeWithCandidate()
        var importer = CSVImport(file: "t.csv", text: text)
        importer.skipInvalid = skipInvalid
        importer.mapping = mapping
        importer.dateOrder = dateOrder
        return (store, try importer.run(into: store, candidate: nil))
    }

    @Test("JSON export, import into an empty workspace, export again: the same file")
    func jsonRoundTrip() throws {
        let demo = try temporaryWorkspace().create()
        try demo.writeDatabase { db in try DemoSearch.build(today: Date(timeIntervalSince1970: 1_772_452_800.123), db) }
        let first = try demo.readDatabase { db in try WorkspaceSnapshot.read(db) }.encoded()
        let copy = try temporaryWorkspace().create()
        try copy.writeDatabase { db in try WorkspaceSnapshot.decode(first).insert(into: db) }
        let second = try copy.readDatabase { db in try WorkspaceSnapshot.read(db) }.encoded()
        #expect(first == second)
        #expect(first.count > 5000)
    }

    @Test("importing JSON into a workspace that has data renumbers and keeps every link")
    func jsonIntoNonEmpty() throws {
        let demo = try temporaryWorkspace().create()
        try demo.writeDatabase { db in
            try DemoSearch.build(today: Date(), db)
            // A decision on an agenda item points at the event that logged it.
            var sent = Event(applicationID: 1, kind: .messageSent, at: Date(), with: ["Helen Jones"], messageKind: "thank-you")
            try Queries.log(&sent, db)
            var done = FollowUp(applicationID: 1, key: "thank-you|Helen Jones", kind: "thank-you", due: LocalDate(Date(), in: "UTC"),
                                status: .done, eventID: sent.id)
            try Queries.decide(&done, db)
        }
        let data = try demo.readDatabase { db in try WorkspaceSnapshot.read(db) }.encoded()
        try demo.writeDatabase { db in try WorkspaceSnapshot.decode(data).insert(into: db) }
        let summaries = try demo.readDatabase { db in try Queries.summaries(db) }
        #expect(summaries.count == 16)
        #expect(summaries[0].stage == summaries[8].stage && summaries[4].stage == .ghosted && summaries[12].stage == .ghosted)
        let decisions = try demo.readDatabase { db in try Queries.decisions(db) }
        #expect(decisions.count == 2 && decisions[0].eventID != decisions[1].eventID)
        let copied = try demo.readDatabase { db in try Queries.event(decisions[1].eventID!, db) }
        #expect(copied?.applicationID == summaries[8].application.id && copied?.messageKind == "thank-you")
    }

    @Test("a JSON file that is not an export is refused with the reason")
    func badJSON() throws {
        #expect { try WorkspaceSnapshot.decode(Data("{\"format\": \"cadence-workspace\", \"version\": 1}".utf8)) } throws: {
            "\($0)" == "not a Cadence workspace export: missing field 'candidates'"
        }
        #expect(throws: (any Error).self) { try WorkspaceSnapshot.decode(Data("[1, 2]".utf8)) }
    }

    @Test("CSV: quotes, newlines in fields, a byte-order mark and semicolons")
    func csvEdgeCases() throws {
        let text = "\u{FEFF}Company;Position;Status;Date Applied;Notes\n\"Acme; Ltd\";Analyst;Interview;02/03/2026;\"said \"\"hi\"\"\nthen left\"\nGlobex;Engineer;;2026-03-05;\n"
        let (store, report) = try importing(text)
        #expect(report.imported == 2 && report.skipped.isEmpty)
        let summaries = try store.readDatabase { db in try Queries.summaries(db) }
        #expect(summaries.map(\.application.company) == ["Acme; Ltd", "Globex"])
        #expect(summaries[0].application.notes == "said \"hi\"\nthen left")
        #expect(summaries[0].stage == .interviewing && summaries[1].stage == .applied)
        #expect(summaries[0].history.changes.first.map { Timestamps.day($0.at, in: "Europe/London") } == "2026-03-02")
    }

    @Test("CSV: tabs, and columns named with --map")
    func csvMapping() throws {
        let (store, report) = try importing("Employer\tJob\tWhen\nAcme\tAnalyst\t2026-03-02\n",
                                            mapping: ["Employer": "company", "Job": "role", "When": "applied"])
        #expect(report.imported == 1)
        #expect(try store.readDatabase { db in try Queries.application("acme", db).role } == "Analyst")
        #expect { try importing("Employer,Job\nAcme,Analyst\n", mapping: ["Employer": "boss"]) } throws: { "\($0)".contains("unknown field 'boss'") }
        #expect { try importing("Firm,Position\nAcme,Analyst\n") } throws: { "\($0)".contains("no column for company") }
    }

    @Test("CSV: every bad row is listed with its line, and nothing is imported; an unknown status is named with the bad rows")
    func csvBadRows() throws {
        let text = "Company,Role,Status,Date Applied,Interest\nAcme,Analyst,applied,2026-03-02,4\n\"Multi\nLine\",Dev,,,\n,Dev,banana,2026-02-30,\nGlobex,,,,9\n"
        let store = try storeWithCandidate()
        #expect {
            var importer = CSVImport(file: "t.csv", text: text)
            importer.dateOrder = .dayFirst
            return try importer.run(into: store, candidate: nil)
        } throws: { error in
            guard let unknown = error as? CSVImport.UnknownStatuses else { return false }
            return unknown.statuses.map(\.text) == ["banana"] && unknown.statuses[0].lines == [5]
                && unknown.badRows.map(\.line) == [5, 6]
                && unknown.badRows[0].message.contains("needs a company") && unknown.badRows[0].message.contains("2026-02-30")
                && unknown.badRows[1].message.contains("interest")
        }
        #expect(try store.readDatabase { db in try Queries.applications(db) }.isEmpty)
        #expect {
            var importer = CSVImport(file: "t.csv", text: text.replacingOccurrences(of: "banana", with: "applied"))
            importer.dateOrder = .dayFirst
            return try importer.run(into: store, candidate: nil)
        } throws: { error in
            guard let failure = error as? CSVImport.Failure else { return false }
            return failure.errors.map(\.line) == [5, 6] && failure.errors[0].message.contains("needs a company")
        }
        #expect(try store.readDatabase { db in try Queries.applications(db) }.isEmpty)
    }

    @Test("CSV: --skip-invalid imports the good rows and reports the rest")
    func csvSkipInvalid() throws {
        let (store, report) = try importing("Company,Role\nAcme,Analyst\n,Dev\nGlobex,Engineer\n", skipInvalid: true)
        #expect(report.imported == 2 && report.skipped.map(\.line) == [3])
        #expect(try store.readDatabase { db in try Queries.applications(db) }.count == 2)
    }

    @Test("CSV export: a byte-order mark, the dated stage history, and no formula runs")
    func csvExport() throws {
        let (store, _) = try importing("Company,Role,Date Applied,Notes\n\"=HYPERLINK(\"\"x\"\")\",Analyst,2026-03-02,\"+1, then -2\"\n")
        let text = try store.readDatabase { db in try CSVExport.text(db) }
        #expect(text.hasPrefix("\u{FEFF}id,candidate,company"))
        #expect(text.contains("'=HYPERLINK(\"\"x\"\")"))
        #expect(text.contains("\"'+1, then -2\""))
        #expect(text.contains("2026-03-02 applied"))
    }
}
