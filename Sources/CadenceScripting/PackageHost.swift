import CadenceCore
import CadenceSharing
import Foundation
import LuaBinding

/// A package as this session knows it: read, checked against its pins when
/// installed, with the option values and limits it runs with.
struct LoadedPackage {
    var package: PolicyPackage
    var options: [String: PolicyManifest.OptionValue]
    var limits: PackageLock.Limits
    /// For a run under way: the applications its worker was sent (its answer
    /// may speak of no other), nil for made-up cases.
    var sent: Set<Int64>?
}

/// The host functions through which the agenda runs installed policies: the
/// packages (verified), and their runs in the isolated worker. They are
/// entries of `WorkspaceFunctions.list`, each one idea.
extension WorkspaceFunctions {
    /// The installed packages, each verified against its pins: the package,
    /// or { name, version, sha256, problem } for one that may not run.
    func packages(_ args: LuaArguments) throws -> LuaResults {
        guard let folder = api.folder else { return .one(.table(LuaTable())) }
        let lock = PackageLock(workspace: folder)
        var list: [LuaValue] = []
        for (name, entry) in try lock.entries().sorted(by: { $0.key < $1.key }) {
            func refused(_ why: String) -> LuaValue {
                var problem = LuaTable()
                problem["name"] = LuaValue(name); problem["version"] = LuaValue(entry.version)
                problem["sha256"] = LuaValue(entry.sha256); problem["problem"] = LuaValue(why)
                return .table(problem)
            }
            // A built-in policy's name is never a package's, however it was pinned (the installer refuses it too).
            if let why = ReservedNames.problem(with: name) {
                list.append(refused(why))
                continue
            }
            do {
                let (package, _) = try lock.verified(name)
                let loaded = try WorkspaceAPI.loaded(package, options: entry.options, limits: entry.limits)
                api.packages[name] = loaded
                list.append(.table(WorkspaceAPI.table(loaded)))
            } catch {
                list.append(refused(String(describing: error)))
            }
        }
        return .one(.table(LuaTable(array: list)))
    }

    /// A package not installed (being tried or tested), from its folder or file.
    func packageAt(_ args: LuaArguments) throws -> LuaResults {
        do {
            let package = try PolicyPackage(at: try args.string(1))
            if let why = ReservedNames.problem(with: package.manifest.name) { return [.nil, LuaValue(why)] }
            let loaded = try WorkspaceAPI.loaded(package, options: [:], limits: .standard)
            api.packages[package.manifest.name] = loaded
            return .one(.table(WorkspaceAPI.table(loaded)))
        } catch let error as DomainError {
            return [.nil, LuaValue(error.description)]
        }
    }

    /// `body` with the package argument 1 names (loaded this session, with
    /// the applications its request sends) and the request of argument 2 as
    /// JSON; a worker's failure, or a package not loaded, becomes nil and why.
    private func withPackage(_ args: LuaArguments, _ body: (LoadedPackage, Data) throws -> LuaResults) throws -> LuaResults {
        let name = try args.string(1)
        guard var loaded = api.packages[name] else { return [.nil, LuaValue("package \(name) was not loaded")] }
        return try Self.failing {
            let request = try WorkspaceAPI.request(args, for: name)
            loaded.sent = request.applications
            return try body(loaded, request.json)
        }
    }

    /// `body`, a worker's failure becoming nil and why: the why cut short,
    /// for it may be the package's own text, of any size.
    private static func failing(_ body: () throws -> LuaResults) throws -> LuaResults {
        do { return try body() } catch let failure as IsolatedWorker.Failure {
            return [.nil, LuaValue(AnswerText.cut(failure.description, bytes: WorkerAnswer.messageBytes))]
        }
    }

    /// Starts a package's worker on its request: a handle for finish_isolated, or nil and why.
    func startIsolated(_ args: LuaArguments) throws -> LuaResults {
        try withPackage(args) { loaded, request in
            let run = try IsolatedWorker(limits: loaded.limits).start(request)
            let handle = (api.pendingWorkers.keys.max() ?? 0) + 1
            api.pendingWorkers[handle] = (run, loaded)
            return .one(LuaValue(handle))
        }
    }

    /// Waits for a started worker: its proposals (checked), or nil and why.
    func finishIsolated(_ args: LuaArguments) throws -> LuaResults {
        guard let (run, loaded) = api.pendingWorkers.removeValue(forKey: Int(try args.integer(1))) else {
            return [.nil, LuaValue("no such worker")]
        }
        return try Self.failing {
            let manifest = loaded.package.manifest
            let answer = try WorkerAnswer(plan: try run.finish(), kinds: manifest.proposes, today: try api.today(), applications: loaded.sent)
            return .one(.table(WorkspaceAPI.table(answer, keysOf: manifest.name)))
        }
    }

    /// What a package proposes on `pack`'s made-up cases, in its worker: proposals by case.
    func recordIsolated(_ args: LuaArguments) throws -> LuaResults {
        try withPackage(args) { loaded, request in
            let json = try IsolatedWorker(limits: loaded.limits).ask(request)
            let answer = try WorkerAnswer(plan: json, kinds: nil, today: nil, applications: nil)
            var byCase = LuaTable()
            for p in WorkspaceAPI.table(answer, keysOf: nil)["proposals"].tableValue?.array ?? [] {
                guard let item = p.tableValue, let index = item["application"].integerValue else { continue }
                var list = byCase[.integer(index)].tableValue ?? LuaTable()
                list.array.append(p)
                byCase[.integer(index)] = .table(list)
            }
            return .one(.table(byCase))
        }
    }

    /// A package's own tests, run in its worker: { name, passed, message } a case.
    func testIsolated(_ args: LuaArguments) throws -> LuaResults {
        try withPackage(args) { loaded, request in
            let answer = try WorkerAnswer(tests: try IsolatedWorker(limits: loaded.limits).ask(request))
            return .one(.table(LuaTable(array: answer.cases.map { c in
                var t = LuaTable()
                t["name"] = LuaValue(c.name); t["passed"] = .boolean(c.passed); t["message"] = c.message.map { LuaValue($0) } ?? .nil
                return .table(t)
            })))
        }
    }
}

extension WorkspaceAPI {
    /// The request sharing.lua built (argument 2) for the package `package`,
    /// read where it lies into its type and written as JSON for the worker
    /// (a search of ten thousand applications sends a hundred thousand
    /// events); and the applications it sends. Of the user's decisions it
    /// carries only those on the package's own items, by the keys it
    /// proposed: the host decides which, by the package's identity.
    static func request(_ args: LuaArguments, for package: String) throws -> (json: Data, applications: Set<Int64>?) {
        do {
            var request = try args.decode(WorkerRequest.self, at: 2)
            request.decisions = request.decisions.map { WorkerRequest.own($0, package: package) }
            return (try request.json(), request.apps.map { Set($0.columns.id?.values ?? []) })
        } catch let error as DecodingError {
            throw IsolatedWorker.Failure(description: "its request could not be made: \(DecodingReason.of(error))")
        }
    }

    /// A package with the user's option values (text, checked against the
    /// manifest's types) over its defaults.
    static func loaded(_ package: PolicyPackage, options set: [String: String], limits: PackageLock.Limits) throws -> LoadedPackage {
        var options: [String: PolicyManifest.OptionValue] = [:]
        for option in package.manifest.options { options[option.name] = option.defaultValue }
        for (name, text) in set {
            guard let option = package.manifest.options.first(where: { $0.name == name }) else {
                throw DomainError.invalid(field: "option \(name)", "\(package.manifest.name) has no such option")
            }
            options[name] = try PolicyManifest.value(text, type: option.type, field: "option \(name)")
        }
        return LoadedPackage(package: package, options: options, limits: limits)
    }

    /// The package as sharing.lua takes it.
    static func table(_ loaded: LoadedPackage) -> LuaTable {
        let manifest = loaded.package.manifest
        var t = LuaTable()
        t["name"] = LuaValue(manifest.name); t["version"] = LuaValue(manifest.version); t["summary"] = LuaValue(manifest.summary)
        t["sha256"] = LuaValue(loaded.package.sha256); t["entry"] = LuaValue(manifest.entry)
        t["tests"] = manifest.tests.map { LuaValue($0) } ?? .nil; t["select"] = manifest.select.map { LuaValue($0) } ?? .nil
        var files = LuaTable()
        for (name, data) in loaded.package.files where name.hasSuffix(".lua") { files[name] = .string(LuaString(bytes: [UInt8](data))) }
        t["files"] = .table(files)
        var options = LuaTable()
        for (name, value) in loaded.options {
            switch value {
            case .integer(let n): options[name] = LuaValue(n)
            case .number(let d): options[name] = .number(d)
            case .text(let s): options[name] = LuaValue(s)
            case .boolean(let b): options[name] = .boolean(b)
            case .list(let l): options[name] = .table(LuaTable(array: l.map { LuaValue($0) }))
            }
        }
        t["options"] = .table(options)
        var reads = LuaTable()
        for (record, fields) in manifest.reads { reads[record] = .table(LuaTable(array: fields.map { LuaValue($0) })) }
        t["reads"] = .table(reads)
        t["proposes"] = .table(LuaTable(array: manifest.proposes.map { LuaValue($0) }))
        return t
    }

    /// A checked answer as Lua data: { proposals, failures, failed,
    /// left_out (why, the first few), left_out_count, over_cap }. The keys of
    /// a package's proposals are those the host keeps its items under
    /// (`WorkerRequest.hostKey`, with `keysOf` its name); nil keeps them as
    /// proposed (made-up cases).
    static func table(_ answer: WorkerAnswer, keysOf package: String?) -> LuaTable {
        let proposals: [LuaValue] = answer.proposals.map { p in
            var t = LuaTable()
            t["application"] = .integer(p.application); t["kind"] = LuaValue(p.kind); t["due"] = LuaValue(p.due.description)
            t["key"] = LuaValue(package.map { WorkerRequest.hostKey(package: $0, key: p.key) } ?? p.key)
            for (name, value) in [("to", p.to), ("channel", p.channel), ("reason", p.reason), ("draft", p.draft),
                                  ("subject", p.subject), ("rule", p.rule), ("slide", p.slide)] {
                if let value { t[name] = LuaValue(value) }
            }
            return .table(t)
        }
        var t = LuaTable()
        t["proposals"] = .table(LuaTable(array: proposals))
        t["failures"] = .table(LuaTable(array: answer.failures.map { f in
            var e = LuaTable()
            e["application"] = .integer(f.application); e["message"] = LuaValue(f.message)
            return .table(e)
        }))
        t["failed"] = LuaValue(answer.failed)
        t["left_out"] = .table(LuaTable(array: answer.leftOut.map { LuaValue($0) }))
        t["left_out_count"] = LuaValue(answer.leftOutCount)
        t["over_cap"] = LuaValue(answer.overCap)
        return t
    }
}
