import CadenceCore
import Foundation
import GRDB

// Events and applications are read in bulk (a search's whole log, to derive
// stages and plan follow-ups), so they are read by column position from a
// cursor instead of through Codable, which costs several times more per row.
enum EventRows {
    static let columns = "id, applicationID, kind, at, \"with\", channel, messageKind, round, nextStep, due, stage, corrects, notes"

    /// The events matching `condition` (SQL after WHERE; "1" for all), in `order`.
    static func fetch(_ db: Database, where condition: String = "1", arguments: StatementArguments = [],
                      order: String) throws -> [Event] {
        var events: [Event] = []
        events.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE \(condition)", arguments: arguments) ?? 0)
        let rows = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM event WHERE \(condition) ORDER BY \(order)",
                                       arguments: arguments)
        while let row = try rows.next() {
            let kindName: String = row[2]
            guard let kind = EventKind(rawValue: kindName) else {
                throw StoreError.invalid("event \(row[0] as Int64) has an unknown kind '\(kindName)'")
            }
            let due: String? = row[9], stage: String? = row[10]
            let at: Date = (row[3] as String?).flatMap(storedInstant) ?? row[3]
            events.append(Event(id: row[0], applicationID: row[1], kind: kind, at: at, with: try JSONText.strings(row[4]),
                                channel: row[5], messageKind: row[6], round: row[7], nextStep: row[8],
                                due: try due.map { try LocalDate(iso: $0) }, stage: stage.flatMap(Stage.init(rawValue:)),
                                corrects: row[11], notes: row[12]))
        }
        return events
    }

    /// "2026-03-02 12:00:00.000", as GRDB stores instants (UTC), read with
    /// arithmetic: its own parser goes through a Calendar for every row.
    /// Anything else is nil, for GRDB to read.
    static func storedInstant(_ text: String) -> Date? {
        var utf8 = text.utf8.makeIterator()
        var digits: [Int] = []
        digits.reserveCapacity(17)
        var position = 0
        while let byte = utf8.next() {
            defer { position += 1 }
            switch position {
            case 4, 7: guard byte == UInt8(ascii: "-") else { return nil }
            case 10: guard byte == UInt8(ascii: " ") else { return nil }
            case 13, 16: guard byte == UInt8(ascii: ":") else { return nil }
            case 19: guard byte == UInt8(ascii: ".") else { return nil }
            default:
                guard byte >= 48 && byte <= 57 else { return nil }
                digits.append(Int(byte - 48))
            }
        }
        guard position == 23 else { return nil }
        func number(_ from: Int, _ count: Int) -> Int { digits[from..<from + count].reduce(0) { $0 * 10 + $1 } }
        guard let day = try? LocalDate(year: number(0, 4), month: number(4, 2), day: number(6, 2)) else { return nil }
        let seconds = number(8, 2) * 3600 + number(10, 2) * 60 + number(12, 2)
        return Date(timeIntervalSince1970: Double(day.dayNumber * 86_400 + seconds) + Double(number(14, 3)) / 1000)
    }
}

enum ApplicationRows {
    static let columns = "id, candidateID, company, role, source, location, url, postedSalary, decisionDeadline, interest, "
        + "needs, questions, tags, notes, facts"

    static func fetch(_ db: Database) throws -> [Application] {
        var applications: [Application] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM application ORDER BY id")
        while let row = try rows.next() {
            let deadline: String? = row[8], facts: String? = row[14]
            applications.append(Application(
                id: row[0], candidateID: row[1], company: row[2], role: row[3], source: row[4], location: row[5], url: row[6],
                postedSalary: row[7], decisionDeadline: try deadline.map { try LocalDate(iso: $0) }, interest: row[9],
                needs: try JSONText.strings(row[10]), questions: try JSONText.strings(row[11]), tags: try JSONText.strings(row[12]),
                notes: row[13], facts: try facts.map { try JSONDecoder().decode([String: String].self, from: Data($0.utf8)) }))
        }
        return applications
    }
}

/// Lists of strings kept as JSON text (people met, needs, tags).
enum JSONText {
    /// Plain strings (no escapes) are split directly; anything else goes
    /// through the JSON decoder.
    static func strings(_ text: String?) throws -> [String] {
        guard let text, text != "[]" else { return [] }
        let bytes = Array(text.utf8)
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), backslash = UInt8(ascii: "\\")
        guard !bytes.contains(backslash), bytes.count >= 4, bytes[0] == UInt8(ascii: "["), bytes[1] == quote,
              bytes[bytes.count - 2] == quote, bytes[bytes.count - 1] == UInt8(ascii: "]")
        else { return try JSONDecoder().decode([String].self, from: Data(bytes)) }
        // ["a","b"]: names run between quotes; a quote, comma, quote separates them.
        var names: [String] = [], start = 2, i = 2
        let end = bytes.count - 2
        while i < end {
            if bytes[i] == quote && i + 2 < end && bytes[i + 1] == comma && bytes[i + 2] == quote {
                names.append(String(decoding: bytes[start..<i], as: UTF8.self))
                i += 3
                start = i
            } else {
                i += 1
            }
        }
        names.append(String(decoding: bytes[start..<end], as: UTF8.self))
        return names
    }
}
