import Foundation

/// An offer and its package.
public struct Offer: Hashable, Sendable, Codable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case received, negotiating, accepted, declined, expired, rescinded
    }

    public var id: Int64?
    public var applicationID: Int64
    public var base: Money
    public var period: PayPeriod
    public var bonus: Money?
    public var equity: String?
    public var signOn: Money?
    /// Holiday, pension, health care, stock options, car, gym, remote work,
    /// study funding, moving allowance…, each with its terms.
    public var benefits: [String: String]
    public var startDate: LocalDate?
    public var respondBy: LocalDate?
    public var status: Status
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
        self.equity = equity
        self.signOn = signOn
        self.benefits = benefits
        self.startDate = startDate
        self.respondBy = respondBy
        self.status = status
    }

    /// Base pay over a working year, for comparing offers paid by other periods.
    public var annualBase: Money {
        Money(minorUnits: base.minorUnits * period.perYear, currency: base.currency)
    }

    public func validate() throws {
        guard base.minorUnits > 0 else { throw DomainError.invalid(field: "base", "base pay must be positive") }
        for (field, money) in [("bonus", bonus), ("sign-on", signOn)] {
            if let money, money.minorUnits < 0 { throw DomainError.invalid(field: field, "cannot be negative") }
        }
    }
}
