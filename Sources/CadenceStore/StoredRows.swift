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
        do {
            return try T(row: row)
        } catch {
            let id: Int64? = row["id"]
            StoredProblems.report("\(T.databaseTableName) \(id.map(String.init) ?? "?") cannot be read and was left out: \(reason(error))")
            return nil
        }
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
