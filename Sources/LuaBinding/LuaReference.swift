import CLua
import CLuaSupport

/// A handle to a living Lua object (a function, userdata or coroutine), held
/// in the registry for as long as Swift keeps the handle.
///
/// Dropping the last Swift copy releases the registry slot, so Lua can
/// collect the object. A handle outliving its state is inert: using it
/// throws a `.closed` error.
public final class LuaReference: Hashable {
    let core: LuaStateCore
    let ref: Int32
    /// The object's address in Lua, which decides equality: two handles to
    /// the same Lua object are equal.
    let identity: UnsafeRawPointer?

    /// Takes the value on top of the stack of `L` (and pops it).
    init(core: LuaStateCore, popping L: OpaquePointer) {
        self.core = core
        self.identity = lua_topointer(L, -1)
        self.ref = luaL_ref(L, cl_registryindex())
    }

    deinit {
        if core.mainThread != nil, let L = try? core.currentThread() { luaL_unref(L, cl_registryindex(), ref) }
    }

    /// Pushes the object onto the stack of `L`, which must belong to the same state.
    func push(_ L: OpaquePointer) throws {
        guard core.mainThread != nil else { throw LuaError(kind: .closed, message: "the Lua state is closed") }
        guard cl_control_of(L) == core.control else {
            throw LuaError(kind: .conversion, message: "a value from one Lua state cannot be used in another")
        }
        lua_rawgeti(L, cl_registryindex(), lua_Integer(ref))
    }

    var identityDescription: String {
        identity.map { String(describing: $0) } ?? "0x0"
    }

    public static func == (a: LuaReference, b: LuaReference) -> Bool {
        a.core === b.core && a.identity == b.identity
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(identity) }
}
