import Foundation
import Testing

/// The negotiation practice, rules 1-9, with fixed figures: a candidate whose
/// bottom line is 28,000, going rate 30,000 and top 35,000 GBP.
@Suite("Negotiation: the decision and the words")
struct NegotiateTests: WorkspaceSuite {
    let directory = Self.folder("negotiate")

    func prepared(needs: [String] = ["month-end reporting takes four days"]) throws {
        try createdWithCandidate()
        _ = try cadence("candidate", "edit", "jo", "--targets", "28000,30000,35000 GBP", "--strength", "SQL reporting")
        _ = try Commands.cadence(["app", "add", "Acme", "Analyst", "--applied", "2026-02-01"] + needs.flatMap { ["--need", $0] }
                                 + ["--workspace", directory])
    }

    func decision(_ extra: String...) throws -> [String: Any] {
        // Decided on the day after the call, so that the offer's dates are still ahead (a passed one is its own decision).
        let result = try Commands.cadence(["negotiate", "acme", "--json", "--as-of", "2026-03-04"] + extra + ["--workspace", directory])
        #expect(result.status == 0, "\(result.error)")
        return try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] ?? [:]
    }

    func offer(_ base: String, _ more: String...) throws {
        let result = try Commands.cadence(["offer", "add", "--app", "acme", "--base", base, "--at", "2026-03-02"] + more
                                          + ["--workspace", directory])
        #expect(result.status == 0, "\(result.error)")
    }

    /// An offer that says everything (start, holiday, pension, bonus, respond-by), time asked for and a call made:
    /// what is left to decide is the figure.
    func consideredOffer(_ base: String) throws {
        try offer(base, "--holiday-days", "25", "--pension", "5%", "--bonus", "1000", "--start", "2026-04-01", "--respond-by", "2026-03-20")
        _ = try cadence("log", "follow-up-call", "--app", "acme", "--at", "2026-03-03")
    }

    @Test("rules 2-4: before an offer, the salary question gets no figure but the case; pushed, a range a little above the target")
    func beforeAnOffer() throws {
        try prepared()
        let d = try decision()
        let words = d["words"] as? [String: String] ?? [:]
        let deflect = try #require(words["deflect"])
        #expect(!deflect.contains { $0.isNumber }, "no figure: \(deflect)")
        #expect(deflect.contains("looking forward to your proposal") && deflect.contains("a real step up in responsibility and in pay"))
        #expect(deflect.contains("You mentioned month-end reporting takes four days; I can help with that through SQL reporting."))
        let range = try #require(words["range"])
        // A little above the going rate of 30,000, never above the top of 35,000.
        #expect(range.contains("the mid-thirties") && range.contains("33,000 GBP to 35,000 GBP"), "\(range)")
        let asked = try json("negotiate", "acme", "--question", "What did you have in mind, to run by Finance?", as: Printed.Answer.self)
        #expect(asked.rule.hasPrefix("rules 2 and 3: don't give the first number") && !asked.words.contains { $0.isNumber }, "\(asked)")
    }

    @Test("an application name that matches none is refused in one line, with no line of Cadence's own scripts")
    func unknownApplication() throws {
        try prepared()
        for command in [["negotiate", "acmee"], ["offer", "value", "acmee"], ["rehearse", "acmee"], ["simulate", "acmee"]] {
            let result = try Commands.cadence(command + ["--workspace", directory])
            #expect(result.status == 1 && result.error == "cadence: no application named 'acmee' (did you mean 'Acme'?)\n",
                    "\(command): \(result.error)")
        }
        let counterpart = try Commands.cadence(["rehearse", "acme", "--counterpart", "nosuch.lua", "--workspace", directory])
        #expect(counterpart.status == 1 && counterpart.error == "cadence: nosuch.lua: no such file\n", "\(counterpart.error)")
    }

    @Test("no talking points are invented when no needs are recorded")
    func noInventedPoints() throws {
        try prepared(needs: [])
        #expect((try decision()["points"] as? [String])?.isEmpty != false)
        #expect(try cadence("negotiate", "acme").output.contains("Talking points: none recorded"))
    }

    @Test("rule 7: an offer of 27,000, below the bottom line, is declined politely, leaving the door open")
    func belowBottom() throws {
        try prepared()
        try offer("27000 GBP")
        let d = try decision()
        #expect(d["action"] as? String == "decline" && (d["rule"] as? String)?.hasPrefix("rule 7") == true)
        #expect((d["words"] as? [String: String])?["decline"]?.contains("if there is any flexibility, I would be glad to talk again") == true)
    }

    @Test("rule 5, then rule 9: first ask for time with a day and hour; then call about what the offer leaves out")
    func timeThenMissing() throws {
        try prepared()
        try offer("31000 GBP")
        let first = try decision()
        #expect(first["action"] as? String == "ask-for-time", "\(first)")
        #expect((first["words"] as? [String: String])?["time"]?.contains("may I come back to you on") == true)
        #expect(first["answer_on"] is String)
        _ = try cadence("log", "message-sent", "--app", "acme", "--kind", "ask-for-time")
        let second = try decision()
        #expect(second["action"] as? String == "ask-missing", "\(second)")
        #expect((second["reason"] as? String)?.contains("start date, holiday, pension, bonus and the date to answer by") == true, "\(second)")
    }

    @Test("rule 6: a counter above the offer, at least the going rate, at most the top; rule 8: a small gap gets no salary counter")
    func counters() throws {
        try prepared()
        try consideredOffer("31000 GBP")
        let counter = try decision()
        #expect(counter["action"] as? String == "counter" && counter["counter"] as? Int == 3_400_000, "\(counter)")
        _ = try cadence("offer", "edit", "1", "--base", "29500 GBP")
        let small = try decision()
        #expect(small["action"] as? String == "counter-benefits", "\(small)")
        #expect((small["reason"] as? String)?.contains("500 GBP under the going rate, within 3%: not worth a salary counter") == true)
        // The package, in the order the practice gives, leaving out what the offer has (25 days of holiday, a pension, a bonus).
        let package = (small["words"] as? [String: String])?["counter"] ?? ""
        #expect(package.contains("some flexibility on the start date, a relocation allowance and a day or two a week working remotely"), "\(package)")
        #expect(package.contains("I trust you to treat me fairly") && !package.contains("holiday"), "\(package)")
        _ = try cadence("offer", "edit", "1", "--base", "35000 GBP")
        let accept = try decision()
        #expect(accept["action"] as? String == "accept")
        #expect((accept["words"] as? [String: String])?["accept"]?.contains("base salary: 35,000 GBP a year") == true, "\(accept)")
        // The acceptance letter as a draft a mail client opens.
        let folder = directory + "/drafts"
        _ = try cadence("negotiate", "acme", "--as-of", "2026-03-04", "--eml", folder)
        let letter = try String(contentsOfFile: folder + "/acme-accept.eml", encoding: .utf8)
        #expect(letter.contains("Subject: Accepting your offer: Analyst, Acme\r\n") && letter.contains("X-Unsent: 1")
                && letter.contains("base salary: 35,000 GBP a year"), "\(letter)")
        // The budget is fixed: point at benefits, start date and moving allowance.
        #expect(try json("negotiate", "acme", "--question", "The budget is fixed, I'm afraid", as: Printed.Answer.self).rule
            .contains("employers have more room on benefits, start date and moving allowance"))
    }

    @Test("the Lua API: require 'cadence.negotiation' decides, counters, pairs needs with strengths and values, as the commands do")
    func luaAPI() throws {
        try prepared()
        // `cadence run` decides as of today: the offer came today, with three weeks to answer.
        _ = try cadence("offer", "add", "--app", "acme", "--base", "31000 GBP", "--holiday-days", "25", "--pension", "5%", "--bonus", "1000",
                        "--start", "in 4 weeks", "--respond-by", "in 3 weeks")
        _ = try cadence("log", "follow-up-call", "--app", "acme")
        let script = try Commands.temporaryScript("""
            local cadence = require "cadence"
            local negotiation = require "cadence.negotiation"
            local app = cadence.app("acme")
            local d = negotiation.decide(app)
            local v = negotiation.value(app:offers()[1], negotiation.load())
            print(d.action, negotiation.counter(app), #negotiation.talking_points(app), negotiation.words(app).counter ~= nil, v.totals[1])
            """)
        let result = try Commands.cadence(["run", "--workspace", directory, script])
        // 31,000 + 1,000 bonus + 5% pension (1,550); 25 days off, as many as the 25 usual in Britain, add nothing: 33,550.
        #expect(result.output == "counter\t3400000\t1\ttrue\t3355000\n", "\(result.output)\(result.error)")
    }

    @Test("a negotiate.lua in the workspace changes a rule: counter at 20% above the offer")
    func ownRules() throws {
        try prepared()
        try consideredOffer("30000 GBP")
        #expect(try decision()["counter"] as? Int == 3_300_000)
        try """
            local rules = require "negotiation.standard"
            rules.counter_above_offer = 20
            return rules
            """.write(toFile: directory + "/negotiate.lua", atomically: true, encoding: .utf8)
        #expect(try decision()["counter"] as? Int == 3_500_000)
    }
}
