import CadenceCore
import Foundation
import GRDB

/// Applications as CSV for a spreadsheet: UTF-8 with a byte-order mark (so
/// Excel reads accents right), the dated stage history, and every cell that
/// a spreadsheet would run as a formula made inert.
public enum CSVExport {
    public static let header = ["id", "candidate", "company", "role", "stage", "stage since", "source", "location",
                                "url", "posted salary", "deadline", "interest", "tags", "last contact", "stage history", "notes"]

    public static func text(_ db: Database) throws -> String {
        var lines = [header.map(cell).joined(separator: ",")]
        let zones = try Queries.timeZonesByApplication(db)
        for s in try Queries.summaries(db) {
            let a = s.application
            // The candidate's days, as every day shown is (and as an import reads them back).
            let zone = zones[a.id!] ?? "UTC"
            func day(_ at: Date?) -> String { at.map { Timestamps.day($0, in: zone) } ?? "" }
            let history = s.history.changes.map { "\(day($0.at)) \($0.stage.rawValue)" }.joined(separator: "; ")
            let fields: [String] = [
                String(a.id!), s.candidate, a.company, a.role, s.stage.rawValue, day(s.stageSince),
                a.source ?? "", a.location ?? "", a.url ?? "", a.postedSalary ?? "", a.decisionDeadline?.description ?? "",
                a.interest.map(String.init) ?? "", a.tags.joined(separator: ", "), day(s.lastContact),
                history, a.notes ?? "",
            ]
            lines.append(fields.map(cell).joined(separator: ","))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Quotes when needed; a leading = + - @ (or tab, carriage return) would
    /// make a spreadsheet evaluate the cell, so it is prefixed with '.
    static func cell(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}
