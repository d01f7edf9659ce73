import Foundation
import Testing
@testable import CadenceCore

@Suite("Stages are derived from events, each change dated")
struct StageHistoryTests {
    func at(_ day: Int) -> Date { Date(timeIntervalSince1970: TimeInterval(1_772_409_600 + day * 86_400)) }
    func event(_ id: Int64, _ kind: EventKind, day: Int, round: String? = nil, stage: Stage? = nil, corrects: Int64? = nil) -> Event {
        Event(id: id, applicationID: 1, kind: kind, at: at(day), round: round, stage: stage, corrects: corrects)
    }

    @Test("applied, screen, interview, final, offer: each change at its event's date")
    func progress() {
        let history = StageHistory(events: [
            event(1, .applied, day: 0), event(2, .screen, day: 3), event(3, .interview, day: 7),
            event(4, .messageSent, day: 7), event(5, .interview, day: 14, round: "final"), event(6, .offerReceived, day: 20),
        ])
        #expect(history.changes.map(\.stage) == [.applied, .screening, .interviewing, .final, .offer])
        #expect(history.changes.map(\.at) == [at(0), at(3), at(7), at(14), at(20)])
        #expect(history.current == .offer)
    }

    @Test("a later screen does not move an application backwards")
    func noRegression() {
        let history = StageHistory(events: [event(1, .interview, day: 0), event(2, .screen, day: 1)])
        #expect(history.current == .interviewing)
    }

    @Test("ghosted is reversible: a reply revives the stage it had")
    func ghostedRevives() {
        let history = StageHistory(events: [
            event(1, .interview, day: 0), event(2, .ghosted, day: 40), event(3, .replyReceived, day: 45),
        ])
        #expect(history.changes.map(\.stage) == [.interviewing, .ghosted, .interviewing])
    }

    @Test("a correction sets the stage, or sets a mistaken event aside")
    func corrections() {
        let fixed = StageHistory(events: [event(1, .interview, day: 0), event(2, .correction, day: 1, stage: .screening)])
        #expect(fixed.current == .screening)
        let undone = StageHistory(events: [
            event(1, .applied, day: 0), event(2, .rejection, day: 5), event(3, .correction, day: 6, corrects: 2),
        ])
        #expect(undone.current == .applied)
    }

    @Test("events are replayed in time order, whatever order they were logged in")
    func order() {
        let history = StageHistory(events: [event(2, .interview, day: 5), event(1, .applied, day: 0)])
        #expect(history.changes.map(\.stage) == [.applied, .interviewing])
    }
}
