import CadenceCore
import Foundation
import LuaBinding
import Testing
@testable import CadenceScripting

/// Records are strict and named once: a field is read and written by the one
/// name `RecordSchema` gives it; any other name is an error at the script's
/// line with the nearest name, an old name with the name it has now.
@Suite("Records are strict and named once")
struct RecordFieldsTests {
    let harness: APIHarness
    init() throws { harness = try APIHarness() }

    /// The message of the error `code` raises (as pcall gives it).
    func failure(_ code: String) throws -> String {
        let results = try harness.run("local ok, why = pcall(function() \(code) end)\nreturn ok, why")
        #expect(results.first == .boolean(false), "\(code) did not fail")
        return results.count > 1 ? results[1].stringValue ?? "\(results[1])" : ""
    }

    @Test("a field that does not exist is an error at the script's line, with the nearest name")
    func misspelt() throws {
        #expect(try failure("return cadence.app('acme').srouce")
                == "test.lua:2: no field 'srouce' on an application (did you mean 'source'?)")
        #expect(try failure("return cadence.app('acme'):timeline()[1].nxet_step")
                == "test.lua:2: no field 'nxet_step' on an event (did you mean 'next_step'?)")
        #expect(try failure("return cadence.app('acme'):contacts()[1].emial")
                == "test.lua:2: no field 'emial' on a contact (did you mean 'email'?)")
        #expect(try failure("return cadence.candidates()[1].nmae") == "test.lua:2: no field 'nmae' on a candidate (did you mean 'name'?)")
        #expect(try failure("return cadence.app('acme').zzzzzz") == "test.lua:2: no field 'zzzzzz' on an application")
    }

    @Test("an old name is refused with the one the field has now, reading and writing alike")
    func oldNames() throws {
        #expect(try failure("return cadence.app('acme').decisionDeadline")
                == "test.lua:2: no field 'decisionDeadline' on an application (did you mean 'deadline'?)")
        #expect(try failure("return cadence.app('acme').postedSalary")
                == "test.lua:2: no field 'postedSalary' on an application (did you mean 'salary'?)")
        #expect(try failure("return cadence.candidates()[1].timeZone")
                == "test.lua:2: no field 'timeZone' on a candidate (did you mean 'time_zone'?)")
        #expect(try failure("cadence.app('acme'):edit{ decisionDeadline = '2026-03-20' }")
            .contains("edit{…}: unknown field 'decisionDeadline' (did you mean 'deadline'?)"))
        #expect(try failure("cadence.app('acme'):log('message-sent', { kind = 'thank-you' })")
            .contains("log{…}: unknown field 'kind' (did you mean 'message_kind'?)"))
        #expect(try failure("cadence.app('acme'):log('note', { note = 'x' })").contains("unknown field 'note' (did you mean 'notes'?)"))
        #expect(try failure("cadence.app('acme'):add_offer{ base = '50000 GBP', respondBy = 'friday' }")
            .contains("unknown field 'respondBy' (did you mean 'respond_by'?)"))
        #expect(try harness.eventCount() == (try APIHarness().eventCount()), "a refused write writes nothing")
    }

    @Test("deadline is written and read by one name: the reminder rule that read app.deadline sees it")
    func oneName() throws {
        let read = try harness.run("""
            local a = cadence.app('acme')
            a:edit{ deadline = '2026-03-20', salary = '£40,000' }
            local m = a:log('message-sent', { message_kind = 'thank-you' })
            local e = a:log('next-step', { next_step = 'call me next week', notes = 'sent' })
            local o = a:add_offer{ base = '50000 GBP', respond_by = '2026-03-27', start = '2026-04-06', sign_on = '2000' }
            return tostring(a.deadline), a.salary, m.message_kind, e.next_step, e.notes, tostring(o.respond_by),
                   tostring(o.start), o.sign_on.minorUnits, tostring(cadence.app('acme').deadline)
            """)
        #expect(read.map { $0.stringValue ?? "\($0)" }
                == ["2026-03-20", "£40,000", "thank-you", "call me next week", "sent", "2026-03-27", "2026-04-06", "200000", "2026-03-20"])
    }

    @Test("an unset field that exists is nil; rawget still reads only what the table holds")
    func unsetAndRaw() throws {
        let read = try harness.run("""
            local a = cadence.app('hooli')
            local e = a:timeline()[1]
            return a.deadline == nil, e.next_step == nil, rawget(a, 'srouce') == nil, rawget(a, 'company'), a:quiet_days() ~= nil
            """)
        #expect(read == [.boolean(true), .boolean(true), .boolean(true), LuaValue("Hooli"), .boolean(true)])
    }

    @Test("hostile keys: numbers, tables, ESC, bidi controls and 500 characters come out named, escaped and cut")
    func hostileKeys() throws {
        let number = try failure("return cadence.app('acme')[1]")
        #expect(number.hasPrefix("test.lua:2: no field [1] on an application (its fields are named: id, candidate_id, "))
        #expect(try failure("for _ in ipairs(cadence.app('acme')) do end").contains("no field [1] on an application"))
        #expect(try failure("return cadence.app('acme')[2.5]").contains("no field [2.5] on an application"))
        #expect(try failure("return cadence.app('acme')[{}]").contains("no field [table] on an application"))
        let escaped = try failure(#"return cadence.app('acme')["sou\27[2Jrce\u{202E}"]"#)
        #expect(escaped == #"test.lua:2: no field 'sou\u{1b}[2Jrce\u{202e}' on an application"#, "\(escaped)")
        #expect(!escaped.unicodeScalars.contains { TerminalText.isHidden($0) })
        let long = try failure("return cadence.app('acme')[string.rep('x', 500)]")
        #expect(long.contains(String(repeating: "x", count: 80) + "… (420 more)") && long.count < 200, "\(long)")
    }

    @Test("every field a record is given is in its schema, and every name in a schema is one the record can hold")
    func schemaHoldsTheRecords() throws {
        // An application and an event with every field set, an offer, a contact, a candidate, a decision.
        let keys = try harness.run("""
            local a = cadence.app('acme')
            a:edit{ deadline = '2026-03-20', salary = '£40,000–£45,000', url = 'https://acme.example', location = 'Leeds',
                    interest = 4, needs = { 'reports' }, questions = { 'hours?' }, tags = { 'x' }, notes = 'n',
                    facts = { hours = '9 to 5' }, targets = '40000,45000,50000 GBP' }
            a:log('next-step', { with = 'Helen Jones', channel = 'email', message_kind = 'status', round = '2',
                                 next_step = 'in a week', due = '2026-03-09 10am', notes = 'n' })
            a:log('correction', { stage = 'interviewing', corrects = a:timeline()[1].id })
            a:add_offer{ base = '50000 GBP', bonus = '10%', sign_on = '2000', respond_by = '2026-03-27', start = '2026-04-06' }
            local function names(t) local n = {} for k in pairs(t) do n[#n + 1] = k end return table.concat(n, ' ') end
            local events = ''
            for _, e in ipairs(cadence.app('acme'):timeline()) do events = events .. ' ' .. names(e) end
            return names(cadence.app('acme')), events, names(cadence.app('acme'):offers()[1]),
                   names(cadence.app('acme'):contacts()[1]), names(cadence.candidates()[1])
            """).map { Set(($0.stringValue ?? "").split(separator: " ").map(String.init)) }
        let schemas: [RecordSchema] = [.application, .event, .offer, .contact, .candidate]
        for (held, schema) in zip(keys, schemas) {
            #expect(held.isSubset(of: Set(schema.names)), "\(schema.record): \(held.subtracting(schema.names).sorted())")
        }
        // The application and its events hold all their fields here: none of the schema's is a name nothing writes.
        #expect(Set(RecordSchema.application.names).subtracting(keys[0]).isEmpty, "\(Set(RecordSchema.application.names).subtracting(keys[0]))")
        #expect(Set(RecordSchema.event.names).subtracting(keys[1]).isEmpty, "\(Set(RecordSchema.event.names).subtracting(keys[1]))")
        // What a script writes is what it reads.
        for name in WorkspaceAPI.applicationFields { #expect(RecordSchema.application.names.contains(name), "\(name)") }
        for name in WorkspaceAPI.logFields where !["to", "as_written"].contains(name) {
            #expect(RecordSchema.event.names.contains(name), "\(name)")
        }
        // Each old name points at a field there is.
        for schema in RecordSchema.all {
            for (old, new) in schema.renamed {
                #expect(schema.names.contains(new) && !schema.names.contains(old), "\(schema.record).\(old)")
            }
        }
    }
}
