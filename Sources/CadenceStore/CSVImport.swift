import CadenceCore
import Foundation
import GRDB
import SwiftCSV

/// Applications from a spreadsheet or another tracker's CSV export.
///
/// Common headers are recognised (Company, Job Title/Role/Position,
/// Status/Stage, Date Applied, Salary, Location, URL, Notes, Contact, …);
/// `mapping` names the rest (`["Employer": "company"]`). Every row is checked
/// before anything is written: with a bad row nothing is imported, unless
/// `skipInvalid`, which imports the good rows and reports the others.
public struct CSVImport {
    /// What a column can fill.
    public enum Field: String, CaseIterable, Sendable {
        case company, role, stage, applied, salary, location, url, notes, contact, source, tags, deadline, interest
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

    public struct Report: Sendable {
        public var imported: Int
        public var skipped: [RowError]
    }

    static let knownHeaders: [String: Field] = [
        "company": .company, "company name": .company, "employer": .company, "organization": .company, "organisation": .company,
        "job title": .role, "title": .role, "role": .role, "position": .role, "job": .role,
        "status": .stage, "stage": .stage,
        "date applied": .applied, "applied": .applied, "applied on": .applied, "application date": .applied, "date": .applied,
        "salary": .salary, "pay": .salary, "compensation": .salary, "salary range": .salary,
        "location": .location, "city": .location,
        "url": .url, "link": .url, "job link": .url, "job url": .url, "posting": .url,
        "notes": .notes, "note": .notes, "comments": .notes,
        "contact": .contact, "contact person": .contact, "recruiter": .contact,
        "source": .source, "tags": .tags, "deadline": .deadline, "interest": .interest, "excitement": .interest,
    ]

    public var file: String
    public var text: String
    public var mapping: [String: String] = [:]
    public var skipInvalid = false
    public var dateOrder: DateParsing.Order = .dayFirst
    public var now = Date()

    public init(file: String, text: String) {
        self.file = file
        self.text = text
    }

    /// A row ready to insert.
    struct Row {
        var line: Int
        var application: Application
        var events: [Event]
        var contact: Contact?
    }

    /// Checks every row and imports them into the candidate's workspace, all in one transaction.
    public func run(into store: Store, candidate name: String?) throws -> Report {
        let (rows, errors) = try parse()
        if !errors.isEmpty && !skipInvalid { throw Failure(file: file, errors: errors) }
        try store.write("import \(file)") { workspace in
            let db = workspace.db
            let candidate = try Queries.candidate(name, db)
            for row in rows {
                var application = row.application
                application.candidateID = candidate.id!
                try Queries.add(&application, db)
                for var event in row.events {
                    event.applicationID = application.id!
                    try Queries.log(&event, db)
                }
                if var contact = row.contact {
                    contact.applicationID = application.id!
                    try Queries.add(&contact, db)
                }
            }
        }
        return Report(imported: rows.count, skipped: errors)
    }

    func columns(header: [String]) throws -> [Field?] {
        var overrides: [String: Field] = [:]
        for (column, fieldName) in mapping {
            guard let field = Field(rawValue: fieldName.lowercased()) else {
                let known = Field.allCases.map(\.rawValue).joined(separator: ", ")
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
        return fields
    }

    func parse() throws -> (rows: [Row], errors: [RowError]) {
        let csv: CSV<Enumerated>
        do {
            csv = try CSV<Enumerated>(string: text, loadColumns: false)
        } catch {
            throw StoreError.invalid("\(file): not readable as CSV (\(error))")
        }
        let fields = try columns(header: csv.header)
        var rows: [Row] = [], errors: [RowError] = []
        // A record starts on the line after the previous one ends; quoted
        // fields may hold newlines, so count them.
        var line = 2 + csv.header.reduce(0) { $0 + $1.newlineCount }
        for record in csv.rows {
            defer { line += 1 + record.reduce(0) { $0 + $1.newlineCount } }
            if record.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            do {
                rows.append(try row(record, fields: fields, line: line))
            } catch let problems as RowProblems {
                errors.append(RowError(line: line, message: problems.messages.joined(separator: "; ")))
            }
        }
        return (rows, errors)
    }

    /// Checks every field of a record, so that a bad row lists all its problems.
    func row(_ record: [String], fields: [Field?], line: Int) throws -> Row {
        var values: [Field: String] = [:]
        for (value, field) in zip(record, fields) {
            guard let field else { continue }
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { values[field] = trimmed }
        }
        var problems: [String] = []
        func check<T>(_ body: () throws -> T) -> T? {
            do { return try body() } catch { problems.append("\(error)"); return nil }
        }
        var application = Application(candidateID: 0, company: values[.company] ?? "", role: values[.role] ?? "")
        application.location = values[.location]
        application.url = values[.url]
        application.postedSalary = values[.salary]
        application.notes = values[.notes]
        application.source = values[.source]
        application.tags = values[.tags].map { $0.split(whereSeparator: { ",;".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        if application.company.isEmpty { problems.append("company: an application needs a company") }
        if application.role.isEmpty { problems.append("role: an application needs a role") }
        if let text = values[.deadline] {
            application.decisionDeadline = check { try DateParsing.date(text, order: dateOrder, field: "deadline") }
        }
        if let text = values[.interest] {
            if let n = Int(text), (1...5).contains(n) { application.interest = n }
            else { problems.append("interest: '\(text)' is not a number from 1 to 5") }
        }
        let stage = values[.stage].flatMap { text in check { try Stage(parsing: text) } }
        let appliedDay = values[.applied].flatMap { text in check { try DateParsing.date(text, order: dateOrder, field: "date applied") } }
        if !problems.isEmpty { throw RowProblems(messages: problems) }
        let appliedAt = appliedDay.map { $0.noon(in: "UTC") } ?? now
        var events: [Event] = []
        if stage == .saved && appliedDay == nil {
            events.append(Event(applicationID: 0, kind: .saved, at: now, notes: "imported from \(file)"))
        } else {
            events.append(Event(applicationID: 0, kind: .applied, at: appliedAt, notes: "imported from \(file)"))
        }
        if let stage, stage != .applied, stage != .saved {
            // The tracker knew the stage but not when it began: dated at import.
            events.append(Event(applicationID: 0, kind: .correction, at: max(now, appliedAt), stage: stage,
                                notes: "stage '\(values[.stage]!)' imported from \(file)"))
        }
        let contact = values[.contact].map { Contact(applicationID: 0, name: $0) }
        return Row(line: line, application: application, events: events, contact: contact)
    }
}

/// Everything wrong with one row.
struct RowProblems: Error {
    var messages: [String]
}

extension String {
    var newlineCount: Int { reduce(0) { $1.isNewline ? $0 + 1 : $0 } }
}
