import Foundation
import LuaBinding
import Testing

/// help() documents every name the cadence module exports, every method of an
/// application and a date, and every field of every record: a name added
/// without its words fails here.
@Suite("help() documents every exported name")
struct HelpTests {
    let harness: APIHarness
    init() throws { harness = try APIHarness() }

    @Test("each of the module's names, each method and each record's field has help")
    func everyName() throws {
        let missing = try harness.run("""
            local help, host = require 'cadence.help', require 'cadence.host'
            local missing = {}
            local function check(name) if not help.has(name) then missing[#missing + 1] = name end end
            for name in pairs(cadence) do check(name) end
            for name, value in pairs(cadence.Application) do
              if type(value) == 'function' and not name:match('^__') then check('app:' .. name) end
            end
            for name, value in pairs(cadence.Date) do
              if type(value) == 'function' and not name:match('^__') then
                if not (help.has('date:' .. name) or help.has('date.' .. name)) then missing[#missing + 1] = 'date:' .. name end
              end
            end
            local records = 0
            for record, fields in pairs(host.record_fields()) do
              records = records + 1
              check(record)
              for _, field in ipairs(fields.names) do check(record .. '.' .. field) end
            end
            table.sort(missing)
            return table.concat(missing, ', '), records
            """)
        #expect(missing[0] == LuaValue(""), "no help for: \(missing[0])")
        #expect(missing[1] == .integer(6))
    }

    @Test("help() names the records, slide and send_on; help of a record lists its fields; a field's help is one line")
    func texts() throws {
        let texts = try harness.run("""
            local help = require 'cadence.help'
            local a = cadence.app('acme')
            return help(), help(a), help('application.deadline'), help('proposal'), help('calendar'),
                   help(a:timeline()[1]), help('application.srouce'), help('\\27[2J')
            """).map { $0.stringValue ?? "" }
        #expect(texts[0].contains("Records: application, event, contact, offer, candidate, decision"))
        #expect(texts[0].contains("slide") && texts[0].contains("send_on"))
        #expect(texts[1].hasPrefix("An application: its fields") && texts[1].contains("  deadline  ") && texts[1].contains("app:log(kind, details)"))
        #expect(texts[2] == "application.deadline: the Date they will decide by (--deadline)")
        #expect(texts[3].contains("slide (optional): which way a closed day moves it"))
        #expect(texts[4].contains("send_on (optional): only these weekdays"))
        #expect(texts[5].hasPrefix("An event: its fields") && texts[5].contains("message_kind"))
        #expect(texts[6] == "no field 'srouce' on an application (did you mean 'source'?)")
        #expect(texts[7] == #"no help for \u{1b}[2J; help() lists what there is"#)
    }
}
