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

    @Test("what is paid apart from what is worth something but is not paid, year by year, with both totals and the average")
    func valued() throws {
        try prepared()
        _ = try cadence("offer", "add", "--app", "initech", "--base", "57000 GBP", "--bonus", "10%", "--sign-on", "3000",
                        "--rsu", "20000 GBP", "--holiday-days", "28", "--pension", "6%", "--pension-cap", "3000 GBP",
                        "--office-days", "3", "--moving-allowance", "2000", "--at", "2026-03-02")
        try "return { assumptions = { commute_day = \"12 GBP\", target_bonus_paid = 50, bonus_history = \"50%, 60% and 40% of target, 2023-2025\" } }"
            .write(toFile: directory + "/negotiation.lua", atomically: true, encoding: .utf8)
        let v = try #require(try json("offer", "value", "initech", as: [Printed.Valuation].self).first)
        // Paid: 57,000 base; bonus 10% = 5,700 counted at 50% = 2,850; equity 20,000 / 4 = 5,000; pension 6% = 3,420
        // capped at 3,000; year 1 also sign-on 3,000 and moving 2,000: 72,850 then 67,850, an average of 69,100.
        // Not paid: holiday 28 days, 3 beyond the 25 usual in Britain × 57,000 / 260 = 657.69; commute 3 × 46 × 12 = -1,656.
        let shape = try #require(try json("offer", "value", "initech", as: [Printed.Valuation].self).first)
        #expect(shape.paid.totals == [7_285_000, 6_785_000, 6_785_000, 6_785_000] && shape.paid.average == 6_910_000, "\(shape.paid)")
        #expect(shape.worth.totals == Array(repeating: -99_831, count: 4) && shape.worth.average == -99_831, "\(shape.worth)")
        #expect(v.totals == [7_185_169, 6_685_169, 6_685_169, 6_685_169], "\(v)")
        #expect(v.average == 6_810_169)
        #expect(shape.rows.filter { $0.kind == "worth" }.map(\.name) == ["holiday", "commute"], "\(shape.rows.map(\.name))")
        #expect(v.assumptions.contains("a target bonus is counted at 50% of itself (target_bonus_paid); paid in past years: 50%, 60% and 40% of target, 2023-2025"),
                "\(v.assumptions)")
        #expect(v.assumptions.contains("holiday is not paid: only the days beyond the 25 days usual in the United Kingdom count, each worth a day's base (base / 260)"))
        #expect(v.assumptions.contains("a day in the office costs you 12 GBP (commute_day), 46 weeks a year: each remote day saves it"))
        // RSUs by their value have no market price: 0×, 1× and 2× of the equity's 5,000 a year.
        #expect(shape.equity_scenarios.map(\.multiple) == [0, 1, 2] && shape.equity_scenarios.map(\.average) == [6_310_169, 6_810_169, 7_310_169],
                "\(shape.equity_scenarios)")
        let pension = try #require(v.row("pension"), "\(v.rows.map(\.name))")
        #expect(pension.amounts == [300_000, 300_000, 300_000, 300_000] && pension.how.hasPrefix("6% of base, up to 3,000 GBP"), "\(pension)")
        #expect(v.row("commute")?.how == "3 days a week in the office × 46 weeks × 12 GBP; 2 remote days save 1,104", "\(v.rows.map(\.how))")
        // The table a person reads: whole amounts in columns, rounded half up by the domain (657.69 is 658).
        let text = try cadence("offer", "value", "initech").output
        #expect(text.contains("  pension                  3,000       3,000       3,000       3,000   6% of base, up to 3,000 GBP"), "\(text)")
        #expect(text.contains("  holiday                    658         658         658         658   28 days: 3 more than the 25 days usual"), "\(text)")
        #expect(text.contains("Paid\n") && text.contains("Worth something, not paid\n") && text.contains("  average a year over 4 years: 69,100 GBP paid; 68,102 with what is not paid"),
                "\(text)")
        #expect(text.contains("0× 63,102, 1× 68,102, 2× 73,102 GBP"), "\(text)")
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
        try #require(ranked.map(\.label) == ["Initech", "Globex", "current job"], "\(ranked.map(\.label))")
        #expect(ranked[0].overall == 5 && ranked[0].scores == ["money": 5] && (4..<5).contains(ranked[1].overall), "\(ranked.map(\.scores))")
        #expect(ranked.contains { $0.assumptions.contains { $0.hasPrefix("holiday is not paid: only the days beyond") } })
        // With weights and a criterion of your own, the ranking says so.
        try """
            return { weights = { money = 3, growth = 2 },
                     score = function(offer, app) return { growth = app.company == "Globex" and 5 or 3 } end }
            """.write(toFile: directory + "/negotiation.lua", atomically: true, encoding: .utf8)
        let weighed = try cadence("offer", "compare", "--json").output
        let entries = try JSONSerialization.jsonObject(with: Data(weighed.utf8)) as? [[String: Any]] ?? []
        #expect(entries.map { $0["label"] as? String } == ["Globex", "Initech", "current job"], "\(weighed)")
        // Each breakdown adds up to the overall it shows: Globex's money 63,860 / 71,777.69 × 5 = 4.4.
        #expect(entries.map { $0["breakdown"] as? String } == ["(money 4.4 × 3 + growth 5.0 × 2) / 5 = 4.64",
                                                              "(money 5.0 × 3 + growth 3.0 × 2) / 5 = 4.20", "(money 3.5 × 3) / 3 = 3.50"],
                "\(entries.map { $0["breakdown"] ?? "" })")
        try "return { score = function() return { growth = 9 } end }".write(toFile: directory + "/negotiation.lua", atomically: true, encoding: .utf8)
        let bad = try cadence("offer", "compare")
        #expect(bad.status == 1 && bad.error.contains("growth is 1 to 5, not 9"), "\(bad.error)")
    }
}
