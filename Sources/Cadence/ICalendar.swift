import CadenceCore
import Foundation

/// The agenda as an iCalendar file (RFC 5545): one all-day event per
/// follow-up. UIDs come from what makes a follow-up itself (its application
/// and key), not from its date, so importing a newer agenda updates events
/// instead of duplicating them.
struct ICalendar {
    struct Item {
        var application: Int64
        var key: String
        var summary: String
        var description: String
        var due: LocalDate
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
                "DTSTART;VALUE=DATE:" + ICalendar.basic(item.due),
                "DTEND;VALUE=DATE:" + ICalendar.basic(item.due.adding(days: 1)),
                "SUMMARY:" + ICalendar.escape(item.summary),
                "DESCRIPTION:" + ICalendar.escape(item.description),
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(ICalendar.fold).joined(separator: "\r\n") + "\r\n"
    }

    static func basic(_ day: LocalDate) -> String { day.description.replacingOccurrences(of: "-", with: "") }

    /// TEXT values: backslash first, then ; , and newlines.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,")
            .replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Lines of at most 75 octets; a continuation starts with a space, and a
    /// UTF-8 sequence is never split.
    static func fold(_ line: String) -> String {
        var out = "", width = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if width + size > 75 {
                out += "\r\n "
                width = 1
            }
            out.unicodeScalars.append(scalar)
            width += size
        }
        return out
    }

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
