import Foundation
import LuaBinding
import Testing

/// The machinery under the standard policies: declarative sequences, the
/// calendar, decisions on items, per-application policies, simulation.
@Suite("Planning: sequences, calendar, decisions, simulation")
struct PlanningTests {
    let harness = try! APIHarness()

    /// Hooli, interviewed on Monday 2 March by Ms. Lee, with nothing since.
    func interviewHooli() throws {
        _ = try harness.run("""
            local a = cadence.app('hooli')
            a:log('applied', { at = '2026-02-20' })
            a:log('interview', { at = '2026-03-02', with = 'Ms. Lee' })
            """)
    }

    func act(_ ref: String, _ action: String, _ options: String = "{}", asOf: String? = nil) throws -> String {
        let result = try harness.run("""
            local policy = require "cadence.policy"
            local _, said = policy.act(policy.load(), "\(ref)", "\(action)", \(options))
            return said
            """, asOf: asOf)
        return result.first?.stringValue ?? ""
    }

    @Test("a sequence written as data: trigger, steps, stop; its mistakes are named")
    func declarative() throws {
        _ = try harness.run("cadence.app('hooli'):log('applied', { at = '2026-02-20' })")
        let mine = """
            local sequence = require "cadence.sequence"
            return {
              sequence{
                name = "nudge", cite = "my rule",
                trigger = "applied", stages = { "applied" },
                steps = { { kind = "nudge", label = "nudge", after = 10, every = 5, times = 2, draft = false } },
                exhausted = { kind = "give-up", after = 3, reason = "{sent} nudges since {since}: let it go" },
              },
            }
            """
        #expect(try harness.agenda(cadence: mine).filter { $0.hasPrefix("Hooli") } == ["Hooli|nudge|2026-03-02|"])
        #expect(try harness.item("nudge")?.reason == "my rule: nudge 1 of 2: last touch Fri 20 Feb, no reply since you applied on Fri 20 Feb")
        _ = try harness.run("""
            local a = cadence.app('hooli')
            a:log('message-sent', { message_kind = 'nudge', at = '2026-03-02' })
            """)
        #expect(try harness.agenda().filter { $0.hasPrefix("Hooli") } == ["Hooli|nudge|2026-03-09|"])
        _ = try harness.run("cadence.app('hooli'):log('message-sent', { message_kind = 'nudge', at = '2026-03-02' })")
        #expect(try harness.item("give-up")?.reason == "my rule: 2 nudges since Fri 20 Feb: let it go")
        // A reply stops it.
        #expect(try harness.agenda(setup: "cadence.app('hooli'):log('reply-received')").filter { $0.hasPrefix("Hooli") } == [])

        let typo = "local sequence = require 'cadence.sequence'\nreturn { sequence{ name = 'x', trigger = 'applied', stpes = {} } }"
        #expect {
            _ = try harness.agenda(cadence: typo)
        } throws: { error in
            "\(error)".contains("cadence.lua:2: sequence 'x': unknown field 'stpes'")
        }
    }

    @Test("one application can have its own cadence: only and except")
    func perApplication() throws {
        try interviewHooli()
        _ = try harness.run("cadence.app('acme'):log('message-sent', { message_kind = 'status', at = '2026-03-02', to = 'Helen Jones' })")
        let mine = """
            local standard = require "policies"
            return {
              standard.weekly_status{ weeks = 4, only = { "Hooli" } },
              standard.weekly_status{ except = { "hooli" } },
            }
            """
        _ = try harness.agenda(cadence: mine)
        #expect(try harness.item("status", of: "Hooli")?.reason.hasPrefix("rule 5: weekly status 1 of 4:") == true)
        #expect(try harness.reasons(matching: "status").filter { $0.contains("1 of 4:") }.count == 1)
    }

    @Test("the calendar: weekends slide or stay, holidays and sending days move an item on")
    func calendar() throws {
        try interviewHooli()
        func status(_ calendar: String) throws -> String? {
            _ = try harness.agenda(cadence: """
                local standard = require "policies"
                return { calendar = \(calendar), standard.weekly_status(), standard.deadline_passed() }
                """)
            return try harness.item("status", of: "Hooli")?.line
        }
        #expect(try status("{}") == "Hooli|status|2026-03-09|Ms. Lee")
        #expect(try harness.item("deadline-inquiry")?.line == "Northwind Logistics|deadline-inquiry|2026-03-02|Tom Okafor")
        #expect(try status("{ holidays = { '2026-03-09' } }") == "Hooli|status|2026-03-10|Ms. Lee")
        #expect(try harness.item("status", of: "Hooli")?.reason.hasSuffix("(Mon 9 Mar is a holiday: moved to Tue 10 Mar)") == true)
        #expect(try status("{ holidays = { ['2026-03-09'] = 'Founders Day' } }") == "Hooli|status|2026-03-10|Ms. Lee")
        #expect(try harness.item("status", of: "Hooli")?.reason.contains("Founders Day") == true)
        #expect(try status("{ send_on = { 'wednesday' } }") == "Hooli|status|2026-03-11|Ms. Lee")
        // Northwind's inquiry falls on Sunday 1 March: slid on (above), kept, or slid back.
        _ = try status("{ weekends = 'keep' }")
        #expect(try harness.item("deadline-inquiry")?.line == "Northwind Logistics|deadline-inquiry|2026-03-01|Tom Okafor")
        _ = try status("{ weekends = 'back' }")
        #expect(try harness.item("deadline-inquiry")?.line == "Northwind Logistics|deadline-inquiry|2026-02-27|Tom Okafor")
        #expect {
            _ = try status("{ weekends = 'sometimes' }")
        } throws: { error in "\(error)".contains("calendar: weekends is \"slide\", \"back\" or \"keep\"") }
    }

    @Test("a thank-you's letter says when you met: today on the day, yesterday the day after, the day itself later")
    func thankYouSaysWhen() throws {
        try interviewHooli()
        for (asOf, said) in [("2026-03-02", "for your time today"), ("2026-03-03", "for your time yesterday"),
                             ("2026-03-05", "for your time on Mon 2 Mar")] {
            let thanks = try #require(try harness.item("thank-you", of: "Hooli", asOf: asOf))
            #expect(thanks.draft.contains(said), "\(asOf): \(thanks.draft)")
        }
    }

    @Test("done logs the touch, so the cadence moves on; skip counts as a touch; snooze waits")
    func decisions() throws {
        try interviewHooli()
        let thanks = try #require(try harness.item("thank-you", of: "Hooli"))
        #expect(try act(thanks.ref, "done") == "Done \(thanks.ref): Hooli: thank-you to Ms. Lee; logged message-sent (thank-you) on Mon 2 Mar 2026")
        #expect(try harness.run("""
            local t = cadence.app('hooli'):timeline()
            return t[#t].kind .. ' ' .. t[#t].message_kind .. ' ' .. t[#t].with[1]
            """) == ["message-sent thank-you Ms. Lee"])
        #expect(try harness.item("thank-you", of: "Hooli") == nil)

        let first = try #require(try harness.item("status", of: "Hooli"))
        #expect(first.line == "Hooli|status|2026-03-09|Ms. Lee")
        #expect(try act(first.ref, "skipped").hasSuffix("it will not come back"))
        let second = try #require(try harness.item("status", of: "Hooli"))
        #expect(second.line == "Hooli|status|2026-03-16|Ms. Lee" && second.reason.contains("weekly status 2 of 4–7"))

        #expect(try act(second.ref, "snoozed", "{ ['until'] = '2026-03-20' }").hasSuffix("back on Fri 20 Mar 2026"))
        let snoozed = try #require(try harness.item("status", of: "Hooli"))
        #expect(snoozed.line == "Hooli|status|2026-03-20|Ms. Lee" && snoozed.reason.hasSuffix("(snoozed to Fri 20 Mar)"))
        #expect(throws: LuaError.self) { try act(second.ref, "snoozed", "{ ['until'] = '2026-03-01' }") }
        // Done later, on the day it was sent: the next is a week after that.
        #expect(try act(second.ref, "done", "{ on = '2026-03-20' }", asOf: "2026-03-20").contains("on Fri 20 Mar"))
        #expect(try harness.item("status", of: "Hooli", asOf: "2026-03-20")?.line == "Hooli|status|2026-03-27|Ms. Lee")
        // A ref that matches nothing, or is too short, says so.
        #expect { try act("zzzzzz", "done") } throws: { "\($0)".contains("no item zzzzzz on the agenda") }
        #expect { try act("ab", "done") } throws: { "\($0)".contains("at least 3 characters") }
    }

    @Test("a simulation shows the dated plan under assumptions, and writes nothing")
    func simulation() throws {
        try interviewHooli()
        let before = try harness.eventCount()
        func simulate(_ assumptions: String) throws -> String {
            try harness.run("""
                local policy = require "cadence.policy"
                local simulate = require "cadence.simulate"
                local result = simulate.run(cadence.app('hooli'), policy.load(), { days = 84, assume = \(assumptions) })
                local lines = {}
                for _, line in ipairs(result.lines) do lines[#lines + 1] = tostring(line.day) .. " " .. line.who .. " " .. line.text end
                return table.concat(lines, "\\n") .. "\\nstage: " .. result.app.stage
                """).first?.stringValue ?? ""
        }
        let silence = try simulate("{}").split(separator: "\n").map(String.init)
        #expect(silence.first == "2026-03-02 you thank-you to Ms. Lee")
        #expect(silence.filter { $0.hasSuffix("status to Ms. Lee") }.count == 7)
        #expect(silence.contains("2026-03-09 you status to Ms. Lee") && silence.contains("2026-04-20 you status to Ms. Lee"))
        #expect(silence.suffix(2) == ["2026-04-27 you move-on", "stage: ghosted"])
        let reply = try simulate("{ 'reply on day 10' }").split(separator: "\n").map(String.init)
        #expect(reply.filter { $0.hasSuffix("status to Ms. Lee") } == ["2026-03-09 you status to Ms. Lee"])
        #expect(reply.contains("2026-03-12 they reply-received"))
        #expect(try harness.eventCount() == before)
        #expect { try simulate("{ 'a miracle on day 3' }") } throws: { "\($0)".contains("cannot read the assumption \"a miracle on day 3\"") }
    }
}
