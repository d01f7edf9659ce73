import CadenceCore
import Foundation

/// Instants as ISO 8601 in UTC with milliseconds (what the database keeps).
public enum Timestamps {
    nonisolated(unsafe) static let formatter: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f
    }()
    nonisolated(unsafe) static let plain: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f
    }()
    static let lock = NSLock()

    /// "2026-03-02T12:00:00.000Z". Written by hand: it runs once per event
    /// when a search's log goes to Lua, where a formatter and its lock cost
    /// microseconds each.
    public static func format(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (days, rest) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        let (day, time) = rest < 0 ? (days - 1, rest + 86_400_000) : (days, rest)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let ms = time % 1000, seconds = time / 1000
        let millis = ms < 10 ? "00\(ms)" : ms < 100 ? "0\(ms)" : "\(ms)"
        return "\(LocalDate(dayNumber: Int(day)).description)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60)).\(millis)Z"
    }
    public static func parse(_ text: String) -> Date? {
        lock.withLock { formatter.date(from: text) ?? plain.date(from: text) }
    }
}

extension Timestamps {
    /// The UTC day of an instant, YYYY-MM-DD.
    public static func day(_ date: Date) -> String { LocalDate(date, in: "UTC").description }

    /// When something happened, as a person types it: an ISO 8601 timestamp,
    /// "2026-03-02T14:30" or "2026-03-02 14:30" in `timeZone`, a bare date
    /// (noon in `timeZone`), or "now" / nothing.
    public static func instant(_ text: String?, timeZone: String, field: String = "at") throws -> Date {
        guard let text, text != "now" else { return Date() }
        if let date = parse(text) { return date }
        let parts = text.split(whereSeparator: { $0 == "T" || $0 == " " })
        let day = try DateParsing.date(String(parts.first ?? ""), field: field)
        guard parts.count == 2 else { return day.noon(in: timeZone) }
        let clock = parts[1].split(separator: ":").compactMap { Int($0) }
        guard clock.count >= 2, (0..<24).contains(clock[0]), (0..<60).contains(clock[1]) else {
            throw DomainError.invalid(field: field, "'\(text)' is not a time (try 2026-03-02T14:30)")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day,
                                                  hour: clock[0], minute: clock[1]))!
    }
}
