import Foundation
import Testing

/// Numeric dates on the command line are read as the candidate writes them:
/// month first in the US, day first in Britain, and asked about where no
/// region decides; each write says the day back in words.
@Suite("Dates read in the candidate's own order")
struct RegionDatesTests: WorkspaceSuite {
    let directory = Self.folder("region-dates")

    /// A workspace whose candidate lives in `zone` (the region follows from it), with one application.
    func prepared(zone: String, applied: String = "2026-11-05") throws -> Commands.Result {
        _ = try Commands.cadence(["init", directory])
        _ = try cadence("candidate", "add", "Sam Ortiz", "--time-zone", zone)
        return try cadence("app", "add", "Lonestar", "Engineer", "--applied", applied)
    }

    @Test("in Austin, 12/03/2026 2pm is Thursday 3 December at 14:00, and the reply says so")
    func monthFirst() throws {
        let added = try prepared(zone: "America/Chicago", applied: "11/05/2026")
        #expect(added.output == "Added application 1: Lonestar, Engineer, applied Thu 5 Nov 2026\n", "\(added.error)")
        let logged = try cadence("log", "interview", "--app", "lonestar", "--at", "12/03/2026 2pm")
        #expect(logged.output == "Logged #2 interview on Thu 3 Dec 2026 at 14:00\n", "\(logged.error)")
        let due = try cadence("log", "deadline-set", "--app", "lonestar", "--at", "12/04/2026", "--due", "12/18/2026")
        #expect(due.output == "Logged #3 deadline-set on Fri 4 Dec 2026, due Fri 18 Dec 2026\n", "\(due.error)")
        let events = try json("app", "show", "lonestar", as: Printed.AppDetail.self).events
        // 14:00 in Chicago in December is 20:00 UTC.
        #expect(events.first { $0.kind == "interview" }?.at == "2026-12-03T20:00:00.000Z", "\(events)")
        #expect(events.first { $0.kind == "applied" }?.day == "2026-11-05", "\(events)")
        #expect(events.first { $0.kind == "deadline-set" }?.due == "2026-12-18", "\(events)")
        let deadline = try cadence("app", "edit", "lonestar", "--deadline", "12/18/2026")
        #expect(deadline.output == "Updated application 1: Lonestar, Engineer; deadline Fri 18 Dec 2026\n", "\(deadline.error)")
    }

    @Test("in London, the same 12/03/2026 is 12 March")
    func dayFirst() throws {
        _ = try prepared(zone: "Europe/London")
        let logged = try cadence("log", "interview", "--app", "lonestar", "--at", "12/03/2026 2pm")
        #expect(logged.output == "Logged #2 interview on Thu 12 Mar 2026 at 14:00\n", "\(logged.error)")
        let settled = try cadence("log", "deadline-set", "--app", "lonestar", "--at", "2026-03-12", "--due", "12/18/2026")
        #expect(settled.output.hasSuffix("due Fri 18 Dec 2026\n"), "a month of 18 settles the order: \(settled.error)")
    }

    @Test("in Toronto, or with no region, a date either order could read is asked about and nothing is written",
          arguments: ["America/Toronto", "UTC"])
    func asked(zone: String) throws {
        _ = try prepared(zone: zone)
        let before = try cadence("export").output
        for bad in [["app", "add", "Maple", "Dev", "--applied", "03/04/2026"],
                    ["log", "interview", "--app", "lonestar", "--at", "12/03/2026 2pm"],
                    ["app", "edit", "lonestar", "--deadline", "1/2/2027"],
                    ["offer", "add", "--app", "lonestar", "--base", "90000 USD", "--respond-by", "3/4/2027"]] {
            let result = try Commands.cadence(bad + ["--workspace", directory])
            #expect(result.status == 1, "\(bad)")
            #expect(result.error.contains(" could be ") && result.error.contains("cadence candidate edit NAME --region"), "\(bad): \(result.error)")
        }
        #expect(try cadence("export").output == before)
        let clear = try cadence("log", "interview", "--app", "lonestar", "--at", "12/18/2026 9am")
        #expect(clear.output == "Logged #2 interview on Fri 18 Dec 2026 at 09:00\n", "a date only one order reads is read: \(clear.error)")
    }

    @Test("an offer's dates are said back in words")
    func offerDates() throws {
        _ = try prepared(zone: "America/Chicago")
        let offer = try cadence("offer", "add", "--app", "lonestar", "--base", "150000 USD", "--at", "12/04/2026 10:30",
                                "--respond-by", "12/11/2026", "--start", "1/4/2027")
        #expect(offer.output.hasSuffix(", received Fri 4 Dec 2026 at 10:30; answer by Fri 11 Dec 2026, start Mon 4 Jan 2027\n"),
                "\(offer.output)\(offer.error)")
    }

    @Test("agenda done --on thursday keeps the thank-you after the interview; a day before it is refused")
    func doneAfterWhatItFollows() throws {
        _ = try prepared(zone: "Europe/London")
        _ = try cadence("log", "interview", "--app", "lonestar", "--with", "Ms. Jones", "--at", "2026-03-05 16:00")
        let agenda = try cadence("agenda", "--as-of", "2026-03-06", "--json").output
        let items = try JSONSerialization.jsonObject(with: Data(agenda.utf8)) as? [[String: Any]] ?? []
        let ref = try #require(items.first { $0["kind"] as? String == "thank-you" }?["ref"] as? String, "\(agenda)")
        let early = try cadence("agenda", "done", ref, "--on", "wednesday", "--as-of", "2026-03-06")
        #expect(early.status == 1 && early.error.contains("Wed 4 Mar 2026 is before the interview on Thu 5 Mar 2026 that this follows"),
                "\(early.error)")
        let done = try cadence("agenda", "done", ref, "--on", "thursday", "--as-of", "2026-03-06")
        #expect(done.output.hasSuffix("logged message-sent (thank-you) on Thu 5 Mar 2026\n"), "\(done.output)\(done.error)")
        let events = try json("app", "show", "lonestar", as: Printed.AppDetail.self).events
        let interview = try #require(events.firstIndex { $0.kind == "interview" })
        let thanks = try #require(events.firstIndex { $0.kind == "message-sent" })
        #expect(interview < thanks, "the thank-you comes after the interview: \(events)")
        #expect(events[thanks].at >= events[interview].at, "\(events)")
    }

    @Test("a hostile date on the command line is refused with its reason, and nothing is written", arguments: [
        ("\u{1B}[2J12/03/2026", "control character"),
        ("12/03/2026\u{202E}", "control character"),
        (String(repeating: "12/03/2026 ", count: 50), "is not one Cadence reads"),
        ("12/03/1899", "beyond the dates Cadence keeps"),
        ("12/03/2201", "beyond the dates Cadence keeps"),
        ("13/32/2026", "there is no"),
        ("00/03/2026", "there is no month 0"),
        ("12/00/2026", "there is no day 0"),
        ("99999999999/3/2026", "is not a date"),
    ])
    func hostile(_ text: String, _ reason: String) throws {
        _ = try prepared(zone: "America/Chicago")
        let before = try cadence("export").output
        let result = try cadence("log", "interview", "--app", "lonestar", "--at", text)
        #expect(result.status == 1 && result.error.contains(reason), "\(result.error)")
        #expect(!result.error.contains("\u{1B}") && !result.error.contains("\u{202E}"), "shown as escapes: \(result.error)")
        #expect(try cadence("export").output == before)
    }

    @Test("a promise in a sentence is read in the candidate's order")
    func promise() throws {
        _ = try prepared(zone: "America/Chicago")
        let logged = try cadence("log", "interview", "--app", "lonestar", "--at", "12/03/2026 2pm", "--next", "we will decide by 12/18")
        #expect(logged.output.contains("Logged #3 next-step on Thu 3 Dec 2026 at 14:00, due Fri 18 Dec 2026\n"
            + "  They act by Fri 18 Dec (\"decide\")"), "\(logged.output)\(logged.error)")
    }

    @Test("'by next Friday' in a promise said on a Thursday says which Friday it took, and how to say the other")
    func nextFridayInASentence() throws {
        _ = try prepared(zone: "America/Chicago")
        let logged = try cadence("log", "follow-up-call", "--app", "lonestar", "--at", "12/03/2026 10am",
                                 "--next", "we'll get back to you by next Friday")
        #expect(logged.output.hasSuffix("due Fri 4 Dec 2026\n"
            + "  They act by Fri 4 Dec (\"get back to you\"): the agenda waits until then, then plans one polite inquiry if no word has come.\n"
            + "  note: next friday: took Fri 4 Dec 2026; for Fri 11 Dec 2026 say 'friday next week'\n"), "\(logged.output)\(logged.error)")
    }
}
