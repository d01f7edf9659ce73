import Foundation

/// What the person decided about one item of the agenda: done (and the event
/// that logged it), skipped, or snoozed to a later date. Plans are computed
/// afresh each time; this row is what makes a decision stick, found again by
/// the application and the item's `key` (which the planning policy gives).
public struct FollowUp: Hashable, Sendable, Codable {
    public enum Status: String, Sendable, Codable, CaseIterable { case planned, done, skipped, snoozed, cancelled }

    public var id: Int64?
    public var applicationID: Int64
    /// What makes it the same item from one day's plan to the next.
    public var key: String?
    /// thank-you, status, deadline-inquiry, feedback-request…
    public var kind: String
    /// When it was due; for a snoozed item, the date it was snoozed to.
    public var due: LocalDate
    public var channel: String?
    public var recipient: String?
    public var status: Status
    /// The policy and rule that planned it, and the facts it used.
    public var policy: String?
    public var reason: String?
    public var draft: String?
    public var decidedAt: Date?
    /// For a done item: the event that records it in the timeline.
    public var eventID: Int64?

    public init(id: Int64? = nil, applicationID: Int64, key: String? = nil, kind: String, due: LocalDate,
                channel: String? = nil, recipient: String? = nil, status: Status = .planned, policy: String? = nil,
                reason: String? = nil, draft: String? = nil, decidedAt: Date? = nil, eventID: Int64? = nil) {
        self.id = id
        self.applicationID = applicationID
        self.key = key
        self.kind = kind
        self.due = due
        self.channel = channel
        self.recipient = recipient
        self.status = status
        self.policy = policy
        self.reason = reason
        self.draft = draft
        self.decidedAt = decidedAt
        self.eventID = eventID
    }
}
