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

    @Test("a manifest that reads a field by its old name is refused with the name it has now")
    func manifestOldName() throws {
        try prepared()
        let added = try cadence("policy", "add", try package(reads: #"{ "application": ["decisionDeadline"] }"#))
        #expect(added.status == 1)
        #expect(added.error.contains("'decisionDeadline' is not a field of application (did you mean 'deadline'?)"), "\(added.error)")
    }
}
