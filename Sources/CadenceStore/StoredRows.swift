import CadenceCore
import Foundation
import GRDB

/// What a read found wrong in stored rows (a date beyond the years Cadence
/// keeps, written by an older version or by hand): each is reported once and
/// the read goes on without it, so that every command, and above all a
/// backup, works on the rest. The command line shows them as warnings.
public enum StoredProblems {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var found: [String] = []

    static func report(_ problem: String) {
        lock.withLock { if !found.contains(problem) { found.append(problem) } }
    }

    /// The problems found since the last call, forgetting them.
    public static func take() -> [String] {
        lock.withLock {
            defer { found = [] }
            return found
        }
    }
}

/// Records read row by row: one that cannot be read is reported and left
/// out, instead of failing the whole read.
enum StoredRows {
    static func fetchAll<T: FetchableRecord & TableRecord>(_ request: QueryInterfaceRequest<T>, _ db: Database) throws -> [T] {
        var records: [T] = []
        let rows = try Row.fetchCursor(db, request.asRequest(of: Row.self))
        while let row = try rows.next() {
            if let record = decode(T.self, row) { records.append(record) }
        }
        return records
    }

    static func fetchOne<T: FetchableRecord & TableRecord>(_ request: QueryInterfaceRequest<T>, _ db: Database) throws -> T? {
        try fetchAll(request.limit(1), db).first
    }

    static func decode<T: FetchableRecord & TableRecord>(_ type: T.Type, _ row: Row) -> T? {
        // The id is read as it is stored: a row's columns are anyone's to write.
        let id = (try? row.decode(Int64?.self, forColumn: "id")).flatMap { $0 }.map(String.init) ?? "?"
        do {
            let record = try T(row: row)
            if let computable = record as? any StoredComputable, let problem = computable.uncomputable {
                StoredProblems.report("\(T.databaseTableName) \(id) cannot be worked out and was left out: \(problem)")
                return nil
            }
            return record
        } catch {
            StoredProblems.report("\(T.databaseTableName) \(id) cannot be read and was left out: \(reason(error))")
            return nil
        }
    }

    /// A text read from the file, as a message shows it: the file is anyone's
    /// to write, so its controls (C0, C1, ESC) and bidi marks are shown as
    /// escapes, never interpreted by the terminal, and a long one is cut.
    static func shown(_ text: some StringProtocol) -> String {
        let scalars = text.unicodeScalars
        let kept = String(String.UnicodeScalarView(scalars.prefix(40)))
        return TerminalText.line(kept) + (scalars.count > 40 ? "…" : "")
    }

    /// GRDB's decoding error, cut to what a person can act on.
    static func reason(_ error: Error) -> String {
        let text = "\(error)"
        guard let column = text.range(of: "column: ") else { return text }
        let value = text.range(of: "from database value ").map { text[$0.upperBound...].prefix { $0 != " " } } ?? ""
        let name = text[column.upperBound...].prefix { $0 != "," }.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        return "\(name) holds \(value.trimmingCharacters(in: CharacterSet(charactersIn: "\"")).prefix(40))"
    }
}

/// A record whose figures and instants are worked out wherever it is shown
/// (an offer's year of base pay, its bonus as a share of it, the day a
/// decision was made on). Writing one checks that they can be counted; a
/// row written otherwise (by an older Cadence, or by another program) is
/// reported and left out like an unreadable one, rather than shown with a
/// figure that is not its own or trapping in the arithmetic.
protocol StoredComputable {
    /// Why a figure or an instant cannot be worked out; nil when all can.
    var uncomputable: String? { get }
}

extension StoredComputable {
    /// An instant beyond the years Cadence keeps cannot be put on a day or written out.
    static func beyondKeptYears(_ name: String, _ instant: Date?) -> String? {
        guard let instant, !EventRows.keptInstants.contains(instant.timeIntervalSince1970) else { return nil }
        return "its \(name) time is beyond the years Cadence keeps"
    }
}

extension Offer: StoredComputable {
    var uncomputable: String? {
        guard let year = base.multiplied(by: period.perYear) else {
            return "\(baseText) is too large: a year of it passes the largest amount Cadence counts"
        }
        if let bonusPercent, bonusPercent.of(year) == nil {
            return "a bonus of \(bonusPercent) of \(year) is too large to count"
        }
        return Self.beyondKeptYears("archived", archivedAt)
    }
}

extension Candidate: StoredComputable {
    var uncomputable: String? { Self.beyondKeptYears("archived", archivedAt) }
}

extension Contact: StoredComputable {
    var uncomputable: String? { Self.beyondKeptYears("archived", archivedAt) }
}

extension FollowUp: StoredComputable {
    var uncomputable: String? { Self.beyondKeptYears("decision", decidedAt) }
}
