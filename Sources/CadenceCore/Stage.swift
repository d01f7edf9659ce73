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
