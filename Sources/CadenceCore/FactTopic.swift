/// What a candidate should know before an offer (follow-up practice, rule
/// 12): the topics `missing_info` asks about until an answer is recorded,
/// in the order it asks. People name them in their own words ("moving",
/// "the area"), so each topic has the names it answers to, the words that
/// show a question of theirs already covers it, and the question to ask;
/// one list, read by the command that records facts and by the policy that
/// asks (through `cadence.fact_topics()`).
public enum FactTopic: String, CaseIterable, Sendable {
    case office, hours, location, contract, benefits, raises, relocation, community, drawbacks

    /// The other names a person writes for the topic.
    public var aliases: [String] {
        switch self {
        case .office: ["workplace", "desk", "site"]
        case .hours: ["working hours", "schedule", "flexibility", "flexible hours"]
        case .location: ["where", "remote", "hybrid", "remote work"]
        case .contract: ["permanent", "notice", "notice period", "contract type"]
        case .benefits: ["pension", "holiday", "health", "health care", "perks", "pto", "401k", "401(k)", "annual leave",
                         "vacation", "retirement", "superannuation", "super", "provident fund", "health insurance"]
        case .raises: ["raise", "salary increase", "salary increases", "pay rise", "pay review", "salary review", "reviews"]
        case .relocation: ["moving", "moving expenses", "relocating", "relocate", "move"]
        case .community: ["area", "the area", "schools", "neighbourhood", "neighborhood", "community and schools"]
        case .drawbacks: ["drawback", "downsides", "downside", "hardest part", "why is it open", "cons"]
        }
    }

    /// Words that show one of the candidate's own questions already asks
    /// about the topic, found anywhere in it ("flexib" covers "flexible
    /// hours" and "flexibility"). Stems, unlike `aliases`, which are whole
    /// names of a recorded fact.
    public var coveredBy: [String] {
        switch self {
        case .office: ["office"]
        case .hours: ["hours", "flexib"]
        case .location: ["location", "remote", "hybrid"]
        case .contract: ["contract", "permanent", "notice"]
        case .benefits: ["benefit", "pension", "holiday", "health", "pto", "401", "leave", "vacation", "retirement",
                         "superannuation", "provident", "rrsp", "insurance", "medical"]
        case .raises: ["raise", "salary-increase", "salary increase", "review"]
        case .relocation: ["moving", "relocat"]
        case .community: ["community", "school", "area"]
        case .drawbacks: ["drawback", "hardest", "why is it open"]
        }
    }

    /// The question to ask while the topic is unknown, in plain words.
    public var question: String { question(in: nil) }

    /// The question in the words of `region` ("401(k) match, health
    /// insurance premium, PTO" in the US; "pension, private medical
    /// insurance, holiday" in the UK).
    public func question(in region: Region?) -> String {
        switch self {
        case .office: "Where would I be working day to day, and what is the office like?"
        case .hours: "What are the usual working hours, and how much flexibility is there?"
        case .location: "Where is the role based, and how much remote work is possible?"
        case .contract: "Is the contract permanent, and what is the notice period?"
        case .benefits: "What benefits come with the role: \(region.benefits.question)?"
        case .raises: "How and when are salaries reviewed?"
        case .relocation: "Would moving expenses be covered?"
        case .community: "What is the area like to live in: the community, the schools?"
        case .drawbacks: "What is hardest about this role, and why is it open?"
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
