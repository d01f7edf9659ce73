import CadenceCore
import CadenceStore
import Foundation
import LuaBinding

// Applications and events reach Lua through these writers only, one by one
// or a whole search at once: straight onto the Lua stack as the Lua half's
// objects, with its classes as metatables and days as Date objects, so that
// Lua need not walk them again.
extension WorkspaceAPI {
    func candidateZones() throws -> [Int64: String] {
        Dictionary(uniqueKeysWithValues: try workspace.candidates(.all).map { ($0.id!, $0.timeZone) })
    }

    /// Each application's candidate's zone.
    func applicationZones() throws -> [Int64: String] { try workspace.timeZonesByApplication() }

    /// Application rows, days in each one's candidate's zone.
    func write(_ summaries: [ApplicationSummary], _ classes: ObjectClasses, into list: inout LuaTableBuilder) throws {
        list.setMetatable(classes.list)
        let zones = try candidateZones()
        for s in summaries {
            let zone = zones[s.application.candidateID] ?? "UTC"
            try list.append(hash: 20, metatable: classes.application) { try self.write(s, zone: zone, classes, into: $0) }
        }
    }

    /// An application: its own fields, and what is derived (whose, the stage
    /// and since when, the last contact), days in the candidate's zone. The
    /// names are `RecordSchema.application`'s (a test holds them to it).
    func write(_ s: ApplicationSummary, zone: String, _ classes: ObjectClasses, into t: LuaTableBuilder) throws {
        let a = s.application
        t.set("id", a.id); t.set("candidate_id", a.candidateID); t.set("company", a.company); t.set("role", a.role)
        t.set("source", a.source); t.set("location", a.location); t.set("url", a.url); t.set("salary", a.postedSalary)
        try classes.date("deadline", a.decisionDeadline, into: t); t.set("interest", a.interest)
        t.set("needs", strings: a.needs); t.set("questions", strings: a.questions); t.set("tags", strings: a.tags)
        t.set("notes", a.notes)
        // Money as the candidate's is: { minorUnits = 3000000, currency = "GBP" }, exact.
        if let range = a.postedRange {
            try t.set("salary_range", hash: 3) { r in
                try r.set("low", try value(range.low)); try r.set("high", try value(range.high)); r.set("period", range.period.rawValue)
            }
        }
        if let targets = a.targets { try t.set("targets", try value(targets)) }
        if let facts = a.facts {
            try t.set("facts", hash: facts.count) { f in for (k, v) in facts { f.set(k, v) } }
        }
        t.set("candidate", s.candidate); t.set("stage", s.stage.rawValue)
        try classes.date("stage_since", s.stageSince.map { dates.day(of: $0, in: zone) }, into: t)
        try classes.date("last_contact", s.lastContact.map { dates.day(of: $0, in: zone) }, into: t)
        try classes.date("last_from_them", s.lastFromThem.map { dates.day(of: $0, in: zone) }, into: t)
        try classes.date("last_by_you", s.lastByYou.map { dates.day(of: $0, in: zone) }, into: t)
    }

    /// Every event of the workspace, as lists by application id, written
    /// as the cursor reads them. Returns each application's log digested as
    /// of `now`, made in the same pass (so the events are never all in Swift).
    func write(_ rows: EventCursor, zones: [Int64: String], asOf now: Date, _ classes: ObjectClasses,
               into byApplication: inout LuaTableBuilder) throws -> [Int64: LogDigest] {
        var digester = LogDigester(asOf: now)
        var more = try rows.next()
        try byApplication.withShared { days in
            while more {
                let id = rows.applicationID
                let zone = zones[id] ?? "UTC"
                // The rows are in application order: a list ends where the id changes.
                try byApplication.set(id, metatable: classes.list) { list in
                    repeat {
                        try list.append(hash: 8, metatable: classes.event) {
                            digester.add(try self.write(rowOf: rows, zone: zone, classes, sharingDays: days, into: $0))
                        }
                        more = try rows.next()
                    } while more && rows.applicationID == id
                }
            }
        }
        return digester.finish()
    }

    /// The cursor's events, appended to `list`.
    func write(eachOf rows: EventCursor, zone: String, _ classes: ObjectClasses, into list: inout LuaTableBuilder) throws {
        while try rows.next() {
            try list.append(hash: 8, metatable: classes.event) { try self.write(rowOf: rows, zone: zone, classes, into: $0) }
        }
    }

    /// The cursor's row as an event: texts go from the row's bytes to Lua
    /// without becoming Swift strings; the day is the one it happened on in
    /// the candidate's zone. Returns what stages are derived from.
    @discardableResult
    func write(rowOf rows: EventCursor, zone: String, _ classes: ObjectClasses, sharingDays days: LuaShared? = nil,
               into t: LuaTableBuilder) throws -> Event {
        let (event, stored) = try rows.essentials()
        t.set("id", event.id); t.set("application_id", event.applicationID); t.set("kind", event.kind.rawValue)
        if let stored { BulkDates.withISOText(ofStored: stored) { t.set("at", bytes: $0) } } else { t.set("at", dates.text(of: event.at)) }
        let with = rows.text(.with)
        try t.set("with") { names in
            guard let with, !JSONText.plainStrings(with, { names.append(bytes: $0) }) else { return }
            for name in try JSONText.strings(String(decoding: with, as: UTF8.self)) { names.append(name) }
        }
        t.set("channel", bytes: rows.text(.channel)); t.set("message_kind", bytes: rows.text(.messageKind))
        t.set("round", bytes: rows.text(.round)); t.set("next_step", bytes: rows.text(.nextStep))
        if rows.text(.due) != nil { try classes.date("due", rows.due(), sharedIn: days, into: t) }
        t.set("due_time", bytes: rows.text(.dueTime))
        t.set("stage", bytes: rows.text(.stage)); t.set("corrects", event.corrects)
        t.set("notes", bytes: rows.text(.notes)); try classes.date("day", dates.day(of: event.at, in: zone), sharedIn: days, into: t)
        return event
    }
}

/// The classes of the Lua half (Scripts/cadence/init.lua) that the writers
/// give their tables as metatables, so that Lua need not walk them again.
struct ObjectClasses {
    let application, event, date, list: LuaMetatable

    /// From the arguments (Application, Event, Date, List) starting at `first`.
    init(_ args: LuaArguments, from first: Int32 = 1) throws {
        application = try args.metatable(first)
        event = try args.metatable(first + 1)
        date = try args.metatable(first + 2)
        list = try args.metatable(first + 3)
    }

    /// A Date object as the Lua half makes them (init.lua's one constructor):
    /// its day number in one field. Written here rather than asked of Lua,
    /// since a search's log has a Date per event. Dates are values (they
    /// refuse new fields), so a bulk read shares one per day.
    func date(_ name: String, _ day: LocalDate?, sharedIn days: LuaShared? = nil, into t: LuaTableBuilder) throws {
        guard let day else { return }
        try Self.date(name, dayNumber: Int64(day.dayNumber), metatable: date, sharedIn: days, into: t)
    }

    /// The one writer of a Lua Date in Swift (the workspace's bulk reads and
    /// the isolated worker's request use it), given Date's metatable.
    static func date(_ name: String, dayNumber number: Int64, metatable: LuaMetatable, sharedIn days: LuaShared?,
                     into t: LuaTableBuilder) throws {
        if let days {
            try t.set(name, sharedIn: days, key: number, hash: 1, metatable: metatable) { $0.set(dayField, number) }
        } else {
            try t.set(name, hash: 1, metatable: metatable) { $0.set(dayField, number) }
        }
    }

    /// The day of a Lua Date that came back to Swift, or nil for anything
    /// else, a day beyond the dates Cadence keeps included (a table forged
    /// with a huge number would overflow the arithmetic made with it).
    static func day(of value: LuaValue) -> LocalDate? {
        guard let t = value.tableValue, t.array.isEmpty, t.hash.count == 1, let number = t[dayField].integerValue,
              (Int64(LocalDate.earliest.dayNumber)...Int64(LocalDate.latest.dayNumber)).contains(number) else { return nil }
        return LocalDate(dayNumber: Int(number))
    }

    /// The field of a Lua Date that holds its day number: the Lua half's
    /// representation, which Swift alone besides init.lua knows.
    static let dayField = "number"
}
