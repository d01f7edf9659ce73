import CadenceCore
import Testing

/// Money's text and shares at the edges: negatives, the ends of Int64's
/// minor units, half-up rounding, "an hour", and amounts too large to count
/// refused rather than trapping.
@Suite("Money's text and shares")
struct MoneyTextTests {
    /// Minor units, their text with a currency, and their whole-unit text. Lua's
    /// cadence.money_text and whole_text are checked against the same table.
    static let texts: [(Int64, String, String)] = [
        (0, "0 GBP", "0"),
        (1, "0.01 GBP", "0"),
        // Whole units round half up, away from zero: x.50 goes up, x.49 down, never "-0".
        (49, "0.49 GBP", "0"),
        (50, "0.50 GBP", "1"),
        (149, "1.49 GBP", "1"),
        (150, "1.50 GBP", "2"),
        (-150, "-1.50 GBP", "-2"),
        (-5, "-0.05 GBP", "0"),
        (-49, "-0.49 GBP", "0"),
        (-50, "-0.50 GBP", "-1"),
        (-100, "-1 GBP", "-1"),
        (100_000, "1,000 GBP", "1,000"),
        (99_950, "999.50 GBP", "1,000"),
        (5_500_050, "55,000.50 GBP", "55,001"),
        (5_500_049, "55,000.49 GBP", "55,000"),
        (-123_456_789, "-1,234,567.89 GBP", "-1,234,568"),
        (5_000_000_000_000_000, "50,000,000,000,000 GBP", "50,000,000,000,000"),
        (.max, "92,233,720,368,547,758.07 GBP", "92,233,720,368,547,758"),
        (.min, "-92,233,720,368,547,758.08 GBP", "-92,233,720,368,547,758"),
    ]

    @Test("text: thousands grouped, minor units when not whole, the sign before the digits, Int64's ends without a trap",
          arguments: texts)
    func text(_ minor: Int64, _ text: String, _ whole: String) {
        let money = Money(minorUnits: minor, currency: "GBP")
        #expect(money.description == text)
        #expect(money.wholeText == whole)
    }

    @Test("pay per period says 'an hour' and 'a year'")
    func perPeriod() {
        let pay = Money(minorUnits: 5_000_000_000_000_000, currency: "GBP")
        #expect(pay.description(per: .hour) == "50,000,000,000,000 GBP an hour")
        #expect(PayPeriod.allCases.map(\.perWords) == ["a year", "a month", "a week", "a day", "an hour"])
        let offer = Offer(applicationID: 1, base: .major(25, "GBP"), period: .hour)
        #expect(offer.baseText == "25 GBP an hour")
    }

    @Test("a percentage of money rounds half up (away from zero) to the minor unit")
    func halfUp() throws {
        let twoAndAHalf = try Percent(parsing: "2.5%", field: "x")
        #expect(twoAndAHalf.of(Money(minorUnits: 101, currency: "GBP"))?.minorUnits == 3)     // 2.525p
        let half = try Percent(parsing: "50%", field: "x")
        #expect(half.of(Money(minorUnits: 1, currency: "GBP"))?.minorUnits == 1)              // 0.5p
        #expect(half.of(Money(minorUnits: 3, currency: "GBP"))?.minorUnits == 2)              // 1.5p
        #expect(half.of(Money(minorUnits: -3, currency: "GBP"))?.minorUnits == -2)            // away from zero
        #expect(Money.scale(2, by: 1, over: 3) == 1 && Money.scale(1, by: 1, over: 3) == 0)
        #expect(Money.scale(5, by: 1, over: 0) == nil)
    }

    @Test("a percentage of a huge amount is exact, or refused when it does not fit: never a trap")
    func huge() throws {
        let huge = Money(minorUnits: 5_000_000_000_000_000, currency: "GBP")
        let ten = try Percent(parsing: "10%", field: "x")
        #expect(ten.of(huge)?.description == "5,000,000,000,000 GBP")
        let all = try Percent(parsing: "100%", field: "x")
        #expect(all.of(Money(minorUnits: .max, currency: "GBP"))?.minorUnits == .max)
        #expect(all.of(Money(minorUnits: .min, currency: "GBP"))?.minorUnits == .min)
        #expect(Percent(basisPoints: 11_000).of(Money(minorUnits: .max, currency: "GBP")) == nil)
        #expect(Money.scale(.min, by: -1, over: 1) == nil)
        #expect(huge.multiplied(by: 1950) == nil && huge.multiplied(by: 2)?.minorUnits == 10_000_000_000_000_000)
        #expect(Percent(basisPoints: -750).description == "-7.5%" && Percent(basisPoints: 705).description == "7.05%")
    }

    @Test("reading amounts past Int64 is refused, not trapped; a base whose year does not fit is refused")
    func refused() throws {
        #expect(try Money(parsing: "92233720368547758.07 GBP").minorUnits == .max)
        #expect(throws: DomainError.self) { try Money(parsing: "92233720368547758.99 GBP") }
        #expect(throws: DomainError.self) { try Money(parsing: "92233720368547759 GBP") }
        #expect(throws: DomainError.self) { try Money(parsing: "1.½ GBP") }
        #expect(throws: DomainError.self) { try SalaryRange(parsing: "92233720368547758-9000000000000k GBP") }

        var hourly = Offer(applicationID: 1, base: Money(minorUnits: 5_000_000_000_000_000, currency: "GBP"), period: .hour)
        #expect { try hourly.validate() } throws: {
            "\($0)" == "base: 50,000,000,000,000 GBP an hour is too large: a year of it passes the largest amount Cadence counts"
        }
        #expect(hourly.annualBase.minorUnits == .max)    // an older row: the largest amount, not a trap
        hourly.period = .year
        try hourly.setBonus("10%")
        try hourly.validate()
        #expect(hourly.bonusAmount?.description == "5,000,000,000,000 GBP")
    }

    @Test("a grant whose worth does not fit is refused, and reading it does not trap")
    func hugeGrant() {
        let grant = EquityGrant(kind: .rsu, shares: 1_000_000_000, sharePrice: Money(minorUnits: 1_000_000_000_000, currency: "GBP"))
        #expect { try grant.validate() } throws: { "\($0)".contains("the grant's worth is too large to count") }
        #expect(grant.totalValue.minorUnits == .max)
        #expect(grant.value(inYear: 1).minorUnits == Int64.max / 4 + 1)    // a quarter of the largest amount, half up
    }
}
