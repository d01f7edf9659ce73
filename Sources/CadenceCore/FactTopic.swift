/// What a candidate should know before an offer (follow-up practice, rule
/// 12): the topics `missing_info` asks about until an answer is recorded.
/// People name them in their own words ("moving", "the area"), so each topic
/// has the names it answers to; one list, read by the command that records
/// facts and by the policy that asks (through `cadence.fact_topics()`).
public enum FactTopic: String, CaseIterable, Sendable {
    case office, hours, location, contract, benefits, raises, relocation, community, drawbacks

    /// The other names a person writes for the topic.
    public var aliases: [String] {
        switch self {
        case .office: ["workplace", "desk", "site"]
        case .hours: ["working hours", "schedule", "flexibility", "flexible hours"]
        case .location: ["where", "remote", "hybrid", "remote work"]
        case .contract: ["permanent", "notice", "notice period", "contract type"]
        case .benefits: ["pension", "holiday", "health", "health care", "perks"]
        case .raises: ["raise", "salary increase", "salary increases", "pay rise", "pay review", "salary review", "reviews"]
        case .relocation: ["moving", "moving expenses", "relocating", "relocate", "move"]
        case .community: ["area", "the area", "schools", "neighbourhood", "neighborhood", "community and schools"]
        case .drawbacks: ["drawback", "downsides", "downside", "hardest part", "why is it open", "cons"]
        }
    }

    /// The topic a name written by a person stands for, or nil.
    public init?(named text: String) {
        let key = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" }).joined(separator: " ")
        guard let topic = FactTopic(rawValue: key) ?? FactTopic.allCases.first(where: { $0.aliases.contains(key) }) else {
            return nil
        }
        self = topic
    }
}

extension Application {
    /// Records what was found out about a topic (an empty answer forgets
    /// it), under the name the policies read ("moving" is `relocation`).
    /// Returns false when no standard policy reads a topic of that name.
    @discardableResult
    public mutating func setFact(_ written: String, _ answer: String) -> Bool {
        let name = written.trimmingWhitespace().lowercased()
        let topic = FactTopic(named: name)
        var known = facts ?? [:]
        known[topic?.rawValue ?? name] = answer.trimmingWhitespace().isEmpty ? nil : answer.trimmingWhitespace()
        facts = known.isEmpty ? nil : known
        return topic != nil
    }
}
