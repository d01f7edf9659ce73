import CadenceCore
@testable import CadenceStore
import Foundation
import Testing

/// Planning addresses a person linked to an application as one of its own
/// contacts: `app:contacts()` and `cadence.all_contacts()` list them there.
@Suite("Planning with one person across applications")
struct ContactLinkPlanningTests {
    let harness = try! APIHarness()

    /// A step for the recruiter of every application with an application logged.
    static let policies = """
        local sequence = require "cadence.sequence"
        return {
          sequence{
            name = "ask", cite = "a test", trigger = "applied",
            steps = { { kind = "ask-recruiter", label = "ask", after = 30, to = "recruiter", draft = false } },
          },
        }
        """

    func addressees() throws -> [String] {
        try harness.agenda(days: 60, cadence: Self.policies).filter { $0.hasPrefix("Acme") || $0.hasPrefix("Northwind") }
            .map { String($0.split(separator: "|", omittingEmptySubsequences: false).last ?? "") }
    }

    @Test("the recruiter met at Acme and linked to Northwind is whom both applications' items go to")
    func linkedRecruiter() throws {
        let before = try addressees()
        #expect(before.sorted() == ["", "Priya Shah"], "\(before)")
        try harness.store.write("link") { ws in
            let priya = try ws.contact("Priya Shah")
            try ws.link(priya, to: try ws.application("northwind").id!)
        }
        let after = try addressees()
        #expect(after == ["Priya Shah", "Priya Shah"], "\(after)")
        let listed = try harness.run("""
            local n = cadence.app('northwind')
            local names = {}
            for _, c in ipairs(n:contacts()) do names[#names + 1] = c.name end
            for _, c in ipairs(cadence.all_contacts()[n.id]) do names[#names + 1] = c.name end
            return table.concat(names, ",")
            """)
        #expect(listed.first?.stringValue == "Priya Shah,Tom Okafor,Priya Shah,Tom Okafor")
    }
}
