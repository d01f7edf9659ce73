import CadenceCore
import Foundation

/// What one application's log says as of a moment: the stages it went
/// through and the last time anyone was in touch. Events after the moment
/// are on the calendar and do not count. Of each event it reads only the id,
/// kind, time, round, stage and correction.
public struct LogDigest: Sendable {
    public var history: StageHistory
    /// The last time they said anything: a reply, a meeting, a promise, an offer or a no.
    public var lastFromThem: Date?
    /// The last time you reached out: applying, a message, a call, a meeting.
    public var lastByYou: Date?
    /// Whichever of the two is later.
    public var lastContact: Date? { [lastFromThem, lastByYou].compactMap { $0 }.max() }

    static let fromThem: Set<EventKind> = [.replyReceived, .interview, .screen, .followUpCall, .nextStepPromised,
                                           .deadlineSet, .offerReceived, .negotiationRound, .rejection]
    static let byYou: Set<EventKind> = [.applied, .messageSent, .followUpCall, .interview, .screen]
    /// A word from either side: what moves `lastContact` (a note or a correction is neither).
    public static let touches = fromThem.union(byYou)

    public init(_ log: [Event], asOf now: Date) {
        let past = log.filter { $0.at <= now }
        history = StageHistory(events: past)
        lastFromThem = past.last(where: { LogDigest.fromThem.contains($0.kind) })?.at
        lastByYou = past.last(where: { LogDigest.byYou.contains($0.kind) })?.at
    }
}

/// Digests the logs of many applications read in application order, one
/// event at a time, keeping only the current application's events.
public struct LogDigester {
    private let now: Date
    private var current: Int64?
    private var log: [Event] = []
    private var digests: [Int64: LogDigest] = [:]

    public init(asOf now: Date) { self.now = now }

    public mutating func add(_ event: Event) {
        if event.applicationID != current { close() }
        current = event.applicationID
        log.append(event)
    }

    /// Every application's digest (none for one without events).
    public mutating func finish() -> [Int64: LogDigest] {
        close()
        return digests
    }

    private mutating func close() {
        if let current { digests[current] = LogDigest(log, asOf: now) }
        current = nil
        log.removeAll(keepingCapacity: true)
    }
}
