/// Where an application stands. Derived from its events, never set directly.
public enum Stage: String, Sendable, Codable, CaseIterable, Comparable {
    case saved, applied, screening, interviewing, final, offer, negotiating
    case accepted, declined, rejected, withdrawn
    /// Set by a policy after long silence; a later reply revives the application.
    case ghosted

    /// The search is over for this application (ghosted is reversible, so it is not).
    public var isTerminal: Bool {
        switch self {
        case .accepted, .declined, .rejected, .withdrawn: true
        default: false
        }
    }

    /// The stages that end an application: `isTerminal`'s, as a set.
    public static let terminal = Set(allCases.filter(\.isTerminal))

    /// Ended by the candidate's own decision (accepted, declined, withdrawn):
    /// over, but not by a rejection, which still deserves thanks and a
    /// request for feedback. Follow-ups leave these alone.
    public static let endedByYou = terminal.subtracting([.rejected])

    /// A screen or interview rounds: they are assessing you, and a weekly
    /// word keeps you in mind.
    public static let beingAssessed: Set<Stage> = [.screening, .interviewing, .final]

    /// Past the screen, before an offer: when references are asked for and
    /// an insider's word helps.
    public static let interviewRounds: Set<Stage> = [.interviewing, .final]

    /// An offer is on the table, answered or being negotiated.
    public static let withOffer: Set<Stage> = [.offer, .negotiating]

    /// They have decided (an offer came) or it is over: no decision to wait
    /// for. Not ghosted: silence decides nothing.
    public static let decided = withOffer.union(terminal)

    /// Not under way: ended, or gone quiet. What a board folds away, a
    /// timeline leaves out and a coach does not count as stalled; a reply
    /// would bring a ghosted one back, and it would be under way again.
    public static let closed = terminal.union([.ghosted])

    /// The order of progress, for sorting listings.
    var rank: Int { Stage.allCases.firstIndex(of: self)! }
    public static func < (a: Stage, b: Stage) -> Bool { a.rank < b.rank }

    public init(parsing text: String, field: String = "stage") throws {
        let key = text.trimmingWhitespace().lowercased()
        let aliases: [String: Stage] = [
            "wishlist": .saved, "bookmarked": .saved, "interested": .saved,
            "phone screen": .screening, "screen": .screening,
            "interview": .interviewing, "interviews": .interviewing, "final round": .final,
            "offered": .offer, "offer received": .offer, "negotiation": .negotiating,
            "hired": .accepted, "accepted offer": .accepted, "rejected offer": .declined,
            "no response": .ghosted, "cold": .ghosted,
        ]
        guard let stage = Stage(rawValue: key) ?? aliases[key] else {
            let known = Stage.allCases.map(\.rawValue).joined(separator: ", ")
            throw DomainError.invalid(field: field, "unknown stage '\(text)' (known: \(known))")
        }
        self = stage
    }
}
