import Foundation

/// An offer and its package, as the employer stated it. A revised offer is
/// a new version that `revises` the one before, so every round is kept.
public struct Offer: Hashable, Sendable, Codable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case received, negotiating, accepted, declined, expired, rescinded

        public init(parsing text: String) throws {
            guard let status = Status(rawValue: text.trimmingWhitespace().lowercased()) else {
                throw DomainError.invalid(field: "status", "unknown offer status '\(text)' (known: "
                    + Status.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
            self = status
        }
    }

    public var id: Int64?
    public var applicationID: Int64
    public var base: Money
    public var period: PayPeriod
    /// The bonus as an amount, or as a share of base (`bonusPercent`).
    public var bonus: Money?
    public var bonusPercent: Percent?
    /// Guaranteed, or a target that may not be paid.
    public var bonusGuaranteed: Bool
    /// Equity as the offer words it ("500 RSUs over 4 years").
    public var equity: String?
    /// Equity as figures, to value it.
    public var grant: EquityGrant?
    /// A further grant expected each year, by its value.
    public var refresher: Money?
    public var signOn: Money?
    /// Months after starting within which leaving means paying the sign-on back.
    public var signOnClawbackMonths: Int?
    /// Holiday, pension, health care, car, gym, remote work, study funding,
    /// moving allowance…, each with its terms as stated.
    public var benefits: [String: String]
    /// The same benefits as figures, to value them.
    public var benefitValues: BenefitValues
    public var startDate: LocalDate?
    public var respondBy: LocalDate?
    public var status: Status
    /// The offer this one revises (the round before), if any.
    public var revises: Int64?
    /// What the candidate asked for in answer to this version (base a year):
    /// the round's ask. A later round never counters below it.
    public var asked: Money?
    /// The day this version arrived, and the day `asked` was made (nil when
    /// it was recorded only with the reply), in the candidate's zone: the
    /// rounds read them, never the timeline's notes.
    public var receivedOn: LocalDate?
    public var askedOn: LocalDate?
    /// They said this version is their final offer: the answer is yes or no
    /// (or the package, not base), never another counter on base.
    public var isFinal: Bool
    /// Set when archived: hidden from lists and the agenda, kept, and brought back by unarchiving.
    public var archivedAt: Date?

    public init(id: Int64? = nil, applicationID: Int64, base: Money, period: PayPeriod = .year, bonus: Money? = nil,
                equity: String? = nil, signOn: Money? = nil, benefits: [String: String] = [:],
                startDate: LocalDate? = nil, respondBy: LocalDate? = nil, status: Status = .received) {
        self.id = id
        self.applicationID = applicationID
        self.base = base
        self.period = period
        self.bonus = bonus
        self.bonusGuaranteed = false
        self.equity = equity
        self.signOn = signOn
        self.benefits = benefits
        self.benefitValues = BenefitValues()
        self.startDate = startDate
        self.respondBy = respondBy
        self.status = status
        self.isFinal = false
    }

    /// Offers recorded before the package had figures read with none.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(Int64.self, forKey: .id)
        applicationID = try c.decode(Int64.self, forKey: .applicationID)
        base = try c.decode(Money.self, forKey: .base)
        period = try c.decode(PayPeriod.self, forKey: .period)
        bonus = try c.decodeIfPresent(Money.self, forKey: .bonus)
        bonusPercent = try c.decodeIfPresent(Percent.self, forKey: .bonusPercent)
        bonusGuaranteed = try c.decodeIfPresent(Bool.self, forKey: .bonusGuaranteed) ?? false
        equity = try c.decodeIfPresent(String.self, forKey: .equity)
        grant = try c.decodeIfPresent(EquityGrant.self, forKey: .grant)
        refresher = try c.decodeIfPresent(Money.self, forKey: .refresher)
        signOn = try c.decodeIfPresent(Money.self, forKey: .signOn)
        signOnClawbackMonths = try c.decodeIfPresent(Int.self, forKey: .signOnClawbackMonths)
        benefits = try c.decodeIfPresent([String: String].self, forKey: .benefits) ?? [:]
        benefitValues = try c.decodeIfPresent(BenefitValues.self, forKey: .benefitValues) ?? BenefitValues()
        startDate = try c.decodeIfPresent(LocalDate.self, forKey: .startDate)
        respondBy = try c.decodeIfPresent(LocalDate.self, forKey: .respondBy)
        status = try c.decode(Status.self, forKey: .status)
        revises = try c.decodeIfPresent(Int64.self, forKey: .revises)
        asked = try c.decodeIfPresent(Money.self, forKey: .asked)
        receivedOn = try c.decodeIfPresent(LocalDate.self, forKey: .receivedOn)
        askedOn = try c.decodeIfPresent(LocalDate.self, forKey: .askedOn)
        isFinal = try c.decodeIfPresent(Bool.self, forKey: .isFinal) ?? false
        archivedAt = try c.decodeIfPresent(Date.self, forKey: .archivedAt)
    }

    /// Base pay over a working year, for comparing offers paid by other periods.
    /// `validate` refuses a base whose year passes the largest amount; a row
    /// stored before that was refused reads as the largest amount, not a trap.
    public var annualBase: Money {
        base.multiplied(by: period.perYear) ?? Money(minorUnits: .max, currency: base.currency)
    }

    /// "55,000 GBP a year", "25 GBP an hour": the base as the offer states it.
    public var baseText: String { base.description(per: period) }

    /// Sets the bonus as the offer words it: a share of base ("10%") or an
    /// amount, in the base's currency unless it names its own ("5400", "£5,400").
    public mutating func setBonus(_ text: String) throws {
        if text.contains("%") {
            (bonus, bonusPercent) = (nil, try Percent(parsing: text, field: "bonus"))
        } else {
            (bonus, bonusPercent) = (try Money(parsing: text, defaultCurrency: base.currency, field: "bonus"), nil)
        }
    }

    /// The bonus in money: the amount, or the percentage of base a year.
    /// A bonus recorded as nothing (`--bonus 0`, the offer has none) is no bonus: nil.
    public var bonusAmount: Money? {
        let amount = bonus ?? bonusPercent.flatMap { $0.of(annualBase) }
        return amount?.minorUnits == 0 ? nil : amount
    }

    public func validate() throws {
        guard base.minorUnits > 0 else { throw DomainError.invalid(field: "base", "base pay must be positive") }
        // Every figure valued later is worked out here first, so that an
        // amount too large to count is refused now rather than trapping later.
        guard base.multiplied(by: period.perYear) != nil else {
            throw DomainError.invalid(field: "base", "\(baseText) is too large: a year of it passes the largest amount Cadence counts")
        }
        if let bonusPercent, bonusPercent.of(annualBase) == nil {
            throw DomainError.invalid(field: "bonus", "\(bonusPercent) of \(annualBase) is too large to count")
        }
        for (field, money) in [("bonus", bonus), ("sign-on", signOn), ("refresher", refresher), ("asked", asked)] {
            if let money, money.minorUnits < 0 { throw DomainError.invalid(field: field, "\(money) is below zero") }
        }
        if bonus != nil && bonusPercent != nil {
            throw DomainError.invalid(field: "bonus", "a bonus is an amount or a percentage of base, not both")
        }
        if let months = signOnClawbackMonths, !(0...60).contains(months) {
            throw DomainError.invalid(field: "clawback", "a clawback runs 0 to 60 months, not \(months)")
        }
        try grant?.validate()
        try benefitValues.validate()
        // A year of the package is added up when it is valued: refused now if that sum cannot be counted,
        // rather than breaking `offer value` and `offer compare` later. (Figures in one currency; others
        // are converted by the person's rate when valued.)
        let yearOne = [annualBase, bonusAmount, signOn, refresher, grant?.totalValue, benefitValues.pensionMatch?.of(annualBase),
                       benefitValues.healthCover, benefitValues.studyBudget, benefitValues.movingAllowance, benefitValues.travel, benefitValues.gym]
            .compactMap { $0 }.filter { $0.currency == base.currency }.map(\.minorUnits)
            + benefitValues.other.values.filter { $0.currency == base.currency }.map(\.minorUnits)
        if Money.total(yearOne) == nil {
            throw DomainError.invalid(field: "base", "the package's first year is too large to count: its parts together pass the largest amount")
        }
        if let startDate, let respondBy, respondBy > startDate {
            throw DomainError.invalid(field: "respond-by", "the answer is due \(respondBy), after the start date \(startDate)")
        }
    }
}

/// An offer's benefits as figures (what `benefits` says in words), for
/// valuing the package; what is not known stays nil.
public struct BenefitValues: Hashable, Sendable, Codable {
    public var holidayDays: Int?
    /// The employer's pension contribution, as a share of base, up to `pensionCap` a year.
    public var pensionMatch: Percent?
    public var pensionCap: Money?
    /// Health cover's worth a year, as the candidate puts it.
    public var healthCover: Money?
    /// Days a week from home and in the office, in whole or half days (2.5):
    /// a half day in the office is half a commute. Offers stored with whole
    /// days read the same.
    public var remoteDaysPerWeek: Double?
    public var officeDaysPerWeek: Double?
    public var studyBudget: Money?
    public var movingAllowance: Money?
    public var travel: Money?
    public var gym: Money?
    /// Anything else, by name, with its worth a year.
    public var other: [String: Money]

    public init() { other = [:] }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        holidayDays = try c.decodeIfPresent(Int.self, forKey: .holidayDays)
        pensionMatch = try c.decodeIfPresent(Percent.self, forKey: .pensionMatch)
        pensionCap = try c.decodeIfPresent(Money.self, forKey: .pensionCap)
        healthCover = try c.decodeIfPresent(Money.self, forKey: .healthCover)
        remoteDaysPerWeek = try c.decodeIfPresent(Double.self, forKey: .remoteDaysPerWeek)
        officeDaysPerWeek = try c.decodeIfPresent(Double.self, forKey: .officeDaysPerWeek)
        studyBudget = try c.decodeIfPresent(Money.self, forKey: .studyBudget)
        movingAllowance = try c.decodeIfPresent(Money.self, forKey: .movingAllowance)
        travel = try c.decodeIfPresent(Money.self, forKey: .travel)
        gym = try c.decodeIfPresent(Money.self, forKey: .gym)
        other = try c.decodeIfPresent([String: Money].self, forKey: .other) ?? [:]
    }

    public var isEmpty: Bool { self == BenefitValues() }

    /// 0 to 7 in whole or half days: 2.5 is a week of two days and a morning.
    public static func isDaysInAWeek(_ days: Double) -> Bool {
        days.isFinite && (0...7).contains(days) && (days * 2).rounded() == days * 2
    }

    /// "3", "2.5": days as people write them, no trailing ".0".
    public static func daysText(_ days: Double) -> String {
        days.isFinite && days.rounded() == days && abs(days) < 1e15 ? String(Int64(days)) : "\(days)"
    }

    public func validate() throws {
        if let days = holidayDays, !(0...100).contains(days) {
            throw DomainError.invalid(field: "holiday", "\(days) days of holiday is not a number of days in a year")
        }
        for (name, days) in [("remote days", remoteDaysPerWeek), ("office days", officeDaysPerWeek)] {
            if let days, !BenefitValues.isDaysInAWeek(days) {
                throw DomainError.invalid(field: name, "\(BenefitValues.daysText(days)) is not a number of days in a week: 0 to 7, in whole or half days (2.5)")
            }
        }
        if let remote = remoteDaysPerWeek, let office = officeDaysPerWeek, remote + office > 7 {
            throw DomainError.invalid(field: "remote days", "\(BenefitValues.daysText(remote)) remote and \(BenefitValues.daysText(office)) "
                                      + "office days are more than the 7 days of a week")
        }
        let amounts: [(String, Money?)] = [("pension cap", pensionCap), ("health cover", healthCover), ("study budget", studyBudget),
                                           ("moving allowance", movingAllowance), ("travel", travel), ("gym", gym)]
        for (name, money) in amounts + other.map({ ($0.key, Optional($0.value)) }) {
            if let money, money.minorUnits < 0 { throw DomainError.invalid(field: name, "\(money) is below zero") }
        }
    }
}
