import CadenceCore
import Foundation
import GRDB

/// An application with what listings show about it: the derived stage and
/// when it began, and the last time anyone was in touch.
public struct ApplicationSummary: Sendable {
    public var application: Application
    public var candidate: String
    public var history: StageHistory
    /// The last word from them, and the last touch by you (see `LogDigest`).
    public var lastFromThem: Date?
    public var lastByYou: Date?
    public var lastContact: Date? { [lastFromThem, lastByYou].compactMap { $0 }.max() }

    public var stage: Stage { history.current }
    public var stageSince: Date? { history.changes.last?.at }
}

/// The operations commands (and, later, scripts) perform on a workspace.
/// Each takes the `Database` of a `Store.read` or `Store.write`, so a
/// command composes several into one transaction.
enum Queries {
    // MARK: Candidates

    public static func add(_ candidate: inout Candidate, _ db: Database) throws {
        try candidate.validate()
        try TextCheck.refuseNUL(in: candidate)
        try candidate.insert(db)
    }

    public static func update(_ candidate: Candidate, _ db: Database) throws {
        try candidate.validate()
        try TextCheck.refuseNUL(in: candidate)
        try candidate.update(db)
    }

    public static func candidates(_ db: Database) throws -> [Candidate] {
        try StoredRows.fetchAll(Candidate.order(Column("id")), db)
    }

    /// The candidate named (or numbered) `name`; with no name, the only one.
    public static func candidate(_ name: String?, _ db: Database) throws -> Candidate {
        let all = try candidates(db)
        guard let name else {
            if all.count == 1 { return all[0] }
            if all.isEmpty { throw StoreError.invalid("no candidate yet: add one with 'cadence candidate add NAME'") }
            throw StoreError.invalid("several candidates: say which with --candidate (\(all.map(\.name).joined(separator: ", ")))")
        }
        return try NameMatch.resolve(kind: "candidate", name, among: all, id: \.id, label: \.name)
    }

    /// The time zone of the candidate an application belongs to: its days
    /// (when an event happened, when a step is due) are days there.
    public static func timeZone(of application: Application, _ db: Database) throws -> String {
        try StoredRows.fetchOne(Candidate.filter(key: application.candidateID), db)?.timeZone ?? "UTC"
    }

    /// The region of application `id`'s candidate (without one, the first
    /// candidate's): chosen, else the time zone's; nil when neither says one.
    public static func region(ofApplication id: Int64?, _ db: Database) throws -> Region? {
        if let id, let app = try ApplicationRows.fetch(db, id: id).first {
            return try StoredRows.fetchOne(Candidate.filter(key: app.candidateID), db)?.effectiveRegion
        }
        return try candidates(db).first?.effectiveRegion
    }

    /// Each application's candidate's time zone, by application id.
    public static func timeZonesByApplication(_ db: Database) throws -> [Int64: String] {
        var zones: [Int64: String] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT application.id, candidate.timeZone FROM application JOIN candidate ON candidate.id = application.candidateID")
        while let row = try rows.next() { zones[row[0]] = row[1] }
        return zones
    }

    /// The time zone of application `id`'s candidate; without one, the first candidate's.
    public static func timeZone(ofApplication id: Int64?, _ db: Database) throws -> String {
        if let id, let app = try ApplicationRows.fetch(db, id: id).first { return try timeZone(of: app, db) }
        return try candidates(db).first?.timeZone ?? "UTC"
    }

    // MARK: Applications

    public static func add(_ application: inout Application, _ db: Database) throws {
        try application.validate()
        try TextCheck.refuseNUL(in: application)
        try application.insert(db)
    }

    public static func applications(_ db: Database) throws -> [Application] {
        try ApplicationRows.fetch(db)
    }

    /// An application by id, company, or "company/role", forgiving case and
    /// unique prefixes: `--app acme`.
    public static func application(_ name: String, _ db: Database) throws -> Application {
        // An id is one row: asked for alone, not found among all of them (a script asks by id per application).
        if let id = Int64(name.trimmingCharacters(in: .whitespaces)), let found = try ApplicationRows.fetch(db, id: id).first { return found }
        return try NameMatch.resolve(kind: "application", name, among: applications(db), id: \.id,
                              label: \.company, alternative: { "\($0.company)/\($0.role)" })
    }

    public static func update(_ application: Application, _ db: Database) throws {
        try application.validate()
        try TextCheck.refuseNUL(in: application)
        try application.update(db)
    }

    /// Applications with their stages as of `now`: an interview logged for
    /// next week is on the calendar, not yet part of the stage.
    public static func summaries(_ db: Database, asOf now: Date = Date()) throws -> [ApplicationSummary] {
        // Every event: the digests leave out those after `now` themselves.
        let rows = try EventCursor(db)
        var digester = LogDigester(asOf: now)
        while try rows.next() { digester.add(try rows.essentials().event) }
        return try summaries(db, digests: digester.finish())
    }

    /// The same, from digests of each application's log already made (a
    /// bulk read makes them as it passes); an application without one has
    /// no events.
    public static func summaries(_ db: Database, digests: [Int64: LogDigest]) throws -> [ApplicationSummary] {
        let names = Dictionary(uniqueKeysWithValues: try candidates(db).map { ($0.id!, $0.name) })
        return try applications(db).map { app in
            let digest = digests[app.id!] ?? LogDigest([], asOf: .distantPast)
            return ApplicationSummary(application: app, candidate: names[app.candidateID] ?? "?",
                                      history: digest.history, lastFromThem: digest.lastFromThem, lastByYou: digest.lastByYou)
        }
    }

    /// One application's summary as of `now`, from its own events only: what
    /// a script sees after logging to it, however large the workspace.
    public static func summary(of id: Int64, _ db: Database, asOf now: Date = Date()) throws -> ApplicationSummary? {
        guard let app = try ApplicationRows.fetch(db, id: id).first else { return nil }
        let digest = LogDigest(try events(of: id, db), asOf: now)
        return ApplicationSummary(application: app, candidate: try StoredRows.fetchOne(Candidate.filter(key: app.candidateID), db)?.name ?? "?",
                                  history: digest.history, lastFromThem: digest.lastFromThem, lastByYou: digest.lastByYou)
    }

    // MARK: Events

    /// Appends to the log; the log is never edited.
    public static func log(_ event: inout Event, _ db: Database, now: Date = Date()) throws {
        try event.validate()
        try TextCheck.refuseNUL(in: event)
        let zone = try timeZone(ofApplication: event.applicationID, db)
        try event.validateWhen(today: LocalDate(now, in: zone), in: zone)
        if let corrects = event.corrects {
            guard try Event.filter(Column("id") == corrects && Column("applicationID") == event.applicationID).fetchCount(db) == 1 else {
                throw StoreError.invalid("event \(corrects) is not in this application's timeline")
            }
        }
        try event.insert(db)
        try settleOffers(after: event, db)
    }

    /// An offer's life follows the log: accepting or declining (or
    /// withdrawing, or a no from them) closes the application's offers still
    /// open, so that compare and negotiate no longer weigh an offer answered.
    /// One owner for this, whichever way the event came (a command, a script,
    /// an import's "Hired").
    static func settleOffers(after event: Event, _ db: Database) throws {
        let closing: [EventKind: Offer.Status] = [.acceptance: .accepted, .decline: .declined,
                                                   .withdrawal: .declined, .rejection: .rescinded]
        guard let status = closing[event.kind] else { return }
        let offers = try offers(of: event.applicationID, db)
        let superseded = Set(offers.compactMap(\.revises))
        for var offer in offers where !superseded.contains(offer.id ?? -1) && [.received, .negotiating].contains(offer.status) {
            offer.status = status
            try update(offer, db)
        }
    }

    /// Logs `event`, with what was promised in it ("call me in two weeks"):
    /// a next-step event carries the promise and the day it points at; any
    /// other event gets a next-step event of its own beside it. A promise
    /// with no date in it is still logged, with its words and no due day
    /// (`DatePhrase.whyNoDate` says why, for the warning the caller shows):
    /// the agenda must not plan on a day nobody said. Returns what was logged.
    public static func log(_ event: Event, promising next: String?, timeZone: String, _ db: Database) throws -> [Event] {
        var event = event
        let day = LocalDate(event.at, in: timeZone)
        guard let next, !next.trimmingCharacters(in: .whitespaces).isEmpty else {
            try log(&event, db)
            return [event]
        }
        // "We'll decide by 12/18" is read as the candidate writes dates.
        let region = try region(ofApplication: event.applicationID, db)
        let target = try DatePhrase.find(in: next, from: day, order: region?.dateOrder, weekStart: region?.weekStart ?? .monday)?.date
        if event.kind == .nextStepPromised {
            event.nextStep = next
            if event.due == nil { event.due = target }
            try log(&event, db)
            return [event]
        }
        try log(&event, db)
        var promise = Event(applicationID: event.applicationID, kind: .nextStepPromised, at: event.at,
                            with: event.with, nextStep: next, due: target)
        try log(&promise, db)
        return [event, promise]
    }

    public static func event(_ id: Int64, _ db: Database) throws -> Event? {
        try EventRows.fetch(db, where: "id = ?", arguments: [id], order: "id").first
    }

    public static func events(of applicationID: Int64, _ db: Database) throws -> [Event] {
        try EventRows.fetch(db, where: "applicationID = ?", arguments: [applicationID], order: "at, id")
    }

    // MARK: Contacts, offers, follow-ups

    public static func add(_ contact: inout Contact, _ db: Database) throws {
        try contact.validate()
        try TextCheck.refuseNUL(in: contact)
        try contact.insert(db)
    }

    /// A contact by id or name.
    public static func contact(_ name: String, _ db: Database) throws -> Contact {
        try NameMatch.resolve(kind: "contact", name, among: contacts(db), id: \.id, label: \.name, detail: try contactPlaces(db))
    }

    /// Where a contact is met ("Lone Star Bank, Backend Engineer"): what tells
    /// one person's contacts on two applications apart.
    static func contactPlaces(_ db: Database) throws -> (Contact) -> String? {
        let places = Dictionary(try applications(db).map { ($0.id!, "\($0.company), \($0.role)") }, uniquingKeysWith: { a, _ in a })
        return { places[$0.applicationID] }
    }

    public static func update(_ contact: Contact, _ db: Database) throws {
        try contact.validate()
        try TextCheck.refuseNUL(in: contact)
        try contact.update(db)
    }

    public static func update(_ offer: Offer, _ db: Database) throws {
        try offer.validate()
        try TextCheck.refuseNUL(in: offer)
        try offer.update(db)
    }

    public static func offer(_ id: Int64, _ db: Database) throws -> Offer {
        guard let offer = try StoredRows.fetchOne(Offer.filter(key: id), db) else {
            throw StoreError.notFound(kind: "offer", name: String(id), suggestion: nil)
        }
        return offer
    }

    /// Contacts (of one application, when given: the people first met there
    /// and those linked to it since).
    public static func contacts(of applicationID: Int64? = nil, _ db: Database) throws -> [Contact] {
        var request = Contact.order(Column("id"))
        if let applicationID {
            request = request.filter(sql: "applicationID = ? OR id IN (SELECT contactID FROM contactApplication WHERE applicationID = ?)",
                                     arguments: [applicationID, applicationID])
        }
        return try StoredRows.fetchAll(request, db)
    }

    /// Every application each contact is linked to besides the one they
    /// were first met at, by contact id, in the order they were linked.
    public static func contactLinks(_ db: Database) throws -> [Int64: [Int64]] {
        var links: [Int64: [Int64]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT contactID, applicationID FROM contactApplication ORDER BY id") {
            links[try row.decode(Int64.self, atIndex: 0), default: []].append(try row.decode(Int64.self, atIndex: 1))
        }
        return links
    }

    /// The applications a contact deals with: where they were first met, then those linked.
    public static func applications(of contact: Contact, _ db: Database) throws -> [Int64] {
        [contact.applicationID] + (try Int64.fetchAll(db, sql: "SELECT applicationID FROM contactApplication WHERE contactID = ? ORDER BY id",
                                                     arguments: [contact.id]))
    }

    /// Links a contact to one more application of the same candidate; linking
    /// them where they already are changes nothing.
    public static func link(_ contact: Contact, to applicationID: Int64, _ db: Database) throws {
        guard let contactID = contact.id else { throw StoreError.invalid("a contact must be added before it is linked") }
        let candidates = try Int64.fetchAll(db, sql: "SELECT candidateID FROM application WHERE id IN (?, ?)",
                                            arguments: [contact.applicationID, applicationID])
        guard Set(candidates).count == 1 else {
            throw StoreError.invalid("a contact is linked only to applications of the candidate they were met for")
        }
        guard try !applications(of: contact, db).contains(applicationID) else { return }
        try db.execute(sql: "INSERT INTO contactApplication (contactID, applicationID) VALUES (?, ?)", arguments: [contactID, applicationID])
    }

    /// The person `name` (or, when both have one, the address `email`) as a
    /// contact on another application of the same candidate, not yet linked
    /// to `applicationID`: the one to link rather than add a twin of.
    public static func samePerson(name: String, email: String?, elsewhereThan applicationID: Int64, _ db: Database) throws -> Contact? {
        let candidate = try Int64.fetchOne(db, sql: "SELECT candidateID FROM application WHERE id = ?", arguments: [applicationID])
        let sameCandidate = Set(try Int64.fetchAll(db, sql: "SELECT id FROM application WHERE candidateID = ?", arguments: [candidate]))
        let here = Set(try contacts(of: applicationID, db).compactMap(\.id))
        func same(_ c: Contact) -> Bool {
            if let a = c.email, let b = email { return a.lowercased() == b.lowercased() }
            return NameMatch.personKey(c.name) == NameMatch.personKey(name)
        }
        return try contacts(db).first { c in
            sameCandidate.contains(c.applicationID) && !here.contains(c.id ?? -1) && c.archivedAt == nil && same(c)
        }
    }

    public static func add(_ offer: inout Offer, _ db: Database) throws {
        try offer.validate()
        try TextCheck.refuseNUL(in: offer)
        try offer.insert(db)
    }

    public static func offers(of applicationID: Int64? = nil, _ db: Database) throws -> [Offer] {
        var request = Offer.order(Column("id"))
        if let applicationID { request = request.filter(Column("applicationID") == applicationID) }
        return try StoredRows.fetchAll(request, db)
    }

    public static func followUps(of applicationID: Int64? = nil, _ db: Database) throws -> [FollowUp] {
        var request = FollowUp.order(Column("due"), Column("id"))
        if let applicationID { request = request.filter(Column("applicationID") == applicationID) }
        return try StoredRows.fetchAll(request, db)
    }

    /// The decisions taken on agenda items (done, skipped, snoozed), oldest first.
    public static func decisions(_ db: Database) throws -> [FollowUp] {
        try StoredRows.fetchAll(FollowUp.filter(Column("key") != nil).order(Column("id")), db)
    }

    /// The decision on the item `key` of an application, if any.
    public static func decision(of applicationID: Int64, key: String, _ db: Database) throws -> FollowUp? {
        try StoredRows.fetchOne(FollowUp.filter(Column("applicationID") == applicationID && Column("key") == key), db)
    }

    /// Records a decision on the item `decision.key` of its application,
    /// replacing an earlier one (a snoozed item later done, say).
    public static func decide(_ decision: inout FollowUp, _ db: Database) throws {
        guard let key = decision.key, !key.isEmpty else { throw StoreError.invalid("a decision needs the item's key") }
        guard try Application.filter(key: decision.applicationID).fetchCount(db) == 1 else {
            throw StoreError.notFound(kind: "application", name: String(decision.applicationID), suggestion: nil)
        }
        try FollowUp.filter(Column("applicationID") == decision.applicationID && Column("key") == key).deleteAll(db)
        decision.id = nil
        try decision.insert(db)
    }
}
