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
        /// The day the status was last true: the sheet's own date for its status.
        case statusDate = "status-date"
        /// People: each a contact with that role; the email columns give their addresses.
        case recruiter
        case hiringManager = "hiring-manager"
        case recruiterEmail = "recruiter-email"
        case hiringManagerEmail = "hiring-manager-email"
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

        var isDate: Bool { datedEvent != nil || self == .deadline || self == .statusDate }
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
        /// How amounts without a currency were read ("bare amounts read as USD (your region: the United States)").
        public var bareAmounts: String?
        /// Each row the import changed or kept from changing, in words
        /// ("Lone Star Bank: stage interviewing kept (you logged an interview on Thu 3 Dec; …)").
        public var changes: [String] = []

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
        "contact": .contact, "contact person": .contact, "contact name": .contact,
        "recruiter": .recruiter, "recruiter name": .recruiter, "recruiter contact": .recruiter, "talent partner": .recruiter,
        "hiring manager": .hiringManager, "hiring manager name": .hiringManager, "manager": .hiringManager, "hm": .hiringManager,
        "recruiter email": .recruiterEmail, "recruiter e-mail": .recruiterEmail,
        "hiring manager email": .hiringManagerEmail, "hiring manager e-mail": .hiringManagerEmail, "manager email": .hiringManagerEmail,
        "status date": .statusDate, "date of status": .statusDate, "status updated": .statusDate, "status changed": .statusDate,
        "updated": .statusDate, "last updated": .statusDate, "date updated": .statusDate, "updated on": .statusDate,
        "last update": .statusDate, "last modified": .statusDate, "stage since": .statusDate,
        "last contact": .statusDate, "last contacted": .statusDate, "last contact date": .statusDate, "date of last contact": .statusDate,
        "source": .source, "tags": .tags, "deadline": .deadline, "interest": .interest, "excitement": .interest,
        "candidate": .candidate, "stage history": .stageHistory,
        "id": .derived,
        // Sheets kept in German, French or Dutch.
        "firma": .company, "unternehmen": .company, "arbeitgeber": .company, "entreprise": .company, "société": .company,
        "bedrijf": .company, "werkgever": .company,
        "stelle": .role, "jobtitel": .role, "stellenbezeichnung": .role, "poste": .role, "intitulé du poste": .role,
        "functie": .role, "vacature": .role,
        "beworben am": .applied, "bewerbungsdatum": .applied, "datum": .applied, "date de candidature": .applied,
        "postulé le": .applied, "sollicitatiedatum": .applied, "gesolliciteerd op": .applied,
        "gehalt": .salary, "gehaltsband": .salary, "salaire": .salary, "salaris": .salary,
        "ort": .location, "standort": .location, "lieu": .location, "ville": .location, "locatie": .location, "plaats": .location,
        "notizen": .notes, "bemerkungen": .notes, "remarques": .notes, "notities": .notes, "opmerkingen": .notes,
        "ansprechpartner": .contact, "ansprechpartnerin": .contact, "contact rh": .recruiter, "contactpersoon": .contact,
        "recruiterin": .recruiter, "personalvermittler": .recruiter, "recruteur": .recruiter, "recruteuse": .recruiter,
        "quelle": .source, "frist": .deadline, "bewerbungsfrist": .deadline, "date limite": .deadline,
        "zuletzt aktualisiert": .statusDate, "letzter kontakt": .statusDate, "dernière mise à jour": .statusDate,
        "laatst bijgewerkt": .statusDate,
    ]

    public var file: String
    public var text: String
    public var mapping: [String: String] = [:]
    public var skipInvalid = false
    /// nil: read it from the sheet (an unambiguous date settles it), else
    /// from the candidate's region; with neither, an ambiguous date is an error.
    public var dateOrder: DateParsing.Order?
    /// `--map-status`: statuses the vocabulary lacks, by `SheetStatus.key`.
    public var statusMapping: [String: SheetStatus] = [:]
    /// `--currency`: what a bare amount is in (else the candidate's region's currency).
    public var currency: String?
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
        /// The region of the candidate the import is for: how their sheet's
        /// numeric dates and bare amounts are read (nil: it does not say).
        var region: Region?

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
            let owner = try? workspace.candidate(candidate)
            unnamed = owner?.timeZone ?? added
            region = owner?.effectiveRegion ?? (owner == nil ? all.first?.effectiveRegion : nil)
        }
    }

    /// A row, checked, ready to merge.
    struct Row {
        var line: Int
        var candidate: String?
        var application: Application
        /// The columns the row had a value in: only those are compared with an existing application.
        var given: Set<Field>
        /// What the status cell means, and its text as the sheet wrote it.
        var status: SheetStatus?
        var statusText: String?
        /// The day the sheet gives for its status; nil: the day of the import.
        var statusDate: LocalDate?
        /// Dated events from the sheet's own date columns or stage history.
        var events: [Event]
        var people: [Person]
    }

    /// Someone a row names: a contact of the application with this role.
    struct Person: Equatable {
        var name: String
        var email: String?
        var role: Contact.Role
    }

    /// Statuses nothing maps: the import waits until each is named.
    public struct UnknownStatuses: Error, CustomStringConvertible {
        public var file: String
        /// Each status as the sheet wrote it, the lines it is on, and a stage it may mean.
        public var statuses: [(text: String, lines: [Int], guess: String)]
        /// The rows that are bad besides, so that one pass shows everything to fix.
        public var badRows: [RowError] = []
        public var description: String {
            "\(file): \(statuses.count) status\(statuses.count == 1 ? "" : "es") Cadence does not know, nothing imported:\n"
                + statuses.map { "  '\($0.text)' (line\($0.lines.count == 1 ? "" : "s") \($0.lines.map(String.init).joined(separator: ", ")))" }
                    .joined(separator: "\n")
                + (badRows.isEmpty ? "" : "\nand \(badRows.count) bad row\(badRows.count == 1 ? "" : "s"):\n"
                    + badRows.map { "  " + $0.located(in: file) }.joined(separator: "\n"))
        }
    }

    /// Checks every row, then merges them into the workspace in one transaction.
    public func run(into store: Store, candidate name: String?) throws -> Report {
        // The workspace keeps instants to the millisecond, rounded: an event
        // logged "now" must read back no later than the now its stage is worked
        // out at, so now is a whole second.
        var importer = self
        importer.now = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        return try importer.merge(into: store, candidate: name)
    }

    private func merge(into store: Store, candidate name: String?) throws -> Report {
        let zones = try store.read { try TimeZones($0, candidate: name) }
        var (rows, report) = try parse(zones)
        if !report.skipped.isEmpty && !skipInvalid { throw Failure(file: file, errors: report.skipped) }
        report = try store.write("import \(file)") { workspace in
            var merger = try CSVMerge(workspace.db, defaultCandidate: name, file: file, now: now)
            var merged = report
            for row in rows { try merger.merge(row, into: &merged) }
            merger.finish(into: &merged)
            return merged
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
        let orders = try dateOrders(header: csv.header, fields: fields, records: csv.rows, region: zones.region, report: &report)
        var rows: [Row] = []
        // A record starts on the line after the previous one ends; quoted
        // fields may hold newlines, so count them.
        var line = 2 + csv.header.reduce(0) { $0 + $1.newlineCount }
        var unknown: [(text: String, lines: [Int], guess: String)] = []
        for record in csv.rows {
            defer { line += 1 + record.reduce(0) { $0 + $1.newlineCount } }
            if record.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { continue }
            do {
                rows.append(try row(record, fields: fields, orders: orders, line: line, zones: zones, report: &report))
            } catch let problems as RowProblems {
                report.skipped.append(RowError(line: line, message: problems.messages.joined(separator: "; ")))
            }
            let status = fields.firstIndex(of: .stage).flatMap { $0 < record.count ? record[$0] : nil }?
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if let text = status, !text.isEmpty, SheetStatus.meaning(of: text, overrides: statusMapping) == nil {
                if let i = unknown.firstIndex(where: { SheetStatus.key($0.text) == SheetStatus.key(text) }) {
                    unknown[i].lines.append(line)
                } else {
                    unknown.append((text, [line], SheetStatus.guess(text)))
                }
            }
        }
        // Every status is known before anything is read into the workspace:
        // a row whose status means nothing would be imported half right.
        if !unknown.isEmpty { throw UnknownStatuses(file: file, statuses: unknown, badRows: skipInvalid ? [] : report.skipped) }
        return (rows, report)
    }

    /// How each date column's slashed dates are read: as `dateOrder` says,
    /// else as its own unambiguous values (03/25/2026 can only be March)
    /// settle it, else as the sheet's other date columns settle it, else as
    /// the candidate's region writes dates. A column of ambiguous dates that
    /// nothing settles stops the import, with both readings of one.
    func dateOrders(header: [String], fields: [Field?], records: [[String]], region: Region?,
                    report: inout Report) throws -> [Int: DateParsing.Order] {
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
                if sheetOrders.count == 1, let order = sheetOrders.first {
                    orders[column] = order
                    report.dateOrders.append("'\(header[column])' read \(order.words), as the sheet's other dates are")
                } else if let region, let order = region.dateOrder {
                    orders[column] = order
                    report.dateOrders.append("'\(header[column])' read \(order.words), as dates are written in your region "
                        + "(\(region.name)): '\(example)' is \(order.reading(example)); --date-order \(order.other.rawValue) reads it the other way")
                } else {
                    let why = region.map { "\($0.name) writes dates both ways" } ?? "your candidate has no region to decide"
                    throw StoreError.invalid("""
                        \(file): the dates in '\(header[column])' could be day first or month first ('\(example)' is \
                        \(DateParsing.Order.dayFirst.reading(example)) or \(DateParsing.Order.monthFirst.reading(example)), and \
                        \(why)); say which with --date-order dmy or --date-order mdy
                        """)
                }
            }
        }
        return orders
    }

    /// Checks every field of a record, so that a bad row lists all its problems.
    func row(_ record: [String], fields: [Field?], orders: [Int: DateParsing.Order], line: Int, zones: TimeZones,
             report: inout Report) throws -> Row {
        var values: [Field: String] = [:]
        var columnOf: [Field: Int] = [:]
        for (index, (value, field)) in zip(record, fields).enumerated() {
            guard let field, field != .derived else { continue }
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            // Of two columns for one field (Updated and Last Contact), the first filled wins.
            if !trimmed.isEmpty, values[field] == nil {
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
        if let text = values[.salary] { application.postedSalary = check { try salary(text, region: zones.region, report: &report) } }
        application.decisionDeadline = day(.deadline, "deadline")
        if let text = values[.interest] {
            if let n = Int(text), (1...5).contains(n) { application.interest = n }
            else { problems.append("interest: '\(text)' is not a number from 1 to 5") }
        }
        let status = values[.stage].flatMap { SheetStatus.meaning(of: $0, overrides: statusMapping) }
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
            events.append(Event(applicationID: 0, kind: kind, at: Self.instant(of: date, in: zone, now: now), notes: "from \(file)"))
        }
        var statusDate: LocalDate?
        if let history = values[.stageHistory] {
            // Cadence's own export: the history dates every stage, and its status is the last of them.
            events = check { try stageHistory(history, timeZone: zone) } ?? []
        } else if let date = day(.statusDate, "status date") {
            if date > today { problems.append("status date: \(date.shortText) \(date.year) is after today (\(today.shortText))") }
            statusDate = date
        }
        var people: [Person] = []
        for (field, emailField, role) in [(Field.contact, nil, Contact.Role.other), (.recruiter, Field.recruiterEmail, .recruiter),
                                          (.hiringManager, .hiringManagerEmail, .hiringManager)] {
            if let person = check({ try self.person(values[field], email: emailField.flatMap { values[$0] }, role: role) }) ?? nil {
                people.append(person)
            }
        }
        if !problems.isEmpty { throw RowProblems(messages: problems) }
        return Row(line: line, candidate: values[.candidate], application: application, given: Set(values.keys),
                   status: status, statusText: values[.stage], statusDate: statusDate, events: events, people: people)
    }

    /// A person cell: "Dana Reyes", "Dana Reyes <dana@lonestar.example>" or
    /// an address alone; the address may come from its own column.
    func person(_ cell: String?, email column: String?, role: Contact.Role) throws -> Person? {
        var name = cell ?? ""
        var email = column
        if let open = name.lastIndex(of: "<"), name.hasSuffix(">") {
            email = email ?? String(name[name.index(after: open)..<name.index(before: name.endIndex)]).trimmingCharacters(in: .whitespaces)
            name = String(name[..<open]).trimmingCharacters(in: .whitespaces)
        } else if name.contains("@"), !name.contains(" ") {
            email = email ?? name
        }
        if let email { try EmailAddress.check(email, field: role == .other ? "contact" : role.rawValue + " email") }
        if name.isEmpty { name = email ?? "" }
        return name.isEmpty ? nil : Person(name: name, email: email, role: role)
    }

    /// A salary as the sheet writes it; one with no currency ("45000",
    /// "150-170k") is in `currency`, else the candidate's region's, and is
    /// stored with it written out. With neither, it is refused, saying how.
    func salary(_ text: String, region: Region?, report: inout Report) throws -> String {
        let read = try BareAmount.salary(text, currency: currency ?? region?.currency)
        if let code = read.assumed, report.bareAmounts == nil {
            report.bareAmounts = "bare amounts read as \(code) ("
                + (currency != nil ? "--currency \(code)" : "your region: \(region?.name ?? "?")") + ")"
        }
        return read.text
    }

    /// When a day the sheet gives happened: noon where the candidate lives, so
    /// that it shows on that day wherever it is read; today, while noon is
    /// still to come, now, so that it counts already.
    static func instant(of day: LocalDate, in zone: String, now: Date) -> Date {
        let noon = day.noon(in: zone)
        return day == LocalDate.today(in: zone, now: now) ? min(noon, now) : noon
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
            let at = Self.instant(of: try LocalDate(iso: parts[0]), in: timeZone, now: now)
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
    var other: DateParsing.Order { self == .dayFirst ? .monthFirst : .dayFirst }

    /// "3 May" for 03/05/2026 read day first.
    func reading(_ text: String) -> String {
        guard let date = try? DateParsing.date(text, order: self) else { return text }
        return "\(date.weekday.name.prefix(3)) \(date.day) \(DatePhrase.monthNames[date.month - 1].capitalized) \(date.year)"
    }
}

/// Everything wrong with one row.
struct RowProblems: Error {
    var messages: [String]
}

extension String {
    var newlineCount: Int { reduce(0) { $1.isNewline ? $0 + 1 : $0 } }
}
