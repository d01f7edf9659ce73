import CadenceCore
import CadenceSharing
import Foundation
import LuaBinding

/// The host functions of `require "cadence"` that need no workspace: the
/// calendar and dates in words, money, refs, stages and the fact topics.
/// The workspace's host and the isolated worker's host both have them, from
/// here. None reads the clock: "today" is the host's own (`today`), the
/// candidate's day in the workspace and the day sent to the worker.
enum HostFunctions {
    static func pure(in lua: LuaState) throws -> [String: LuaValue] {
        var host: [String: LuaValue] = [:]
        var failure: Error?
        func add(_ name: String, _ body: @escaping LuaCallback) {
            do { host[name] = .function(try lua.function(body)) } catch { failure = error }
        }
        let encoder = LuaValueEncoder()
        // The stage of events that exist only in Lua (a simulation's), by
        // StageHistory's rules: events are ordered by day, then id.
        func events(_ list: LuaTable) -> [Event] {
            list.array.compactMap { value in
                guard let e = value.tableValue, let kind = e["kind"].stringValue.flatMap(EventKind.init(rawValue:)),
                      let day = ObjectClasses.day(of: e["day"]) else { return nil }
                return Event(id: e["id"].integerValue, applicationID: 0, kind: kind,
                             at: day.noon(in: "UTC"), round: e["round"].stringValue,
                             stage: e["stage"].stringValue.flatMap(Stage.init(rawValue:)), corrects: e["corrects"].integerValue)
            }
        }
        add("stage") { args in .one(LuaValue(StageHistory(events: events(try args.table(1))).current.rawValue)) }
        // The dated stage changes of a list of events: { { stage, day = "YYYY-MM-DD" }, … } (the report's dwell times).
        add("stage_history") { args in
            let changes = StageHistory(events: events(try args.table(1))).changes
            return .one(.table(LuaTable(array: changes.map { change in
                var t = LuaTable()
                t["stage"] = LuaValue(change.stage.rawValue)
                t["day"] = LuaValue(LocalDate(change.at, in: "UTC").description)
                return .table(t)
            })))
        }
        // An agenda item's short name (policy.ref): FNV-1a of the text, its
        // top 24 bits in hex. Here rather than in Lua, where the loop over
        // bytes cost a tenth of planning.
        // `digits` (6 by default, at most 8) hex digits of it: a longer ref for one that collides.
        add("ref") { args in
            var hash: UInt32 = 2_166_136_261
            for byte in try args.bytes(1) { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            let digits = max(6, min(8, Int(args.isNil(2) ? 6 : try args.integer(2))))
            let hex = String(hash >> UInt32(32 - 4 * digits), radix: 16)
            return .one(LuaValue(String(repeating: "0", count: digits - hex.count) + hex))
        }
        // The calendar, for Lua's Date (Scripts/cadence/init.lua), which holds
        // a day number and nothing else: LocalDate owns the arithmetic, the
        // range and the words.
        // The first and last day numbers a date may have (LocalDate.years).
        add("date_range") { _ in [LuaValue(LocalDate.earliest.dayNumber), LuaValue(LocalDate.latest.dayNumber)] }
        // "YYYY-MM-DD" as a day number, or nil (not such a date, or beyond the range).
        add("day_number") { args in
            let text = try args.string(1)
            return .one((try? LocalDate(iso: text)).map { LuaValue($0.dayNumber) } ?? .nil)
        }
        // A day number's year, month, day, weekday ("monday"), "YYYY-MM-DD", "Mon 2 Mar" and whether it is a weekend.
        add("date_parts") { args in
            let day = LocalDate(dayNumber: Int(try args.integer(1)))
            return [LuaValue(day.year), LuaValue(day.month), LuaValue(day.day), LuaValue(String(describing: day.weekday)),
                    LuaValue(day.description), LuaValue(day.shortText), .boolean(day.weekday.isWeekend)]
        }
        // Why `what` (a date made by arithmetic, in words) is refused.
        add("beyond_dates") { args in .one(LuaValue(LocalDate.outOfRange(try args.string(1)))) }
        // A date phrase ("friday next week", "in a fortnight") counted from
        // the day given; leaning "past" reads a bare weekday as the last one.
        add("date") { args in
            let text = try args.string(1)
            let from = try LocalDate(iso: try args.string(2))
            let lean: DatePhrase.Lean = try args.optionalString(3) == "past" ? .past : .future
            do { return .one(LuaValue(try DatePhrase.date(text, from: from, lean: lean).description)) }
            catch let error as DomainError { return [.nil, LuaValue(error.reason)] }
        }
        // An amount as people write it ("£1,200", "12 GBP"), exact: { minorUnits, currency }.
        add("money") { args in
            let text = try args.string(1)
            let currency = try args.optionalString(2)
            do { return .one(try encoder.encode(try Money(parsing: text, defaultCurrency: currency, field: "amount"))) }
            catch let error as DomainError { return [.nil, LuaValue(error.reason)] }
        }
        for (name, body) in MoneyFunctions.all { add(name, body) }
        // The candidate closest to a word, for "did you mean …?" (NearMiss owns the measure).
        add("nearest") { args in
            let word = try args.string(1)
            let candidates = try args.table(2).array.compactMap(\.stringValue)
            return .one(NearMiss.nearest(to: word, among: candidates).map { LuaValue($0) } ?? .nil)
        }
        // The stages, in order, and the named sets of them the policies read,
        // each a set ({ offer = true, … }): Stage owns them all.
        add("stages") { _ in
            func set(_ stages: Set<Stage>) -> LuaValue {
                var t = LuaTable()
                for stage in stages { t[stage.rawValue] = .boolean(true) }
                return .table(t)
            }
            var stages = LuaTable(array: Stage.allCases.map { LuaValue($0.rawValue) })
            stages["terminal"] = set(Stage.terminal)
            stages["ended_by_you"] = set(Stage.endedByYou)
            stages["being_assessed"] = set(Stage.beingAssessed)
            stages["interview_rounds"] = set(Stage.interviewRounds)
            stages["with_offer"] = set(Stage.withOffer)
            stages["decided"] = set(Stage.decided)
            return .one(.table(stages))
        }
        // Rule 12's topics in order, each { name, aliases, covered_by, question } (FactTopic owns the list).
        add("fact_topics") { _ in
            func texts(_ list: [String]) -> LuaValue { .table(LuaTable(array: list.map { LuaValue($0) })) }
            return .one(.table(LuaTable(array: FactTopic.allCases.map { topic in
                var t = LuaTable()
                t["name"] = LuaValue(topic.rawValue)
                t["aliases"] = texts(topic.aliases)
                t["covered_by"] = texts(topic.coveredBy)
                t["question"] = LuaValue(topic.question)
                return .table(t)
            })))
        }
        // What a shared package may read, by record, and what it is always given: ReadableFields owns both.
        add("readable_fields") { _ in
            func table(_ lists: [String: [String]]) -> LuaValue {
                var t = LuaTable()
                for (record, names) in lists { t[record] = .table(LuaTable(array: names.map { LuaValue($0) })) }
                return .table(t)
            }
            var fields = LuaTable()
            fields["declarable"] = table(ReadableFields.declarable)
            fields["always"] = table(ReadableFields.always)
            return .one(.table(fields))
        }
        if let failure { throw failure }
        return host
    }

    /// The text of the Lua file at `path`, or nil when there is none: the
    /// host reads a user's scripts (cadence.lua, drafts.lua), and Lua
    /// compiles them as text, so that no policy needs io or dofile.
    static func scriptText(_ path: String) throws -> LuaValue? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return nil }
        guard !isFolder.boolValue else { throw LuaError(kind: .runtime, message: "\(path) is a folder, not a Lua file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LuaError(kind: .runtime, message: "cannot read \(path): permission denied")
        }
        return .string(LuaString(bytes: [UInt8](data)))
    }
}
