import CadenceCore
import CadenceStore
import LuaBinding

// The bulk reads (`search`, `applications`, `timelines`) write a whole search
// straight onto the Lua stack as the Lua half's objects: the same fields as
// the one-by-one reads encode, with the classes as metatables and days as
// Date objects, so that Lua need not walk them again.
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

    /// An application as `summary(of:)` encodes it (then made an object by the Lua half), written directly.
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
            try byApplication.set(id, array: end - start, metatable: classes.list) { list in
                for event in events[start..<end] {
                    try list.append(hash: 8, metatable: classes.event) { try self.write(event, zone: zone, classes, into: $0) }
                }
            }
            start = end
        }
    }

    /// An event as `value(_:zone:)` encodes it (then made an object by the Lua half), written directly.
    func write(_ e: Event, zone: String, _ classes: ObjectClasses, into t: LuaTableBuilder) throws {
        t.set("id", e.id); t.set("applicationID", e.applicationID); t.set("kind", e.kind.rawValue)
        t.set("at", dates.text(of: e.at)); t.set("with", strings: e.with); t.set("channel", e.channel)
        t.set("messageKind", e.messageKind); t.set("round", e.round); t.set("nextStep", e.nextStep)
        try classes.date("due", e.due, into: t); t.set("stage", e.stage?.rawValue); t.set("corrects", e.corrects)
        t.set("notes", e.notes); try classes.date("day", dates.day(of: e.at, in: zone), into: t)
    }
}

/// The classes of the Lua half (Scripts/cadence/init.lua) that bulk reads
/// give their tables as metatables, so that Lua need not walk them again.
struct ObjectClasses {
    let application, event, date, list: LuaMetatable

    /// From the arguments (Application, Event, Date, List).
    init(_ args: LuaArguments) throws {
        application = try args.metatable(1)
        event = try args.metatable(2)
        date = try args.metatable(3)
        list = try args.metatable(4)
    }

    /// A Date object as the Lua half makes them: its day number.
    func date(_ name: String, _ day: LocalDate?, into t: LuaTableBuilder) throws {
        guard let day else { return }
        try t.set(name, hash: 1, metatable: date) { $0.set("number", Int64(day.dayNumber)) }
    }
}
