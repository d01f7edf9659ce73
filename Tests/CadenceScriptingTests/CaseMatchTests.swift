import Foundation
import LuaBinding
import Testing

/// The case (negotiation rule 3) by meaning: negotiation/case.lua pairs each
/// need with the strength that answers it by what the two say, whatever order
/// either list is in; a need none answers is said, never dropped or paired
/// with whatever stands beside it.
@Suite("The case: needs answered by strengths, by meaning")
struct CaseMatchTests {
    let harness = try! APIHarness()

    /// `text` as a Lua string literal, every byte outside printable ASCII as a
    /// decimal escape: ESC, CR and bidi controls reach Lua as the bytes they are.
    static func lua(_ text: String) -> String {
        var out = "\""
        for byte in text.utf8 {
            if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                out.append(Character(Unicode.Scalar(byte)))
            } else {
                out += "\\\(byte)"
            }
        }
        return out + "\""
    }

    static func list(_ items: [String]) -> String { "{" + items.map(lua).joined(separator: ", ") + "}" }

    struct Case: CustomStringConvertible {
        let needs: [String]
        let strengths: [String]
        /// need → the strength that answers it, each as one line of plain text.
        let pairs: [String: String]
        let unanswered: [String]
        var description: String { "\(needs) / \(strengths)" }
    }

    static let long = String(repeating: "a stakeholder said that ", count: 20) + "on-call load"   // 492 characters and more
    static let cases: [Case] = [
        Case(needs: ["scaling the payments team", "reporting for the board", "on-call load"],
             strengths: ["grew the platform team from 4 to 12", "built dashboards for the finance team", "reduced incidents by 40%"],
             pairs: ["scaling the payments team": "grew the platform team from 4 to 12",
                     "reporting for the board": "built dashboards for the finance team",
                     "on-call load": "reduced incidents by 40%"], unanswered: []),
        // A third need that no strength answers is said, not given the strength that happens to stand third.
        Case(needs: ["scaling the payments team", "reporting for the board", "GDPR compliance"],
             strengths: ["grew the platform team from 4 to 12", "built dashboards for the finance team", "SQL and Python"],
             pairs: ["scaling the payments team": "grew the platform team from 4 to 12",
                     "reporting for the board": "built dashboards for the finance team"], unanswered: ["GDPR compliance"]),
        // One strength answers two needs.
        Case(needs: ["hiring senior engineers", "scaling the team"], strengths: ["grew the platform team from 4 to 12", "SQL reporting"],
             pairs: ["hiring senior engineers": "grew the platform team from 4 to 12", "scaling the team": "grew the platform team from 4 to 12"],
             unanswered: []),
        Case(needs: ["reduce cloud costs"], strengths: ["cut AWS spend by 30%", "reduced incidents by 40%"],
             pairs: ["reduce cloud costs": "cut AWS spend by 30%"], unanswered: []),
        Case(needs: ["slow releases"], strengths: ["set up CI/CD that took deploys from weekly to daily", "mentored five engineers"],
             pairs: ["slow releases": "set up CI/CD that took deploys from weekly to daily"], unanswered: []),
        Case(needs: ["high attrition in the team"], strengths: ["mentored five engineers to promotion", "grew the platform team from 4 to 12"],
             pairs: ["high attrition in the team": "mentored five engineers to promotion"], unanswered: []),
        Case(needs: ["customer churn"], strengths: ["cut churn by 15% through onboarding emails", "built dashboards"],
             pairs: ["customer churn": "cut churn by 15% through onboarding emails"], unanswered: []),
        Case(needs: ["SOC 2 audit next year"], strengths: ["led the ISO 27001 and SOC2 certification", "built dashboards"],
             pairs: ["SOC 2 audit next year": "led the ISO 27001 and SOC2 certification"], unanswered: []),
        Case(needs: ["data pipelines keep breaking"], strengths: ["rebuilt the ETL pipelines in Airflow", "built dashboards for sales"],
             pairs: ["data pipelines keep breaking": "rebuilt the ETL pipelines in Airflow"], unanswered: []),
        Case(needs: ["the board wants clearer metrics"], strengths: ["presented quarterly results to the board", "built dashboards"],
             pairs: ["the board wants clearer metrics": "presented quarterly results to the board"], unanswered: []),
        Case(needs: ["forecasting demand"], strengths: ["built a demand forecasting model in Python", "SQL reporting"],
             pairs: ["forecasting demand": "built a demand forecasting model in Python"], unanswered: []),
        // "team" alone is too common a word to pair anything.
        Case(needs: ["team morale"], strengths: ["built dashboards for the finance team"], pairs: [:], unanswered: ["team morale"]),
        Case(needs: ["payments expertise"], strengths: ["five years in fintech billing", "Kubernetes"],
             pairs: ["payments expertise": "five years in fintech billing"], unanswered: []),
        Case(needs: ["month-end reporting takes the team four days", "leadership distrusts the numbers"],
             strengths: ["SQL and Python analytics", "turning monthly reporting into automated dashboards", "explaining numbers to non-specialists"],
             pairs: ["month-end reporting takes the team four days": "turning monthly reporting into automated dashboards",
                     "leadership distrusts the numbers": "explaining numbers to non-specialists"], unanswered: []),
        Case(needs: ["too many bugs reach production"], strengths: ["introduced automated testing that halved defects", "grew the team"],
             pairs: ["too many bugs reach production": "introduced automated testing that halved defects"], unanswered: []),
        Case(needs: ["the app is slow"], strengths: ["cut page load latency by 60%", "grew the team"],
             pairs: ["the app is slow": "cut page load latency by 60%"], unanswered: []),
        Case(needs: ["legacy monolith"], strengths: ["led the migration from a monolith to microservices on AWS", "mentored engineers"],
             pairs: ["legacy monolith": "led the migration from a monolith to microservices on AWS"], unanswered: []),
        Case(needs: ["manual spreadsheets"], strengths: ["automated the weekly reports with Python scripts", "hired 6 engineers"],
             pairs: ["manual spreadsheets": "automated the weekly reports with Python scripts"], unanswered: []),
        Case(needs: ["stakeholder communication"], strengths: ["ran monthly updates for executives", "built ETL"],
             pairs: ["stakeholder communication": "ran monthly updates for executives"], unanswered: []),
        Case(needs: ["launching in Germany", "on call rota is exhausting"], strengths: ["reduced pages by half with better alerting", "grew the team"],
             pairs: ["on call rota is exhausting": "reduced pages by half with better alerting"], unanswered: ["launching in Germany"]),
        // Case and punctuation are not meaning; the same need twice is one need.
        Case(needs: ["Scaling THE Payments Team!", "scaling the payments team!"], strengths: ["GREW the platform team", "built dashboards"],
             pairs: ["Scaling THE Payments Team!": "GREW the platform team"], unanswered: []),
        // No strengths recorded: every need is said as one to address; no needs: nothing.
        Case(needs: ["on-call load", "reporting"], strengths: [], pairs: [:], unanswered: ["on-call load", "reporting"]),
        Case(needs: [], strengths: ["grew the team"], pairs: [:], unanswered: []),
        // 500 characters, and the controls a terminal or a letter would act on, are text like any other.
        Case(needs: [long], strengths: ["built dashboards", "reduced incidents by 40%"], pairs: [long: "reduced incidents by 40%"], unanswered: []),
        Case(needs: ["\u{1B}[31mon-call\u{1B}[0m load", "reporting\r\nBcc: all@example.com"],
             strengths: ["built \u{202E}dashboards\u{202C}", "reduced\tincidents\r\nby 40%"],
             pairs: ["on-call load": "reduced incidents by 40%", "reporting Bcc: all@example.com": "built dashboards"], unanswered: []),
    ]

    /// The match of `needs` and `strengths` in this order: "need => strength" lines, best first, then "? need".
    func matched(_ needs: [String], _ strengths: [String]) throws -> String {
        try harness.run("""
            local case = require "negotiation.case"
            local m = case.match(\(Self.list(needs)), \(Self.list(strengths)))
            local lines = {}
            for _, p in ipairs(m.pairs) do lines[#lines + 1] = p.need .. " => " .. p.strength end
            for _, n in ipairs(m.unanswered) do lines[#lines + 1] = "? " .. n end
            return table.concat(lines, "\\n")
            """).first?.stringValue ?? ""
    }

    @Test("each need is answered by the strength that says the most about it, in whatever order either list comes",
          arguments: cases)
    func byMeaning(_ c: Case) throws {
        let first = try matched(c.needs, c.strengths)
        var lines = first.split(separator: "\n").map(String.init)
        let unanswered = lines.filter { $0.hasPrefix("? ") }.map { String($0.dropFirst(2)) }
        lines.removeAll { $0.hasPrefix("? ") }
        let pairs = Dictionary(lines.map { line -> (String, String) in
            let parts = line.components(separatedBy: " => ")
            return (parts[0], parts[1])
        }, uniquingKeysWith: { a, _ in a })
        #expect(pairs == c.pairs, "\(first)")
        #expect(Set(unanswered) == Set(c.unanswered), "\(first)")
        // Every need is either answered or said to be unanswered: none is dropped.
        #expect(pairs.count + unanswered.count == Set(c.needs.map { $0.lowercased() }).count)
        // Reversed, rotated: the same pairs in the same order.
        #expect(try matched(c.needs.reversed(), c.strengths.reversed()) == first)
        #expect(try matched(c.needs.reversed(), c.strengths) == first)
        if c.strengths.count > 1 {
            #expect(try matched(c.needs, Array(c.strengths.dropFirst()) + [c.strengths[0]]) == first)
        }
    }

    @Test("the talking points read naturally, best match first: a deed follows I; a skill is what you help through; one sentence a strength")
    func sentences() throws {
        let points = try harness.run("""
            local case = require "negotiation.case"
            local m = case.match({ "Scaling the payments team", "hiring senior engineers", "month-end reporting", "GDPR compliance" },
              { "Grew the platform team from 4 to 12.", "SQL reporting" })
            return table.concat(case.points(m), "\\n"), table.concat(case.facts(m), "\\n")
            """)
        let said = try #require(points.first?.stringValue)
        #expect(said == """
            You mentioned month-end reporting; I can help with that through SQL reporting.
            You mentioned scaling the payments team and hiring senior engineers; I grew the platform team from 4 to 12 and can do the same for you.
            """, "\(said)")
        let facts = try #require(points.last?.stringValue)
        #expect(facts.contains("a need to address: GDPR compliance, no strength recorded answers it"), "\(facts)")
        #expect(facts.contains("the case: \"hiring senior engineers\" answered by \"Grew the platform team from 4 to 12.\" (in common: growing a team)"), "\(facts)")
    }

    @Test("hostile text in a need or strength leaves each point one line with no control and no bidi override")
    func hostileSentences() throws {
        let result = try harness.run("""
            local case = require "negotiation.case"
            local m = case.match(\(Self.list(["\u{1B}]0;owned\u{07}on-call\r\nload", "\u{202E}reporting\u{2066}", Self.long])),
              \(Self.list(["reduced incidents\r\n.\r\nby 40%", "built \u{1B}[2Jdashboards"])))
            return table.concat(case.points(m), "\\n"), #case.points(m)
            """)
        let text = try #require(result.first?.stringValue)
        #expect(result.last?.integerValue == 2)
        #expect(text.split(separator: "\n").count == 2, "\(text)")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x202A...0x202E).contains($0.value)
            || (0x2066...0x2069).contains($0.value) || $0.value == 0x7F }, "\(text.debugDescription)")
        #expect(text.contains("I reduced incidents . by 40% and can do the same for you."), "\(text)")
    }

    @Test("rules.pairs in negotiate.lua chooses a pair, leaves a need unsaid with false, and names a need not recorded")
    func chosenPairs() throws {
        let result = try harness.run("""
            local case = require "negotiation.case"
            local m = case.match({ "scaling the payments team", "on-call load", "reporting" }, { "reduced incidents", "built dashboards" },
              { ["Scaling the payments team"] = "led the payments rebuild", ["reporting"] = false, ["nosuch need"] = "x" })
            local bad = select(2, pcall(case.match, { "a" }, { "b" }, { ["a"] = 3 }))
            return table.concat(case.points(m), "\\n"), table.concat(case.facts(m), "\\n"), bad
            """)
        let points = try #require(result[0].stringValue)
        #expect(points == """
            You mentioned scaling the payments team; I led the payments rebuild and can do the same for you.
            You mentioned on-call load; I reduced incidents and can do the same for you.
            """, "\(points)")
        let facts = try #require(result[1].stringValue)
        #expect(facts.contains("(your pair, rules.pairs)") && facts.contains("a need left unsaid, as rules.pairs asks: reporting")
                && facts.contains("rules.pairs names a need not recorded for this application: nosuch need"), "\(facts)")
        #expect(result[2].stringValue?.hasPrefix("rules.pairs: each pair is [\"a need\"] = \"the strength that answers it\"") == true,
                "\(String(describing: result[2].stringValue))")
    }
}
