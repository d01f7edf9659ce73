import Foundation
import LuaBinding
import Testing

/// Promises under the standard policies, on the demo search dated Monday
/// 2 March 2026: theirs ("we'll get back to you by Friday") is their decision
/// date, so weekly status holds until it and rule 6 inquires once after it;
/// yours ("call me on Thursday") is an action on the day, on any event.
@Suite("Promises: theirs wait, yours act")
struct PromiseTests {
    let harness = try! APIHarness()

    /// What the standard policies say for Hooli when they propose nothing (why they wait).
    func exits(asOf: String = "2026-03-02") throws -> [String] {
        let result = try harness.run("""
            local policy = require "cadence.policy"
            local _, exits = policy.propose(cadence.app('hooli'), policy.load(), cadence.date('\(asOf)'))
            return table.concat(exits, '\\n')
            """, asOf: asOf)
        return (result.first?.stringValue ?? "").split(separator: "\n").map(String.init)
    }

    func hooli(asOf: String = "2026-03-02", days: Int = 30) throws -> [String] {
        try harness.agenda(days: days, asOf: asOf).filter { $0.hasPrefix("Hooli|") }
    }

    @Test("their word on a call, before any interview: nothing until their Friday, one inquiry the next working day")
    func theirWordOnACall() throws {
        _ = try harness.run("""
            local a = cadence.app('hooli')
            a:log('applied', { at = '2026-02-20' })
            a:log('follow-up-call', { at = '2026-03-02', with = 'Ms. Lee', next_step = "we'll get back to you by next Friday" })
            """)
        // Next Friday is 6 March; the next working day after it is Monday 9 March.
        #expect(try hooli() == ["Hooli|deadline-inquiry|2026-03-09|Ms. Lee"])
        let inquiry = try #require(try harness.item("deadline-inquiry", of: "Hooli"))
        #expect(inquiry.reason == "rule 6: they said \"we'll get back to you by next Friday\" on Mon 2 Mar: their date is Fri 6 Mar; "
            + "nothing until then, and with no word by then, one polite inquiry after it (Sat 7 Mar is a weekend: moved to Mon 9 Mar)")
        #expect(inquiry.draft.hasPrefix("Dear Ms. Lee,\n\nWhen we last spoke you expected to get back to me by Fri 6 Mar about the Product Analyst role."))
        // Once sent, it is the one inquiry.
        _ = try harness.run("cadence.app('hooli'):log('message-sent', { message_kind = 'deadline-inquiry', to = 'Ms. Lee', at = '2026-03-09' })")
        #expect(try hooli(asOf: "2026-03-09") == [])
    }

    @Test("your word holds though an offer came after it: the email you promised is still on the agenda")
    func yourWordBeforeAnOffer() throws {
        _ = try harness.run("""
            local a = cadence.app('hooli')
            a:log('applied', { at = '2026-02-20' })
            a:log('follow-up-call', { at = '2026-02-27 11:00', with = 'Ms. Lee', next_step = "email me on Monday with questions" })
            a:log('offer-received', { at = '2026-02-27 12:00' })
            """)
        let items = try hooli()
        #expect(items.contains("Hooli|promised-follow-up|2026-03-02|Ms. Lee"), "\(items)")
    }

    @Test("their word at an interview holds weekly status until the date; after the inquiry, weekly resumes from it")
    func theirWordHoldsWeekly() throws {
        _ = try harness.run("""
            local a = cadence.app('hooli')
            a:log('interview', { at = '2026-03-02', with = 'Ms. Lee', next_step = "you'll hear from us by 13 March" })
            a:log('message-sent', { message_kind = 'thank-you', to = 'Ms. Lee', at = '2026-03-02' })
            """)
        #expect(try hooli() == ["Hooli|deadline-inquiry|2026-03-16|Ms. Lee"])
        #expect(try exits().contains("weekly-status waits: they said \"you'll hear from us by 13 March\" on Mon 2 Mar: nothing until Fri 13 Mar"))
        // The date passed: weekly still waits for rule 6's inquiry.
        #expect(try exits(asOf: "2026-03-16").contains("weekly-status waits: their decision date Fri 13 Mar passed; rule 6 inquires first"))
        _ = try harness.run("cadence.app('hooli'):log('message-sent', { message_kind = 'deadline-inquiry', to = 'Ms. Lee', at = '2026-03-16' })")
        let after = try hooli(asOf: "2026-03-16")
        #expect(after == ["Hooli|status|2026-03-23|Ms. Lee"])
        #expect(try harness.item("status", of: "Hooli", asOf: "2026-03-16")?.reason.contains("weekly status 2 of 4–7") == true)
    }

    @Test("an answer on or after their date stops the inquiry; an offer ends it; a word before the date does not")
    func answered() throws {
        _ = try harness.run("""
            local a = cadence.app('hooli')
            a:log('interview', { at = '2026-03-02', with = 'Ms. Lee', next_step = "we'll let you know by Friday 6 March" })
            a:log('reply-received', { at = '2026-03-04', with = 'Ms. Lee', notes = 'still deciding' })
            """, asOf: "2026-03-04")
        #expect(try hooli(asOf: "2026-03-04").contains("Hooli|deadline-inquiry|2026-03-09|Ms. Lee"))
        _ = try harness.run("cadence.app('hooli'):log('reply-received', { at = '2026-03-06', with = 'Ms. Lee' })", asOf: "2026-03-06")
        #expect(!(try hooli(asOf: "2026-03-06")).contains { $0.contains("deadline-inquiry") })
    }

    @Test("a new word replaces the old: the later promise gives the date")
    func newWord() throws {
        _ = try harness.run("""
            local a = cadence.app('hooli')
            a:log('interview', { at = '2026-03-02', with = 'Ms. Lee', next_step = "we'll let you know by Friday 6 March" })
            a:log('follow-up-call', { at = '2026-03-05', with = 'Ms. Lee', next_step = "we need another week: decision by 13 March" })
            """, asOf: "2026-03-05")
        #expect(try hooli(asOf: "2026-03-05").filter { $0.contains("deadline-inquiry") } == ["Hooli|deadline-inquiry|2026-03-16|Ms. Lee"])
    }

    @Test("a date given before a later interview was overtaken by it: no inquiry, weekly status from the interview")
    func overtaken() throws {
        _ = try harness.run("""
            local a = cadence.app('hooli')
            a:log('screen', { at = '2026-02-16', with = 'Ms. Lee', next_step = "we'll let you know by 20 February" })
            a:log('interview', { at = '2026-02-23', with = 'Ms. Lee' })
            a:log('message-sent', { message_kind = 'thank-you', to = 'Ms. Lee', at = '2026-02-23' })
            """)
        #expect(try hooli() == ["Hooli|status|2026-03-02|Ms. Lee"])
    }

    @Test("your promise, on any event and in any open stage, is an action on its day: a call asked for is a call")
    func yourWordOnAReply() throws {
        _ = try harness.run("""
            local a = cadence.app('hooli')
            a:log('applied', { at = '2026-02-20' })
            a:log('reply-received', { at = '2026-03-02', with = 'Ms. Lee', next_step = 'call me on Thursday' })
            """)
        let call = try #require(try harness.item("promised-call", of: "Hooli"))
        #expect(call.line == "Hooli|promised-call|2026-03-05|Ms. Lee")
        #expect(call.reason == "rule 4: on Mon 2 Mar they said \"call me on Thursday\": wait until Thu 5 Mar, then call them")
        #expect(call.draft.hasPrefix("Call Ms. Lee at Hooli about the Product Analyst role") && !call.draft.contains("Dear"))
        #expect(try hooli().filter { $0.contains("deadline-inquiry") } == [])
        // Done, it stays done.
        _ = try harness.run("cadence.app('hooli'):log('message-sent', { message_kind = 'promised-call', to = 'Ms. Lee', at = '2026-03-05' })",
                            asOf: "2026-03-05")
        #expect(try hooli(asOf: "2026-03-05") == [])
    }

    @Test("weekly_status and deadline_passed agree: with only weekly status, their word still holds it")
    func bothAgree() throws {
        _ = try harness.agenda(cadence: """
            local standard = require "policies"
            return { standard.weekly_status() }
            """)
        _ = try harness.run("""
            cadence.app('hooli'):log('interview', { at = '2026-03-02', with = 'Ms. Lee', next_step = "we'll circle back by 13 March" })
            """)
        #expect(try hooli() == [])
        #expect(try exits().contains { $0.hasPrefix("weekly-status waits: they said \"we'll circle back by 13 March\"") })
    }

    @Test("the promise's reading is the host's: cadence.promise")
    func hostReading() throws {
        let result = try harness.run("""
            local theirs, yours = cadence.promise("We'll get back to you by Friday"), cadence.promise("ring me on Tuesday")
            return theirs.actor, theirs.cue, yours.actor, tostring(yours.call)
            """)
        #expect(result.map { $0.stringValue ?? "nil" } == ["them", "get back to you", "you", "true"])
    }
}
