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

    /// When something happened, as a person types it: an ISO 8601 timestamp,
    /// "2026-03-02T14:30" or "2026-03-02 14:30" in `timeZone`, a date phrase
    /// ("last friday", "yesterday 14:30", "next tuesday at 2pm"; a bare date
    /// means noon in `timeZone`), or "now" / nothing. A bare weekday is the
    /// last one: this is when something happened, or is booked to.
    public static func instant(_ text: String?, timeZone: String, field: String = "at", now: Date = Date()) throws -> Date {
        guard let text, text.trimmingCharacters(in: .whitespaces).lowercased() != "now" else { return now }
        if let date = parse(text) {
            try LocalDate(date, in: "UTC").checkRange(field: field)
            return date
        }
        let (dayText, clock) = try splitTimeOfDay(text, field: field)
        let today = LocalDate(now, in: timeZone)
        let day = dayText.isEmpty ? today : try DatePhrase.date(dayText, from: today, lean: .past, field: field)
        guard let clock else { return day.noon(in: timeZone) }
        return day.at(hour: clock.hour, minute: clock.minute, in: timeZone)
    }

    /// "friday 14:30" → ("friday", 14:30); "2026-03-02T09:15", "at 2pm", "2:30 pm" too.
    static func splitTimeOfDay(_ text: String, field: String) throws -> (String, (hour: Int, minute: Int)?) {
        var lower = text.lowercased()
        // "2026-03-02T14:30": the T between a written date and its time.
        if let t = lower.firstIndex(of: "t"), lower[..<t].count == 10, lower.first?.isNumber == true {
            lower.replaceSubrange(t...t, with: " ")
        }
        var words = lower.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else { return ("", nil) }
        var last = words.removeLast()
        var meridiem: String?
        if ["am", "pm", "a.m.", "p.m."].contains(last), let before = words.popLast() {
            meridiem = String(last.prefix(1))
            last = before
        } else if last.hasSuffix("am") || last.hasSuffix("pm"), last.first?.isNumber == true {
            meridiem = String(last.suffix(2).prefix(1))
            last = String(last.dropLast(2))
        }
        let parts = last.split(separator: ":", omittingEmptySubsequences: false)
        let isClock = meridiem != nil ? parts.count <= 2 : parts.count == 2
        guard isClock, let hour = Int(parts[0]), parts.count == 1 || (parts[1].count == 2 && Int(parts[1]) != nil) else {
            return (text, nil)
        }
        let minute = parts.count == 2 ? Int(parts[1])! : 0
        var h = hour
        if let meridiem {
            guard (1...12).contains(hour) else { throw DomainError.invalid(field: field, "'\(text)': \(hour)\(meridiem)m is not a time") }
            h = hour % 12 + (meridiem == "p" ? 12 : 0)
        }
        guard (0..<24).contains(h), (0..<60).contains(minute) else {
            throw DomainError.invalid(field: field, "'\(text)' is not a time (try 2026-03-02T14:30 or 'friday 2pm')")
        }
        if words.last == "at" { words.removeLast() }
        return (words.joined(separator: " "), (h, minute))
    }
}
