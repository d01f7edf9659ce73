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
            events.append(Event(id: row[0], applicationID: row[1], kind: kind, at: row[3], with: try JSONText.strings(row[4]),
                                channel: row[5], messageKind: row[6], round: row[7], nextStep: row[8],
                                due: try due.map { try LocalDate(iso: $0) }, stage: stage.flatMap(Stage.init(rawValue:)),
                                corrects: row[11], notes: row[12]))
        }
        return events
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
