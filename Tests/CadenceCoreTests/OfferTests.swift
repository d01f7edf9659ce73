import CadenceCore
import Foundation
import Testing

/// Offers as figures, worked by hand: equity vesting with a cliff, options,
/// a bonus as a share of base, and what is refused.
@Suite("Offers as figures")
struct OfferTests {
    let gbp40k = Money.major(40_000, "GBP")

    @Test("RSUs of 40,000 over 4 years with a 12-month cliff vest 10,000 a year; nothing before the cliff")
    func evenVesting() {
        let g = EquityGrant(kind: .rsu, grantValue: gbp40k)
        #expect((1...4).map { g.value(inYear: $0) } == Array(repeating: Money.major(10_000, "GBP"), count: 4))
        #expect(g.vestedBasisPoints(byMonth: 11) == 0 && g.vestedBasisPoints(byMonth: 12) == 2_500)
        // Quarterly after the cliff: 15 months is 25% + one quarter's 6.25%.
        #expect(g.vestedBasisPoints(byMonth: 16) == 3_125)
        #expect(g.value(inYear: 5) == Money.major(0, "GBP"))
    }

    @Test("a front-loaded schedule 40/30/20/10 vests 16,000, 12,000, 8,000, 4,000")
    func frontLoaded() {
        let g = EquityGrant(kind: .rsu, grantValue: gbp40k, schedule: [40, 30, 20, 10])
        #expect((1...4).map { g.value(inYear: $0).minorUnits / 100 } == [16_000, 12_000, 8_000, 4_000])
    }

    @Test("options are worth shares × (the value assumed − the strike), never below zero; RSUs by shares × price")
    func optionsAndShares() {
        let options = EquityGrant(kind: .options, shares: 1_000, strike: .major(2, "USD"), valuePerShare: .major(10, "USD"))
        #expect(options.totalValue == .major(8_000, "USD"))
        let underwater = EquityGrant(kind: .options, shares: 1_000, strike: .major(12, "USD"), valuePerShare: .major(10, "USD"))
        #expect(underwater.totalValue == .major(0, "USD"))
        let rsu = EquityGrant(kind: .rsu, shares: 400, sharePrice: .major(100, "GBP"))
        #expect(rsu.totalValue == gbp40k)
    }

    @Test("a bonus of 10% of a monthly base is 10% of its year; percentages are exact")
    func bonusPercent() throws {
        var o = Offer(applicationID: 1, base: .major(4_000, "GBP"), period: .month)
        o.bonusPercent = try Percent(parsing: "10%", field: "bonus")
        #expect(o.bonusAmount == .major(4_800, "GBP"))
        let half = try Percent(parsing: "7.5%", field: "x")
        #expect(half.description == "7.5%" && half.basisPoints == 750)
        #expect(throws: DomainError.self) { try Percent(parsing: "150%", field: "x") }
    }

    @Test("a cliff longer than the schedule, a schedule that does not add up, options without a value: refused, naming the field",
          arguments: [
              (EquityGrant(kind: .rsu, grantValue: .major(1, "GBP"), cliffMonths: 60), "a cliff of 60 months is longer than the 48-month schedule"),
              (EquityGrant(kind: .rsu, grantValue: .major(1, "GBP"), vestingMonths: 36, schedule: [40, 30, 20]), "adds up to 90%"),
              (EquityGrant(kind: .rsu, grantValue: .major(1, "GBP"), schedule: [50, 50]), "a schedule of 2 years does not match 4 years"),
              (EquityGrant(kind: .options, shares: 100, strike: .major(2, "USD")), "options need how many, the strike price"),
              (EquityGrant(kind: .rsu, shares: 100), "RSUs need their grant value"),
          ])
    func refused(_ grant: EquityGrant, _ reason: String) {
        #expect { try grant.validate() } throws: { "\($0)".hasPrefix("equity: ") && "\($0)".contains(reason) }
    }

    @Test("days a week are whole or half (0.5, 2.5): the rest, the impossible and more than a week are refused, naming the field",
          arguments: [(0.5, nil), (2.5, nil), (0, nil), (7, nil), (2.3, "2.3 is not a number of days in a week"),
                      (7.5, "7.5 is not a number of days in a week"), (-0.5, "-0.5 is not"), (.nan, "nan is not"),
                      (.infinity, "inf is not")] as [(Double, String?)])
    func halfDays(_ days: Double, _ refusal: String?) throws {
        var v = BenefitValues()
        v.officeDaysPerWeek = days
        if let refusal {
            #expect { try v.validate() } throws: { "\($0)".hasPrefix("office days: ") && "\($0)".contains(refusal) }
        } else {
            try v.validate()
        }
        v.officeDaysPerWeek = 4.5
        v.remoteDaysPerWeek = 3
        #expect { try v.validate() } throws: { "\($0)".contains("4.5 office days are more than the 7 days of a week") }
    }

    @Test("benefits stored with whole days a week read the same; half days are written and read back")
    func storedDays() throws {
        let old = #"{"officeDaysPerWeek": 3, "remoteDaysPerWeek": 2, "holidayDays": 25, "other": {}}"#
        let read = try JSONDecoder().decode(BenefitValues.self, from: Data(old.utf8))
        #expect(read.officeDaysPerWeek == 3 && read.remoteDaysPerWeek == 2 && read.holidayDays == 25)
        var half = read
        half.officeDaysPerWeek = 0.5
        let again = try JSONDecoder().decode(BenefitValues.self, from: try JSONEncoder().encode(half))
        #expect(again.officeDaysPerWeek == 0.5 && BenefitValues.daysText(0.5) == "0.5" && BenefitValues.daysText(3) == "3")
    }
}
