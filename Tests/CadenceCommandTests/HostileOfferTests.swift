import Foundation
import Testing

/// Fields with a raw line feed or tab, in views that print them at column 0
/// or at a field's place: each stays on its line, shown as an escape.
@Suite("Hostile fields in offers, simulations and negotiations")
struct HostileOfferTests: WorkspaceSuite {
    let directory = Self.folder("hostile-offers")

    static let company = "Acme\n\tForged Corp\u{1B}[2K"
    static let role = "Analyst\nStage at the end: hired"

    func prepared() throws {
        try createdWithCandidate()
        #expect(try cadence("app", "add", Self.company, Self.role, "--applied", "2026-03-01").status == 0)
        let added = try cadence("offer", "add", "--app", "1", "--base", "50000 GBP", "--at", "2026-03-05",
                                "--benefit", "car=none\n  respond by:       2027-03-01", "--respond-by", "2026-04-01")
        #expect(added.status == 0, "\(added.error)")
    }

    /// No line of `text` starts with `forged`.
    static func noLine(_ text: String, startingWith forged: String...) -> Bool {
        !text.split(separator: "\n").contains { line in forged.contains { line.hasPrefix($0) } }
    }

    @Test("offer show keeps a benefit's terms on its line: no forged respond by:")
    func offerShow() throws {
        try prepared()
        let shown = try cadence("offer", "show", "1")
        #expect(shown.status == 0 && HostileTextTests.inert(shown.output), "\(shown.output.debugDescription)")
        #expect(shown.output.split(separator: "\n").filter { $0.contains("respond by:") }.count == 2, "\(shown.output)")
        #expect(shown.output.contains("\n  respond by:       Wed 1 Apr 2026\n"), "\(shown.output)")
        #expect(shown.output.contains("\"none\\n  respond by:       2027-03-01\" (as the offer words it)"), "\(shown.output)")
        #expect(shown.output.hasPrefix("Offer 1 from Acme\\n\\tForged Corp\\u{1b}[2K (received)\n"), "\(shown.output)")
    }

    @Test("simulate and negotiate print the company and role on their line")
    func simulateAndNegotiate() throws {
        try prepared()
        let simulated = try cadence("simulate", "1", "--weeks", "4")
        #expect(simulated.status == 0 && HostileTextTests.inert(simulated.output), "\(simulated.output.debugDescription) \(simulated.error)")
        #expect(simulated.output.hasPrefix("Acme\\n\\tForged Corp\\u{1b}[2K: Analyst\\nStage at the end: hired, from "), "\(simulated.output)")
        #expect(Self.noLine(simulated.output, startingWith: "\tForged", "Stage at the end: hired"), "\(simulated.output)")
        let negotiated = try cadence("negotiate", "1")
        #expect(negotiated.status == 0 && HostileTextTests.inert(negotiated.output), "\(negotiated.output.debugDescription) \(negotiated.error)")
        #expect(negotiated.output.hasPrefix("Acme\\n\\tForged Corp\\u{1b}[2K, Analyst\\nStage at the end: hired: offer 1"), "\(negotiated.output)")
        #expect(Self.noLine(negotiated.output, startingWith: "\tForged", "Stage at the end"), "\(negotiated.output)")
        let answered = try cadence("negotiate", "1", "--question", "how much?\nSay: forged")
        #expect(answered.status == 0 && Self.noLine(answered.output, startingWith: "Say: forged"), "\(answered.output)")
        let valued = try cadence("offer", "value", "1")
        #expect(valued.status == 0 && Self.noLine(valued.output, startingWith: "\tForged", "Stage at the end"), "\(valued.output)")
        let compared = try cadence("offer", "compare")
        #expect(compared.status == 0 && Self.noLine(compared.output, startingWith: "\tForged", "Stage at the end"), "\(compared.output)")
    }
}
