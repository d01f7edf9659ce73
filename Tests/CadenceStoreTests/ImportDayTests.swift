import CadenceCore
import Foundation
import Testing
@testable import CadenceStore

/// A sheet's dates are the candidate's days: "after today" is after their
/// today, and each date is logged at noon there, so it shows on that day.
@Suite("Imported days are the candidate's")
struct ImportDayTests {
    @Test("in Auckland, today's date is not after today while it is still yesterday in UTC, and stays on its day")
    func auckland() throws {
        let store = try temporaryWorkspace().create()
        try store.writeDatabase { db in
            var kim = Candidate(name: "Kim", timeZone: "Pacific/Auckland")
            try Queries.add(&kim, db)
        }
        // 2026-03-02 09:00 in Auckland (UTC+13) is still 1 March in UTC.
        let now = try LocalDate(year: 2026, month: 3, day: 2).at(hour: 9, minute: 0, in: "Pacific/Auckland")
        var importer = CSVImport(file: "t.csv", text: "Company,Role,Date Applied,Interview Date\nAcme,Analyst,2026-02-27,2026-03-02\n")
        importer.dateOrder = .dayFirst
        importer.now = now
        let report = try importer.run(into: store, candidate: nil)
        #expect(report.added == 1 && report.skipped.isEmpty)
        let events = try store.readDatabase { db in try Queries.events(of: try Queries.application("acme", db).id!, db) }
        #expect(events.map { Timestamps.day($0.at, in: "Pacific/Auckland") } == ["2026-02-27", "2026-03-02"])

        // A day after the candidate's today is refused, as it was.
        var later = CSVImport(file: "t.csv", text: "Company,Role,Date Applied\nGlobex,Engineer,2026-03-03\n")
        later.dateOrder = .dayFirst
        later.now = now
        #expect { try later.run(into: store, candidate: nil) } throws: { "\($0)".contains("2026-03-03 is after today") }

        // The same sheet imported again adds nothing: its days match the timeline's.
        var again = CSVImport(file: "t.csv", text: "Company,Role,Date Applied,Interview Date\nAcme,Analyst,2026-02-27,2026-03-02\n")
        again.dateOrder = .dayFirst
        again.now = now
        #expect(try again.run(into: store, candidate: nil).unchanged == 1)
    }
}
