import CadenceCore
@testable import CadenceStore
import Foundation
import LuaBinding
import Testing
@testable import CadenceScripting

/// Runs Lua against a demo workspace dated 2 March 2026 (a Monday).
struct APIHarness {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cadence-api-\(UUID().uuidString)").path
    let store: Store
    static let today = try! LocalDate(iso: "2026-03-02")

    init() throws {
        store = try Workspace(directory: directory).create()
        try store.writeDatabase { db in try DemoSearch.build(today: APIHarness.today.noon(in: "Europe/London"), db) }
    }

    /// Runs `code` as a script does: its writes commit when it succeeds and
    /// roll back when it fails.
    func run(_ code: String, name: String = "=test.lua", asOf: String? = nil) throws -> [LuaValue] {
        let lua = try LuaState()
        let day = try asOf.map { try LocalDate(iso: $0) } ?? APIHarness.today
        return try store.session { ws in
            let api = try WorkspaceAPI.install(in: lua, workspace: ws, folder: directory, asOf: day)
            do {
                let results = try lua.run("cadence = require 'cadence'\n" + code, name: name)
                try api.transaction.finish(success: true)
                return results
            } catch {
                try api.transaction.finish(success: false)
                throw error
            }
        }
    }

    func eventCount() throws -> Int { try store.readDatabase { db in try Event.fetchCount(db) } }
}

import GRDB

@Suite("The cadence Lua API")
struct WorkspaceAPITests {
    let harness = try! APIHarness()

    @Test("the whole search in one read equals the applications and timelines read one by one")
    func search() throws {
        // An event late in the day, with names that need JSON quoting.
        _ = try harness.run("cadence.app('hooli'):log('interview', { at = '2026-03-02T23:30', with = { 'A, B', 'Zoë' } })")
        let result = try harness.run("""
            local search = cadence.search()
            local function same(a, b)
              for k, v in pairs(a) do
                if type(v) == "table" and getmetatable(v) == nil then
                  if #v ~= #b[k] then return false, k end
                  for i = 1, #v do if v[i] ~= b[k][i] then return false, k end end
                elseif v ~= b[k] then return false, k end
              end
              for k in pairs(b) do if a[k] == nil then return false, k end end
              return true
            end
            local apps, n = cadence.apps(), 0
            for i, app in ipairs(search.apps) do
              local ok, field = same(app, apps[i])
              if not ok then return "application " .. app.id .. " differs in " .. field end
              local one, all = app:timeline(), search.timelines[app.id] or {}
              if #one ~= #all then return "timeline " .. app.id .. " has " .. #all .. " events, not " .. #one end
              for j = 1, #one do
                local ok, field = same(one[j], all[j])
                if not ok then return "event " .. one[j].id .. " differs in " .. field end
                n = n + 1
              end
            end
            return n
            """)
        #expect((result.first?.integerValue ?? 0) > 25, "\(result)")
    }

    @Test("events reach Lua from the rows as GRDB's own decoding reads them: escaped names, other time formats")
    func eventsFromRows() throws {
        // Rows another program might have written: names with JSON escapes,
        // times without milliseconds or as ISO 8601 with a zone.
        try harness.store.writeDatabase { db in
            try db.execute(sql: """
                INSERT INTO event (applicationID, kind, at, "with", notes) VALUES
                  (1, 'note', '2026-03-01 09:15:00', '["O\\"Brien","back\\\\slash","Z\\u00f6e"]', 'escaped'),
                  (1, 'note', '2026-03-01T23:30:00.250Z', '[]', 'iso'),
                  (1, 'message-sent', '2026-03-01 08:00:00.000', '[]', NULL)
                """)
        }
        let zones = try harness.store.readDatabase { db in try Queries.timeZonesByApplication(db) }
        let expected = try harness.store.readDatabase { db in try Event.fetchAll(db, sql: "SELECT * FROM event ORDER BY applicationID, at, id") }
            .map { e in
                [String(e.id!), e.kind.rawValue, Timestamps.format(e.at), e.with.joined(separator: ","), e.channel ?? "-",
                 e.messageKind ?? "-", e.round ?? "-", e.nextStep ?? "-", e.due?.description ?? "-", e.stage?.rawValue ?? "-",
                 e.corrects.map(String.init) ?? "-", e.notes ?? "-", LocalDate(e.at, in: zones[e.applicationID] ?? "UTC").description]
                    .joined(separator: "|")
            }
        let read = try harness.run("""
            local rows, search = {}, cadence.search()
            local ids = {}
            for id in pairs(search.timelines) do ids[#ids + 1] = id end
            table.sort(ids)
            for _, id in ipairs(ids) do
              for _, e in ipairs(search.timelines[id]) do
                local function s(v) return v == nil and "-" or tostring(v) end
                rows[#rows + 1] = table.concat({ e.id, e.kind, e.at, table.concat(e.with, ","), s(e.channel), s(e.message_kind),
                  s(e.round), s(e.next_step), s(e.due), s(e.stage), s(e.corrects), s(e.notes), tostring(e.day) }, "|")
              end
            end
            return table.concat(rows, "\\n")
            """)
        let lines = read.first?.stringValue?.split(separator: "\n").map(String.init) ?? []
        #expect(lines.count == expected.count)
        for (got, wanted) in zip(lines, expected) { #expect(got == wanted) }
        #expect(lines.contains { $0.contains("|O\"Brien,back\\slash,Zöe|") })
    }

    @Test("a search's events of one day share one Date, and a Date refuses new fields")
    func sharedDays() throws {
        let result = try harness.run("""
            -- Acme: the interview and the promise made at it, on 2 March.
            local acme = cadence.search().timelines[1]
            local interview, promise = acme[#acme - 1], acme[#acme]
            local a, b = interview.day, interview.day + 0
            local ok, message = pcall(function() a.note = "mine" end)
            return rawequal(interview.day, promise.day), tostring(a), rawequal(a, b), a == b, ok, message
            """)
        #expect(result.count == 6)
        #expect(result[0] == true && result[1] == "2026-03-02" && result[2] == false && result[3] == true && result[4] == false)
        #expect(result[5].stringValue?.hasSuffix("a date cannot be changed: it is a value (make another with + or -)") == true)
    }

    @Test("an item's ref is FNV-1a of its application and key, as it has always been")
    func refs() throws {
        let result = try harness.run("""
            local policy = require "cadence.policy"
            local function fnv(app_id, key)
              local h = 2166136261
              local text = tostring(app_id) .. "|" .. key
              for i = 1, #text do h = ((h ~ text:byte(i)) * 16777619) & 0xffffffff end
              return ("%06x"):format(h >> 8)
            end
            for _, case in ipairs{ { 1, "status 1|2026-03-09" }, { 42, "thank-you|Zoë Jöns|2026-03-02" }, { 7, "" },
                                   { 123456, ("long key "):rep(40) } } do
              local ours, theirs = policy.ref(case[1], case[2]), fnv(case[1], case[2])
              if ours ~= theirs then return case[2] .. ": " .. ours .. " ~= " .. theirs end
            end
            return "same"
            """)
        #expect(result == ["same"])
    }

    @Test("queries read like Lua: by stage, company, tag, and silence")
    func queries() throws {
        #expect(try harness.run("return #cadence.apps()") == [8])
        #expect(try harness.run("return cadence.apps{ stage = 'interviewing' }[1].company") == ["Acme Analytics"])
        #expect(try harness.run("return #cadence.apps{ stage = { 'final', 'offer' } }") == [3])
        #expect(try harness.run("return cadence.apps{ company = 'north' }[1].role") == ["BI Developer"])
        #expect(try harness.run("return cadence.apps{ tag = 'maybe' }[1].company") == ["Hooli"])
        // Quiet for two weeks, counted from the last word from them: Northwind (21 days), Umbrella (the
        // interview 50 days ago: the four follow-ups since were yours); not Initech, whose offer came 3 days ago.
        #expect(try harness.run("""
            local names = {}
            for _, a in ipairs(cadence.apps{ quiet = '2 weeks', open = true }) do names[#names + 1] = a.company end
            return table.concat(names, ',')
            """) == ["Northwind Logistics,Umbrella Health"])
        #expect(try harness.run("""
            local u = cadence.app('umbrella')
            return tostring(u.last_from_them), tostring(u.last_by_you), tostring(u.last_contact)
            """) == ["2026-01-11", "2026-02-08", "2026-02-08"])
    }

    @Test("the stages and which of them end an application come from the workspace's own rules, not a copy in Lua")
    func stages() throws {
        #expect(try harness.run("return #cadence.stages, cadence.stages[1], cadence.stages.terminal.rejected, cadence.stages.terminal.ghosted")
            == [12, "saved", true, .nil])
    }

    @Test("today is the candidate's day, in their time zone, for commands and scripts alike")
    func todayInTheCandidatesZone() throws {
        let lateInLondon = Date(timeIntervalSince1970: 1_772_494_200)  // 2026-03-02 23:30 UTC
        #expect(try harness.store.read { try $0.today(ofApplication: 1, now: lateInLondon) }.description == "2026-03-02")
        try harness.store.write("move") { ws in
            var alex = try ws.candidate(nil)
            alex.timeZone = "Asia/Tokyo"
            try ws.update(alex)
            #expect(try ws.today(ofApplication: 1, now: lateInLondon).description == "2026-03-03")
            #expect(try ws.today(of: try ws.application("acme"), now: lateInLondon).description == "2026-03-03")
        }
    }

    @Test("the named stage sets are Stage's, exported as sets")
    func stageSets() throws {
        let sets: [(String, Set<Stage>)] = [
            ("terminal", Stage.terminal), ("ended_by_you", Stage.endedByYou), ("being_assessed", Stage.beingAssessed),
            ("interview_rounds", Stage.interviewRounds), ("with_offer", Stage.withOffer), ("decided", Stage.decided),
        ]
        for (name, set) in sets {
            let got = try harness.run("""
                local names = {}
                for stage, yes in pairs(cadence.stages.\(name)) do if yes == true then names[#names + 1] = stage end end
                table.sort(names)
                return table.concat(names, ',')
                """)
            #expect(got == [LuaValue(set.map(\.rawValue).sorted().joined(separator: ","))], "\(name)")
        }
    }

    @Test("the fact topics are FactTopic's: names, aliases, words and questions, in order, and by name")
    func factTopics() throws {
        let got = try harness.run("""
            local lines = {}
            for i, t in ipairs(cadence.fact_topics()) do
              lines[i] = table.concat({ t.name, table.concat(t.aliases, '/'), table.concat(t.covered_by, '/'), t.question }, '|')
            end
            return table.concat(lines, '\\n'), cadence.fact_topics().relocation.question
            """)
        let expected = FactTopic.allCases.map {
            // In the words of the demo's candidate's region, the UK.
            [$0.rawValue, $0.aliases.joined(separator: "/"), $0.coveredBy.joined(separator: "/"), $0.question(in: .uk)].joined(separator: "|")
        }
        #expect(got == [LuaValue(expected.joined(separator: "\n")), LuaValue(FactTopic.relocation.question)])
    }

    @Test("Lua's dates are LocalDate's on every day of the range, and the days beyond it are refused")
    func datesAgreeWithSwift() throws {
        // Walks 1900-01-01 to 2200-12-31 by + 1, each day read back from its text.
        let got = try harness.run("""
            local first, last = cadence.date('1900-01-01'), cadence.date('2200-12-31')
            local lines, d, i = {}, first, 0
            while true do
              i = i + 1
              local read = cadence.date(d:iso())
              local same = read == d and read - first == i - 1 and tostring(d) == d:iso()
                and d:iso() == ('%04d-%02d-%02d'):format(d.year, d.month, d.day)
              lines[i] = ('%s|%s|%s|%s|%s'):format(d, d:short(), d.weekday, d:is_weekend(), same)
              if d == last then break end
              d = d + 1
            end
            return table.concat(lines, '\\n'), first:day_number(), last - first
            """)
        let first = LocalDate.earliest.dayNumber
        let days = (first...LocalDate.latest.dayNumber).map { LocalDate(dayNumber: $0) }
        let expected = days.map { "\($0)|\($0.shortText)|\(String(describing: $0.weekday))|\($0.weekday.isWeekend)|true" }
        #expect(got.count == 3)
        #expect(got[0] == LuaValue(expected.joined(separator: "\n")))
        #expect(got[1] == LuaValue(first) && got[2] == LuaValue(days.count - 1))
        // Beyond either edge, by arithmetic, by text or by day number: refused, saying which years are kept.
        let refused = try harness.run("""
            local messages = {}
            for i, f in ipairs{
              function() return cadence.date('1900-01-01') - 1 end, function() return cadence.date('2200-12-31') + 1 end,
              function() return 1 + cadence.date('2200-12-31') end, function() return cadence.date('1899-12-31') end,
              function() return cadence.date('2201-01-01') end,
              function() return cadence.Date.from_day_number(cadence.date('1900-01-01'):day_number() - 1) end,
            } do
              local ok, message = pcall(f)
              messages[i] = ok and 'accepted' or tostring(message)
            end
            return table.unpack(messages)
            """)
        #expect(refused.count == 6)
        for message in refused { #expect(message.stringValue?.contains("beyond the dates Cadence keeps (years 1900–2200)") == true, "\(message)") }
        #expect(refused[1].stringValue?.contains("'2200-12-31 + 1' is beyond") == true, "\(refused[1])")
    }

    @Test("objects have readable fields, print as a summary, compare with ==, and iterate with pairs")
    func objects() throws {
        #expect(try harness.run("local a = cadence.app('acme') return a.company, a.stage, a.interest, tostring(a)")
            == ["Acme Analytics", "interviewing", 5, "Acme Analytics: Senior Data Analyst (interviewing since 2026-03-02)"])
        #expect(try harness.run("return cadence.app('acme') == cadence.app(1), cadence.app('acme') == cadence.app('globex')") == [true, false])
        #expect(try harness.run("local n = 0 for k in pairs(cadence.app('acme')) do n = n + 1 end return n > 10") == [true])
        #expect(try harness.run("return tostring(cadence.app('acme'):timeline()[4])")
            == ["2026-03-02  next-step with Helen Jones: \"call me in two weeks\" -> 2026-03-16"])
        #expect(try harness.run("return cadence.app('acme'):contacts()[2].discussed")
            == ["automating month-end reporting before the spring audit"])
        #expect(try harness.run("return cadence.app('initech'):offers()[1].benefits.holiday") == ["28 days"])
    }

    @Test("dates compare, add and subtract, and read words")
    func dates() throws {
        #expect(try harness.run("""
            local d = cadence.date
            return tostring(d('2026-03-02') + 14), d('2026-03-16') - d('2026-03-02'), d('2026-03-02') < d('2026-03-03'),
                   tostring(cadence.today() + cadence.weeks(2)), tostring(d('next friday')), tostring(d('2 weeks')),
                   d('2026-03-07'):is_weekend(), d('2026-03-02').weekday
            """) == ["2026-03-16", 14, true, "2026-03-16", "2026-03-06", "2026-03-16", true, "monday"])
        #expect { try harness.run("local d = cadence.date('2026-02-30')", name: "@dates.lua") } throws: {
            "\($0)".hasPrefix("dates.lua:2: '2026-02-30': there is no day 30 in February 2026")
        }
    }

    @Test("scripts write as the commands do: add_app logs the application, edit, contacts, offers, archive")
    func writes() throws {
        let result = try harness.run("""
            local a = cadence.add_app{ company = "Cyberdyne Systems", role = "Analyst", applied = "2026-02-27", tags = { "remote" } }
            local stage = a.stage
            a:edit{ notes = "met at a meetup", facts = { moving = "paid in full" } }
            local c = a:add_contact{ name = "Lucius Fox", role = "hiring-manager" }
            local o = a:add_offer{ base = "60000 GBP", bonus = "6000", benefits = { holiday = "25 days" }, respond_by = "2026-03-13",
                                   at = "2026-03-01" }
            a:archive()
            local hidden = #cadence.apps({ company = "Cyberdyne" })
            a:archive(false)
            return stage, a.notes, a.facts.relocation, c.role, tostring(o.respond_by), hidden, #cadence.apps({ company = "Cyberdyne" }),
                   a:timeline()[#a:timeline()].kind
            """)
        #expect(result == ["applied", "met at a meetup", "paid in full", "hiring-manager", "2026-03-13", 0, 1, "offer-received"])
        #expect { try harness.run("cadence.add_app{ company = 'Cyberdyne Systems', role = 'Analyst' }", name: "@w.lua") } throws: {
            "\($0)".contains("already application") && "\($0)".contains("again = true")
        }
        #expect { try harness.run("cadence.app('acme'):edit{ notse = 'x' }", name: "@w.lua") } throws: {
            "\($0)".hasPrefix("w.lua:2: edit{…}: unknown field 'notse' (did you mean 'notes'?)")
        }
        #expect { try harness.run("cadence.add_app{ company = 'X' }", name: "@w.lua") } throws: {
            "\($0)".hasPrefix("w.lua:2: add_app{…}: 'role' is needed")
        }
    }

    @Test("an unknown name is an error at the caller's line, with a suggestion")
    func unknownName() throws {
        #expect {
            try harness.run("local x = 1\nlocal a = cadence.app('Acme Corp')", name: "@apps.lua")
        } throws: { error in
            (error as? LuaError)?.message == "apps.lua:3: no application named 'Acme Corp' (did you mean 'Acme Analytics'?)"
        }
    }

    @Test("log writes the timeline and refreshes the object: the stage follows")
    func log() throws {
        #expect(try harness.run("""
            local a = cadence.app('hooli')
            local before = a.stage
            a:log('applied')
            local e = a:log('interview', { with = { 'Ms. Lee' }, next_step = 'call me in two weeks' })
            return before, a.stage, e.kind, tostring(a:timeline()[#a:timeline()].due)
            """) == ["saved", "interviewing", "interview", "2026-03-16"])
        #expect { try harness.run("cadence.app('hooli'):log('banana')", name: "@log.lua") } throws: {
            "\($0)".hasPrefix("log.lua:2: kind: unknown event 'banana'")
        }
    }

    @Test("a script's writes are atomic: an error anywhere undoes all of them")
    func atomicScripts() throws {
        let before = try harness.eventCount()
        #expect(throws: LuaError.self) {
            try harness.run("""
                cadence.app('hooli'):log('applied')
                cadence.app('acme'):log('reply-received')
                error('changed my mind')
                """)
        }
        #expect(try harness.eventCount() == before)
        _ = try harness.run("cadence.app('hooli'):log('applied') cadence.app('acme'):log('reply-received')")
        #expect(try harness.eventCount() == before + 2)
    }

    @Test("transaction(fn) undoes just its own part when it fails")
    func nestedTransactions() throws {
        let before = try harness.eventCount()
        #expect(try harness.run("""
            cadence.app('hooli'):log('applied')
            local ok = pcall(cadence.transaction, function()
              cadence.app('acme'):log('reply-received')
              error('oops')
            end)
            return ok
            """) == [false])
        #expect(try harness.eventCount() == before + 1)
    }

    @Test("require finds modules in the workspace's scripts folder")
    func workspaceModules() throws {
        try FileManager.default.createDirectory(atPath: harness.directory + "/scripts", withIntermediateDirectories: true)
        try "return { greet = function(name) return 'hi ' .. name end }".write(
            toFile: harness.directory + "/scripts/mine.lua", atomically: true, encoding: .utf8)
        #expect(try harness.run("return require('mine').greet('Jo')") == ["hi Jo"])
    }
}
