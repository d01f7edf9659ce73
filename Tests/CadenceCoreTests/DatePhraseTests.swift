import CadenceCore
import Testing

/// Dates as people say them, read from one fixed day: Thursday 3 December 2026.
@Suite("Dates in words")
struct DatePhraseTests {
    static let thursday = try! LocalDate(iso: "2026-12-03")

    struct Phrase: CustomTestStringConvertible, Sendable {
        let text: String
        let future: String
        /// The day when read as something that happened (a bare weekday is the last one).
        let past: String
        init(_ text: String, _ future: String, past: String? = nil) {
            self.text = text
            self.future = future
            self.past = past ?? future
        }
        var testDescription: String { "\"\(text)\"" }
    }

    static let phrases: [Phrase] = [
        Phrase("2026-12-15", "2026-12-15"),
        Phrase("2026/12/15", "2026-12-15"),
        Phrase("15/12/2026", "2026-12-15"),
        Phrase("15.12.2026", "2026-12-15"),
        Phrase("15 Dec 2026", "2026-12-15"),
        Phrase("December 15, 2026", "2026-12-15"),
        Phrase("dec 15th 2026", "2026-12-15"),
        Phrase("the 15th of December 2026", "2026-12-15"),
        Phrase("today", "2026-12-03"),
        Phrase("tomorrow", "2026-12-04"),
        Phrase("yesterday", "2026-12-02"),
        Phrase("tonight", "2026-12-03"),
        Phrase("the day after tomorrow", "2026-12-05"),
        Phrase("day before yesterday", "2026-12-01"),
        Phrase("friday", "2026-12-04", past: "2026-11-27"),
        Phrase("Friday", "2026-12-04", past: "2026-11-27"),
        Phrase("fri", "2026-12-04", past: "2026-11-27"),
        Phrase("thursday", "2026-12-10", past: "2026-12-03"),
        Phrase("wednesday", "2026-12-09", past: "2026-12-02"),
        Phrase("monday", "2026-12-07", past: "2026-11-30"),
        Phrase("sunday", "2026-12-06", past: "2026-11-29"),
        Phrase("next friday", "2026-12-04"),
        Phrase("next thursday", "2026-12-10"),
        Phrase("next monday", "2026-12-07"),
        Phrase("this friday", "2026-12-04"),
        Phrase("this thursday", "2026-12-03"),
        Phrase("coming friday", "2026-12-04"),
        Phrase("last friday", "2026-11-27"),
        Phrase("last thursday", "2026-11-26"),
        Phrase("past monday", "2026-11-30"),
        Phrase("previous wednesday", "2026-12-02"),
        Phrase("friday next week", "2026-12-11"),
        Phrase("Friday next week", "2026-12-11"),
        Phrase("monday next week", "2026-12-07"),
        Phrase("thursday next week", "2026-12-10"),
        Phrase("sunday next week", "2026-12-13"),
        Phrase("friday this week", "2026-12-04"),
        Phrase("monday this week", "2026-11-30"),
        Phrase("tuesday last week", "2026-11-24"),
        Phrase("next week friday", "2026-12-11"),
        Phrase("next week monday", "2026-12-07"),
        Phrase("friday week", "2026-12-11"),
        Phrase("the friday after next", "2026-12-11"),
        Phrase("in 10 days", "2026-12-13"),
        Phrase("10 days", "2026-12-13"),
        Phrase("in 1 day", "2026-12-04"),
        Phrase("in 3 days' time", "2026-12-06"),
        Phrase("a fortnight", "2026-12-17"),
        Phrase("in a fortnight", "2026-12-17"),
        Phrase("two weeks", "2026-12-17"),
        Phrase("2 weeks", "2026-12-17"),
        Phrase("in two weeks", "2026-12-17"),
        Phrase("in 2 weeks time", "2026-12-17"),
        Phrase("a week", "2026-12-10"),
        Phrase("in a week", "2026-12-10"),
        Phrase("a week from today", "2026-12-10"),
        Phrase("3 weeks from now", "2026-12-24"),
        Phrase("in a couple of weeks", "2026-12-17"),
        Phrase("a couple of days", "2026-12-05"),
        Phrase("in a few days", "2026-12-06"),
        Phrase("in three business days", "2026-12-08"),
        Phrase("5 working days", "2026-12-10"),
        Phrase("in 1 month", "2027-01-03"),
        Phrase("next month", "2027-01-03"),
        Phrase("in 2 months", "2027-02-03"),
        Phrase("in a year", "2027-12-03"),
        Phrase("next year", "2027-12-03"),
        Phrase("next week", "2026-12-10"),
        Phrase("last week", "2026-11-26"),
        Phrase("last month", "2026-11-03"),
        Phrase("10 days ago", "2026-11-23"),
        Phrase("a week ago", "2026-11-26"),
        Phrase("two weeks ago", "2026-11-19"),
        Phrase("end of the month", "2026-12-31"),
        Phrase("end of month", "2026-12-31"),
        Phrase("the end of the month", "2026-12-31"),
        Phrase("end of next month", "2027-01-31"),
        Phrase("end of the week", "2026-12-04"),
        Phrase("end of next week", "2026-12-11"),
        Phrase("end of the year", "2026-12-31"),
        Phrase("beginning of next month", "2027-01-01"),
        Phrase("start of next week", "2026-12-07"),
        Phrase("start of next month", "2027-01-01"),
        Phrase("eom", "2026-12-31"),
        Phrase("the 15th", "2026-12-15", past: "2026-11-15"),
        Phrase("on the 15th", "2026-12-15", past: "2026-11-15"),
        Phrase("15th", "2026-12-15", past: "2026-11-15"),
        Phrase("the 3rd", "2026-12-03"),
        Phrase("the 2nd", "2027-01-02", past: "2026-12-02"),
        Phrase("the 31st", "2026-12-31", past: "2026-10-31"),
        Phrase("15 december", "2026-12-15", past: "2026-12-15"),
        Phrase("December 15th", "2026-12-15", past: "2026-12-15"),
        Phrase("15th of January", "2027-01-15", past: "2026-01-15"),
        Phrase("jan 2", "2027-01-02", past: "2026-01-02"),
        Phrase("in january", "2027-01-01", past: "2026-01-01"),
        Phrase("in may", "2027-05-01", past: "2026-05-01"),
        Phrase("mid-december", "2026-12-15", past: "2026-12-15"),
        Phrase("mid january", "2027-01-15", past: "2026-01-15"),
        Phrase("by friday", "2026-12-04", past: "2026-11-27"),
        Phrase("on friday", "2026-12-04", past: "2026-11-27"),
        Phrase("until next monday", "2026-12-07"),
        Phrase("no later than friday", "2026-12-04", past: "2026-11-27"),
        Phrase("before the 20th", "2026-12-20", past: "2026-11-20"),
    ]

    @Test("every phrasing in the README's list gives its day", arguments: phrases)
    func phrase(_ phrase: Phrase) throws {
        #expect(try DatePhrase.date(phrase.text, from: Self.thursday).description == phrase.future)
        #expect(try DatePhrase.date(phrase.text, from: Self.thursday, lean: .past).description == phrase.past)
    }

    @Test("the promises people hear give the day they point at", arguments: [
        ("we'll decide by Friday", "2026-12-04"),
        ("call me in two weeks", "2026-12-17"),
        ("I'll get back to you on the 15th", "2026-12-15"),
        ("we hope to decide by 2026-12-15", "2026-12-15"),
        ("contact me again in a fortnight", "2026-12-17"),
        ("we'll be in touch next month", "2027-01-03"),
        ("expect to hear by the end of next week", "2026-12-11"),
        ("let's talk Friday next week", "2026-12-11"),
        ("the panel meets on Tuesday, we'll call after", "2026-12-08"),
        ("give it 10 days", "2026-12-13"),
        ("we decide mid-January", "2027-01-15"),
        ("call me next month", "2027-01-03"),
    ])
    func promise(_ sentence: String, _ day: String) throws {
        #expect(try DatePhrase.find(in: sentence, from: Self.thursday)?.date.description == day)
    }

    @Test("words that only look like dates in a sentence give none", arguments: [
        "we may be in touch", "I sat with the team", "the 2nd round is with the director", "soon", "two people",
        "call me next monthh", "next tuesdy",
    ])
    func noDate(_ sentence: String) throws {
        #expect(try DatePhrase.find(in: sentence, from: Self.thursday) == nil)
    }

    @Test("a near-miss word is named with its correction")
    func nearMiss() {
        for (text, suggestion) in [("next monthh", "'month'"), ("next tuesdy", "'tuesday'"), ("in 2 weaks", "'weeks'"),
                                   ("firday", "'friday'")] {
            #expect(throws: DomainError.self) { try DatePhrase.date(text, from: Self.thursday) }
            do { _ = try DatePhrase.date(text, from: Self.thursday) } catch {
                #expect("\(error)".contains("did you mean \(suggestion)"), "\(text): \(error)")
            }
        }
        #expect(DatePhrase.whyNoDate(in: "call me next monthh").contains("did you mean 'month'"))
    }

    @Test("what is not a date is refused with the reason", arguments: [
        ("soon", "is not a date I can read"),
        ("", "a date is needed"),
        ("31/02/2026", "there is no day 31 in February 2026"),
        ("friday fortnight maybe", "is not a date I can read"),
        ("in 100000000 days", "beyond the dates Cadence keeps"),
        ("in 9223372036854775807 days", "beyond the dates Cadence keeps"),
        ("in 99999999999999999999999 days", "beyond the dates Cadence keeps"),
        ("2300-01-01", "beyond the dates Cadence keeps"),
        ("1 Jan 1850", "beyond the dates Cadence keeps"),
        ("in 300 years", "beyond the dates Cadence keeps"),
    ])
    func refused(_ text: String, _ reason: String) {
        do {
            let day = try DatePhrase.date(text, from: Self.thursday, field: "due")
            Issue.record("'\(text)' read as \(day)")
        } catch {
            #expect("\(error)".hasPrefix("due: "), "names the field: \(error)")
            #expect("\(error)".contains(reason), "\(error)")
        }
    }

    @Test("a promise of a day beyond the range is an error, not a silent date")
    func promiseOutOfRange() {
        #expect(throws: DomainError.self) { try DatePhrase.find(in: "call me in 100000000 days", from: Self.thursday) }
    }

    @Test("a month on from the 31st is the next month's last day")
    func monthEnds() throws {
        let january31 = try LocalDate(iso: "2027-01-31")
        #expect(try DatePhrase.date("next month", from: january31).description == "2027-02-28")
        #expect(try DatePhrase.date("in 13 months", from: january31).description == "2028-02-29")
    }
}
