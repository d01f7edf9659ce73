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
        }
        let words = rest.split(separator: " ")
        var number = ""
        for word in words {
            let w = String(word)
            if w.count == 3, w.allSatisfy({ $0.isLetter }) { currency = w.uppercased() } else { number += w }
        }
        number = number.replacingAll(",", with: "").replacingAll("_", with: "")
        var scale: Int64 = 1
        if let last = number.last, "kK".contains(last) { scale = 1000; number.removeLast() }
        if number.hasPrefix("-") {
            throw DomainError.invalid(field: field, "'\(text)' is negative: an amount of pay is never below zero")
        }
        guard let minor = Money.minorUnits(of: number), let currency = currency ?? defaultCurrency,
              !number.isEmpty
        else {
            throw DomainError.invalid(field: field, "'\(text)' is not an amount (try 55000 GBP or £55k)")
        }
        let (scaled, overflow) = minor.multipliedReportingOverflow(by: scale)
        guard !overflow else { throw DomainError.invalid(field: field, "'\(text)' is too large") }
        self.init(minorUnits: scaled, currency: currency)
    }

    /// "55000.5" -> 5500050; at most two decimals.
    static func minorUnits(of number: String) -> Int64? {
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int64(parts[0].isEmpty ? "0" : String(parts[0])), whole >= 0 else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            let fraction = String(parts[1])
            guard fraction.count <= 2, fraction.allSatisfy(\.isNumber) else { return nil }
            cents = Int64(fraction.padding(to: 2)) ?? 0
        }
        let (w, o) = whole.multipliedReportingOverflow(by: 100)
        return o ? nil : w + cents
    }

    /// "55,000 GBP" or "55,000.50 GBP".
    public var description: String {
        let whole = minorUnits / 100, cents = minorUnits % 100
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        let centsText = cents == 0 ? "" : "." + (cents < 10 ? "0" : "") + String(cents)
        return digits + grouped + centsText + " " + currency
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
