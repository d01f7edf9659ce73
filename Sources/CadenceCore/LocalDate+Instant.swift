import Foundation

/// Where a calendar day meets the clock: the day an instant falls on in a
/// time zone, today there, and the instants of a day's wall-clock times.
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

    /// Today in `timeZone`: the clock read as a day. Which zone is the
    /// workspace's to say (the candidate's: `WorkspaceService.today`); a
    /// command or script that reads "today" any other way disagrees with
    /// the agenda near midnight.
    public static func today(in timeZone: String, now: Date = Date()) -> LocalDate { LocalDate(now, in: timeZone) }

    /// Noon of this day in `timeZone`: an instant safely inside the day.
    public func noon(in timeZone: String) -> Date { at(hour: 12, minute: 0, in: timeZone) }

    /// The wall-clock time `hour:minute` of this day in `timeZone`. Where the
    /// clocks jump it follows one rule: a time the spring-forward gap skips
    /// is moved on by the gap (01:30 on that night in London is 02:30 BST),
    /// and a time the autumn repeats is its first occurrence (summer time).
    public func at(hour: Int, minute: Int, in timeZone: String) -> Date {
        let zone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
        let wall = Double(dayNumber * 86_400 + hour * 3600 + minute * 60)
        func offset(_ t: Double) -> Double { Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: t))) }
        // The offsets in force a day either side; an offset fits if the instant it gives is under it.
        let offsets = Set([offset(wall - 86_400), offset(wall + 86_400)])
        let fitting = offsets.filter { offset(wall - $0) == $0 }
        if let summer = fitting.max() { return Date(timeIntervalSince1970: wall - summer) }
        // In the gap: under the offset before the jump, which lands after it.
        return Date(timeIntervalSince1970: wall - offsets.min()!)
    }
}
