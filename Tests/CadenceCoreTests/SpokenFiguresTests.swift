@testable import CadenceCore
import Testing

/// Figures as people say them, read exactly: each row is what was said, the
/// conversation's currency and scale, and the figures heard ("" for none),
/// as SpokenFigure.description writes them, joined by " | ".
@Suite("Spoken figures")
struct SpokenFiguresTests {
    struct Row: CustomStringConvertible, Sendable {
        var said: String
        var currency: String
        var around: Int64?
        var heard: String
        /// In pounds, around a going rate of 30,000 GBP.
        init(_ said: String, _ heard: String) { self.init(said, "GBP", around: 3_000_000, heard) }
        init(_ said: String, _ currency: String, _ heard: String) { self.init(said, currency, around: 3_000_000, heard) }
        init(_ said: String, _ currency: String, around: Int64?, _ heard: String) {
            self.said = said
            self.currency = currency
            self.around = around
            self.heard = heard
        }
        var description: String { "\"\(TerminalText.line(String(said.prefix(60))))\"" }
    }

    static let usd: Int64 = 17_500_000     // a going rate of 175,000 USD

    static let rows: [Row] = [
        // Words.
        Row("About thirty thousand.", "30,000 GBP"),
        Row("thirty thousand", "30,000 GBP"),
        Row("Thirty-two and a half thousand", "32,500 GBP"),
        Row("thirty two thousand five hundred", "32,500 GBP"),
        Row("thirty-five", "35,000 GBP"),
        Row("I was thinking thirty five", "35,000 GBP"),
        Row("a hundred and eighty-five thousand", "USD", around: usd, "185,000 USD"),
        Row("one hundred eighty thousand dollars", "USD", around: usd, "180,000 USD"),
        Row("one eighty-five", "USD", around: usd, "185,000 USD"),
        Row("one ninety", "USD", around: usd, "190,000 USD"),
        Row("two twelve would do it", "USD", around: usd, "212,000 USD"),
        Row("one point two million", "USD", around: nil, "1,200,000 USD"),
        Row("thirty grand", "30,000 GBP"),
        Row("thirty k", "30,000 GBP"),
        Row("thirty-one and a quarter thousand", "31,250 GBP"),
        // Digits.
        Row("about 30k", "30,000 GBP"),
        Row("30K", "30,000 GBP"),
        Row("32.5k", "32,500 GBP"),
        Row("£31,000", "31,000 GBP"),
        Row("31000", "31,000 GBP"),
        Row("$185k", "USD", around: usd, "185,000 USD"),
        Row("185,000 USD", "USD", around: usd, "185,000 USD"),
        Row("USD 185,000", "USD", around: usd, "185,000 USD"),
        Row("185k", "USD", around: usd, "185,000 USD"),
        Row("1.2m", "USD", around: nil, "1,200,000 USD"),
        Row("€45.000", "EUR", around: 4_500_000, "45,000 EUR"),
        Row("35000 pounds", "GBP", "35,000 GBP"),
        Row("forty thousand quid", "40,000 GBP"),
        // Ranges.
        Row("33-36k", "33,000–36,000 GBP"),
        Row("33 - 36k", "33,000–36,000 GBP"),
        Row("33–36k", "33,000–36,000 GBP"),
        Row("33 to 36 thousand", "33,000–36,000 GBP"),
        Row("between 33 and 36k", "33,000–36,000 GBP"),
        Row("thirty-three to thirty-six thousand", "33,000–36,000 GBP"),
        Row("£33,000 to £36,000", "33,000–36,000 GBP"),
        Row("$180k-$195k", "USD", around: usd, "180,000–195,000 USD"),
        Row("180 to 195k", "USD", around: usd, "180,000–195,000 USD"),
        Row("180,000 to 195k", "USD", around: usd, "180,000–195,000 USD"),
        Row("1.2 to 1.5 million", "USD", around: nil, "1,200,000–1,500,000 USD"),
        Row("30 or 35k", "30,000–35,000 GBP"),
        Row("36-33k, I mean", "33,000–36,000 GBP"),
        // Decades.
        Row("the mid-thirties", "34,000–36,000 GBP"),
        Row("Somewhere in the mid-fifties.", "54,000–56,000 GBP"),
        Row("the low thirties", "30,000–33,000 GBP"),
        Row("high thirties", "37,000–39,000 GBP"),
        Row("in the thirties", "30,000–39,000 GBP"),
        Row("low 180s", "USD", around: usd, "180,000–183,000 USD"),
        Row("the high 180s", "USD", around: usd, "187,000–189,000 USD"),
        Row("mid-30s", "34,000–36,000 GBP"),
        // India.
        Row("12 lakh", "INR", around: 120_000_000, "1,200,000 INR"),
        Row("1.2 lakh", "INR", around: nil, "120,000 INR"),
        Row("twelve lakh rupees", "INR", around: nil, "1,200,000 INR"),
        Row("12,00,000", "INR", around: 120_000_000, "1,200,000 INR"),
        // Several in one answer.
        Row("I'm on 28k now and want 33-36k", "28,000 GBP | 33,000–36,000 GBP"),
        Row("Thirty, maybe thirty-two", "30,000 GBP | 32,000 GBP"),
        // Numbers that are not pay.
        Row("Could I come back to you on Thursday at 10?", ""),
        Row("Thursday 10am works", ""),
        Row("at 10:30 on the 14th", ""),
        Row("I'd like two days to think", ""),
        Row("I have 3 years of experience", ""),
        Row("10% more would be fair", ""),
        Row("in 2026", ""),
        Row("$45 an hour", "USD", around: usd, ""),
        Row("one eighty-five", "GBP", "85,000 GBP"),
        Row("I'd rather hear your proposal first.", ""),
        Row("", ""),
        // Hostile.
        Row("minus thirty thousand", ""),
        Row("-30k", ""),
        Row("thirty thousand million", "30,000,000,000 GBP"),
        Row("99999999999999999999k", ""),
        Row("9223372036854775807 GBP", ""),
        Row("92233720368547758.07k", ""),
        Row("\u{1b}[31m30k\u{1b}[0m", "30,000 GBP"),
        Row("30k\r\n35k", "30,000 GBP | 35,000 GBP"),
        Row("\u{202e}30k", "30,000 GBP"),
        Row(String(repeating: "x", count: 500) + " thirty-two and a half thousand", "32,500 GBP"),
        Row(String(repeating: "a", count: 497) + "30k", "30,000 GBP"),
        Row("1,2,3k", ""),
        Row("30k/year", "30,000 GBP"),
    ]

    @Test("what people say is heard as exact figures and ranges", arguments: rows)
    func heard(_ row: Row) {
        let heard = SpokenFigures.read(row.said, currency: row.currency, around: row.around)
        #expect(heard.map(\.description).joined(separator: " | ") == row.heard, "\(row)")
    }

    @Test("a range is said as one; one figure is not a range; the words that said it are kept")
    func kinds() {
        let range = SpokenFigures.read("Something like 33-36k, honestly", currency: "GBP")
        #expect(range.count == 1 && range[0].isRange && range[0].said == "33-36k")
        let one = SpokenFigures.read("About thirty thousand.", currency: "GBP")
        #expect(one.count == 1 && !one[0].isRange && one[0].said == "thirty thousand")
        let decade = SpokenFigures.read("the mid-thirties", currency: "GBP")
        #expect(decade.first?.isRange == true && decade.first?.said == "mid-thirties")
    }

    @Test("past the readable length the rest is not looked at, and nothing traps")
    func long() {
        let long = String(repeating: "9", count: 50_000) + " 30k"
        #expect(SpokenFigures.read(long, currency: "GBP").isEmpty)
        let thirties = SpokenFigures.read(String(repeating: "thirty ", count: 72), currency: "GBP")
        #expect(thirties.count == 72 && thirties.allSatisfy { $0.description == "30,000 GBP" })
    }

    @Test("a table of at least sixty rows")
    func size() { #expect(Self.rows.count >= 60) }
}
