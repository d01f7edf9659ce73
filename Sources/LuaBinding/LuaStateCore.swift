import CLua
import CLuaSupport

/// What handles and callbacks share: the raw state, which thread is running,
/// and the error bookkeeping. `LuaState` is the public face and the owner: it
/// closes the state when it goes. Handles keep the core (not the `LuaState`)
/// alive, so a Swift function that captures a handle does not keep its own
/// state from closing, and a handle outliving its state finds it closed.
final class LuaStateCore {
    private(set) var mainThread: OpaquePointer?
    let control: OpaquePointer
    /// Swift object types whose metatables are registered (by identity:
    /// two types may share a display name).
    var registeredTypes: Set<ObjectIdentifier> = []

    init(state L: OpaquePointer) {
        mainThread = L
        control = cl_control_of(L)
        // Held for as long as the core: closing releases the state's own
        // reference, and a closed state's handles still ask the block
        // which thread is running (it must not be freed under them).
        cl_control_retain(control)
        cl_set_host(L, Unmanaged.passUnretained(self).toOpaque())
    }

    static func of(_ L: OpaquePointer) -> LuaStateCore {
        Unmanaged<LuaStateCore>.fromOpaque(cl_host(L)!).takeUnretainedValue()
    }

    func currentThread() throws -> OpaquePointer {
        if let running = cl_running_thread(control) { return running }
        guard let L = mainThread else { throw LuaError(kind: .closed, message: "the Lua state is closed") }
        return L
    }

    func close() {
        guard let L = mainThread else { return }
        mainThread = nil  // handles released during lua_close must not touch it
        cl_close(L)
    }

    deinit {
        close()
        cl_control_release(control)
    }

    /// Runs a protected helper on values `push` leaves on the stack, and
    /// returns its one result converted.
    func protected(_ push: (OpaquePointer) throws -> Void, _ helper: (OpaquePointer, Int32) -> Int32) throws -> LuaValue {
        let L = try currentThread()
        let base = lua_gettop(L)
        guard lua_checkstack(L, 8) != 0 else { throw LuaError(kind: .memory, message: "Lua stack overflow") }
        do { try push(L) } catch { lua_settop(L, base); throw error }
        let status = helper(L, base + 1)
        guard status == LUA_OK else { throw popError(L, status: status, base: base) }
        defer { lua_settop(L, base) }
        return lua_gettop(L) > base + 1 ? try LuaStack.value(at: -1, on: L, core: self) : .nil
    }

    func describe(_ push: (OpaquePointer) throws -> Void) throws -> String {
        let L = try currentThread()
        let base = lua_gettop(L)
        do { try push(L) } catch { lua_settop(L, base); throw error }
        let status = cl_ptostring(L, base + 1)
        guard status == LUA_OK else { throw popError(L, status: status, base: base) }
        defer { lua_settop(L, base) }
        return LuaStack.text(at: -1, on: L) ?? ""
    }

    /// Turns a failed status into a `LuaError`, restoring the stack to `base`.
    func popError(_ L: OpaquePointer, status: Int32, base: Int32) -> LuaError {
        defer { lua_settop(L, base) }
        // The error value is copied only when a copy is small: a script's limits
        // end with it, and a table of shared subtables copies without bound.
        let value = cl_copy_is_bounded(L, -1, 100_000) != 0 ? (try? LuaStack.value(at: -1, on: L, core: self)) ?? .nil : .nil
        cl_push_last_error_text(L)
        var message = LuaStack.text(at: -1, on: L)
        lua_settop(L, -2)
        if message == nil {
            // No message handler ran (a load error, or out of memory).
            message = LuaStack.text(at: -1, on: L) ?? "(error object is a \(value.typeName) value)"
        }
        cl_push_last_traceback(L)
        let traceback = LuaStack.text(at: -1, on: L)
        lua_settop(L, -2)
        var kind: LuaError.Kind
        switch status {
        case LUA_ERRSYNTAX: kind = .syntax
        case LUA_ERRMEM: kind = .memory
        case LUA_ERRERR: kind = .errorHandling
        default: kind = .runtime
        }
        switch cl_stop_reason_of(control) {
        case CL_STOP_MEMORY: kind = .limit(.memory)
        case CL_STOP_INSTRUCTIONS: kind = .limit(.instructions)
        case CL_STOP_DEADLINE: kind = .limit(.time)
        case CL_STOP_INTERRUPT: kind = .limit(.interrupt)
        default: break
        }
        if status == LUA_ERRMEM, kind == .limit(.memory) || cl_memory_limit(control) > 0 {
            // Lua raised "not enough memory" because our cap refused a request.
            kind = .limit(.memory)
            message = "memory limit exceeded (\(cl_memory_limit(control)) bytes)"
        }
        return LuaError(kind: kind, message: message!, value: value, traceback: traceback)
    }
}
