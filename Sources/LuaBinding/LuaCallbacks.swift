import CLua
import CLuaSupport

/// A Swift function as Lua holds it: retained by the Lua closure's upvalue,
/// released when Lua collects the closure.
final class FunctionBox {
    let body: LuaCallback
    init(_ body: @escaping LuaCallback) { self.body = body }
}

/// Installs the dispatchers once per process. They are plain nonisolated
/// functions: a closure bound to an actor would pay an executor check on
/// every call from Lua.
let installDispatchers: Void = {
    cl_set_dispatchers(dispatchCall, dispatchProperty, releaseBox)
}()

/// Called by the C trampoline. Returns a result count, or a CL_RAISE_* status
/// with the error on the stack; the trampoline raises it once this frame is gone.
func dispatchCall(_ L: OpaquePointer?, _ box: UnsafeMutableRawPointer?) -> Int32 {
    let L = L!
    // The closure's upvalue keeps the box alive for the call: borrow it.
    return Unmanaged<FunctionBox>.fromOpaque(box!)._withUnsafeGuaranteedRef { function in
        do {
            return try pushResults(function.body(LuaArguments(L: L)), on: L)
        } catch {
            return pushError(error, on: L)
        }
    }
}

func pushResults(_ results: LuaResults, on L: OpaquePointer) throws -> Int32 {
    switch results {
    case .none:
        return 0
    case .one(let value):
        // Lua guarantees a C function LUA_MINSTACK free slots.
        try LuaStack.push(value, on: L)
        return 1
    case .many(let values):
        guard values.count <= LUA_MINSTACK || lua_checkstack(L, Int32(clamping: values.count)) != 0 else {
            throw LuaError(kind: .memory, message: "too many results")
        }
        for value in values { try LuaStack.push(value, on: L) }
        return Int32(values.count)
    case .built(let array, let hash, let metatable, let body):
        // Everything built is reachable from the stack as it is made: a
        // collection meanwhile would only walk it (a search's million
        // events took a fifth longer with the collector running).
        let collecting = cl_pause_collector(L)
        defer { cl_resume_collector(L, collecting) }
        try LuaTableBuilder.build(on: L, array: array, hash: hash, metatable: metatable, body)
        return 1
    }
}

/// Leaves the error on the stack and says how the trampoline should raise it.
func pushError(_ error: any Error, on L: OpaquePointer) -> Int32 {
    lua_settop(L, 0)
    switch error {
    case let argument as LuaArgumentError:
        lua_pushinteger(L, lua_Integer(argument.position))
        LuaStack.pushString(argument.message, on: L)
        return CL_RAISE_ARGUMENT
    case let lua as LuaError where lua.kind == .runtime || lua.kind.isLimit:
        // An error from Lua code the callback called: raise it on unchanged.
        if (try? LuaStack.push(lua.value, on: L)) == nil {
            LuaStack.pushString(lua.message, on: L)
        }
        return CL_RAISE_VALUE
    case let lua as LuaError:
        LuaStack.pushString(lua.message, on: L)
        return CL_RAISE_MESSAGE
    default:
        LuaStack.pushString(describe(error), on: L)
        return CL_RAISE_MESSAGE
    }
}

/// The text of a Swift error as a Lua user should read it (its
/// `description` when it has one).
func describe(_ error: any Error) -> String { String(describing: error) }

func releaseBox(_ object: UnsafeMutableRawPointer?) {
    guard let object else { return }
    Unmanaged<AnyObject>.fromOpaque(object).release()
}

extension LuaError.Kind {
    var isLimit: Bool { if case .limit = self { true } else { false } }
}

/// Pushes a Lua closure that calls `body`.
func pushSwiftFunction(on L: OpaquePointer, _ body: @escaping LuaCallback) {
    _ = installDispatchers
    cl_push_swift_function(L, Unmanaged.passRetained(FunctionBox(body) as AnyObject).toOpaque())
}

/// A handle to a new Lua closure that calls `body`.
func makeSwiftFunction(on L: OpaquePointer, _ body: @escaping LuaCallback) -> LuaFunction {
    pushSwiftFunction(on: L, body)
    return LuaFunction(reference: LuaReference(core: LuaStateCore.of(L), popping: L))
}
