import CadenceCore
import Foundation

/// The agenda as an iCalendar file (RFC 5545): one event per follow-up, all
/// day, or at the send time (in UTC, so no VTIMEZONE is needed) when the
/// cadence.lua sets one. UIDs come from what makes a follow-up itself (its application
/// and key), not from its date, so importing a newer agenda updates events
/// instead of duplicating them.
struct ICalendar {
    struct Item {
        var application: Int64
        var key: String
        var summary: String
        var description: String
        var due: LocalDate
        /// For a message with a send time: when, as an instant.
        var start: Date? = nil
        /// How it goes: said in the summary and first in the description.
        var channel: Channel = .email
    }

    var items: [Item]
    /// DTSTAMP: when the agenda was made (the as-of day, so output is reproducible).
    var stamp: LocalDate

    var text: String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Cadence//Agenda//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:Cadence follow-ups"]
        for item in items {
            lines += [
                "BEGIN:VEVENT",
                "UID:" + ICalendar.uid(application: item.application, key: item.key),
                "DTSTAMP:" + ICalendar.basic(stamp) + "T000000Z",
            ] + ICalendar.when(item) + [
                "SUMMARY:" + CalendarText.escaped(ICalendar.summary(item)),
                "DESCRIPTION:" + CalendarText.escaped(ICalendar.description(item)),
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(CalendarText.folded).joined(separator: "\r\n") + "\r\n"
    }

    /// "Acme Analytics: status to Helen Jones, on LinkedIn"; a task as it is.
    static func summary(_ item: Item) -> String {
        item.channel == .task ? item.summary : item.summary + ", " + item.channel.said
    }

    /// The reason and draft, then "Channel: linkedin (a short message: no subject, no letter form)".
    static func description(_ item: Item) -> String {
        let form: String
        switch item.channel.form {
        case .letter: form = item.channel.isMail ? "an email" : "a letter"
        case .message: form = "a short message: no subject, no letter form"
        case .talkingPoints: form = "a call: talking points"
        case .task: return item.description
        }
        return item.description + "\n\nChannel: \(item.channel.rawValue) (\(form))"
    }

    /// DTSTART and DTEND: a day, or fifteen minutes from the send time.
    static func when(_ item: Item) -> [String] {
        guard let start = item.start else {
            return ["DTSTART;VALUE=DATE:" + basic(item.due), "DTEND;VALUE=DATE:" + basic(item.due.adding(days: 1))]
        }
        return ["DTSTART:" + utc(start), "DTEND:" + utc(start.addingTimeInterval(15 * 60))]
    }

    static func utc(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!)
    }

    static func basic(_ day: LocalDate) -> String { day.description.replacingOccurrences(of: "-", with: "") }

    /// A stable identifier: FNV-1a of the application and the follow-up's key.
    static func uid(application: Int64, key: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(application)|\(key)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16) + "@cadence"
    }
}
