/// Dates as people say them: "friday", "friday next week", "in a fortnight",
/// "end of the month", "the 15th", "we'll decide by Friday", as well as the
/// written dates `DateParsing` reads. Every flag that takes a day and
/// `cadence.date` in Lua read through here, so a phrase means the same
/// everywhere. What it cannot read is an error with the reason, and a
/// near-miss word is named ("next monthh": did you mean 'month'?).
///
/// Conventions (the README lists them with examples):
/// - a bare weekday is the coming one (after today); where the day is of
///   something that happened (`lean: .past`) it is the last one (today included);
/// - "next friday" is the first Friday after today, "friday next week" the
///   Friday of next week (weeks start on the region's first day, else
///   Monday), "last friday" the one before today; where "next friday" and
///   "friday next week" differ, the reading notes which it took;
/// - "next month" is the same day a month on (the 31st becomes the month's last day);
/// - "the 15th", "15 December" and "12/15" without a year are the next such
///   day (the last one, leaning to the past);
/// - a numeric date is read in the order given; with none, one whose first
///   two numbers could each be the month is refused with both readings;
/// - a weekday written with a date ("thu 3 dec") must be that date's.
public enum DatePhrase {
    public enum Lean: Sendable { case future, past }

    /// A date found inside a sentence, and the words that gave it.
    public struct Found: Equatable, Sendable {
        public var date: LocalDate
        public var words: String
        /// Which day was taken where the words could mean another ("next friday: took …").
        public var notes: [String] = []
    }

    /// The day `text` names, the whole text being one date phrase (small
    /// words such as "on" or "by" before it are fine).
    /// (A person's dates are read through `DateReading`, which knows their
    /// order and week; this is the phrase alone.)
    public static func date(_ text: String, from today: LocalDate, lean: Lean = .future,
                            order: DateParsing.Order? = .dayFirst, weekStart: Weekday = .monday,
                            field: String = "date") throws -> LocalDate {
        try refuseNegativeCount(text, field: field)
        var reader = Reader(text, today: today, lean: lean, order: order, weekStart: weekStart, field: field, strict: true)
        return try reader.whole(text)
    }

    /// "in -5 days" is no date: the sign would be dropped with the other
    /// punctuation and the day land in the future. A minus before a number
    /// that is not inside a written date (2026-12-03) is refused, saying how.
    static func refuseNegativeCount(_ text: String, field: String) throws {
        let characters = Array(text)
        for (i, ch) in characters.enumerated() where ch == "-" || ch == "\u{2212}" {
            let before = i > 0 ? characters[i - 1] : " "
            let after = i + 1 < characters.count ? characters[i + 1] : " "
            if after.isNumber, !before.isNumber, !before.isLetter {
                throw DomainError.invalid(field: field, "'\(TerminalText.line(text))': a count below zero is no date "
                    + "(say '5 days ago', or 'in 5 days')")
            }
        }
    }

    /// The first date phrase in `sentence` ("call me in two weeks" gives the
    /// day two weeks on), or nil when it names none. A phrase that names a
    /// day beyond the range Cadence keeps is an error, not nil.
    public static func find(in sentence: String, from today: LocalDate, order: DateParsing.Order? = .dayFirst,
                            weekStart: Weekday = .monday, field: String = "next") throws -> Found? {
        var reader = Reader(sentence, today: today, lean: .future, order: order, weekStart: weekStart, field: field, strict: false)
        for start in reader.tokens.indices {
            if let (day, end) = try reader.expression(at: start) {
                return Found(date: day, words: reader.tokens[start..<end].map(\.text).joined(separator: " "), notes: reader.notes)
            }
        }
        return nil
    }

    /// Why `sentence` gives no date, for a warning: a near-miss word if there is one.
    public static func whyNoDate(in sentence: String) -> String {
        let reader = Reader(sentence, today: LocalDate.earliest, lean: .future, order: .dayFirst, weekStart: .monday, field: "", strict: false)
        return reader.whyNot(sentence)
    }

    static let leadingWords: Set<String> = ["on", "by", "at", "before", "until", "till", "til", "around", "about",
                                            "for", "from", "due", "no", "later", "than", "starting"]
}

// MARK: - Words

extension DatePhrase {
    static let weekdays: [String: Weekday] = {
        var names: [String: Weekday] = [:]
        for day in Weekday.allCases {
            let name = day.name.lowercased()
            names[name] = day
            names[String(name.prefix(3))] = day
        }
        names["tues"] = .tuesday
        names["weds"] = .wednesday
        names["thur"] = .thursday
        names["thurs"] = .thursday
        return names
    }()

    public static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august",
                             "september", "october", "november", "december"]

    static let months: [String: Int] = {
        var names: [String: Int] = [:]
        for (i, name) in monthNames.enumerated() {
            names[name] = i + 1
            names[String(name.prefix(3))] = i + 1
        }
        names["sept"] = 9
        return names
    }()

    /// "the third", "twenty-first" (read as two words, "twenty" and "first").
    static let ordinalWords: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
        "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    ]

    static let counts: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "couple": 2, "few": 3,
    ]

    enum Unit { case day, workingDay, week, fortnight, month, year }

    static let units: [String: Unit] = [
        "day": .day, "days": .day, "week": .week, "weeks": .week, "wk": .week, "wks": .week,
        "fortnight": .fortnight, "fortnights": .fortnight, "month": .month, "months": .month,
        "year": .year, "years": .year,
    ]

    /// Words a date phrase is made of, for near-miss suggestions.
    static let vocabulary: [String] = {
        let own = ["today", "tomorrow", "yesterday", "tonight", "next", "last", "week", "weeks", "month", "months",
                   "year", "years", "fortnight", "days", "business", "working", "end", "beginning", "start"]
        return own + Weekday.allCases.map { $0.name.lowercased() } + monthNames
    }()
}

// MARK: - Reading

extension DatePhrase {
    enum Token: Equatable {
        case word(String)
        case number(Int?, String)       // nil: too large to hold
        case ordinal(Int)               // "15th"
        case written(String)            // "2026-12-15", "03/05/2026", "2.3.2026"

        var text: String {
            switch self {
            case .word(let w): w
            case .number(_, let t): t
            case .ordinal(let n): "\(n)th"
            case .written(let t): t
            }
        }
    }

    struct Reader {
        let tokens: [Token]
        let today: LocalDate
        let lean: Lean
        let order: DateParsing.Order?
        let weekStart: Weekday
        let field: String
        /// A whole flag value, where abbreviations and bare ordinals are safe to read.
        let strict: Bool
        /// Which day was taken where the words could mean another ("next friday").
        var notes: [String] = []

        init(_ text: String, today: LocalDate, lean: Lean, order: DateParsing.Order?, weekStart: Weekday, field: String, strict: Bool) {
            self.tokens = Reader.tokenize(text)
            self.today = today
            self.lean = lean
            self.order = order
            self.weekStart = weekStart
            self.field = field
            self.strict = strict
        }

        /// The day the whole of `text` names (small words such as "on" before it are fine).
        mutating func whole(_ text: String) throws -> LocalDate {
            var start = 0
            while start < tokens.count, case .word(let w) = tokens[start], leadingWords.contains(w) { start += 1 }
            if start < tokens.count, let (day, end) = try expression(at: start), end == tokens.count {
                return day
            }
            throw DomainError.invalid(field: field, whyNot(text))
        }

        static func tokenize(_ text: String) -> [Token] {
            var tokens: [Token] = []
            var current = ""
            func flush() {
                defer { current = "" }
                guard !current.isEmpty else { return }
                let trimmed = String(current.reversed().drop(while: { ".-/'’".contains($0) }).reversed())
                guard !trimmed.isEmpty else { return }
                if trimmed.allSatisfy(\.isNumber) {
                    tokens.append(.number(Int(trimmed), trimmed))
                } else if trimmed.first!.isNumber, trimmed.contains(where: { "-/.".contains($0) }),
                          trimmed.allSatisfy({ $0.isNumber || "-/.".contains($0) }) {
                    tokens.append(.written(trimmed))
                } else if let suffix = ["st", "nd", "rd", "th"].first(where: { trimmed.hasSuffix($0) }),
                          let n = Int(trimmed.dropLast(suffix.count)) {
                    tokens.append(.ordinal(n))
                } else {
                    tokens.append(.word(trimmed.replacingAll("’", with: "'")))
                }
            }
            for ch in text.lowercased() {
                if ch.isLetter || ch.isNumber || ch == "'" || ch == "’" {
                    current.append(ch)
                } else if "-/.".contains(ch), current.first?.isNumber == true {
                    current.append(ch)
                } else if ch == "-", !current.isEmpty {
                    flush()     // "mid-december", "end-of-month"
                } else {
                    flush()
                }
            }
            flush()
            return tokens
        }

        func word(_ i: Int) -> String? {
            guard i < tokens.count, case .word(let w) = tokens[i] else { return nil }
            return w
        }

        func isWord(_ i: Int, _ options: String...) -> Bool { word(i).map(options.contains) ?? false }

        /// Skips "the" (and "of") where a phrase may have it.
        func skip(_ i: Int, _ words: String...) -> Int {
            var i = i
            while let w = word(i), words.contains(w) { i += 1 }
            return i
        }

        // MARK: The grammar

        /// A date phrase starting at token `i`: the day and where it ends.
        mutating func expression(at i: Int) throws -> (LocalDate, Int)? {
            if let found = try dated(at: i) ?? written(at: i) ?? named(at: i) ?? weekday(at: i) ?? amount(at: i)
                ?? edge(at: i) ?? relativeUnit(at: i) ?? dayOfMonth(at: i) {
                return try (checked(found.0, i, found.1), found.1)
            }
            return nil
        }

        /// A weekday with its date, "thu 3 dec", "Thursday, December 3rd
        /// 2026", "fri 12/4": the date decides, and the weekday must be its.
        func dated(at i: Int) throws -> (LocalDate, Int)? {
            let j = skip(i, "on")
            guard let named = weekdayName(j) else { return nil }
            let k = skip(j + 1, "the")
            guard let (day, end) = try written(at: k) ?? dayOfMonth(at: k, explicit: true) else { return nil }
            guard day.weekday == named else {
                let words = tokens[i..<end].map(\.text).joined(separator: " ")
                throw DomainError.invalid(field: field, "'\(words)': \(day.spoken) is a \(day.weekday.name), not a \(named.name)")
            }
            return (day, end)
        }

        func checked(_ day: LocalDate, _ start: Int, _ end: Int) throws -> LocalDate {
            guard LocalDate.supported.contains(day) else {
                throw DomainError.invalid(field: field, LocalDate.outOfRange(tokens[start..<end].map(\.text).joined(separator: " ")))
            }
            return day
        }

        /// 2026-12-15, 15/12/2026, 2.3.2026.
        /// 12/3 and 3.12 without a year: the next such day (the last, leaning to the past).
        func written(at i: Int) throws -> (LocalDate, Int)? {
            guard i < tokens.count, case .written(let text) = tokens[i] else { return nil }
            let parts = text.split(whereSeparator: { "/.".contains($0) })
            if parts.count == 2, !text.contains("-"), parts.allSatisfy({ $0.count <= 2 }),
               let a = Int(parts[0]), let b = Int(parts[1]) {
                // In a sentence, "50/50" or "24/7" is no date: only a day and a month that exist are read.
                if !strict, !(1...12).contains(min(a, b)) || max(a, b) > 31 { return nil }
                func day(_ month: Int, _ day: Int) throws -> LocalDate {
                    guard (1...12).contains(month) else { throw DomainError.invalid(field: field, "'\(text)': there is no month \(month)") }
                    guard (1...31).contains(day) else { throw DomainError.invalid(field: field, "'\(text)': there is no day \(day)") }
                    return try nearest(month: month, day: day)
                }
                switch DateParsing.settled(a, b, order) {
                case .dayFirst?: return (try day(b, a), i + 1)
                case .monthFirst?: return (try day(a, b), i + 1)
                case nil: throw DomainError.invalid(field: field, DateParsing.ambiguity(text, try day(b, a), try day(a, b)))
                }
            }
            return (try DateParsing.date(text, reading: order, field: field), i + 1)
        }

        func named(at i: Int) -> (LocalDate, Int)? {
            switch word(i) {
            case "today", "tonight": return (today, i + 1)
            case "tomorrow", "tmrw", "tmr": return (today.adding(days: 1), i + 1)
            case "yesterday": return (today.adding(days: -1), i + 1)
            case "day", "the":
                let j = skip(i, "the")
                if isWord(j, "day"), isWord(j + 1, "after"), isWord(j + 2, "tomorrow") { return (today.adding(days: 2), j + 3) }
                if isWord(j, "day"), isWord(j + 1, "before"), isWord(j + 2, "yesterday") { return (today.adding(days: -2), j + 3) }
                return nil
            default: return nil
            }
        }

        /// The first day of the week `day` is in (`weekStart`: Monday, or Sunday in the US).
        func weekBeginning(of day: LocalDate) -> LocalDate {
            day.adding(days: -((day.weekday.rawValue - weekStart.rawValue + 7) % 7))
        }

        /// `weekday` in the week that begins on `start`.
        func day(_ weekday: Weekday, inWeekFrom start: LocalDate) -> LocalDate {
            start.adding(days: (weekday.rawValue - weekStart.rawValue + 7) % 7)
        }

        func coming(_ weekday: Weekday, includingToday: Bool) -> LocalDate {
            var day = includingToday ? today : today.adding(days: 1)
            while day.weekday != weekday { day = day.adding(days: 1) }
            return day
        }

        func previous(_ weekday: Weekday, includingToday: Bool) -> LocalDate {
            var day = includingToday ? today : today.adding(days: -1)
            while day.weekday != weekday { day = day.adding(days: -1) }
            return day
        }

        func weekdayName(_ i: Int) -> Weekday? {
            guard let w = word(i), let day = weekdays[w] else { return nil }
            // "sat", "sun", "wed" are words too: abbreviations only in a flag's own value.
            return w.count > 4 || strict || w == "tues" || w == "thurs" ? day : nil
        }

        /// "friday", "next friday", "last friday", "this friday", "friday next
        /// week", "friday week", "the friday after next", "next week friday".
        mutating func weekday(at i: Int) -> (LocalDate, Int)? {
            var j = skip(i, "the")
            var modifier: String?
            if let w = word(j), ["next", "last", "this", "coming", "past", "previous"].contains(w) {
                if (w == "next" || w == "last" || w == "this"), isWord(j + 1, "week"), let day = weekdayName(j + 2) {
                    // "next week friday"
                    return (self.day(day, inWeekFrom: weekOffset(w, start: weekBeginning(of: today))), j + 3)
                }
                modifier = w
                j += 1
            }
            guard let day = weekdayName(j) else { return nil }
            j += 1
            var date: LocalDate
            switch modifier {
            case "next": date = coming(day, includingToday: false)
            case "this", "coming": date = coming(day, includingToday: true)
            case "last", "past", "previous": date = previous(day, includingToday: false)
            default: date = lean == .future ? coming(day, includingToday: false) : previous(day, includingToday: true)
            }
            if modifier == nil {
                if let w = word(j), ["next", "last", "this"].contains(w), isWord(j + 1, "week") {
                    return (self.day(day, inWeekFrom: weekOffset(w, start: weekBeginning(of: today))), j + 2)
                }
                if isWord(j, "week") { return (coming(day, includingToday: false).adding(days: 7), j + 1) }    // "friday week"
                if isWord(j, "after"), isWord(j + 1, "next") { return (coming(day, includingToday: false).adding(days: 7), j + 2) }
            }
            if modifier == "next" {
                // The first one after today, or the one of next week? Say which was taken, and how to say the other.
                let other = self.day(day, inWeekFrom: weekOffset("next", start: weekBeginning(of: today)))
                if other != date {
                    let name = day.name.lowercased()
                    notes.append("next \(name): took \(date.spoken); for \(other.spoken) say '\(name) next week'")
                }
            }
            return (date, j)
        }

        func weekOffset(_ word: String, start: LocalDate) -> LocalDate {
            switch word {
            case "next": start.adding(days: 7)
            case "last": start.adding(days: -7)
            default: start
            }
        }

        /// A count: 3, "three", "a", "a couple of", "a few".
        func count(at i: Int) throws -> (Int, Int)? {
            guard i < tokens.count else { return nil }
            if case .number(let n, let text) = tokens[i] {
                guard let n else { throw DomainError.invalid(field: field, LocalDate.outOfRange("\(text) of anything")) }
                return (n, i + 1)
            }
            guard let w = word(i) else { return nil }
            if (w == "a" || w == "an"), let w2 = word(i + 1), ["couple", "few"].contains(w2) {
                return (counts[w2]!, skip(i + 2, "of"))
            }
            if w == "half", isWord(i + 1, "a", "an") { return nil }
            guard let n = counts[w] else { return nil }
            return (n, w == "couple" || w == "few" ? skip(i + 1, "of") : i + 1)
        }

        /// "in 10 days", "2 weeks", "a fortnight", "three business days",
        /// "10 days ago", "in 2 weeks' time", "a week from today".
        func amount(at i: Int) throws -> (LocalDate, Int)? {
            var j = i
            let within = isWord(j, "in", "within", "after")
            if within { j += 1 }
            guard let (n, afterCount) = try count(at: j) else { return nil }
            j = afterCount
            var unit: Unit
            if isWord(j, "business", "working", "work"), isWord(j + 1, "day", "days") {
                unit = .workingDay
                j += 2
            } else if let w = word(j), let u = units[w] {
                unit = u
                j += 1
            } else {
                return nil
            }
            var sign = 1, from = today
            if !within, isWord(j, "ago") {
                sign = -1
                j += 1
            } else if isWord(j, "time") {
                j += 1
            } else if isWord(j, "from"), isWord(j + 1, "now", "today") {
                j += 2
            } else if !within, isWord(j, "from", "after", "on", "before"),
                      let (base, end) = try dated(at: j + 1) ?? written(at: j + 1) ?? named(at: j + 1)
                        ?? plainWeekday(at: j + 1) ?? dayOfMonth(at: j + 1, explicit: true) {
                // "a week from friday", "two days after tomorrow", "3 days before the 15th"
                if isWord(j, "before") { sign = -1 }
                from = base
                j = end
            } else if isWord(j, "later") {
                j += 1
            }
            // A bound before any arithmetic: nothing Cadence keeps is over 400 years from anything.
            let limit = [Unit.day: 150_000, .workingDay: 110_000, .week: 22_000, .fortnight: 11_000, .month: 5_000, .year: 400][unit]!
            guard n <= limit else {
                throw DomainError.invalid(field: field, LocalDate.outOfRange(tokens[i..<j].map(\.text).joined(separator: " ")))
            }
            return (step(from, unit, sign * n), j)
        }

        /// A weekday alone or with this/next ("friday", "next friday"), as a day to count from.
        func plainWeekday(at i: Int) -> (LocalDate, Int)? {
            var j = i, modifier: String?
            if isWord(j, "next", "this") {
                modifier = word(j)
                j += 1
            }
            guard let day = weekdayName(j) else { return nil }
            switch modifier {
            case "this": return (coming(day, includingToday: true), j + 1)
            case nil where lean == .past: return (previous(day, includingToday: true), j + 1)
            default: return (coming(day, includingToday: false), j + 1)
            }
        }

        func step(_ day: LocalDate, _ unit: Unit, _ n: Int) -> LocalDate {
            switch unit {
            case .day: return day.adding(days: n)
            case .week: return day.adding(days: 7 * n)
            case .fortnight: return day.adding(days: 14 * n)
            case .month: return day.adding(months: n)
            case .year: return day.adding(months: 12 * n)
            case .workingDay:
                var d = day, left = abs(n)
                while left > 0 {
                    d = d.adding(days: n > 0 ? 1 : -1)
                    if !d.weekday.isWeekend { left -= 1 }
                }
                return d
            }
        }

        /// "next week", "next month", "last month", "next year".
        func relativeUnit(at i: Int) -> (LocalDate, Int)? {
            guard let w = word(i), ["next", "last"].contains(w), let u = word(i + 1).flatMap({ units[$0] }),
                  u != .workingDay, !(word(i + 1)!.hasSuffix("s")) else { return nil }
            return (step(today, u, w == "next" ? 1 : -1), i + 2)
        }

        /// "end of the month", "end of next week", "the end of the year",
        /// "beginning of next month", "start of next week", "eom".
        func edge(at i: Int) -> (LocalDate, Int)? {
            var j = skip(i, "the", "by")
            if isWord(j, "eom") { return (lastOfMonth(today), j + 1) }
            if isWord(j, "eow") { return (day(.friday, inWeekFrom: weekBeginning(of: today)), j + 1) }
            guard let w = word(j), ["end", "beginning", "start", "close"].contains(w) else { return nil }
            let atEnd = w == "end" || w == "close"
            j = skip(j + 1, "of", "the")
            var shift = 0
            if let w = word(j), ["next", "this", "last", "coming"].contains(w) {
                shift = w == "next" ? 1 : w == "last" ? -1 : 0
                j += 1
            }
            guard let u = word(j).flatMap({ units[$0] }), [.week, .month, .year].contains(u), !(word(j)!.hasSuffix("s")) else {
                return nil
            }
            switch u {
            case .week:
                // The working week: it ends on Friday and starts on Monday, whichever day the calendar's week starts on.
                let start = weekBeginning(of: today).adding(days: 7 * shift)
                return (day(atEnd ? .friday : .monday, inWeekFrom: start), j + 1)
            case .month:
                let first = today.adding(months: shift).firstOfMonth
                return (atEnd ? lastOfMonth(first) : first, j + 1)
            default:
                let year = today.year + shift
                return (atEnd ? LocalDate(unchecked: year, 12, 31) : LocalDate(unchecked: year, 1, 1), j + 1)
            }
        }

        func lastOfMonth(_ day: LocalDate) -> LocalDate {
            LocalDate(unchecked: day.year, day.month, LocalDate.daysIn(month: day.month, year: day.year))
        }

        /// "the 15th", "15th", "15 December", "December 15th, 2026", "the 15th
        /// of December", "the third", "December twenty-first", "in December"
        /// (its first day), "mid-December". `explicit`: only a day given as a
        /// day ("the 3rd", "3 Dec"), not a month alone.
        func dayOfMonth(at i: Int, explicit: Bool = false) throws -> (LocalDate, Int)? {
            var j = skip(i, "the")
            var midMonth = false, monthAlone = false
            if !explicit, isWord(j, "in", "early", "during") {
                monthAlone = true
                j += 1
            } else if !explicit, isWord(j, "mid", "middle") {
                midMonth = true
                j = skip(j + 1, "of")
            }
            var day: Int?, month: Int?, year: Int?
            if let m = word(j).flatMap({ months[$0] }), word(j)!.count >= 3 {
                // "december 15", "dec 15th, 2026", "december the third", "december"
                month = m
                j += 1
                if let (d, end) = dayNumber(at: skip(j, "the")) {
                    day = d
                    j = end
                }
            } else if let (d, end) = dayNumber(at: j) {
                // "15 december", "the 15th of december", "15th", "the third"
                let k = skip(end, "of")
                if let m = word(k).flatMap({ months[$0] }) {
                    day = d
                    month = m
                    j = k + 1
                } else if isOrdinal(j) {
                    day = d
                    j = end
                    // A bare ordinal in a sentence ("the 2nd round") is no date.
                    if !strict, let next = word(j), !["at", "or", "and", "then", "please", "when", "if", "so"].contains(next) {
                        return nil
                    }
                } else {
                    return nil
                }
            } else {
                return nil
            }
            if midMonth {
                guard day == nil, month != nil else { return nil }
                day = 15
            }
            // A month alone is a day only as "in December" (its first) or "mid-December".
            if day == nil {
                guard monthAlone else { return nil }
                day = 1
            }
            if j < tokens.count, case .number(let y?, let text) = tokens[j], text.count == 4 {
                year = y
                j += 1
            }
            let d = day!
            if let month {
                if let year { return (try LocalDate(year: year, month: month, day: d, field: field), j) }
                return (try nearest(month: month, day: d), j)
            }
            // The 15th: of this month or the next (or the last, leaning to the past).
            var first = today.firstOfMonth
            for _ in 0..<13 {
                if d <= LocalDate.daysIn(month: first.month, year: first.year) {
                    let candidate = LocalDate(unchecked: first.year, first.month, d)
                    if lean == .future ? candidate >= today : candidate <= today { return (candidate, j) }
                }
                first = first.adding(months: lean == .future ? 1 : -1)
            }
            throw DomainError.invalid(field: field, "no month has a day \(d)")
        }

        func isOrdinal(_ i: Int) -> Bool {
            guard i < tokens.count else { return false }
            if case .ordinal = tokens[i] { return true }
            return word(i).map { DatePhrase.ordinalWords[$0] != nil || $0 == "twenty" || $0 == "thirty" } ?? false
        }

        /// A day of a month at token `i` and where it ends: 15, 15th, "third", "twenty-first".
        func dayNumber(at i: Int) -> (Int, Int)? {
            guard i < tokens.count else { return nil }
            switch tokens[i] {
            case .ordinal(let n) where (1...31).contains(n): return (n, i + 1)
            case .number(let n?, let text) where text.count <= 2 && (1...31).contains(n): return (n, i + 1)
            case .word(let w):
                if let n = DatePhrase.ordinalWords[w] { return (n, i + 1) }
                // "twenty-first" is two words here; "twenty first" too.
                if let tens = ["twenty": 20, "thirty": 30][w], let unit = word(i + 1).flatMap({ DatePhrase.ordinalWords[$0] }),
                   unit < 10, tens + unit <= 31 {
                    return (tens + unit, i + 2)
                }
                return nil
            default: return nil
            }
        }

        /// The next `day` of `month` (the last one, leaning to the past, unless
        /// this year's is at most eight weeks ahead: "10.12." for an interview
        /// booked next week is this December's, not last year's).
        func nearest(month: Int, day: Int) throws -> LocalDate {
            if lean == .past, day <= LocalDate.daysIn(month: month, year: today.year) {
                let ahead = LocalDate(unchecked: today.year, month, day)
                if ahead > today, ahead <= today.adding(days: 56) { return ahead }
            }
            for offset in 0...8 {
                let year = lean == .future ? today.year + offset : today.year - offset
                guard day <= LocalDate.daysIn(month: month, year: year) else { continue }
                let candidate = LocalDate(unchecked: year, month, day)
                if lean == .future ? candidate >= today : candidate <= today { return candidate }
            }
            throw DomainError.invalid(field: field, "\(DatePhrase.monthNames[month - 1].capitalized) has no day \(day)")
        }

        // MARK: Errors

        func whyNot(_ text: String) -> String {
            let words = tokens.compactMap { if case .word(let w) = $0 { w } else { nil } }
            for w in words where w.count >= 4 && !DatePhrase.vocabulary.contains(w) && weekdays[w] == nil && months[w] == nil {
                if let near = NearMiss.nearest(to: w, among: DatePhrase.vocabulary) {
                    return "'\(text)' is not a date I can read: did you mean '\(near)' for '\(w)'?"
                }
            }
            if text.trimmingWhitespace().isEmpty { return "a date is needed (try 2026-03-02, 'friday' or 'in 2 weeks')" }
            return "'\(text)' is not a date I can read (try 2026-03-02, 'friday', 'next friday', 'in 2 weeks' or 'end of the month')"
        }
    }
}
