import Foundation
import Testing

/// Dates typed on the command line: every flag reads the same phrases, a
/// promise without a date is kept with a warning, and no date beyond the
/// range Cadence keeps gets in.
@Suite("Dates in words on the command line")
struct DateFlagTests: WorkspaceSuite {
    let directory = Self.folder("dates")

    func prepared() throws {
        try createdWithCandidate()
        _ = try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-02-20")
    }

    @Test("a promise is logged with the day it points at, counted from when it was made")
    func promises() throws {
        try prepared()
        let month = try cadence("log", "interview", "--app", "acme", "--at", "2026-01-31", "--next", "call me next month")
        #expect(month.output.hasSuffix("Logged #3 next-step on Sat 31 Jan 2026, due Sat 28 Feb 2026\n"
            + "  You act on Sat 28 Feb (\"call me\"): a call on the agenda that day.\n"), "\(month.output)\(month.error)")
        let friday = try cadence("log", "next-step", "--app", "acme", "--at", "2026-03-02", "--next", "we'll decide Friday next week")
        #expect(friday.output == "Logged #4 next-step on Mon 2 Mar 2026, due Fri 13 Mar 2026\n"
            + "  They act by Fri 13 Mar (\"decide\"): the agenda waits until then, then plans one polite inquiry if no word has come.\n", "\(friday.error)")
    }

    @Test("a promise with no date in it is kept with its words and a visible warning")
    func promiseWithoutDate() throws {
        try prepared()
        for (words, hint) in [("call me next monthh", "did you mean 'month'"), ("we'll be in touch", "not a date I can read")] {
            let logged = try cadence("log", "interview", "--app", "acme", "--at", "2026-03-02", "--next", words)
            #expect(logged.status == 0)
            #expect(logged.output.contains("next-step on Mon 2 Mar 2026\n"), "logged without a due day: \(logged.output)")
            #expect(logged.error.hasPrefix("cadence: warning: no date found in the next step"), "\(logged.error)")
            #expect(logged.error.contains(hint), "\(logged.error)")
        }
        let promises = try json("app", "show", "acme", as: Printed.AppDetail.self).events.filter { $0.nextStep == "call me next monthh" }
        #expect(!promises.isEmpty && promises.allSatisfy { $0.due == nil }, "\(promises)")
    }

    @Test("a day beyond the years Cadence keeps is refused on every path, and nothing is written")
    func outOfRange() throws {
        try prepared()
        let before = try cadence("export").output
        for bad in [
            ["log", "next-step", "--app", "acme", "--next", "call me in 100000000 days"],
            ["log", "next-step", "--app", "acme", "--next", "in 9223372036854775807 days"],
            ["log", "deadline-set", "--app", "acme", "--due", "2999-01-01"],
            ["log", "interview", "--app", "acme", "--at", "1850-06-01"],
            ["app", "add", "Globex", "Engineer", "--deadline", "in 500 years"],
        ] {
            let result = try Commands.cadence(bad + ["--workspace", directory])
            #expect(result.status == 1, "\(bad)")
            #expect(result.error.contains("beyond the dates Cadence keeps (years 1900–2200)"), "\(bad): \(result.error)")
        }
        #expect(try cadence("export").output == before)
    }

    @Test("--at reads phrases: an interview can be booked ahead, a reply cannot have happened next week")
    func at() throws {
        try prepared()
        let booked = try cadence("log", "interview", "--app", "acme", "--at", "next tuesday 14:30")
        #expect(booked.status == 0, "\(booked.error)")
        let future = try cadence("log", "reply-received", "--app", "acme", "--at", "in 5 days")
        #expect(future.status == 1 && future.error.contains("is after today: a reply-received is logged once it has happened"),
                "\(future.error)")
        let past = try cadence("log", "reply-received", "--app", "acme", "--at", "yesterday 9am")
        #expect(past.status == 0, "\(past.error)")
        let unknown = try cadence("log", "note", "--app", "acme", "--at", "last fridy")
        #expect(unknown.status == 1 && unknown.error.contains("did you mean 'friday'"), "\(unknown.error)")
    }

    @Test("agenda done and snooze read phrases; a snooze never moves an item earlier or onto a weekend")
    func agendaActions() throws {
        try prepared()
        _ = try cadence("log", "interview", "--app", "acme", "--with", "Ms. Jones", "--at", "2026-02-24")
        func ref(_ kind: String) throws -> String {
            let json = try cadence("agenda", "--as-of", "2026-03-02", "--days", "14", "--json").output
            let items = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] ?? []
            return try #require(items.first { $0["kind"] as? String == kind }?["ref"] as? String)
        }
        let done = try cadence("agenda", "done", try ref("thank-you"), "--on", "last friday", "--as-of", "2026-03-02")
        #expect(done.output.hasSuffix("logged message-sent (thank-you) on Fri 27 Feb 2026\n"), "\(done.output)\(done.error)")
        // The first status is due a week after the interview: Tue 3 Mar.
        let status = try ref("status")
        let early = try cadence("agenda", "snooze", status, "--until", "1 day", "--as-of", "2026-03-02")
        #expect(early.status == 1 && early.error.contains("snooze until Tue 3 Mar: that is not after Tue 3 Mar (it is due then)"),
                "\(early.error)")
        let weekend = try cadence("agenda", "snooze", status, "--until", "saturday next week", "--as-of", "2026-03-02")
        #expect(weekend.output.hasSuffix("back on Mon 16 Mar 2026 (Sat 14 Mar is a weekend: moved to Mon 16 Mar)\n"),
                "\(weekend.output)\(weekend.error)")
    }
}
