import Testing
@testable import CadenceCore

/// The named sets of stages the policies read, and the fact topics
/// missing_info asks about: each written once, in the domain.
@Suite("Named stage sets and fact topics")
struct StageSetTests {
    @Test("each set holds the stages its name says, and they agree with one another")
    func sets() {
        #expect(Stage.terminal == [.accepted, .declined, .rejected, .withdrawn])
        #expect(Stage.allCases.allSatisfy { $0.isTerminal == Stage.terminal.contains($0) })
        #expect(Stage.endedByYou == [.accepted, .declined, .withdrawn])
        #expect(Stage.beingAssessed == [.screening, .interviewing, .final])
        #expect(Stage.interviewRounds == [.interviewing, .final] && Stage.interviewRounds.isSubset(of: Stage.beingAssessed))
        #expect(Stage.withOffer == [.offer, .negotiating])
        #expect(Stage.decided == [.offer, .negotiating, .accepted, .declined, .rejected, .withdrawn])
        // Ghosted is reversible: nothing has ended or been decided.
        for set in [Stage.terminal, Stage.endedByYou, Stage.decided, Stage.beingAssessed, Stage.withOffer] {
            #expect(!set.contains(.ghosted))
        }
    }

    @Test("every topic has a question and words that show it is asked; every name leads back to its topic")
    func topics() {
        #expect(FactTopic.allCases.map(\.rawValue)
            == ["office", "hours", "location", "contract", "benefits", "raises", "relocation", "community", "drawbacks"])
        for topic in FactTopic.allCases {
            #expect(topic.question.hasSuffix("?") && !topic.coveredBy.isEmpty)
            #expect(FactTopic(named: topic.rawValue) == topic)
            for alias in topic.aliases { #expect(FactTopic(named: alias) == topic, "\(alias)") }
        }
        #expect(Set(FactTopic.allCases.map(\.question)).count == FactTopic.allCases.count)
    }
}
