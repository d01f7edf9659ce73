import CadenceCore
import Foundation
import Testing

/// How people write dates, read from one fixed day (Monday 7 December 2026)
/// as each kind of reader reads them: month first with weeks from Sunday
/// (the US), day first with weeks from Monday (Britain), and no region
/// (weeks from Monday, an ambiguous numeric date refused with both readings).
/// Each table row is a phrase and the day it means, "YYYY-MM-DD", with
/// "HH:MM" where the phrase gives a time.
@Suite("Dates as people write them, by reader")
struct DatePhrasingTableTests {
    static let monday = try! LocalDate(iso: "2026-12-07")
    static let us = DateReading(today: monday, order: .monthFirst, weekStart: .sunday)
    static let uk = DateReading(today: monday, order: .dayFirst, weekStart: .monday)
    static let none = DateReading(today: monday, order: nil, weekStart: .monday)

    struct Row: CustomTestStringConvertible, Sendable {
        let text: String
        let expected: String
        let lean: DatePhrase.Lean
        init(_ text: String, _ expected: String, lean: DatePhrase.Lean = .future) {
            self.text = text
            self.expected = expected
            self.lean = lean
        }
        var testDescription: String { "\"\(text)\" → \(expected)" + (lean == .past ? " (past)" : "") }
    }

    /// What `reading` makes of `row`: its day, and its time where the row has one.
    static func read(_ row: Row, _ reading: DateReading) throws -> String {
        guard row.expected.count > 10 else { return try reading.day(row.text, lean: row.lean).description }
        let moment = try reading.moment(row.text, lean: row.lean)
        let seconds = Int(moment.instant.timeIntervalSince1970) - LocalDate(moment.instant, in: "UTC").dayNumber * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(LocalDate(moment.instant, in: "UTC")) \(two(seconds / 3600)):\(two(seconds / 60 % 60))"
    }

    /// Phrases in words: every reader reads them the same way.
    static let words: [Row] = [
        Row("today", "2026-12-07"), Row("tomorrow", "2026-12-08"), Row("yesterday", "2026-12-06"),
        Row("tonight", "2026-12-07"), Row("the day after tomorrow", "2026-12-09"), Row("day before yesterday", "2026-12-05"),
        Row("monday", "2026-12-14"), Row("tuesday", "2026-12-08"), Row("wednesday", "2026-12-09"),
        Row("thursday", "2026-12-10"), Row("friday", "2026-12-11"), Row("saturday", "2026-12-12"),
        Row("sunday", "2026-12-13"), Row("Friday", "2026-12-11"), Row("FRIDAY", "2026-12-11"),
        Row("fri", "2026-12-11"), Row("thu", "2026-12-10"), Row("thurs", "2026-12-10"),
        Row("tues", "2026-12-08"), Row("weds", "2026-12-09"), Row("next friday", "2026-12-11"),
        Row("next monday", "2026-12-14"), Row("next tuesday", "2026-12-08"), Row("this friday", "2026-12-11"),
        Row("this monday", "2026-12-07"), Row("coming friday", "2026-12-11"), Row("last friday", "2026-12-04"),
        Row("last monday", "2026-11-30"), Row("previous wednesday", "2026-12-02"), Row("friday next week", "2026-12-18"),
        Row("monday next week", "2026-12-14"), Row("friday this week", "2026-12-11"), Row("friday last week", "2026-12-04"),
        Row("next week friday", "2026-12-18"), Row("this week friday", "2026-12-11"), Row("last week monday", "2026-11-30"),
        Row("friday week", "2026-12-18"), Row("monday week", "2026-12-21"), Row("the friday after next", "2026-12-18"),
        Row("on friday", "2026-12-11"), Row("by friday", "2026-12-11"), Row("due friday", "2026-12-11"),
        Row("no later than friday", "2026-12-11"), Row("in 10 days", "2026-12-17"), Row("10 days", "2026-12-17"),
        Row("in a week", "2026-12-14"), Row("in 2 weeks", "2026-12-21"), Row("in two weeks", "2026-12-21"),
        Row("a fortnight", "2026-12-21"), Row("in a fortnight", "2026-12-21"), Row("in 3 days", "2026-12-10"),
        Row("3 days ago", "2026-12-04"), Row("a week ago", "2026-11-30"), Row("in a couple of days", "2026-12-09"),
        Row("in a few days", "2026-12-10"), Row("in 2 weeks' time", "2026-12-21"), Row("in 10 days time", "2026-12-17"),
        Row("10 days from now", "2026-12-17"), Row("ten days from today", "2026-12-17"), Row("in twenty days", "2026-12-27"),
        Row("a week from today", "2026-12-14"), Row("a week from now", "2026-12-14"), Row("a week from friday", "2026-12-18"),
        Row("2 weeks from friday", "2026-12-25"), Row("a week on friday", "2026-12-18"), Row("two days after tomorrow", "2026-12-10"),
        Row("3 days before the 15th", "2026-12-12"), Row("a week from next friday", "2026-12-18"),
        Row("in 3 business days", "2026-12-10"), Row("5 working days", "2026-12-14"), Row("within 3 days", "2026-12-10"),
        Row("after 2 weeks", "2026-12-21"), Row("in 1 month", "2027-01-07"), Row("in 2 months", "2027-02-07"),
        Row("in a year", "2027-12-07"), Row("1 year", "2027-12-07"), Row("2 years ago", "2024-12-07"),
        Row("6 months ago", "2026-06-07"), Row("next week", "2026-12-14"), Row("next month", "2027-01-07"),
        Row("last month", "2026-11-07"), Row("next year", "2027-12-07"), Row("end of the month", "2026-12-31"),
        Row("end of month", "2026-12-31"), Row("eom", "2026-12-31"), Row("end of next month", "2027-01-31"),
        Row("beginning of next month", "2027-01-01"), Row("start of next month", "2027-01-01"), Row("end of the week", "2026-12-11"),
        Row("end of next week", "2026-12-18"), Row("by the end of next week", "2026-12-18"), Row("start of next week", "2026-12-14"),
        Row("beginning of next week", "2026-12-14"), Row("eow", "2026-12-11"), Row("end of the year", "2026-12-31"),
        Row("end of next year", "2027-12-31"), Row("start of next year", "2027-01-01"), Row("the 15th", "2026-12-15"),
        Row("15th", "2026-12-15"), Row("the 3rd", "2027-01-03"), Row("the third", "2027-01-03"),
        Row("the 1st", "2027-01-01"), Row("the first", "2027-01-01"), Row("the twenty-first", "2026-12-21"),
        Row("the 7th", "2026-12-07"), Row("the 31st", "2026-12-31"), Row("the 20th", "2026-12-20"),
        Row("until the 20th", "2026-12-20"), Row("15 December", "2026-12-15"), Row("3 December", "2027-12-03"),
        Row("December 3rd", "2027-12-03"), Row("December 3", "2027-12-03"), Row("Dec. 3", "2027-12-03"),
        Row("dec 15", "2026-12-15"), Row("3rd of December", "2027-12-03"), Row("the 3rd of December", "2027-12-03"),
        Row("20th december", "2026-12-20"), Row("25 dec", "2026-12-25"), Row("december the third", "2027-12-03"),
        Row("december twenty-first", "2026-12-21"), Row("the twenty first of december", "2026-12-21"),
        Row("15 Dec 2026", "2026-12-15"), Row("December 15, 2026", "2026-12-15"), Row("December 15th, 2026", "2026-12-15"),
        Row("dec 15th 2026", "2026-12-15"), Row("the 15th of December 2026", "2026-12-15"), Row("December 20 2026", "2026-12-20"),
        Row("3 January", "2027-01-03"), Row("January 3rd", "2027-01-03"), Row("3rd of January 2027", "2027-01-03"),
        Row("12 January 2027", "2027-01-12"), Row("1 Mar 2027", "2027-03-01"), Row("March 1, 2027", "2027-03-01"),
        Row("sept 1", "2027-09-01"), Row("1 sept", "2027-09-01"), Row("29 feb", "2028-02-29"),
        Row("in January", "2027-01-01"), Row("mid-January", "2027-01-15"), Row("mid december", "2026-12-15"),
        Row("thu 10 dec", "2026-12-10"), Row("thursday, december 10th", "2026-12-10"), Row("Thursday 10 December 2026", "2026-12-10"),
        Row("fri 11 dec 2026", "2026-12-11"), Row("friday the 11th", "2026-12-11"), Row("on thu 10 dec", "2026-12-10"),
        Row("2026-12-15", "2026-12-15"), Row("2026/12/15", "2026-12-15"), Row("2026-01-02", "2026-01-02"),
        Row("2027-02-28", "2027-02-28"), Row("2028-02-29", "2028-02-29"), Row("1900-01-01", "1900-01-01"),
        Row("2200-12-31", "2200-12-31"), Row("tomorrow morning", "2026-12-08"), Row("friday afternoon", "2026-12-11"),
        Row("tuesday 10am", "2026-12-08"), Row("friday at 2pm", "2026-12-11"), Row("next friday 14:30", "2026-12-11"),
        // Leaning to the past: the day of something that happened.
        Row("friday", "2026-12-04", lean: .past), Row("monday", "2026-12-07", lean: .past), Row("thursday", "2026-12-03", lean: .past),
        Row("sunday", "2026-12-06", lean: .past), Row("tues", "2026-12-01", lean: .past), Row("the 15th", "2026-11-15", lean: .past),
        Row("the 7th", "2026-12-07", lean: .past), Row("3 December", "2026-12-03", lean: .past), Row("15 December", "2026-12-15", lean: .past),
        Row("in January", "2026-01-01", lean: .past), Row("thu 3 dec", "2026-12-03", lean: .past),
        // A time after the day is kept where the field is an instant.
        Row("2026-12-03 14:00", "2026-12-03 14:00", lean: .past), Row("2026-12-03T14:30", "2026-12-03 14:30", lean: .past),
        Row("2026-12-03 14:00:00", "2026-12-03 14:00", lean: .past), Row("tuesday 10am", "2026-12-01 10:00", lean: .past),
        Row("thu 3 dec at 2:30pm", "2026-12-03 14:30", lean: .past), Row("yesterday 14:30", "2026-12-06 14:30", lean: .past),
        Row("last friday 2pm", "2026-12-04 14:00", lean: .past), Row("last friday at 2 pm", "2026-12-04 14:00", lean: .past),
        Row("tomorrow morning", "2026-12-08 09:00"), Row("friday afternoon", "2026-12-04 14:00", lean: .past),
        Row("today at noon", "2026-12-07 12:00", lean: .past), Row("2pm", "2026-12-07 14:00", lean: .past),
        Row("14:00", "2026-12-07 14:00", lean: .past), Row("next tuesday at 2pm", "2026-12-08 14:00"),
        Row("3 December 2026 at 9:05 am", "2026-12-03 09:05", lean: .past), Row("tonight", "2026-12-07 19:00", lean: .past),
        Row("this evening", "2026-12-07 18:00", lean: .past), Row("December 3rd, 2026 at 12pm", "2026-12-03 12:00", lean: .past),
        Row("December 3rd, 2026 at 12am", "2026-12-03 00:00", lean: .past),
    ]

    /// Month first (the US): 12/03 is 3 December; weeks start on Sunday.
    static let monthFirst: [Row] = [
        Row("12/03/2026", "2026-12-03"), Row("12/3/2026", "2026-12-03"), Row("12/18/2026", "2026-12-18"),
        Row("11/05/2026", "2026-11-05"), Row("03/04/2026", "2026-03-04"), Row("1/2/2027", "2027-01-02"),
        Row("12/3/26", "2026-12-03"), Row("12.03.2026", "2026-12-03"), Row("12-03-2026", "2026-12-03"),
        Row("13/12/2026", "2026-12-13"), Row("25/12/2026", "2026-12-25"), Row("12/25/2026", "2026-12-25"),
        Row("5/5/2026", "2026-05-05"), Row("12/3", "2027-12-03"), Row("12/15", "2026-12-15"),
        Row("1/3", "2027-01-03"), Row("3/1", "2027-03-01"), Row("2/29", "2028-02-29"),
        Row("12/25", "2026-12-25"), Row("thu 12/10", "2026-12-10"), Row("thursday 12/10/2026", "2026-12-10"),
        Row("a week from 12/11", "2026-12-18"), Row("3 days before 12/15", "2026-12-12"), Row("by 12/31", "2026-12-31"),
        Row("sunday next week", "2026-12-13"), Row("next week sunday", "2026-12-13"), Row("sunday this week", "2026-12-06"),
        Row("12/3", "2026-12-03", lean: .past), Row("11/5", "2026-11-05", lean: .past), Row("12/8", "2026-12-08", lean: .past), Row("2/20", "2026-02-20", lean: .past),
        Row("12/03/2026 2pm", "2026-12-03 14:00", lean: .past), Row("12/3/2026 at 2:30 pm", "2026-12-03 14:30", lean: .past),
        Row("11/05/2026 09:00", "2026-11-05 09:00", lean: .past), Row("12/3 2pm", "2026-12-03 14:00", lean: .past),
    ]

    /// Day first (Britain, Europe, India, Australia): 12/03 is 12 March; weeks start on Monday.
    static let dayFirst: [Row] = [
        Row("12/03/2026", "2026-03-12"), Row("03/12/2026", "2026-12-03"), Row("18/12/2026", "2026-12-18"),
        Row("12/18/2026", "2026-12-18"), Row("3.12.2026", "2026-12-03"), Row("03.12.2026", "2026-12-03"),
        Row("3/12/26", "2026-12-03"), Row("05/11/2026", "2026-11-05"), Row("03/04/2026", "2026-04-03"),
        Row("1/2/2027", "2027-02-01"), Row("03-12-2026", "2026-12-03"), Row("5/5/2026", "2026-05-05"),
        Row("3/12", "2027-12-03"), Row("15/12", "2026-12-15"), Row("3.1.", "2027-01-03"),
        Row("1/3", "2027-03-01"), Row("29/2", "2028-02-29"), Row("25.12.", "2026-12-25"),
        Row("thu 10/12", "2026-12-10"), Row("thursday 10.12.2026", "2026-12-10"),
        Row("a week from 11/12", "2026-12-18"), Row("by 31/12", "2026-12-31"),
        Row("sunday next week", "2026-12-20"), Row("next week sunday", "2026-12-20"), Row("sunday this week", "2026-12-13"),
        Row("3/12", "2026-12-03", lean: .past), Row("5/11", "2026-11-05", lean: .past), Row("8/12", "2026-12-08", lean: .past), Row("20.2.", "2026-02-20", lean: .past),
        Row("03/12/2026 2pm", "2026-12-03 14:00", lean: .past), Row("3.12.2026 14:30", "2026-12-03 14:30", lean: .past),
        Row("3/12 2pm", "2026-12-03 14:00", lean: .past),
    ]

    /// No region: a numeric date only one order can read is read; weeks start on Monday.
    static let settledWithoutOrder: [Row] = [
        Row("13/12/2026", "2026-12-13"), Row("12/13/2026", "2026-12-13"), Row("25.12.2026", "2026-12-25"),
        Row("12/25/2026", "2026-12-25"), Row("5/5/2026", "2026-05-05"), Row("12/12", "2026-12-12"),
        Row("25/12", "2026-12-25"), Row("12/25", "2026-12-25"), Row("31/1", "2027-01-31"),
        Row("1/31/2027", "2027-01-31"), Row("18/12/2026", "2026-12-18"), Row("12/18/2026", "2026-12-18"),
        Row("sunday next week", "2026-12-20"), Row("12/18/2026 2pm", "2026-12-18 14:00"),
        Row("18/12/2026 at 9am", "2026-12-18 09:00"),
    ]

    /// No region: these could be either, and are refused with both readings.
    static let ambiguous: [(text: String, first: String, second: String)] = [
        ("03/04/2026", "Fri 3 Apr 2026", "Wed 4 Mar 2026"), ("12/03/2026", "Thu 12 Mar 2026", "Thu 3 Dec 2026"),
        ("1/2/2027", "Mon 1 Feb 2027", "Sat 2 Jan 2027"), ("11/05/2026", "Mon 11 May 2026", "Thu 5 Nov 2026"),
        ("3.12.2026", "Thu 3 Dec 2026", "Thu 12 Mar 2026"), ("12/3/26", "Thu 12 Mar 2026", "Thu 3 Dec 2026"),
        ("12/3", "Fri 12 Mar 2027", "Fri 3 Dec 2027"), ("3/4", "Sat 3 Apr 2027", "Thu 4 Mar 2027"),
        ("thu 10/12", "Thu 10 Dec 2026", "Tue 12 Oct 2027"), ("a week from 11/12", "Fri 11 Dec 2026", "Fri 12 Nov 2027"),
        ("12/03/2026 2pm", "Thu 12 Mar 2026", "Thu 3 Dec 2026"), ("by 1/12", "Wed 1 Dec 2027", "Tue 12 Jan 2027"),
    ]

    static var monthFirstRows: [Row] { words + monthFirst }
    static var dayFirstRows: [Row] { words + dayFirst }
    static var noRegionRows: [Row] { words + settledWithoutOrder }

    @Test("there are at least 150 phrasings for each order")
    func enough() {
        #expect(Self.monthFirstRows.count >= 150)
        #expect(Self.dayFirstRows.count >= 150)
        #expect(Self.noRegionRows.count + Self.ambiguous.count >= 150)
    }

    @Test("month first (the US) reads each phrasing as people there mean it", arguments: monthFirstRows)
    func monthFirst(_ row: Row) throws {
        #expect(try Self.read(row, Self.us) == row.expected)
    }

    @Test("day first (Britain) reads each phrasing as people there mean it", arguments: dayFirstRows)
    func dayFirst(_ row: Row) throws {
        #expect(try Self.read(row, Self.uk) == row.expected)
    }

    @Test("with no region, what only one order can read is read", arguments: noRegionRows)
    func noRegion(_ row: Row) throws {
        #expect(try Self.read(row, Self.none) == row.expected)
    }

    @Test("with no region, a date either order could read is refused with both readings and the ways out",
          arguments: ambiguous.map { [$0.text, $0.first, $0.second] })
    func refused(_ row: [String]) throws {
        let instant = row[0].hasSuffix("pm")
        #expect {
            if instant { _ = try Self.none.moment(row[0]) } else { _ = try Self.none.day(row[0]) }
        } throws: { error in
            let text = "\(error)"
            return text.contains("could be \(row[1]) or \(row[2])") && text.contains("cadence candidate edit NAME --region")
        }
    }

    @Test("'next friday' says which Friday it took and how to say the other, where they differ")
    func nextFridayNote() throws {
        let uk = DateReading(today: Self.monday, order: .dayFirst, weekStart: .monday)
        #expect(try uk.day("next friday") == LocalDate(iso: "2026-12-11"))
        #expect(uk.notes == ["next friday: took Fri 11 Dec 2026; for Fri 18 Dec 2026 say 'friday next week'"])
        // On a Saturday the first Friday after it is next week's: nothing to say.
        let saturday = DateReading(today: try LocalDate(iso: "2026-12-12"), order: .dayFirst)
        #expect(try saturday.day("next friday") == LocalDate(iso: "2026-12-18"))
        #expect(saturday.notes.isEmpty)
        // Weeks from Sunday: "next sunday" is next week's Sunday, and needs no note; from Monday, it does.
        let us = DateReading(today: Self.monday, order: .monthFirst, weekStart: .sunday)
        #expect(try us.day("next sunday") == LocalDate(iso: "2026-12-13"))
        #expect(us.notes.isEmpty)
        let fromMonday = DateReading(today: Self.monday, order: nil)
        _ = try fromMonday.day("next sunday")
        #expect(fromMonday.notes == ["next sunday: took Sun 13 Dec 2026; for Sun 20 Dec 2026 say 'sunday next week'"])
        // Words that say which week need no note.
        let plain = DateReading(today: Self.monday, order: nil)
        _ = try plain.day("friday next week")
        _ = try plain.day("this friday")
        #expect(plain.notes.isEmpty)
    }

    @Test("a promise in a sentence is read in the reader's order; numbers that are no date are passed over")
    func sentences() throws {
        #expect(try DatePhrase.find(in: "we will decide by 12/18", from: Self.monday, order: .monthFirst)?.date == LocalDate(iso: "2026-12-18"))
        #expect(try DatePhrase.find(in: "we will decide by 18/12", from: Self.monday, order: .dayFirst)?.date == LocalDate(iso: "2026-12-18"))
        #expect(try DatePhrase.find(in: "it is 50/50, we will call you friday", from: Self.monday, order: nil)?.date
                == LocalDate(iso: "2026-12-11"))
        #expect { _ = try DatePhrase.find(in: "we will decide by 3/4", from: Self.monday, order: nil) } throws: {
            "\($0)".contains("could be")
        }
    }

    @Test("a weekday that is not the date's is refused, naming the date's own")
    func weekdayMismatch() {
        #expect { try Self.uk.day("fri 3 dec 2026") } throws: { "\($0)".contains("Thu 3 Dec 2026 is a Thursday, not a Friday") }
        #expect { try Self.us.day("wed 12/3/2026") } throws: { "\($0)".contains("is a Thursday, not a Wednesday") }
    }

    @Test("hostile and impossible dates give a clear error, each naming what is wrong", arguments: [
        ("\u{1B}[31m2026-12-03", "control character"),
        ("2026-12-03\r\n", "control character"),
        ("2026-12-03\u{202E}", "control character"),
        (String(repeating: "9", count: 500), "a date of 500 characters is not one Cadence reads"),
        (String(repeating: "friday ", count: 80), "is not one Cadence reads"),
        // Digits of another script are no crash: refused like any word Cadence cannot read.
        ("friday 14:\u{663}\u{660}", "not a date"), ("\u{660}\u{663}/\u{660}\u{664}/\u{662}\u{660}\u{662}\u{666}", "not a date"),
        ("in -5 days", "a count below zero is no date"), ("-1 week", "a count below zero is no date"),
        ("1899-12-31", "beyond the dates Cadence keeps"),
        ("2201-01-01", "beyond the dates Cadence keeps"),
        ("31/12/1899", "beyond the dates Cadence keeps"),
        ("13/13/2026", "there is no month 13"),
        ("2026-13-01", "there is no month 13"),
        ("0/5/2026", "there is no"),
        ("2026-12-00", "there is no day 0"),
        ("2026-02-30", "there is no day 30 in February 2026"),
        ("31/4/2026", "there is no day 31 in April 2026"),
        ("99999999999999999999/1/2026", "is not a date"),
        ("in 99999999999999999999 days", "beyond the dates Cadence keeps"),
        ("in 100000 years", "beyond the dates Cadence keeps"),
        ("12/3/202", "the year is written with 4 digits"),
        ("13/13", "there is no month 13"),
        ("friday 25:00", "not a time of day"),
        ("friday 13pm", "13pm is not a time"),
        ("", "a date is needed"),
        ("next monthh", "did you mean 'month'"),
    ])
    func hostile(_ text: String, _ reason: String) {
        #expect { _ = try Self.none.day(text) } throws: { "\($0)".contains(reason) }
        // As an instant, nothing is now.
        if !text.isEmpty { #expect { _ = try Self.us.moment(text) } throws: { "\($0)".contains(reason) } }
    }
}
