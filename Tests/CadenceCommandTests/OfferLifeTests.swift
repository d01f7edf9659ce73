import Foundation
import Testing

/// An offer's status follows the log: answered, it is no longer open, and
/// compare and negotiate stop weighing it; a status set by hand logs its step
/// once, on the day given.
@Suite("An offer's life follows the log")
struct OfferLifeTests: WorkspaceSuite {
    let directory = Self.folder("offer-life")

    func prepared() throws {
        try createdWithCandidate()
        for company in ["Acme", "Globex"] {
            _ = try cadence("app", "add", company, "Analyst", "--applied", "2026-02-02")
            _ = try cadence("log", "interview", "--app", company, "--at", "2026-02-16")
            _ = try cadence("offer", "add", "--app", company, "--base", "55000 GBP", "--at", "2026-03-02")
        }
    }

    func acceptances(_ app: String) throws -> [String] {
        try json("app", "show", app, as: Printed.AppDetail.self).events.filter { $0.kind == "acceptance" }.map(\.at)
    }

    @Test("logging an acceptance closes the offer: it is accepted, and compare weighs only the offers still open")
    func acceptanceCloses() throws {
        try prepared()
        #expect(try cadence("log", "acceptance", "--app", "acme", "--at", "2026-03-04").status == 0)
        #expect(try cadence("offer", "show", "1").output.hasPrefix("Offer 1 from Acme (accepted)"))
        #expect(try cadence("offer", "show", "2").output.hasPrefix("Offer 2 from Globex (received)"))
        // Compare weighs only what is open, and says what it left out; negotiate says none is open.
        let compared = try cadence("offer", "compare").output
        #expect(!compared.contains(". Acme:") && compared.contains("1. Globex:") && compared.hasSuffix("Not compared, no longer open:\n  - Acme, offer 1: accepted\n"), "\(compared)")
        #expect(try cadence("negotiate", "acme").output.hasPrefix("Acme, Analyst: offer 1 accepted, none open\n"))
        // Marked accepted by hand afterwards: the acceptance is not logged twice.
        #expect(try cadence("offer", "edit", "1", "--status", "accepted").status == 0)
        #expect(try acceptances("acme").count == 1)
    }

    @Test("a round keeps what you asked and whether theirs was final: on the offer, the timeline and in Lua; undo takes it back")
    func roundsKept() throws {
        try prepared()
        let asked = try cadence("offer", "edit", "1", "--asked", "60k", "--at", "2026-03-04")
        #expect(asked.status == 0 && asked.output.contains("negotiating"), "\(asked.error)")
        let revised = try cadence("offer", "revise", "1", "--base", "58000 GBP", "--final", "--at", "2026-03-06")
        #expect(revised.status == 0, "\(revised.error)")
        let shown = try cadence("offer", "show", "3").output
        #expect(shown.contains("offer 1: 55,000 GBP a year (negotiating); you asked 60,000 GBP")
                && shown.contains("offer 3: 58,000 GBP a year (negotiating), their final offer"), "\(shown)")
        let rounds = try json("app", "show", "acme", as: Printed.AppDetail.self).events.filter { $0.kind == "negotiation-round" }
        #expect(rounds.map { String($0.at.prefix(10)) } == ["2026-03-04", "2026-03-06"])
        let lua = try cadence("run", "-e", """
            local cadence = require "cadence"
            local o = cadence.app("acme"):offers()
            print(cadence.money_text(o[1].asked), o[1].final, o[2].asked, o[2].final)
            """)
        #expect(lua.output == "60,000 GBP\tfalse\tnil\ttrue\n", "\(lua.error)")
        // Not an amount: refused, naming the flag, nothing changed.
        let wrong = try cadence("offer", "revise", "3", "--base", "59000 GBP", "--asked", "more holiday")
        #expect(wrong.status != 0 && wrong.error.contains("--asked is the base you asked for") && wrong.error.contains("--note"), "\(wrong.error)")
        // Asked in another currency than the offer's: refused, not left for negotiate to fail on.
        let dollars = try cadence("offer", "edit", "3", "--asked", "40000 USD")
        #expect(dollars.status != 0 && dollars.error.contains("40,000 USD is not in the offer's currency, GBP"), "\(dollars.error)")
        #expect(try cadence("undo").status == 0)
        #expect(try cadence("offer", "show", "1").output.contains("(negotiating)"))
    }

    @Test("a second offer while one is open says how to record a round; a package too large to add up is refused at add")
    func secondOfferAndHugePackage() throws {
        try prepared()
        let again = try cadence("offer", "add", "--app", "acme", "--base", "56000 GBP", "--at", "2026-03-03")
        #expect(again.status == 0 && again.output.contains("note: offer 1 from Acme is still open; a new round of it is 'cadence offer revise 1"),
                "\(again.output)")
        let before = try cadence("export").output
        let huge = try cadence("offer", "add", "--app", "globex", "--base", "92233720368547758.07 GBP",
                               "--sign-on", "92233720368547758.07 GBP")
        #expect(huge.status == 1 && huge.error.contains("the package's first year is too large to count"), "\(huge.error)")
        #expect(try cadence("export").output == before, "nothing written")
    }

    @Test("a status set by hand logs its step on the day given with --at")
    func statusByHand() throws {
        try prepared()
        let declined = try cadence("offer", "edit", "2", "--status", "declined", "--at", "2026-03-05")
        #expect(declined.status == 0, "\(declined.error)")
        let events = try json("app", "show", "globex", as: Printed.AppDetail.self).events
        #expect(events.contains { $0.kind == "decline" && $0.at.hasPrefix("2026-03-05") }, "\(events.map { "\($0.kind) \($0.at)" })")
        #expect(try json("app", "show", "globex", as: Printed.AppDetail.self).stage == "declined")
        // A no from them rescinds what was open.
        _ = try cadence("log", "rejection", "--app", "acme", "--at", "2026-03-06")
        #expect(try cadence("offer", "show", "1").output.hasPrefix("Offer 1 from Acme (rescinded)"))
    }

    @Test("negotiate --as-of counts its days from that date, not from today")
    func asOf() throws {
        try createdWithCandidate()
        _ = try cadence("candidate", "edit", "1", "--targets", "50000,55000,60000 GBP")
        _ = try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-02-02")
        _ = try cadence("offer", "add", "--app", "acme", "--base", "52000 GBP", "--at", "2026-03-02", "--respond-by", "2026-03-09")
        let said = try cadence("negotiate", "acme", "--as-of", "2026-03-03")
        #expect(said.output.contains("Why: the offer has not been considered yet: answer on Thu 5 Mar at 10:00, before their date Mon 9 Mar"),
                "\(said.output)\(said.error)")
        // Their date passed unanswered: ask at once for a little more time, with the words.
        let late = try cadence("negotiate", "acme", "--as-of", "2026-03-12").output
        #expect(late.contains("Decision: ask-for-extension\n")
                && late.contains("Why: their date Mon 9 Mar passed 3 days ago with no answer from you: call today, apologise, and ask to answer on Fri 13 Mar at 10:00")
                && late.contains("I'm sorry not to have answered by Mon 9 Mar"), "\(late)")
        #expect(try cadence("offer", "value", "acme", "--as-of", "2026-03-03").status == 0)
        #expect(try cadence("offer", "compare", "--as-of", "2026-03-03").status == 0)
    }

    @Test("a valuation speaks the region's words: PTO and 401(k) match for someone in the US")
    func regionWords() throws {
        _ = try Commands.cadence(["init", directory])
        _ = try cadence("candidate", "add", "Sam Lee", "--time-zone", "America/Chicago")
        _ = try cadence("app", "add", "Lonestar", "Engineer", "--applied", "11/02/2026")
        _ = try cadence("offer", "add", "--app", "lonestar", "--base", "160000", "--pto-days", "20", "--pension", "4%")
        let valued = try cadence("offer", "value", "lonestar").output
        #expect(valued.contains("\n  PTO ") && valued.contains("\n  401(k) match ") && valued.contains("PTO is not paid: only the days beyond the 15 days usual in the United States count"),
                "\(valued)")
        #expect(!valued.contains("holiday") && !valued.contains("pension"), "\(valued)")
    }

    @Test("a range said at six figures is said as people say it, and never above the candidate's top")
    func rangeAtScale() throws {
        _ = try Commands.cadence(["init", directory])
        _ = try cadence("candidate", "add", "Sam Lee", "--time-zone", "America/Chicago", "--targets", "150000,175000,185000")
        _ = try cadence("app", "add", "Lonestar", "Engineer", "--applied", "11/02/2026")
        let said = try cadence("negotiate", "lonestar").output
        #expect(said.contains("I'd expect something in the low 180s (USD): roughly 180,000 USD to 185,000 USD."), "\(said)")
        #expect(!said.contains("189,750") && !said.contains("198,000"), "\(said)")
    }
}
