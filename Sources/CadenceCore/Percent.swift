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

    /// `amount` × this percentage, to the minor unit (rounded half up, away
    /// from zero); nil when the result passes the largest amount.
    public func of(_ amount: Money) -> Money? { amount.scaled(by: basisPoints, over: 10_000) }

    /// "10%", "7.5%", "7.05%".
    public var description: String {
        let whole = basisPoints.magnitude / 100, fraction = basisPoints.magnitude % 100
        let sign = basisPoints < 0 ? "-" : ""
        if fraction == 0 { return "\(sign)\(whole)%" }
        let digits = fraction < 10 ? "0\(fraction)" : fraction % 10 == 0 ? "\(fraction / 10)" : "\(fraction)"
        return "\(sign)\(whole).\(digits)%"
    }
}
