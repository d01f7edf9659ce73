/// How a follow-up reaches its person, and the shape its draft takes:
/// a letter for email and post (greeting, paragraphs, sign-off; email with
/// a subject), a short message for LinkedIn and text (no subject, no letter
/// form), talking points for a call; a task reaches nobody. Only email
/// becomes a mail draft (`.eml`).
public enum Channel: String, Sendable, CaseIterable {
    case email, phone, linkedin, text, letter, task

    /// What a draft on the channel is.
    public enum Form: String, Sendable {
        /// Greeting, paragraphs, sign-off.
        case letter
        /// A line or two, no subject, no letter form.
        case message
        /// What to say on a call.
        case talkingPoints = "talking-points"
        /// Something to do, not something to send.
        case task
    }

    public var form: Form {
        switch self {
        case .email, .letter: .letter
        case .linkedin, .text: .message
        case .phone: .talkingPoints
        case .task: .task
        }
    }

    /// The channel in a sentence: "status to Helen Jones on LinkedIn".
    public var said: String {
        switch self {
        case .email: "by email"
        case .phone: "by phone"
        case .linkedin: "on LinkedIn"
        case .text: "by text message"
        case .letter: "by post"
        case .task: "a task"
        }
    }

    /// Whether a draft on it is a mail message a mail client opens.
    public var isMail: Bool { self == .email }

    /// Other words people use for a channel.
    static let aliases: [String: Channel] = [
        "e-mail": .email, "mail": .email, "call": .phone, "telephone": .phone, "linked-in": .linkedin,
        "sms": .text, "text-message": .text, "post": .letter, "todo": .task,
    ]

    /// The longest a channel's name is read as a name at all.
    static let longest = 40

    /// A channel by its name or another word for it, case and spaces aside;
    /// anything else is refused with the names, and the one it nearly spells.
    public init(parsing given: String) throws {
        let key = given.trimmingWhitespace().lowercased().replacingAll(" ", with: "-").replacingAll("_", with: "-")
        if let channel = Channel(rawValue: key) ?? Channel.aliases[key] {
            self = channel
            return
        }
        let names = Channel.allCases.map(\.rawValue)
        let near = key.count <= Channel.longest ? NearMiss.nearest(to: key, among: names + Channel.aliases.keys.sorted()) : nil
        let meant = near.flatMap { Channel(rawValue: $0) ?? Channel.aliases[$0] }
        // What was given is quoted cut (a name of 500 characters is not
        // repeated whole) and on one line, its controls shown as escapes.
        let shown = TerminalText.line(given.count > Channel.longest ? String(given.prefix(Channel.longest)) + "…" : given)
        throw DomainError.invalid(field: "channel", "unknown channel '\(shown)'"
            + (meant.map { " (did you mean '\($0.rawValue)'?)" } ?? "") + "; known: " + names.joined(separator: ", "))
    }

    /// Refuses `given` when it is a slip for a channel ("linkdin"), with the
    /// did-you-mean; other words pass, for a meeting's own ("video", "on site").
    public static func refuseSlip(_ given: String) throws {
        guard (try? Channel(parsing: given)) == nil else { return }
        let key = given.trimmingWhitespace().lowercased()
        if key.count <= longest, NearMiss.nearest(to: key, among: allCases.map(\.rawValue) + aliases.keys.sorted()) != nil {
            _ = try Channel(parsing: given)
        }
    }
}
