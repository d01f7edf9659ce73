import Foundation
import Testing

/// The case and the letters as a user meets them through `cadence negotiate`:
/// a US offer of 172,000 USD with RSUs and a sign-on, and a British offer of
/// 31,000 GBP, each run until it is accepted.
@Suite("Negotiation: the case by meaning, and the letters of acceptance")
struct NegotiationCaseTests: WorkspaceSuite {
    let directory = Self.folder("negotiation-case")

    func decision(_ app: String) throws -> [String: Any] {
        let result = try cadence("negotiate", app, "--json", "--as-of", "2026-12-07")
        #expect(result.status == 0, "\(result.error)")
        return try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] ?? [:]
    }

    func succeeded(_ arguments: String...) throws {
        let result = try Commands.cadence(arguments + ["--workspace", directory])
        #expect(result.status == 0, "\(arguments): \(result.error)")
    }

    /// Sam Lee in the US, with three needs from the interviews in an order their strengths do not follow.
    func american() throws {
        _ = try Commands.cadence(["init", directory])
        try succeeded("candidate", "add", "Sam Lee", "--time-zone", "America/Chicago", "--region", "us",
                      "--targets", "160000,175000,195000 USD",
                      "--strength", "reduced incidents by 40%", "--strength", "built dashboards for the finance team",
                      "--strength", "grew the platform team from 4 to 12")
        try succeeded("app", "add", "Lonestar", "Engineering Manager", "--applied", "2026-11-02",
                      "--need", "scaling the payments team", "--need", "reporting for the board", "--need", "on-call load",
                      "--need", "GDPR compliance")
        try succeeded("contact", "add", "Dana Cruz", "--app", "lonestar", "--role", "hiring-manager")
        try succeeded("contact", "add", "Rob Hill", "--app", "lonestar", "--role", "recruiter")
        try succeeded("contact", "add", "Priya Shah", "--app", "lonestar", "--role", "interviewer")
        try succeeded("contact", "add", "Kim Old", "--app", "lonestar", "--role", "reference")
        try succeeded("offer", "add", "--app", "lonestar", "--base", "172000 USD", "--at", "2026-12-01", "--bonus", "10%",
                      "--sign-on", "20000", "--clawback-months", "12", "--rsu", "120000 USD", "--vesting-years", "4",
                      "--cliff-months", "12", "--holiday-days", "20", "--pension", "4%", "--study-budget", "2000",
                      "--remote-days", "3", "--refresher", "20000 USD", "--benefit", "health=family medical and dental",
                      "--start", "2027-01-11", "--respond-by", "2026-12-11")
    }

    @Test("the US offer: needs answered by meaning in the facts and the words, the unanswered one said; accepted, every term restated")
    func unitedStates() throws {
        try american()
        let first = try decision("lonestar")
        let facts = first["facts"] as? [String] ?? []
        #expect(facts.contains("the case: \"scaling the payments team\" answered by \"grew the platform team from 4 to 12\" (in common: team, growing a team)"), "\(facts)")
        #expect(facts.contains { $0.hasPrefix("a need to address: GDPR compliance, no strength recorded answers it") }, "\(facts)")
        let points = first["points"] as? [String] ?? []
        #expect(points.contains("You mentioned scaling the payments team; I grew the platform team from 4 to 12 and can do the same for you."))
        #expect(points.contains("You mentioned on-call load; I reduced incidents by 40% and can do the same for you."))
        #expect(points.contains("You mentioned reporting for the board; I built dashboards for the finance team and can do the same for you."))
        #expect(points.count == 3 && !points.contains { $0.contains("GDPR") }, "\(points)")

        // A round: they come back at the top. The script accepts, in writing.
        try succeeded("offer", "revise", "1", "--asked", "195000 USD", "--base", "195000 USD", "--at", "2026-12-04")
        let accept = try decision("lonestar")
        #expect(accept["action"] as? String == "accept", "\(accept)")
        let letter = try #require((accept["words"] as? [String: String])?["accept"])
        for term in ["Dear Dana,\n\nI'm delighted to accept your offer for the Engineering Manager role at Lonestar",
                     "  - base salary: 195,000 USD a year\n", "  - bonus: 10% of base (19,500 USD), a target\n",
                     "  - sign-on bonus: 20,000 USD, to be repaid if I leave within 12 months\n",
                     "  - equity: RSUs worth 120,000 USD, vesting over 4 years with a 12-month cliff, then every 3 months\n",
                     "  - equity refresher: 20,000 USD a year\n", "  - PTO: 20 days a year\n", "  - 401(k) match: 4% of base\n",
                     "  - remote working: 3 days a week\n", "  - study budget: 2,000 USD a year\n",
                     "  - health: family medical and dental\n", "  - start date: Monday, January 11, 2027\n",
                     "If I have misunderstood any of these, please do let me know.",
                     "please pass my thanks on to Rob Hill and Priya Shah, and to everyone else I met.",
                     "\n\nBest regards,\nSam Lee"] {
            #expect(letter.contains(term), "\(term) in \(letter)")
        }
        // A reference is no one met at the company; the reader is thanked as the reader.
        #expect(!letter.contains("Kim Old") && !letter.contains("thanks on to Dana"), "\(letter)")
    }

    @Test("swapping the order of needs and strengths changes no pair and no word")
    func orderFree() throws {
        try american()
        let before = try decision("lonestar")
        try succeeded("app", "edit", "lonestar", "--need", "GDPR compliance", "--need", "on-call load",
                      "--need", "reporting for the board", "--need", "scaling the payments team")
        try succeeded("candidate", "edit", "Sam Lee", "--strength", "grew the platform team from 4 to 12",
                      "--strength", "built dashboards for the finance team", "--strength", "reduced incidents by 40%")
        let after = try decision("lonestar")
        #expect(after["points"] as? [String] == before["points"] as? [String])
        #expect(after["facts"] as? [String] == before["facts"] as? [String])
    }

    @Test("rules.pairs in negotiate.lua chooses the strength for a need; the pair shows as yours")
    func chosen() throws {
        try american()
        try """
            local rules = require "negotiation.standard"
            rules.pairs = { ["GDPR compliance"] = "ran the SOC 2 programme at my last company" }
            return rules
            """.write(toFile: directory + "/negotiate.lua", atomically: true, encoding: .utf8)
        let d = try decision("lonestar")
        #expect((d["points"] as? [String])?.first == "You mentioned GDPR compliance; I ran the SOC 2 programme at my last company and can do the same for you.", "\(d)")
        #expect((d["facts"] as? [String])?.contains("the case: \"GDPR compliance\" answered by \"ran the SOC 2 programme at my last company\" (your pair, rules.pairs)") == true)
    }

    @Test("the British offer of 31,000 GBP: countered, then accepted at the top with holiday and pension in British words")
    func britain() throws {
        _ = try Commands.cadence(["init", directory])
        try succeeded("candidate", "add", "Jo Bloggs", "--time-zone", "Europe/London", "--region", "gb",
                      "--targets", "28000,30000,35000 GBP", "--strength", "SQL reporting")
        try succeeded("app", "add", "Acme", "Data Analyst", "--applied", "2026-11-02", "--need", "month-end reporting takes four days")
        try succeeded("contact", "add", "Helen Jones", "--app", "acme", "--role", "hiring-manager")
        try succeeded("offer", "add", "--app", "acme", "--base", "31000 GBP", "--at", "2026-12-01", "--holiday-days", "25",
                      "--pension", "5%", "--bonus", "1000", "--start", "2027-02-01", "--respond-by", "2026-12-11")
        try succeeded("log", "follow-up-call", "--app", "acme", "--at", "2026-12-02")
        let counter = try decision("acme")
        #expect(counter["action"] as? String == "counter", "\(counter)")
        #expect((counter["words"] as? [String: String])?["counter"]?.contains(
            "You mentioned month-end reporting takes four days; I can help with that through SQL reporting.") == true, "\(counter)")
        try succeeded("offer", "revise", "1", "--asked", "34000 GBP", "--base", "35000 GBP", "--at", "2026-12-04")
        let accept = try decision("acme")
        let letter = try #require((accept["words"] as? [String: String])?["accept"], "\(accept)")
        for term in ["Dear Helen,", "  - base salary: 35,000 GBP a year\n", "  - bonus: 1,000 GBP, a target\n",
                     "  - holiday: 25 days a year\n", "  - pension: 5% of base\n", "  - start date: Monday 1 February 2027\n",
                     "please pass my thanks on to everyone I met.", "Best regards,\nJo Bloggs"] {
            #expect(letter.contains(term), "\(term) in \(letter)")
        }
        #expect(!letter.contains("PTO") && !letter.contains("401(k)"), "\(letter)")
        // As a draft a mail client opens: the body whole, in CRLF lines.
        let folder = directory + "/drafts"
        try succeeded("negotiate", "acme", "--as-of", "2026-12-07", "--eml", folder)
        let eml = try String(contentsOfFile: folder + "/acme-accept.eml", encoding: .utf8)
        #expect(eml.contains("\r\n  - holiday: 25 days a year\r\n") && eml.contains("Best regards,\r\nJo Bloggs"), "\(eml)")
    }

    @Test("terms holding ESC, CRLF, bidi controls and 500 characters stay one line each in the letter and its .eml")
    func hostileTerms() throws {
        _ = try Commands.cadence(["init", directory])
        try succeeded("candidate", "add", "Jo Bloggs", "--time-zone", "Europe/London", "--region", "gb",
                      "--targets", "28000,30000,35000 GBP")
        try succeeded("app", "add", "Acme", "Data Analyst", "--applied", "2026-11-02")
        let long = String(repeating: "car allowance, ", count: 34)   // 510 characters
        try succeeded("offer", "add", "--app", "acme", "--base", "35000 GBP", "--at", "2026-12-01", "--holiday-days", "25",
                      "--pension", "5%", "--bonus", "1000", "--start", "2027-02-01", "--respond-by", "2026-12-11",
                      "--benefit", "car=\(long)", "--benefit", "note=\u{1B}[31mred\r\n.\r\nBcc: all@example.com\u{202E}txt")
        try succeeded("log", "follow-up-call", "--app", "acme", "--at", "2026-12-02")
        let letter = try #require((try decision("acme")["words"] as? [String: String])?["accept"])
        #expect(letter.contains("  - note: red . Bcc: all@example.comtxt\n"), "\(letter)")
        #expect(letter.contains("  - car: " + long.trimmingCharacters(in: .whitespaces) + "\n"), "\(letter)")
        #expect(!letter.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x202A...0x202E).contains($0.value) })
        // No contact, so no one to name: "Hello," and thanks to everyone met.
        #expect(letter.hasPrefix("Hello,\n\n") && letter.contains("please pass my thanks on to everyone I met."), "\(letter)")
        let folder = directory + "/drafts"
        try succeeded("negotiate", "acme", "--as-of", "2026-12-07", "--eml", folder)
        let eml = try String(contentsOfFile: folder + "/acme-accept.eml", encoding: .utf8)
        let body = try #require(eml.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n") as String?)
        #expect(!body.contains("\r\nBcc:") && !body.contains("\u{1B}") && !body.contains("\r\n.\r\n"), "\(eml.debugDescription)")
    }
}
