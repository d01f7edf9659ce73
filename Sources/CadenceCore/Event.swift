import Foundation

/// What happened, as the timeline records it.
public enum EventKind: String, Sendable, Codable, CaseIterable {
    case saved
    case applied
    case screen
    case interview
    case followUpCall = "follow-up-call"
    case messageSent = "message-sent"
    case replyReceived = "reply-received"
    case nextStepPromised = "next-step"
    case deadlineSet = "deadline-set"
    case offerReceived = "offer-received"
    case negotiationRound = "negotiation-round"
    case rejection
    case withdrawal
    case acceptance
    case decline
    case ghosted
    /// A correction: the stage was wrongly derived, or an event was mistaken.
    case correction
    case note

    public init(parsing text: String) throws {
        let key = text.trimmingWhitespace().lowercased().replacingAll("_", with: "-").replacingAll(" ", with: "-")
        let aliases: [String: EventKind] = [
            "reply": .replyReceived, "message": .messageSent, "sent": .messageSent,
            "call": .followUpCall, "next": .nextStepPromised, "promise": .nextStepPromised,
            "deadline": .deadlineSet, "offer": .offerReceived, "negotiation": .negotiationRound,
            "rejected": .rejection, "withdrawn": .withdrawal, "accepted": .acceptance, "declined": .decline,
        ]
        guard let kind = EventKind(rawValue: key) ?? aliases[key] else {
            let names = EventKind.allCases.map(\.rawValue)
            let near = NearMiss.nearest(to: key, among: names + aliases.keys.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
            throw DomainError.invalid(field: "kind", "unknown event '\(TerminalText.messageLine(text, limit: 80))'\(near); "
                                      + "known: \(names.joined(separator: ", "))")
        }
        self = kind
    }
}

/// One entry of an application's timeline. The log is append-only: a mistake
/// is fixed by a `correction` event, so history stays truthful.
public struct Event: Hashable, Sendable, Codable {
    public var id: Int64?
    public var applicationID: Int64
    public var kind: EventKind
    /// When it happened: an instant.
    public var at: Date
    /// People met or written to.
    public var with: [String]
    /// For messages: email, phone, letter, linkedin…
    public var channel: String?
    /// For messages: thank-you, status, feedback-request…
    public var messageKind: String?
    /// For interviews: the round ("final" makes the stage final).
    public var round: String?
    /// What was promised ("call me in two weeks") and the date it points at.
    public var nextStep: String?
    public var due: LocalDate?
    /// The hour agreed on `due`, "10:00" in the candidate's zone (an answer
    /// promised "on Wednesday at 10:00"); nil when only the day was said.
    public var dueTime: String?
    /// For corrections: the stage the application should have.
    public var stage: Stage?
    /// For corrections: the event this one sets aside.
    public var corrects: Int64?
    public var notes: String?

    public init(
        id: Int64? = nil, applicationID: Int64, kind: EventKind, at: Date, with: [String] = [],
        channel: String? = nil, messageKind: String? = nil, round: String? = nil, nextStep: String? = nil,
        due: LocalDate? = nil, dueTime: String? = nil, stage: Stage? = nil, corrects: Int64? = nil, notes: String? = nil
    ) {
        self.id = id
        self.applicationID = applicationID
        self.kind = kind
        self.at = at
        self.with = with
        self.channel = channel
        self.messageKind = messageKind
        self.round = round
        self.nextStep = nextStep
        self.due = due
        self.dueTime = dueTime
        self.stage = stage
        self.corrects = corrects
        self.notes = notes
    }

    /// Checks when it happened: within the dates Cadence keeps, and not after
    /// `today` unless it is something booked ahead (an interview next week).
    public func validateWhen(today: LocalDate, in timeZone: String) throws {
        let day = LocalDate(at, in: timeZone)
        try day.checkRange(field: "at")
        try due?.checkRange(field: "due")
        if day > today, !kind.canBeBooked {
            throw DomainError.invalid(field: "at", "\(day) is after today: a \(kind.rawValue) is logged once it has happened"
                + " (only \(EventKind.allCases.filter(\.canBeBooked).map(\.rawValue).joined(separator: ", ")) can be booked ahead)")
        }
    }

    /// Checks what each kind requires.
    public func validate() throws {
        switch kind {
        case .correction where stage == nil && corrects == nil:
            throw DomainError.invalid(field: "stage", "a correction names the right stage or the event it sets aside")
        case .deadlineSet where due == nil:
            throw DomainError.invalid(field: "due", "a deadline needs its date")
        default: break
        }
    }
}

extension EventKind {
    /// What can be logged before it happens: meetings that are arranged.
    public var canBeBooked: Bool { self == .screen || self == .interview || self == .followUpCall }

    private static let spellings: [(utf8: [UInt8], kind: EventKind)] = allCases.map { (Array($0.rawValue.utf8), $0) }

    /// The kind spelled by these bytes (a column read in place, in a bulk
    /// read of the log), without making a String of them.
    public init?(utf8 bytes: UnsafeRawBufferPointer) {
        guard let match = Self.spellings.first(where: { $0.utf8.count == bytes.count && $0.utf8.elementsEqual(bytes) }) else {
            return nil
        }
        self = match.kind
    }
}
