import Foundation
import Testing

extension SharedPolicyTests {
    /// The request and the answer cross as JSON that Cadence writes itself
    /// (WireJSON): texts with quotes, backslashes, controls and long runs go
    /// to the worker and come back in its drafts exactly, and the agenda
    /// lists the same items as the same policy in cadence.lua.
    @Test("an installed policy's agenda is the in-process one's, its texts carried both ways intact")
    func isolatedMatchesInProcess() throws {
        try createdWithCandidate()
        let company = "Acme \"Ünïcode\" \\ Co/Ltd", role = "Analyst " + String(repeating: "é", count: 250)
        _ = try cadence("app", "add", company, role, "--applied", "2026-03-01")
        _ = try cadence("log", "interview", "--app", "acme", "--with", "Helen Jones", "--at", "2026-03-09")
        let folder = try package(tests: nil)
        try "return { loadfile(\(String(reflecting: folder + "/policy.lua")))({ weeks = 3 }) }"
            .write(toFile: directory + "/cadence.lua", atomically: true, encoding: .utf8)
        let inProcess = try cadence("agenda", "--as-of", "2026-03-17", "--days", "30", "--json").decoded(as: [Printed.AgendaItem].self)
        try FileManager.default.removeItem(atPath: directory + "/cadence.lua")
        let added = try cadence("policy", "add", folder)
        #expect(added.status == 0, "\(added.output)\(added.error)")
        let isolated = try cadence("agenda", "--as-of", "2026-03-17", "--days", "30", "--json").decoded(as: [Printed.AgendaItem].self)
        let ours = isolated.filter { $0.source != nil }, theirs = inProcess.filter { $0.policy == "weekly nudge" }
        #expect(ours.map(\.due) == ["2026-03-16", "2026-03-23", "2026-03-30"])
        #expect(ours.map(\.due) == theirs.map(\.due) && ours.map(\.reason) == theirs.map(\.reason) && ours.map(\.to) == theirs.map(\.to))
        #expect(ours.map(\.draft) == theirs.map(\.draft))
        #expect(ours.first?.draft == "Hello,\n\nA short note on the \(role) role at \(company).\n")
        #expect(ours.allSatisfy { $0.source?.hasPrefix("weekly-nudge 1.0.0 (sha256 ") == true })
    }
}
