/// An amount of money, exact: integer minor units (pence, cents) and an ISO
/// 4217 currency code. Never a Double.
///
///     try Money(parsing: "55,000 GBP")     // 5500000 minor units of GBP
///     try Money(parsing: "£42.5k")         // 4250000 GBP
public struct Money: Hashable, Sendable, Codable, CustomStringConvertible {
    public var minorUnits: Int64
    public var currency: String

    public init(minorUnits: Int64, currency: String) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    public static func major(_ amount: Int64, _ currency: String) -> Money {
        Money(minorUnits: amount * 100, currency: currency)
    }

    public static let symbols: [Character: String] = ["£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY"]

    /// Reads "55000 GBP", "GBP 55,000.50", "£55k", "$120,000", "48000" (with
    /// `defaultCurrency`). Negative amounts are refused: pay is never negative.
    public init(parsing text: String, defaultCurrency: String? = nil, field: String = "amount") throws {
        var rest = Substring(text.trimmingWhitespace())
        var currency: String?
        if let first = rest.first, let code = Money.symbols[first] {
            currency = code
            rest = rest.dropFirst()
        } else if let last = rest.last, let code = Money.symbols[last] {
            // "70.000 €", "45000€": the symbol after the amount, as much of Europe writes it.
            currency = code
            rest = rest.dropLast()
        }
        let words = rest.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" || $0 == "\u{202F}" })
        var number = ""
        for word in words {
            let w = String(word)
            if w.count == 3, w.allSatisfy({ $0.isLetter }) { currency = w.uppercased() } else { number += w }
        }
        // Euro amounts are often grouped with points ("70.000 €"); elsewhere "1.234" stays a mistake, refused.
        number = Money.plainDigits(number.replacingAll("_", with: "").replacingAll("'", with: ""),
                                   pointsGroup: (currency ?? defaultCurrency) == "EUR")
        var scale: Int64 = 1
        if let last = number.last, "kK".contains(last) { scale = 1000; number.removeLast() }
        if number.hasPrefix("-") {
            throw DomainError.invalid(field: field, "'\(text)' is negative: an amount of pay is never below zero")
        }
        let tooLarge = DomainError.invalid(field: field, "'\(text)' is too large: the largest amount is \(MoneyStyle.standard.amount(.max))")
        guard let minor = Money.minorUnits(of: number), let currency = currency ?? defaultCurrency,
              !number.isEmpty
        else {
            // Digits that are an amount but do not fit in Int64's minor units.
            let digits = number.split(separator: ".", omittingEmptySubsequences: false)
            if Money.minorUnits(of: number) == nil, digits.count <= 2, digits[0].count > 15,
               digits.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), digits.count == 1 || digits[1].count <= 2 {
                throw tooLarge
            }
            throw DomainError.invalid(field: field, "'\(text)' is not an amount (try 55000 USD, $55k, 55.000 € or £55,000)")
        }
        let (scaled, overflow) = minor.multipliedReportingOverflow(by: scale)
        guard !overflow else { throw tooLarge }
        self.init(minorUnits: scaled, currency: currency)
    }

    /// The separators people write, made plain: "55,000.50" and "55.000,50"
    /// are 55000.50, "12,00,000" is 1200000, "45000,5" is 45000.5; where
    /// points group (`pointsGroup`, euros), "70.000" is 70000.
    static func plainDigits(_ number: String, pointsGroup: Bool) -> String {
        let lastComma = number.lastIndex(of: ","), lastPoint = number.lastIndex(of: ".")
        switch (lastComma, lastPoint) {
        case let (comma?, point?):
            // Whichever comes last marks the decimals.
            return comma > point ? number.replacingAll(".", with: "").replacingAll(",", with: ".")
                                 : number.replacingAll(",", with: "")
        case let (comma?, nil):
            let decimals = number.distance(from: comma, to: number.endIndex) - 1
            let commas = number.filter { $0 == "," }.count
            if commas == 1 && (1...2).contains(decimals) { return number.replacingAll(",", with: ".") }
            // Thousands (or India's lakhs) as grouped: "1,2,3,4" is a slip, left unread and so refused.
            return groupedWell(number, by: ",") ? number.replacingAll(",", with: "") : number
        case let (nil, point?):
            let decimals = number.distance(from: point, to: number.endIndex) - 1
            let points = number.filter { $0 == "." }.count
            let grouped = points > 1 || (decimals == 3 && number.last?.isNumber == true)
            return pointsGroup && grouped && groupedWell(number, by: ".") ? number.replacingAll(".", with: "") : number
        case (nil, nil):
            return number
        }
    }

    /// Whether `separator` groups `number` as people group digits: three
    /// after each, or India's two before the last three ("12,00,000").
    static func groupedWell(_ number: String, by separator: Character) -> Bool {
        let digits = number.hasSuffix("k") || number.hasSuffix("K") ? String(number.dropLast()) : number
        let groups = digits.split(separator: separator, omittingEmptySubsequences: false).map(\.count)
        guard groups.count > 1, let first = groups.first, (1...3).contains(first), groups.last == 3 else { return groups.count == 1 }
        let middle = groups.dropFirst().dropLast()
        return middle.allSatisfy { $0 == 3 } || middle.allSatisfy { $0 == 2 }
    }

    /// "55000.5" -> 5500050; at most two decimals; nil past the largest amount.
    static func minorUnits(of number: String) -> Int64? {
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int64(parts[0].isEmpty ? "0" : String(parts[0])), whole >= 0 else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            let fraction = String(parts[1])
            guard fraction.count <= 2, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            cents = Int64(fraction.padding(to: 2)) ?? 0
        }
        let (w, o) = whole.multipliedReportingOverflow(by: 100)
        let (sum, o2) = w.addingReportingOverflow(cents)
        return o || o2 ? nil : sum
    }

    /// "55,000 GBP", "55,000.50 GBP", "-1.50 GBP": the amount as people read
    /// it, minor units shown when there are some, the sign before the digits.
    public var description: String { text() }

    /// The amount in `style` followed by its currency.
    public func text(_ style: MoneyStyle = .standard) -> String {
        style.amount(minorUnits) + " " + currency
    }

    /// "55,000 GBP a year", "12.50 GBP an hour": pay for a period, in words.
    public func description(per period: PayPeriod) -> String { "\(self) \(period.perWords)" }

    /// "55,000": whole units grouped by thousands, rounded half up (away
    /// from zero, as `scale` rounds) for tables that speak in whole amounts;
    /// no currency. 0.50 is "1", 0.49 is "0".
    public var wholeText: String { MoneyStyle.standard.whole(minorUnits) }

    /// This amount × `factor`, or nil when the product passes the largest amount.
    public func multiplied(by factor: Int64) -> Money? {
        let (product, overflow) = minorUnits.multipliedReportingOverflow(by: factor)
        return overflow ? nil : Money(minorUnits: product, currency: currency)
    }

    /// The sum of `minorUnits`, or nil when it passes the largest amount.
    public static func total(_ minorUnits: [Int64]) -> Int64? {
        var sum: Int64 = 0
        for amount in minorUnits {
            let (next, overflow) = sum.addingReportingOverflow(amount)
            guard !overflow else { return nil }
            sum = next
        }
        return sum
    }

    /// The mean of `minorUnits`, rounded half up (away from zero) to the
    /// minor unit, worked in 128 bits: the average of amounts that each fit
    /// always fits, though their sum may not. Nil for an empty list.
    public static func average(_ minorUnits: [Int64]) -> Int64? {
        guard !minorUnits.isEmpty else { return nil }
        let sum = minorUnits.reduce(Int128(0)) { $0 + Int128($1) }
        let count = Int128(minorUnits.count)
        let (quotient, remainder) = sum.quotientAndRemainder(dividingBy: count)
        // Half up, away from zero: a remainder of half the count or more moves the quotient out by one.
        let away = remainder.magnitude * 2 >= count.magnitude ? (sum < 0 ? -1 : 1) : 0
        return Int64(quotient + Int128(away))
    }

    /// This amount × `numerator` / `denominator` (a share, a percentage, a
    /// rate), rounded half up (away from zero) to the minor unit; nil when
    /// the result passes the largest amount or the denominator is not above zero.
    public func scaled(by numerator: Int64, over denominator: Int64) -> Money? {
        Money.scale(minorUnits, by: numerator, over: denominator).map { Money(minorUnits: $0, currency: currency) }
    }

    /// `minorUnits` × `numerator` / `denominator`, rounded half up (away from
    /// zero), worked in 128 bits so that only a result that does not fit is refused.
    public static func scale(_ minorUnits: Int64, by numerator: Int64, over denominator: Int64) -> Int64? {
        guard denominator > 0 else { return nil }
        let negative = (minorUnits < 0) != (numerator < 0)
        let divisor = UInt64(denominator)
        var (high, low) = minorUnits.magnitude.multipliedFullWidth(by: numerator.magnitude)
        // Half the divisor added before dividing rounds the magnitude half up.
        let (rounded, carry) = low.addingReportingOverflow(divisor / 2)
        low = rounded
        if carry { (high, _) = high.addingReportingOverflow(1) }
        guard high < divisor else { return nil }
        let quotient = divisor.dividingFullWidth((high: high, low: low)).quotient
        if negative {
            guard quotient <= Int64.min.magnitude else { return nil }
            return quotient == Int64.min.magnitude ? Int64.min : -Int64(quotient)
        }
        return quotient <= UInt64(Int64.max) ? Int64(quotient) : nil
    }
}

/// How amounts are written: today one convention ("1,234.50"), kept in one
/// place so that a region's (a decimal comma, grouping by spaces) can land
/// here without touching what formats money.
public struct MoneyStyle: Hashable, Sendable {
    public var grouping: String
    public var decimalMark: String

    public init(grouping: String, decimalMark: String) {
        self.grouping = grouping
        self.decimalMark = decimalMark
    }

    public static let standard = MoneyStyle(grouping: ",", decimalMark: ".")

    /// "1,234.50", "-1.50", "1,234": the minor units only when not whole.
    public func amount(_ minorUnits: Int64) -> String {
        // The magnitude, so that the smallest Int64 keeps its sign and does not trap.
        let cents = minorUnits.magnitude % 100
        return (minorUnits < 0 ? "-" : "") + grouped(minorUnits.magnitude / 100)
            + (cents == 0 ? "" : decimalMark + (cents < 10 ? "0" : "") + String(cents))
    }

    /// "1,234", "-1": whole units grouped by thousands, rounded half up
    /// (away from zero: 1,234.50 is "1,235", -0.50 is "-1", -0.49 is "0",
    /// never "-0"), so that a table's whole amounts are the nearest, never cut.
    public func whole(_ minorUnits: Int64) -> String {
        // The magnitude is unsigned, so the smallest Int64 rounds without trapping.
        let units = (minorUnits.magnitude + 50) / 100
        return (minorUnits < 0 && units > 0 ? "-" : "") + grouped(units)
    }

    private func grouped(_ units: UInt64) -> String {
        var digits = String(units)
        var text = ""
        while digits.count > 3 {
            text = grouping + digits.suffix(3) + text
            digits = String(digits.dropLast(3))
        }
        return digits + text
    }
}

/// The period a pay figure is for.
public enum PayPeriod: String, Sendable, Codable, CaseIterable {
    case year, month, week, day, hour

    /// "year", "hour"; anything else is refused with the periods there are.
    public init(parsing text: String, field: String = "period") throws {
        guard let period = PayPeriod(rawValue: text) else {
            throw DomainError.invalid(field: field, "'\(text)' is not one of "
                + PayPeriod.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self = period
    }

    /// "a year", "an hour".
    public var perWords: String { (self == .hour ? "an " : "a ") + rawValue }

    /// How many of this period make a working year (for comparing offers).
    public var perYear: Int64 {
        switch self {
        case .year: 1
        case .month: 12
        case .week: 52
        case .day: 260
        case .hour: 1950
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for c in self { if c == target { result += replacement } else { result.append(c) } }
        return result
    }

    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: "0", count: width - count)
    }
}
