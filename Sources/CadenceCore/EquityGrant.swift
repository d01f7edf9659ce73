/// Equity in an offer: restricted stock units, or options, and how they vest.
///
/// RSUs are worth their grant value (or shares × the share price); options
/// are worth shares × (the value per share the candidate believes − the
/// strike), never below zero. Vesting: nothing before the cliff, then what
/// accrued, then every `everyMonths`; or, front-loaded, a schedule of
/// percentages per year that adds up to 100.
public struct EquityGrant: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case rsu, options }

    public var kind: Kind
    public var shares: Int64?
    /// RSUs: the value of the whole grant, as stated.
    public var grantValue: Money?
    /// RSUs: the price per share, when the grant is stated in shares.
    public var sharePrice: Money?
    /// Options: the price to buy a share.
    public var strike: Money?
    /// Options: what a share is worth, as the candidate believes (no market says).
    public var valuePerShare: Money?
    public var vestingMonths: Int
    public var cliffMonths: Int
    public var everyMonths: Int
    /// Percent of the grant vesting in each year, when not even: [40, 30, 20, 10].
    public var schedule: [Int]?

    public init(kind: Kind, shares: Int64? = nil, grantValue: Money? = nil, sharePrice: Money? = nil, strike: Money? = nil,
                valuePerShare: Money? = nil, vestingMonths: Int = 48, cliffMonths: Int = 12, everyMonths: Int = 3,
                schedule: [Int]? = nil) {
        self.kind = kind
        self.shares = shares
        self.grantValue = grantValue
        self.sharePrice = sharePrice
        self.strike = strike
        self.valuePerShare = valuePerShare
        self.vestingMonths = vestingMonths
        self.cliffMonths = cliffMonths
        self.everyMonths = everyMonths
        self.schedule = schedule
    }

    public func validate() throws {
        func fail(_ message: String) -> DomainError { DomainError.invalid(field: "equity", message) }
        guard vestingMonths > 0, vestingMonths <= 120 else { throw fail("vesting runs 1 to 120 months, not \(vestingMonths)") }
        guard cliffMonths >= 0, cliffMonths <= vestingMonths else {
            throw fail("a cliff of \(cliffMonths) months is longer than the \(vestingMonths)-month schedule")
        }
        guard everyMonths >= 1, everyMonths <= vestingMonths else { throw fail("vesting every \(everyMonths) months does not fit the schedule") }
        if let schedule {
            guard schedule.count * 12 == vestingMonths else {
                throw fail("a schedule of \(schedule.count) years does not match \(vestingMonths / 12) years of vesting")
            }
            guard schedule.allSatisfy({ $0 >= 0 }), schedule.reduce(0, +) == 100 else {
                throw fail("the vesting schedule \(schedule.map(String.init).joined(separator: "/")) adds up to "
                    + "\(schedule.reduce(0, +))%, not the whole grant (100%)")
            }
        }
        for (name, money) in [("grant value", grantValue), ("share price", sharePrice), ("strike", strike), ("value per share", valuePerShare)] {
            if let money, money.minorUnits <= 0 { throw fail("the \(name) must be above zero") }
        }
        if let shares, shares <= 0 { throw fail("a grant of \(shares) shares is no grant") }
        guard exactValue != nil else { throw fail("the grant's worth is too large to count") }
        switch kind {
        case .rsu:
            guard grantValue != nil || (shares != nil && sharePrice != nil) else {
                throw fail("RSUs need their grant value, or shares and the share price")
            }
        case .options:
            guard shares != nil, strike != nil, valuePerShare != nil else {
                throw fail("options need how many, the strike price, and the value per share you assume")
            }
            guard strike!.currency == valuePerShare!.currency else { throw fail("the strike and the value per share are in one currency") }
        }
    }

    /// What the whole grant is worth, as stated or assumed. `validate` refuses
    /// a grant whose worth passes the largest amount; one stored before that
    /// was refused reads as the largest amount, not a trap.
    public var totalValue: Money {
        exactValue ?? Money(minorUnits: .max, currency: (kind == .rsu ? sharePrice : valuePerShare)?.currency ?? "")
    }

    /// The grant's worth, or nil when it does not fit.
    var exactValue: Money? {
        switch kind {
        case .rsu:
            if let grantValue { return grantValue }
            return Money(minorUnits: sharePrice?.minorUnits ?? 0, currency: sharePrice?.currency ?? "").multiplied(by: shares ?? 0)
        case .options:
            let (gain, overflow) = (valuePerShare?.minorUnits ?? 0).subtractingReportingOverflow(strike?.minorUnits ?? 0)
            guard !overflow else { return nil }
            return Money(minorUnits: max(0, gain), currency: valuePerShare?.currency ?? "").multiplied(by: shares ?? 0)
        }
    }
    /// The share of the grant vested by the end of month `month` (from the
    /// start), in basis points of the whole.
    public func vestedBasisPoints(byMonth month: Int) -> Int64 {
        guard month >= cliffMonths, month > 0 else { return 0 }
        let reached = min(month, vestingMonths)
        if let schedule {
            // Year by year as the schedule says, within a year by vesting period.
            var points: Int64 = 0
            for (year, percent) in schedule.enumerated() {
                let start = year * 12
                guard reached > start else { break }
                let months = min(12, reached - start)
                let steps = months / everyMonths * everyMonths
                points += Int64(percent) * 100 * Int64(months == 12 ? 12 : steps) / 12
            }
            return points
        }
        let vested = reached == vestingMonths ? reached : reached / everyMonths * everyMonths
        return Int64(vested) * 10_000 / Int64(vestingMonths)
    }

    /// What vests in year `year` (1 is the first) of the grant.
    public func value(inYear year: Int) -> Money {
        let total = totalValue
        let points = vestedBasisPoints(byMonth: year * 12) - vestedBasisPoints(byMonth: (year - 1) * 12)
        return total.scaled(by: points, over: 10_000) ?? total
    }
}
