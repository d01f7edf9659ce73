import Foundation

/// Reads dates as people and spreadsheets write them.
public enum DateParsing {
    /// Day-first (02/03/2026 is 2 March) or month-first (US) for slashed dates.
    public enum Order: String, Sendable, CaseIterable { case dayFirst = "dmy", monthFirst = "mdy" }

    /// What a written date means: one day, or two where it is numeric, its
    /// first two numbers could each be the month, and no order was given.
    public enum Reading: Equatable, Sendable {
        case day(LocalDate)
        case ambiguous(dayFirst: LocalDate, monthFirst: LocalDate)
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// 2026-03-02, 2026/03/02, 02/03/2026, 2.3.2026, 2 Mar 2026, March 2, 2026,
    /// and a date-time whose date part is one of those. Where a number over
    /// 12 can only be the day, it is, whatever `order` says (13/12/2026 is
    /// 13 December read either way).
    public static func date(_ text: String, order: Order = .dayFirst, field: String = "date") throws -> LocalDate {
        guard case .day(let day) = try reading(text, order: order, field: field) else {
            preconditionFailure("an order given settles every date")
        }
        return day
    }

    /// The date `text` names read in `order`; with no order, an ambiguous
    /// numeric date (03/04/2026) is refused with both readings.
    public static func date(_ text: String, reading order: Order?, field: String = "date") throws -> LocalDate {
        switch try reading(text, order: order, field: field) {
        case .day(let day): return day
        case .ambiguous(let dayFirst, let monthFirst):
            throw DomainError.invalid(field: field, ambiguity(text, dayFirst, monthFirst))
        }
    }

    /// Every meaning of `text` (see `Reading`): one day when `order` is
    /// given or the numbers settle it (a part over 12, two equal parts), both
    /// readings otherwise. Imports ask this for each value of a column.
    public static func reading(_ text: String, order: Order?, field: String = "date") throws -> Reading {
        let raw = text.trimmingWhitespace()
        var head = raw
        if let t = head.firstIndex(where: { $0 == "T" || $0 == " " }), head.prefix(4).allSatisfy(\.isNumber) {
            head = String(head[..<t])
        }
        let numeric = head.split(separator: "/", omittingEmptySubsequences: false).count == 3
            || head.split(separator: ".", omittingEmptySubsequences: false).count == 3
            || head.split(separator: "-", omittingEmptySubsequences: false).count == 3
            ? head.split(whereSeparator: { "-/.".contains($0) }).map(String.init) : []
        do {
            // ASCII digits only: Int() reads no other script's digits ("٠٣/٠٤/٢٠٢٦").
            if numeric.count == 3, numeric.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
                let n = numeric.map { Int($0) ?? 0 }
                if numeric[0].count == 4 { return .day(try LocalDate(year: n[0], month: n[1], day: n[2], field: field)) }
                guard numeric[2].count == 4 || numeric[2].count == 2 else {
                    throw DomainError.invalid(field: field, "'\(text)': the year is written with 4 digits (or 2)")
                }
                let year = numeric[2].count == 2 ? 2000 + n[2] : n[2]
                switch settled(n[0], n[1], order) {
                case .dayFirst?: return .day(try LocalDate(year: year, month: n[1], day: n[0], field: field))
                case .monthFirst?: return .day(try LocalDate(year: year, month: n[0], day: n[1], field: field))
                case nil:
                    return .ambiguous(dayFirst: try LocalDate(year: year, month: n[1], day: n[0], field: field),
                                      monthFirst: try LocalDate(year: year, month: n[0], day: n[1], field: field))
                }
            }
            let words = raw.lowercased().split(whereSeparator: { " ,".contains($0) }).map(String.init)
            if words.count == 3 {
                if let m = months.firstIndex(of: String(words[1].prefix(3))), let d = Int(words[0]), let y = Int(words[2]) {
                    return .day(try LocalDate(year: y, month: m + 1, day: d, field: field))
                }
                if let m = months.firstIndex(of: String(words[0].prefix(3))), let d = Int(words[1]), let y = Int(words[2]) {
                    return .day(try LocalDate(year: y, month: m + 1, day: d, field: field))
                }
            }
        } catch DomainError.invalid(_, let reason) where !reason.hasPrefix("'") {
            throw DomainError.invalid(field: field, "'\(text)': \(reason)")
        }
        throw DomainError.invalid(field: field, "'\(text)' is not a date (try 2026-03-02)")
    }

    /// The order that reads `first/second`: `order` if given, else the one the
    /// numbers allow (a number over 12 is no month; 05/05 reads the same
    /// both ways), else nil.
    public static func settled(_ first: Int, _ second: Int, _ order: Order?) -> Order? {
        if first > 12 && second <= 12 { return .dayFirst }
        if second > 12 && first <= 12 { return .monthFirst }
        if first == second { return .dayFirst }
        return order
    }

    /// Why `text` is refused where no order is set: both readings, and the two ways out.
    public static func ambiguity(_ text: String, _ dayFirst: LocalDate, _ monthFirst: LocalDate) -> String {
        "'\(text)' could be \(dayFirst.spoken) or \(monthFirst.spoken): write \(dayFirst) or \(monthFirst), "
        + "or set your region with `cadence candidate edit NAME --region CODE` (us reads month first; gb, de, fr, … day first)"
    }
}
