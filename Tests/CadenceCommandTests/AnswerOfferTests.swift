import Foundation
import Testing

/// Negotiation rule 5 on the agenda: the answer to an offer is due on the day
/// and at the hour agreed when asking for time, to the person asked, with a
/// draft that names that day and hour and no day before it.
@Suite("Agenda: answering an offer when agreed")
struct AnswerOfferTests: WorkspaceSuite {
    let directory = Self.folder("answer-offer")

    /// An agenda item as `agenda --json` gives it (the fields read here).
    struct Item: Decodable {
        var kind, due: String
        var at, to, email, reason, draft, missing_role: String?
    }

    /// Jo Bloggs (London), Acme's offer of 31,000 GBP received Mon 16 Mar 2026, answer by `respondBy`;
    /// Helen Park the hiring manager, Rita Reed the recruiter.
    func prepared(respondBy: String = "2026-03-27", company: String = "Acme", contacts: Bool = true) throws {
        try createdWithCandidate()
        _ = try cadence("candidate", "edit", "jo", "--targets", "28000,30000,35000 GBP")
        #expect(try cadence("app", "add", company, "Analyst", "--applied", "2026-02-01").status == 0)
        if contacts {
            _ = try cadence("contact", "add", "Helen Park", "--app", "1", "--role", "hiring-manager", "--email", "helen@acme.example")
            _ = try cadence("contact", "add", "Rita Reed", "--app", "1", "--role", "recruiter", "--email", "rita@acme.example")
        }
        let offer = try cadence("offer", "add", "--app", "1", "--base", "31000 GBP", "--at", "2026-03-16", "--respond-by", respondBy)
        #expect(offer.status == 0, "\(offer.error)")
    }

    /// Time asked for on `on`, to answer `due`, of `to`.
    func askedForTime(on: String = "2026-03-23", due: String = "wednesday 10am", to: String? = "Rita Reed") throws {
        let logged = try Commands.cadence(["log", "message-sent", "--app", "1", "--message-kind", "ask-for-time", "--at", on, "--due", due]
                                          + (to.map { ["--to", $0, "--as-written"] } ?? []) + ["--workspace", directory])
        #expect(logged.status == 0, "\(logged.error)")
    }

    func answerItem(asOf: String) throws -> Item? {
        try json("agenda", "--as-of", asOf, "--days", "14", as: [Item].self).first { $0.kind == "answer-offer" }
    }

    /// The days a text names ("Wed 25 Mar"), as days of 2026.
    func daysNamed(_ text: String) -> [Int] {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return text.matches(of: #/(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{1,2}) ([A-Z][a-z]{2})/#).compactMap { match in
            guard let month = months.firstIndex(of: String(match.output.3)), let day = Int(match.output.2) else { return nil }
            return month * 31 + day
        }
    }

    @Test("their date on a Saturday: the item moves back to the Friday, and its draft names the Friday, not the Saturday")
    func weekendDate() throws {
        try prepared(respondBy: "2026-03-28")
        let item = try #require(try answerItem(asOf: "2026-03-23"))
        #expect(item.due == "2026-03-27", "\(item)")
        let draft = try #require(item.draft)
        #expect(draft.contains("Fri 27 Mar") && !draft.contains("Sat 28 Mar"), "\(draft)")
    }

    @Test("the day and hour agreed, to the person asked: the item, its reason and its draft say the same, and no earlier day")
    func agreedDayAndHour() throws {
        try prepared()
        try askedForTime()
        let item = try #require(try answerItem(asOf: "2026-03-23"))
        #expect(item.due == "2026-03-25" && item.at == "10:00", "\(item)")
        // The person asked, not the hiring manager the letters go to by default.
        #expect(item.to == "Rita Reed" && item.email == "rita@acme.example", "\(item)")
        #expect(item.reason?.contains("agreed to answer on Wed 25 Mar at 10:00") == true, "\(item)")
        let draft = try #require(item.draft)
        #expect(draft.hasPrefix("Get back to Rita Reed on Wed 25 Mar at 10:00, as agreed."), "\(draft)")
        let itemDay = 2 * 31 + 25
        #expect(!daysNamed(draft).isEmpty && daysNamed(draft).allSatisfy { $0 >= itemDay }, "\(draft)")
        // As text: under its day, at its hour.
        let text = try cadence("agenda", "--as-of", "2026-03-23").output
        #expect(text.contains("Wed 25 Mar\n  ["), "\(text)")
        #expect(text.contains("] Acme: answer-offer to Rita Reed by phone at 10:00\n"), "\(text)")
        // Overdue, the hour stays beside its day.
        let late = try cadence("agenda", "--as-of", "2026-03-26").output
        #expect(late.contains("answer-offer to Rita Reed by phone (due Wed 25 Mar at 10:00)"), "\(late)")
    }

    @Test("the calendar puts the answer at the hour agreed, in the candidate's zone, not at the send time")
    func calendarHour() throws {
        try prepared()
        try askedForTime(due: "2026-03-31 14:30")
        let file = directory + "/agenda.ics"
        #expect(try cadence("agenda", "--as-of", "2026-03-23", "--days", "14", "--ics", file).status == 0)
        let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "\r\n ", with: "")
        let event = try #require(text.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("answer-offer") })
        // London is on summer time (UTC+1) from Sun 29 Mar 2026.
        #expect(event.contains("DTSTART:20260331T133000Z\r\n") && event.contains("DTEND:20260331T134500Z\r\n"), "\(event)")
        #expect(event.contains("Get back to Rita Reed on Tue 31 Mar at 14:30"), "\(event)")
    }

    @Test("no time asked for: due on their date, to the hiring manager, with no hour; once passed, the reason says so and what to do")
    func theirDate() throws {
        try prepared(respondBy: "2026-03-20")
        let item = try #require(try answerItem(asOf: "2026-03-17"))
        #expect(item.due == "2026-03-20" && item.at == nil && item.to == "Helen Park", "\(item)")
        #expect(item.reason?.contains("they want an answer by Fri 20 Mar") == true, "\(item)")
        let late = try #require(try answerItem(asOf: "2026-03-24"))
        #expect(late.reason?.contains("their date to answer by, Fri 20 Mar, passed 4 days ago with no answer: call today") == true, "\(late)")
        // The words are decided for today, the day it is done: none names a day before the item's, and the new day asked is after today.
        let draft = try #require(late.draft)
        #expect(draft.hasPrefix("Get back to Helen Park today: the day was Fri 20 Mar."), "\(draft)")
        #expect(daysNamed(draft).allSatisfy { $0 >= 2 * 31 + 20 } && daysNamed(draft).contains { $0 > 2 * 31 + 24 }, "\(draft)")
    }

    @Test("no time asked for yet: an item today to ask for it, with words decided today that name a day after today; gone once the day agreed is logged")
    func askForTimeToday() throws {
        try prepared(respondBy: "2026-03-27")
        let items = try json("agenda", "--as-of", "2026-03-17", "--days", "14", as: [Item].self)
        let ask = try #require(items.first { $0.kind == "ask-for-time" }, "\(items.map(\.kind))")
        #expect(ask.due == "2026-03-17" && ask.to == "Helen Park", "\(ask)")
        #expect(ask.reason?.contains("they want an answer by Fri 27 Mar; ask now for time to consider it") == true, "\(ask)")
        let words = try #require(ask.draft)
        #expect(!words.contains("The negotiation script decides") && daysNamed(words).allSatisfy { $0 > 2 * 31 + 17 } && !daysNamed(words).isEmpty,
                "only the words, asking for a day after today: \(words)")
        // The answer itself stays on their date until a day is agreed.
        #expect(items.contains { $0.kind == "answer-offer" && $0.due == "2026-03-27" })
        try askedForTime(on: "2026-03-17", due: "friday 10am")
        let after = try json("agenda", "--as-of", "2026-03-17", "--days", "14", as: [Item].self)
        #expect(!after.contains { $0.kind == "ask-for-time" } && after.contains { $0.kind == "answer-offer" && $0.due == "2026-03-20" }, "\(after.map(\.kind))")
    }

    @Test("their date to answer by comes before the day agreed: the reason names it and says to confirm they will wait")
    func respondByBeforeAgreedDay() throws {
        try prepared(respondBy: "2026-03-24")
        try askedForTime()
        let item = try #require(try answerItem(asOf: "2026-03-23"))
        #expect(item.due == "2026-03-25", "\(item)")
        #expect(item.reason?.contains("their date to answer by, Tue 24 Mar, comes before it: unless they agreed to wait, call before it passes")
                == true, "\(item)")
    }

    @Test("a day agreed on a weekend stays that day; with no one on file, the item says whom it lacks")
    func weekendAndNoContact() throws {
        try prepared(contacts: false)
        try askedForTime(due: "saturday 11am", to: nil)
        let item = try #require(try answerItem(asOf: "2026-03-23"))
        #expect(item.due == "2026-03-28" && item.at == "11:00" && item.to == nil && item.missing_role == "hiring-manager", "\(item)")
        let text = try cadence("agenda", "--as-of", "2026-03-23").output
        #expect(text.contains("answer-offer to the hiring manager (none on file) by phone at 11:00"), "\(text)")
    }

    @Test("a broken negotiate.lua or negotiation.lua leaves the item in place, its draft pointing at cadence negotiate")
    func brokenScript() throws {
        try prepared()
        try askedForTime()
        for (file, text) in [("negotiate.lua", "return {\n"), ("negotiation.lua", "return { weights = 3 }\n")] {
            try text.write(toFile: directory + "/" + file, atomically: true, encoding: .utf8)
            let item = try #require(try answerItem(asOf: "2026-03-23"))
            #expect(item.due == "2026-03-25" && item.at == "10:00" && item.to == "Rita Reed", "\(file): \(item)")
            #expect(item.draft == "Get back to Rita Reed on Wed 25 Mar at 10:00, as agreed.\n"
                    + "The negotiation script failed: cadence negotiate 1 says why.", "\(file): \(item)")
            try FileManager.default.removeItem(atPath: directory + "/" + file)
        }
    }

    @Test("a policy's at must be an hour: '9am' fails that policy, naming the user's line")
    func atIsChecked() throws {
        try prepared()
        try """
            return {
              { name = "mine", rule = "my rule", plan = function(app, ctx)
                  ctx:propose{ kind = "call", due = ctx.today, at = "9am", reason = "mine" }
                end },
            }
            """.write(toFile: directory + "/cadence.lua", atomically: true, encoding: .utf8)
        let result = try cadence("agenda", "--as-of", "2026-03-23")
        #expect(result.output.contains("a follow-up's at is an hour such as \"10:00\", not 9am"), "\(result.output)\(result.error)")
        #expect(result.output.contains("cadence.lua:3:"), "\(result.output)")
    }

    @Test("hostile names and companies: ESC, CR, CRLF, bidi and 500 characters reach no sink raw")
    func hostile() throws {
        let company = "Acme\u{1B}]52;c;aGk=\u{07}\r\nFORGED\u{202E}evil" + String(repeating: "x", count: 500)
        try prepared(company: company, contacts: false)
        let person = "Rita\u{1B}[31m\rReed\u{202E}\r\n  why: forged" + String(repeating: "y", count: 500)
        try askedForTime(to: person)
        let text = try cadence("agenda", "--as-of", "2026-03-23")
        #expect(text.status == 0, "\(text.error)")
        let controls: Set<UInt32> = [0x1B, 0x07, 0x0D, 0x202E]
        #expect(!text.output.unicodeScalars.contains { controls.contains($0.value) }, "\(text.output)")
        #expect(!text.output.contains("\n  why: forged") && !text.output.contains("\nFORGED"), "\(text.output)")
        let file = directory + "/agenda.ics"
        #expect(try cadence("agenda", "--as-of", "2026-03-23", "--ics", file).status == 0)
        let raw = try Data(contentsOf: URL(fileURLWithPath: file))
        for line in raw.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
            #expect(line.last == 0x0D && line.count - 1 <= 75)
            #expect(!line.dropLast().contains { $0 < 0x20 && $0 != 0x09 || $0 == 0x7F })
        }
        #expect(!String(decoding: raw, as: UTF8.self).unicodeScalars.contains { $0.value == 0x202E })
        // The JSON keeps the name as recorded, escaped.
        let item = try #require(try answerItem(asOf: "2026-03-23"))
        #expect(item.to == person && item.at == "10:00", "\(item)")
    }
}
