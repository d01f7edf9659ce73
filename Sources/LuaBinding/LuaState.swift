import CLua
import CLuaSupport

/// A Lua 5.4 state: the safe way to run Lua from Swift.
///
///     let lua = try LuaState()                        // trusted: standard Lua
///     try lua.register("double") { args in .one(.integer(try args.integer(1) * 2)) }
///     let results = try lua.run("return double(21)")  // [42]
///
///     let sandbox = try LuaState(profile: .sandboxed) // untrusted code, limited
///
/// Every call into Lua is protected: errors come back as `LuaError`, and no
/// Lua error ever unwinds through a Swift frame. A state is not thread-safe;
/// use it from one thread at a time. Only `interrupter` may cross threads.
public final class LuaState {
    let core: LuaStateCore
    public let profile: LuaProfile

    /// Creates a state with the libraries of `profile`. A sandboxed state
    /// starts with `LuaLimits.sandboxDefault` unless `limits` says otherwise.
    public init(profile: LuaProfile = .trusted, limits: LuaLimits? = nil) throws {
        _ = installDispatchers
        guard let L = cl_newstate() else {
            throw LuaError(kind: .memory, message: "cannot create a Lua state: not enough memory")
        }
        core = LuaStateCore(state: L)
        self.profile = profile
        let status = profile == .trusted ? cl_open_trusted(L) : cl_open_sandboxed(L)
        guard status == LUA_OK else { throw core.popError(L, status: status, base: 0) }
        self.limits = limits ?? (profile == .sandboxed ? .sandboxDefault : .none)
        applyLimits()
    }

    /// Closes the state now (it also closes when this object goes).
    /// Finalizers run; handles still held become inert.
    public func close() { core.close() }

    /// The state is closed when its `LuaState` goes, even while handles are
    /// held: a Swift function kept inside the state may capture a handle
    /// (a `LuaFunction`, a table), and if handles kept the state open that
    /// function would keep its own state open forever, finalizers never run.
    /// A function that needs the state itself captures it `unowned`. (Let
    /// go from inside one of its own callbacks, the state is running: it
    /// closes when its core goes instead.)
    deinit {
        if cl_running_thread(core.control) == nil { core.close() }
    }

    /// The limits in force for the next top-level call.
    public var limits: LuaLimits {
        didSet { applyLimits() }
    }

    private func applyLimits() {
        cl_set_memory_limit(core.control, limits.memory.map { max(0, $0) } ?? 0)
        cl_set_instruction_limit(core.control, limits.instructions ?? 0)
        cl_set_time_limit(core.control, limits.seconds ?? 0)
    }

    /// Bytes the state holds now.
    public var memoryInUse: Int { Int(cl_memory_used(core.control)) }

    /// A handle another thread may use to stop the running script.
    public var interrupter: LuaInterrupter { LuaInterrupter(control: core.control) }

    /// When a time limit fires but the script is stuck inside a C function
    /// (no hook can reach it), end the process after `grace` seconds with
    /// `message` and `status` rather than hang; `closingMessage` is written
    /// instead when finalizers run at close are what is stuck. For
    /// command-line tools, which word the messages as their own.
    public func exitWhenStuck(afterGrace grace: Double, status: Int32, message: String,
                              closingMessage: String = "finalizers run at the end of the script ran past its limit\n") {
        cl_set_stuck_exit(core.control, grace, status, message, closingMessage)
    }

    // MARK: Loading and running

    /// Compiles a chunk without running it. `name` is the chunk name Lua uses
    /// in messages: "@file.lua" for a file, "=label" for a label as it is.
    public func load(_ source: String, name: String? = nil) throws -> LuaFunction {
        // Unnamed, the source names itself, as with luaL_loadstring: Lua
        // shortens it to [string "first line..."] in messages.
        try load(bytes: Array(source.utf8), name: name ?? source)
    }

    public func load(bytes: [UInt8], name: String) throws -> LuaFunction {
        let L = try core.currentThread()
        let base = lua_gettop(L)
        // Sandboxed states refuse binary chunks: bytecode can break the VM.
        let mode = profile == .trusted ? "bt" : "t"
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cl_load(L, chars.baseAddress, chars.count, name, mode)
            }
        }
        guard status == LUA_OK else { throw core.popError(L, status: status, base: base) }
        return LuaFunction(reference: LuaReference(core: core, popping: L))
    }

    /// Loads and runs a chunk; returns what it returns.
    @discardableResult
    public func run(_ source: String, name: String? = nil, arguments: [LuaValue] = []) throws -> [LuaValue] {
        try load(source, name: name).call(arguments: arguments)
    }

    /// Loads a file as `loadfile` does: a UTF-8 byte-order mark and a first
    /// line starting with `#` are skipped (line numbers stay right), and
    /// messages name the file by its path. `nil` reads standard input.
    public func loadFile(_ path: String?) throws -> LuaFunction {
        var bytes = try Self.readFile(path)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.first == UInt8(ascii: "#") {
            let end = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            bytes.removeSubrange(0..<end)
        }
        return try load(bytes: bytes, name: path.map { "@" + $0 } ?? "=stdin")
    }

    /// Loads and runs a file, named in messages by its path.
    @discardableResult
    public func runFile(_ path: String, arguments: [LuaValue] = []) throws -> [LuaValue] {
        try loadFile(path).call(arguments: arguments)
    }

    static func readFile(_ path: String?) throws -> [UInt8] {
        let label = path ?? "stdin"
        guard let file = path.map({ fopen($0, "rb") }) ?? fdopen(dup(0), "rb") else {
            throw LuaError(kind: .runtime, message: "cannot open \(label): \(Self.systemError())")
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count { break }
        }
        if ferror(file) != 0 {
            throw LuaError(kind: .runtime, message: "cannot read \(label): \(Self.systemError())")
        }
        return bytes
    }

    static func systemError() -> String {
        String(decoding: Array(UnsafeBufferPointer(start: strerror(errno), count: strlen(strerror(errno))))
            .map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    // MARK: Globals

    /// The global `name`, read with metamethods (a strict-mode `_G` may raise).
    public func global(_ name: String) throws -> LuaValue {
        let L = try core.currentThread()
        let base = lua_gettop(L)
        let status = cl_pgetglobal(L, name)
        guard status == LUA_OK else { throw core.popError(L, status: status, base: base) }
        defer { lua_settop(L, base) }
        return try LuaStack.value(at: -1, on: L, core: core)
    }

    public func setGlobal(_ name: String, _ value: LuaValue) throws {
        let L = try core.currentThread()
        let base = lua_gettop(L)
        try LuaStack.push(value, on: L)
        let status = cl_psetglobal(L, name)
        guard status == LUA_OK else { throw core.popError(L, status: status, base: base) }
    }

    /// Makes a Swift function callable from Lua as the global `name`.
    public func register(_ name: String, _ body: @escaping LuaCallback) throws {
        try setGlobal(name, .function(function(body)))
    }

    /// Makes a C function (written against the Lua C API, which may raise
    /// freely since no Swift frame is between it and Lua) the global `name`.
    public func register(_ name: String, cFunction: lua_CFunction) throws {
        let L = try core.currentThread()
        lua_pushcclosure(L, cFunction, 0)
        let status = cl_psetglobal(L, name)
        guard status == LUA_OK else { throw core.popError(L, status: status, base: lua_gettop(L) - 1) }
    }

    /// `call(fn, ...)`: calls `fn` with the arguments so that it cannot
    /// yield (a `coroutine.yield` inside raises "attempt to yield across a
    /// C-call boundary"), for work that must not be left half-done across a
    /// yield. Written in C: errors pass through it as through any Lua call.
    public func unyieldableCall() throws -> LuaFunction {
        let L = try core.currentThread()
        lua_pushcclosure(L, cl_call_unyieldable, 0)
        return LuaFunction(reference: LuaReference(core: core, popping: L))
    }

    /// What `lua5.4 -l global=module` does: `global = require(module)`, with
    /// require called from C as lua.c calls it, so its errors and traceback
    /// read as there, and the module's value going straight into the global
    /// (never a Swift copy: a module may hold itself).
    public func requireGlobal(_ global: String, module: String) throws {
        let L = try core.currentThread()
        lua_pushcclosure(L, cl_require_global, 0)
        try LuaFunction(reference: LuaReference(core: core, popping: L)).call(LuaValue(global), LuaValue(module))
    }

    /// A Lua function that calls `body`.
    public func function(_ body: @escaping LuaCallback) throws -> LuaFunction {
        makeSwiftFunction(on: try core.currentThread(), body)
    }

    /// A Swift object as a Lua value (a userdata with the type's declared members).
    public func value<T: LuaObject>(_ object: T) throws -> LuaValue {
        let L = try core.currentThread()
        pushObject(object, on: L)
        return .userdata(LuaReference(core: core, popping: L))
    }

    /// The Swift object inside a userdata value, if it holds a `T`.
    public func object<T: LuaObject>(_ value: LuaValue, as type: T.Type = T.self) throws -> T? {
        guard case .userdata(let reference) = value else { return nil }
        let L = try core.currentThread()
        try reference.push(L)
        defer { lua_settop(L, -2) }
        return cl_to_swift_object(L, -1, T.luaRegistryKey).map {
            Unmanaged<AnyObject>.fromOpaque($0).takeUnretainedValue() as! T
        }
    }

    // MARK: Live tables

    /// The global table `_G` itself, live: reads and writes run metamethods.
    public var globals: LuaTableHandle {
        get throws {
            let L = try core.currentThread()
            lua_rawgeti(L, cl_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))
            return LuaTableHandle(reference: LuaReference(core: core, popping: L))
        }
    }

    /// `tostring(value)`, running `__tostring` if there is one.
    public func describe(_ value: LuaValue) throws -> String {
        try core.describe { L in try LuaStack.push(value, on: L) }
    }

    /// Runs a full garbage collection (finalizers included).
    public func collectGarbage() {
        guard let L = core.mainThread else { return }
        cl_collect_garbage(L)
    }

    /// Switches the collector to generational mode (what lua5.4 and trusted
    /// states use). Worth it for a sandboxed state holding a large heap that
    /// lives as long as the state (a worker's data).
    public func collectGenerationally() {
        guard let L = core.mainThread else { return }
        cl_collect_generationally(L)
    }
}

#if canImport(Glibc)
import Glibc
#endif
