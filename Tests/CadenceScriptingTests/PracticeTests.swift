import Foundation
import LuaBinding
import Testing

/// Rules 1, 10, 11 and 12, and accepting or declining in writing, on the demo
/// search dated Monday 2 March 2026: Stark Industries has its final round on
/// Thursday 5 March, with a presentation to prepare.
@Suite("The standard policies: before and after the offer")
struct PracticeTests {
    let harness = try! APIHarness()

    @Test("rule 1: the day before a scheduled interview, the follow-up plan its policies would carry out")
    func planAhead() throws {
        let plan = try #require(try harness.item("plan-follow-up"))
        #expect(plan.line == "Stark Industries|plan-follow-up|2026-03-04|")
        #expect(plan.reason.hasPrefix("rule 1: the interview on Thu 5 Mar with Grace Liu, Omar Haddad"))
        #expect(plan.draft.contains("Thu 5 Mar: thank-you to Grace Liu"))
        #expect(plan.draft.contains("Thu 5 Mar: thank-you to Omar Haddad"))
        #expect(plan.draft.contains("their needs you know of: executives cannot read the current dashboards"))
        // Once the interview has happened there is nothing left to plan ahead.
        #expect(try harness.item("plan-follow-up", asOf: "2026-03-05") == nil)
    }

    @Test("rule 10: references are asked three days before the final round; an insider is asked once, after it")
    func references() throws {
        let lines = try harness.agenda(days: 7)
        #expect(lines.contains("Stark Industries|reference-request|2026-03-02|Dana Whitfield"))
        #expect(lines.contains("Stark Industries|reference-request|2026-03-02|Sam Patel"))
        // Two references, and the practice wants three ready.
        #expect(try harness.item("line-up-references")?.reason.contains("you have 2") == true)
        let asked = try harness.agenda(days: 7, setup: """
            cadence.app('stark'):log('message-sent', { message_kind = 'reference-request', to = 'Dana Whitfield' })
            """)
        #expect(!asked.contains("Stark Industries|reference-request|2026-03-02|Dana Whitfield"))
        #expect(asked.contains("Stark Industries|reference-request|2026-03-02|Sam Patel"))
        // After the interview on the 5th: Kate Mills, a former colleague inside, is asked to put in a word.
        let word = try #require(try harness.item("put-in-a-word", asOf: "2026-03-05"))
        #expect(word.line == "Stark Industries|put-in-a-word|2026-03-06|Kate Mills")
        #expect(word.reason.contains("with care and once"))
    }

    @Test("a person who is both a reference and a contact is asked once; every ref on the agenda names one item")
    func uniqueRefs() throws {
        let lines = try harness.agenda(days: 7, setup: """
            cadence.app('stark'):add_contact{ name = 'Dana Whitfield', role = 'reference' }
            """)
        #expect(lines.filter { $0 == "Stark Industries|reference-request|2026-03-02|Dana Whitfield" }.count == 1)
        let refs = try harness.run("""
            local policy = require "cadence.policy"
            local seen, repeated = {}, 0
            for _, item in ipairs(policy.agenda(policy.load(), { days = 60, as_of = "2026-03-02" })) do
              if seen[item.ref] then repeated = repeated + 1 end
              seen[item.ref] = true
            end
            return repeated
            """, asOf: "2026-03-02")
        #expect(refs.first?.integerValue == 0)
        // A ref that collides with another item's is made longer, keeping the short one as its prefix.
        let long = try harness.run("""
            local policy = require "cadence.policy"
            return policy.ref(7, "status 1|2026-03-02"), policy.ref(7, "status 1|2026-03-02", 8)
            """)
        let short = try #require(long.first?.stringValue), full = try #require(long.last?.stringValue)
        #expect(short.count == 6 && full.count == 8 && full.hasPrefix(short))
    }

    @Test("rule 11: a presentation asked for becomes a task due two days before the round")
    func prepare() throws {
        let task = try #require(try harness.item("prepare"))
        #expect(task.line == "Stark Industries|prepare|2026-03-03|")
        #expect(task.reason.contains("10-minute presentation") && task.reason.contains("the interview on Thu 5 Mar"))
        // Not a task: "call me in two weeks" (Acme), nor "the latest numbers" (no whole word "test").
        #expect(!(try harness.agenda()).contains { $0.hasPrefix("Acme Analytics|prepare") })
        let latest = try harness.agenda(setup: """
            cadence.app('acme'):log('next-step', { next_step = 'send the latest numbers', due = '2026-03-10' })
            """)
        #expect(!latest.contains { $0.hasPrefix("Acme Analytics|prepare") })
        // Marked done, it stays done.
        let ref = try #require(try harness.item("prepare")?.ref)
        _ = try harness.run("""
            local policy = require "cadence.policy"
            policy.act(policy.load(), "\(ref)", "done", {})
            """)
        #expect(try harness.item("prepare") == nil)
    }

    @Test("rule 12: unknowns become questions for the next meeting; what is known is not asked")
    func missingInformation() throws {
        let stark = try #require(try harness.item("questions", of: "Stark Industries"))
        #expect(stark.line == "Stark Industries|questions|2026-03-05|")
        #expect(stark.reason.hasPrefix("rule 12: 6 things are still unknown; ask at the interview on Thu 5 Mar"))
        // Hours and contract are known facts, the location is on the application.
        #expect(!stark.draft.contains("working hours") && !stark.draft.contains("contract") && !stark.draft.contains("Where is the role based"))
        #expect(stark.draft.contains("Would moving expenses be covered?"))
        // With the offer in hand (Initech), before answering it; its benefits are known.
        let initech = try #require(try harness.item("questions", of: "Initech"))
        #expect(initech.line == "Initech|questions|2026-02-27|" && initech.reason.contains("before you answer the offer"))
        #expect(!initech.draft.contains("What benefits"))
    }

    @Test("rule 12: questions about an offer that came on a Saturday are due on the Monday after, before the respond-by date")
    func offerQuestionsAfterArrival() throws {
        _ = try harness.run("""
            local a = cadence.app('stark')
            a:log('offer-received', { at = '2026-03-07' })
            """)
        // The interview of 5 March is past by 9 March: the questions go with the offer.
        let weekend = try #require(try harness.item("questions", of: "Stark Industries", asOf: "2026-03-09"))
        #expect(weekend.line == "Stark Industries|questions|2026-03-09|", "\(weekend.line)")
        #expect(weekend.reason.contains("before you answer the offer") && weekend.reason.contains("Sat 7 Mar is a weekend: moved to Mon 9 Mar"))
    }

    @Test("negotiation rule 5: an offer's answer is on the agenda the day agreed (else its respond-by date), with the script's words")
    func answerOffer() throws {
        // Wayne's offer wants an answer by Sat 7 Mar: kept before the weekend, on Fri 6 Mar.
        let wayne = try #require(try harness.item("answer-offer", of: "Wayne Enterprises"))
        // To the hiring manager, when no one was asked for time.
        #expect(wayne.line == "Wayne Enterprises|answer-offer|2026-03-06|Lucius Fox", "\(wayne.line)")
        #expect(wayne.reason.hasPrefix("negotiation rule 5: they want an answer by Sat 7 Mar: get back by then"), "\(wayne.reason)")
        #expect(wayne.draft.contains("No time asked for yet: ask now") && wayne.draft.contains("The negotiation script decides: ask-for-time"),
                "\(wayne.draft)")
        // Time asked for, and a day agreed: the item moves to that day, to the person asked.
        _ = try harness.run("cadence.app('wayne'):log('message-sent', { message_kind = 'ask-for-time', due = '2026-03-04', at = '2026-03-02', with = 'Dana Wu' })")
        let agreed = try #require(try harness.item("answer-offer", of: "Wayne Enterprises"))
        #expect(agreed.line == "Wayne Enterprises|answer-offer|2026-03-04|Dana Wu", "\(agreed.line)")
        #expect(agreed.reason.contains("you asked for time on Mon 2 Mar and agreed to answer on Wed 4 Mar"))
        #expect(agreed.draft.hasPrefix("Get back to Dana Wu on Wed 4 Mar, as agreed."), "\(agreed.draft)")
    }

    @Test("accepting in writing spells out the terms; declining is courteous")
    func inWriting() throws {
        _ = try harness.run("cadence.app('initech'):log('acceptance')")
        let accept = try #require(try harness.item("acceptance-in-writing"))
        #expect(accept.line == "Initech|acceptance-in-writing|2026-03-02|Bill Lumbergh")
        #expect(accept.draft.contains("base salary: 54,000 GBP a year"))
        #expect(accept.draft.contains("holiday: 28 days") && accept.draft.contains("pension: 6% matched"))
        _ = try harness.run("cadence.app('northwind'):log('decline')")
        let decline = try #require(try harness.item("decline"))
        #expect(decline.line == "Northwind Logistics|decline|2026-03-02|Tom Okafor")
        #expect(decline.draft.contains("decided to decline"))
        // An accepted application gets no weekly status, thank-you or questions.
        #expect(!(try harness.agenda()).contains { $0.hasPrefix("Initech|") && !$0.contains("acceptance-in-writing") })
    }
}
