import Foundation
import Testing

/// Logging one happening twice (the same interview, from the calendar and
/// from memory) is warned of, with what was logged and how to take it back;
/// what often happens several times a day is not.
@Suite("The same happening logged twice")
struct LogTwiceTests: WorkspaceSuite {
    let directory = Self.folder("log-twice")

    @Test("the same interview on the same day with the same person warns, naming the first; other people, days, notes and set-aside events do not")
    func warned() throws {
        try createdWithCandidate()
        _ = try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-11-20")
        let first = try cadence("log", "interview", "--app", "acme", "--with", "Helen Jones", "--at", "2026-12-03 10:00")
        #expect(first.status == 0 && first.error.isEmpty, "\(first.error)")
        let again = try cadence("log", "interview", "--app", "acme", "--with", "helen jones", "--at", "2026-12-03 15:00")
        #expect(again.status == 0, "\(again.error)")
        #expect(again.error.hasPrefix("cadence: warning: an interview on 2026-12-03 was already logged (#"), "\(again.error)")
        #expect(again.error.contains(" with Helen Jones); if this is the same one, 'cadence undo' takes the new one back\n"))
        // The warning says; it changes nothing: the second is logged, and undo takes it back.
        #expect(try cadence("undo").status == 0)
        for quiet in [["log", "interview", "--app", "acme", "--with", "Bob Smith", "--at", "2026-12-03"],
                      ["log", "interview", "--app", "acme", "--with", "Helen Jones", "--at", "2026-12-04"],
                      ["log", "note", "--app", "acme", "--note", "one", "--at", "2026-12-03"],
                      ["log", "note", "--app", "acme", "--note", "two", "--at", "2026-12-03"]] {
            let logged = try Commands.cadence(quiet + ["--workspace", directory])
            #expect(logged.status == 0 && logged.error.isEmpty, "\(quiet): \(logged.error)")
        }
        // Set aside by a correction, the first no longer counts.
        #expect(try cadence("log", "correction", "--app", "acme", "--corrects", "2").status == 0)
        let relogged = try cadence("log", "interview", "--app", "acme", "--with", "Helen Jones", "--at", "2026-12-03")
        #expect(relogged.status == 0 && relogged.error.isEmpty, "\(relogged.error)")
    }
}
