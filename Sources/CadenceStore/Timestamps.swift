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

    /// "2026-03-02T12:00:00.000Z" (`JSONOutput.instant` owns the format).
    public static func format(_ date: Date) -> String { JSONOutput.instant(date) }
    public static func parse(_ text: String) -> Date? {
        lock.withLock { formatter.date(from: text) ?? plain.date(from: text) }
    }
}

extension Timestamps {
    /// The day an instant falls on for someone in `timeZone` (the candidate's),
    /// YYYY-MM-DD: the day the agenda and the Lua API put it on, so every
    /// day Cadence shows is read the same way.
    public static func day(_ date: Date, in timeZone: String) -> String { LocalDate(date, in: timeZone).description }

    /// "2026-12-03 14:30": an instant as the wall clock in `timeZone` showed it.
    public static func dateTime(_ date: Date, in timeZone: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
        let time = calendar.dateComponents([.hour, .minute], from: date)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day(date, in: timeZone)) \(two(time.hour ?? 0)):\(two(time.minute ?? 0))"
    }

    /// "Thu 3 Dec 2026 at 14:00" (or "Thu 3 Dec 2026" without `time`): an
    /// instant in words on the wall clock of `timeZone`, as every reply
    /// that writes one says it (`LocalDate.spoken` owns the day's words).
    public static func spoken(_ date: Date, in timeZone: String, time: Bool = true) -> String {
        let day = LocalDate(date, in: timeZone).spoken
        guard time else { return day }
        return day + " at " + String(dateTime(date, in: timeZone).suffix(5))
    }

    /// When something happened, as a person types it: an ISO 8601 timestamp
    /// with its zone, or what `reading` reads ("2026-03-02 14:30", "last
    /// friday", "12/03/2026 2pm", "next tuesday at 2pm"; a bare date means
    /// noon; "now" or nothing is now). A bare weekday is the last one: this
    /// is when something happened, or is booked to.
    public static func instant(_ text: String?, reading: DateReading, field: String = "at") throws -> DateReading.Moment {
        if let text, let date = parse(text.trimmingCharacters(in: .whitespaces)) {
            try LocalDate(date, in: "UTC").checkRange(field: field)
            return DateReading.Moment(instant: date, hasTime: true)
        }
        return try reading.moment(text, field: field)
    }
}
