import Foundation
import Testing

/// The negotiation script's numbers and words at the edges: figures at any
/// scale and in another currency, names that hold control characters, and
/// `--json` whose `words` is always an object.
@Suite("Negotiation: figures at any scale, currencies and hostile names")
struct NegotiationPracticeTests: WorkspaceSuite {
    let directory = Self.folder("practice")

    func cadence(_ arguments: [String]) throws -> Commands.Result { try Commands.cadence(arguments + ["--workspace", directory]) }

    func negotiate(_ app: String, asOf: String = "2026-03-04") throws -> Negotiated {
        try Commands.cadence(["negotiate", app, "--as-of", asOf, "--json", "--workspace", directory]).decoded()
    }

    /// An application with its own three numbers and an offer saying everything, considered (time asked, the call made).
    func considered(_ company: String, targets: String, base: String) throws {
        _ = try cadence(["app", "add", company, "Analyst", "--applied", "2026-02-01", "--targets", targets])
        let added = try cadence(["offer", "add", "--app", company, "--base", base, "--at", "2026-03-02", "--respond-by", "2026-03-10",
                                 "--holiday-days", "25", "--pension", "5%", "--bonus", "1", "--start", "2026-04-01"])
        #expect(added.status == 0, "\(added.error)")
        _ = try cadence(["log", "follow-up-call", "--app", company, "--at", "2026-03-03"])
    }

    @Test("a figure said as people say it, at any scale and in any currency's units")
    func spoken() throws {
        let cases = [
            ("34000 GBP", "the mid-thirties (GBP)"), ("28500 GBP", "the high-twenties (GBP)"), ("189750 USD", "the high 180s (USD)"),
            ("101000 USD", "the low 100s (USD)"), ("15000 GBP", "around 15k (GBP)"), ("1234567 USD", "around 1.2 million (USD)"),
            ("999999999 GBP", "around 1 billion (GBP)"), ("999999 USD", "the high 990s (USD)"), ("1000000 USD", "around 1 million (USD)"),
            ("0.01 GBP", "0.01 GBP"), ("999 GBP", "999 GBP"), ("5000000 JPY", "around 5 million (JPY)"), ("35000 JPY", "the mid-thirties (JPY)"),
        ]
        try createdWithCandidate()
        let script = try Commands.temporaryScript("""
            local cadence = require "cadence"
            local rules = require "negotiation.standard"
            for _, amount in ipairs{ \(cases.map { "\"\($0.0)\"" }.joined(separator: ", ")) } do
              local m = cadence.money(amount)
              print(rules.spoken(m.minorUnits, m.currency))
            end
            """)
        let result = try Commands.cadence(["run", "--workspace", directory, script])
        #expect(result.output == cases.map { $0.1 + "\n" }.joined(), "\(result.output)\(result.error)")
    }

    @Test("figures at the edges: one penny, 999,999,999 a year, a top close to the going rate; never above the top, always above the offer")
    func edges() throws {
        try createdWithCandidate()
        try considered("Tiny", targets: "0.01,0.02,0.03 GBP", base: "0.02 GBP")
        let tiny = try negotiate("tiny")
        #expect(tiny.action == "counter" && tiny.counter == 3, "\(tiny)")
        #expect(tiny.words["counter"]?.contains("a base of 0.03 GBP a year") == true, "\(tiny.words)")

        try considered("Huge", targets: "900000000,950000000,999999999 GBP", base: "899999999.99 GBP")
        let huge = try negotiate("huge")
        #expect(huge.action == "decline" && huge.walk_away == 90_000_000_000, "\(huge)")
        #expect(huge.fact("walk-away point: below 900,000,000 GBP a year (\"under 900 million\", your bottom line)") != nil, "\(huge.facts)")
        // 920,000,000 + 10% passes the top: the counter is the top, rounded down to a figure people say.
        _ = try cadence(["offer", "edit", "2", "--base", "920000000 GBP"])
        let top = try negotiate("huge")
        #expect(top.counter == 99_999_950_000 && top.words["counter"]?.contains("around 1 billion (GBP), that is 999,999,500 GBP a year") == true,
                "\(top)")

        // Your top only a little above the going rate: the range said before an offer stays within it.
        _ = try cadence(["app", "add", "Close", "Analyst", "--applied", "2026-02-01", "--targets", "28000,30000,30500 GBP"])
        let close = try negotiate("close")
        #expect(close.words["range"] == "Given the scope of the role, I'd expect around 30.5k (GBP).", "\(close.words)")
        // The counter never passes it either: 30,000 + 10% is 33,000, kept at 30,500.
        _ = try cadence(["offer", "add", "--app", "close", "--base", "28500 GBP", "--at", "2026-03-02", "--respond-by", "2026-03-10",
                         "--holiday-days", "25", "--pension", "5%", "--bonus", "1", "--start", "2026-04-01"])
        _ = try cadence(["log", "follow-up-call", "--app", "close", "--at", "2026-03-03"])
        #expect(try negotiate("close").counter == 3_050_000)
    }

    @Test("an offer in another currency than your numbers: refused in one sentence until you give a rate; then its words speak its currency")
    func anotherCurrency() throws {
        try createdWithCandidate()
        try considered("Euro", targets: "28000,30000,35000 GBP", base: "36000 EUR")
        let refused = try cadence(["negotiate", "euro"])
        #expect(refused.status == 1 && refused.output.isEmpty, "\(refused.output)")
        #expect(refused.error == "cadence: no rate from EUR to GBP: add rates = { EUR = \"…\" } to the assumptions in your workspace's negotiation.lua (what one EUR is in GBP)\n",
                "\(refused.error)")
        try #"return { assumptions = { rates = { EUR = "0.86" } } }"#.write(toFile: directory + "/negotiation.lua", atomically: true, encoding: .utf8)
        let d = try negotiate("euro")
        // 36,000 EUR is 30,960 GBP at your rate: counter 34,000 GBP, said to them as 39,500 EUR (rounded down, never past it).
        #expect(d.action == "counter" && d.counter == 3_400_000 && d.currency == "GBP", "\(d)")
        #expect(d.words["counter"]?.contains("a base of around 39.5k (EUR), that is 39,500 EUR a year") == true, "\(d.words)")
        #expect(d.fact("the offer: 36,000 EUR a year base (30,960 GBP at your rate;") != nil, "\(d.facts)")
        #expect(d.fact("the counter: 34,000 GBP (39,500 EUR to them, at your rate)") != nil, "\(d.facts)")
    }

    @Test("names holding ESC, CR, a line feed and bidi controls: shown as escapes, never starting a line; a letter keeps its sentence on one line")
    func hostileNames() throws {
        try createdWithCandidate()
        _ = try cadence(["candidate", "edit", "jo", "--targets", "28000,30000,35000 GBP", "--strength", "SQL\u{1b}[2J reporting"])
        _ = try cadence(["app", "add", "Ev\u{1b}[31mil\rCo\u{202e}", "Ro\nle\u{2066}", "--applied", "2026-02-01", "--need", "a need\r\u{1b}]0;x\u{7}"])
        _ = try cadence(["contact", "add", "Hel\u{1b}[1men\u{202e}", "--app", "1", "--role", "hiring-manager"])
        _ = try cadence(["offer", "add", "--app", "1", "--base", "31000 GBP", "--at", "2026-03-02", "--respond-by", "2026-03-04"])
        _ = try cadence(["log", "message-sent", "--app", "1", "--message-kind", "ask-for-time", "--due", "2026-03-05 10am",
                         "--to", "Hel\u{1b}[1men\u{202e}", "--at", "2026-03-03"])
        let shown = try cadence(["negotiate", "1", "--as-of", "2026-03-09"])
        #expect(shown.status == 0, "\(shown.error)")
        for raw in ["\u{1b}", "\r", "\u{202e}", "\u{2066}", "\u{7}"] { #expect(!shown.output.contains(raw), "\(raw.debugDescription) in \(shown.output)") }
        #expect(shown.output.contains("call Hel\\u{1b}[1men\\u{202e} today"), "\(shown.output)")
        #expect(shown.output.contains("keen on the Ro le\\u{2066} role"), "the role's line feed is a space in a sentence: \(shown.output)")
        let d = try negotiate("1", asOf: "2026-03-09")
        #expect(d.action == "answer-late" && d.time_agreed?.to == "Hel\u{1b}[1men\u{202e}", "\(d)")
    }

    @Test("--json: words is an object for every decision, an offer closed too, and the fields hold their documented shapes")
    func wordsAlwaysAnObject() throws {
        try createdWithCandidate()
        _ = try cadence(["app", "add", "Acme", "Analyst", "--applied", "2026-02-01"])
        // No numbers yet: the salary question still gets no figure.
        let untargeted = try negotiate("acme")
        #expect(untargeted.action == "set-targets" && untargeted.words["deflect"] != nil, "\(untargeted)")
        _ = try cadence(["candidate", "edit", "jo", "--targets", "28000,30000,35000 GBP"])
        _ = try cadence(["offer", "add", "--app", "acme", "--base", "31000 GBP", "--at", "2026-03-02"])
        _ = try cadence(["log", "acceptance", "--app", "acme", "--at", "2026-03-03"])
        let closed = try Commands.cadence(["negotiate", "acme", "--as-of", "2026-03-04", "--json", "--workspace", directory])
        let d: Negotiated = try closed.decoded()
        // Accepted: the answer in writing is the letter of acceptance (--eml writes it).
        #expect(d.action == "closed" && d.words["accept"]?.contains("delighted to accept") == true
                && d.reason.hasPrefix("offer 1 is accepted"), "\(d)")
        // Withdrawn by them: nothing to say, and words is still an object, {}.
        _ = try cadence(["app", "add", "Beta", "Analyst", "--applied", "2026-02-01"])
        _ = try cadence(["offer", "add", "--app", "beta", "--base", "31000 GBP", "--at", "2026-03-02"])
        _ = try cadence(["log", "rejection", "--app", "beta", "--at", "2026-03-03"])
        let gone = try Commands.cadence(["negotiate", "beta", "--as-of", "2026-03-04", "--json", "--workspace", directory])
        let g: Negotiated = try gone.decoded()     // an empty words as [] fails to decode
        #expect(g.action == "closed" && g.words.isEmpty, "\(g)")
    }

    @Test("a negotiate.lua that lies in its decision, and dates that contradict the round: each refused in a sentence naming the file or field")
    func lyingScriptAndDates() throws {
        try createdWithCandidate()
        try considered("Acme", targets: "28000,30000,35000 GBP", base: "31000 GBP")
        for (decide, says) in [("{ action = 'x', rule = 'r', reason = 'y', facts = { {} } }", "facts[1] is table, not text"),
                               ("{ action = 'x', rule = 'r', reason = 'y', counter = 1e308 }", "counter is 1e+308, not whole minor units"),
                               ("{ rule = 'r', reason = 'y' }", "action is nil, not text"),
                               ("{ action = 'x', rule = 'r', reason = 'y', words = { say = { 1 } } }", "words[say] is table, not text")] {
            try "return { decide = function(s) return \(decide) end }".write(toFile: directory + "/negotiate.lua", atomically: true, encoding: .utf8)
            let lied = try cadence(["negotiate", "acme"])
            #expect(lied.status == 1 && lied.error.contains("negotiate.lua: rules.decide returned a decision whose \(says)"), "\(lied.error)")
        }
        try FileManager.default.removeItem(atPath: directory + "/negotiate.lua")
        let early = try cadence(["offer", "revise", "1", "--base", "32000 GBP", "--at", "2026-01-01"])
        #expect(early.status == 1 && early.error.contains("is before offer 1 came"), "\(early.error)")
        let nothing = try cadence(["offer", "edit", "1", "--asked", "0"])
        #expect(nothing.status == 1 && nothing.error.contains("is no ask"), "\(nothing.error)")
        let backwards = try cadence(["log", "message-sent", "--app", "acme", "--message-kind", "ask-for-time", "--at", "2026-03-04",
                                     "--due", "2026-03-03 10am"])
        #expect(backwards.status == 1 && backwards.error.contains("is before the message-sent it comes with"), "\(backwards.error)")
    }
}
