import Foundation

/// The person searching.
public struct Candidate: Hashable, Sendable, Codable {
    public var id: Int64?
    public var name: String
    public var email: String?
    /// An IANA zone ("Europe/London"): due dates are days in this zone.
    public var timeZone: String
    /// What they can offer, to pair with what an employer needs.
    public var strengths: [String]
    /// Negotiation practice rule 1: the three numbers.
    public var targets: SalaryTargets?
    public var currentPay: Money?
    public var currentBenefits: [String]
    /// Aim: three, asked in advance.
    public var references: [String]
    /// Set when archived: hidden from lists and the agenda, kept, and brought back by unarchiving.
    public var archivedAt: Date?

    public init(id: Int64? = nil, name: String, email: String? = nil, timeZone: String = "UTC",
                strengths: [String] = [], targets: SalaryTargets? = nil, currentPay: Money? = nil,
                currentBenefits: [String] = [], references: [String] = []) {
        self.id = id
        self.name = name
        self.email = email
        self.timeZone = timeZone
        self.strengths = strengths
        self.targets = targets
        self.currentPay = currentPay
        self.currentBenefits = currentBenefits
        self.references = references
    }

    public func validate() throws {
        guard !name.trimmingWhitespace().isEmpty else { throw DomainError.invalid(field: "name", "a candidate needs a name") }
        try TimeZoneCheck.check(timeZone, field: "time zone")
        try targets?.validate()
    }
}

/// Bottom line, going rate and top: the lowest acceptable, the market
/// average, the highest reasonable.
public struct SalaryTargets: Hashable, Sendable, Codable {
    public var bottom: Money
    public var going: Money
    public var top: Money

    public init(bottom: Money, going: Money, top: Money) {
        self.bottom = bottom
        self.going = going
        self.top = top
    }

    public func validate() throws {
        guard bottom.currency == going.currency, going.currency == top.currency else {
            throw DomainError.invalid(field: "targets", "bottom, going and top must be in one currency")
        }
        guard bottom.minorUnits <= going.minorUnits, going.minorUnits <= top.minorUnits else {
            throw DomainError.invalid(field: "targets", "expected bottom <= going <= top, got \(bottom), \(going), \(top)")
        }
    }
}
