import Foundation

/// Reads dates as people and spreadsheets write them.
public enum DateParsing {
    /// Day-first (02/03/2026 is 2 March) or month-first (US) for slashed dates.
    public enum Order: String, Sendable, CaseIterable { case dayFirst = "dmy", monthFirst = "mdy" }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// 2026-03-02, 2026/03/02, 02/03/2026, 2.3.2026, 2 Mar 2026, March 2, 2026,
    /// and a date-time whose date part is one of those.
    public static func date(_ text: String, order: Order = .dayFirst, field: String = "date") throws -> LocalDate {
        let raw = text.trimmingWhitespace()
        var head = raw
        if let t = head.firstIndex(where: { $0 == "T" || $0 == " " }), head.prefix(4).allSatisfy(\.isNumber) {
            head = String(head[..<t])
        }
        let numeric = head.split(whereSeparator: { "-/.".contains($0) }).map(String.init)
        do {
            if numeric.count == 3, numeric.allSatisfy({ Int($0) != nil }) {
                let n = numeric.map { Int($0)! }
                if numeric[0].count == 4 { return try LocalDate(year: n[0], month: n[1], day: n[2]) }
                let year = n[2] < 100 ? 2000 + n[2] : n[2]
                // An impossible month settles an ambiguous order.
                if order == .dayFirst || n[0] > 12 { return try LocalDate(year: year, month: n[1], day: n[0]) }
                return try LocalDate(year: year, month: n[0], day: n[1])
            }
            let words = raw.lowercased().split(whereSeparator: { " ,".contains($0) }).map(String.init)
            if words.count == 3 {
                if let m = months.firstIndex(of: String(words[1].prefix(3))), let d = Int(words[0]), let y = Int(words[2]) {
                    return try LocalDate(year: y, month: m + 1, day: d)
                }
                if let m = months.firstIndex(of: String(words[0].prefix(3))), let d = Int(words[1]), let y = Int(words[2]) {
                    return try LocalDate(year: y, month: m + 1, day: d)
                }
            }
        } catch DomainError.invalid(_, let reason) {
            throw DomainError.invalid(field: field, "'\(text)': \(reason)")
        }
        throw DomainError.invalid(field: field, "'\(text)' is not a date (try 2026-03-02)")
    }
}
