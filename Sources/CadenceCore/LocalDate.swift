/// A calendar date with no time of day: when a follow-up is due, a decision
/// deadline, a start date. It means the same day wherever the reader is; the
/// candidate's time zone decides which day an instant falls on.
///
///     let d = try LocalDate(iso: "2026-03-02")
///     d.adding(days: 14)          // 2026-03-16
///     d.weekday                   // .monday
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int, field: String = "date") throws {
        guard (1...12).contains(month) else { throw DomainError.invalid(field: field, "there is no month \(month)") }
        guard (1...LocalDate.daysIn(month: month, year: year)).contains(day) else {
            throw DomainError.invalid(field: field, "there is no day \(day) in \(DatePhrase.monthNames[month - 1].capitalized) \(year)")
        }
        guard LocalDate.years.contains(year) else {
            throw DomainError.invalid(field: field, LocalDate.outOfRange("\(year)-\(month)-\(day)"))
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// For arithmetic whose result is known to be a calendar date.
    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The years a date may have. Nothing in a job search lies outside them,
    /// and keeping every stored date inside means every reader can show it.
    public static let years = 1900...2200
    public static let earliest = LocalDate(unchecked: years.lowerBound, 1, 1)
    public static let latest = LocalDate(unchecked: years.upperBound, 12, 31)
    public static let supported = earliest...latest

    /// The error for a date beyond `years`.
    public static func outOfRange(_ what: String) -> String {
        "'\(what)' is beyond the dates Cadence keeps (years \(years.lowerBound)–\(years.upperBound))"
    }

    /// Refuses a date outside `years` (one made by arithmetic, say), naming `field`.
    public func checkRange(field: String) throws {
        guard LocalDate.supported.contains(self) else { throw DomainError.invalid(field: field, LocalDate.outOfRange(description)) }
    }

    /// Parses YYYY-MM-DD.
    public init(iso text: String) throws {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { throw DomainError.invalid(field: "date", "'\(text)' is not a date (expected YYYY-MM-DD)") }
        try self.init(year: y, month: m, day: d)
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for arithmetic. A Lua
    /// `Date` is this number alone; its year, month, day and words are read
    /// from here (`HostFunctions`), so the calendar is written once.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z: Int) {
        let z = z + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// The same day `months` later; a day the month lacks becomes its last (31 Jan + 1 month is 28 or 29 Feb).
    public func adding(months: Int) -> LocalDate {
        let index = year * 12 + (month - 1) + months
        let (y, m) = (index / 12, index % 12 + 1)
        return LocalDate(unchecked: y, m, min(day, LocalDate.daysIn(month: m, year: y)))
    }

    public var firstOfMonth: LocalDate { LocalDate(unchecked: year, month, 1) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: LocalDate) -> Int { other.dayNumber - dayNumber }

    public var weekday: Weekday { Weekday(rawValue: ((dayNumber % 7) + 7 + 3) % 7 + 1)! }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.dayNumber < b.dayNumber }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The date as people write it in a sentence: "Mon 2 Mar".
    public var shortText: String {
        "\(weekday.name.prefix(3)) \(day) \(DatePhrase.monthNames[month - 1].prefix(3).capitalized)"
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(iso: text)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// ISO weekday numbers: Monday is 1.
public enum Weekday: Int, Sendable, CaseIterable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public var isWeekend: Bool { self == .saturday || self == .sunday }
    public var name: String { String(describing: self).capitalized }
}
