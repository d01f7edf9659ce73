import CadenceCore
import Foundation
import GRDB

/// The whole workspace as JSON: lossless, so that export, import into an
/// empty workspace and export again give the same file.
public struct WorkspaceSnapshot: Codable, Sendable {
    public var format = "cadence-workspace"
    public var version = 1
    public var candidates: [Candidate] = []
    public var applications: [Application] = []
    public var contacts: [Contact] = []
    public var events: [Event] = []
    public var followUps: [FollowUp] = []
    public var offers: [Offer] = []
    /// The further applications each contact deals with (see `ContactLink`);
    /// an export made before there were links has none.
    public var contactLinks: [ContactLink] = []

    /// A contact linked to an application besides the one they were first met at.
    public struct ContactLink: Codable, Sendable, Equatable {
        public var contactID: Int64
        public var applicationID: Int64
    }

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(String.self, forKey: .format)
        version = try c.decode(Int.self, forKey: .version)
        candidates = try c.decode([Candidate].self, forKey: .candidates)
        applications = try c.decode([Application].self, forKey: .applications)
        contacts = try c.decode([Contact].self, forKey: .contacts)
        events = try c.decode([Event].self, forKey: .events)
        followUps = try c.decode([FollowUp].self, forKey: .followUps)
        offers = try c.decode([Offer].self, forKey: .offers)
        contactLinks = try c.decodeIfPresent([ContactLink].self, forKey: .contactLinks) ?? []
    }

    public static func read(_ db: Database) throws -> WorkspaceSnapshot {
        var snapshot = WorkspaceSnapshot()
        // Row by row: a row that cannot be read is reported and left out, so a backup can always be made.
        snapshot.candidates = try StoredRows.fetchAll(Candidate.order(Column("id")), db)
        snapshot.applications = try ApplicationRows.fetch(db)
        snapshot.contacts = try StoredRows.fetchAll(Contact.order(Column("id")), db)
        snapshot.events = try EventRows.fetch(db, order: "id")
        snapshot.followUps = try StoredRows.fetchAll(FollowUp.order(Column("id")), db)
        snapshot.offers = try StoredRows.fetchAll(Offer.order(Column("id")), db)
        snapshot.contactLinks = try Queries.contactLinks(db).sorted { $0.key < $1.key }.flatMap { contact, apps in
            apps.map { ContactLink(contactID: contact, applicationID: $0) }
        }
        return snapshot
    }

    public func encoded() throws -> Data { try JSONOutput.data(self) }

    public static func decode(_ data: Data) throws -> WorkspaceSnapshot {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = Timestamps.parse(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a timestamp"))
            }
            return date
        }
        do {
            let snapshot = try decoder.decode(WorkspaceSnapshot.self, from: data)
            guard snapshot.format == "cadence-workspace" else { throw StoreError.invalid("not a Cadence workspace export") }
            guard snapshot.version == 1 else { throw StoreError.invalid("export version \(snapshot.version) is newer than this Cadence") }
            return snapshot
        } catch let error as DecodingError {
            throw StoreError.invalid("not a Cadence workspace export: \(SnapshotErrors.describe(error))")
        }
    }

    /// Adds everything to the workspace in one transaction. Into an empty
    /// workspace ids are kept; otherwise records get new ids and every
    /// reference follows them.
    public func insert(into db: Database) throws {
        let empty = try Candidate.fetchCount(db) == 0 && Application.fetchCount(db) == 0
        var candidateIDs: [Int64: Int64] = [:], applicationIDs: [Int64: Int64] = [:], eventIDs: [Int64: Int64] = [:]
        func keep(_ id: Int64?) -> Int64? { empty ? id : nil }
        for var c in candidates {
            let old = c.id; c.id = keep(old)
            try Queries.add(&c, db); if let old { candidateIDs[old] = c.id }
        }
        for var a in applications {
            let old = a.id; a.id = keep(old)
            guard let candidate = candidateIDs[a.candidateID] else { throw StoreError.invalid("application \(old ?? 0) names unknown candidate \(a.candidateID)") }
            a.candidateID = candidate
            try Queries.add(&a, db); if let old { applicationIDs[old] = a.id }
        }
        func application(_ id: Int64, _ what: String) throws -> Int64 {
            guard let mapped = applicationIDs[id] else { throw StoreError.invalid("\(what) names unknown application \(id)") }
            return mapped
        }
        var contactIDs: [Int64: Contact] = [:]
        for var c in contacts {
            let old = c.id; c.id = keep(old)
            c.applicationID = try application(c.applicationID, "a contact"); try Queries.add(&c, db)
            if let old { contactIDs[old] = c }
        }
        for link in contactLinks {
            guard let contact = contactIDs[link.contactID] else { throw StoreError.invalid("a contact's link names unknown contact \(link.contactID)") }
            try Queries.link(contact, to: try application(link.applicationID, "a contact's link"), db)
        }
        for var e in events.sorted(by: { ($0.id ?? 0) < ($1.id ?? 0) }) {
            let old = e.id; e.id = keep(old)
            e.applicationID = try application(e.applicationID, "an event")
            if let corrects = e.corrects { e.corrects = eventIDs[corrects] }
            try Queries.log(&e, db); if let old { eventIDs[old] = e.id }
        }
        for var f in followUps {
            f.id = keep(f.id)
            f.applicationID = try application(f.applicationID, "a follow-up")
            if let event = f.eventID { f.eventID = eventIDs[event] }
            try f.insert(db)
        }
        for var o in offers { o.id = keep(o.id); o.applicationID = try application(o.applicationID, "an offer"); try Queries.add(&o, db) }
    }
}

enum SnapshotErrors {
    static func describe(_ error: DecodingError) -> String {
        func at(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return path.isEmpty ? "" : " at \(path)"
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing field '\(key.stringValue)'\(at(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(context.debugDescription)\(at(context))"
        @unknown default: return "\(error)"
        }
    }
}
