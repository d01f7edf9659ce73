import Foundation
import Testing

/// The day the command line shows an event on is the candidate's day, in
/// their time zone: the day the Lua API (and so the agenda) puts it on.
@Suite("Days shown are the candidate's")
struct CandidateDayTests: WorkspaceSuite {
    let directory = Self.folder("candidate-day")

    @Test("an evening in Los Angeles or a morning in Tokyo shows on the candidate's day, as Lua gives it",
          arguments: [("America/Los_Angeles", "2026-03-02 22:30", "2026-03-03T06:30:00.000Z"),
                      ("Asia/Tokyo", "2026-03-02 07:00", "2026-03-01T22:00:00.000Z")])
    func eventDay(zone: String, at: String, instant: String) throws {
        _ = try Commands.cadence(["init", directory])
        _ = try cadence("candidate", "add", "Sam", "--time-zone", zone)
        _ = try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-02-20")
        let logged = try cadence("log", "interview", "--app", "acme", "--at", at)
        #expect(logged.output == "Logged #2 interview on Mon 2 Mar 2026 at \(at.suffix(5))\n", "\(logged.error)")

        let shown = try cadence("app", "show", "acme").output
        #expect(shown.contains("\n  2026-03-02  #2 interview\n"), "\(shown)")
        #expect(shown.contains("\n  2026-03-02  interviewing\n"), "\(shown)")
        let listed = try cadence("app", "list").output.split(separator: "\n").last.map(String.init) ?? ""
        #expect(listed.split(separator: " ", omittingEmptySubsequences: true).filter { $0 == "2026-03-02" }.count == 3,
                "since, from them and by you (a meeting is both): \(listed)")

        let script = try Commands.temporaryScript("""
            local cadence = require "cadence"
            print(cadence.app("acme"):timeline()[2].day)
            """)
        let lua = try Commands.cadence(["run", "--workspace", directory, script])
        #expect(lua.output == "2026-03-02\n", "\(lua.error)")

        // JSON keeps the instant itself.
        let detail = try json("app", "show", "acme", as: Printed.AppDetail.self)
        #expect(detail.events.map(\.at).last == instant)
    }
}
