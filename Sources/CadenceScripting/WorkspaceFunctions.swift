import CadenceCore
import CadenceStore
import Foundation
import LuaBinding

/// The functions of `require "cadence.host"` over the workspace, each one
/// idea, listed by their Lua names in `WorkspaceFunctions.list` (as lbaselib
/// lists `base_funcs`). The Lua half (Scripts/cadence/init.lua) turns what
/// they return into objects. Expected failures (an unknown name, a bad date)
/// return `nil, message`, so that the Lua half raises them at the user's line.
struct WorkspaceFunctions {
    let api: WorkspaceAPI

    typealias Function = (WorkspaceFunctions) -> LuaCallback

    /// Every function, by the name Lua calls it.
    static var list: [(name: String, function: Function)] {
        [
            // The session
            ("today", today),
            ("date_reading", dateReading),
            ("workspace", workspace),
            ("script_text", scriptText),
            ("exiting", exiting),
            ("begin", begin),
            ("finish", finish),
            // Reads
            ("candidates", candidates),
            ("applications", applications),
            ("search", search),
            ("timelines", timelines),
            ("application", application),
            ("events", events),
            ("contacts", contacts),
            ("all_contacts", allContacts),
            ("offers", offers),
            ("all_offers", allOffers),
            ("decisions", decisions),
            ("region_of", regionOf),
            // Writes
            ("log", log),
            ("add_app", addApp),
            ("edit_app", editApp),
            ("archive_app", archiveApp),
            ("add_contact", addContact),
            ("add_offer", addOffer),
            ("decide", decide),
            // Installed policies and their isolated workers (PackageHost.swift)
            ("is_cadence_module", { _ in CadenceModules.holds }),
            ("packages", packages),
            ("package_at", packageAt),
            ("start_isolated", startIsolated),
            ("finish_isolated", finishIsolated),
            ("record_isolated", recordIsolated),
            ("test_isolated", testIsolated),
        ]
    }

    /// Runs `body`; a refusal of the domain or store becomes `nil, message`.
    static func expected(_ body: () throws -> LuaResults) throws -> LuaResults {
        do { return try body() }
        catch let error as StoreError { return [.nil, LuaValue(error.description)] }
        catch let error as DomainError { return [.nil, LuaValue(error.description)] }
    }

    // MARK: The session

    func today(_ args: LuaArguments) throws -> LuaResults { .one(LuaValue(try api.today().description)) }

    /// The workspace's folder (where its cadence.lua is), or nil.
    func workspace(_ args: LuaArguments) throws -> LuaResults { .one(api.folder.map { LuaValue($0) } ?? .nil) }

    func scriptText(_ args: LuaArguments) throws -> LuaResults {
        .one(try HostFunctions.scriptText(try args.string(1)) ?? .nil)
    }

    /// os.exit from a script: its writes land first when it ends well, and are undone otherwise.
    func exiting(_ args: LuaArguments) throws -> LuaResults {
        try api.transaction.finish(success: args.isNil(1) ? true : args.boolean(1))
        api.end()
        return .none
    }

    /// A nested transaction (`cadence.atomic`): its name, for `finish`.
    func begin(_ args: LuaArguments) throws -> LuaResults { .one(LuaValue(try api.transaction.beginNested())) }

    func finish(_ args: LuaArguments) throws -> LuaResults {
        try api.transaction.endNested(try args.string(1), success: args.boolean(2))
        return .none
    }

    // MARK: Reads

    func candidates(_ args: LuaArguments) throws -> LuaResults {
        .one(.table(LuaTable(array: try api.workspace.candidates().map { try api.record($0, .candidate) })))
    }

    /// The region code of application `id`'s candidate (without an id, the
    /// first candidate's), or nil: `WorkspaceService.region(ofApplication:)`.
    func regionOf(_ args: LuaArguments) throws -> LuaResults {
        .one(try api.workspace.region(ofApplication: try args.optionalInteger(1)).map { LuaValue($0.code) } ?? .nil)
    }

    /// The bulk reads make the Lua half's objects directly: it passes its
    /// classes (Application, Event, Date, List) to use as metatables.
    func applications(_ args: LuaArguments) throws -> LuaResults {
        let classes = try ObjectClasses(args)
        let summaries = try api.workspace.summaries(asOf: try api.now())
        return .built(array: summaries.count) { try api.write(summaries, classes, into: &$0) }
    }

    /// The whole search for planning: the applications and every event, by
    /// application id, from one read of the log, written straight into Lua
    /// (making LuaValues first would cost more than the data).
    func search(_ args: LuaArguments) throws -> LuaResults {
        let classes = try ObjectClasses(args)
        let zones = try api.applicationZones()
        let asOf = try api.now()
        return .built(hash: 2) { search in
            var digests: [Int64: LogDigest] = [:]
            try search.set("timelines", hash: zones.count) {
                digests = try api.write(try api.workspace.eventCursor(), zones: zones, asOf: asOf, classes, into: &$0)
            }
            let summaries = try api.workspace.summaries(digests: digests)
            try search.set("applications", array: summaries.count) { try api.write(summaries, classes, into: &$0) }
        }
    }

    func timelines(_ args: LuaArguments) throws -> LuaResults {
        let classes = try ObjectClasses(args)
        let zones = try api.applicationZones()
        let asOf = try api.now()
        return .built(hash: zones.count) {
            _ = try api.write(try api.workspace.eventCursor(), zones: zones, asOf: asOf, classes, into: &$0)
        }
    }

    /// One application by name (id, company, company/role).
    func application(_ args: LuaArguments) throws -> LuaResults {
        let name = try args.string(1)
        let classes = try ObjectClasses(args, from: 2)
        return try Self.expected { try api.applicationObject(try api.workspace.application(name).id!, classes) }
    }

    func events(_ args: LuaArguments) throws -> LuaResults {
        let id = try args.integer(1)
        let classes = try ObjectClasses(args, from: 2)
        let zone = try api.zone(of: id)
        return .built(metatable: classes.list) {
            try api.write(eachOf: try api.workspace.eventCursor(application: id), zone: zone, classes, into: &$0)
        }
    }

    func contacts(_ args: LuaArguments) throws -> LuaResults {
        .one(.table(LuaTable(array: try api.workspace.contacts(of: try args.integer(1)).map { try api.record($0, .contact) })))
    }

    /// Every contact at once, by application id: planning asks each application for its own.
    /// A person linked to several applications is listed under each.
    func allContacts(_ args: LuaArguments) throws -> LuaResults {
        let links = try api.workspace.contactLinks()
        var grouped: [Int64: [Contact]] = [:]
        for contact in try api.workspace.contacts() {
            for id in [contact.applicationID] + (links[contact.id!] ?? []) { grouped[id, default: []].append(contact) }
        }
        var byApplication = LuaTable()
        for (id, contacts) in grouped {
            byApplication[.integer(id)] = .table(LuaTable(array: try contacts.map { try api.record($0, .contact) }))
        }
        return .one(.table(byApplication))
    }

    func offers(_ args: LuaArguments) throws -> LuaResults {
        .one(.table(LuaTable(array: try api.workspace.offers(of: try args.integer(1)).map { try api.offerValue($0) })))
    }

    /// Every live offer at once, by application id, as `all_contacts`.
    func allOffers(_ args: LuaArguments) throws -> LuaResults {
        var byApplication = LuaTable()
        for (id, offers) in Dictionary(grouping: try api.workspace.offers(), by: \.applicationID) {
            byApplication[.integer(id)] = .table(LuaTable(array: try offers.map { try api.offerValue($0) }))
        }
        return .one(.table(byApplication))
    }

    /// What the person decided about planned items (done, skipped, snoozed).
    func decisions(_ args: LuaArguments) throws -> LuaResults {
        .one(.table(LuaTable(array: try api.workspace.decisions().map { try api.record($0, .decision) })))
    }

    // MARK: Writes
    // Each returns what a script continues with (the application as it now
    // is, the new contact or offer), or nil, message.

    /// Returns { event = the new event, application = the application as it now is }.
    func log(_ args: LuaArguments) throws -> LuaResults {
        let id = try args.integer(1)
        let kindName = try args.string(2)
        let details = args.isNil(3) ? LuaTable() : try args.table(3)
        let classes = try ObjectClasses(args, from: 4)
        return try Self.expected {
            try api.transaction.willWrite()
            let event = try api.log(application: id, kind: kindName, details: details)
            let summary = try api.summary(of: id)
            let zone = try api.zone(of: id)
            return .built(hash: 2) { t in
                try t.set("event", hash: 8, metatable: classes.event) {
                    // Read back as stored, through the one writer of events.
                    let rows = try api.workspace.eventCursor(event: event.id!)
                    guard try rows.next() else { throw StoreError.notFound(kind: "event", name: String(event.id!), suggestion: nil) }
                    try api.write(rowOf: rows, zone: zone, classes, into: $0)
                }
                try t.set("application", hash: 20, metatable: classes.application) {
                    try api.write(summary, zone: zone, classes, into: $0)
                }
            }
        }
    }

    func addApp(_ args: LuaArguments) throws -> LuaResults {
        let fields = try args.table(1)
        let classes = try ObjectClasses(args, from: 2)
        return try Self.expected { try api.applicationObject(try api.addApplication(fields), classes) }
    }

    func editApp(_ args: LuaArguments) throws -> LuaResults {
        let id = try args.integer(1)
        let fields = try args.table(2)
        let classes = try ObjectClasses(args, from: 3)
        return try Self.expected {
            try api.editApplication(id, fields)
            return try api.applicationObject(id, classes)
        }
    }

    func archiveApp(_ args: LuaArguments) throws -> LuaResults {
        let id = try args.integer(1)
        let archived = args.isNil(2) ? true : args.boolean(2)
        let classes = try ObjectClasses(args, from: 3)
        return try Self.expected {
            try api.archive(id, archived)
            return try api.applicationObject(id, classes)
        }
    }

    func addContact(_ args: LuaArguments) throws -> LuaResults {
        let id = try args.integer(1)
        let fields = try args.table(2)
        return try Self.expected { .one(try api.record(try api.addContact(id, fields), .contact)) }
    }

    func addOffer(_ args: LuaArguments) throws -> LuaResults {
        let id = try args.integer(1)
        let fields = try args.table(2)
        return try Self.expected { .one(try api.offerValue(try api.addOffer(id, fields))) }
    }

    /// Records what the person decided about a planned item.
    func decide(_ args: LuaArguments) throws -> LuaResults {
        let id = try args.integer(1)
        let fields = try args.table(2)
        return try Self.expected {
            try api.transaction.willWrite()
            try api.decide(application: id, fields: fields)
            return .none
        }
    }
}
