import CadenceCore
@testable import CadenceStore
import Foundation
import LuaBinding
import Testing
@testable import CadenceScripting

/// The standard policies on the demo search dated Monday 2 March 2026: each
/// test pins the dates one rule of the practice gives.
@Suite("The standard policies")
struct PolicyTests {
    let harness = try! APIHarness()

    @Test("rule 2: an interview on Monday 2 March means a thank-you due 2 March to each person met")
    func thankYou() throws {
        let lines = try harness.agenda(days: 0)
        #expect(lines.contains("Acme Analytics|thank-you|2026-03-02|Helen Jones"))
        // Rule 3: the interested version ties a strength to a need, and says what they discussed.
        let draft = try harness.reasons(matching: "thank-you").first ?? ""
        #expect(draft.contains("automating month-end reporting before the spring audit"))
        #expect(draft.contains("When you mentioned month-end reporting takes the team four days, I thought of my experience in SQL and Python analytics"))
        // Once sent, it is gone.
        #expect(!(try harness.agenda(days: 0, setup: "cadence.app('acme'):log('message-sent', { message_kind = 'thank-you', to = 'Helen Jones' })"))
            .contains { $0.hasPrefix("Acme Analytics|thank-you") })
    }

    @Test("rule 4: call me in two weeks, said on 2 March, waits until 16 March; then weekly resumes")
    func promisedDate() throws {
        #expect(try harness.agenda().contains("Acme Analytics|promised-call|2026-03-16|Helen Jones"))
        #expect(!(try harness.agenda()).contains { $0.hasPrefix("Acme Analytics|status") })
        let after = try harness.agenda(asOf: "2026-03-16", setup: "cadence.app('acme'):log('message-sent', { message_kind = 'status', to = 'Helen Jones', at = '2026-03-16' })")
        #expect(after.contains("Acme Analytics|status|2026-03-23|Helen Jones"))
    }

    @Test("rule 4: a promised call is a phone call with talking points; their word to email is their date (rule 6)")
    func promisedCall() throws {
        let call = try #require(try harness.item("promised-call", of: "Acme Analytics"))
        #expect(call.reason.contains("wait until Mon 16 Mar, then call them"))
        #expect(call.draft.hasPrefix("Call Helen Jones at Acme Analytics about the Senior Data Analyst role, as they asked (\"call me in two weeks\")"))
        #expect(call.draft.contains("agree the date you will next hear or call") && !call.draft.contains("Best regards"))
        let data = try harness.run("""
            local policy = require "cadence.policy"
            for _, item in ipairs(policy.data(policy.agenda(policy.load(), { days = 30, as_of = "2026-03-02" }))) do
              if item.kind == "promised-call" then return item.channel end
            end
            """, asOf: "2026-03-02")
        #expect(data.first?.stringValue == "phone")
        _ = try harness.run("cadence.app('hooli'):log('interview', { at = '2026-03-02', with = 'Ms. Lee', next_step = \"we'll email you in two weeks\" })")
        // "We'll email you" is theirs to do: nothing until 16 March, one inquiry the next working day.
        #expect(try harness.item("promised-follow-up", of: "Hooli") == nil)
        let inquiry = try #require(try harness.item("deadline-inquiry", of: "Hooli"))
        #expect(inquiry.line == "Hooli|deadline-inquiry|2026-03-17|Ms. Lee" && inquiry.draft.hasPrefix("Dear Ms. Lee,"))
        _ = try harness.run("cadence.app('hooli'):log('reply-received', { at = '2026-03-03', with = 'Ms. Lee', next_step = 'email me your portfolio by Friday' })",
                            asOf: "2026-03-03")
        let email = try #require(try harness.item("promised-follow-up", of: "Hooli", asOf: "2026-03-03"))
        #expect(email.line == "Hooli|promised-follow-up|2026-03-06|Ms. Lee" && email.draft.hasPrefix("Dear Ms. Lee,"))
        // Their word still stands: the inquiry after their date too.
        #expect(try harness.item("deadline-inquiry", of: "Hooli", asOf: "2026-03-03")?.line == "Hooli|deadline-inquiry|2026-03-17|Ms. Lee")
    }

    @Test("drafts greet by first name, keep a title with its surname, and never open with 'Dear there'")
    func greetings() throws {
        let script = """
            local drafts = require "cadence.drafts"
            local app = { role = "Analytics Manager", company = "Acme" }
            return drafts.status{ app = app, to = "Helen Jones" }, drafts.status{ app = app, to = "Dr. Patel" },
                   drafts.status{ app = app }, drafts.reference_request{ app = app, to = "Dana" }
            """
        let texts = try harness.run(script).map { $0.stringValue ?? "" }
        #expect(texts[0].hasPrefix("Dear Helen,\n") && texts[1].hasPrefix("Dear Dr. Patel,\n") && texts[2].hasPrefix("Hello,\n"))
        #expect(texts[3].contains("for an Analytics Manager role at Acme"))
    }

    @Test("rule 5: weekly status from 9 March, one a week, stopping at the first reply")
    func weekly() throws {
        let setup = """
            local a = cadence.app('hooli')
            a:log('applied', { at = '2026-02-20' })
            a:log('interview', { at = '2026-03-02', with = 'Ms. Lee' })
            """
        #expect(try harness.agenda(setup: setup).contains("Hooli|status|2026-03-09|Ms. Lee"))
        let sent = try harness.agenda(asOf: "2026-03-17", setup: """
            for _, d in ipairs{ '2026-03-09', '2026-03-16' } do
              cadence.app('hooli'):log('message-sent', { message_kind = 'status', to = 'Ms. Lee', at = d })
            end
            """)
        #expect(sent.contains("Hooli|status|2026-03-23|Ms. Lee"))
        #expect(try harness.reasons(matching: "status", asOf: "2026-03-17").contains { $0.hasPrefix("rule 5: weekly status 3 of 4–7: last touch Mon 16 Mar, no reply since the interview on Mon 2 Mar") })
        let replied = try harness.agenda(asOf: "2026-03-18", setup: "cadence.app('hooli'):log('reply-received', { at = '2026-03-18' })")
        #expect(!replied.contains { $0.hasPrefix("Hooli|status") })
    }

    @Test("rule 5: missed weeks do not pile up: one overdue item, not four")
    func noPileUp() throws {
        let lines = try harness.agenda(setup: """
            local a = cadence.app('hooli')
            a:log('interview', { at = '2026-01-26', with = 'Ms. Lee' })
            """)
        #expect(lines.filter { $0.hasPrefix("Hooli|status") } == ["Hooli|status|2026-02-02|Ms. Lee"])
    }

    @Test("rule 7: after seven unanswered weekly touches, move on (and ask: still wanted, on what terms?)")
    func moveOn() throws {
        let lines = try harness.agenda(setup: """
            local a = cadence.app('hooli')
            a:log('interview', { at = '2026-01-05', with = 'Ms. Lee' })
            for week = 1, 7 do
              a:log('message-sent', { message_kind = 'status', to = 'Ms. Lee', at = tostring(cadence.date('2026-01-05') + 7 * week) })
            end
            """)
        #expect(lines.contains("Hooli|move-on|2026-03-02|"))
        #expect(try harness.reasons(matching: "move-on").first?.contains("whether the role is still wanted, and on what terms") == true)
    }

    @Test("rule 6: a decision date passed in silence gives one inquiry several days later")
    func deadlinePassed() throws {
        // Northwind's decision date was 24 February; 5 days later is Sunday 1 March, slid to Monday.
        let lines = try harness.agenda()
        #expect(lines.contains("Northwind Logistics|deadline-inquiry|2026-03-02|Tom Okafor"))
        #expect(!lines.contains { $0.hasPrefix("Northwind Logistics|status") })
        let sent = try harness.agenda(setup: "cadence.app('northwind'):log('message-sent', { message_kind = 'deadline-inquiry' })")
        #expect(!sent.contains { $0.hasPrefix("Northwind Logistics|deadline-inquiry") })
    }

    @Test("rules 6 and 7: after the one inquiry, silence is followed up weekly and then ends in moving on")
    func silenceAfterInquiry() throws {
        _ = try harness.run("cadence.app('northwind'):log('message-sent', { message_kind = 'deadline-inquiry', to = 'Tom Okafor', at = '2026-03-02' })")
        // The inquiry is the first touch: weekly status from it.
        let week = try harness.agenda(days: 7)
        #expect(week.contains("Northwind Logistics|status|2026-03-09|Tom Okafor"), "\(week)")
        let weeks = (1...6).map { "a:log('message-sent', { message_kind = 'status', to = 'Tom Okafor', at = '\(["2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30", "2026-04-06", "2026-04-13"][$0 - 1])' })" }
        let later = try harness.agenda(asOf: "2026-04-20", setup: "local a = cadence.app('northwind')\n" + weeks.joined(separator: "\n"))
        #expect(later.contains("Northwind Logistics|move-on|2026-04-20|"), "\(later)")
    }

    @Test("rules 8 and 9: a rejection on 25 February: thanks that day, feedback two days on, stay in touch months later")
    func afterRejection() throws {
        let lines = try harness.agenda(days: 90)
        #expect(lines.contains("Globex|post-rejection-thanks|2026-02-25|Rita Gomez"))
        #expect(lines.contains("Globex|feedback-request|2026-02-27|Rita Gomez"))
        #expect(lines.contains("Globex|stay-in-touch|2026-05-26|Rita Gomez"))
    }

    @Test("an offer, a ghosted application and a saved one get no status follow-ups")
    func quietStages() throws {
        let lines = try harness.agenda(days: 60)
        for company in ["Initech", "Umbrella Health", "Hooli"] {
            #expect(!lines.contains { $0.hasPrefix(company + "|status") }, "\(company)")
        }
    }

    @Test("a policy's options are checked: a misspelt, mistyped or out-of-range one is an error at its line of cadence.lua",
          arguments: [
              ("standard.weekly_status{ weks = 4 }", "weekly_status: unknown option 'weks' (did you mean 'weeks'?); known: channel, except, only, weeks"),
              ("standard.weekly_status{ weeks = \"four\" }", "weekly_status: weeks is a whole number, not \"four\""),
              ("standard.weekly_status{ weeks = 9 }", "weekly_status: weeks is 1 to 7, not 9"),
              ("standard.weekly_status{ weeks = 0 }", "weekly_status: weeks is 1 to 7, not 0"),
              ("standard.deadline_passed{ wait = 5 }", "deadline_passed: unknown option 'wait'"),
              ("standard.thank_you(7)", "thank_you: options are a table ({ name = value }), not number"),
          ])
    func checkedOptions(_ line: String, _ message: String) throws {
        let mine = "local standard = require \"policies\"\nreturn {\n  \(line),\n}\n"
        #expect { try harness.agenda(cadence: mine) } throws: { error in
            "\(error)".contains("cadence.lua:3: \(message)")
        }
    }

    @Test("changing one line of cadence.lua changes the agenda")
    func personalCadence() throws {
        let mine = """
            local standard = require "policies"
            return { standard.weekly_status{ weeks = 4 } }
            """
        _ = try harness.run("local a = cadence.app('hooli') a:log('interview', { at = '2026-03-02', with = 'Ms. Lee' })")
        let lines = try harness.agenda(cadence: mine)
        #expect(lines.contains("Hooli|status|2026-03-09|Ms. Lee"))
        #expect(!lines.contains { $0.contains("|thank-you|") || $0.contains("|deadline-inquiry|") })
        #expect(try harness.reasons(matching: "status").first?.hasPrefix("rule 5: weekly status 1 of 4") == true)
    }

    @Test("fewer weekly notes than the practice's four are yours to choose: weeks = 3 plans 1 of 3")
    func fewerWeeks() throws {
        _ = try harness.run("local a = cadence.app('hooli') a:log('interview', { at = '2026-03-02', with = 'Ms. Lee' })")
        let lines = try harness.agenda(cadence: "return { require('policies').weekly_status{ weeks = 3 } }")
        #expect(lines.contains("Hooli|status|2026-03-09|Ms. Lee"))
        #expect(try harness.reasons(matching: "status").first?.hasPrefix("rule 5: weekly status 1 of 3") == true)
    }

    @Test("a policy that fails names its file, line and application; the rest of the agenda is still made")
    func failingPolicy() throws {
        let mine = """
            local standard = require "policies"
            return {
              standard.thank_you(),
              { name = "broken", plan = function(app, ctx)
                  if app.company == "Globex" then error("no idea what to do") end
                end },
            }
            """
        let lines = try harness.agenda(days: 0, cadence: mine)
        #expect(lines.contains("Acme Analytics|thank-you|2026-03-02|Helen Jones"))
        #expect(lines.contains("Globex|policy-error|2026-03-02|"))
        let reason = try harness.reasons(matching: "policy-error").first ?? ""
        // Lua shortens a long path to its end: the file and line remain.
        #expect(reason.hasPrefix("policy 'broken' failed on Globex: ") && reason.contains("cadence.lua:5: no idea what to do"), "\(reason)")
    }

    @Test("planning is pure: the same inputs give the same agenda, and nothing is written")
    func pure() throws {
        let before = try harness.eventCount()
        #expect(try harness.agenda() == harness.agenda())
        #expect(try harness.eventCount() == before)
    }
}
