/// Figures as people say them in a salary conversation, read exactly: "thirty
/// thousand", "thirty-two and a half thousand", "about 30k", "33-36k", "33 to
/// 36 thousand", "$185k", "£31,000", "185,000 USD", "one eighty-five", "the
/// mid-thirties", "low 180s", "12 lakh". Each is a figure or a range, in minor
/// units of a currency (the one said, else the conversation's).
///
/// A number said with nothing to make it money ("thirty", "185") is a figure
/// in thousands, and only when it is near the scale of the conversation
/// (`around`, a figure both sides have in mind): "in two days", "at 10",
/// "2026" and "the 14th" are not figures. A number said with a scale
/// ("thousand", "k", "million", "lakh") or a currency is a figure whatever
/// its size, as long as it can be counted; one too large to count, or said
/// as negative ("minus 30k"), is none.
///
///     SpokenFigures.read("About thirty thousand.", currency: "GBP")   // 30,000 GBP
///     SpokenFigures.read("33-36k", currency: "GBP")                   // 33,000–36,000 GBP, a range
///     SpokenFigures.read("one eighty-five", currency: "USD", around: 17_500_000)  // 185,000 USD
public struct SpokenFigure: Hashable, Sendable, CustomStringConvertible {
    /// The low and high end; the same for one figure.
    public var low: Money
    public var high: Money
    /// Said as a range ("33-36k", "the mid-thirties"), rather than as one figure.
    public var isRange: Bool
    /// The words that said it, as said.
    public var said: String

    /// "30,000 GBP", "33,000–36,000 GBP".
    public var description: String {
        isRange ? MoneyStyle.standard.amount(low.minorUnits) + "–" + high.description : low.description
    }
}

public enum SpokenFigures {
    /// The longest text read (in Unicode scalars): an answer is a few sentences; the rest is not looked at.
    public static let readLimit = 4000

    /// The figures and ranges said in `text`, in order. `currency` is the
    /// conversation's (a figure said without one is in it); `around` (minor
    /// units) is a figure of the conversation's scale, which decides whether
    /// a bare number is money and reads "one eighty-five" as 185,000 when it is
    /// in the hundreds of thousands.
    /// The most of an answer read for figures, in characters.
    public static let longest = 2_000

    public static func read(_ text: String, currency: String, around: Int64? = nil) -> [SpokenFigure] {
        // What a person says in one answer: past a few thousand characters the rest is not read
        // (the reader's look-behind makes a 50,000-digit answer take minutes).
        let said = text.unicodeScalars.count > longest ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(longest))) : text
        var reader = Reader(text: said, currency: currency, around: around)
        return reader.figures()
    }
}

/// An exact decimal: `mantissa` × 10^-`decimals`, every step checked for overflow (nil: too large to count).
struct SpokenQuantity: Hashable {
    var mantissa: Int64
    var decimals: Int

    static func whole(_ n: Int64) -> SpokenQuantity { SpokenQuantity(mantissa: n, decimals: 0) }

    func multiplied(by factor: Int64) -> SpokenQuantity? {
        let (m, overflow) = mantissa.multipliedReportingOverflow(by: factor)
        return overflow ? nil : SpokenQuantity(mantissa: m, decimals: decimals)
    }

    func adding(_ other: SpokenQuantity) -> SpokenQuantity? {
        var (a, b) = (self, other)
        while a.decimals < b.decimals { guard let x = a.shifted() else { return nil }; a = x }
        while b.decimals < a.decimals { guard let x = b.shifted() else { return nil }; b = x }
        let (sum, overflow) = a.mantissa.addingReportingOverflow(b.mantissa)
        return overflow ? nil : SpokenQuantity(mantissa: sum, decimals: a.decimals)
    }

    /// One more decimal place, the same value.
    func shifted() -> SpokenQuantity? { multiplied(by: 10).map { SpokenQuantity(mantissa: $0.mantissa, decimals: decimals + 1) } }

    /// Whole units, toward zero.
    var units: Int64 {
        var m = mantissa
        for _ in 0..<decimals { m /= 10 }
        return m
    }

    /// Minor units (hundredths), half up; nil past the largest amount.
    var minorUnits: Int64? {
        var q = self
        while q.decimals < 2 { guard let x = q.shifted() else { return nil }; q = x }
        var m = q.mantissa, cut = q.decimals - 2, half = false
        while cut > 0 {
            half = m % 10 >= 5
            m /= 10
            cut -= 1
        }
        // Half up decides on the first digit past the hundredths: the last one dropped above.
        return half ? m + 1 : m
    }
}

/// One pass over the words of a text.
private struct Reader {
    enum Kind: Equatable { case number(String), word(String), symbol(String), dash, time, percent, stop }
    struct Token {
        var kind: Kind
        var start: Int
        var end: Int
        /// Written against the token before it, with no space ("36k", "30s", "10am").
        var attached: Bool
    }

    /// A number read, before it is made money: its value, the scale said with it, its currency, where it lies.
    struct Raw {
        var value: SpokenQuantity
        var scale: Int64?
        var currency: String?
        var decade: (low: Int64, high: Int64)?
        var start: Int
        var end: Int
    }

    let scalars: [Unicode.Scalar]
    let currency: String
    let around: Int64?
    var tokens: [Token] = []

    init(text: String, currency: String, around: Int64?) {
        scalars = Array(text.unicodeScalars.prefix(SpokenFigures.readLimit))
        self.currency = currency
        self.around = around
    }

    static let units: [String: Int64] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    static let tens: [String: Int64] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let decades: [String: Int64] = [
        "twenties": 20, "thirties": 30, "forties": 40, "fourties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
        "eighties": 80, "nineties": 90,
    ]
    static let scales: [String: Int64] = [
        "k": 1000, "thousand": 1000, "thousands": 1000, "grand": 1000, "m": 1_000_000, "mil": 1_000_000, "mn": 1_000_000,
        "million": 1_000_000, "millions": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000,
        "lakh": 100_000, "lakhs": 100_000, "lac": 100_000, "lacs": 100_000, "crore": 10_000_000, "crores": 10_000_000,
    ]
    /// Where in a decade: "the low 180s" is 180–183, "the mid-thirties" 34–36, "the high 180s" 187–189.
    static let partOfDecade: [String: (Int64, Int64)] = [
        "low": (0, 3), "lower": (0, 3), "early": (0, 3), "mid": (4, 6), "middle": (4, 6),
        "high": (7, 9), "upper": (7, 9), "late": (7, 9),
    ]
    static let codes: Set<String> = ["usd", "gbp", "eur", "inr", "cad", "aud", "nzd", "chf", "jpy", "sek", "nok", "dkk",
                                     "sgd", "hkd", "pln", "zar", "brl", "mxn", "cny"]
    static let symbols: [Unicode.Scalar: String] = ["£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY", "₹": "INR"]
    /// After a bare number, words that say it counts something other than money.
    static let notMoney: Set<String> = [
        "am", "pm", "a.m", "p.m", "o'clock", "oclock", "day", "days", "week", "weeks", "month", "months", "year", "years",
        "yr", "yrs", "hour", "hours", "hr", "hrs", "minute", "minutes", "min", "mins", "percent", "pc", "th", "st", "nd", "rd",
        "people", "person", "times", "x", "of", "weekdays", "working", "business", "reports", "engineers", "holiday",
    ]
    /// Before a bare number, words that make it a day or an hour ("at 10", "by the 14").
    static let beforeTime: Set<String> = ["at", "by", "until", "till", "til", "before", "after", "monday", "tuesday",
                                          "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
                                          "march", "april", "june", "july", "august", "september", "october", "november", "december"]
    /// After a figure, words that make it pay for less than a year: not the yearly figure the conversation is about.
    static let shortPeriods: Set<String> = ["hour", "hourly", "day", "daily", "week", "weekly", "month", "monthly", "hr"]
    static let negatives: Set<String> = ["minus", "negative"]

    func word(_ i: Int) -> String? {
        guard i >= 0, i < tokens.count, case .word(let w) = tokens[i].kind else { return nil }
        return w
    }

    // MARK: Words

    mutating func tokenize() {
        var i = 0
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        func isLetter(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic }
        var lastEnd = -1
        while i < scalars.count {
            let s = scalars[i]
            let start = i
            let kind: Kind
            if isDigit(s) {
                var text = ""
                while i < scalars.count {
                    let c = scalars[i]
                    if isDigit(c) { text.unicodeScalars.append(c); i += 1; continue }
                    if (c == "," || c == ".") && i + 1 < scalars.count && isDigit(scalars[i + 1]) {
                        text.unicodeScalars.append(c); i += 1; continue
                    }
                    break
                }
                // "10:30" is a time of day, not two numbers.
                if i + 1 < scalars.count, scalars[i] == ":", isDigit(scalars[i + 1]) {
                    while i < scalars.count, isDigit(scalars[i]) || scalars[i] == ":" { i += 1 }
                    kind = .time
                } else {
                    kind = .number(text)
                }
            } else if isLetter(s) {
                var text = ""
                while i < scalars.count, isLetter(scalars[i]) || (scalars[i] == "'" && i + 1 < scalars.count && isLetter(scalars[i + 1])) {
                    text += String(scalars[i]).lowercased()
                    i += 1
                }
                kind = .word(text)
            } else if s == "\u{1b}" {
                // A terminal's escape sequence ("ESC [31m") says nothing: its letters are no words, its digits no figures.
                i += 1
                if i < scalars.count, scalars[i] == "]" {
                    // An operating system command (a title, the clipboard) runs to BEL, or to the next ESC.
                    while i < scalars.count, scalars[i] != "\u{07}", scalars[i] != "\u{1b}" { i += 1 }
                    if i < scalars.count, scalars[i] == "\u{07}" { i += 1 }
                } else {
                    if i < scalars.count, scalars[i] == "[" {
                        i += 1
                        while i < scalars.count, (0x20...0x3F).contains(scalars[i].value) { i += 1 }
                    }
                    if i < scalars.count, (0x40...0x7E).contains(scalars[i].value) { i += 1 }
                }
                kind = .stop
            } else if let code = Self.symbols[s] {
                i += 1
                kind = .symbol(code)
            } else if s == "-" || s == "–" || s == "—" || s == "−" {
                i += 1
                kind = .dash
            } else if s == "%" {
                i += 1
                kind = .percent
            } else if s == " " || s == "~" || s == "'" || s == "\u{A0}" || s == "\u{202F}" {
                i += 1
                continue
            } else {
                i += 1
                kind = .stop
            }
            tokens.append(Token(kind: kind, start: start, end: i, attached: start == lastEnd))
            lastEnd = i
        }
    }

    /// A whole number said in words from token `i` ("thirty-two", "a hundred and eighty-five", "one eighty-five"),
    /// with the index after it; "and a half" is read by the caller.
    func wordNumber(at start: Int) -> (Int64, Int)? {
        var i = start
        var current: Int64 = 0
        var seen = false
        enum Last { case none, unit, teen, tens, hundred }
        var last = Last.none
        while i < tokens.count, let w = word(i) {
            if w == "a" && !seen, word(i + 1) == "hundred" {
                current = 1; seen = true; last = .unit; i += 1; continue
            }
            if let u = Self.units[w] {
                if last == .tens && u >= 1 && u <= 9 && current % 10 == 0 {
                    current += u; last = .unit; i += 1; continue     // "thirty five"
                }
                if last == .unit && current >= 1 && current <= 9 && u >= 10 && colloquialHundreds {
                    current = current * 100 + u; last = .teen; i += 1; continue     // "two twelve"
                }
                guard last == .none || last == .hundred else { break }
                current += u; seen = true; last = u < 10 ? .unit : .teen; i += 1
                continue
            }
            if let t = Self.tens[w] {
                if last == .unit && current >= 1 && current <= 9 {
                    guard colloquialHundreds else { break }
                    current = current * 100 + t    // "one eighty"
                } else {
                    guard last == .none || last == .hundred else { break }
                    current += t
                }
                seen = true; last = .tens; i += 1
                // "thirty-two": the hyphen joins, it is no range.
                if i + 1 < tokens.count, tokens[i].kind == .dash, let u = word(i + 1).flatMap({ Self.units[$0] }), u >= 1, u <= 9 {
                    current += u; last = .unit; i += 2
                }
                continue
            }
            if w == "hundred" && seen && (last == .unit || last == .teen) && current < 100 {
                current *= 100; last = .hundred; i += 1; continue
            }
            if w == "and" && last == .hundred, let next = word(i + 1), Self.units[next] != nil || Self.tens[next] != nil {
                i += 1; continue
            }
            break
        }
        return seen ? (current, i) : nil
    }

    /// "one eighty-five" is 185 thousand where the conversation is in the hundreds of thousands.
    var colloquialHundreds: Bool { (around ?? 0) >= 10_000_000 }

    /// The number at `i`: digits or words, then "and a half" or "point five".
    func number(at i: Int) -> (SpokenQuantity, Int)? {
        guard i < tokens.count else { return nil }
        var value: SpokenQuantity
        var next: Int
        if case .number(let text) = tokens[i].kind {
            let plain = Money.plainDigits(text, pointsGroup: currency == "EUR")
            let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                  parts[0].count <= 18, (parts.count == 1 || parts[1].count <= 6),
                  let mantissa = Int64(parts.joined()) else { return nil }
            value = SpokenQuantity(mantissa: mantissa, decimals: parts.count == 2 ? parts[1].count : 0)
            next = i + 1
        } else if let (n, after) = wordNumber(at: i) {
            value = .whole(n)
            next = after
            // "one point two": a decimal said digit by digit.
            if word(next) == "point" {
                var digits = "", j = next + 1
                while let w = word(j), let u = Self.units[w], u < 10, digits.count < 6 { digits += String(u); j += 1 }
                if !digits.isEmpty, let m = Int64(String(n) + digits) {
                    value = SpokenQuantity(mantissa: m, decimals: digits.count)
                    next = j
                }
            }
        } else {
            return nil
        }
        // "thirty-two and a half", "thirty and a quarter".
        if word(next) == "and", word(next + 1) == "a", let part = word(next + 2), part == "half" || part == "quarter" {
            let fraction = SpokenQuantity(mantissa: part == "half" ? 5 : 25, decimals: part == "half" ? 1 : 2)
            if let sum = value.adding(fraction) { value = sum; next += 3 }
        }
        return (value, next)
    }

    /// An amount at `i`, with its currency and scale as said; nil when none starts there.
    func amount(at start: Int) -> Raw? {
        var i = start
        var currency: String?
        // "the mid-thirties", "low 180s".
        var part: (Int64, Int64)?
        if let w = word(i), let p = Self.partOfDecade[w] {
            var j = i + 1
            if j < tokens.count, tokens[j].kind == .dash { j += 1 }
            if let d = word(j), Self.decades[d] != nil { part = p; i = j }
            else if j < tokens.count, case .number = tokens[j].kind, word(j + 1) == "s", tokens[j + 1].attached { part = p; i = j }
            else { return nil }
        }
        if i < tokens.count, case .symbol(let code) = tokens[i].kind { currency = code; i += 1 }
        else if let w = word(i), Self.codes.contains(w), i + 1 < tokens.count, case .number = tokens[i + 1].kind {
            currency = w.uppercased(); i += 1
        }
        // A decade: "thirties", "180s", "30s".
        if let d = word(i).flatMap({ Self.decades[$0] }) {
            let (lo, hi) = part ?? (0, 9)
            return Raw(value: .whole(d), scale: nil, currency: currency, decade: (d + lo, d + hi), start: tokens[start].start,
                       end: tokens[i].end)
        }
        if i < tokens.count, case .number(let text) = tokens[i].kind, word(i + 1) == "s", tokens[i + 1].attached,
           let d = Int64(text), d % 10 == 0, d >= 10, d < 1000 {
            let (lo, hi) = part ?? (0, 9)
            return Raw(value: .whole(d), scale: nil, currency: currency, decade: (d + lo, d + hi), start: tokens[start].start,
                       end: tokens[i + 1].end)
        }
        guard part == nil, var (value, next) = number(at: i) else { return nil }
        var scale: Int64?
        while let w = word(next), let factor = Self.scales[w] {
            let (product, overflow) = (scale ?? 1).multipliedReportingOverflow(by: factor)
            guard !overflow else { return nil }
            scale = product
            next += 1
        }
        // "thirty thousand five hundred": what follows a scale, when smaller than it, adds to it.
        if let s = scale, s >= 1000, case .word = tokens[i].kind, let (rest, after) = wordNumber(at: next), rest < s, rest >= 100,
           let whole = value.multiplied(by: s), let sum = whole.adding(.whole(rest)) {
            value = sum; scale = 1; next = after
            // "thirty thousand five hundred thousand" is no way to say a figure.
            if let w = word(next), Self.scales[w] != nil { return nil }
        }
        if currency == nil, let w = word(next) {
            if Self.codes.contains(w) { currency = w.uppercased(); next += 1 }
            else if let named = currencyWord(w) { currency = named; next += 1 }
        }
        return Raw(value: value, scale: scale, currency: currency, decade: nil, start: tokens[start].start, end: tokens[next - 1].end)
    }

    /// "dollars", "pounds", "quid", "euros", "rupees": the currency they name (a dollar of the conversation's kind, if it is one).
    func currencyWord(_ w: String) -> String? {
        switch w {
        case "dollar", "dollars", "bucks": ["USD", "CAD", "AUD", "NZD", "SGD", "HKD"].contains(currency) ? currency : "USD"
        case "pound", "pounds", "quid", "sterling": "GBP"
        case "euro", "euros": "EUR"
        case "rupee", "rupees": "INR"
        default: nil
        }
    }

    /// Whether the token after `i` says the number counts days, hours, percent, people…
    func countsSomethingElse(after end: Int) -> Bool {
        guard let token = tokens.firstIndex(where: { $0.start >= end }) else { return false }
        if tokens[token].kind == .percent || tokens[token].kind == .time { return true }
        if let w = word(token) {
            if Self.notMoney.contains(w) { return true }
            if w == "per", word(token + 1) == "cent" { return true }
        }
        return false
    }

    /// Whether a figure ending at `end` is pay by the hour, day, week or month ("$45 an hour"), not a year's.
    func isShortPeriod(after end: Int) -> Bool {
        guard let token = tokens.firstIndex(where: { $0.start >= end }) else { return false }
        guard let w = word(token) else { return false }
        if Self.shortPeriods.contains(w) { return true }
        return ["a", "an", "per", "each", "every"].contains(w) && word(token + 1).map(Self.shortPeriods.contains) == true
    }

    /// The figure `raw` stands for, in minor units, or nil when it is no figure of pay.
    func minorUnits(_ raw: Raw, scale: Int64?, marked: Bool) -> Int64? {
        var value = raw.value
        if let s = scale {
            guard let scaled = value.multiplied(by: s) else { return nil }
            value = scaled
        } else if value.units < 1000 {
            // A bare "thirty" or "185" is in thousands; "five" or "2" is no salary.
            guard value.units >= 10, let thousands = value.multiplied(by: 1000) else { return nil }
            value = thousands
        }
        guard let minor = value.minorUnits, minor > 0 else { return nil }
        if !marked {
            // Said with nothing to make it money: only near the conversation's scale.
            let (low, high): (Int64, Int64) = around.map { ($0 / 4, $0.multipliedReportingOverflow(by: 4).overflow ? .max : $0 * 4) }
                ?? (1_000_000, 1_000_000_000)
            guard minor >= low, minor <= high else { return nil }
        }
        return minor
    }

    func isMarked(_ raw: Raw, scale: Int64?) -> Bool { scale != nil || raw.currency != nil || raw.decade != nil }

    /// Whether the number starting at token `i` follows a word that makes it a time or a day ("at 10", "by the 14"):
    /// up to 31, as days and hours are ("at 35" is a figure).
    func followsTimeWord(_ i: Int, _ raw: Raw) -> Bool {
        guard raw.value.units <= 31 else { return false }
        var j = i - 1
        if word(j) == "the" { j -= 1 }
        return word(j).map(Self.beforeTime.contains) ?? false
    }

    func text(_ start: Int, _ end: Int) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[start..<end])
        return String(s)
    }

    // MARK: Figures

    mutating func figures() -> [SpokenFigure] {
        tokenize()
        var found: [SpokenFigure] = []
        var i = 0
        while i < tokens.count {
            if let w = word(i), Self.negatives.contains(w) {
                // "minus thirty thousand": pay is never below zero; the amount is skipped, not read as positive.
                if let raw = amount(at: i + 1) { i = tokenIndex(after: raw.end) } else { i += 1 }
                continue
            }
            if tokens[i].kind == .dash, i + 1 < tokens.count, tokens[i + 1].attached, let raw = amount(at: i + 1) {
                // "-30k": a minus sign, not a range's dash (no amount before it): skipped like "minus".
                i = tokenIndex(after: raw.end)
                continue
            }
            guard let first = amount(at: i) else { i += 1; continue }
            var end = first.end
            var next = tokenIndex(after: first.end)
            var second: Raw?
            // A range: "33-36k", "33 to 36 thousand", "between 180 and 190k", "30 or 35k".
            if next < tokens.count, first.decade == nil {
                let connector: Bool
                switch tokens[next].kind {
                case .dash: connector = true
                case .word(let w): connector = w == "to" || w == "or" || (w == "and" && word(i - 1) == "between")
                default: connector = false
                }
                if connector, let other = amount(at: next + 1), other.decade == nil { second = other }
            }
            if let second {
                if let figure = range(first, second) {
                    found.append(figure)
                    end = second.end
                    i = tokenIndex(after: end)
                    continue
                }
            }
            next = tokenIndex(after: end)
            if let figure = single(first, at: i) { found.append(figure) }
            i = max(next, i + 1)
        }
        return found
    }

    func tokenIndex(after end: Int) -> Int { tokens.firstIndex(where: { $0.start >= end }) ?? tokens.count }

    func single(_ raw: Raw, at i: Int) -> SpokenFigure? {
        let code = raw.currency ?? currency
        if let (lo, hi) = raw.decade {
            // A decade is of thousands (under 1,000 of them, so the minor units fit).
            return SpokenFigure(low: Money(minorUnits: lo * 100_000, currency: code), high: Money(minorUnits: hi * 100_000, currency: code),
                                isRange: true, said: text(raw.start, raw.end))
        }
        let marked = isMarked(raw, scale: raw.scale)
        if !marked && (countsSomethingElse(after: raw.end) || followsTimeWord(i, raw)) { return nil }
        if isShortPeriod(after: raw.end) { return nil }
        guard let minor = minorUnits(raw, scale: raw.scale, marked: marked) else { return nil }
        let money = Money(minorUnits: minor, currency: code)
        return SpokenFigure(low: money, high: money, isRange: false, said: text(raw.start, raw.end))
    }

    /// Two ends said as one range: the scale and currency said once ("33-36k", "$180 to 190k") hold for both.
    func range(_ first: Raw, _ second: Raw) -> SpokenFigure? {
        let code = first.currency ?? second.currency ?? currency
        if let a = first.currency, let b = second.currency, a != b { return nil }
        // "1.2 to 1.5 million", "33-36k": the low end takes the scale said at the high end ("180,000 to 195k" needs none).
        let firstScale = first.scale ?? (first.value.units < 1000 ? second.scale : nil)
        let marked = isMarked(first, scale: firstScale) || isMarked(second, scale: second.scale)
        if !marked && countsSomethingElse(after: second.end) { return nil }
        if isShortPeriod(after: second.end) { return nil }
        guard let low = minorUnits(first, scale: firstScale, marked: marked),
              let high = minorUnits(second, scale: second.scale, marked: marked) else { return nil }
        let (a, b) = low <= high ? (low, high) : (high, low)
        return SpokenFigure(low: Money(minorUnits: a, currency: code), high: Money(minorUnits: b, currency: code), isRange: a != b,
                            said: text(first.start, second.end))
    }
}
