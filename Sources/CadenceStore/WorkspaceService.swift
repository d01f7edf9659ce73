import CadenceCore
import Foundation
import GRDB

/// What commands and scripts do to a workspace, each domain step in one
/// place: adding an application logs its applied (or saved) event, an offer
/// logs its arrival, an offer accepted logs the acceptance. The command line
/// and `require "cadence"` both call this; nothing outside the store touches
/// the database.
///
///     try store.write("app add Acme Analyst") { workspace in
///         try workspace.addApplication(Application(candidateID: 1, company: "Acme", role: "Analyst"))
///     }
///
/// A service lives as long as the `read`, `write` or `session` that made it.
public struct WorkspaceService {
    let db: Database

    init(_ db: Database) { self.db = db }

    /// What is shown by default: live records, not archived ones.
    public enum Visibility: Sendable { case live, archived, all }
}

// MARK: - Reading

extension WorkspaceService {
    public func candidates(_ visibility: Visibility = .live) throws -> [Candidate] {
        try Queries.candidates(db).filter { visibility.shows($0.archivedAt) }
    }

    /// The candidate named (or numbered) `name`; with no name, the only one.
    public func candidate(_ name: String?) throws -> Candidate { try Queries.candidate(name, db) }

    public func timeZone(of application: Application) throws -> String { try Queries.timeZone(of: application, db) }

    /// The time zone of application `id`'s candidate; without one, the first candidate's.
    public func timeZone(ofApplication id: Int64?) throws -> String { try Queries.timeZone(ofApplication: id, db) }

    public func timeZonesByApplication() throws -> [Int64: String] { try Queries.timeZonesByApplication(db) }

    /// Today for the candidate of application `id` (without one, the first
    /// candidate): the day in their time zone. Every "today" of a command or
    /// a script is this one, so the agenda and the command line agree on it.
    public func today(ofApplication id: Int64? = nil, now: Date = Date()) throws -> LocalDate {
        LocalDate.today(in: try timeZone(ofApplication: id), now: now)
    }

    /// Today for the candidate of `application` (one not yet added too).
    public func today(of application: Application, now: Date = Date()) throws -> LocalDate {
        LocalDate.today(in: try timeZone(of: application), now: now)
    }

    /// The region of application `id`'s candidate (without one, the first
    /// candidate's): how a date or an amount typed for it is read. Nil when
    /// none is chosen and the time zone says none.
    public func region(ofApplication id: Int64? = nil) throws -> Region? { try Queries.region(ofApplication: id, db) }

    public func applications(_ visibility: Visibility = .live) throws -> [Application] {
        let hidden = try archivedCandidates()
        return try Queries.applications(db).filter { visibility.shows($0.archivedAt, candidate: $0.candidateID, hidden) }
    }

    /// Candidates archived: their applications are hidden with them.
    func archivedCandidates() throws -> Set<Int64> {
        Set(try Int64.fetchAll(db, sql: "SELECT id FROM candidate WHERE archivedAt IS NOT NULL"))
    }

    /// An application by id, company, or "company/role" (archived ones too: they can be named to bring back).
    public func application(_ name: String) throws -> Application { try Queries.application(name, db) }

    /// Applications with their stages as of `now`.
    public func summaries(asOf now: Date = Date(), _ visibility: Visibility = .live) throws -> [ApplicationSummary] {
        let hidden = try archivedCandidates()
        return try Queries.summaries(db, asOf: now).filter {
            visibility.shows($0.application.archivedAt, candidate: $0.application.candidateID, hidden)
        }
    }

    /// The live ones, from digests a bulk read made as it passed.
    public func summaries(digests: [Int64: LogDigest]) throws -> [ApplicationSummary] {
        let hidden = try archivedCandidates()
        return try Queries.summaries(db, digests: digests).filter {
            Visibility.live.shows($0.application.archivedAt, candidate: $0.application.candidateID, hidden)
        }
    }

    public func summary(of id: Int64, asOf now: Date = Date()) throws -> ApplicationSummary? {
        try Queries.summary(of: id, db, asOf: now)
    }

    public func events(of applicationID: Int64) throws -> [Event] { try Queries.events(of: applicationID, db) }

    public func event(_ id: Int64) throws -> Event? { try Queries.event(id, db) }

    /// Every live application's events, by application, in time order, read in place.
    public func eventCursor() throws -> EventCursor { try EventCursor(live: db) }

    public func eventCursor(application: Int64) throws -> EventCursor { try EventCursor(db, application: application) }

    public func eventCursor(event: Int64) throws -> EventCursor { try EventCursor(db, event: event) }

    /// The ids of the live applications, which a listing of the whole
    /// workspace's contacts or offers keeps to; nil when one application's
    /// are asked for (planning asks once per application: reading every
    /// application each time made the agenda quadratic).
    private func liveApplications(unless applicationID: Int64?, _ visibility: Visibility) throws -> Set<Int64>? {
        guard visibility == .live, applicationID == nil else { return nil }
        return Set(try applications(.live).compactMap(\.id))
    }

    /// Contacts (of one application, when given); live ones are those of live applications too.
    public func contacts(of applicationID: Int64? = nil, _ visibility: Visibility = .live) throws -> [Contact] {
        let live = try liveApplications(unless: applicationID, visibility)
        let links = live == nil ? [:] : try Queries.contactLinks(db)
        return try Queries.contacts(of: applicationID, db).filter { c in
            visibility.shows(c.archivedAt)
                && (live.map { live in ([c.applicationID] + (links[c.id!] ?? [])).contains(where: live.contains) } ?? true)
        }
    }

    /// Every application each contact is linked to besides the one they were first met at, by contact id.
    public func contactLinks() throws -> [Int64: [Int64]] { try Queries.contactLinks(db) }

    /// The applications a contact deals with: where they were first met, then those linked.
    public func applications(of contact: Contact) throws -> [Int64] { try Queries.applications(of: contact, db) }

    /// The contact on another application of the same candidate who is the
    /// person `name` (or has the address `email`), if any (see `Queries.samePerson`).
    public func samePerson(name: String, email: String?, elsewhereThan applicationID: Int64) throws -> Contact? {
        try Queries.samePerson(name: name, email: email, elsewhereThan: applicationID, db)
    }

    /// A contact by id or name (of one application, when given).
    public func contact(_ name: String, of applicationID: Int64? = nil) throws -> Contact {
        try NameMatch.resolve(kind: "contact", name, among: Queries.contacts(of: applicationID, db), id: \.id, label: \.name,
                              detail: try Queries.contactPlaces(db))
    }

    /// Offers (of one application, when given); live ones are those of live applications too.
    public func offers(of applicationID: Int64? = nil, _ visibility: Visibility = .live) throws -> [Offer] {
        let live = try liveApplications(unless: applicationID, visibility)
        return try Queries.offers(of: applicationID, db).filter {
            visibility.shows($0.archivedAt) && (applicationID != nil || live?.contains($0.applicationID) ?? true)
        }
    }

    public func offer(_ id: Int64) throws -> Offer { try Queries.offer(id, db) }

    public func followUps(of applicationID: Int64? = nil) throws -> [FollowUp] { try Queries.followUps(of: applicationID, db) }

    public func decisions() throws -> [FollowUp] { try Queries.decisions(db) }

    public func decision(of applicationID: Int64, key: String) throws -> FollowUp? {
        try Queries.decision(of: applicationID, key: key, db)
    }

    /// Everything, for `cadence export`.
    public func snapshot() throws -> WorkspaceSnapshot { try WorkspaceSnapshot.read(db) }

    /// Applications as a spreadsheet, for `cadence export --format csv`.
    public func csv() throws -> String { try CSVExport.text(db) }

    /// What `cadence undo` would take back now.
    public func lastCommand() throws -> UndoableCommand? { try UndoJournal.last(db) }
}

extension WorkspaceService.Visibility {
    /// For an application: archived itself, or its candidate is.
    func shows(_ archivedAt: Date?, candidate: Int64, _ archivedCandidates: Set<Int64>) -> Bool {
        shows(archivedAt ?? (archivedCandidates.contains(candidate) ? .distantPast : nil))
    }

    func shows(_ archivedAt: Date?) -> Bool {
        switch self {
        case .live: archivedAt == nil
        case .archived: archivedAt != nil
        case .all: true
        }
    }
}
