import CadenceCore
import Foundation
import GRDB
import SwiftCSV

/// Applications from a spreadsheet or another tracker's CSV export, merged
/// into the workspace: a row that matches an application (by candidate,
/// company and role, or by the posting's URL) updates it and logs what
/// changed, so that the same sheet can be imported every week.
///
/// Headers are recognised as real trackers write them (Company, Company Name,
/// Job Title, Job Position, Status, Date Saved, Date Applied, Interview Date,
/// Salary, Job URL…, and Cadence's own export); `mapping` names the rest
/// (`["Employer": "company"]`). Every row is checked before anything is
/// written: with a bad row nothing is imported, unless `skipInvalid`, which
/// imports the good rows and reports the others.
public struct CSVImport {
    /// What a column can fill.
    public enum Field: String, CaseIterable, Sendable {
        case company, role, stage, saved, applied, screened, interviewed, offered, rejected
        case salary, location, url, notes, contact, source, tags, deadline, interest, candidate
        case stageHistory = "stage-history"
        /// Worked out by Cadence from the log (its own export's id, stage since, last contact): read past.
        case derived

        /// The stage a column of dates dates, and the event it is logged as.
        var datedEvent: EventKind? {
            switch self {
            case .saved: .saved
            case .applied: .applied
            case .screened: .screen
            case .interviewed: .interview
            case .offered: .offerReceived
            case .rejected: .rejection
            default: nil
            }
        }

        var isDate: Bool { datedEvent != nil || self == .deadline }
    }

    public struct RowError: Error, Equatable, Sendable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
        /// "file.csv:5: message", as compilers place an error.
        public func located(in file: String) -> String { "\(file):\(line): \(message)" }
    }

    /// Several bad rows, each with its line.
    public struct Failure: Error, CustomStringConvertible {
        public var file: String
        public var errors: [RowError]
        public var description: String {
            "\(file): \(errors.count) bad row\(errors.count == 1 ? "" : "s"), nothing imported " +
                "(--skip-invalid imports the others):\n" + errors.map { "  " + $0.located(in: file) }.joined(separator: "\n")
        }
    }

    /// What an import did, for the person to check.
    public struct Report: Sendable {
        public var added = 0
        public var updated = 0
        public var unchanged = 0
        public var skipped: [RowError] = []
        /// Columns nothing reads (name them with --map).
        public var ignored: [String] = []
        /// How slashed dates were read, and why ("month first: '03/25/2026' in 'Date Applied' settles it").
        public var dateOrders: [String] = []

        public var imported: Int { added + updated + unchanged }
        public var summary: String { "\(added) new, \(updated) updated, \(unchanged) unchanged" }
    }

    static let knownHeaders: [String: Field] = [
        "company": .company, "company name": .company, "employer": .company, "organization": .company, "organisation": .company,
        "job title": .role, "title": .role, "role": .role, "position": .role, "job position": .role, "job": .role,
        "status": .stage, "stage": .stage,
        "date saved": .saved, "saved": .saved, "saved on": .saved, "date added": .saved, "created": .saved,
        "date applied": .applied, "applied": .applied, "applied on": .applied, "application date": .applied, "date": .applied,
        "date screened": .screened, "screen date": .screened, "phone screen": .screened, "phone screen date": .screened,
        "interview date": .interviewed, "date interviewed": .interviewed, "interviewed": .interviewed, "first interview": .interviewed,
        "offer date": .offered, "date offered": .offered, "offered": .offered, "offer received": .offered,
        "rejected date": .rejected, "date rejected": .rejected, "rejection date": .rejected, "rejected on": .rejected,
        "salary": .salary, "pay": .salary, "compensation": .salary, "salary range": .salary, "posted salary": .salary,
        "location": .location, "city": .location,
        "url": .url, "link": .url, "job link": .url, "job url": .url, "posting": .url, "posting url": .url,
        "notes": .notes, "note": .notes, "comments": .notes, "description": .notes,
        "contact": .contact, "contact person": .contact, "recruiter": .contact,
        "source": .source, "tags": .tags, "deadline": .deadline, "interest": .interest, "excitement": .interest,
        "candidate": .candidate, "stage history": .stageHistory,
        "id": .derived, "stage since": .derived, "last contact": .derived,
    ]

    public var file: String
    public var text: String
    public var mapping: [String: String] = [:]
    public var skipInvalid = false
    /// nil: read it from the sheet (an unambiguous date settles it; none is an error).
    public var dateOrder: DateParsing.Order?
    public var now = Date()

    public init(file: String, text: String) {
        self.file = file
        self.text = text
    }

    /// Where each row's candidate lives: a sheet's dates are days there, and
    /// "after today" means after their today (`LocalDate.today(in:)`).
    struct TimeZones {
        /// By candidate name, lowercased.
        var byName: [String: String] = [:]
        /// A row that names no candidate is for the one the import is for.
        var unnamed: String
        /// A candidate the sheet adds gets the first candidate's (`CSVMerge`).
        var added: String

        func zone(of candidate: String?) -> String {
            guard let candidate else { return unnamed }
            return byName[candidate.lowercased()] ?? added
        }

        /// The workspace's candidates' zones, for an import into it for `candidate`.
        init(_ workspace: WorkspaceService, candidate: String?) throws {
            let all = try workspace.candidates(.all)
            for c in all { byName[c.name.lowercased()] = c.timeZone }
            added = all.first?.timeZone ?? "UTC"
            // Without a candidate to import for, the merge refuses the rows that need one.
            unnamed = (try? workspace.candidate(candidate).timeZone) ?? added
        }
    }

    /// A row, checked, ready to merge.
    struct Row {
        var line: Int
        var candidate: String?
        var application: Application
        /// The columns the row had a value in: only those are compared with an existing application.
        var given: Set<Field>
        var stage: Stage?
        var stageText: String?
        /// Dated events from the sheet's own date columns or stage history.
        var events: [Event]
        var contact: String?
    }

    /// Checks every row, then merges them into the workspace in one transaction.
    public func run(into store: Store, candidate name: String?) throws -> Report {
        let zones = try store.read { try TimeZones($0, candidate: name) }
        var (rows, report) = try parse(zones)
        if !report.skipped.isEmpty && !skipInvalid { throw Failure(file: file, errors: report.skipped) }
        try store.write("import \(file)") { workspace in
            var merger = try CSVMerge(workspace.db, defaultCandidate: name, file: file, now: now)
            for row in rows { try merger.merge(row, into: &report) }
        }
        rows.removeAll()
        return report
    }

    func columns(header: [String]) throws -> (fields: [Field?], ignored: [String]) {
        var overrides: [String: Field] = [:]
        for (column, fieldName) in mapping {
            guard let field = Field(rawValue: fieldName.lowercased()), field != .derived else {
                let known = Field.allCases.filter { $0 != .derived }.map(\.rawValue).joined(separator: ", ")
                throw StoreError.invalid("--map \(column)=\(fieldName): unknown field '\(fieldName)' (known: \(known))")
            }
            guard header.contains(where: { $0.lowercased() == column.lowercased() }) else {
                throw StoreError.invalid("--map \(column)=\(fieldName): \(file) has no column '\(column)' (it has: \(header.joined(separator: ", ")))")
            }
            overrides[column.lowercased()] = field
        }
        let fields = header.map { column -> Field? in
            let key = column.trimmingCharacters(in: .whitespaces).lowercased()
            return overrides[key] ?? CSVImport.knownHeaders[key]
        }
        for required in [Field.company, .role] where !fields.contains(required) {
            throw StoreError.invalid("\(file): no column for \(required.rawValue) (columns: \(header.joined(separator: ", "))); name it with --map COLUMN=\(required.rawValue)")
        }
        let ignored = zip(header, fields).filter { $0.1 == nil && !$0.0.trimmingCharacters(in: .whitespaces).isEmpty }.map(\.0)
        return (fields, ignored)
    }

    func parse(_ zones: TimeZones) throws -> (rows: [Row], report: Report) {
        let csv: CSV<Enumerated>
        do {
            csv = try CSV<Enumerated>(string: text, loadColumns: false)
        } catch {
            throw StoreError.invalid("\(file): not readable as CSV (\(error))")
        }
        var report = Report()
        let (fields, ignored) = try columns(header: csv.header)
        report.ignored = ignored
        let orders = try dateOrders(header: csv.header, fields: fields, records: csv.rows, report: &report)
        var rows: [Row] = []
        // A record starts on the line after the previous one ends; quoted
        // fields may hold newlines, so count them.
        var line = 2 + csv.header.reduce(0) { $0 + $1.newlineCount }
        for record in csv.rows {
            defer { line += 1 + record.reduce(0) { $0 + $1.newlineCount } }
            if record.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            do {
                rows.append(try row(record, fields: fields, orders: orders, line: line, zones: zones))
            } catch let problems as RowProblems {
                report.skipped.append(RowError(line: line, message: problems.messages.joined(separator: "; ")))
            }
        }
        return (rows, report)
    }

    /// How each date column's slashed dates are read: as `dateOrder` says,
    /// else as its own unambiguous values (03/25/2026 can only be March)
    /// settle it, else as the sheet's other date columns settle it. A
    /// column of ambiguous dates that nothing settles stops the import.
    func dateOrders(header: [String], fields: [Field?], records: [[String]], report: inout Report) throws -> [Int: DateParsing.Order] {
        let dateColumns = fields.indices.filter { fields[$0]?.isDate == true }
        var settled: [Int: (order: DateParsing.Order, example: String)] = [:]
        var ambiguous: [Int: String] = [:]
        for column in dateColumns {
            for record in records where column < record.count {
                let parts = record[column].trimmingCharacters(in: .whitespaces).split(whereSeparator: { "/.".contains($0) })
                guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), parts[0].count <= 2 else { continue }
                if a > 12 && b <= 12 {
                    if let other = settled[column], other.order != .dayFirst {
                        throw StoreError.invalid("\(file): column '\(header[column])' has '\(other.example)' (month first) and '\(record[column])' (day first); make them agree")
                    }
                    settled[column] = (.dayFirst, record[column])
                } else if b > 12 && a <= 12 {
                    if let other = settled[column], other.order != .monthFirst {
                        throw StoreError.invalid("\(file): column '\(header[column])' has '\(other.example)' (day first) and '\(record[column])' (month first); make them agree")
                    }
                    settled[column] = (.monthFirst, record[column])
                } else if a != b, ambiguous[column] == nil {
                    ambiguous[column] = record[column]
                }
            }
        }
        var orders: [Int: DateParsing.Order] = [:]
        let sheetOrders = Set(settled.values.map(\.order))
        for column in dateColumns {
            if let dateOrder {
                orders[column] = dateOrder
            } else if let (order, example) = settled[column] {
                orders[column] = order
                report.dateOrders.append("'\(header[column])' read \(order.words): '\(example)' settles it")
            } else if let example = ambiguous[column] {
                guard sheetOrders.count == 1, let order = sheetOrders.first else {
                    throw StoreError.invalid("""
                        \(file): the dates in '\(header[column])' could be day first or month first ('\(example)' is \
                        \(DateParsing.Order.dayFirst.reading(example)) or \(DateParsing.Order.monthFirst.reading(example))); \
                        say which with --date-order dmy or --date-order mdy
                        """)
                }
                orders[column] = order
                report.dateOrders.append("'\(header[column])' read \(order.words), as the sheet's other dates are")
            }
        }
        return orders
    }

    /// Checks every field of a record, so that a bad row lists all its problems.
    func row(_ record: [String], fields: [Field?], orders: [Int: DateParsing.Order], line: Int, zones: TimeZones) throws -> Row {
        var values: [Field: String] = [:]
        var columnOf: [Field: Int] = [:]
        for (index, (value, field)) in zip(record, fields).enumerated() {
            guard let field, field != .derived else { continue }
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty {
                values[field] = trimmed
                columnOf[field] = index
            }
        }
        var problems: [String] = []
        func check<T>(_ body: () throws -> T) -> T? {
            do { return try body() } catch { problems.append("\(error)"); return nil }
        }
        func day(_ field: Field, _ name: String) -> LocalDate? {
            values[field].flatMap { text in
                check { try DateParsing.date(text, order: columnOf[field].flatMap { orders[$0] } ?? .dayFirst, field: name) }
            }
        }
        var application = Application(candidateID: 0, company: values[.company] ?? "", role: values[.role] ?? "")
        application.location = values[.location]
        application.url = values[.url]
        application.notes = values[.notes]
        application.source = values[.source]
        application.tags = values[.tags].map { $0.split(whereSeparator: { ",;".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        if application.company.isEmpty { problems.append("company: an application needs a company") }
        if application.role.isEmpty { problems.append("role: an application needs a role") }
        if let text = values[.salary], check({ try SalaryRange(parsing: text) }) != nil { application.postedSalary = text }
        application.decisionDeadline = day(.deadline, "deadline")
        if let text = values[.interest] {
            if let n = Int(text), (1...5).contains(n) { application.interest = n }
            else { problems.append("interest: '\(text)' is not a number from 1 to 5") }
        }
        let stage = values[.stage].flatMap { text in check { try Stage(parsing: text) } }
        // The sheet's own dates: each a dated event, at noon of that day where
        // the candidate lives, so that it shows on that day wherever it is read.
        let zone = zones.zone(of: values[.candidate])
        let today = LocalDate.today(in: zone, now: now)
        var events: [Event] = []
        for field in [Field.saved, .applied, .screened, .interviewed, .offered, .rejected] {
            guard let kind = field.datedEvent, let date = day(field, fieldName(field)) else { continue }
            if date > today && !kind.canBeBooked {
                problems.append("\(fieldName(field)): \(date) is after today")
                continue
            }
            events.append(Event(applicationID: 0, kind: kind, at: date.noon(in: zone), notes: "from \(file)"))
        }
        if let history = values[.stageHistory] {
            events = check { try stageHistory(history, timeZone: zone) } ?? []
        }
        if !problems.isEmpty { throw RowProblems(messages: problems) }
        return Row(line: line, candidate: values[.candidate], application: application, given: Set(values.keys),
                   stage: stage, stageText: values[.stage], events: events, contact: values[.contact])
    }

    func fieldName(_ field: Field) -> String {
        switch field {
        case .saved: "date saved"
        case .applied: "date applied"
        case .screened: "screen date"
        case .interviewed: "interview date"
        case .offered: "offer date"
        case .rejected: "rejected date"
        default: field.rawValue
        }
    }

    /// Cadence's own export: "2026-03-02 applied; 2026-03-09 interviewing" as
    /// the events that give that history (applied or saved, then each stage set on its day).
    func stageHistory(_ text: String, timeZone: String) throws -> [Event] {
        try text.split(separator: ";").map { entry in
            let parts = entry.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw DomainError.invalid(field: "stage history", "'\(entry)' is not 'DATE stage'") }
            let at = try LocalDate(iso: parts[0]).noon(in: timeZone)
            let stage = try Stage(parsing: parts[1])
            switch stage {
            case .applied: return Event(applicationID: 0, kind: .applied, at: at, notes: "from \(file)")
            case .saved: return Event(applicationID: 0, kind: .saved, at: at, notes: "from \(file)")
            default: return Event(applicationID: 0, kind: .correction, at: at, stage: stage, notes: "stage history from \(file)")
            }
        }
    }
}

extension DateParsing.Order {
    var words: String { self == .dayFirst ? "day first" : "month first" }

    /// "3 May" for 03/05/2026 read day first.
    func reading(_ text: String) -> String {
        guard let date = try? DateParsing.date(text, order: self) else { return text }
        return "\(date.day) \(DatePhrase.monthNames[date.month - 1].capitalized)"
    }
}

/// Everything wrong with one row.
struct RowProblems: Error {
    var messages: [String]
}

extension String {
    var newlineCount: Int { reduce(0) { $1.isNewline ? $0 + 1 : $0 } }
}
