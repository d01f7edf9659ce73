import Foundation
import Testing
@testable import CadenceCore

@Suite("Calendar dates")
struct LocalDateTests {
    @Test("day arithmetic crosses months, years and leap days")
    func arithmetic() throws {
        let d = try LocalDate(iso: "2026-03-02")
        #expect(d.adding(days: 14).description == "2026-03-16")
        #expect(try LocalDate(iso: "2024-02-28").adding(days: 1).description == "2024-02-29")
        #expect(try LocalDate(iso: "2026-12-31").adding(days: 1).description == "2027-01-01")
        #expect(d.days(until: try LocalDate(iso: "2026-04-13")) == 42)
        #expect(d.weekday == .monday)
        #expect(try LocalDate(iso: "1970-01-01").dayNumber == 0)
    }

    @Test("impossible dates are refused, naming the field",
          arguments: ["2026-02-30", "2026-13-01", "2025-02-29", "20260302", "2026-3-2", "2026-+3-02", "+026-03-02", "2026-03- 2"])
    func impossible(text: String) {
        #expect(throws: DomainError.self) { try LocalDate(iso: text) }
    }

    @Test("dates in the usual spellings", arguments: [
        ("2026-03-02", "2026-03-02"), ("2026/03/02", "2026-03-02"), ("02/03/2026", "2026-03-02"),
        ("2.3.2026", "2026-03-02"), ("2 Mar 2026", "2026-03-02"), ("March 2, 2026", "2026-03-02"),
        ("2026-03-02T09:30:00Z", "2026-03-02"), ("25/12/2026", "2026-12-25"), ("02/03/26", "2026-03-02"),
    ])
    func spellings(text: String, expected: String) throws {
        #expect(try DateParsing.date(text).description == expected)
    }

    @Test("month-first order for US spreadsheets, unless the month is impossible")
    func monthFirst() throws {
        #expect(try DateParsing.date("03/02/2026", order: .monthFirst).description == "2026-03-02")
        #expect(try DateParsing.date("25/12/2026", order: .monthFirst).description == "2026-12-25")
    }

    @Test("an instant falls on the candidate's own day")
    func timeZones() throws {
        let lateInLondon = Date(timeIntervalSince1970: 1_772_492_400)  // 2026-03-02 23:00 UTC
        #expect(LocalDate(lateInLondon, in: "Europe/London").description == "2026-03-02")
        #expect(LocalDate(lateInLondon, in: "Asia/Tokyo").description == "2026-03-03")
        #expect(LocalDate.today(in: "Asia/Tokyo", now: lateInLondon).description == "2026-03-03")
        #expect(LocalDate.today(in: "America/New_York", now: lateInLondon).description == "2026-03-02")
    }

    @Test("the range's edges: 1900-01-01 and 2200-12-31 are kept, the days beyond them refused")
    func range() throws {
        #expect(LocalDate.earliest.description == "1900-01-01" && LocalDate.latest.description == "2200-12-31")
        #expect(try LocalDate(iso: "1900-01-01") == LocalDate.earliest)
        #expect(try LocalDate(iso: "2200-12-31") == LocalDate.latest)
        for beyond in ["1899-12-31", "2201-01-01"] {
            #expect { try LocalDate(iso: beyond) } throws: { "\($0)".contains("beyond the dates Cadence keeps (years 1900–2200)") }
        }
        #expect(throws: DomainError.self) { try LocalDate.latest.adding(days: 1).checkRange(field: "due") }
    }

    @Test("a date in a sentence: weekday, day, month")
    func short() throws {
        #expect(try LocalDate(iso: "2026-03-02").shortText == "Mon 2 Mar")
        #expect(try LocalDate(iso: "2026-12-27").shortText == "Sun 27 Dec")
    }
}

@Suite("Money is exact")
struct MoneyTests {
    @Test("amounts in the usual spellings", arguments: [
        ("55000 GBP", 5_500_000, "GBP"), ("55,000.50 GBP", 5_500_050, "GBP"), ("£55k", 5_500_000, "GBP"),
        ("$120,000", 12_000_000, "USD"), ("EUR 42.5k", 4_250_000, "EUR"), ("0.1 USD", 10, "USD"),
        // As much of Europe and India write them.
        ("70.000 €", 7_000_000, "EUR"), ("70000€", 7_000_000, "EUR"), ("1.234,56 EUR", 123_456, "EUR"),
        ("45 000 EUR", 4_500_000, "EUR"), ("45\u{A0}000 €", 4_500_000, "EUR"), ("12,00,000 INR", 120_000_000, "INR"),
        ("45000,50 EUR", 4_500_050, "EUR"), ("1.250.000 EUR", 125_000_000, "EUR"),
    ])
    func parsing(text: String, minor: Int64, currency: String) throws {
        let money = try Money(parsing: text)
        #expect(money.minorUnits == minor && money.currency == currency)
    }

    @Test("negative pay, unknown currency and nonsense are refused", arguments: ["-5000 GBP", "5000", "lots GBP", "1.234 GBP", "1.2.3 GBP", "€",
                                                                                           "1,2,3,4 USD", "1.2.3 EUR", "1.234.5 EUR"])
    func refused(text: String) {
        #expect(throws: DomainError.self) { try Money(parsing: text) }
    }

    @Test("printed with grouping, annualised by period")
    func printing() throws {
        #expect(Money.major(55000, "GBP").description == "55,000 GBP")
        let offer = Offer(applicationID: 1, base: Money.major(4000, "GBP"), period: .month)
        #expect(offer.annualBase.description == "48,000 GBP")
    }

    @Test("salary targets must be ordered and in one currency")
    func targets() throws {
        let ok = SalaryTargets(bottom: .major(28000, "GBP"), going: .major(30000, "GBP"), top: .major(35000, "GBP"))
        try ok.validate()
        let bad = SalaryTargets(bottom: .major(38000, "GBP"), going: .major(30000, "GBP"), top: .major(35000, "GBP"))
        #expect(throws: DomainError.self) { try bad.validate() }
    }
}
