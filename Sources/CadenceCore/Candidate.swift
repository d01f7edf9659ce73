import Foundation

/// The person searching.
public struct Candidate: Hashable, Sendable, Codable {
    public var id: Int64?
    public var name: String
    public var email: String?
    /// An IANA zone ("Europe/London"): due dates are days in this zone.
    public var timeZone: String
    /// Where they search, when chosen: how their dates, amounts, holidays and
    /// benefits read (`effectiveRegion` falls back to the time zone's).
    public var region: Region?
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

    public init(id: Int64? = nil, name: String, email: String? = nil, timeZone: String = "UTC", region: Region? = nil,
                strengths: [String] = [], targets: SalaryTargets? = nil, currentPay: Money? = nil,
                currentBenefits: [String] = [], references: [String] = []) {
        self.id = id
        self.name = name
        self.email = email
        self.timeZone = timeZone
        self.region = region
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
        if let currentPay, currentPay.minorUnits <= 0 {
            throw DomainError.invalid(field: "current pay", "current pay must be above zero")
        }
    }
}

/// Negotiation practice rule 1, the three numbers: the bottom line (the
/// lowest acceptable), the going rate (the market's average for the role)
/// and the top (the highest reasonable for this experience), in one
/// currency, for a pay period. Known before any offer.
///
///     try SalaryTargets(parsing: "28000,30000,35000 GBP")      // a year
///     try SalaryTargets(parsing: "£2,300, £2,500, £2,900 a month")
public struct SalaryTargets: Hashable, Sendable, Codable, CustomStringConvertible {
    public var bottom: Money
    public var going: Money
    public var top: Money
    public var period: PayPeriod

    public init(bottom: Money, going: Money, top: Money, period: PayPeriod = .year) {
        self.bottom = bottom
        self.going = going
        self.top = top
        self.period = period
    }

    /// "28000,30000,35000 GBP", "£28k, £30k, £35k", "28000,30000,35000 GBP a month".
    public init(parsing text: String, field: String = "targets") throws {
        var rest = text.trimmingWhitespace()
        var period = PayPeriod.year
        for p in PayPeriod.allCases {
            for suffix in [" a \(p.rawValue)", " an \(p.rawValue)", " per \(p.rawValue)", " /\(p.rawValue)"] where rest.lowercased().hasSuffix(suffix) {
                rest = String(rest.dropLast(suffix.count)).trimmingWhitespace()
                period = p
            }
        }
        let words = rest.split(separator: " ")
        let code = words.count > 1 && words.last!.count == 3 && words.last!.allSatisfy(\.isLetter) ? String(words.last!).uppercased() : nil
        let amounts: [String] = (code == nil ? rest : String(rest.dropLast(3))).split(separator: ",")
            .map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        // Thousands separators and amounts share the comma: "28,000, 30,000" has six parts.
        let parts = amounts.count == 6 && amounts.allSatisfy({ $0.allSatisfy(\.isNumber) || Money.symbols.keys.contains($0.first!) })
            ? stride(from: 0, to: 6, by: 2).map { amounts[$0] + amounts[$0 + 1] } : amounts
        guard parts.count == 3 else {
            throw DomainError.invalid(field: field, "'\(text)' needs three amounts: bottom, going, top and a currency "
                + "(such as \"120000,135000,150000 USD\" or \"60.000 €, 68.000 €, 75.000 €\")")
        }
        guard code != nil || parts.allSatisfy({ Money.symbols.keys.contains($0.first ?? " ") || Money.symbols.keys.contains($0.last ?? " ") }) else {
            throw DomainError.invalid(field: field, "'\(text)' needs a currency: \"\(text) USD\" or \"\(text) EUR\", say")
        }
        let money = try parts.map { try Money(parsing: $0, defaultCurrency: code, field: field) }
        self.init(bottom: money[0], going: money[1], top: money[2], period: period)
        try validate(field: field)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        bottom = try c.decode(Money.self, forKey: .bottom)
        going = try c.decode(Money.self, forKey: .going)
        top = try c.decode(Money.self, forKey: .top)
        // Targets stored before periods were kept are yearly.
        period = try c.decodeIfPresent(PayPeriod.self, forKey: .period) ?? .year
    }

    public func validate(field: String = "targets") throws {
        guard bottom.currency == going.currency, going.currency == top.currency else {
            throw DomainError.invalid(field: field, "bottom, going and top must be in one currency")
        }
        guard bottom.minorUnits > 0 else { throw DomainError.invalid(field: field, "the bottom line must be above zero") }
        guard bottom.minorUnits <= going.minorUnits, going.minorUnits <= top.minorUnits else {
            throw DomainError.invalid(field: field, "expected bottom <= going <= top, got \(bottom), \(going), \(top)")
        }
    }

    /// "bottom 28,000 GBP, going 30,000 GBP, top 35,000 GBP a year".
    public var description: String { "bottom \(bottom), going \(going), top \(top) \(period.perWords)" }
}
