import CadenceCore
@testable import CadenceStore
import Foundation
import GRDB
import LuaBinding
import Testing
@testable import CadenceScripting

/// A script reads numeric dates as its candidate writes them: `cadence.date`,
/// `app:log{ at = … }`, `app:edit{ deadline = … }` and offers' dates.
@Suite("Dates in scripts, in the candidate's order")
struct DateReadingAPITests {
    let harness = try! APIHarness()

    /// Moves the demo's candidate to `zone`, with `region` chosen (nil: the zone's).
    func move(to zone: String, region: String?) throws {
        try harness.store.writeDatabase { db in
            try db.execute(sql: "UPDATE candidate SET timeZone = ?, region = ?", arguments: [zone, region])
        }
    }

    @Test("the demo's British candidate reads 12/03/2026 as 12 March")
    func dayFirst() throws {
        #expect(try harness.run("return tostring(cadence.date('12/03/2026'))") == [.string("2026-03-12")])
    }

    @Test("a candidate in the US reads 12/03/2026 as 3 December, in cadence.date and in writes")
    func monthFirst() throws {
        try move(to: "America/Chicago", region: "us")
        #expect(try harness.run("return tostring(cadence.date('12/03/2026')), tostring(cadence.date('12/18/2026'))")
                == [.string("2026-12-03"), .string("2026-12-18")])
        _ = try harness.run("""
            local app = cadence.app('hooli')
            app:log('interview', { at = '12/03/2026 2pm' })
            app:edit{ deadline = '12/18/2026' }
            """)
        let (at, deadline) = try harness.store.readDatabase { db in
            (try String.fetchOne(db, sql: "SELECT at FROM event WHERE kind = 'interview' ORDER BY id DESC LIMIT 1"),
             try String.fetchOne(db, sql: "SELECT decisionDeadline FROM application WHERE company = 'Hooli'"))
        }
        #expect(at == "2026-12-03 20:00:00.000", "14:00 in Chicago is 20:00 UTC")
        #expect(deadline == "2026-12-18")
    }

    @Test("with no region, an ambiguous date is an error naming both readings, and nothing is written")
    func asked() throws {
        try move(to: "UTC", region: nil)
        let before = try harness.eventCount()
        #expect {
            _ = try harness.run("return cadence.date('03/04/2026')")
        } throws: { "\($0)".contains("'03/04/2026' could be Fri 3 Apr 2026 or Wed 4 Mar 2026") }
        #expect {
            _ = try harness.run("cadence.app('hooli'):log('interview', { at = '03/04/2026 2pm' })")
        } throws: { "\($0)".contains("could be Fri 3 Apr 2026 or Wed 4 Mar 2026") }
        #expect(try harness.eventCount() == before)
        #expect(try harness.run("return tostring(cadence.date('03/14/2026'))") == [.string("2026-03-14")])
    }
}
