/// A percentage, exact: basis points (7.5% is 750). Bonuses and pension
/// matches are stated as percentages of base pay.
public struct Percent: Hashable, Sendable, Codable, CustomStringConvertible {
    public var basisPoints: Int64

    public init(basisPoints: Int64) { self.basisPoints = basisPoints }

    /// "10%", "7.5 %", "6% matched".
    public init(parsing text: String, field: String) throws {
        let trimmed = text.trimmingWhitespace()
        let number = trimmed.prefix { $0.isNumber || $0 == "." || $0 == "-" }
        let rest = String(trimmed.dropFirst(number.count)).trimmingWhitespace()
        guard rest.hasPrefix("%"), let minor = Money.minorUnits(of: String(number)) else {
            throw DomainError.invalid(field: field, "'\(text)' is not a percentage (such as 10% or 7.5%)")
        }
        guard minor > 0, minor <= 100_00 else {
            throw DomainError.invalid(field: field, "'\(text)' is not between 0% and 100%")
        }
        basisPoints = minor
    }

    /// `amount` × this percentage, to the minor unit (rounded half up).
    public func of(_ amount: Money) -> Money {
        Money(minorUnits: (amount.minorUnits * basisPoints + 5_000) / 10_000, currency: amount.currency)
    }

    public var description: String {
        let whole = basisPoints / 100, fraction = basisPoints % 100
        if fraction == 0 { return "\(whole)%" }
        return "\(whole).\(fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction))%"
    }
}
