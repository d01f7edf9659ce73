import CadenceCore
import Foundation
import GRDB

// The writes of the workspace, with the domain steps each one carries.
// Every refusal names the field or record it is about and, inside the
// transaction of the `write` that made the service, changes nothing.

// MARK: - Candidates

extension WorkspaceService {
    /// Adds a candidate; one of the same name already there asks for `again`.
    @discardableResult
    public func addCandidate(_ candidate: Candidate, again: Bool = false) throws -> Candidate {
        var candidate = candidate
        if !again, let twin = try StoredRows.fetchOne(Candidate.filter(sql: "name = ? COLLATE NOCASE", arguments: [candidate.name]), db) {
            throw StoreError.duplicate("a candidate named '\(twin.name)' already exists (candidate \(twin.id!)); "
                + "to add another of that name, say so with --again (again = true in a script)")
        }
        try Queries.add(&candidate, db)
        return candidate
    }

    public func update(_ candidate: Candidate) throws { try Queries.update(candidate, db) }
}

// MARK: - Applications

extension WorkspaceService {
    /// How an application begins on the timeline.
    public enum Start: Sendable {
        /// Applied at this instant (now, by default).
        case applied(Date?)
        /// Saved for later, not applied yet.
        case saved
    }

    /// Adds an application and logs how it began (applied or saved), so
    /// that its stage follows from its log like every other. The same
    /// company and role for the same candidate asks for `again`.
    @discardableResult
    public func addApplication(_ application: Application, start: Start = .applied(nil), again: Bool = false) throws -> Application {
        var application = application
        // "Harbor Payments Inc." is "Harbor Payments": the legal form is no other company (`NameMatch.companyKey`).
        let company = NameMatch.companyKey(application.company)
        if !again, let id = try Int64.fetchAll(db, sql: """
            SELECT id FROM application WHERE candidateID = ? AND role = ? COLLATE NOCASE
            """, arguments: [application.candidateID, application.role]).first(where: { id in
                try ApplicationRows.fetch(db, id: id).first.map { NameMatch.companyKey($0.company) == company } ?? false
            }),
           let twin = try ApplicationRows.fetch(db, id: id).first {
            throw StoreError.duplicate("\(twin.company), \(twin.role) is already application \(twin.id!)"
                + (twin.archivedAt != nil ? " (archived: 'cadence app unarchive \(twin.id!)' brings it back)" : "")
                + "; to add it again (a second opening), say so with --again (again = true in a script)")
        }
        try Queries.add(&application, db)
        var event: Event
        switch start {
        case .applied(let at): event = Event(applicationID: application.id!, kind: .applied, at: at ?? Date())
        case .saved: event = Event(applicationID: application.id!, kind: .saved, at: Date())
        }
        try Queries.log(&event, db)
        return application
    }

    public func update(_ application: Application) throws { try Queries.update(application, db) }
}

// MARK: - The log

extension WorkspaceService {
    /// Appends an event to its application's timeline.
    @discardableResult
    public func log(_ event: Event) throws -> Event {
        var event = event
        try Queries.log(&event, db)
        return event
    }

    /// Logs `event` with what was promised in it ("call me in two weeks"),
    /// as `Queries.log(_:promising:)` describes. Returns what was logged.
    /// A person named who is not a contact of the application but nearly
    /// spells one ("Helen Jone") is refused with the suggestion, unless
    /// `asWritten`: a typo would otherwise start a timeline of its own.
    public func log(_ event: Event, promising next: String?, asWritten: Bool = false) throws -> [Event] {
        if !asWritten {
            let contacts = try Queries.contacts(of: event.applicationID, db).map(\.name)
            for name in event.with where !contacts.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
                if let near = NearMiss.nearest(to: name, among: contacts) {
                    throw StoreError.invalid("'\(name)' is not a contact of this application: did you mean '\(near)'? "
                        + "(if '\(name)' is someone else, log it as written: --as-written, or as_written = true in a script)")
                }
            }
        }
        return try Queries.log(event, promising: next, timeZone: try Queries.timeZone(ofApplication: event.applicationID, db), db)
    }

    /// Records a decision on an agenda item, replacing an earlier one.
    public func decide(_ decision: FollowUp) throws {
        var decision = decision
        try Queries.decide(&decision, db)
    }
}

// MARK: - Contacts and offers

extension WorkspaceService {
    @discardableResult
    public func addContact(_ contact: Contact) throws -> Contact {
        var contact = contact
        try Queries.add(&contact, db)
        return contact
    }

    public func update(_ contact: Contact) throws { try Queries.update(contact, db) }

    /// Links a contact to one more application of the same candidate.
    public func link(_ contact: Contact, to applicationID: Int64) throws { try Queries.link(contact, to: applicationID, db) }

    /// Records an offer and logs its arrival (with its respond-by date).
    @discardableResult
    public func addOffer(_ offer: Offer, receivedAt: Date = Date()) throws -> Offer {
        var offer = offer
        let arrived = LocalDate(receivedAt, in: try Queries.timeZone(ofApplication: offer.applicationID, db))
        if let respondBy = offer.respondBy, respondBy < arrived {
            throw DomainError.invalid(field: "respond-by", "\(respondBy) is before the offer arrived (\(arrived))")
        }
        offer.receivedOn = arrived
        try Queries.add(&offer, db)
        var event = Event(applicationID: offer.applicationID, kind: .offerReceived, at: receivedAt, due: offer.respondBy,
                          notes: "offer #\(offer.id!): \(offer.baseText)")
        try Queries.log(&event, db)
        return offer
    }

    /// A new round: `revised` is saved as a new version of offer `revised.revises`,
    /// which becomes "negotiating" and keeps `asked` (what the candidate asked
    /// in answer to it), and the round is logged as a negotiation-round event
    /// saying what was asked and what came back.
    @discardableResult
    public func reviseOffer(_ revised: Offer, asked: Money?, note: String?, at: Date = Date()) throws -> Offer {
        guard let previousID = revised.revises else { throw StoreError.invalid("a revision names the offer it revises") }
        var previous = try Queries.offer(previousID, db)
        // A round answers the latest version: revising an earlier one would split the history in two.
        if let later = try Int64.fetchOne(db, sql: "SELECT id FROM offer WHERE revises = ? ORDER BY id DESC LIMIT 1", arguments: [previousID]) {
            throw StoreError.invalid("offer \(previousID) was revised already (by offer \(later)): a new round revises the latest version, "
                                     + "cadence offer revise \(try latestVersion(of: later))")
        }
        if previous.status == .received || asked != nil {
            if previous.status == .received { previous.status = .negotiating }
            if let asked { previous.asked = asked }
            try Queries.update(previous, db)
        }
        var offer = revised
        offer.id = nil
        (offer.asked, offer.askedOn) = (nil, nil)
        offer.receivedOn = LocalDate(at, in: try Queries.timeZone(ofApplication: offer.applicationID, db))
        // A round comes back after the version it answers, never before it.
        if let came = offer.receivedOn, let before = previous.receivedOn, came < before {
            throw DomainError.invalid(field: "at", "\(came.spoken) is before offer \(previousID) came (\(before.spoken)): "
                                      + "a revision comes back after the version it answers")
        }
        try Queries.add(&offer, db)
        let said = ["offer #\(offer.id!) revises #\(previousID)", (asked ?? previous.asked).map { "asked: \($0)" },
                    "came back: \(offer.baseText)", offer.isFinal ? "their final offer" : nil, note].compactMap { $0 }
        var event = Event(applicationID: offer.applicationID, kind: .negotiationRound, at: at, due: offer.respondBy,
                          notes: said.joined(separator: "; "))
        try Queries.log(&event, db)
        return offer
    }

    /// The version no later round revises, from `id` on.
    private func latestVersion(of id: Int64) throws -> Int64 {
        var latest = id
        for _ in 0..<100 {
            guard let later = try Int64.fetchOne(db, sql: "SELECT id FROM offer WHERE revises = ? ORDER BY id DESC LIMIT 1",
                                                 arguments: [latest]) else { break }
            latest = later
        }
        return latest
    }

    /// The offer and the versions before it, oldest first.
    public func versions(of id: Int64) throws -> [Offer] {
        var chain = [try Queries.offer(id, db)]
        while let earlier = chain[0].revises, chain.count < 100 { chain.insert(try Queries.offer(earlier, db), at: 0) }
        return chain
    }

    /// Saves an edited offer; a new status that is a step of the search
    /// (negotiating, accepted, declined) is logged on the timeline too, at
    /// `at`, unless the timeline has that step already since the offer came.
    public func update(_ offer: Offer, at: Date = Date()) throws {
        let before = try Queries.offer(offer.id ?? 0, db)
        var offer = offer
        // An ask recorded on its own is dated the day it was made.
        if offer.asked != before.asked {
            offer.askedOn = offer.asked == nil ? nil : LocalDate(at, in: try Queries.timeZone(ofApplication: offer.applicationID, db))
        }
        try Queries.update(offer, db)
        // An ask recorded is a round of its own, logged whether or not the status moved.
        let asked = offer.asked != before.asked ? offer.asked.map { "you asked \($0) a year" } : nil
        guard offer.status != before.status || asked != nil else { return }
        let kinds: [Offer.Status: EventKind] = [.negotiating: .negotiationRound, .accepted: .acceptance, .declined: .decline]
        let timeline = try Queries.events(of: offer.applicationID, db)
        let arrived = timeline.last { $0.kind == .offerReceived }?.at ?? .distantPast
        let kind = offer.status != before.status ? kinds[offer.status] : .negotiationRound
        if let kind, asked != nil || !timeline.contains(where: { $0.kind == kind && $0.at >= arrived && kind != .negotiationRound }) {
            let notes = ["offer #\(offer.id!) \(offer.status.rawValue)", asked].compactMap { $0 }.joined(separator: "; ")
            var event = Event(applicationID: offer.applicationID, kind: kind, at: at, notes: notes)
            try Queries.log(&event, db)
        }
    }
}

// MARK: - Archiving and deleting

extension WorkspaceService {
    /// What can be archived and deleted.
    public enum Record: Sendable {
        case candidate(Int64), application(Int64), contact(Int64), offer(Int64)

        var table: String {
            switch self {
            case .candidate: "candidate"
            case .application: "application"
            case .contact: "contact"
            case .offer: "offer"
            }
        }

        var id: Int64 {
            switch self {
            case .candidate(let id), .application(let id), .contact(let id), .offer(let id): id
            }
        }
    }

    /// Hides a record from lists and the agenda (and, for a candidate or an
    /// application, what belongs to it), keeping all of it; `false` brings it back.
    public func setArchived(_ record: Record, _ archived: Bool, at: Date = Date()) throws {
        try db.execute(sql: "UPDATE \"\(record.table)\" SET archivedAt = ? WHERE id = ?",
                       arguments: [archived ? at : nil, record.id])
        guard db.changesCount == 1 else { throw StoreError.notFound(kind: record.table, name: String(record.id), suggestion: nil) }
    }

    /// A contact (of the statement's `contact` table) linked to no other application.
    private static let metOnlyThere = "NOT EXISTS (SELECT 1 FROM contactApplication WHERE contactID = contact.id)"

    /// What deleting `record` takes with it, in words ("3 events, 1 contact").
    public func dependents(of record: Record) throws -> [String] {
        func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql, arguments: [record.id]) ?? 0 }
        var counts: [(String, Int)] = []
        switch record {
        case .candidate:
            let apps = "SELECT id FROM application WHERE candidateID = ?"
            counts = [("application", try count("SELECT count(*) FROM application WHERE candidateID = ?")),
                      ("event", try count("SELECT count(*) FROM event WHERE applicationID IN (\(apps))")),
                      ("contact", try count("SELECT count(*) FROM contact WHERE applicationID IN (\(apps))")),
                      ("offer", try count("SELECT count(*) FROM offer WHERE applicationID IN (\(apps))"))]
        case .application:
            counts = [("event", try count("SELECT count(*) FROM event WHERE applicationID = ?")),
                      ("contact", try count("SELECT count(*) FROM contact WHERE applicationID = ? AND \(Self.metOnlyThere)")),
                      ("offer", try count("SELECT count(*) FROM offer WHERE applicationID = ?")),
                      ("agenda decision", try count("SELECT count(*) FROM followUp WHERE applicationID = ?"))]
        case .contact, .offer:
            counts = []
        }
        return counts.filter { $0.1 > 0 }.map { "\($0.1) \($0.0)\($0.1 == 1 ? "" : "s")" }
    }

    /// Deletes a record and what belongs to it. `cadence undo` brings it back.
    public func delete(_ record: Record) throws {
        if case .application(let id) = record {
            // A person linked to other applications stays: they now belong
            // to the first of those, which is no longer a link.
            try db.execute(sql: """
                UPDATE contact SET applicationID = (SELECT applicationID FROM contactApplication
                                                    WHERE contactID = contact.id ORDER BY id LIMIT 1)
                WHERE applicationID = ? AND NOT \(Self.metOnlyThere)
                """, arguments: [id])
            try db.execute(sql: """
                DELETE FROM contactApplication
                WHERE id IN (SELECT l.id FROM contactApplication l JOIN contact c ON c.id = l.contactID
                             WHERE l.applicationID = c.applicationID)
                """)
        }
        try db.execute(sql: "DELETE FROM \"\(record.table)\" WHERE id = ?", arguments: [record.id])
        guard db.changesCount >= 1 else { throw StoreError.notFound(kind: record.table, name: String(record.id), suggestion: nil) }
    }
}

// MARK: - Import and the demo

extension WorkspaceService {
    /// Adds an export's records (see `WorkspaceSnapshot.insert`).
    public func add(_ snapshot: WorkspaceSnapshot) throws { try snapshot.insert(into: db) }

    /// Whether the workspace holds anything yet.
    public var isEmpty: Bool {
        get throws { try Candidate.fetchCount(db) == 0 && Application.fetchCount(db) == 0 }
    }

    /// The demo search, dated from `today`.
    public func buildDemo(today: Date) throws { try DemoSearch.build(today: today, db) }
}
