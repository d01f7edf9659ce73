import Foundation
import Testing

/// The valuation at its edges: amounts at Int64's ends, hostile benefit names in the
/// tables, 0 and 100 days, half days, a missing rate, benefits in words never counted
/// as nothing without a word, the current job with its benefits, the words of the region.
@Suite("Offers valued at the edges")
struct OfferValuationEdgeTests: WorkspaceSuite {
    let directory = Self.folder("value-edges")

    func prepared(region: String = "gb") throws {
        _ = try Commands.cadence(["init", directory])
        _ = try cadence("candidate", "add", "Jo Bloggs", "--time-zone", region == "us" ? "America/Chicago" : "Europe/London", "--region", region)
        _ = try cadence("app", "add", "Initech", "Lead", "--applied", "2026-02-01")
    }

    func assume(_ lua: String) throws {
        try lua.write(toFile: directory + "/negotiation.lua", atomically: true, encoding: .utf8)
    }

    @Test("an offer at the largest amount is valued; a package whose year cannot be added up is refused when recorded, never a trap")
    func largest() throws {
        try prepared()
        _ = try cadence("offer", "add", "--app", "initech", "--base", "92233720368547758.07 GBP", "--at", "2026-03-02")
        let alone = try #require(try json("offer", "value", "initech", as: [Printed.Valuation].self).first)
        #expect(alone.paid.average == .max && alone.totals == Array(repeating: .max, count: 4))
        #expect(try cadence("offer", "value", "initech").output.contains("92,233,720,368,547,758"))
        // A penny more in year 1 cannot be added up: refused when recorded, and the valuation stands.
        let over = try cadence("offer", "edit", "1", "--sign-on", "0.01")
        #expect(over.status == 1 && over.error.contains("the package's first year is too large to count"), "\(over.error)")
        #expect(try cadence("offer", "value", "initech").status == 0)
    }

    @Test("benefit names of 500 characters, with ESC and bidi controls: escaped and cut in the table, the columns kept")
    func hostileNames() throws {
        try prepared()
        let long = String(repeating: "x", count: 500)
        _ = try cadence("offer", "add", "--app", "initech", "--base", "31000 GBP", "--worth", "\u{1B}[31mred\u{202E}evil=100",
                        "--worth", "\(long)=200", "--benefit", "\u{2067}perk\r\nrespond by: never=free lunch\u{1B}[0m", "--at", "2026-03-02")
        let text = try cadence("offer", "value", "initech").output
        #expect(!text.contains("\u{1B}") && !text.contains("\u{202E}") && !text.contains("\u{2067}") && !text.contains("\r"), "\(text)")
        #expect(!text.contains("\nrespond by: never"), "\(text)")
        let lines = text.split(separator: "\n").map(String.init)
        let base = try #require(lines.first { $0.hasPrefix("  base ") })
        let cut = try #require(lines.first { $0.hasPrefix("  " + String(repeating: "x", count: 17) + "…") }, "\(text)")
        // A cut name keeps the columns: year 1's amount ends where base's does (characters, not bytes).
        func year1(_ line: String) -> String { String(Array(line)[20..<32]).trimmingCharacters(in: .whitespaces) }
        #expect(year1(base) == "31,000" && year1(cut) == "200", "\(cut)\n\(base)")
        let escaped = try #require(lines.first { $0.contains("red") && !$0.contains("Not valued") }, "\(text)")
        #expect(year1(escaped) == "100", "\(escaped)")
        #expect(text.contains("Not valued (worded in the offer, no figure):"), "\(text)")
        // In compare too: a company named with controls heads a column, escaped and cut, the columns kept.
        _ = try cadence("app", "add", "\u{1B}[2J\u{202E}Evil " + String(repeating: "y", count: 500), "Lead", "--applied", "2026-02-01")
        _ = try cadence("offer", "add", "--app", "2", "--base", "30000 GBP", "--at", "2026-03-02")
        let compared = try cadence("offer", "compare").output
        #expect(!compared.contains("\u{1B}") && !compared.contains("\u{202E}") && compared.contains("…"), "\(compared)")
        let header = try #require(compared.split(separator: "\n").first.map(String.init))
        #expect(header.count == 2 + 18 + 2 * 24, "\(header)")
        let shape = try #require(try json("offer", "value", "initech", as: [Printed.Valuation].self).first)
        #expect(shape.row(long)?.amounts.first == 20_000 && shape.not_valued.count == 1, "\(shape.not_valued)")
        #expect(shape.not_valued.first?.how.contains("cadence offer edit 1 --worth \"") == true, "\(shape.not_valued)")
    }

    @Test("0 and 100 days off: below the baseline they cost, above it they are worth a day's base each; 101 is refused")
    func leaveEdges() throws {
        try prepared()
        _ = try cadence("offer", "add", "--app", "initech", "--base", "26000 GBP", "--holiday-days", "0", "--at", "2026-03-02")
        let none = try #require(try json("offer", "value", "initech", as: [Printed.Valuation].self).first)
        // 25 days short of the 25 usual in Britain, each 26,000 / 260 = 100.
        #expect(none.row("holiday")?.amounts.first == -250_000 && none.paid.average == 2_600_000, "\(none.rows)")
        _ = try cadence("offer", "edit", "1", "--holiday-days", "100")
        let all = try #require(try json("offer", "value", "initech", as: [Printed.Valuation].self).first)
        #expect(all.row("holiday")?.amounts.first == 750_000 && all.row("holiday")?.how.hasPrefix("100 days: 75 more than") == true)
        let refused = try cadence("offer", "edit", "1", "--holiday-days", "101")
        #expect(refused.status != 0 && refused.error.contains("101 days of holiday"), "\(refused.error)")
    }

    @Test("half days in the office and at home are accepted and valued by the commute each saves; 0 office days is a week at home")
    func halfDays() throws {
        try prepared()
        try assume("return { assumptions = { commute_day = \"10 GBP\" } }")
        _ = try cadence("offer", "add", "--app", "initech", "--base", "30000 GBP", "--office-days", "0.5", "--at", "2026-03-02")
        let half = try #require(try json("offer", "value", "initech", as: [Printed.Valuation].self).first)
        // Half a day × 46 weeks × 10 = 230; the 4.5 remote days save 2,070.
        #expect(half.row("commute")?.amounts.first == -23_000, "\(half.rows)")
        #expect(half.row("commute")?.how == "0.5 days a week in the office × 46 weeks × 10 GBP; 4.5 remote days save 2,070", "\(half.rows)")
        _ = try cadence("offer", "edit", "1", "--office-days", "", "--remote-days", "2.5")
        let remote = try #require(try json("offer", "value", "initech", as: [Printed.Valuation].self).first)
        #expect(remote.row("commute")?.amounts.first == -115_000, "\(remote.rows)")
        let shown = try cadence("offer", "show", "1").output
        #expect(shown.contains("remote days:      2.5 a week"), "\(shown)")
        _ = try cadence("offer", "edit", "1", "--remote-days", "5")
        #expect(try json("offer", "value", "initech", as: [Printed.Valuation].self).first?.row("commute")?.amounts.first == 0)
        let refused = try cadence("offer", "edit", "1", "--office-days", "2.25")
        #expect(refused.status != 0 && refused.error.contains("office days: 2.25 is not a number of days in a week"), "\(refused.error)")
    }

    @Test("a currency with no rate: a sentence naming negotiation.lua and the rate to add, from a benefit's amount too")
    func missingRate() throws {
        try prepared()
        _ = try cadence("offer", "add", "--app", "initech", "--base", "31000 GBP", "--worth", "allowance=100 EUR", "--at", "2026-03-02")
        let missing = try cadence("offer", "value", "initech")
        #expect(missing.status == 1 && missing.error
                == "cadence: no rate from EUR to GBP: add rates = { EUR = \"…\" } to the assumptions in your workspace's negotiation.lua (what one EUR is in GBP)\n",
                "\(missing.error)")
        try assume("return { assumptions = { rates = { EUR = \"0.86\" } } }")
        #expect(try json("offer", "value", "initech", as: [Printed.Valuation].self).first?.row("allowance")?.amounts.first == 8_600)
        try assume("return { assumptions = { rates = { EUR = \"lots\" } } }")
        #expect(try cadence("offer", "value", "initech").error.contains("negotiation.lua: rates: a rate is a decimal above zero such as \"0.79\", not \"lots\""))
        // A rate of nothing would value the allowance at nothing: refused too.
        try assume("return { assumptions = { rates = { EUR = \"0.000\" } } }")
        #expect(try cadence("offer", "value", "initech").error.contains("a rate is a decimal above zero such as \"0.79\", not \"0.000\""))
    }

    @Test("an offer in a currency with no rate is left out of the comparison with what to set; the others are still compared")
    func oneUnvaluedOffer() throws {
        try prepared()
        _ = try cadence("app", "add", "Pied Piper", "Engineer", "--applied", "2026-02-01")
        _ = try cadence("offer", "add", "--app", "initech", "--base", "54000 GBP", "--at", "2026-03-02")
        _ = try cadence("offer", "add", "--app", "pied", "--base", "90000 USD", "--at", "2026-03-02")
        let compared = try cadence("offer", "compare")
        #expect(compared.status == 0, "\(compared.error)")
        #expect(compared.output.contains("Not compared, not valued yet:\n  - Pied Piper: no rate from USD to GBP: add rates = { USD = \"…\" }"),
                "\(compared.output)")
        #expect(compared.output.contains("Initech"))
        // Alone (the pound offer declined), it is valued in its own currency: no rate is needed.
        _ = try cadence("log", "decline", "--app", "initech")
        let alone = try cadence("offer", "compare")
        #expect(alone.status == 0 && alone.output.contains("valued in USD") && !alone.output.contains("not valued yet"), "\(alone.output)\(alone.error)")
    }

    @Test("the command that values a benefit quotes its name so that pasting it runs nothing the name holds")
    func quotedForTheShell() throws {
        try prepared()
        _ = try cadence("offer", "add", "--app", "initech", "--base", "31000 GBP", "--benefit", "perk$(touch /tmp/pwned)\" ; echo \"=free lunch",
                        "--at", "2026-03-02")
        let offer = try #require(try json("offer", "value", "initech", as: [Printed.Valuation].self).first)
        #expect(offer.not_valued.first?.how == "cadence offer edit 1 --worth 'perk$(touch /tmp/pwned)\" ; echo \"=AMOUNT' (its worth a year)",
                "\(offer.not_valued)")
    }

    @Test("benefits in words: valued by a stated assumption, or listed as not valued with the command that values them")
    func worded() throws {
        try prepared()
        _ = try cadence("offer", "add", "--app", "initech", "--base", "31000 GBP", "--benefit", "health=private medical, family cover",
                        "--benefit", "cycle scheme=yes", "--benefit", "holiday=25 days", "--holiday-days", "25", "--at", "2026-03-02")
        let bare = try #require(try json("offer", "value", "initech", as: [Printed.Valuation].self).first)
        #expect(bare.not_valued.map(\.name) == ["cycle scheme", "health"], "\(bare.not_valued)")
        #expect(bare.not_valued.last?.how == "cadence offer edit 1 --health-cover AMOUNT, or health_cover = \"…\" in negotiation.lua")
        #expect(bare.not_valued.first?.how == "cadence offer edit 1 --worth \"cycle scheme=AMOUNT\" (its worth a year)")
        try assume("return { assumptions = { health_cover = \"1200 GBP\" } }")
        let assumed = try #require(try json("offer", "value", "initech", as: [Printed.Valuation].self).first)
        #expect(assumed.row("health cover")?.amounts.first == 120_000 && assumed.not_valued.map(\.name) == ["cycle scheme"])
        #expect(assumed.assumptions.contains("health cover worded with no figure is worth 1200 GBP a year (your health_cover)")
                && assumed.row("health cover")?.how == "your health_cover, for \"private medical, family cover\"", "\(assumed.assumptions)")
        _ = try cadence("offer", "edit", "1", "--worth", "cycle scheme=250")
        #expect(try json("offer", "value", "initech", as: [Printed.Valuation].self).first?.not_valued.isEmpty == true)
    }

    @Test("the current job valued with its benefits: its days off the baseline, its pension paid, what gives no figure named")
    func currentJob() throws {
        try prepared()
        _ = try cadence("candidate", "edit", "jo", "--current-pay", "30000 GBP", "--current-benefit", "28 days holiday",
                        "--current-benefit", "pension 5%", "--current-benefit", "gym £300 a year", "--current-benefit", "private medical")
        _ = try cadence("offer", "add", "--app", "initech", "--base", "31000 GBP", "--holiday-days", "25", "--at", "2026-03-02")
        let ranked = try json("offer", "compare", as: [Printed.Valuation].self)
        try #require(ranked.map { $0.label ?? "" } == ["current job", "Initech"], "\(ranked.map(\.label))")
        let current = ranked[0]
        #expect(current.current == true && current.offer == nil && current.row("pension")?.amounts.first == 150_000
                && current.row("gym 300 GBP a year") == nil && current.row("gym £300 a year")?.amounts.first == 30_000, "\(current.rows)")
        #expect(current.row("holiday")?.amounts.first == 0 && current.not_valued.map(\.name) == ["private medical"], "\(current)")
        // The offer's 25 days are 3 fewer than the current job's 28: 3 × 31,000 / 260 = 357.69 less.
        #expect(ranked[1].row("holiday")?.amounts.first == -35_769 && ranked[1].row("holiday")?.how.contains("your current job's 28 days") == true)
        let text = try cadence("offer", "compare").output
        #expect(text.contains("current job: private medical not valued: give its worth a year in its words: cadence candidate edit \"Jo Bloggs\""), "\(text)")
        // Its week: with commute_day set, its days in the office cost it too (2 × 46 × 10 = 920).
        try assume("return { assumptions = { commute_day = \"10 GBP\" } }")
        #expect(try cadence("offer", "compare").output.contains("the current job's days in the office are not recorded"))
        _ = try cadence("candidate", "edit", "jo", "--current-benefit", "28 days holiday", "--current-benefit", "2 days in the office")
        let week = try #require(try json("offer", "compare", as: [Printed.Valuation].self).first { $0.current == true })
        #expect(week.row("commute")?.amounts.first == -92_000, "\(week.rows)")
        _ = try cadence("candidate", "edit", "jo", "--current-benefit", "")
        let bare = try cadence("offer", "compare").output
        #expect(bare.contains("the current job's benefits are not recorded, so it is valued on pay alone"), "\(bare)")
    }

    @Test("compare: labelled by company, an assumption some rest on names them, a shared one once, scores add up, one JSON shape")
    func compared() throws {
        try prepared(region: "us")
        _ = try cadence("app", "add", "Globex", "Engineer", "--applied", "2026-02-01")
        _ = try cadence("offer", "add", "--app", "initech", "--base", "172000 USD", "--bonus", "10%", "--rsu", "120000 USD",
                        "--sign-on", "20000", "--pto-days", "20", "--pension", "4%", "--at", "2026-03-02")
        _ = try cadence("offer", "add", "--app", "globex", "--base", "180000 USD", "--pto-days", "15", "--at", "2026-03-02")
        try assume("return { weights = { money = 3, growth = 2 }, score = function(offer, app) return { growth = app.company == \"Globex\" and 4.5 or 2 } end }")
        let text = try cadence("offer", "compare").output
        #expect(text.contains("  - Initech: a target bonus is counted at 100% of itself") && !text.contains("#1"), "\(text)")
        let shared = "  - PTO is not paid: only the days beyond the 15 days usual in the United States count, each worth a day's base (base / 260)"
        #expect(text.components(separatedBy: shared).count == 2, "\(text)")
        #expect(text.contains("  401(k) match ") && text.contains("  PTO "), "\(text)")
        let ranked = try json("offer", "compare", as: [Printed.Valuation].self)
        for entry in ranked {
            let scores = try #require(entry.scores)
            let sum = scores.map { ($0.key == "money" ? 3 : 2) * $0.value }.reduce(0, +)
            #expect(abs(try #require(entry.overall) - (sum / 5 * 100).rounded() / 100) < 1e-9, "\(entry)")
            #expect(entry.breakdown?.hasSuffix(String(format: "= %.2f", entry.overall ?? 0)) == true, "\(entry.breakdown ?? "")")
        }
        // Empty lists stay lists: Globex has no private shares and nothing unvalued.
        let raw = try JSONSerialization.jsonObject(with: Data(try cadence("offer", "compare", "--json").output.utf8)) as? [[String: Any]] ?? []
        for entry in raw {
            #expect(entry["equity_scenarios"] is [Any] && entry["not_valued"] is [Any] && entry["scores"] is [String: Any]
                    && entry["paid"] is [String: Any], "\(entry)")
        }
    }

    @Test("a --worth named like a component (gym, base): each kept in its kind, and compare's column adds up to its totals")
    func alikeNames() throws {
        try prepared()
        _ = try cadence("offer", "add", "--app", "initech", "--base", "30000 GBP", "--gym", "200", "--worth", "gym=100",
                        "--worth", "base=5", "--at", "2026-03-02")
        let text = try cadence("offer", "compare").output
        for line in ["  base                    30,000      30,000", "  total paid              30,000      30,000",
                     "  gym                        300         300", "  base                         5           5",
                     "  total not paid             305         305", "  whole package           30,305      30,305"] {
            #expect(text.contains(line + "\n"), "\(line)\n\(text)")
        }
    }
}
