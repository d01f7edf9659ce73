import CadenceCore
import Foundation
import Testing
@testable import CadenceScripting

@Suite("Days of many instants at once")
struct BulkDatesTests {
    @Test("an instant's day is the zone's own, also on days the clocks change and in zones off the hour")
    func daysAcrossTransitions() throws {
        let dates = BulkDates()
        // Around the spring and autumn changes of 2026 in each zone, every 7 minutes.
        let spans = [("2026-03-07", "2026-04-07"), ("2026-09-25", "2026-11-03")]
        for zone in ["Europe/London", "America/New_York", "Asia/Kolkata", "Pacific/Chatham", "Australia/Lord_Howe", "UTC"] {
            for (from, to) in spans {
                var instant = try LocalDate(iso: from).noon(in: "UTC")
                let end = try LocalDate(iso: to).noon(in: "UTC")
                while instant < end {
                    #expect(dates.day(of: instant, in: zone) == LocalDate(instant, in: zone), "\(zone) \(instant)")
                    instant.addTimeInterval(7 * 60)
                }
            }
        }
    }
}
