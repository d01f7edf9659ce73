import LuaBinding
import Testing
@testable import CadenceScripting

/// What Swift exports to Lua cannot be bent by a script: a day number past
/// the calendar is refused before any arithmetic, the stage sets are the
/// house's rule for every policy in a run, and a mistake is reported at the
/// script's own line.
@Suite("Exported rules hold against a script")
struct RuleExportTests {
    let harness = try! APIHarness()

    /// The message of the error `code` raises (the harness puts one line,
    /// `cadence = require 'cadence'`, before the code: its line 1 is line 2).
    func failure(_ code: String) -> String {
        do {
            _ = try harness.run(code)
            return "(no error)"
        } catch let error as LuaError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    @Test("a day number beyond 1900–2200 is refused by the calendar, not trapped in its arithmetic")
    func dayNumberEdges() throws {
        let huge = failure("return require('cadence.host').date_parts(math.maxinteger)")
        #expect(huge.contains("bad argument #1 to 'date_parts'") && huge.contains("years 1900–2200"), "\(huge)")
        let forged = failure("local d = cadence.today(); rawset(d, 'number', math.mininteger); return tostring(d)")
        #expect(forged.contains("beyond the dates Cadence keeps"), "\(forged)")
        // A forged Date in events handed to the host's stage rules is passed over, not computed with.
        let forged2 = try harness.run("return cadence.stage_of{ { kind = 'applied', day = setmetatable({ number = 1 << 60 }, getmetatable(cadence.today())) } }")
        #expect(forged2.map(\.description) == ["saved"])
        let edges = try harness.run("""
            local first, last = cadence.date("1900-01-01"), cadence.date("2200-12-31")
            return tostring(first), tostring(last), last - first
            """)
        #expect(edges.map(\.description) == ["1900-01-01", "2200-12-31", "109937"])
    }

    @Test("the stage sets are read-only: a policy that changes one is stopped, the next sees them whole, and a stage misspelt in a filter is named")
    func stagesReadOnly() throws {
        let changed = failure("cadence.stages.with_offer.offer = nil")
        #expect(changed.hasPrefix("test.lua:2:") && changed.contains("cadence.stages.with_offer is Cadence's rule"), "\(changed)")
        let replaced = failure("cadence.stages.terminal = {}")
        #expect(replaced.hasPrefix("test.lua:2:") && replaced.contains("cadence.stages is Cadence's rule"), "\(replaced)")
        let misspelt = failure("\nlocal found = cadence.apps{ stage = 'intervewing' }")
        #expect(misspelt.hasPrefix("test.lua:3: no stage named 'intervewing' (did you mean 'interviewing'?)"), "\(misspelt)")
        let read = try harness.run("""
            local names = {}
            for name in pairs(cadence.stages.with_offer) do names[#names + 1] = name end
            table.sort(names)
            return table.concat(names, ","), cadence.stages.terminal.rejected, #cadence.stages, cadence.stages[1]
            """)
        #expect(read.map(\.description) == ["negotiating,offer", "true", "12", "saved"])
    }

    @Test("a transaction's name from Lua never reaches SQL: only the innermost one the host opened can be ended")
    func savepointNames() throws {
        let injected = failure("return require('cadence.host').finish('x; DROP TABLE application', true)")
        #expect(injected.contains("no transaction named 'x; DROP TABLE application' is the innermost one open"), "\(injected)")
        let nested = try harness.run("""
            local ok = pcall(cadence.transaction, function() cadence.app("acme"):edit{ notes = "kept" } end)
            local failed = pcall(cadence.transaction, function() cadence.app("acme"):edit{ notes = "undone" }; error("no") end)
            return ok, failed, cadence.app("acme").notes, #cadence.apps()
            """)
        #expect(nested.map(\.description) == ["true", "false", "kept", "8"], "\(nested)")  // the demo's applications, all still there
    }

    @Test("date arithmetic past the range and comparing a date with a number are errors at the script's line")
    func dateErrorsAtTheLine() {
        let past = failure("local d = cadence.date('2200-12-31')\nreturn d + 1")
        #expect(past.hasPrefix("test.lua:3:") && past.contains("'2200-12-31 + 1' is beyond"), "\(past)")
        let before = failure("return cadence.date('1900-01-01') - 1")
        #expect(before.hasPrefix("test.lua:2:") && before.contains("'1900-01-01 - 1' is beyond"), "\(before)")
        let compared = failure("\nreturn cadence.date('2000-01-01') < 5")
        #expect(compared.hasPrefix("test.lua:3:") && compared.contains("a date compares with a date, not with number"), "\(compared)")
    }

    @Test("money too large to count and an unknown period are reported at the script's line, as lauxlib reports")
    func moneyErrorsAtTheLine() {
        let large = failure("\nreturn cadence.share_of(math.maxinteger, 2, 1)")
        #expect(large.hasPrefix("test.lua:3:") && large.contains("is too large to count"), "\(large)")
        let gap = failure("return cadence.total{ 1, nil, 3 }")
        #expect(gap.contains("a total is of a list of amounts, with no gaps or named entries"), "\(gap)")
        let weeks = failure("\nlocal w = cadence.weeks(math.maxinteger)")
        #expect(weeks.hasPrefix("test.lua:3:") && weeks.contains("weeks(n) is a whole number of weeks"), "\(weeks)")
        let fraction = failure("return cadence.days(1.5)")
        #expect(fraction.contains("days(n) is a whole number of days"), "\(fraction)")
        let period = failure("return cadence.money_text({ minorUnits = 100, currency = 'GBP' }, 'fortnight')")
        #expect(period.hasPrefix("test.lua:2: bad argument #2 to 'money_text'"), "\(period)")
    }
}
