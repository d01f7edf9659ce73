import CadenceCore
import Foundation

/// What one application's log says as of a moment: the stages it went
/// through and the last time anyone was in touch. Events after the moment
/// are on the calendar and do not count. Of each event it reads only the id,
/// kind, time, round, stage and correction.
public struct LogDigest: Sendable {
    public var history: StageHistory
    public var lastContact: Date?

    public init(_ log: [Event], asOf now: Date) {
        let touches: Set<EventKind> = [.messageSent, .replyReceived, .followUpCall, .interview, .screen]
        let past = log.filter { $0.at <= now }
        history = StageHistory(events: past)
        lastContact = past.last(where: { touches.contains($0.kind) })?.at
    }
}
