import Foundation
import Testing

/// What the data layer promises scripts and people: writes land or vanish
/// whole, whatever way a script ends; a workspace that cannot be written
/// says why; times and zones mean one thing.
@Suite("The data layer's promises")
struct DataPromisesTests: WorkspaceSuite {
    let directory = Self.folder("promises")

    func prepared() throws {
        try createdWithCandidate()
        _ = try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-02-20")
    }

    func companies() throws -> [String] { try json("app", "list", as: [Printed.App].self).map(\.company) }

    @Test("os.exit with a success status keeps the script's writes; a failure status undoes them")
    func exit() throws {
        try prepared()
        let kept = try cadence("run", "-e", "require('cadence').add_app{ company = 'Kept', role = 'R' } os.exit(0)")
        #expect(try kept.status == 0 && companies().contains("Kept"))
        let trueKept = try cadence("run", "-e", "require('cadence').add_app{ company = 'AlsoKept', role = 'R' } os.exit(true, true)")
        #expect(try trueKept.status == 0 && companies().contains("AlsoKept"))
        let undone = try cadence("run", "-e", "require('cadence').add_app{ company = 'Undone', role = 'R' } os.exit(3)")
        #expect(try undone.status == 3 && !companies().contains("Undone"))
    }

    @Test("transactions interleaved through coroutines: yielding inside one is refused, and nothing of it is written")
    func transactionsAndCoroutines() throws {
        try prepared()
        let script = try Commands.temporaryScript("""
            local cadence = require "cadence"
            local a = cadence.app("acme")
            local first = coroutine.wrap(function()
              return cadence.transaction(function() a:log("note", { notes = "first" }); coroutine.yield(); error("first fails") end)
            end)
            local ok, why = pcall(first)
            print(ok, why)
            local second = coroutine.wrap(function()
              return cadence.transaction(function() a:log("note", { notes = "second" }); return "done" end)
            end)
            print(second())
            """)
        let result = try Commands.cadence(["run", "--workspace", directory, script])
        #expect(result.output == "false\tcadence.transaction: a transaction cannot yield (finish it, then yield); nothing of it was written\ndone\n",
                "\(result.output)\(result.error)")
        let notes = try json("app", "show", "acme", as: Printed.AppDetail.self).events.filter { $0.kind == "note" }.map(\.notes)
        #expect(notes.contains("second") && !notes.contains("first"), "\(notes)")
    }

    @Test("a finalizer that calls the API after the script ended gets a Lua error, not a crash")
    func finalizerAfterSession() throws {
        try prepared()
        let result = try cadence("run", "-e", """
            local cadence = require "cadence"
            setmetatable({}, { __gc = function() local ok, why = pcall(cadence.apps); print(ok, why) end })
            """)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == "false\tthe workspace session has ended (the script is over): a finalizer cannot use it\n")
    }

    @Test("a finalizer that loops at exit is ended by the time limit (and by an instruction limit's bound)")
    func loopingFinalizer() throws {
        let started = Date()
        let result = try Commands.run(Commands.cadenceURL.path, [
            "run", "--time-limit", "1", "-e", "setmetatable({}, { __gc = function() while true do end end })",
        ], timeLimit: 30)
        #expect(result.status == 1 && result.error.contains("finalizers run at the end of the script ran past its limit"), "\(result.error)")
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test("a read-only workspace serves reads and refuses writes with 'read-only'")
    func readOnly() throws {
        try prepared()
        // Root may write anything: the check runs as nobody, on a copy nobody can read but not write.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("cadence-ro-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: directory + "/cadence.sqlite", toPath: copy + "/cadence.sqlite")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: copy + "/cadence.sqlite")
        let asNobody = getuid() == 0 ? ["/usr/sbin/runuser", "-u", "nobody", "--"] : []
        func run(_ arguments: String...) throws -> Commands.Result {
            let command = asNobody + [Commands.cadenceURL.path] + arguments + ["--workspace", copy]
            return try Commands.run(command[0], Array(command.dropFirst()))
        }
        #expect(try run("app", "list", "--json").decoded(as: [Printed.App].self).map(\.company).contains("Acme"))
        let add = try run("app", "add", "Globex", "Engineer")
        #expect(add.status == 1 && add.error.contains("read-only: nothing was written"), "\(add.error)")
    }

    @Test("time zones are IANA names; a time the clocks skip follows the documented rule")
    func zonesAndClockChanges() throws {
        _ = try Commands.cadence(["init", directory])
        for bad in ["EST", "UTC+5", "GMT+1"] {
            let refused = try cadence("candidate", "add", "Jo", "--time-zone", bad)
            #expect(refused.status == 1 && refused.error.contains("use an IANA name"), "\(bad): \(refused.error)")
        }
        let near = try cadence("candidate", "add", "Jo", "--time-zone", "Europe/Londn")
        #expect(near.error.contains("did you mean 'Europe/London'?"))
        _ = try cadence("candidate", "add", "Jo", "--time-zone", "Europe/London")
        _ = try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-03-01")
        // 01:30 on 29 March 2026 does not exist in London: moved on by the gap, to 02:30 BST (01:30 UTC).
        _ = try cadence("log", "note", "--app", "acme", "--at", "2026-03-29T01:30")
        // 01:30 on 25 October 2026 happens twice: the first, in summer time (00:30 UTC).
        _ = try cadence("log", "note", "--app", "acme", "--at", "2026-10-25T01:30")
        let notes = try cadence("export").decoded(as: Printed.Export.self).events.filter { $0.kind == "note" }.map(\.at)
        #expect(notes == ["2026-03-29T01:30:00.000Z", "2026-10-25T00:30:00.000Z"], "\(notes)")
    }
}
