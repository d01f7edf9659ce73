import Foundation
import LuaBinding
import Testing

/// A step's channel shapes its draft (a letter for email, a short message
/// for LinkedIn and text, talking points for a call) and is said wherever
/// the item is; a step to a role nobody holds says so, and how to fix it.
@Suite("Channels: drafts, display, and roles nobody holds")
struct ChannelDraftTests {
    let harness = try! APIHarness()

    /// Hooli, interviewed on Monday 2 March by Ms. Lee, thanked the same day.
    func interviewHooli() throws {
        _ = try harness.run("""
            local a = cadence.app('hooli')
            a:log('applied', { at = '2026-02-20' })
            a:log('interview', { at = '2026-03-02', with = 'Ms. Lee' })
            a:log('message-sent', { message_kind = 'thank-you', to = 'Ms. Lee', at = '2026-03-02' })
            """)
    }

    /// Hooli's first status item under weekly_status with `options`, as policy.data gives it.
    func status(_ options: String) throws -> [String: String] {
        _ = try harness.agenda(cadence: """
            local standard = require "policies"
            return { standard.weekly_status\(options) }
            """)
        let result = try harness.run("""
            local policy = require "cadence.policy"
            for _, item in ipairs(policy.data(policy.run{ days = 30, as_of = "2026-03-02" })) do
              if item.company == "Hooli" and item.kind == "status" then
                return item.channel, item.draft, item.subject or "(none)", item.to or "(nobody)", item.reason, item.missing_role or "(none)"
              end
            end
            """)
        let names = ["channel", "draft", "subject", "to", "reason", "missing_role"]
        return Dictionary(uniqueKeysWithValues: zip(names, result.map { $0.stringValue ?? "" }))
    }

    @Test("email is a letter with a subject")
    func email() throws {
        try interviewHooli()
        let item = try status("()")
        #expect(item["channel"] == "email" && item["subject"] == "Following up: Product Analyst, Hooli")
        #expect(item["draft"]?.hasPrefix("Dear Ms. Lee,\n\n") == true && item["draft"]?.contains("Best regards,\nAlex Morgan") == true)
    }

    @Test("LinkedIn is a short message: no subject, no letter form, never 'Subject:'")
    func linkedin() throws {
        try interviewHooli()
        let item = try status("{ channel = 'LinkedIn' }")
        let draft = try #require(item["draft"])
        #expect(item["channel"] == "linkedin" && item["subject"] == "(none)")
        #expect(draft.hasPrefix("Hi Ms. Lee, checking in on the Product Analyst role"))
        #expect(!draft.contains("Dear") && !draft.contains("Best regards") && !draft.contains("Subject:") && !draft.contains("\n"))
        #expect(draft.count <= 300)
    }

    @Test("a text is short and signed with your first name; a call is talking points")
    func textAndPhone() throws {
        try interviewHooli()
        let text = try #require(try status("{ channel = 'text' }")["draft"])
        #expect(text.hasPrefix("Hi Ms. Lee,") && text.hasSuffix(" – Alex") && !text.contains("Dear"))
        let call = try #require(try status("{ channel = 'phone' }")["draft"])
        #expect(call.hasPrefix("Call Ms. Lee at Hooli about the Product Analyst role:\n  - restate your interest in one sentence"))
        #expect(!call.contains("Dear") && !call.contains("Best regards"))
    }

    @Test("every standard draft takes each channel's form", arguments: ["linkedin", "text", "phone"])
    func everyDraft(channel: String) throws {
        let result = try harness.run("""
            local drafts = require "cadence.drafts"
            local app = { role = "Analyst", company = "Acme", needs = { "faster reports" } }
            local f = { app = app, to = "Helen Jones", channel = "\(channel)", candidate = { name = "Alex Morgan", strengths = { "SQL" } },
                        interested = true, need = "faster reports", strength = "SQL", deadline = cadence.date("2026-03-06"),
                        meeting = { day = cadence.date("2026-03-02") } }
            local out = {}
            for _, name in ipairs{ "thank_you", "status", "promised", "deadline_inquiry", "rejection_thanks", "feedback_request",
                                   "stay_in_touch", "reference_request", "put_in_a_word" } do
              out[#out + 1] = drafts[name](f)
            end
            return table.unpack(out)
            """)
        #expect(result.count == 9)
        for draft in result.compactMap(\.stringValue) {
            #expect(!draft.contains("Dear") && !draft.contains("Best regards") && !draft.contains("Subject:"), "\(draft)")
            if channel == "phone" { #expect(draft.hasPrefix("Call Helen Jones at Acme about the Analyst role:\n  - "), "\(draft)") }
            else { #expect(draft.hasPrefix("Hi Helen, ") && !draft.contains("\n"), "\(draft)") }
        }
    }

    @Test("an unknown channel is an error at the cadence.lua's line, with a did-you-mean")
    func unknownChannel() throws {
        #expect {
            _ = try harness.agenda(cadence: "local standard = require 'policies'\nreturn { standard.weekly_status{ channel = 'linkdin' } }")
        } throws: { "\($0)".contains("cadence.lua:2: weekly_status: unknown channel 'linkdin' (did you mean 'linkedin'?)") }
        let mine = { (channel: String) in """
            local sequence = require 'cadence.sequence'
            return { sequence{ name = 'nudge', trigger = 'applied', steps = { { kind = 'nudge', after = 1, channel = \(channel) } } } }
            """ }
        #expect {
            _ = try harness.agenda(cadence: mine("'emial'"))
        } throws: { "\($0)".contains("cadence.lua:2: sequence 'nudge': step 1: unknown channel 'emial' (did you mean 'email'?)") }
    }

    @Test("a plan function proposing an unknown channel fails at its line, named in the agenda; the rest is still made")
    func proposedUnknown() throws {
        let mine = """
            return { { name = "mine", rule = "a test", plan = function(app, ctx)
              ctx:propose{ kind = "nudge", due = ctx.today, channel = "fax" }
            end } }
            """
        let lines = try harness.agenda(cadence: mine)
        #expect(lines.contains { $0.hasSuffix("|policy-error|2026-03-02|") }, "\(lines)")
        let failed = try #require(try harness.item("policy-error"))
        #expect(failed.reason.contains("cadence.lua:2: unknown channel 'fax'; known: email, phone, linkedin, text, letter, task"), "\(failed.reason)")
    }

    @Test("hostile channels: ESC, bidi, CR and 500 characters are refused, shown as escapes and cut",
          arguments: ["'email\\27[2J'", "'\\u{202E}liame'", "'email\\r\\nBcc: x@example.com'", "string.rep('x', 500)"])
    func hostileChannel(channel: String) throws {
        let mine = """
            local sequence = require 'cadence.sequence'
            return { sequence{ name = 'nudge', trigger = 'applied', steps = { { kind = 'nudge', after = 1, channel = \(channel) } } } }
            """
        #expect {
            _ = try harness.agenda(cadence: mine)
        } throws: { error in
            let said = "\(error)"
            return said.contains("unknown channel '") && !said.contains("\u{1B}") && !said.contains("\u{202E}") && !said.contains("\r")
                && !said.contains(String(repeating: "x", count: 41))
        }
    }

    @Test("a step to a role nobody holds says so and how to fix it, never another person")
    func roleNobodyHolds() throws {
        try interviewHooli()
        let item = try status("{}")
        #expect(item["to"] == "Ms. Lee")
        let mine = """
            local sequence = require 'cadence.sequence'
            return { sequence{ name = 'nudge', trigger = { 'interview', 'screen' }, to = 'recruiter',
                               steps = { { kind = 'nudge', after = 1, channel = 'linkedin' } } } }
            """
        _ = try harness.agenda(cadence: mine)
        let nudge = try #require(try harness.item("nudge", of: "Hooli"))
        #expect(nudge.line == "Hooli|nudge|2026-03-03|")
        #expect(nudge.reason.hasSuffix("(no recruiter on file for Hooli: add one with cadence contact add NAME --app Hooli --role recruiter)"))
        let data = try harness.run("""
            local policy = require "cadence.policy"
            for _, item in ipairs(policy.data(policy.run{ days = 30, as_of = "2026-03-02" })) do
              if item.company == "Hooli" and item.kind == "nudge" then return item.missing_role, tostring(item.to == nil), tostring(item.subject == nil) end
            end
            """)
        #expect(data.map { $0.stringValue ?? "?" } == ["recruiter", "true", "true"], "\(data)")
        // Stark has a recruiter and a hiring manager: each step goes to the one it names.
        #expect(try harness.item("nudge", of: "Stark Industries")?.line.hasSuffix("|Omar Haddad") == true)
        _ = try harness.agenda(cadence: mine.replacingOccurrences(of: "'recruiter'", with: "'hiring manager'"))
        #expect(try harness.item("nudge", of: "Stark Industries")?.line.hasSuffix("|Grace Liu") == true)
        let text = try harness.run("""
            local policy = require "cadence.policy"
            return policy.report{ days = 7, as_of = "2026-03-02", text = true }.text
            """).first?.stringValue ?? ""
        #expect(text.contains(": nudge to the hiring manager (none on file) on LinkedIn") || text.contains("Hooli: nudge to the hiring manager (none on file) on LinkedIn"), "\(text)")
    }

    @Test("the agenda's text says each item's channel; a task says none")
    func agendaText() throws {
        let text = try harness.run("""
            local policy = require "cadence.policy"
            return policy.report{ days = 14, as_of = "2026-03-02", text = true }.text
            """).first?.stringValue ?? ""
        #expect(text.contains("Acme Analytics: thank-you to Helen Jones by email"), "\(text)")
        #expect(text.contains("Acme Analytics: promised-call to Helen Jones by phone"), "\(text)")
        #expect(text.contains("Stark Industries: prepare\n") || text.contains("Stark Industries: prepare (due"), "\(text)")
    }
}
