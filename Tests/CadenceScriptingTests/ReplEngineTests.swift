import CadenceCore
@testable import CadenceStore
import Foundation
import LuaBinding
import Testing
@testable import CadenceScripting

@Suite("The REPL engine")
struct ReplEngineTests {
    let harness = try! APIHarness()

    /// Feeds `lines` to a fresh engine over the demo workspace and collects what it says.
    func session(_ lines: [String]) throws -> [ReplEngine.Outcome] {
        let lua = try LuaState()
        return try harness.store.session { ws in
            let api = try WorkspaceAPI.install(in: lua, workspace: ws, folder: harness.directory, asOf: APIHarness.today)
            let engine = try ReplEngine(lua: lua, api: api)
            return lines.map { engine.feed($0) }
        }
    }

    @Test("expressions echo without return, and _ holds the last result")
    func echo() throws {
        #expect(try session(["1 + 1", "_ * 10", "'text'", "x = 5", "x"]) == [.output("2"), .output("20"), .output("text"), .output(""), .output("5")])
    }

    @Test("the stage sets print what they hold, though they are read-only views")
    func stageSets() throws {
        #expect(try session(["cadence.stages.with_offer", "cadence.stages"]) == [
            .output("{ negotiating, offer }"),
            .output("{ saved, applied, screening, interviewing, final, offer, negotiating, accepted, declined, rejected, withdrawn, ghosted; "
                    + "sets: being_assessed, closed, decided, ended_by_you, interview_rounds, terminal, with_offer }"),
        ])
    }

    @Test("agenda() and simulate() show what the commands show, under the workspace's cadence.lua")
    func agendaAndSimulation() throws {
        let outcomes = try session(["agenda(0)", "simulate('acme', 3)"])
        guard case .output(let agenda) = outcomes[0], case .output(let simulation) = outcomes[1] else {
            Issue.record("\(outcomes)"); return
        }
        #expect(agenda.hasPrefix("Overdue\n") && agenda.contains("] Acme Analytics: thank-you to Helen Jones by email\n"), "\(agenda)")
        #expect(simulation.hasPrefix("Acme Analytics: Senior Data Analyst, from Mon 2 Mar to Mon 23 Mar, assuming no reply"), "\(simulation)")
        #expect(simulation.contains("Mon 16 Mar  you   promised-call to Helen Jones"))
    }

    @Test("an unfinished chunk waits for more lines")
    func multiLine() throws {
        #expect(try session(["1 +", "1", "for i = 1, 2 do", "y = (y or 0) + i", "end", "y"])
            == [.needMore, .output("2"), .needMore, .needMore, .output(""), .output("3")])
    }

    @Test("a list of applications prints as an aligned table")
    func recordTable() throws {
        let outcome = try session(["apps{ stage = { 'interviewing', 'final' } }"])
        guard case .output(let text) = outcome.first else { Issue.record("no output"); return }
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("id  company") == true)
        #expect(lines.count == 4 && lines[2].contains("Acme Analytics") && lines[3].contains("Northwind Logistics"))
    }

    @Test("nested tables are cut at a depth, cycles are marked, a raising __tostring is reported")
    func printer() throws {
        #expect(try session(["t = { 1, a = { b = { c = { d = 1 } } } }", "t.me = t", "t"])
            .last == .output("{ 1, a = { b = { c = {…} } }, me = <cycle> }"))
        #expect(try session(["setmetatable({}, { __tostring = function() error('ugly') end })"])
            == [.output("<error in __tostring: stdin:1: ugly>")])
        #expect(try session(["setmetatable({}, { __index = function() error('never run') end })"]) == [.output("{}")])
    }

    @Test("errors are reported and the session goes on; a failed input's writes are undone")
    func errors() throws {
        let before = try harness.eventCount()
        let outcomes = try session([
            "app 'Acme Corp'",
            "app('hooli'):log('applied') error('no')",
            "app('acme'):log('reply-received')",
            "#app('acme'):timeline()",
        ])
        // `return app '…'` is a tail call, so, as in lua5.4's REPL, no line is named.
        #expect(outcomes[0] == .error("no application named 'Acme Corp' (did you mean 'Acme Analytics'?)"))
        #expect(outcomes[1] == .error("stdin:1: no"))
        #expect(outcomes[3] == .output("5"))
        #expect(try harness.eventCount() == before + 1)
    }

    @Test(":undo takes back what the last input wrote, as 'cadence undo' does a command; again, the input before")
    func undo() throws {
        let before = try harness.eventCount()
        let outcomes = try session([
            ":undo",
            "app('hooli'):log('applied') app('hooli'):log('interview', { next_step = 'in 2 weeks' })",
            "app('hooli').stage",
            "app('hooli'):edit{ notes = 'keen' } app('hooli'):archive()",
            "#apps{ company = 'hooli' }",
            ":undo",
            "#apps{ company = 'hooli' }, app('hooli').notes",
            ":undo",
            "app('hooli').stage, #app('hooli'):timeline()",
            ":undo",
        ])
        guard outcomes.count == 10 else { Issue.record("\(outcomes)"); return }
        #expect(outcomes[0] == .error("nothing to undo: no input of this session wrote anything"))
        #expect(outcomes[2] == .output("interviewing"))
        #expect(outcomes[4] == .output("0"))
        #expect(outcomes[5] == .output("undone: changed application #7, changed application #7"), "\(outcomes[5])")
        #expect(outcomes[6] == .output("1\nnil"), "\(outcomes[6])")
        guard case .output(let second) = outcomes[7] else { Issue.record("\(outcomes[7])"); return }
        #expect(second.hasPrefix("undone: added event #") && second.components(separatedBy: "added event").count == 4, "\(second)")
        #expect(outcomes[8] == .output("saved\n1"), "\(outcomes[8])")
        #expect(outcomes[9] == .error("nothing to undo: no input of this session wrote anything"))
        #expect(try harness.eventCount() == before)
    }

    @Test(":undo takes back decisions on agenda items too: done, skipped and snoozed items come back as they were")
    func undoDecisions() throws {
        // Acme's thank-you to Helen Jones is due on 2 March (the demo's today).
        let ref = "policy = require 'cadence.policy' item = nil "
            + "for _, i in ipairs(agenda(0)) do if i.kind == 'thank-you' and i.app.company == 'Acme Analytics' then item = i end end"
        let before = try harness.eventCount()
        let outcomes = try session([
            ref,
            "done(item.ref)",
            "#cadence.decisions()",
            ":undo",
            "#cadence.decisions()",
            "snooze(item.ref, '2026-03-04')",
            "skip(item.ref)",
            ":undo",
            "cadence.decisions()[1].status .. ' ' .. tostring(cadence.decisions()[1].due)",
        ])
        guard outcomes.count == 9 else { Issue.record("\(outcomes)"); return }
        #expect(outcomes[1] == .output("Done e2fc18: Acme Analytics: thank-you to Helen Jones; logged message-sent (thank-you) on Mon 2 Mar 2026"))
        #expect(outcomes[2] == .output("1"))
        #expect(outcomes[3] == .output("undone: added event #\(before + 1), added agenda decision #1"), "\(outcomes[3])")
        #expect(outcomes[4] == .output("0"))
        guard case .output(let skipUndone) = outcomes[7] else { Issue.record("\(outcomes[7])"); return }
        #expect(skipUndone.hasPrefix("undone: ") && skipUndone.contains("agenda decision"), "\(skipUndone)")
        #expect(outcomes[8] == .output("snoozed 2026-03-04"))
        // The done event is taken back with its decision.
        #expect(try harness.eventCount() == before)
    }

    @Test("completion finds globals, fields and methods, and never runs a metamethod")
    func completion() throws {
        let lua = try LuaState()
        let found = try harness.store.session { ws -> [[String]] in
            let api = try WorkspaceAPI.install(in: lua, workspace: ws, folder: harness.directory, asOf: APIHarness.today)
            let engine = try ReplEngine(lua: lua, api: api)
            _ = engine.feed("a = app 'acme'")
            _ = engine.feed("trap = setmetatable({}, { __index = function() ran = true error('ran') end })")
            let results = ["ap", "cadence.tr", "a:ti", "a.comp", "trap.", "string.up", "a:", "cadence.A"].map(engine.complete)
            return results + [[engine.feed("ran") == .output("nil") ? "not run" : "ran"]]
        }
        // Metamethods and the classes behind the objects are not offered.
        #expect(!found[6].isEmpty && !found[6].contains { $0.hasPrefix("a:__") }, "\(found[6])")
        #expect(found[7] == [])
        #expect(found[0] == ["app", "apps"])
        #expect(found[1] == ["cadence.transaction"])
        #expect(found[2] == ["a:timeline"])
        #expect(found[3] == ["a.company"])
        #expect(found[4] == [])
        #expect(found[5] == ["string.upper"])
        #expect(found[8] == ["not run"])
    }

    @Test("help comes from the annotations; commands begin with a colon")
    func help() throws {
        let lua = try LuaState()
        let text = try harness.store.session { ws -> String in
            let api = try WorkspaceAPI.install(in: lua, workspace: ws, folder: harness.directory, asOf: APIHarness.today)
            let engine = try ReplEngine(lua: lua, api: api)
            return try lua.run("return require('cadence.help')('apps')").first?.stringValue ?? ""
                + (engine.feed(":nonsense") == .error("unknown command :nonsense (try :help)") ? "" : "!")
        }
        #expect(text.hasPrefix("apps(filter)\nApplications matching `filter`"))
        // Parameters read as descriptions, and the policy writer's ctx has its own page.
        #expect(text.contains("  filter (optional): which ones: stage, company, tag, quiet, open"), "\(text)")
        #expect(!text.contains("param filter"))
        let ctx = try session(["require('cadence.help')('ctx')"])
        guard case .output(let page) = ctx.first else { Issue.record("\(ctx)"); return }
        #expect(page.contains("ctx:propose(item)") && page.contains("ctx:sent(message_kind, since, to)"))
        #expect(try session([":quit"]) == [.quit])
    }
}
