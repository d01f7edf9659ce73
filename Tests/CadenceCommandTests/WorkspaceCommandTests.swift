import Foundation
import Testing

/// The workspace commands as a user runs them, and what two processes or a
/// killed one do to the data.
@Suite("Workspace commands")
struct WorkspaceCommandTests: WorkspaceSuite {
    let directory = Self.folder("cmd")

    func prepared() throws {
        try createdWithCandidate()
    }

    @Test("a new user creates a workspace, imports a spreadsheet, logs an interview and sees the dated history")
    func firstSession() throws {
        let created = try Commands.cadence(["init", directory])
        #expect(created.status == 0 && created.output.contains("Created a workspace"))
        #expect(try cadence("candidate", "add", "Jo Bloggs", "--time-zone", "Europe/London", "--targets", "28000,30000,35000 GBP").status == 0)
        let sheet = try Commands.temporaryScript("Company,Job Title,Status,Date Applied\nAcme,Analyst,Applied,02/03/2026\nGlobex,Engineer,Interview,2026-03-04\n")
        let imported = try cadence("import", sheet, "--format", "csv", "--date-order", "dmy")
        #expect(imported.output.hasPrefix("Imported \(sheet): 2 new, 0 updated, 0 unchanged\n"), "\(imported.error)")
        // A status with no date of its own is a fact of the import's day: the interview is logged today.
        #expect(imported.output.contains("  Globex: new, stage interviewing (the sheet says Interview today: logged an interview on "),
                "\(imported.output)")
        let logged = try cadence("log", "interview", "--app", "acme", "--with", "Ms. Jones", "--next", "call me in two weeks", "--at", "2026-03-09")
        #expect(logged.output == "Logged #4 interview on Mon 9 Mar 2026\nLogged #5 next-step on Mon 9 Mar 2026, due Mon 23 Mar 2026\n"
                + "  You act on Mon 23 Mar (\"call me\"): a call on the agenda that day.\n")
        let shown = try json("app", "show", "acme", as: Printed.AppDetail.self)
        #expect(shown.history == ["2026-03-02 applied", "2026-03-09 interviewing"])
        #expect(shown.events.contains { $0.nextStep == "call me in two weeks" && $0.due == "2026-03-23" })
        let listed = try cadence("app", "list", "--json")
        let lines = try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]]
        #expect(lines?.map { $0["stage"] as? String } == ["interviewing", "interviewing"])
        // A final round on the calendar is listed, but the stage waits for it.
        _ = try cadence("log", "interview", "--app", "acme", "--round", "final", "--at", "2099-01-05")
        let scheduled = try json("app", "show", "acme", as: Printed.AppDetail.self)
        #expect(scheduled.history == ["2026-03-02 applied", "2026-03-09 interviewing"], "\(scheduled.history)")
        #expect(scheduled.events.contains { $0.kind == "interview" && $0.round == "final" && $0.day == "2099-01-05" })
    }

    @Test("mistakes are refused with a clear message and change nothing")
    func mistakes() throws {
        try prepared()
        let before = try cadence("export")
        for bad in [
            ["log", "banana", "--app", "1"], ["log", "interview", "--app", "acne"],
            ["app", "add", "Acme", "Analyst", "--interest", "9"], ["app", "add", "Acme", "Analyst", "--deadline", "2026-02-30"],
            ["offer", "add", "--app", "1", "--base", "-5 GBP"], ["candidate", "add", "X", "--time-zone", "Mars/Base"],
            ["contact", "add", "Bo", "--app", "1", "--role", "wizard"],
        ] {
            let result = try Commands.cadence(bad + ["--workspace", directory])
            #expect(result.status != 0, "\(bad) should fail")
            #expect(result.error.hasPrefix("cadence: ") || result.error.hasPrefix("Error: "), "\(bad): \(result.error)")
        }
        #expect(try cadence("export").output == before.output)
    }

    @Test("rule 12: a fact recorded under the name people use ('moving', 'the area') counts as known; a name no policy reads is warned of")
    func factNames() throws {
        try prepared()
        _ = try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-02-20")
        _ = try cadence("log", "interview", "--app", "acme", "--at", "2026-03-02")
        _ = try cadence("log", "interview", "--app", "acme", "--at", "2026-03-20")
        func questions() throws -> String {
            let json = try cadence("agenda", "--as-of", "2026-03-02", "--days", "60", "--json").output
            let items = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] ?? []
            return items.first { $0["kind"] as? String == "questions" }?["draft"] as? String ?? ""
        }
        #expect(try questions().contains("Would moving expenses be covered?"))
        let edited = try cadence("app", "edit", "acme", "--fact", "moving=paid in full", "--fact", "the area=quiet, good schools",
                                 "--fact", "parking=free")
        #expect(edited.status == 0)
        #expect(edited.error == "cadence: warning: no standard policy reads a fact named 'parking' (missing_info asks about "
            + "office, hours, location, contract, benefits, raises, relocation, community, drawbacks); it is kept for your own scripts\n")
        let after = try questions()
        #expect(!after.isEmpty && !after.contains("moving expenses") && !after.contains("the community"), "\(after)")
        #expect(try json("app", "show", "acme", as: Printed.AppDetail.self).application.facts?["relocation"] == "paid in full")
    }

    @Test("a follow-up with nobody named at its event goes to the application's hiring manager, greeted by name")
    func recipientFallback() throws {
        try prepared()
        _ = try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-02-20")
        _ = try cadence("contact", "add", "Priya Shah", "--app", "acme", "--role", "recruiter")
        _ = try cadence("contact", "add", "Helen Jones", "--app", "acme", "--role", "hiring-manager")
        _ = try cadence("log", "screen", "--app", "acme", "--at", "2026-02-23")
        let json = try cadence("agenda", "--as-of", "2026-03-02", "--json").output
        let items = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] ?? []
        let status = try #require(items.first { $0["kind"] as? String == "status" })
        #expect(status["to"] as? String == "Helen Jones")
        #expect((status["draft"] as? String)?.hasPrefix("Dear Helen,\n") == true)
    }

    @Test("piped into the REPL, an input that fails or a chunk left unfinished makes the run fail")
    func pipedReplFails() throws {
        try prepared()
        let good = try Commands.cadence(["repl", "--workspace", directory], input: "1 + 1\n")
        #expect(good.status == 0 && good.output == "2\n", "\(good.error)")
        let failing = try Commands.cadence(["repl", "--workspace", directory], input: "nothing.here\n2 + 2\n")
        #expect(failing.status == 1 && failing.output == "4\n" && failing.error.contains("attempt to index a nil value"))
        let unfinished = try Commands.cadence(["repl", "--workspace", directory], input: "3 + 3\nfor i = 1, 2 do\n")
        #expect(unfinished.status == 1 && unfinished.error.contains("the input ended inside an unfinished chunk: for i = 1, 2 do"),
                "\(unfinished.error)")
    }

    @Test("the three numbers: the candidate's, and an application's own where they differ; current pay and benefits")
    func targets() throws {
        try prepared()
        let edited = try cadence("candidate", "edit", "jo", "--targets", "28000,30000,35000 GBP", "--current-pay", "26000 GBP",
                                 "--current-benefit", "pension 5% matched")
        #expect(edited.status == 0, "\(edited.error)")
        let jo = try json("candidate", "show", "jo", as: Printed.Candidate.self)
        #expect(jo.targets?.bottom == .init(currency: "GBP", minorUnits: 2_800_000) && jo.targets?.going == .init(currency: "GBP", minorUnits: 3_000_000)
                && jo.targets?.top == .init(currency: "GBP", minorUnits: 3_500_000) && jo.targets?.period == "year")
        #expect(jo.currentPay == .init(currency: "GBP", minorUnits: 2_600_000) && jo.currentBenefits == ["pension 5% matched"])
        // …and as a person reads them, money written by the domain.
        #expect(try cadence("candidate", "show", "jo").output.contains(
            "  targets:    bottom 28,000 GBP, going 30,000 GBP, top 35,000 GBP a year\n  current:    26,000 GBP a year\n  benefit:    pension 5% matched\n"))
        _ = try cadence("app", "add", "Acme", "Analyst", "--targets", "40000,45000,52000 EUR", "--salary", "90k–110k USD")
        _ = try cadence("app", "add", "Globex", "Analyst")
        // The range read from the posted salary is shown, not stored: the text says it.
        #expect(try cadence("app", "show", "acme").output.contains("salary:     90k–110k USD (90,000–110,000 USD a year)"))
        let shown = try json("app", "show", "acme", as: Printed.AppDetail.self).application
        #expect(shown.postedSalary == "90k–110k USD" && shown.targets?.bottom == .init(currency: "EUR", minorUnits: 4_000_000))
        let lua = try Commands.cadence(["run", "--workspace", directory, "-e", """
            local c = require "cadence"
            local function show(t) return t.bottom.minorUnits // 100 .. " " .. t.top.currency .. " a " .. t.period end
            print(show(c.targets(c.app("acme"))), show(c.targets(c.app("globex"))))
            """])
        #expect(lua.output == "40000 EUR a year\t28000 GBP a year\n", "\(lua.error)")
        let bad = try cadence("app", "edit", "acme", "--targets", "45000,40000,52000 EUR")
        #expect(bad.status == 1 && bad.error.contains("expected bottom <= going <= top"))
    }

    @Test("Cadence's own modules cannot be shadowed from the working folder; the workspace's drafts.lua is used, and its mistakes named")
    func pinnedModules() throws {
        _ = try Commands.cadence(["demo", "--workspace", directory])
        let folder = directory + "-cwd"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in ["policies.lua", "drafts.lua", "cadence.lua"] {
            try "error('shadowed by \(name)')".write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        func agenda() throws -> Commands.Result {
            try Commands.run("/bin/sh", ["-c", "cd \"$0\" && exec \"$1\" agenda --days 30 --json --workspace \"$2\"", folder,
                                         Commands.cadenceURL.path, directory])
        }
        let pinned = try agenda()
        #expect(pinned.status == 0 && !pinned.error.contains("shadowed"), "\(pinned.error)")
        try FileManager.default.createDirectory(atPath: directory + "/scripts", withIntermediateDirectories: true)
        try "return { thank_you = function(f) return 'my own thanks' end }"
            .write(toFile: directory + "/scripts/drafts.lua", atomically: true, encoding: .utf8)
        #expect(try agenda().decoded(as: [Printed.AgendaItem].self).contains { $0.kind == "thank-you" && $0.draft == "my own thanks" })
        try "return { thank_you = function(f) return 'oops' end".write(toFile: directory + "/scripts/drafts.lua", atomically: true, encoding: .utf8)
        let broken = try agenda()
        #expect(broken.status == 1 && broken.error.contains("scripts/drafts.lua:1:"), "\(broken.error)")
    }

    @Test("two processes logging at the same time lose nothing")
    func concurrentWriters() throws {
        try prepared()
        _ = try cadence("app", "add", "Acme", "Analyst")
        let rounds = 25
        let script = """
            for i in $(seq \(rounds)); do "$0" log note --app acme --note "$1 $i" --workspace "$2" >/dev/null || echo "failed $1 $i"; done
            """
        let writers = try ["first", "second"].map { name in
            try ChildProcess("/bin/bash", ["-c", script, Commands.cadenceURL.path, name, directory])
        }
        for writer in writers {
            let finished = writer.wait()
            #expect(finished.status == 0 && finished.output.isEmpty, "\(finished.output)\(finished.error)")
        }
        let exported = try cadence("export")
        let snapshot = try JSONSerialization.jsonObject(with: Data(exported.output.utf8)) as? [String: Any]
        let notes = (snapshot?["events"] as? [[String: Any]])?.filter { $0["kind"] as? String == "note" }
        #expect(notes?.count == 2 * rounds)
    }

    @Test("a process killed in the middle of a large import leaves all of it or none, and a sound database")
    func killedImport() throws {
        try prepared()
        let rows = 60_000
        var text = "Company,Role,Status,Date Applied,Notes\n"
        for i in 0..<rows { text += "Company \(i),Role \(i),applied,2026-03-02,\"note, \(i)\"\n" }
        let sheet = try Commands.temporaryScript(text)
        let importer = try ChildProcess(Commands.cadenceURL.path, ["import", sheet, "--format", "csv", "--workspace", directory])
        // Kill it once it has started writing (the WAL file grows).
        let wal = directory + "/cadence.sqlite-wal"
        let deadline = Date().addingTimeInterval(60)
        while importer.isRunning && Date() < deadline {
            let size = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
            if size > 256 * 1024 { break }
            usleep(2_000)
        }
        importer.signal(SIGKILL)
        importer.wait()
        let check = try Commands.run("/usr/bin/sqlite3", [directory + "/cadence.sqlite", "PRAGMA integrity_check; SELECT count(*) FROM application;"])
        let lines = check.output.split(separator: "\n")
        #expect(lines.first == "ok")
        #expect(lines.last == "0" || lines.last == "\(rows)")
        // The workspace is still usable.
        #expect(try cadence("app", "add", "After", "Crash").status == 0)
    }

    @Test("cadence run scripts the workspace; a failing script changes nothing")
    func scripts() throws {
        _ = try Commands.cadence(["demo", "--workspace", directory])
        let before = try cadence("export").output
        let failing = try Commands.temporaryScript("""
            local cadence = require "cadence"
            cadence.app("hooli"):log("applied")
            error("not after all")
            """)
        let failed = try Commands.cadence(["run", "--workspace", directory, failing])
        #expect(failed.status == 1 && failed.error.contains("not after all"))
        #expect(try cadence("export").output == before)
        let working = try Commands.temporaryScript("""
            local cadence = require "cadence"
            local a = cadence.app("hooli")
            a:log("applied")
            print(a.stage, #cadence.apps{ stage = "applied" })
            """)
        let worked = try Commands.cadence(["run", "--workspace", directory, working])
        #expect(worked.output == "applied\t1\n")
        #expect(try cadence("export").output != before)
        let nowhere = try Commands.cadence(["run", "--workspace", directory + "-none", "-e", "require 'cadence'"])
        #expect(nowhere.status == 1 && nowhere.error.contains("no workspace at"))
    }

    @Test("the REPL reads a piped session without prompts")
    func pipedRepl() throws {
        _ = try Commands.cadence(["demo", "--workspace", directory])
        try "greeting = 'from the workspace'".write(toFile: directory + "/init.lua", atomically: true, encoding: .utf8)
        let result = try Commands.cadence(["repl", "--workspace", directory],
                                          input: "1 +\n1\napp('acme').stage\ngreeting\napps{ stage = 'rejected' }\napp 'nope'\n")
        #expect(result.status == 1)     // 'nope' failed
        #expect(result.output.hasPrefix("2\ninterviewing\nfrom the workspace\nid  company  role"))
        #expect(result.output.contains("Globex"))
        #expect(result.error == "no application named 'nope'\n")
    }

    @Test("the REPL on a terminal: completion, continuation, Ctrl-C on a line and on a loop, history across sessions")
    func terminalRepl() throws {
        _ = try Commands.cadence(["demo", "--workspace", directory])
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Terminal/repl_session.py").path
        let result = try Commands.run("/usr/bin/env", ["python3", script, Commands.cadenceURL.path, directory, directory + "-state"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == "ok\n")
    }

    @Test("init writes a cadence.lua; agenda follows it, as text and JSON; one changed line shows")
    func agenda() throws {
        let created = try Commands.cadence(["init", directory])
        #expect(created.output.contains("with cadence.lua"))
        let personal = try String(contentsOfFile: directory + "/cadence.lua", encoding: .utf8)
        #expect(personal.contains("standard.weekly_status{ weeks = 7 }"))
        _ = try cadence("candidate", "add", "Jo", "--time-zone", "Europe/London", "--strength", "SQL")
        _ = try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-02-20")
        _ = try cadence("log", "interview", "--app", "acme", "--with", "Ms. Jones", "--at", "2026-03-02")
        let text = try cadence("agenda", "--as-of", "2026-03-02")
        #expect(text.output.hasPrefix("Today\n  ["), "\(text.output)")
        #expect(text.output.contains("] Acme: thank-you to Ms. Jones by email\n    why: rule 2:"))
        let data = try cadence("agenda", "--as-of", "2026-03-02", "--days", "14", "--json")
        let items = try JSONSerialization.jsonObject(with: Data(data.output.utf8)) as? [[String: Any]]
        #expect(items?.map { "\($0["kind"]!) \($0["due"]!)" } == ["thank-you 2026-03-02", "status 2026-03-09"])
        try personal.replacingOccurrences(of: "weeks = 7", with: "weeks = 4")
            .write(toFile: directory + "/cadence.lua", atomically: true, encoding: .utf8)
        let status = try json("agenda", "--as-of", "2026-03-02", "--days", "14", as: [Printed.AgendaItem].self).first { $0.kind == "status" }
        #expect(status?.reason.contains("weekly status 1 of 4") == true, "\(String(describing: status))")
        try "return { 42 }".write(toFile: directory + "/cadence.lua", atomically: true, encoding: .utf8)
        let broken = try cadence("agenda")
        #expect(broken.status == 1 && broken.error.contains("cadence.lua: policy 1 has no plan function"))
    }

    @Test("agenda --ics writes RFC 5545 a real parser reads: folded, escaped, UIDs stable from day to day, at the send time")
    func calendar() throws {
        _ = try Commands.cadence(["init", directory])
        _ = try cadence("candidate", "add", "Jo", "--time-zone", "Europe/London", "--strength", "SQL, Python; and reporting")
        _ = try cadence("app", "add", "Acme; Ltd, Leeds", "Analyst", "--applied", "2026-02-20", "--need", "reports take four days")
        _ = try cadence("contact", "add", "Zoë Jöns", "--app", "acme", "--discussed", "automating the month-end pack, which is long and painful")
        _ = try cadence("log", "interview", "--app", "acme", "--with", "Zoë Jöns", "--at", "2026-03-02")
        let first = directory + "/first.ics", second = directory + "/second.ics"
        #expect(try cadence("agenda", "--as-of", "2026-03-02", "--days", "14", "--ics", first).status == 0)
        #expect(try cadence("agenda", "--as-of", "2026-03-04", "--days", "14", "--ics", second).status == 0)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Calendar/check_ics.py").path
        let checked = try Commands.run("/usr/bin/env", ["python3", script, first, second])
        #expect(checked.status == 0, "\(checked.error)")
        #expect(checked.output == """
            2026-03-02T09:30:00+00:00 Acme; Ltd, Leeds: thank-you to Zoë Jöns, by email | rule 2: you met Zoë Jöns at the interview on Mon 2 Mar; thank them the same day
            2026-03-09T09:30:00+00:00 Acme; Ltd, Leeds: status to Zoë Jöns, by email | rule 5: weekly status 1 of 4–7: last touch Mon 2 Mar, no reply since the interview on Mon 2 Mar

            """)
    }

    @Test("acting on the agenda: done logs the message, skip and snooze stick; simulate; .eml drafts a mail parser reads")
    func acting() throws {
        _ = try Commands.cadence(["init", directory])
        _ = try cadence("candidate", "add", "Jo Bloggs", "--time-zone", "Europe/London", "--email", "jo@example.com")
        _ = try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-02-20")
        _ = try cadence("contact", "add", "Zoë Jöns", "--app", "acme", "--email", "zoe@acme.example", "--role", "hiring-manager")
        _ = try cadence("log", "interview", "--app", "acme", "--with", "Zoë Jöns", "--at", "2026-03-02")
        func items(_ asOf: String) throws -> [[String: Any]] {
            let json = try cadence("agenda", "--as-of", asOf, "--days", "14", "--json")
            return try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]] ?? []
        }
        let thanks = try #require(try items("2026-03-02").first { $0["kind"] as? String == "thank-you" }?["ref"] as? String)
        let done = try cadence("agenda", "done", thanks, "--as-of", "2026-03-02")
        #expect(done.output == "Done \(thanks): Acme: thank-you to Zoë Jöns; logged message-sent (thank-you) on Mon 2 Mar 2026\n", "\(done.error)")
        #expect(try json("app", "show", "acme", as: Printed.AppDetail.self).events
            .contains { $0.kind == "message-sent" && $0.with == ["Zoë Jöns"] && $0.messageKind == "thank-you" })
        let status = try #require(try items("2026-03-02").first { $0["kind"] as? String == "status" }?["ref"] as? String)
        #expect(try cadence("agenda", "skip", status, "--as-of", "2026-03-02").status == 0)
        #expect(try items("2026-03-02").map { "\($0["kind"]!) \($0["due"]!)" } == ["status 2026-03-16"])
        let bad = try cadence("agenda", "snooze", "zzz999", "--until", "2026-03-20", "--as-of", "2026-03-02")
        #expect(bad.status == 1 && bad.error == "cadence: no item zzz999 on the agenda (run 'cadence agenda' for the refs)\n")

        let simulation = ["simulate", "acme", "--from", "2026-03-02", "--weeks", "4", "--assume", "reply on day 20"]
        // The heading (the application, the span, the assumptions) is the text's alone.
        let simulated = try Commands.cadence(simulation + ["--workspace", directory])
        #expect(simulated.output.hasPrefix("Acme: Analyst, from Mon 2 Mar to Mon 30 Mar, assuming reply on day 20\n"), "\(simulated.output)\(simulated.error)")
        let simulatedData = try Commands.cadence(simulation + ["--json", "--workspace", directory]).decoded(as: Printed.Simulation.self)
        #expect(simulatedData.timeline.contains(.init(day: "2026-03-16", who: "you", what: "status to Zoë Jöns")), "\(simulatedData.timeline)")
        #expect(simulatedData.timeline.contains(.init(day: "2026-03-22", who: "they", what: "reply-received")))
        #expect(simulatedData.ended.contains("weekly-status stopped: reply-received on Sun 22 Mar"), "\(simulatedData.ended)")
        let unread = try cadence("simulate", "acme", "--assume", "a miracle")
        #expect(unread.status == 1 && unread.error.contains("cannot read the assumption \"a miracle\""))

        let folder = directory + "/drafts"
        let wrote = try cadence("agenda", "--as-of", "2026-03-16", "--eml", folder)
        #expect(wrote.output.hasPrefix("Wrote 1 draft to \(folder)"))
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Mail/check_eml.py").path
        let checked = try Commands.run("/usr/bin/env", ["python3", script, folder])
        #expect(checked.status == 0, "\(checked.error)")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first)
        #expect(checked.output == """
            \(name)
              From: Jo Bloggs <jo@example.com>
              To: Zoë Jöns <zoe@acme.example>
              Subject: Following up: Analyst, Acme
              Dear Zoë,

            """)
        #expect(name.hasPrefix("2026-03-16-acme-status-"))
    }

    @Test("the demo holds a realistic search")
    func demo() throws {
        let result = try Commands.cadence(["demo", "--workspace", directory])
        #expect(result.status == 0)
        for expected in ["Acme Analytics", "interviewing", "final", "rejected", "offer", "ghosted", "saved", "passed in silence"] {
            #expect(result.output.contains(expected), "demo output lacks \(expected)")
        }
        // Made anew on a second run; a workspace that is not a demo is never replaced.
        #expect(try Commands.cadence(["demo", "--workspace", directory]).status == 0)
        // One changed is kept and said so, until the change is undone or --reset is given.
        #expect(try Commands.cadence(["log", "note", "--app", "acme", "--note", "mine", "--workspace", directory]).status == 0)
        let kept = try Commands.cadence(["demo", "--workspace", directory])
        #expect(kept.status == 1 && kept.error.contains("was changed since it was made") && kept.error.contains("cadence demo --reset"),
                "\(kept.error)")
        #expect(try Commands.cadence(["app", "show", "acme", "--workspace", directory]).output.contains("mine"))
        #expect(try Commands.cadence(["undo", "--workspace", directory]).status == 0)
        #expect(try Commands.cadence(["demo", "--workspace", directory]).status == 0)
        try "-- my own line\n".write(toFile: directory + "/cadence.lua", atomically: true, encoding: .utf8)
        #expect(try Commands.cadence(["demo", "--workspace", directory]).status == 1)
        #expect(try Commands.cadence(["demo", "--reset", "--workspace", directory]).status == 0)
        #expect(!(try String(contentsOfFile: directory + "/cadence.lua", encoding: .utf8)).contains("my own line"))
        let mine = directory + "-mine"
        _ = try Commands.cadence(["init", mine])
        let refused = try Commands.cadence(["demo", "--workspace", mine])
        #expect(refused.status != 0 && refused.error.contains("not a demo"))
    }
}
