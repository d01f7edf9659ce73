import CadenceCore
import CadenceStore
import LuaBinding

// Applications and events reach Lua through these writers only, one by one
// or a whole search at once: straight onto the Lua stack as the Lua half's
// objects, with its classes as metatables and days as Date objects, so that
// Lua need not walk them again.
extension WorkspaceAPI {
    func candidateZones() throws -> [Int64: String] {
        Dictionary(uniqueKeysWithValues: try Queries.candidates(db).map { ($0.id!, $0.timeZone) })
    }

    /// Each application's candidate's zone.
    func applicationZones() throws -> [Int64: String] { try Queries.timeZonesByApplication(db) }

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
    /// and since when, the last contact), days in the candidate's zone.
    func write(_ s: ApplicationSummary, zone: String, _ classes: ObjectClasses, into t: LuaTableBuilder) throws {
        let a = s.application
        t.set("id", a.id); t.set("candidateID", a.candidateID); t.set("company", a.company); t.set("role", a.role)
        t.set("source", a.source); t.set("location", a.location); t.set("url", a.url); t.set("postedSalary", a.postedSalary)
        try classes.date("decisionDeadline", a.decisionDeadline, into: t); t.set("interest", a.interest)
        t.set("needs", strings: a.needs); t.set("questions", strings: a.questions); t.set("tags", strings: a.tags)
        t.set("notes", a.notes)
        if let facts = a.facts {
            try t.set("facts", hash: facts.count) { f in for (k, v) in facts { f.set(k, v) } }
        }
        t.set("candidate", s.candidate); t.set("stage", s.stage.rawValue)
        try classes.date("stageSince", s.stageSince.map { dates.day(of: $0, in: zone) }, into: t)
        try classes.date("lastContact", s.lastContact.map { dates.day(of: $0, in: zone) }, into: t)
    }

    /// Events (ordered by application) as lists by application id.
    func write(_ events: [Event], zones: [Int64: String], _ classes: ObjectClasses, into byApplication: inout LuaTableBuilder) throws {
        var start = 0
        while start < events.count {
            let id = events[start].applicationID
            var end = start
            while end < events.count && events[end].applicationID == id { end += 1 }
            let zone = zones[id] ?? "UTC"
            try byApplication.set(id, array: end - start, metatable: classes.list) {
                try self.write(events[start..<end], zone: zone, classes, into: &$0)
            }
            start = end
        }
    }

    /// One application's events, in order, appended to `list`.
    func write(_ events: ArraySlice<Event>, zone: String, _ classes: ObjectClasses, into list: inout LuaTableBuilder) throws {
        for event in events {
            try list.append(hash: 8, metatable: classes.event) { try self.write(event, zone: zone, classes, into: $0) }
        }
    }

    /// An event, with the day it happened in the candidate's zone.
    func write(_ e: Event, zone: String, _ classes: ObjectClasses, into t: LuaTableBuilder) throws {
        t.set("id", e.id); t.set("applicationID", e.applicationID); t.set("kind", e.kind.rawValue)
        t.set("at", dates.text(of: e.at)); t.set("with", strings: e.with); t.set("channel", e.channel)
        t.set("messageKind", e.messageKind); t.set("round", e.round); t.set("nextStep", e.nextStep)
        try classes.date("due", e.due, into: t); t.set("stage", e.stage?.rawValue); t.set("corrects", e.corrects)
        t.set("notes", e.notes); try classes.date("day", dates.day(of: e.at, in: zone), into: t)
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

    /// A Date object as the Lua half makes them: its day number.
    func date(_ name: String, _ day: LocalDate?, into t: LuaTableBuilder) throws {
        guard let day else { return }
        try t.set(name, hash: 1, metatable: date) { $0.set("number", Int64(day.dayNumber)) }
    }
}
