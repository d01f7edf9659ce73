import Foundation
import LuaBinding
import Testing

/// The letters of rule 9 from cadence.drafts: an acceptance restates every
/// term however it is stored, thanks the people met and is glad; a decline
/// owes no reason and keeps the door open. Both are mail: no term may break
/// a line or hide text.
@Suite("Letters: accepting with every term, declining with the door open")
struct LetterTermsTests {
    let harness = try! APIHarness()

    /// drafts.<fn>{ … } with `fields` (Lua source) for an application Acme, Data Analyst.
    func letter(_ fn: String, _ fields: String) throws -> String {
        try harness.run("""
            local drafts = require "cadence.drafts"
            local app = { company = "Acme", role = "Data Analyst" }
            return drafts.\(fn)({ app = app, \(fields) })
            """).first?.stringValue ?? ""
    }

    static let offer = """
        offer = { base = { minorUnits = 3100000, currency = "GBP" }, period = "year",
          bonus_percent = { basisPoints = 500 }, bonus_amount = { minorUnits = 155000, currency = "GBP" }, bonus_guaranteed = true,
          sign_on = { minorUnits = 300000, currency = "GBP" },
          grant = { kind = "options", shares = 2000, strike = { minorUnits = 150, currency = "GBP" }, vestingMonths = 48,
                    cliffMonths = 12, everyMonths = 1, schedule = { 40, 30, 20, 10 } },
          benefit_values = { holidayDays = 25, pensionMatch = { basisPoints = 500 }, pensionCap = { minorUnits = 400000, currency = "GBP" },
                             healthCover = { minorUnits = 120000, currency = "GBP" }, officeDaysPerWeek = 2, remoteDaysPerWeek = 3,
                             movingAllowance = { minorUnits = 500000, currency = "GBP" }, studyBudget = { minorUnits = 100000, currency = "GBP" },
                             travel = { minorUnits = 60000, currency = "GBP" }, gym = { minorUnits = 30000, currency = "GBP" },
                             other = { ["cycle scheme"] = { minorUnits = 30000, currency = "GBP" } } },
          benefits = { title = "Senior Data Analyst", review = "salary review after six months" },
          refresher = { minorUnits = 500000, currency = "GBP" },
          start = cadence.date("2026-04-06") },
        region = cadence.region("gb"),
        """

    @Test("an acceptance restates every term, figures and words alike, in the region's words, thanks those met and asks to be corrected")
    func everyTerm() throws {
        let text = try letter("acceptance", Self.offer + """
            contacts = { { name = "Helen Jones", role = "hiring-manager" }, { name = "Raj Patel", role = "interviewer" },
                         { name = "Ann Lee", role = "recruiter" }, { name = "Dana Whitfield", role = "reference" } },
            candidate = { name = "Jo Bloggs" },
            """)
        for line in ["Dear Helen,\n\nI'm delighted to accept your offer for the Data Analyst role at Acme, and I'm really glad",
                     "  - base salary: 31,000 GBP a year\n", "  - bonus: 5% of base (1,550 GBP), guaranteed\n",
                     "  - sign-on bonus: 3,000 GBP\n",
                     "  - equity: options over 2,000 shares at a strike of 1.50 GBP, vesting over 4 years with a 12-month cliff, then every month (40%/30%/20%/10%)\n",
                     "  - equity refresher: 5,000 GBP a year\n", "  - holiday: 25 days a year\n",
                     "  - pension: 5% of base, up to 4,000 GBP a year\n", "  - private medical insurance: 1,200 GBP a year\n",
                     "  - remote working: 3 days a week\n", "  - in the office: 2 days a week\n", "  - study budget: 1,000 GBP a year\n",
                     "  - moving allowance: 5,000 GBP\n", "  - travel: 600 GBP a year\n", "  - gym: 300 GBP a year\n",
                     "  - cycle scheme: 300 GBP a year\n", "  - review: salary review after six months\n",
                     "  - title: Senior Data Analyst\n", "  - start date: Monday 6 April 2026\n",
                     "If I have misunderstood any of these, please do let me know.",
                     "please pass my thanks on to Raj Patel and Ann Lee, and to everyone else I met.",
                     "I'm looking forward to starting on Monday 6 April 2026", "\n\nBest regards,\nJo Bloggs"] {
            #expect(text.contains(line), "\(line) in \(text)")
        }
        #expect(!text.contains("Dana Whitfield"))
    }

    @Test("in the US the same terms are PTO, a 401(k) match and a date month first")
    func americanWords() throws {
        let text = try letter("acceptance", Self.offer.replacingOccurrences(of: "cadence.region(\"gb\")", with: "cadence.region(\"us\")")
                              + "to = \"Dana Cruz\",")
        #expect(text.hasPrefix("Dear Dana,") && text.contains("  - PTO: 25 days a year\n") && text.contains("  - 401(k) match: 5% of base")
                && text.contains("  - start date: Monday, April 6, 2026\n"), "\(text)")
    }

    @Test("with no offer, no contacts and no name: still glad, asks for the terms in writing, thanks everyone, signs off cleanly")
    func nothingKnown() throws {
        let text = try letter("acceptance", "contacts = {},")
        #expect(text == """
            Hello,

            I'm delighted to accept your offer for the Data Analyst role at Acme, and I'm really glad we have arrived at terms that work for us both.

            Could you confirm the terms in writing? If I have misunderstood anything we agreed, please do let me know.

            Thank you for your time and help throughout the process; please pass my thanks on to everyone I met.

            I'm looking forward to starting and to joining the team.

            Best regards,
            """, "\(text)")
    }

    @Test("a decline thanks them, owes no reason and keeps the door open")
    func decline() throws {
        let text = try letter("decline", """
            contacts = { { name = "Helen Jones", role = "hiring-manager" }, { name = "Raj Patel", role = "interviewer" } },
            candidate = { name = "Jo Bloggs" },
            """)
        #expect(text == """
            Dear Helen,

            Thank you very much for the offer for the Data Analyst role at Acme, and for the time you and the team gave me. After careful thought I have decided to decline.

            I have enjoyed getting to know Acme; please pass my thanks on to Raj Patel, and to everyone else I met. I'd be glad to stay in touch, and I hope our paths cross again.

            Best regards,
            Jo Bloggs
            """, "\(text)")
        #expect(!text.contains("because"))
    }

    @Test("names and terms holding ESC, CR, CRLF, bidi controls and 500 characters leave every line of the letter whole")
    func hostile() throws {
        let long = String(repeating: "x", count: 500)
        let text = try letter("acceptance", """
            offer = { base = { minorUnits = 3100000, currency = "GBP" }, period = "year",
                      benefits = { ["note\\r\\nBcc: a@example.com"] = "one\\27[2J\\rtwo\\r\\n.\\r\\nthree\\226\\128\\174four", long = "\(long)" } },
            contacts = { { name = "\\27]0;owned\\7Helen\\r\\nBcc: x@example.com", role = "hiring-manager" },
                         { name = "Raj\\226\\128\\174 Patel", role = "interviewer" }, { name = "\\r\\n", role = "interviewer" } },
            candidate = { name = "Jo\\r\\nBloggs\\27[0m" },
            """)
        #expect(text.hasPrefix("Dear Helen,\n\n"), "\(text)")
        #expect(text.contains("  - note Bcc: a@example.com: one two . threefour\n"), "\(text)")
        #expect(text.contains("  - long: \(long)\n"))
        #expect(text.contains("please pass my thanks on to Raj Patel, and to everyone else I met."), "\(text)")
        #expect(text.hasSuffix("Best regards,\nJo Bloggs"), "\(text)")
        #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F
            || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }, "\(text.debugDescription)")
        // Every line is the letter's own: none starts a header or a lone ".".
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("Bcc:") || $0 == "." }, "\(text)")
    }
}
