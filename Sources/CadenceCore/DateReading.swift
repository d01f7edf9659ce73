import Foundation

/// How one person's dates are read: from their today, in their order of
/// numeric dates, with their week's first day and their clock. Every flag,
/// `cadence.date` and the REPL read a date through one of these, made from
/// the candidate the date is for (`DateReading(candidate:)`), so 12/03/2026
/// is 3 December for someone in Austin and 12 March for someone in Leeds,
/// and is asked about where nothing decides (a Canadian, or no region).
///
///     let reading = DateReading(today: try LocalDate(iso: "2026-12-07"), order: .monthFirst, weekStart: .sunday)
///     try reading.day("12/18/2026", field: "due")        // 2026-12-18
///     try reading.day("next friday", field: "due")       // 2026-12-11, with a note on the other Friday
///     reading.notes                                      // ["next friday: took Fri 11 Dec 2026; for Fri 18 Dec 2026 say 'friday next week'"]
public struct DateReading: Sendable {
    public var today: LocalDate
    /// How 03/04/2026 is read; nil where no region decides: then it is refused with both readings.
    public var order: DateParsing.Order?
    /// The first day of "this week" and "next week".
    public var weekStart: Weekday
    /// The IANA zone a day's wall-clock time is in.
    public var timeZone: String
    /// The clock, for "now".
    public var now: Date
    /// What was taken where a phrase could mean two days, in the order read.
    private let taken = Notes()

    public init(today: LocalDate, order: DateParsing.Order?, weekStart: Weekday = .monday, timeZone: String = "UTC",
                now: Date = Date()) {
        self.today = today
        self.order = order
        self.weekStart = weekStart
        self.timeZone = timeZone
        self.now = now
    }

    /// The reading a region gives (none: numbers asked, weeks from Monday), today being `now`'s day in `timeZone`.
    public init(region: Region?, timeZone: String, now: Date = Date()) {
        self.init(today: LocalDate.today(in: timeZone, now: now), order: region?.dateOrder,
                  weekStart: region?.weekStart ?? .monday, timeZone: timeZone, now: now)
    }

    /// How `candidate` writes dates: their region's (chosen or inferred from the time zone), in their zone.
    public init(candidate: Candidate, now: Date = Date()) {
        self.init(region: candidate.effectiveRegion, timeZone: candidate.timeZone, now: now)
    }

    /// The same reading, counted from another day (a command run `--as-of`, a script's as-of day).
    public func asOf(_ day: LocalDate?) -> DateReading {
        guard let day else { return self }
        var copy = self     // its notes are this one's
        copy.today = day
        return copy
    }

    /// The notes of the phrases read so far that could have meant another
    /// day ("next friday: took …"), for the command to print beside its reply.
    public var notes: [String] { taken.list }

    /// The longest date text read: a date is a few words, and an error quoting more helps nobody.
    public static let longest = 100

    /// The day `text` names: a written date in this reading's order, or a
    /// phrase ("friday", "12/3", "a week from friday"). A time after it
    /// ("tuesday 10am") is allowed and left out: the field is a day.
    /// `lean: .past` is for the day of something that happened.
    public func day(_ text: String, lean: DatePhrase.Lean = .future, field: String = "date") throws -> LocalDate {
        try bounded(text, field: field)
        let (dayText, _) = try DateReading.splitTimeOfDay(text, field: field)
        return try phrase(dayText, lean: lean, field: field, whole: text)
    }

    /// A day and the hour said with it ("wednesday 10am" → Wed, "10:00"):
    /// a due day on which an hour was agreed keeps it, on the wall clock of
    /// the candidate's zone. The hour is nil when only the day was said.
    public func dayAndTime(_ text: String, lean: DatePhrase.Lean = .future, field: String = "date") throws -> (day: LocalDate, time: String?) {
        try bounded(text, field: field)
        let (dayText, clock) = try DateReading.splitTimeOfDay(text, field: field)
        let day = dayText.isEmpty && clock != nil ? today : try phrase(dayText, lean: lean, field: field, whole: text)
        return (day, clock.map { String(format: "%02d:%02d", $0.hour, $0.minute) })
    }

    /// When something happened or is booked, as typed: "now" (or nothing),
    /// a day ("last friday": noon that day), or a day and a time
    /// ("12/03/2026 2pm", "2026-12-03 14:00", "tuesday 10am", "thu 3 dec at
    /// 2:30pm", "tomorrow morning"), on the wall clock of `timeZone`. A
    /// bare weekday leans to the past unless `lean` says otherwise.
    public func moment(_ text: String?, lean: DatePhrase.Lean = .past, field: String = "at") throws -> Moment {
        guard let text, !["now", ""].contains(text.trimmingWhitespace().lowercased()) else { return Moment(instant: now, hasTime: true) }
        try bounded(text, field: field)
        let (dayText, clock) = try DateReading.splitTimeOfDay(text, field: field)
        let day = dayText.isEmpty ? today : try phrase(dayText, lean: lean, field: field, whole: text)
        guard let clock else { return Moment(instant: day.noon(in: timeZone), hasTime: false) }
        return Moment(instant: day.at(hour: clock.hour, minute: clock.minute, in: timeZone), hasTime: true)
    }

    /// An instant read from text, and whether the text gave its time (a day alone is kept at noon).
    public struct Moment: Sendable, Equatable {
        public var instant: Date
        public var hasTime: Bool
        public init(instant: Date, hasTime: Bool) {
            self.instant = instant
            self.hasTime = hasTime
        }
    }

    func phrase(_ text: String, lean: DatePhrase.Lean, field: String, whole: String) throws -> LocalDate {
        var reader = DatePhrase.Reader(text, today: today, lean: lean, order: order, weekStart: weekStart, field: field, strict: true)
        do {
            let day = try reader.whole(text)
            taken.list += reader.notes
            return day
        } catch DomainError.invalid(let f, let reason) where text != whole && reason.contains("'\(text)'") {
            // Quote what was typed, time and all.
            throw DomainError.invalid(field: f, reason.replacingOccurrences(of: "'\(text)'", with: "'\(whole)'"))
        }
    }

    func bounded(_ text: String, field: String) throws {
        // An escape, a carriage return or a bidi control in a date is never meant: refused, not read around.
        if let hidden = text.unicodeScalars.first(where: { [.control, .format].contains($0.properties.generalCategory) }) {
            throw DomainError.invalid(field: field, "a date has no control character in it (U+"
                                      + String(hidden.value, radix: 16, uppercase: true) + " found); type it again")
        }
        guard text.count <= DateReading.longest else {
            throw DomainError.invalid(field: field, "a date of \(text.count) characters is not one Cadence reads "
                                      + "(at most \(DateReading.longest); try 2026-03-02 or 'friday')")
        }
        try DatePhrase.refuseNegativeCount(text, field: field)
    }

    /// The notes, shared by the copies of one reading (a reading is passed by value into the code that reads with it).
    final class Notes: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String] = []
        var list: [String] {
            get { lock.withLock { stored } }
            set { lock.withLock { stored = newValue } }
        }
    }
}

// MARK: - The time after a day

extension DateReading {
    /// Parts of the day people name instead of a time.
    static let partsOfDay: [String: (hour: Int, minute: Int)] = [
        "morning": (9, 0), "noon": (12, 0), "midday": (12, 0), "lunchtime": (12, 0), "afternoon": (14, 0),
        "evening": (18, 0), "tonight": (19, 0), "midnight": (0, 0),
    ]

    /// "friday 14:30" → ("friday", 14:30); "2026-03-02T09:15", "at 2pm",
    /// "2:30 pm", "12/03/2026 2pm", "tomorrow morning" too. Text with no time
    /// at its end comes back whole, with no time.
    public static func splitTimeOfDay(_ text: String, field: String) throws -> (String, (hour: Int, minute: Int)?) {
        var lower = text.lowercased()
        // "2026-03-02T14:30": the T between a written date and its time.
        if let t = lower.firstIndex(of: "t"), lower[..<t].count == 10, lower.first?.isNumber == true {
            lower.replaceSubrange(t...t, with: " ")
        }
        var words = lower.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        guard !words.isEmpty else { return ("", nil) }
        var last = words.removeLast()
        if let part = partsOfDay[last] {
            // "tomorrow morning", "friday afternoon", "in the morning"; "tonight" alone is today's evening.
            if last == "tonight" { return ((words + ["today"]).joined(separator: " "), part) }
            if words.last == "the", words.dropLast().last == "in" { words.removeLast(2) }
            if words.last == "at" || words.last == "this" { words.removeLast() }
            return (words.joined(separator: " "), part)
        }
        var meridiem: String?
        if ["am", "pm", "a.m.", "p.m.", "a.m", "p.m"].contains(last), let before = words.popLast() {
            meridiem = String(last.prefix(1))
            last = before
        } else if let suffix = ["am", "pm", "a.m.", "p.m.", "a.m", "p.m"].first(where: { last.hasSuffix($0) }), last.first?.isNumber == true {
            meridiem = String(suffix.prefix(1))
            last = String(last.dropLast(suffix.count))
        }
        let parts = last.split(separator: ":", omittingEmptySubsequences: false)
        // "14:30", "14:30:00" (seconds are dropped), "2pm", "2:30pm".
        let isClock = meridiem != nil ? parts.count <= 2 : (2...3).contains(parts.count)
        // ASCII digits only: Int() reads no other script's digits ("١٤:٣٠").
        guard isClock, parts[0].count <= 2, let hour = Int(parts[0]),
              parts.dropFirst().allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts.count < 3 || (Int(parts[2]) ?? 60) < 60 else {
            return (text, nil)
        }
        let minute = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        var h = hour
        if let meridiem {
            guard (1...12).contains(hour) else { throw DomainError.invalid(field: field, "'\(text)': \(hour)\(meridiem)m is not a time") }
            h = hour % 12 + (meridiem == "p" ? 12 : 0)
        }
        guard (0..<24).contains(h), (0..<60).contains(minute) else {
            throw DomainError.invalid(field: field, "'\(text)': \(last) is not a time of day (try 14:30 or 2:30pm)")
        }
        if words.last == "at" || words.last == "@" { words.removeLast() }
        return (words.joined(separator: " "), (h, minute))
    }
}

// MARK: - Dates in words

extension LocalDate {
    /// The date in words as every reply says it: "Thu 3 Dec 2026". The year
    /// is always there: a reply near the new year, or a date a year out,
    /// reads the same way as any other.
    public var spoken: String { "\(shortText) \(year)" }
}
