import Foundation
import Testing

/// Negotiation rule 6, the whole package: `cadence offer value` prices every
/// component year by year and states every assumption. Figures worked by hand.
@Suite("Offers valued")
struct OfferValueTests: WorkspaceSuite {
    let directory = Self.folder("value")

    func prepared() throws {
        try createdWithCandidate()
        _ = try cadence("app", "add", "Initech", "Lead", "--applied", "2026-02-01")
    }

    @Test("every component priced, year by year, with the total and the average over four years")
    func valued() throws {
        try prepared()
        _ = try cadence("offer", "add", "--app", "initech", "--base", "57000 GBP", "--bonus", "10%", "--sign-on", "3000",
                        "--rsu", "20000 GBP", "--holiday-days", "28", "--pension", "6%", "--pension-cap", "3000 GBP",
                        "--office-days", "3", "--moving-allowance", "2000", "--at", "2026-03-02")
        try "return { assumptions = { commute_day = \"12 GBP\", target_bonus_paid = 50 } }"
            .write(toFile: directory + "/negotiation.lua", atomically: true, encoding: .utf8)
        let v = try #require(try json("offer", "value", "initech", as: [Printed.Valuation].self).first)
        // 57,000 base; bonus 10% = 5,700 counted at 50% = 2,850; equity 20,000 / 4 = 5,000;
        // holiday 28 × 57,000 / 260 = 6,138.46; pension 6% = 3,420 capped at 3,000; commute 3 × 46 × 12 = -1,656;
        // 72,332.46 a year; year 1 also sign-on 3,000 and moving 2,000: 77,332.46; the average 73,582.46.
        #expect(v.totals == [7_733_246, 7_233_246, 7_233_246, 7_233_246], "\(v)")
        #expect(v.average == 7_358_246)
        #expect(v.assumptions.contains("a target bonus is counted at 50% of itself"))
        #expect(v.assumptions.contains("a day of holiday is worth base / 260 (219.23 GBP)"))
        #expect(v.assumptions.contains("a day in the office costs you 12 GBP, 46 weeks a year"))
        let pension = try #require(v.row("pension"), "\(v.rows.map(\.name))")
        #expect(pension.amounts == [300_000, 300_000, 300_000, 300_000] && pension.how.hasPrefix("6% of base, up to 3,000 GBP"), "\(pension)")
        // The table a person reads: whole amounts in columns, written by the domain.
        let text = try cadence("offer", "value", "initech").output
        #expect(text.contains("  pension                  3,000       3,000       3,000       3,000   6% of base, up to 3,000 GBP"), "\(text)")
    }

    @Test("an offer in another currency is valued through the rate you record, and the rate is stated; without one, it says so")
    func currencies() throws {
        try prepared()
        _ = try cadence("offer", "add", "--app", "initech", "--base", "60000 USD", "--at", "2026-03-02")
        try "return { assumptions = { currency = \"GBP\" } }".write(toFile: directory + "/negotiation.lua", atomically: true, encoding: .utf8)
        let missing = try cadence("offer", "value", "initech")
        #expect(missing.status == 1 && missing.error.contains("no rate from USD to GBP: add rates = { USD = \"…\" }"), "\(missing.error)")
        try "return { assumptions = { currency = \"GBP\", rates = { USD = \"0.79\" } } }"
            .write(toFile: directory + "/negotiation.lua", atomically: true, encoding: .utf8)
        let valued = try #require(try json("offer", "value", "initech", as: [Printed.Valuation].self).first)
        #expect(valued.currency == "GBP" && valued.row("base")?.amounts.prefix(2) == [4_740_000, 4_740_000], "\(valued.rows.map(\.amounts))")
        #expect(valued.assumptions.contains("1 USD = 0.79 GBP (your rate)"), "\(valued.assumptions)")
    }

    @Test("options are worth shares × (the value you assume − the strike), vesting after the cliff")
    func options() throws {
        try prepared()
        _ = try cadence("offer", "add", "--app", "initech", "--base", "50000 USD", "--shares", "4000", "--strike", "2 USD",
                        "--value-per-share", "7 USD", "--vesting-schedule", "40,30,20,10", "--at", "2026-03-02")
        let valued = try #require(try json("offer", "value", "initech", as: [Printed.Valuation].self).first)
        // 4,000 × (7 − 2) = 20,000, vesting 8,000 / 6,000 / 4,000 / 2,000.
        let equity = try #require(valued.row("equity"), "\(valued.rows.map(\.name))")
        #expect(equity.amounts == [800_000, 600_000, 400_000, 200_000] && equity.how.hasPrefix("options: 4000 × (7 USD assumed − 2 USD strike)"),
                "\(equity)")
        #expect(valued.assumptions.contains("options are worth the value per share you assume, less the strike"), "\(valued.assumptions)")
    }
}

/// Negotiation rule 6 across offers: the lower base with the stronger package can come first.
@Suite("Offers compared")
struct OfferCompareTests: WorkspaceSuite {
    let directory = Self.folder("compare")

    @Test("two offers and the current job side by side; the lower base with the stronger package ranks first, and why")
    func compared() throws {
        try createdWithCandidate()
        _ = try cadence("candidate", "edit", "jo", "--current-pay", "50000 GBP")
        _ = try cadence("app", "add", "Initech", "Lead", "--applied", "2026-02-01")
        _ = try cadence("app", "add", "Globex", "Engineer", "--applied", "2026-02-01")
        _ = try cadence("offer", "add", "--app", "initech", "--base", "57000 GBP", "--bonus", "10%", "--rsu", "20000 GBP",
                        "--holiday-days", "28", "--pension", "6%", "--at", "2026-03-02")
        _ = try cadence("offer", "add", "--app", "globex", "--base", "62000 GBP", "--holiday-days", "25", "--pension", "3%",
                        "--at", "2026-03-02")
        let result = try cadence("offer", "compare", "--json")
        #expect(result.status == 0, "\(result.error)")
        let ranked = try result.decoded(as: [Printed.Ranked].self)
        try #require(ranked.map(\.label) == ["Initech #1", "Globex #2", "current job"], "\(ranked.map(\.label))")
        #expect(ranked[0].overall == 5 && ranked[0].scores == ["money": 5] && (4..<5).contains(ranked[1].overall), "\(ranked.map(\.scores))")
        #expect(ranked.contains { $0.assumptions.contains { $0.hasPrefix("a day of holiday is worth base / 260") } })
        // With weights and a criterion of your own, the ranking says so.
        try """
            return { weights = { money = 3, growth = 2 },
                     score = function(offer, app) return { growth = app.company == "Globex" and 5 or 1 } end }
            """.write(toFile: directory + "/negotiation.lua", atomically: true, encoding: .utf8)
        let weighed = try cadence("offer", "compare", "--json").output
        let entries = try JSONSerialization.jsonObject(with: Data(weighed.utf8)) as? [[String: Any]] ?? []
        #expect(entries.map { $0["label"] as? String } == ["Globex #2", "Initech #1", "current job"], "\(weighed)")
        try "return { score = function() return { growth = 9 } end }".write(toFile: directory + "/negotiation.lua", atomically: true, encoding: .utf8)
        let bad = try cadence("offer", "compare")
        #expect(bad.status == 1 && bad.error.contains("growth is 1 to 5, not 9"), "\(bad.error)")
    }
}
