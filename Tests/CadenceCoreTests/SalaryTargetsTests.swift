import CadenceCore
import Testing

/// Negotiation rule 1: the bottom line, the going rate and the top, exact,
/// in one currency, for a period.
@Suite("The three numbers")
struct SalaryTargetsTests {
    @Test("written as people write them", arguments: [
        ("28000,30000,35000 GBP", "bottom 28,000 GBP, going 30,000 GBP, top 35,000 GBP a year"),
        ("£28,000, £30,000, £35,000", "bottom 28,000 GBP, going 30,000 GBP, top 35,000 GBP a year"),
        ("28,000, 30,000, 35,000 GBP", "bottom 28,000 GBP, going 30,000 GBP, top 35,000 GBP a year"),
        ("£28k,£30k,£35k", "bottom 28,000 GBP, going 30,000 GBP, top 35,000 GBP a year"),
        ("2300,2500,2900 EUR a month", "bottom 2,300 EUR, going 2,500 EUR, top 2,900 EUR a month"),
        ("40, 45, 55 usd an hour", "bottom 40 USD, going 45 USD, top 55 USD an hour"),
        ("70.000 €, 75.000 €, 85.000 €", "bottom 70,000 EUR, going 75,000 EUR, top 85,000 EUR a year"),
    ])
    func reads(_ text: String, _ reading: String) throws {
        #expect(try SalaryTargets(parsing: text).description == reading)
    }

    @Test("out of order, below zero, in two currencies or without one: refused with the reason", arguments: [
        ("35000,30000,28000 GBP", "expected bottom <= going <= top"),
        ("0,30000,35000 GBP", "the bottom line must be above zero"),
        ("-5,30000,35000 GBP", "is negative"),
        ("£28000, $30000, £35000", "must be in one currency"),
        ("28000,30000,35000", "needs a currency"),
        ("28000,30000 GBP", "needs three amounts"),
    ])
    func refuses(_ text: String, _ reason: String) {
        #expect { try SalaryTargets(parsing: text) } throws: { "\($0)".hasPrefix("targets: ") && "\($0)".contains(reason) }
    }
}
