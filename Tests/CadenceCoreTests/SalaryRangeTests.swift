import CadenceCore
import Testing

/// Posted salaries as postings write them, read into amounts with a currency.
@Suite("Posted salaries")
struct SalaryRangeTests {
    @Test("amounts and ranges with their currency and period", arguments: [
        ("£30,000", "30,000 GBP a year"),
        ("90k–110k USD", "90,000–110,000 USD a year"),
        ("52000 GBP a year", "52,000 GBP a year"),
        ("30-35k GBP", "30,000–35,000 GBP a year"),
        // A floor as trackers write it, and euros as Europe does.
        ("$150K+", "150,000 USD a year"), ("60.000–70.000 €", "60,000–70,000 EUR a year"),
        ("$45 an hour", "45 USD an hour"),
        ("€3,000 per month", "3,000 EUR a month"),
        ("GBP 40,000 to 45,000", "40,000–45,000 GBP a year"),
    ])
    func reads(_ text: String, _ reading: String) throws {
        #expect(try SalaryRange(parsing: text).description == reading)
    }

    @Test("without a currency, below zero, unreadable or backwards, it is refused with the reason", arguments: [
        ("50000", "has no currency"), ("-5", "is negative"), ("-5 GBP", "is negative"), ("lots", "has no currency"),
        ("£50k–£40k", "runs from high to low"), ("170-150k USD", "runs from high to low"), ("£ lots", "is not a salary"), ("0 GBP", "zero"),
    ])
    func refuses(_ text: String, _ reason: String) {
        #expect { try SalaryRange(parsing: text) } throws: { "\($0)".hasPrefix("salary: ") && "\($0)".contains(reason) }
    }
}
