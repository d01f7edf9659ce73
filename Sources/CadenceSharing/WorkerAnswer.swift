import CadenceCore
import Foundation

/// What a worker answered, checked by the host before anything of it
/// reaches the agenda: kinds the manifest declared, days in range, texts
/// within their sizes, at most so many items. A worker is not trusted to
/// have done this itself (a broken or subverted one could answer anything).
public struct WorkerAnswer: Sendable {
    public struct Proposal: Sendable, Equatable {
        public var application: Int64
        public var kind: String
        public var due: LocalDate
        public var key: String
        public var to, channel, reason, draft, subject, rule, slide: String?
        /// What marking it done logs: nil (the default), false (nothing), a kind, or a kind with details.
        public var logs: Logs?
    }

    public enum Logs: Sendable, Equatable, Codable {
        case nothing
        case kind(String)
        case details([String: String])

        /// false, an event kind, or { event = kind, field = text or number, … } (other values left out).
        public init(from decoder: Decoder) throws {
            let single = try decoder.singleValueContainer()
            if let flag = try? single.decode(Bool.self), !flag { self = .nothing; return }
            let kindLimit = WorkerAnswer.limits["kind"] ?? 40, textLimit = WorkerAnswer.limits["reason"] ?? 4000
            if let kind = try? single.decode(String.self), kind.utf8.count <= kindLimit { self = .kind(kind); return }
            let fields = try decoder.container(keyedBy: AnyKey.self)
            var details: [String: String] = [:]
            for key in fields.allKeys where key.stringValue.utf8.count <= kindLimit {
                if let text = try? fields.decode(String.self, forKey: key), text.utf8.count <= textLimit { details[key.stringValue] = text }
                else if let number = try? fields.decode(Int.self, forKey: key) { details[key.stringValue] = String(number) }
            }
            self = .details(details)
        }

        public func encode(to encoder: Encoder) throws {
            switch self {
            case .nothing:
                var single = encoder.singleValueContainer()
                try single.encode(false)
            case .kind(let kind):
                var single = encoder.singleValueContainer()
                try single.encode(kind)
            case .details(let details):
                var fields = encoder.container(keyedBy: AnyKey.self)
                for (key, value) in details { try fields.encode(value, forKey: AnyKey(stringValue: key)) }
            }
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public struct TestCase: Sendable, Equatable {
        public var name: String
        public var passed: Bool
        public var message: String?
    }

    public var proposals: [Proposal] = []
    /// Applications it failed on (a few, with messages) and how many in all.
    public var failures: [(application: Int64, message: String)] = []
    public var failed = 0
    public var cases: [TestCase] = []

    /// 50 per application for a search of ten thousand; the 16 MiB answer bounds it too.
    static let maxItems = 500_000
    /// At most this many proposals for one application (the worker stops a package that proposes more).
    public static let perApplication = 50
    /// How many of a package's failures are kept, with their messages (the rest are counted).
    public static let failuresKept = 20
    /// The most bytes each text of a proposal may have (the worker checks them too, first).
    public static let limits: [String: Int] = ["kind": 40, "key": 400, "to": 200, "channel": 40, "reason": 4000, "draft": 20_000,
                                        "subject": 400, "rule": 400, "slide": 10]

    /// A worker's answer on the wire: what the worker's Lua returned, read
    /// into this type (a field missing or mistyped fails), written as JSON;
    /// the host decodes the JSON into it again (a search of ten thousand
    /// applications answers with tens of thousands of proposals).
    public struct Wire: Codable, Sendable {
        public var error: String?
        var proposals: [WireProposal]?
        var failures: [WireFailure]?
        var failed: Int?
        var cases: [WireCase]?

        /// An answer that says only what went wrong.
        public init(error: String) { self.error = error }
    }

    struct WireProposal: Codable, Sendable {
        var application: Int64
        var kind, due, key: String
        var to, channel, reason, draft, subject, rule, slide: String?
        var logs: Logs?
    }

    struct WireFailure: Codable, Sendable {
        var application: Int64
        var message: String
    }

    struct WireCase: Codable, Sendable {
        var name: String?
        var passed: Bool?
        var message: String?
    }

    /// Checks a plan's answer: `kinds` are those the manifest declares (nil:
    /// any, for a policy being packed); due days must lie within a year and
    /// a half of `today` (nil: made-up cases, on their own days).
    public init(plan wire: Wire, kinds: [String]?, today: LocalDate?) throws {
        func fail(_ message: String) -> IsolatedWorker.Failure { IsolatedWorker.Failure(description: "its answer was refused: " + message) }
        guard let list = wire.proposals else { throw fail("no list of proposals") }
        guard list.count <= Self.maxItems else { throw fail("\(list.count) proposals (at most \(Self.maxItems))") }
        let kindSet = kinds.map(Set.init)
        var days: [String: LocalDate] = [:]
        proposals.reserveCapacity(list.count)
        for (index, item) in list.enumerated() {
            let at = "proposal \(index + 1)"
            for (name, value) in [("kind", item.kind), ("key", item.key), ("to", item.to), ("channel", item.channel),
                                  ("reason", item.reason), ("draft", item.draft), ("subject", item.subject),
                                  ("rule", item.rule), ("slide", item.slide)] {
                guard let value, let most = Self.limits[name], value.utf8.count > most else { continue }
                throw fail("\(at): \(name) is \(value.utf8.count) bytes (at most \(most))")
            }
            if let kindSet, !kindSet.contains(item.kind) {
                throw fail("\(at) is a '\(item.kind)', which its manifest does not say it proposes (\((kinds ?? []).joined(separator: ", ")))")
            }
            let due: LocalDate
            if let known = days[item.due] {
                due = known
            } else {
                guard let read = try? LocalDate(iso: item.due), abs(read.dayNumber - (today ?? read).dayNumber) <= 548 else {
                    throw fail("\(at): due '\(item.due)' is not a day within a year and a half of \(today.map(\.description) ?? "")")
                }
                days[item.due] = read
                due = read
            }
            if case .details(let details)? = item.logs, details["event"] == nil { throw fail("\(at): logs names no event") }
            proposals.append(Proposal(application: item.application, kind: item.kind, due: due, key: item.key, to: item.to,
                                      channel: item.channel, reason: item.reason, draft: item.draft, subject: item.subject,
                                      rule: item.rule, slide: item.slide, logs: item.logs))
        }
        for failure in (wire.failures ?? []).prefix(Self.failuresKept) {
            failures.append((failure.application, String(failure.message.prefix(2000))))
        }
        failed = wire.failed ?? failures.count
    }

    /// Reads a test run's answer.
    public init(tests wire: Wire) throws {
        guard let list = wire.cases else {
            throw IsolatedWorker.Failure(description: "its answer was refused: no list of test cases")
        }
        cases = list.prefix(1000).map { c in
            TestCase(name: String((c.name ?? "a case").prefix(200)), passed: c.passed ?? false, message: c.message.map { String($0.prefix(2000)) })
        }
    }
}
