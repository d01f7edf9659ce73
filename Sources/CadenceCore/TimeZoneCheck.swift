import Foundation

/// Time zones are named by IANA identifiers.
enum TimeZoneCheck {
    static func isValid(_ identifier: String) -> Bool { TimeZone(identifier: identifier) != nil }
}

extension LocalDate {
    /// The day `instant` falls on in `timeZone` (an IANA identifier).
    public init(_ instant: Date, in timeZone: String) {
        self.init(instant, in: TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!)
    }

    /// The day `instant` falls on in `zone`: the zone's offset at that
    /// instant, then plain arithmetic (a Calendar per call costs microseconds).
    public init(_ instant: Date, in zone: TimeZone) {
        let local = instant.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: instant))
        self.init(dayNumber: Int((local / 86_400).rounded(.down)))
    }

    /// Noon of this day in `timeZone`: an instant safely inside the day.
    public func noon(in timeZone: String) -> Date { at(hour: 12, minute: 0, in: timeZone) }

    /// The wall-clock time `hour:minute` of this day in `timeZone`.
    public func at(hour: Int, minute: Int, in timeZone: String) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }
}
