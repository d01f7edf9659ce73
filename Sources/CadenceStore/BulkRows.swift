import CadenceCore
import Foundation
import GRDB
import GRDBSQLite

// Events and applications are read in bulk (a search's whole log, to derive
// stages and plan follow-ups), so they are read by column position from a
// cursor instead of through Codable, which costs several times more per row.
public enum EventRows {
    static let columns = "id, applicationID, kind, at, \"with\", channel, messageKind, round, nextStep, due, stage, corrects, notes, dueTime"

    /// The text columns, by position, that `EventCursor.text` reads in place.
    public enum Text: Int32 {
        case with = 4, channel, messageKind, round, nextStep, due, stage
        case notes = 12, dueTime
    }

    /// The events matching `condition` (SQL after WHERE; "1" for all), in `order`.
    static func fetch(_ db: Database, where condition: String = "1", arguments: StatementArguments = [],
                      order: String) throws -> [Event] {
        var events: [Event] = []
        events.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE \(condition)", arguments: arguments) ?? 0)
        let rows = try EventCursor(db, where: condition, arguments: arguments, order: order)
        while try rows.next() {
            events.append(Event(id: rows.id, applicationID: rows.applicationID, kind: try rows.kind(), at: try rows.at().instant,
                                with: rows.names(), channel: rows.string(.channel),
                                messageKind: rows.string(.messageKind), round: rows.string(.round), nextStep: rows.string(.nextStep),
                                due: rows.due(), dueTime: rows.string(.dueTime), stage: rows.string(.stage).flatMap(Stage.init(rawValue:)),
                                corrects: rows.corrects, notes: rows.string(.notes)))
        }
        return events
    }

    /// The instants of the days Cadence keeps, in seconds since 1970, with a
    /// day either side for the time zones a day is read in.
    static let keptInstants = Double((LocalDate.earliest.dayNumber - 1) * 86_400)...Double((LocalDate.latest.dayNumber + 2) * 86_400)

    /// "2026-03-02 12:00:00.000", as GRDB stores instants (UTC), read with
    /// arithmetic: its own parser goes through a Calendar for every row.
    /// Anything else is nil, for GRDB to read.
    static func storedInstant(_ bytes: UnsafeRawBufferPointer) -> Date? {
        guard bytes.count == 23 else { return nil }
        // The separators where they belong; every other byte a digit.
        for (i, byte) in bytes.enumerated() {
            switch i {
            case 4, 7: guard byte == UInt8(ascii: "-") else { return nil }
            case 10: guard byte == UInt8(ascii: " ") else { return nil }
            case 13, 16: guard byte == UInt8(ascii: ":") else { return nil }
            case 19: guard byte == UInt8(ascii: ".") else { return nil }
            default: guard byte >= 48 && byte <= 57 else { return nil }
            }
        }
        func number(_ from: Int, _ count: Int) -> Int {
            var n = 0
            for i in from..<from + count { n = n * 10 + Int(bytes[i] - 48) }
            return n
        }
        guard let day = try? LocalDate(year: number(0, 4), month: number(5, 2), day: number(8, 2)) else { return nil }
        let seconds = number(11, 2) * 3600 + number(14, 2) * 60 + number(17, 2)
        return Date(timeIntervalSince1970: Double(day.dayNumber * 86_400 + seconds) + Double(number(20, 3)) / 1000)
    }
}

/// Events read one row at a time, in place: the bulk reads that pass the log
/// straight on (to Lua) read texts as the row's own bytes, making no Swift
/// values for them. What a row returns is valid until `next()`.
public final class EventCursor {
    private let rows: RowCursor
    private let statement: SQLiteStatement

    /// The events matching `condition` (SQL after WHERE; "1" for all), in `order`.
    init(_ db: Database, where condition: String = "1", arguments: StatementArguments = [], order: String) throws {
        let statement = try db.makeStatement(sql: "SELECT \(EventRows.columns) FROM event WHERE \(condition) ORDER BY \(order)")
        statement.arguments = arguments
        rows = try Row.fetchCursor(statement)
        self.statement = statement.sqliteStatement
    }

    /// Every event, by application, in time order.
    public convenience init(_ db: Database) throws {
        try self.init(db, order: "applicationID, at, id")
    }

    /// Every event of the live applications (neither they nor their
    /// candidate archived), by application, in time order: what planning reads.
    convenience init(live db: Database) throws {
        // Most workspaces archive nothing: then no condition slows the read of the whole log.
        let archived = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM application WHERE archivedAt IS NOT NULL)
                OR EXISTS (SELECT 1 FROM candidate WHERE archivedAt IS NOT NULL)
            """) ?? false
        try self.init(db, where: archived ? "applicationID IN (\(ApplicationRows.live))" : "1", order: "applicationID, at, id")
    }

    /// One application's events, in time order.
    public convenience init(_ db: Database, application: Int64) throws {
        try self.init(db, where: "applicationID = ?", arguments: [application], order: "at, id")
    }

    /// One event.
    public convenience init(_ db: Database, event: Int64) throws {
        try self.init(db, where: "id = ?", arguments: [event], order: "id")
    }

    /// Moves to the next readable row; false after the last. A row whose
    /// kind or time cannot be read is reported and passed over.
    public func next() throws -> Bool {
        while try rows.next() != nil {
            do {
                _ = try kind()
                _ = try at()
                return true
            } catch {
                StoredProblems.report("\(error); the event was left out")
            }
        }
        return false
    }

    /// The due day; one that cannot be read is reported and read as none.
    public func due() -> LocalDate? {
        guard let text = string(.due) else { return nil }
        guard let day = try? LocalDate(iso: text) else {
            StoredProblems.report("event \(id) has an unreadable due date '\(text)'; it was read without it")
            return nil
        }
        return day
    }

    /// The people met or written to; a list that cannot be read is reported and read as none.
    func names() -> [String] {
        do { return try JSONText.strings(string(.with)) } catch {
            StoredProblems.report("event \(id) has an unreadable list of people; it was read without it")
            return []
        }
    }

    public var id: Int64 { sqlite3_column_int64(statement, 0) }
    public var applicationID: Int64 { sqlite3_column_int64(statement, 1) }
    public var corrects: Int64? { sqlite3_column_type(statement, 11) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, 11) }

    public func kind() throws -> EventKind {
        guard let kind = EventKind(utf8: bytes(2) ?? UnsafeRawBufferPointer(start: nil, count: 0)) else {
            throw StoreError.invalid("event \(id) has an unknown kind '\(string(2) ?? "")'")
        }
        return kind
    }

    /// The instant, read with arithmetic when GRDB wrote it (the usual case);
    /// with it the stored text when it is GRDB's "2026-03-02 12:00:00.000" (UTC).
    public func at() throws -> (instant: Date, stored: UnsafeRawBufferPointer?) {
        if let bytes = bytes(3), let instant = EventRows.storedInstant(bytes) { return (instant, bytes) }
        guard let instant = Date.fromDatabaseValue(DatabaseValue(sqliteStatement: statement, index: 3)) else {
            throw StoreError.invalid("event \(id) has no readable time '\(string(3) ?? "")'")
        }
        // GRDB reads a number as seconds since 1970, any number: one beyond
        // the years Cadence keeps cannot be put on a day (the day's arithmetic
        // would trap), so it is as unreadable as a time that is no time.
        guard EventRows.keptInstants.contains(instant.timeIntervalSince1970) else {
            throw StoreError.invalid("event \(id) has a time beyond the years Cadence keeps '\(StoredRows.shown(string(3) ?? ""))'")
        }
        return (instant, nil)
    }

    /// What stages are derived from: the event's id, kind, time, round,
    /// stage and correction, without the rest; and the stored text of its
    /// time when GRDB wrote it.
    public func essentials() throws -> (event: Event, storedAt: UnsafeRawBufferPointer?) {
        let (at, stored) = try at()
        let event = Event(id: id, applicationID: applicationID, kind: try kind(), at: at, round: string(.round),
                          stage: string(.stage).flatMap(Stage.init(rawValue:)), corrects: corrects)
        return (event, stored)
    }

    /// A text column's bytes in place, nil for NULL.
    public func text(_ column: EventRows.Text) -> UnsafeRawBufferPointer? { bytes(column.rawValue) }

    func string(_ column: EventRows.Text) -> String? { string(column.rawValue) }

    private func string(_ index: Int32) -> String? {
        bytes(index).map { String(decoding: $0, as: UTF8.self) }
    }

    private func bytes(_ index: Int32) -> UnsafeRawBufferPointer? {
        guard let text = sqlite3_column_text(statement, index) else { return nil }
        return UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, index)))
    }
}

enum ApplicationRows {
    /// The ids of applications neither archived themselves nor belonging to an archived candidate.
    static let live = """
        SELECT application.id FROM application JOIN candidate ON candidate.id = application.candidateID
        WHERE application.archivedAt IS NULL AND candidate.archivedAt IS NULL
        """

    static let columns = "id, candidateID, company, role, source, location, url, postedSalary, decisionDeadline, interest, "
        + "needs, questions, tags, notes, facts, archivedAt, targets"

    /// Every application, or the one numbered `id`.
    static func fetch(_ db: Database, id: Int64? = nil) throws -> [Application] {
        var applications: [Application] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM application WHERE ?1 IS NULL OR id = ?1 ORDER BY id",
                                       arguments: [id])
        while let row = try rows.next() {
            let id: Int64 = row[0]
            // A value that cannot be read is reported and read as none: the rest of the application is kept.
            func readable<T>(_ what: String, _ text: String?, _ read: (String) throws -> T) -> T? {
                guard let text else { return nil }
                do { return try read(text) } catch {
                    StoredProblems.report("application \(id) has an unreadable \(what) '\(text.prefix(40))'; it was read without it")
                    return nil
                }
            }
            applications.append(Application(
                id: id, candidateID: row[1], company: row[2], role: row[3], source: row[4], location: row[5], url: row[6],
                postedSalary: row[7], decisionDeadline: readable("deadline", row[8]) { try LocalDate(iso: $0) }, interest: row[9],
                needs: readable("list of needs", row[10], JSONText.strings) ?? [],
                questions: readable("list of questions", row[11], JSONText.strings) ?? [],
                tags: readable("list of tags", row[12], JSONText.strings) ?? [],
                notes: row[13], facts: readable("list of facts", row[14]) { try JSONDecoder().decode([String: String].self, from: Data($0.utf8)) }))
            // An archiving time that is no time, or beyond the years kept
            // (it could not be written out), is read as none, like any unreadable value.
            do {
                let archivedAt = try row.decode(Date?.self, atIndex: 15)
                if let archivedAt, !EventRows.keptInstants.contains(archivedAt.timeIntervalSince1970) {
                    throw StoreError.invalid("beyond the years Cadence keeps")
                }
                applications[applications.count - 1].archivedAt = archivedAt
            } catch {
                StoredProblems.report("application \(id) has an unreadable archiving time; it was read without it")
            }
            applications[applications.count - 1].targets = readable("set of targets", row[16]) {
                try JSONDecoder().decode(SalaryTargets.self, from: Data($0.utf8))
            }
        }
        return applications
    }
}

/// Lists of strings kept as JSON text (people met, needs, tags).
public enum JSONText {
    /// Plain strings (no escapes) are split directly; anything else goes
    /// through the JSON decoder.
    public static func strings(_ text: String?) throws -> [String] {
        guard var text else { return [] }
        var names: [String] = []
        let plain = text.withUTF8 { utf8 in
            plainStrings(UnsafeRawBufferPointer(utf8)) { names.append(String(decoding: $0, as: UTF8.self)) }
        }
        return plain ? names : try JSONDecoder().decode([String].self, from: Data(text.utf8))
    }

    /// Calls `body` with the bytes of each string of a plain list
    /// (`["a","b"]`, no escapes) in turn, and returns true; returns false,
    /// having called nothing, for any other text, which needs the decoder.
    public static func plainStrings(_ bytes: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> Void) rethrows -> Bool {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        let count = bytes.count
        if count == 2 && bytes[0] == UInt8(ascii: "[") && bytes[1] == UInt8(ascii: "]") { return true }
        guard count >= 4, bytes[0] == UInt8(ascii: "["), bytes[1] == quote, bytes[count - 2] == quote,
              bytes[count - 1] == UInt8(ascii: "]"), !bytes.contains(UInt8(ascii: "\\"))
        else { return false }
        // ["a","b"]: names run between quotes; a quote, comma, quote separates them.
        var start = 2, i = 2
        let end = count - 2
        while i < end {
            if bytes[i] == quote && i + 2 < end && bytes[i + 1] == comma && bytes[i + 2] == quote {
                try body(UnsafeRawBufferPointer(rebasing: bytes[start..<i]))
                i += 3
                start = i
            } else {
                i += 1
            }
        }
        try body(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
        return true
    }
}
