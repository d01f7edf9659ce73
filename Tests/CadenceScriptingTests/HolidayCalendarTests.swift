import Foundation
import Testing
import CadenceCore
import LuaBinding

/// Scripts/holidays/*.lua, the public holiday calendars computed by rule,
/// checked year by year against PyPI's `holidays` package (0.109) run as an
/// oracle by Oracle/holiday_oracle.py. Without python3 or the package the
/// tests fail: tools/install-dependencies installs it.
@Suite("Holiday calendars against the holidays package")
struct HolidayCalendarTests {
    let harness = try! APIHarness()

    /// The oracle's holidays that no rule can give, by country and name
    /// (as the oracle names them, "(estimated)" included), and why. Each
    /// must still be among the oracle's days: a name it stops giving is
    /// taken off this list, not kept as a blanket skip.
    static let exceptions: [String: [String: String]] = {
        let lunar = "a festival of a lunar or lunisolar calendar, fixed each year by the government's list (holidays.in says so)"
        let hijri = "an Islamic holiday set by the sighting of the moon, which the oracle estimates beyond its tables (holidays.in says so)"
        var india: [String: String] = [:]
        for name in ["Holi", "Ram Navami", "Mahavir Jayanti", "Buddha Purnima", "Janmashtami (Vaishnava)", "Dussehra",
                     "Dussehra (Mahanavami)", "Diwali (Deepavali)", "Guru Nanak's Jayanti", "Maha Shivaratri"] {
            india[name] = lunar
        }
        for name in ["Id-ul-Fitr", "Id-ul-Zuha (Bakrid)", "Muharram", "Milad-un-Nabi"] {
            india[name] = hijri
            india[name + " (estimated)"] = hijri
        }
        return ["in": india]
    }()

    static let oracle = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Oracle/holiday_oracle.py").path

    /// The oracle's output for `arguments`, or a failure naming why it did not run.
    static func runOracle(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", oracle] + arguments
        // Its errors go to a file, not a second pipe: reading one pipe to its end while the
        // other fills would hang the test instead of failing it.
        let output = Pipe()
        let errorsFile = FileManager.default.temporaryDirectory.appendingPathComponent("holiday-oracle-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errorsFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorsFile) }
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorsFile)
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let err = (try? Data(contentsOf: errorsFile)) ?? Data()
        guard process.terminationStatus == 0 else {
            throw OracleFailure(message: "the oracle (\(arguments.joined(separator: " "))) failed: " + String(decoding: err, as: UTF8.self))
        }
        return String(decoding: out, as: UTF8.self)
    }

    struct OracleFailure: Error, CustomStringConvertible { let message: String; var description: String { message } }

    /// The Lua calendar's days of `first`...`last` as the oracle prints them.
    func calendar(_ code: String, _ first: Int, _ last: Int) throws -> [String] {
        let result = try harness.run("""
            local calendar = require "holidays.\(code)"
            local lines = {}
            for year = \(first), \(last) do
              for _, day in ipairs(calendar.days(year)) do lines[#lines + 1] = day.date .. "\\t" .. day.name end
            end
            return table.concat(lines, "\\n")
            """)
        return (result.first?.stringValue ?? "").split(separator: "\n").map(String.init)
    }

    @Test("each region's calendar gives the oracle's days and names, every year it covers within 1900-2200",
          arguments: Region.allCases)
    func matchesOracle(region: Region) throws {
        try compare(region.code, oracle: region.code.uppercased())
    }

    @Test("England and Wales's calendar gives the oracle's for England")
    func england() throws {
        try compare("gb_eng", oracle: "GB/ENG")
    }

    /// holidays.`code` against the oracle's calendar `oracle` ("US", "GB/ENG").
    func compare(_ code: String, oracle: String) throws {
        let text = try Self.runOracle([oracle, "1900", "2200"])
        var lines = text.split(separator: "\n").map(String.init)
        let years = lines.removeFirst().split(separator: "\t")
        let first = Int(years[1])!, last = Int(years[2])!
        #expect(first <= 1991 && last >= 2100, "the oracle covers \(first)-\(last)")
        let exceptions = Self.exceptions[code] ?? [:]
        var excepted = Set<String>()
        let expected = lines.filter { line in
            let name = String(line.split(separator: "\t", maxSplits: 1)[1])
            if exceptions[name] != nil { excepted.insert(name); return false }
            return true
        }
        let got = try calendar(code, first, last)
        let missing = Set(expected).subtracting(got).sorted(), extra = Set(got).subtracting(expected).sorted()
        #expect(missing.isEmpty && extra.isEmpty,
                "\(code) \(first)-\(last): missing \(missing.prefix(12)), not in the oracle \(extra.prefix(12))")
        #expect(got.count == expected.count, "\(code): a day listed twice")
        #expect(Set(exceptions.keys) == excepted, "exceptions the oracle no longer gives: \(Set(exceptions.keys).subtracting(excepted))")
    }

    @Test("Easter by the Gregorian computus, 1900-2200, as dateutil computes it")
    func easter() throws {
        let expected = try Self.runOracle(["easter", "1900", "2200"]).split(separator: "\n").map(String.init)
        let result = try harness.run("""
            local rules = require "holidays.rules"
            local out = {}
            for year = 1900, 2200 do out[#out + 1] = rules.iso(rules.easter(year)) end
            return table.concat(out, "\\n")
            """)
        #expect((result.first?.stringValue ?? "").split(separator: "\n").map(String.init) == expected)
    }

    @Test("every calendar gives every year of 1900-2200 in date order, and refuses a year outside it")
    func wholeRange() throws {
        for (module, code, name) in Region.allCases.map({ ($0.holidayModule, $0.code, $0.name) })
            + [("holidays.gb_eng", "gb_eng", "England and Wales")] {
            let result = try harness.run("""
                local calendar = require "\(module)"
                local count = 0
                for year = 1900, 2200 do
                  local last = ""
                  for _, day in ipairs(calendar.days(year)) do
                    assert(day.date:sub(1, 4) == tostring(year), day.date)
                    assert(day.date >= last, day.date .. " after " .. last)
                    assert(type(day.name) == "string" and #day.name > 0)
                    last, count = day.date, count + 1
                  end
                end
                local ok, why = pcall(calendar.days, 2201)
                return count, calendar.code, calendar.name, ok, why
                """)
            #expect((result[0].integerValue ?? 0) > 301 * 3, "\(code)")
            #expect(result[1].stringValue == code && result[2].stringValue == name)
            #expect(result[3] == .boolean(false))
            #expect(result[4].stringValue?.contains("\(module) covers 1900 to 2200, not 2201") == true, "\(result[4])")
        }
    }

    @Test("the rules' weekdays and nth weekdays agree with the host's calendar")
    func weekdays() throws {
        let result = try harness.run("""
            local rules = require "holidays.rules"
            local wrong = {}
            for n = rules.day(1900, 1, 1), rules.day(2200, 12, 31), 13 do
              local iso = rules.iso(n)
              local d = cadence.date(iso)
              if d.weekday ~= rules.weekday(n) or rules.parse(iso) ~= n then wrong[#wrong + 1] = iso end
            end
            -- The last Monday of May 2026 and of a May with five Mondays; the 4th Thursday of November.
            return #wrong, rules.iso(rules.nth(2026, 5, "monday", -1)), rules.iso(rules.nth(2027, 5, "monday", -1)),
                   rules.iso(rules.nth(2026, 11, "thursday", 4)), rules.iso(rules.nth(2100, 12, "friday", -1))
            """)
        #expect(result.map { $0.integerValue.map(String.init) ?? $0.stringValue ?? "" }
                == ["0", "2026-05-25", "2027-05-31", "2026-11-26", "2100-12-31"])
    }

    @Test("cadence.region gives the demo candidate's region, a named one, or an error naming the nearest")
    func regionInLua() throws {
        let result = try harness.run("""
            local r = cadence.region()
            local us = cadence.region("usa")
            local ok, why = pcall(cadence.region, "Germny")
            local days = cadence.region(cadence.app("hooli")).holidays(2026)
            local calendar = require("cadence.calendar").new({ holidays = { "2026-12-24" } }):for_app(cadence.app("hooli"))
            local listed = calendar:holidays_of(2026)
            return table.concat({ r.code, r.name, r.currency, r.date_order, r.week_start, r.holiday_module, r.benefits.paid_leave,
                                  r.benefits.retirement, us.code, us.date_order, us.week_start, us.benefits.paid_leave,
                                  tostring(us.benefits.statutory_leave_days), tostring(ok), why, days[#days].name,
                                  #listed, listed[#listed - 3].date, cadence.fact_topics("us").benefits.question,
                                  table.concat(cadence.regions(), ",") }, "|")
            """)
        #expect(result.first?.stringValue == [
            "gb", "the United Kingdom", "GBP", "dmy", "monday", "holidays.gb", "holiday", "pension",
            "us", "mdy", "sunday", "PTO", "nil", "false",
            "'Germny' is not a region Cadence knows (did you mean 'Germany'?); known: us, ca, gb, ie, de, fr, nl, in, au",
            "Boxing Day (observed)", "8", "2026-12-24",
            "What benefits come with the role: 401(k) match, health insurance premium, PTO?", "us,ca,gb,ie,de,fr,nl,in,au",
        ].joined(separator: "|"))
    }
}
