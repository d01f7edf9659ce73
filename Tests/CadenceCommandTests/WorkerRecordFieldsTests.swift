import Foundation
import Testing

/// An installed policy reads records in its isolated worker as a script does
/// in Cadence's own process: a field it did not declare is nil, a field that
/// does not exist is the same error, with the same nearest name.
extension SharedPolicyTests {
    @Test("in the worker a misspelt field is the error it is in the workspace; an undeclared field is nil")
    func strictInTheWorker() throws {
        try prepared()
        let misspelt = """
            return { name = "strict", rule = "mine", plan = function(app, ctx)
              local undeclared = app.notes            -- a field, not declared: nil
              if undeclared ~= nil then error("the worker was sent a field the package does not read") end
              return app.srouce
            end }
            """
        let tried = try cadence("policy", "try", try package("strict-reader", policy: misspelt, tests: nil), "--as-of", "2026-03-12")
        #expect((tried.output + tried.error).contains("no field 'srouce' on an application (did you mean 'source'?)"),
                "\(tried.output)\(tried.error)")
        let old = """
            return { name = "old", rule = "mine", plan = function(app, ctx) return ctx:last("interview").messageKind end }
            """
        let triedOld = try cadence("policy", "try", try package("old-reader", policy: old, tests: nil), "--as-of", "2026-03-12")
        #expect((triedOld.output + triedOld.error).contains("no field 'messageKind' on an event (did you mean 'message_kind'?)"),
                "\(triedOld.output)\(triedOld.error)")
    }

    @Test("in the worker a package that declares them reads a round's ask, a final offer, the days they came and the hour agreed")
    func roundsInTheWorker() throws {
        try prepared()
        _ = try cadence("offer", "add", "--app", "acme", "--base", "50000 GBP", "--at", "2026-03-10")
        _ = try cadence("offer", "edit", "1", "--asked", "55000", "--at", "2026-03-11")
        _ = try cadence("log", "message-sent", "--app", "acme", "--message-kind", "ask-for-time", "--at", "2026-03-11",
                        "--due", "2026-03-13 10am")
        let policy = """
            return { name = "rounds", rule = "mine", plan = function(app, ctx)
              local o = ctx:offers()[1]
              local hour
              for _, e in ipairs(ctx:events("message-sent")) do hour = e.due_time or hour end
              if o then
                ctx:propose{ kind = "status", due = "2026-03-12", reason = ("round: %s %s %s %s %s"):format(
                  o.asked and o.asked.minorUnits, tostring(o.final), tostring(o.came), tostring(o.asked_on), tostring(hour)) }
              end
            end }
            """
        let reads = #"{ "application": ["company"], "events": ["due_time"], "offers": ["asked", "final", "came", "asked_on"] }"#
        let tried = try cadence("policy", "try", try package("rounds-reader", policy: policy, tests: nil, reads: reads), "--as-of", "2026-03-12")
        #expect(tried.output.contains("round: 5500000 false 2026-03-10 2026-03-11 10:00"), "\(tried.output)\(tried.error)")
    }

    @Test("a manifest that reads a field by its old name is refused with the name it has now")
    func manifestOldName() throws {
        try prepared()
        let added = try cadence("policy", "add", try package(reads: #"{ "application": ["decisionDeadline"] }"#))
        #expect(added.status == 1)
        #expect(added.error.contains("'decisionDeadline' is not a field of application (did you mean 'deadline'?)"), "\(added.error)")
    }
}
