import CLua
import CLuaSupport

/// A Lua function that Swift can call.
///
///     let greet = try lua.load("return function(name) return 'hi ' .. name end")
///         .call()[0]
///     try greet.function!.call("Ada")      // ["hi Ada"]
///
/// Calls are always protected: an error inside the function comes back as a
/// thrown `LuaError`, with its traceback.
public struct LuaFunction: Hashable {
    public let reference: LuaReference

    init(reference: LuaReference) { self.reference = reference }

    /// Calls the function and returns all its results.
    @discardableResult
    public func call(_ arguments: LuaValue...) throws -> [LuaValue] {
        try call(arguments: arguments)
    }

    @discardableResult
    public func call(arguments: [LuaValue]) throws -> [LuaValue] {
        try call(arguments: arguments, asMainChunk: false)
    }

    /// Calls the function as `lua5.4` calls a script: from a C function, so
    /// that its tracebacks read exactly as the standalone interpreter's. Its
    /// results are dropped, as lua.c drops them: never converted, whatever
    /// they hold (a script's limits end with the script).
    public func callAsMainChunk(arguments: [LuaValue] = []) throws {
        _ = try call(arguments: arguments, asMainChunk: true, keepingResults: false)
    }

    func call(arguments: [LuaValue], asMainChunk: Bool, keepingResults: Bool = true) throws -> [LuaValue] {
        let core = reference.core
        let L = try core.currentThread()
        let base = lua_gettop(L)
        guard lua_checkstack(L, Int32(arguments.count) + 4) != 0 else {
            throw LuaError(kind: .memory, message: "too many arguments to call")
        }
        do {
            try reference.push(L)
            for argument in arguments { try LuaStack.push(argument, on: L) }
        } catch {
            lua_settop(L, base)
            throw error
        }
        let status = asMainChunk
            ? cl_pcall_as_main(L, Int32(arguments.count), LUA_MULTRET)
            : cl_pcall(L, Int32(arguments.count), LUA_MULTRET)
        guard status == LUA_OK else { throw core.popError(L, status: status, base: base) }
        defer { lua_settop(L, base) }
        guard keepingResults else { return [] }
        return try LuaStack.values(from: base + 1, to: lua_gettop(L), on: L, core: core)
    }
}

extension LuaValue {
    /// The function handle, when the value is a function.
    public var function: LuaFunction? {
        if case .function(let f) = self { f } else { nil }
    }
}
