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
    /// The roles applied for at each company, by candidate and `NameMatch.companyKey`.
    private var roles: [String: Set<String>] = [:]
    /// The words for each application the sheet changed or kept from changing, in sheet order.
    private var changes: [(application: Application, words: String)] = []

    init(_ db: Database, defaultCandidate: String?, file: String, now: Date) throws {
        self.db = db
        self.file = file
        self.now = now
        self.defaultCandidate = defaultCandidate
        for c in try Queries.candidates(db) { candidates[c.name.lowercased()] = c }
        for a in try Queries.applications(db) { remember(a) }
    }

    /// "Harbor Payments Inc." and "Harbor Payments" are one company (`NameMatch.companyKey`).
    private static func key(_ candidate: Int64, _ company: String, _ role: String) -> String {
        "\(candidate)|\(NameMatch.companyKey(company))|\(role.lowercased())"
    }

    private mutating func remember(_ a: Application) {
        byKey[Self.key(a.candidateID, a.company, a.role)] = a.id!
        if let url = a.url, !url.isEmpty { byURL[url.lowercased()] = a.id! }
        roles["\(a.candidateID)|\(NameMatch.companyKey(a.company))", default: []].insert(a.role.lowercased())
    }

    /// How a report line names an application: its company, and its role
    /// too when the candidate has another role there.
    private func label(_ a: Application) -> String {
        let name = TerminalText.line(a.company)
        return roles["\(a.candidateID)|\(NameMatch.companyKey(a.company))", default: []].count > 1
            ? "\(name) (\(TerminalText.line(a.role)))" : name
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
            let said = try update(existing, from: row)
            if said.changed { report.updated += 1 } else { report.unchanged += 1 }
            if !said.words.isEmpty { tell(existing, said.words) }
        } else {
            let words = try add(row, for: owner)
            report.added += 1
            tell(words.application, words.words)
        }
    }

    private mutating func tell(_ application: Application, _ words: [String]) {
        changes.append((application, words.joined(separator: "; ")))
    }

    /// What each row changed or kept, in words, each application named once
    /// the whole sheet is in (its role too where it has a sibling at that company).
    func finish(into report: inout CSVImport.Report) {
        report.changes = changes.map { "\(label($0.application)): \($0.words)" }
    }

    private mutating func add(_ row: CSVImport.Row, for owner: Candidate) throws -> (application: Application, words: [String]) {
        var application = row.application
        application.candidateID = owner.id!
        try Queries.add(&application, db)
        remember(application)
        let id = application.id!
        let zone = try Queries.timeZone(of: application, db)
        var events = row.events.sorted(by: { $0.at < $1.at })
        if !events.contains(where: { $0.kind == .applied || $0.kind == .saved }) {
            // The sheet has no date it began: it began (for Cadence) by its first
            // date, the status's included, else now.
            let kind: EventKind = row.status?.stage == .saved ? .saved : .applied
            let first = min(now, events.first?.at ?? now, row.statusDate.map { CSVImport.instant(of: $0, in: zone, now: now) } ?? now)
            events.insert(Event(applicationID: 0, kind: kind, at: first, notes: "imported from \(file)"), at: 0)
        }
        // Where the sheet's dates already give its status, the last of them says it was read.
        if let text = row.statusText, let stage = row.status?.stage, StageHistory(events: events).current == stage {
            events[events.count - 1].notes = "from \(file): " + Self.marker(text)
        }
        var read: Set<Int64> = []
        for var event in events {
            event.applicationID = id
            try Queries.log(&event, db, now: now)
            read.insert(event.id!)
        }
        let settled = try settleStatus(of: application, row, zone: zone, read: read)
        let met = try meet(row.people, at: id)
        let stage = LogDigest(try Queries.events(of: id, db), asOf: now).history.current
        var words = ["new, stage \(stage.rawValue)"]
        if case .changed(let move, let why) = settled {
            // A move of stage is said by the stage it ended at; setting aside is said as itself.
            words[0] += (move.hasPrefix("stage ") ? "" : ", " + move) + " (\(why))"
        }
        if case .kept(let what) = settled { words.append(what) }
        return (application, words + met)
    }

    /// Applies what differs; returns whether anything did, and the words for what changed or was kept.
    private func update(_ existing: Application, from row: CSVImport.Row) throws -> (changed: Bool, words: [String]) {
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
        var logged: [String] = [], keptDates: [String] = []
        var read: Set<Int64> = []
        for var event in row.events where isNew(event) {
            // What happens once (applying, a no) on another day than the timeline has is the sheet's
            // date changing, not a second happening: the timeline's stays, and the import says so.
            if Self.happensOnce.contains(event.kind), let had = log.last(where: { $0.kind == event.kind }) {
                keptDates.append("\(Self.words(had, in: zone)) kept (the sheet now says \(LocalDate(event.at, in: zone).shortText); "
                                 + "a correction of yours changes it)")
                continue
            }
            event.applicationID = id
            try Queries.log(&event, db, now: now)
            logged.append(Self.words(event, in: zone))
            read.insert(event.id!)
        }
        var words = changes.map { TerminalText.line($0.replacingOccurrences(of: "' -> '", with: "' → '")) }
        if !logged.isEmpty { words.append("logged " + logged.joined(separator: ", ") + " from the sheet's dates") }
        words += keptDates
        let settled = try settleStatus(of: existing, row, zone: zone, read: read)
        switch settled {
        case .changed(let move, let why): words.append("\(move) (\(why))")
        case .kept(let what): words.append(what)
        case .unchanged: break
        }
        let met = try meet(row.people, at: id)
        var changed = !changes.isEmpty || !logged.isEmpty || !met.isEmpty
        if case .changed = settled { changed = true }
        return (changed, words + met)
    }

    /// What the sheet's status did to an application.
    enum Settled {
        /// The workspace already says it, or the sheet said it before.
        case unchanged
        /// The stage moved ("stage applied → interviewing"), and why ("the sheet says Onsite as of …").
        case changed(String, why: String)
        /// The stage stayed, and why ("stage interviewing kept (you logged …)").
        case kept(String)
    }

    /// The sheet's status as a dated fact: as of its status date (else the
    /// day of the import) the application was at that stage. It is taken
    /// unless the timeline knows better: the sheet said it already (so a
    /// correction logged since is not undone by the same sheet), the
    /// application has ended or would move back along the stages (a stale
    /// sheet), or something was logged on that day or later. What it takes
    /// is logged as the event the status means (an onsite is an interview,
    /// dated as the sheet says), so follow-ups are planned from it as from a
    /// logged one; a status with no event is a correction. `read`: the
    /// events this import just logged from the row's own dates, the sheet's
    /// facts, which its status does not give way to.
    private func settleStatus(of application: Application, _ row: CSVImport.Row, zone: String, read: Set<Int64>) throws -> Settled {
        guard let text = row.statusText, let status = row.status else { return .unchanged }
        let id = application.id!
        let log = try Queries.events(of: id, db)
        if let said = Self.lastSaid(log), SheetStatus.key(said) == SheetStatus.key(text) { return .unchanged }
        let history = LogDigest(log, asOf: now).history
        let current = history.current
        let today = LocalDate.today(in: zone, now: now)
        let asOf = row.statusDate ?? today
        let at = row.statusDate.map { CSVImport.instant(of: $0, in: zone, now: now) } ?? now
        let says = "the sheet says \(TerminalText.line(text)) " + (row.statusDate == nil ? "today" : "as of \(asOf.shortText)")
        let from = "from \(file): " + Self.marker(text)
        func note(_ words: String) throws {
            var event = Event(applicationID: id, kind: .note, at: now, notes: words + "; " + from)
            try Queries.log(&event, db, now: now)
        }
        guard let stage = status.stage else {
            guard application.archivedAt == nil else { return .unchanged }
            try db.execute(sql: "UPDATE application SET archivedAt = ? WHERE id = ?", arguments: [now, id])
            try note("set aside (archived)")
            return .changed("set aside (archived)", why: "\(says); 'cadence app unarchive \(id)' brings it back")
        }
        if stage == current {
            // Agreeing now, remembered: a correction logged later is not undone by this same sheet.
            try note("the sheet agrees: \(stage.rawValue)")
            return .unchanged
        }
        let events = Dictionary(log.compactMap { e in e.id.map { ($0, e) } }, uniquingKeysWith: { a, _ in a })
        func why(_ change: StageHistory.Change?) -> String {
            guard let change, let event = change.eventID.flatMap({ events[$0] }) else { return "" }
            let who = Self.isFromSheet(event) || read.contains(event.id ?? -1) ? "a sheet gave" : "you logged"
            return "\(who) \(Self.words(event, in: zone))"
        }
        var kept: String?
        if current.isTerminal {
            kept = "it has ended: " + why(history.changes.last)
        } else if current != .ghosted, !stage.isTerminal, stage != .ghosted, stage < current {
            kept = why(history.changes.last)
        } else if let logged = history.changes.last(where: { c in
                      !(c.eventID.flatMap { events[$0] }.map { Self.isFromSheet($0) || read.contains($0.id!) } ?? false) }),
                  LocalDate(logged.at, in: zone) >= asOf {
            kept = why(logged)
        }
        // The happening it means, logged by you on its day or later: also one
        // booked ahead (an interview next Tuesday is no stage yet, but the
        // sheet's "Onsite" is that interview, not another on the sheet's day).
        if kept == nil, let kind = status.event,
           let same = log.last(where: { e in e.kind == kind && LocalDate(e.at, in: zone) >= asOf
                                        && !Self.isFromSheet(e) && !read.contains(e.id ?? -1) }) {
            kept = "you logged \(Self.words(same, in: zone))"
        }
        if let kept {
            let words = "stage \(current.rawValue) kept (\(kept); \(says))"
            try note(words)
            return .kept(words)
        }
        var event: Event
        if let kind = status.event, kind != .saved {
            // The people the row names are the ones met: thank-yous and status notes go to them.
            let met = kind == .interview || kind == .screen ? row.people.map(\.name) : []
            event = Event(applicationID: id, kind: kind, at: at, with: met, round: status.round, notes: from)
        } else {
            event = Event(applicationID: id, kind: .correction, at: at, stage: stage, notes: from)
        }
        try Queries.log(&event, db, now: now)
        var logged = [Self.words(event, in: zone)]
        // An event that does not move the stage by itself (an application is
        // revived from ghosted only by a reply): a correction beside it does.
        if LogDigest(try Queries.events(of: id, db), asOf: now).history.current != stage {
            var correction = Event(applicationID: id, kind: .correction, at: at, stage: stage, notes: from)
            try Queries.log(&correction, db, now: now)
            if event.kind != .correction { logged.append("a correction to \(stage.rawValue)") }
        }
        return .changed("stage \(current.rawValue) → \(stage.rawValue)", why: "\(says): logged \(logged.joined(separator: " and "))")
    }

    /// A row's people as the application's contacts, with the role their
    /// column gives. Someone already there (the same address, else the same
    /// name) is not added again, only completed; someone known from another
    /// application of the candidate is linked to this one, the one person.
    private func meet(_ people: [CSVImport.Person], at id: Int64) throws -> [String] {
        var words: [String] = []
        for person in people {
            let here = try Queries.contacts(of: id, db)
            func same(_ c: Contact) -> Bool {
                if let a = c.email, let b = person.email { return a.lowercased() == b.lowercased() }
                return NameMatch.personKey(c.name) == NameMatch.personKey(person.name)
            }
            let name = TerminalText.line(person.name)
            if var known = here.first(where: same) {
                var what: [String] = []
                if known.email == nil, let email = person.email { known.email = email; what.append("email \(TerminalText.line(email))") }
                if known.role == .other, person.role != .other { known.role = person.role; what.append("role \(person.role.rawValue)") }
                guard !what.isEmpty else { continue }
                try Queries.update(known, db)
                words.append("contact \(name): " + what.joined(separator: ", "))
            } else if var elsewhere = try Queries.samePerson(name: person.name, email: person.email, elsewhereThan: id, db) {
                try Queries.link(elsewhere, to: id, db)
                if elsewhere.email == nil, let email = person.email { elsewhere.email = email; try Queries.update(elsewhere, db) }
                let met = try ApplicationRows.fetch(db, id: elsewhere.applicationID).first
                words.append("contact \(name) linked (already at \(TerminalText.line(met?.company ?? "?")))")
            } else {
                var contact = Contact(applicationID: id, name: person.name, role: person.role, email: person.email)
                try Queries.add(&contact, db)
                words.append("contact \(name) added (\(person.role.rawValue))")
            }
        }
        return words
    }

    /// How a note names the status a sheet gave, so that the next import can
    /// tell whether the sheet still says it.
    static func marker(_ text: String) -> String { "sheet status '\(text)'" }

    /// What a sheet last said of this application, from the markers its
    /// imports left (the latest written), or the corrections older imports made.
    static func lastSaid(_ log: [Event]) -> String? {
        for event in log.sorted(by: { ($0.id ?? 0) > ($1.id ?? 0) }) {
            guard let notes = event.notes else { continue }
            if let range = notes.range(of: "sheet status '", options: .backwards), notes.hasSuffix("'") {
                return String(notes[range.upperBound...].dropLast())
            }
            if event.kind == .correction, notes.hasPrefix("status '"), let end = notes.range(of: "' from ", options: .backwards) {
                return String(notes[notes.index(notes.startIndex, offsetBy: 8)..<end.lowerBound])
            }
        }
        return nil
    }

    static func isFromSheet(_ event: Event) -> Bool {
        guard let notes = event.notes else { return false }
        return notes.contains("sheet status '") || (event.kind == .correction && notes.hasPrefix("status '"))
    }

    /// "an interview on Thu 3 Dec", for a report line.
    /// Happenings an application has once: a date the sheet gives for one the timeline has is a changed date.
    static let happensOnce: Set<EventKind> = [.saved, .applied, .rejection]

    static func words(_ event: Event, in zone: String) -> String {
        let what: String = switch event.kind {
        case .interview: event.round?.lowercased().contains("final") == true ? "a final interview" : "an interview"
        case .screen: "a screen"
        case .applied: "an application"
        case .saved: "a save"
        case .offerReceived: "an offer"
        case .negotiationRound: "a negotiation round"
        case .rejection: "a rejection"
        case .withdrawal: "a withdrawal"
        case .acceptance: "an acceptance"
        case .decline: "a decline"
        case .ghosted: "no reply (ghosted)"
        case .correction: "a correction to \(event.stage?.rawValue ?? "?")"
        default: "a \(event.kind.rawValue)"
        }
        return "\(what) on \(LocalDate(event.at, in: zone).shortText)"
    }
}
