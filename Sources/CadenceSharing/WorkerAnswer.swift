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

    public enum Logs: Sendable, Equatable {
        case nothing
        case kind(String)
        case details([String: String])
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
    static let limits: [String: Int] = ["kind": 40, "key": 400, "to": 200, "channel": 40, "reason": 4000, "draft": 20_000,
                                        "subject": 400, "rule": 400, "slide": 10]

    /// Checks a plan's answer: `kinds` are those the manifest declares (nil:
    /// any, for a policy being packed); due days must lie within a year and
    /// a half of `today` (nil: made-up cases, on their own days).
    public init(plan json: [String: Any], kinds: [String]?, today: LocalDate?) throws {
        func fail(_ message: String) -> IsolatedWorker.Failure { IsolatedWorker.Failure(description: "its answer was refused: " + message) }
        guard let list = json["proposals"] as? [[String: Any]] else { throw fail("no list of proposals") }
        guard list.count <= Self.maxItems else { throw fail("\(list.count) proposals (at most \(Self.maxItems))") }
        for (index, item) in list.enumerated() {
            let at = "proposal \(index + 1)"
            func text(_ key: String, required: Bool = false) throws -> String? {
                guard let value = item[key], !(value is NSNull) else {
                    if required { throw fail("\(at) has no \(key)") }
                    return nil
                }
                guard let string = value as? String else { throw fail("\(at): \(key) is not text") }
                let most = Self.limits[key] ?? 40
                guard string.utf8.count <= most else { throw fail("\(at): \(key) is \(string.utf8.count) bytes (at most \(most))") }
                return string
            }
            guard let application = item["application"] as? Int else { throw fail("\(at) names no application") }
            let kind = try text("kind", required: true)!
            if let kinds, !kinds.contains(kind) {
                throw fail("\(at) is a '\(kind)', which its manifest does not say it proposes (\(kinds.joined(separator: ", ")))")
            }
            let dueText = try text("due", required: true)!
            guard let due = try? LocalDate(iso: dueText), abs(due.dayNumber - (today ?? due).dayNumber) <= 548 else {
                throw fail("\(at): due '\(dueText)' is not a day within a year and a half of \(today.map(\.description) ?? "")")
            }
            var logs: Logs?
            switch item["logs"] {
            case nil, is NSNull: logs = nil
            case let flag as Bool where !flag: logs = .nothing
            case let kind as String where kind.utf8.count <= 40: logs = .kind(kind)
            case let details as [String: Any]:
                var copy: [String: String] = [:]
                for (k, v) in details where k.utf8.count <= 40 {
                    if let s = v as? String, s.utf8.count <= 4000 { copy[k] = s } else if let n = v as? Int { copy[k] = String(n) }
                }
                guard copy["event"] != nil else { throw fail("\(at): logs names no event") }
                logs = .details(copy)
            default: throw fail("\(at): logs is not an event kind")
            }
            proposals.append(Proposal(application: Int64(application), kind: kind, due: due, key: try text("key", required: true)!,
                                      to: try text("to"), channel: try text("channel"), reason: try text("reason"),
                                      draft: try text("draft"), subject: try text("subject"), rule: try text("rule"),
                                      slide: try text("slide"), logs: logs))
        }
        for failure in (json["failures"] as? [[String: Any]] ?? []).prefix(20) {
            guard let application = failure["application"] as? Int, let message = failure["message"] as? String else { continue }
            failures.append((Int64(application), String(message.prefix(2000))))
        }
        failed = json["failed"] as? Int ?? failures.count
    }

    /// Reads a test run's answer.
    public init(tests json: [String: Any]) throws {
        guard let list = json["cases"] as? [[String: Any]] else {
            throw IsolatedWorker.Failure(description: "its answer was refused: no list of test cases")
        }
        cases = list.prefix(1000).map { c in
            TestCase(name: String((c["name"] as? String ?? "a case").prefix(200)), passed: c["passed"] as? Bool ?? false,
                     message: (c["message"] as? String).map { String($0.prefix(2000)) })
        }
    }
}
