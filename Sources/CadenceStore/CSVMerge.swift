import CadenceCore
import Foundation
import GRDB

/// Merges a sheet's checked rows into a workspace: a row matching an
/// application (the same candidate, company and role, or the same posting
/// URL) updates it, and each change is logged, so the timeline says when the
/// sheet said what; a row matching none is a new application.
struct CSVMerge {
    let db: Database
    let file: String
    let now: Date
    private let defaultCandidate: String?
    private var candidates: [String: Candidate] = [:]
    private var byKey: [String: Int64] = [:]
    private var byURL: [String: Int64] = [:]

    init(_ db: Database, defaultCandidate: String?, file: String, now: Date) throws {
        self.db = db
        self.file = file
        self.now = now
        self.defaultCandidate = defaultCandidate
        for c in try Queries.candidates(db) { candidates[c.name.lowercased()] = c }
        for a in try Queries.applications(db) { remember(a) }
    }

    private static func key(_ candidate: Int64, _ company: String, _ role: String) -> String {
        "\(candidate)|\(company.lowercased())|\(role.lowercased())"
    }

    private mutating func remember(_ a: Application) {
        byKey[Self.key(a.candidateID, a.company, a.role)] = a.id!
        if let url = a.url, !url.isEmpty { byURL[url.lowercased()] = a.id! }
    }

    /// The row's candidate: named in the sheet (Cadence's own export; one
    /// not in the workspace yet is added), else the one the import is for.
    private mutating func candidate(for row: CSVImport.Row) throws -> Candidate {
        guard let name = row.candidate else { return try Queries.candidate(defaultCandidate, db) }
        if let known = candidates[name.lowercased()] { return known }
        var added = Candidate(name: name, timeZone: try Queries.candidates(db).first?.timeZone ?? "UTC")
        try Queries.add(&added, db)
        candidates[name.lowercased()] = added
        return added
    }

    mutating func merge(_ row: CSVImport.Row, into report: inout CSVImport.Report) throws {
        let owner = try candidate(for: row)
        let match = row.application.url.flatMap { byURL[$0.lowercased()] }
            ?? byKey[Self.key(owner.id!, row.application.company, row.application.role)]
        if let match, let existing = try ApplicationRows.fetch(db, id: match).first {
            if try update(existing, from: row) { report.updated += 1 } else { report.unchanged += 1 }
        } else {
            try add(row, for: owner)
            report.added += 1
        }
    }

    private mutating func add(_ row: CSVImport.Row, for owner: Candidate) throws {
        var application = row.application
        application.candidateID = owner.id!
        try Queries.add(&application, db)
        remember(application)
        var events = row.events
        if !events.contains(where: { $0.kind == .applied || $0.kind == .saved }) {
            // The sheet has no date it began: it began (for Cadence) now.
            let kind: EventKind = row.stage == .saved ? .saved : .applied
            events.insert(Event(applicationID: 0, kind: kind, at: min(now, events.first?.at ?? now), notes: "imported from \(file)"), at: 0)
        }
        for var event in events.sorted(by: { $0.at < $1.at }) {
            event.applicationID = application.id!
            try Queries.log(&event, db, now: now)
        }
        try settleStage(of: application.id!, row)
        if let name = row.contact {
            var contact = Contact(applicationID: application.id!, name: name)
            try Queries.add(&contact, db)
        }
    }

    /// Applies what differs; returns whether anything did.
    private func update(_ existing: Application, from row: CSVImport.Row) throws -> Bool {
        var a = existing
        var changes: [String] = []
        func compare<T: Equatable>(_ field: CSVImport.Field, _ name: String, _ path: WritableKeyPath<Application, T>,
                                   _ show: (T) -> String) {
            guard row.given.contains(field), row.application[keyPath: path] != a[keyPath: path] else { return }
            changes.append("\(name) '\(show(a[keyPath: path]))' -> '\(show(row.application[keyPath: path]))'")
            a[keyPath: path] = row.application[keyPath: path]
        }
        let text: (String?) -> String = { $0 ?? "" }
        compare(.location, "location", \.location, text)
        compare(.url, "url", \.url, text)
        compare(.salary, "salary", \.postedSalary, text)
        compare(.source, "source", \.source, text)
        compare(.notes, "notes", \.notes, text)
        compare(.tags, "tags", \.tags) { $0.joined(separator: ", ") }
        compare(.deadline, "deadline", \.decisionDeadline) { $0?.description ?? "" }
        compare(.interest, "interest", \.interest) { $0.map(String.init) ?? "" }
        let id = existing.id!
        if !changes.isEmpty {
            try Queries.update(a, db)
            var note = Event(applicationID: id, kind: .note, at: now, notes: "from \(file): " + changes.joined(separator: "; "))
            try Queries.log(&note, db, now: now)
        }
        // Dates the sheet has that the timeline lacks (an interview date filled
        // in since); of a stage history (Cadence's own export), the stages on
        // days the timeline does not already give them.
        // Days are the candidate's, as the sheet's dates are.
        let zone = try Queries.timeZone(of: existing, db)
        func day(_ at: Date) -> String { Timestamps.day(at, in: zone) }
        let log = try Queries.events(of: id, db)
        let known = Set(log.map { "\($0.kind.rawValue)|\(day($0.at))" })
        let stages = Set(LogDigest(log, asOf: now).history.changes.map { "\($0.stage.rawValue)|\(day($0.at))" })
        func isNew(_ e: Event) -> Bool {
            if row.given.contains(.stageHistory) {
                let stage = e.stage ?? (e.kind == .saved ? .saved : .applied)
                return !stages.contains("\(stage.rawValue)|\(day(e.at))")
            }
            return !known.contains("\(e.kind.rawValue)|\(day(e.at))")
        }
        var logged = false
        for var event in row.events where isNew(event) {
            event.applicationID = id
            try Queries.log(&event, db, now: now)
            logged = true
        }
        let settled = try settleStage(of: id, row)
        var added = false
        if let name = row.contact, try !Queries.contacts(of: id, db).contains(where: { $0.name.lowercased() == name.lowercased() }) {
            var contact = Contact(applicationID: id, name: name)
            try Queries.add(&contact, db)
            added = true
        }
        return !changes.isEmpty || logged || settled || added
    }

    /// Where the sheet's status is not the stage the timeline gives, a
    /// correction sets it (dated now: the sheet does not say when it changed).
    @discardableResult
    private func settleStage(of id: Int64, _ row: CSVImport.Row) throws -> Bool {
        guard let stage = row.stage else { return false }
        let current = LogDigest(try Queries.events(of: id, db), asOf: now).history.current
        guard current != stage else { return false }
        var correction = Event(applicationID: id, kind: .correction, at: now, stage: stage,
                               notes: "status '\(row.stageText ?? stage.rawValue)' from \(file)")
        try Queries.log(&correction, db, now: now)
        return true
    }
}
