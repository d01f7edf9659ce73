import CadenceCore
import Foundation

/// What a worker answered, as the host keeps it. The host decides what an
/// answer may do (as a browser does not trust its renderers): a proposal
/// is an item to show, never a write, and every check is made here, in
/// Swift, on what the host decoded. The worker checks much the same first,
/// but its Lua runs beside the package's, which may have patched it; and a
/// subverted worker could answer anything.
///
/// A proposal that lies (a field of the wrong type, an application it was
/// not sent, a day out of range, a kind its manifest does not declare, a
/// text too long, a one-line text with controls) is left out with a reason;
/// the rest of the answer is kept. Past the caps (so many items an
/// application, so many in all) proposals are counted, not kept.
///
/// A proposal carries no writes: a `logs` field (what marking the item done
/// would log) is not read, so it has no effect at all. What marking a
/// package's item done logs is the host's record of the item (policy.lua's
/// `done_event`). Refusing such an answer instead would stop packages
/// written before this rule, for a field that now does nothing.
public struct WorkerAnswer: Sendable {
    public struct Proposal: Sendable, Equatable {
        public var application: Int64
        public var kind: String
        public var due: LocalDate
        public var key: String
        public var to, channel, reason, draft, subject, rule, slide: String?
    }

    public struct TestCase: Sendable, Equatable {
        public var name: String
        public var passed: Bool
        public var message: String?
    }

    public var proposals: [Proposal] = []
    /// Applications it failed on (a few, with messages cut short) and how many in all.
    public var failures: [(application: Int64, message: String)] = []
    public var failed = 0
    /// Why proposals were left out: the first few, as sentences; and how many were in all.
    public var leftOut: [String] = []
    public var leftOutCount = 0
    /// How many proposals were past the caps (per application, in all): counted, not kept.
    public var overCap = 0
    public var cases: [TestCase] = []

    /// At most this many proposals for one application (the worker stops a package that proposes more).
    public static let perApplication = 50
    /// At most this many proposals in all (ten a planned application of a search of ten thousand).
    public static let inAll = 100_000
    /// How many of a package's failures are kept, with their messages (the rest are counted).
    public static let failuresKept = 20
    /// The most bytes of a failure's or an error's message that reach the
    /// user: below the terminal's own cut of a message (`TerminalText.messageLimit`
    /// scalars, with the words around it), so that what is seen is this cut,
    /// which counts what the package really sent.
    public static let messageBytes = TerminalText.messageLimit * 3 / 4
    /// How many reasons for leaving proposals out are kept (the rest are counted).
    static let reasonsKept = 5
    /// The most bytes each text of a proposal may have (the worker checks them too, first).
    public static let limits: [String: Int] = ["kind": 40, "key": 400, "to": 200, "channel": 40, "reason": 4000, "draft": 20_000,
                                               "subject": 400, "rule": 400, "slide": 10]
    /// The texts of a proposal that are one line: names, keys and headers, free of controls.
    static let oneLine: Set<String> = ["key", "to", "subject", "rule"]
    /// Which way a proposal's day may move off a closed day (none: forward).
    static let slides: Set<String> = ["back", "keep", "forward"]

    /// A worker's answer on the wire: what the worker's Lua returned, read
    /// into this type, written as JSON; the host decodes the JSON into it
    /// again (a search of ten thousand applications answers with tens of
    /// thousands of proposals: straight into these types, no tree between).
    /// Each proposal and failure is read as far as it can be, so that one of
    /// the wrong shape is left out alone; a list that is not a list refuses
    /// the whole answer.
    public struct Wire: Codable, Sendable {
        public var error: String?
        var proposals: [WireProposal]?
        var failures: [WireFailure]?
        var failed: Int?
        var cases: [WireCase]?

        /// An answer that says only what went wrong.
        public init(error: String) { self.error = error }

        enum CodingKeys: String, CodingKey { case error, proposals, failures, failed, cases }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            error = try c.decodeIfPresent(String.self, forKey: .error)
            proposals = try c.decodeIfPresent([WireProposal].self, forKey: .proposals)
            failures = try c.decodeIfPresent([WireFailure].self, forKey: .failures)
            // A count that is no whole number is no count: the failures kept are counted instead.
            failed = (try? c.decodeIfPresent(Int.self, forKey: .failed)) ?? nil
            cases = try c.decodeIfPresent([WireCase].self, forKey: .cases)
        }
    }

    /// A proposal as sent: each field read if it has its type, and why not otherwise.
    struct WireProposal: Codable, Sendable {
        var application: Int64?
        var kind, due, key: String?
        var to, channel, reason, draft, subject, rule, slide: String?
        /// Why it cannot be read (not an object, a field of the wrong type), or nil.
        var unreadable: String?

        // `logs` is not among them: a proposal carries no writes, and a `logs` sent is not read.
        enum CodingKeys: String, CodingKey { case application, kind, due, key, to, channel, reason, draft, subject, rule, slide }

        init(from decoder: Decoder) throws {
            guard let c = try? decoder.container(keyedBy: CodingKeys.self) else {
                unreadable = "it is not an object"
                return
            }
            var unreadable: String?
            func read<T: Decodable>(_ key: CodingKeys, _ what: String) -> T? {
                do { return try c.decodeIfPresent(T.self, forKey: key) } catch {
                    if unreadable == nil { unreadable = "its \(key.stringValue) is not \(what)" }
                    return nil
                }
            }
            application = read(.application, "a whole number")
            kind = read(.kind, "text"); due = read(.due, "text"); key = read(.key, "text")
            to = read(.to, "text"); channel = read(.channel, "text"); reason = read(.reason, "text"); draft = read(.draft, "text")
            subject = read(.subject, "text"); rule = read(.rule, "text"); slide = read(.slide, "text")
            self.unreadable = unreadable
        }
    }

    struct WireFailure: Codable, Sendable {
        var application: Int64?
        var message: String?

        init(from decoder: Decoder) throws {
            let c = try? decoder.container(keyedBy: CodingKeys.self)
            application = (try? c?.decodeIfPresent(Int64.self, forKey: .application)) ?? nil
            message = (try? c?.decodeIfPresent(String.self, forKey: .message)) ?? nil
        }
    }

    struct WireCase: Codable, Sendable {
        var name: String?
        var passed: Bool?
        var message: String?

        init(from decoder: Decoder) throws {
            let c = try? decoder.container(keyedBy: CodingKeys.self)
            name = (try? c?.decodeIfPresent(String.self, forKey: .name)) ?? nil
            passed = (try? c?.decodeIfPresent(Bool.self, forKey: .passed)) ?? nil
            message = (try? c?.decodeIfPresent(String.self, forKey: .message)) ?? nil
        }
    }

    /// Why a proposal was left out, in words that hold nothing of its own
    /// text but what was checked to be safe to show.
    struct LeftOut: Error { var why: String }

    /// Checks a plan's answer: `kinds` are those the manifest declares (nil:
    /// any name, for a policy being packed); due days must lie within a year
    /// and a half of `today` (nil: made-up cases, on their own days);
    /// `applications` are those the worker was sent (nil: made-up cases).
    public init(plan wire: Wire, kinds: [String]?, today: LocalDate?, applications: Set<Int64>?) throws {
        guard let list = wire.proposals else {
            throw IsolatedWorker.Failure(description: "its answer was refused: no list of proposals")
        }
        var check = Check(kinds: kinds, today: today, applications: applications)
        var perApplication: [Int64: Int] = [:]
        proposals.reserveCapacity(min(list.count, Self.inAll))
        for (index, item) in list.enumerated() {
            do {
                let proposal = try check.proposal(item)
                let count = perApplication[proposal.application, default: 0]
                guard count < Self.perApplication, proposals.count < Self.inAll else {
                    overCap += 1
                    continue
                }
                perApplication[proposal.application] = count + 1
                proposals.append(proposal)
            } catch let refused as LeftOut {
                leftOutCount += 1
                if leftOut.count < Self.reasonsKept { leftOut.append("its proposal \(index + 1) was left out: \(refused.why)") }
            }
        }
        for failure in (wire.failures ?? []).prefix(Self.failuresKept) {
            failures.append((failure.application ?? 0, AnswerText.cut(failure.message ?? "(no message)", bytes: Self.messageBytes)))
        }
        // At least the failures kept; at most one an application sent (or the failures kept, if more).
        let most = max(failures.count, applications?.count ?? Self.inAll)
        failed = min(max(wire.failed ?? 0, failures.count), most)
    }

    /// A proposal's checks, made once for the whole answer.
    struct Check {
        let kinds: [String]?
        let kindSet: Set<String>?
        let today: LocalDate?
        let applications: Set<Int64>?
        /// Days already read, by their text (a search's proposals share a few days).
        var days: [String: LocalDate] = [:]

        init(kinds: [String]?, today: LocalDate?, applications: Set<Int64>?) {
            self.kinds = kinds
            kindSet = kinds.map(Set.init)
            self.today = today
            self.applications = applications
        }

        mutating func proposal(_ item: WireProposal) throws -> Proposal {
            if let unreadable = item.unreadable { throw LeftOut(why: unreadable) }
            guard let application = item.application else { throw LeftOut(why: "it has no application (a whole number)") }
            guard let kind = item.kind else { throw LeftOut(why: "it has no kind") }
            guard let dueText = item.due else { throw LeftOut(why: "it has no due day") }
            guard let key = item.key else { throw LeftOut(why: "it has no key") }
            for (name, value) in [("kind", kind), ("key", key), ("to", item.to), ("channel", item.channel), ("reason", item.reason),
                                  ("draft", item.draft), ("subject", item.subject), ("rule", item.rule), ("slide", item.slide)] {
                guard let value, let most = WorkerAnswer.limits[name] else { continue }
                if value.utf8.count > most { throw LeftOut(why: "its \(name) is \(value.utf8.count) bytes (at most \(most))") }
                if WorkerAnswer.oneLine.contains(name), !AnswerText.isOneLine(value) {
                    throw LeftOut(why: "its \(name) holds a control character")
                }
            }
            let declared = (kinds ?? []).joined(separator: ", ")
            guard AnswerText.isSlug(kind) else {
                throw LeftOut(why: kindSet == nil ? "its kind is not a name of lowercase letters, digits and hyphens"
                                                  : "it is of a kind its manifest does not declare (\(declared))")
            }
            if let kindSet, !kindSet.contains(kind) {
                throw LeftOut(why: "it is a '\(kind)', which its manifest does not say it proposes (\(declared))")
            }
            if let channel = item.channel, !AnswerText.isSlug(channel) {
                throw LeftOut(why: "its channel is not a name of lowercase letters, digits and hyphens")
            }
            if let slide = item.slide, !WorkerAnswer.slides.contains(slide) { throw LeftOut(why: "its slide is not back, keep or forward") }
            if let applications, !applications.contains(application) {
                throw LeftOut(why: "it is for application \(application), which it was not given")
            }
            return Proposal(application: application, kind: kind, due: try day(dueText), key: key, to: item.to, channel: item.channel,
                            reason: item.reason, draft: item.draft, subject: item.subject, rule: item.rule, slide: item.slide)
        }

        /// The day `text` names, within a year and a half of today.
        mutating func day(_ text: String) throws -> LocalDate {
            if let known = days[text] { return known }
            guard let read = try? LocalDate(iso: text), abs(read.dayNumber - (today ?? read).dayNumber) <= 548 else {
                // The text is shown only when it is short and one line: it is the package's.
                let shown = text.utf8.count <= 32 && AnswerText.isOneLine(text) ? " '\(text)'" : ""
                throw LeftOut(why: "its due\(shown) is not a day" + (today.map { " within a year and a half of \($0)" } ?? ""))
            }
            days[text] = read
            return read
        }
    }

    /// The most test cases of a package that are read.
    public static let casesKept = 1_000

    /// Reads a test run's answer: at most `casesKept` cases, names and
    /// messages cut short. More cases than that fail the run, saying so:
    /// a case not read is a case not checked, and the install gate counts on them.
    public init(tests wire: Wire) throws {
        guard let list = wire.cases else {
            throw IsolatedWorker.Failure(description: "its answer was refused: no list of test cases")
        }
        cases = list.prefix(Self.casesKept).map { c in
            TestCase(name: AnswerText.cut(c.name ?? "a case", bytes: 200), passed: c.passed ?? false,
                     message: c.message.map { AnswerText.cut($0, bytes: Self.messageBytes) })
        }
        if list.count > Self.casesKept {
            cases.append(TestCase(name: "at most \(Self.casesKept) cases", passed: false,
                                  message: "its tests have \(list.count) cases; Cadence reads \(Self.casesKept), so \(list.count - Self.casesKept) were not checked"))
        }
    }
}
