/// A planned or done touch, and why it was planned.
public struct FollowUp: Hashable, Sendable, Codable {
    public enum Status: String, Sendable, Codable, CaseIterable { case planned, done, skipped, cancelled }

    public var id: Int64?
    public var applicationID: Int64
    /// thank-you, status, deadline-inquiry, feedback-request…
    public var kind: String
    public var due: LocalDate
    public var channel: String?
    public var recipient: String?
    public var status: Status
    /// The policy and rule that planned it, and the facts it used.
    public var policy: String?
    public var reason: String?
    public var draft: String?

    public init(id: Int64? = nil, applicationID: Int64, kind: String, due: LocalDate, channel: String? = nil,
                recipient: String? = nil, status: Status = .planned, policy: String? = nil, reason: String? = nil,
                draft: String? = nil) {
        self.id = id
        self.applicationID = applicationID
        self.kind = kind
        self.due = due
        self.channel = channel
        self.recipient = recipient
        self.status = status
        self.policy = policy
        self.reason = reason
        self.draft = draft
    }
}
