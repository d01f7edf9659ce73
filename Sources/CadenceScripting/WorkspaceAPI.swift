import CadenceCore
import CadenceSharing
import CadenceStore
import Foundation
import LuaBinding

/// A script's session over the workspace: its transaction, its as-of day
/// and the candidates' "today", the packages it loaded and the workers it
/// started. `install` gives Lua the module "cadence.host": the functions of
/// `WorkspaceFunctions.list` over this session, and those both hosts have
/// (`HostFunctions`); the Lua half (Scripts/cadence/init.lua) turns what they
/// return into objects, dates and queries.
public final class WorkspaceAPI {
    /// The workspace's operations, for this session.
    let workspace: WorkspaceService
    public let transaction: WorkspaceTransaction
    let asOf: LocalDate?
    /// Instants reach Lua as the same ISO 8601 text the JSON export has.
    let encoder: LuaValueEncoder = {
        var encoder = LuaValueEncoder()
        encoder.encodeDate = { LuaValue(Timestamps.format($0)) }
        return encoder
    }()

    /// Installs the API in `lua` (module "cadence.host"), and adds Cadence's
    /// Scripts/ and the workspace's scripts/ folder to the end of package.path.
    /// `command` is what `cadence undo` will call the session's writes.
    public static func install(in lua: LuaState, workspace: WorkspaceService, folder: String?, asOf: LocalDate? = nil,
                               command: String = "a script") throws -> WorkspaceAPI {
        let api = WorkspaceAPI(workspace: workspace, asOf: asOf, folder: folder, command: command)
        try api.register(in: lua)
        try addModulePaths(to: lua, workspace: folder)
        return api
    }

    /// Without a workspace, `require "cadence"` says why (and how to make
    /// one), and nothing else changes: a plain script sees exactly what it
    /// sees under lua5.4, package.path included.
    public static func installMissing(in lua: LuaState, reason: String) throws {
        let loader = try lua.function { _ in throw LuaError(kind: .runtime, message: reason) }
        guard let preload = try lua.globals.table("package")?.table("preload") else { return }
        try preload.set("cadence", .function(loader))
    }

    /// Cadence's Scripts/ and the workspace's scripts/ go after the usual
    /// entries of package.path, so standard modules resolve as under lua5.4.
    static func addModulePaths(to lua: LuaState, workspace: String?) throws {
        var folders: [String] = []
        if let scripts = ScriptLibrary.directory() { folders.append(scripts) }
        if let workspace { folders.append(workspace + "/scripts") }
        guard let package = try lua.globals.table("package") else { return }
        if !folders.isEmpty {
            let path = try package.get("path").stringValue ?? ""
            try package.set("path", LuaValue(path + ";" + folders.map(ScriptLibrary.pathEntries).joined(separator: ";")))
        }
        // Without the library, `require "cadence"` says so in one line.
        guard let scripts = ScriptLibrary.directory() else {
            let reason = ScriptLibrary.Missing(environment: ProcessInfo.processInfo.environment).description
            try package.table("preload")?.set("cadence", .function(try lua.function { _ in throw LuaError(kind: .runtime, message: reason) }))
            return
        }
        // `cadence` and Cadence's other modules resolve to its Scripts/ (see searcher.lua).
        _ = try lua.runFile(scripts + "/cadence/searcher.lua",
                            arguments: [LuaValue(scripts + "/cadence/init.lua"), LuaValue(scripts),
                                        .function(try lua.function(CadenceModules.holds))])
    }

    /// The workspace's folder (where its cadence.lua is).
    let folder: String?
    /// Packages read this session, by name: installed ones (verified) and one being tried.
    var packages: [String: LoadedPackage] = [:]
    /// Workers started and not yet waited for, by handle.
    var pendingWorkers: [Int: (run: IsolatedWorker.Pending, package: LoadedPackage)] = [:]

    init(workspace: WorkspaceService, asOf: LocalDate?, folder: String? = nil, command: String = "a script") {
        self.workspace = workspace
        self.folder = folder
        self.transaction = WorkspaceTransaction(workspace, command: command)
        self.asOf = asOf
    }

    /// Today for the candidate of `application` (or the first candidate), unless the script runs as of another day.
    func today(for application: Int64? = nil) throws -> LocalDate {
        try asOf ?? workspace.today(ofApplication: application)
    }

    /// The instant stages are derived at: the end of the as-of day, or now.
    func now() throws -> Date {
        guard let asOf else { return Date() }
        return asOf.adding(days: 1).at(hour: 0, minute: 0, in: try zone(of: nil))
    }

    /// The time zone of an application's candidate; without one, the first candidate's.
    func zone(of application: Int64?) throws -> String {
        try workspace.timeZone(ofApplication: application)
    }

    /// The Lua functions own the API (it holds no reference back to the
    /// state), so a caller may drop the object `install` returns.
    func register(in lua: LuaState) throws {
        var host = LuaTable()
        let functions = WorkspaceFunctions(api: self)
        for (name, function) in WorkspaceFunctions.list {
            let body = function(functions)
            // A finalizer may call the API after the session has ended (at the
            // close of the state): it gets a Lua error, never a dead database.
            host[name] = .function(try lua.function { [self] args in
                guard isOpen else {
                    throw LuaError(kind: .runtime, message: "the workspace session has ended (the script is over): a finalizer cannot use it")
                }
                return try body(args)
            })
        }
        host["atomic"] = .function(try lua.unyieldableCall())
        for (name, function) in try HostFunctions.pure(in: lua) { host[name] = function }
        let loader = try lua.function { _ in .one(.table(host)) }
        guard let preload = try lua.globals.table("package")?.table("preload") else {
            throw LuaError(kind: .runtime, message: "the package library is not loaded")
        }
        try preload.set("cadence.host", .function(loader))
    }

    /// An application as the Lua half's object, as it now is.
    func applicationObject(_ id: Int64, _ classes: ObjectClasses) throws -> LuaResults {
        let summary = try summary(of: id)
        let zone = try zone(of: id)
        return .built(hash: 20, metatable: classes.application) { try self.write(summary, zone: zone, classes, into: $0) }
    }

    // MARK: Writes

    /// The fields `app:log` takes: an event's own names (`RecordSchema.event`)
    /// that a log may give, and `to` and `as_written`.
    static let logFields = ["with", "to", "channel", "message_kind", "round", "next_step", "due", "at", "stage",
                            "corrects", "notes", "as_written"]

    func log(application id: Int64, kind name: String, details: LuaTable) throws -> Event {
        let kind = try EventKind(parsing: name)
        let zone = try zone(of: id)
        var fields = RecordFields("log", details)
        var people: [String] = []
        for key in ["with", "to"] {
            people += try fields.list(key) ?? []
        }
        // "Now" is the as-of day when the session has one (tests, simulations).
        let reading = try dateReading(for: id)
        let at = try fields.text("at").map { try Timestamps.instant($0, reading: reading).instant } ?? asOf?.noon(in: zone) ?? Date()
        let due = try fields.text("due").map { try reading.asOf(LocalDate(at, in: zone)).dayAndTime($0, field: "due") }
        let event = Event(applicationID: id, kind: kind, at: at, with: people, channel: try fields.text("channel"),
                          messageKind: try fields.text("message_kind"), round: try fields.text("round"),
                          due: due?.day, dueTime: due?.time,
                          stage: try fields.text("stage").map { try Stage(parsing: $0) },
                          corrects: try fields.integer("corrects").map(Int64.init), notes: try fields.text("notes"))
        let promise = try fields.text("next_step")
        let asWritten = try fields.flag("as_written")
        try fields.finish(known: Self.logFields, renamed: ["kind": "message_kind", "next": "next_step", "note": "notes",
                                                           "messageKind": "message_kind", "nextStep": "next_step"])
        return try workspace.log(event, promising: promise, asWritten: asWritten)[0]
    }

    /// Records what the person decided about a planned item: done (with the
    /// event that logged it), skipped, or snoozed to `due`.
    func decide(application id: Int64, fields: LuaTable) throws {
        func text(_ key: String) -> String? { fields[key].stringValue }
        guard let statusName = text("status"), let status = FollowUp.Status(rawValue: statusName) else {
            throw StoreError.invalid("a decision is done, skipped or snoozed")
        }
        guard let kind = text("kind"), let due = text("due") else { throw StoreError.invalid("a decision needs the item's kind and due date") }
        let decision = FollowUp(applicationID: id, key: text("key"), kind: kind, due: try DateParsing.date(due, field: "due"),
                                channel: text("channel"), recipient: text("to"), status: status, policy: text("policy"),
                                reason: text("reason"), draft: text("draft"), decidedAt: asOf?.noon(in: try zone(of: id)) ?? Date(),
                                eventID: fields["event"].integerValue)
        try workspace.decide(decision)
    }

    /// Whether the session the API serves is still on: after `end()` every
    /// call is an error.
    public private(set) var isOpen = true

    /// Ends the session: called when the workspace's connection is given back.
    public func end() { isOpen = false }

    // MARK: Values for Lua

    /// Days and timestamps of a search's events, as text (see BulkObjects.swift).
    let dates = BulkDates()

    func value<T: Encodable>(_ record: T) throws -> LuaValue { try encoder.encode(record) }

    /// A record as Lua reads it: encoded, its own fields named as `schema`
    /// names them (`respond_by`, not Swift's `respondBy`); the values inside
    /// a field (money, a grant) keep their shape.
    func record<T: Encodable>(_ record: T, _ schema: RecordSchema) throws -> LuaValue {
        guard case .table(let encoded) = try encoder.encode(record) else { return .nil }
        var t = LuaTable()
        for (key, value) in encoded.hash {
            guard let name = key.stringValue else { continue }
            t[schema.renamed[name] ?? name] = value
        }
        return .table(t)
    }

    /// An offer with the figures the domain works out, so that a valuation in
    /// Lua computes none of them again: its base a year, its bonus in money,
    /// and what its equity vests in each of the first years (minor units).
    func offerValue(_ offer: Offer) throws -> LuaValue {
        guard case .table(var t) = try record(offer, .offer) else { return .nil }
        t["annual_base"] = try value(offer.annualBase)
        if let bonus = offer.bonusAmount { t["bonus_amount"] = try value(bonus) }
        if let grant = offer.grant {
            t["equity_by_year"] = .table(LuaTable(array: (1...max(4, grant.vestingMonths / 12)).map {
                .integer(grant.value(inYear: $0).minorUnits)
            }))
            t["equity_currency"] = LuaValue(grant.totalValue.currency)
        }
        return .table(t)
    }

    func summary(of id: Int64) throws -> ApplicationSummary {
        guard let summary = try workspace.summary(of: id, asOf: try now()) else {
            throw StoreError.notFound(kind: "application", name: String(id), suggestion: nil)
        }
        return summary
    }
}

