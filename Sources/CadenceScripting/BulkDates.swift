import CadenceCore
import CadenceStore
import Foundation

/// Days and timestamps as text for many instants at once (a search's whole
/// log going to Lua): time zones are looked up once, and the texts of days
/// and times of day, which repeat across thousands of events, are made once.
/// What it writes is what `LocalDate.description` and `Timestamps.format` do.
final class BulkDates {
    private var zones: [String: TimeZone] = [:]
    private var dayTexts: [Int: String] = [:]
    private var timeTexts: [Int64: String] = [:]

    /// The calendar day of `instant` in the zone `identifier`.
    func day(of instant: Date, in identifier: String) -> LocalDate {
        let zone = zones[identifier] ?? {
            let zone = TimeZone(identifier: identifier) ?? TimeZone(identifier: "UTC")!
            zones[identifier] = zone
            return zone
        }()
        return LocalDate(instant, in: zone)
    }

    /// "2026-03-02".
    func text(of day: LocalDate) -> String {
        if let text = dayTexts[day.dayNumber] { return text }
        let text = day.description
        dayTexts[day.dayNumber] = text
        return text
    }

    /// GRDB's stored "2026-03-02 12:00:00.000" (UTC) as "2026-03-02T12:00:00.000Z",
    /// the text `Timestamps.format` writes, with no Date in between.
    static func withISOText<T>(ofStored stored: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        try withUnsafeTemporaryAllocation(byteCount: 24, alignment: 1) { buffer in
            buffer.copyMemory(from: stored)
            buffer[10] = UInt8(ascii: "T")
            buffer[23] = UInt8(ascii: "Z")
            return try body(UnsafeRawBufferPointer(buffer))
        }
    }

    /// "2026-03-02T12:00:00.000Z", as `Timestamps.format` writes it.
    func text(of instant: Date) -> String {
        let milliseconds = Int64((instant.timeIntervalSince1970 * 1000).rounded())
        let (quotient, remainder) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        let (day, time) = remainder < 0 ? (quotient - 1, remainder + 86_400_000) : (quotient, remainder)
        let clock = timeTexts[time] ?? {
            let text = String(Timestamps.format(Date(timeIntervalSince1970: Double(time) / 1000)).dropFirst(10))
            timeTexts[time] = text
            return text
        }()
        return text(of: LocalDate(dayNumber: Int(day))) + clock
    }
}
