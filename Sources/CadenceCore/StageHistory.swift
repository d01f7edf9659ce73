import Foundation

/// An application's stages, derived from its events: every change is dated
/// and points at the event that caused it.
public struct StageHistory: Sendable {
    public struct Change: Hashable, Sendable {
        public var stage: Stage
        public var at: Date
        public var eventID: Int64?
    }

    public private(set) var changes: [Change] = []

    /// The stage now; `saved` before anything happened.
    public var current: Stage { changes.last?.stage ?? .saved }

    /// Replays `events` in time order.
    public init(events: [Event]) {
        let ordered = events.sorted { ($0.at, $0.id ?? 0) < ($1.at, $1.id ?? 0) }
        let setAside = Set(ordered.compactMap(\.corrects))
        var beforeGhosted: Stage?
        for event in ordered where !setAside.contains(event.id ?? -1) {
            let previous = current
            var next: Stage?
            switch event.kind {
            case .saved: next = changes.isEmpty ? .saved : nil
            case .applied: next = previous < .applied ? .applied : nil
            case .screen: next = previous < .screening ? .screening : nil
            case .interview:
                let isFinal = event.round?.lowercased().contains("final") == true
                next = isFinal ? (previous < .final ? .final : nil) : (previous < .interviewing ? .interviewing : nil)
            case .offerReceived: next = .offer
            case .negotiationRound: next = .negotiating
            case .rejection: next = .rejected
            case .withdrawal: next = .withdrawn
            case .acceptance: next = .accepted
            case .decline: next = .declined
            case .ghosted:
                if !previous.isTerminal { beforeGhosted = previous; next = .ghosted }
            case .replyReceived, .followUpCall:
                // Any sign of life revives a ghosted application.
                if previous == .ghosted { next = beforeGhosted ?? .applied }
            case .correction: next = event.stage
            case .messageSent, .nextStepPromised, .deadlineSet, .note: break
            }
            if let next, next != previous || changes.isEmpty {
                changes.append(Change(stage: next, at: event.at, eventID: event.id))
            }
        }
    }
}

private func < (a: (Date, Int64), b: (Date, Int64)) -> Bool { a.0 != b.0 ? a.0 < b.0 : a.1 < b.1 }
