/// Amounts people type without a currency ("45000", "150-170k", "60000,68000,75000"):
/// in the currency of the candidate's region, said aloud, and stored with it
/// written out so the figure never changes meaning. Where no region gives a
/// currency, the amount is refused saying how to write it. One owner for the
/// command line, Lua writes and imports.
///
///     try BareAmount.salary("150-170k", region: .us)   // text "150-170k USD", assumed "USD"
///     try BareAmount.salary("£45,000", region: .us)    // as written, nothing assumed
public enum BareAmount {
    /// What was read, the text to store, and the currency taken from the region (nil: the text named one).
    public struct Read<Value> {
        public var value: Value
        public var text: String
        public var assumed: String?
    }

    /// A posted salary: an amount or a range, with a period if written.
    public static func salary(_ text: String, region: Region?, field: String = "salary") throws -> Read<SalaryRange> {
        try read(text, currency: region?.currency, field: field) { try SalaryRange(parsing: $0, field: field) }
    }

    /// A salary in a sheet: a bare amount is in `currency` (the import's
    /// `--currency`, else the region's); with none, refused naming `--currency`.
    public static func salary(_ text: String, currency: String?, field: String = "salary") throws -> Read<SalaryRange> {
        try read(text, currency: currency, field: field, orSay: "or import with --currency USD (or EUR, GBP…)") {
            try SalaryRange(parsing: $0, field: field)
        }
    }

    /// The three numbers: bottom, going, top.
    public static func targets(_ text: String, region: Region?, field: String = "targets") throws -> Read<SalaryTargets> {
        try read(text, currency: region?.currency, field: field) { try SalaryTargets(parsing: $0, field: field) }
    }

    /// One amount ("45000", "45k").
    public static func money(_ text: String, region: Region?, field: String) throws -> Read<Money> {
        try read(text, currency: region?.currency, field: field) { try Money(parsing: $0, field: field) }
    }

    /// "amounts without a currency are read as USD (your region: the United States)".
    public static func note(_ currency: String, region: Region?) -> String {
        "an amount without a currency is read as \(currency)" + (region.map { " (your region: \($0.name))" } ?? "")
    }

    static func read<Value>(_ text: String, currency: String?, field: String,
                            orSay: String = "or set your region with `cadence candidate edit NAME --region CODE`",
                            _ parse: (String) throws -> Value) throws -> Read<Value> {
        let refusal: Error
        do { return Read(value: try parse(text), text: text, assumed: nil) } catch { refusal = error }
        // Only an amount that names no currency is read in the region's; one that
        // names one and is wrong otherwise keeps its own error.
        guard !namesCurrency(text) else { throw refusal }
        let trimmed = text.trimmingWhitespace()
        func written(_ code: String) -> (String, Value)? {
            for candidate in [Self.inserting(code, into: trimmed), trimmed + " " + code] {
                if let value = try? parse(candidate) { return (candidate, value) }
            }
            return nil
        }
        guard let currency else {
            guard written("USD") != nil || written("EUR") != nil else { throw refusal }
            throw DomainError.invalid(field: field, "'\(text)' has no currency, and no region gives one: write it in "
                + "('\(trimmed) USD', '\(trimmed) EUR'…), \(orSay)")
        }
        guard let (stored, value) = written(currency) else {
            // What is wrong besides the currency, in the region's: never "say GBP" to someone in Texas.
            _ = try parse(trimmed + " " + currency)
            throw refusal
        }
        return Read(value: value, text: stored, assumed: currency)
    }

    /// Whether `text` writes a currency: a symbol, or a word of three letters that is no period word.
    static func namesCurrency(_ text: String) -> Bool {
        if text.contains(where: { Money.symbols[$0] != nil }) { return true }
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter })
        return words.contains { $0.count == 3 && !["per", "day", "and", "pcm"].contains(String($0)) }
    }

    /// "150-170k a year" + USD → "150-170k USD a year": the code before a period written at the end.
    static func inserting(_ code: String, into text: String) -> String {
        let lower = text.lowercased()
        for period in [" a year", " per year", " per annum", " a month", " per month", " a week", " an hour", " per hour", " a day"]
        where lower.hasSuffix(period) {
            return String(text.dropLast(period.count)) + " " + code + String(text.suffix(period.count))
        }
        return text + " " + code
    }
}
