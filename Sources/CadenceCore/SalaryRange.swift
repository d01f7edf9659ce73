/// A salary as a posting states it: one amount or a range, in a currency,
/// for a period. "£30,000", "90k–110k USD", "52000 GBP a year", "30-35k GBP",
/// "$45 an hour". Without a currency, below zero, or with the range the
/// wrong way round, it is refused: a figure nobody can compare is no figure.
public struct SalaryRange: Hashable, Sendable, CustomStringConvertible {
    public var low: Money
    public var high: Money
    public var period: PayPeriod

    public init(parsing text: String, field: String = "salary") throws {
        var rest = text.trimmingWhitespace().lowercased()
        guard !rest.isEmpty else { throw DomainError.invalid(field: field, "a salary is needed") }
        // The period, from the end: "a year", "per annum", "/hr", "pcm".
        var period = PayPeriod.year
        let periods: [(String, PayPeriod)] = [
            ("per annum", .year), ("annually", .year), ("a year", .year), ("per year", .year), ("/year", .year), ("/yr", .year),
            ("p.a.", .year), ("pa", .year), ("a month", .month), ("per month", .month), ("/month", .month), ("/mo", .month),
            ("pcm", .month), ("a week", .week), ("per week", .week), ("/week", .week), ("a day", .day), ("per day", .day),
            ("/day", .day), ("an hour", .hour), ("per hour", .hour), ("/hour", .hour), ("/hr", .hour), ("ph", .hour),
        ]
        for (words, p) in periods where rest.hasSuffix(words) {
            let before = rest.dropLast(words.count)
            guard before.last.map({ $0 == " " || $0.isNumber || $0 == "k" || $0.isLetter }) ?? false else { continue }
            rest = String(before).trimmingWhitespace()
            period = p
            break
        }
        // "$150k+", "150k plus": a floor, as trackers write it; read as that amount.
        for floor in ["+", " plus", " and up", " or more"] where rest.hasSuffix(floor) {
            rest = String(rest.dropLast(floor.count)).trimmingWhitespace()
            break
        }
        if rest.hasPrefix("-") || rest.hasPrefix("−") {
            throw DomainError.invalid(field: field, "'\(text)' is negative: a salary is never below zero")
        }
        // A range: "30,000 - 35,000", "90k–110k", "30 to 35k".
        var sides = [rest]
        for separator in [" to ", "–", "—", "-"] where rest.contains(separator) {
            sides = rest.components(separatedBy: separator).map { $0.trimmingWhitespace() }
            break
        }
        guard sides.count <= 2, sides.allSatisfy({ !$0.isEmpty }) else {
            throw DomainError.invalid(field: field, "'\(text)' is not a salary (try 90k–110k USD, $150k+, 52.000 € or 4000 GBP a month)")
        }
        func currency(of side: String) -> String? {
            if let first = side.first, let code = Money.symbols[first] { return code }
            if let last = side.last, let code = Money.symbols[last] { return code }     // "70.000 €"
            return side.split(separator: " ").first(where: { $0.count == 3 && $0.allSatisfy(\.isLetter) }).map { $0.uppercased() }
        }
        guard let code = sides.lazy.compactMap(currency).first else {
            throw DomainError.invalid(field: field, "'\(text)' has no currency (write it with one: 30000 USD, $30,000, 30.000 € or £30,000)")
        }
        var amounts: [Money] = []
        do {
            amounts = try sides.map { try Money(parsing: $0, defaultCurrency: code, field: field) }
        } catch {
            throw DomainError.invalid(field: field, "'\(text)' is not a salary (try 90k–110k USD, $150k+, 52.000 € or 4000 GBP a month)")
        }
        // "30-35k": the thousands written once, on the high side; "170-150k" runs backwards.
        if amounts.count == 2, sides[1].hasSuffix("k") || sides[1].contains("k "), !sides[0].contains("k"),
           let thousands = amounts[0].multiplied(by: 1000), amounts[0].minorUnits < 100_000 {
            guard thousands.minorUnits <= amounts[1].minorUnits else {
                throw DomainError.invalid(field: field, "'\(text)' runs from high to low")
            }
            amounts[0] = thousands
        }
        guard amounts.allSatisfy({ $0.currency == code }) else {
            throw DomainError.invalid(field: field, "'\(text)' mixes currencies")
        }
        guard amounts.allSatisfy({ $0.minorUnits > 0 }) else {
            throw DomainError.invalid(field: field, "'\(text)' is not a salary: it is zero")
        }
        low = amounts[0]
        high = amounts.last!
        guard low.minorUnits <= high.minorUnits else {
            throw DomainError.invalid(field: field, "'\(text)' runs from high to low")
        }
        self.period = period
    }

    /// "30,000–35,000 GBP a year".
    public var description: String {
        if low == high { return low.description(per: period) }
        return MoneyStyle.standard.amount(low.minorUnits) + "–" + high.description(per: period)
    }
}
