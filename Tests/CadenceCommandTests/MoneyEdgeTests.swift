import Foundation
import Testing

/// Offers at the edges of money, through the commands: a base too large to
/// count over a year is refused with a reason, a huge one that fits is shown,
/// valued and negotiated without a trap, and pay by the hour says "an hour".
@Suite("Money at the edges")
struct MoneyEdgeTests: WorkspaceSuite {
    let directory = Self.folder("money")

    func prepared() throws {
        try createdWithCandidate()
        _ = try cadence("app", "add", "Initech", "Lead", "--applied", "2026-02-01")
    }

    @Test("a base whose year passes the largest amount is refused, naming it 'an hour'; nothing is recorded")
    func tooLarge() throws {
        try prepared()
        let hourly = try cadence("offer", "add", "--app", "initech", "--base", "50000000000000 GBP", "--period", "hour")
        #expect(hourly.status != 0)
        #expect(hourly.error.contains("50,000,000,000,000 GBP an hour is too large"), "\(hourly.error)")
        let past = try cadence("offer", "add", "--app", "initech", "--base", "92233720368547759 GBP")
        #expect(past.status != 0 && past.error.contains("too large"), "\(past.error)")
        // The largest amount a year is recorded and valued: four years of it average without a sum that would wrap.
        let largest = try cadence("offer", "add", "--app", "initech", "--base", "92233720368547758.07 GBP")
        #expect(largest.output.hasPrefix("Recorded offer 1: 92,233,720,368,547,758.07 GBP a year, received "), "\(largest.error)")
        let valued = try cadence("offer", "value", "initech")
        #expect(valued.status == 0 && valued.output.contains("average a year over 4 years: 92,233,720,368,547,758 GBP paid"), "\(valued.error)")
        _ = try cadence("offer", "delete", "1", "--yes")
        let listed = try JSONSerialization.jsonObject(with: Data(try cadence("offer", "list", "--json").output.utf8)) as? [Any]
        #expect(listed?.isEmpty == true)
    }

    @Test("a huge base that fits, with a percentage bonus and pension, is recorded, shown, valued and negotiated")
    func huge() throws {
        try prepared()
        let added = try cadence("offer", "add", "--app", "initech", "--base", "50000000000000 GBP", "--bonus", "10%",
                                "--pension", "7.5%", "--holiday-days", "26")
        #expect(added.status == 0, "\(added.error)")
        #expect(added.output.hasPrefix("Recorded offer 1: 50,000,000,000,000 GBP a year, received "))
        let shown = try cadence("offer", "show", "1")
        #expect(shown.status == 0, "\(shown.error)")
        #expect(shown.output.contains("10% of base (5,000,000,000,000 GBP)"), "\(shown.output)")
        let valued = try cadence("offer", "value", "initech", "--json")
        #expect(valued.status == 0, "\(valued.error)")
        let offers = try JSONSerialization.jsonObject(with: Data(valued.output.utf8)) as? [[String: Any]] ?? []
        // 50tn base, 5tn bonus, 7.5% pension 3.75tn; 26 days of holiday, 1 beyond the 25 usual in Britain: 1 / 260 of base.
        let rows = (offers.first?["rows"] as? [[String: Any]] ?? []).map { ($0["name"] as? String ?? "", ($0["amounts"] as? [Int])?.first ?? 0) }
        #expect(rows.map(\.0) == ["base", "bonus", "pension", "holiday"], "\(rows)")
        #expect(rows.map(\.1) == [5_000_000_000_000_000, 500_000_000_000_000, 375_000_000_000_000, 19_230_769_230_769], "\(rows)")
    }

    @Test("pay by the hour: 'an hour' in what is recorded, shown, listed and logged")
    func hourly() throws {
        try prepared()
        let added = try cadence("offer", "add", "--app", "initech", "--base", "25.50 GBP", "--period", "hour")
        #expect(added.output.hasPrefix("Recorded offer 1: 25.50 GBP an hour, received "), "\(added.error)")
        let shown = try cadence("offer", "show", "1").output
        #expect(shown.contains("25.50 GBP an hour (49,725 GBP a year)"), "\(shown)")
        let revised = try cadence("offer", "revise", "1", "--base", "26 GBP")
        #expect(revised.output.hasPrefix("Recorded offer 2, revising offer 1: 26 GBP an hour, received "), "\(revised.error)")
        let timeline = try cadence("app", "show", "initech").output
        #expect(timeline.contains("offer #1: 25.50 GBP an hour") && timeline.contains("came back: 26 GBP an hour"), "\(timeline)")
    }
}
