import CLua
import CLuaSupport

/// A live Lua table, as opposed to `LuaTable`, which is a copy.
///
/// Reads and writes go through the table's metamethods (`__index`,
/// `__newindex`, `__len`, `__tostring`), in protected calls: a metamethod
/// that raises comes back as a thrown `LuaError`.
///
///     let g = try lua.globals
///     try g.set("limit", 10)
///     let config = try g.table("config")      // a live nested table, or nil
public struct LuaTableHandle: Hashable {
    public let reference: LuaReference

    init(reference: LuaReference) { self.reference = reference }

    /// `table[key]`, with metamethods; tables come back copied.
    public func get(_ key: LuaValue) throws -> LuaValue {
        let core = reference.core
        return try core.protected({ L in
            try reference.push(L)
            try LuaStack.push(key, on: L)
        }, { L, base in cl_pgettable(L, base) })
    }

    public func get(_ key: String) throws -> LuaValue { try get(LuaValue(key)) }

    /// `table[key] = value`, with metamethods.
    public func set(_ key: LuaValue, _ value: LuaValue) throws {
        let core = reference.core
        _ = try core.protected({ L in
            try reference.push(L)
            try LuaStack.push(key, on: L)
            try LuaStack.push(value, on: L)
        }, { L, base in cl_psettable(L, base) })
    }

    public func set(_ key: String, _ value: LuaValue) throws { try set(LuaValue(key), value) }

    /// `table[key]` as a live table, or nil when it is not a table.
    public func table(_ key: String) throws -> LuaTableHandle? {
        let core = reference.core
        let L = try core.currentThread()
        let base = lua_gettop(L)
        try reference.push(L)
        try LuaStack.push(LuaValue(key), on: L)
        let status = cl_pgettable(L, base + 1)
        guard status == LUA_OK else { throw core.popError(L, status: status, base: base) }
        guard lua_type(L, -1) == LUA_TTABLE else { lua_settop(L, base); return nil }
        let handle = LuaTableHandle(reference: LuaReference(core: core, popping: L))
        lua_settop(L, base)
        return handle
    }

    /// `#table`, with `__len`.
    public func length() throws -> Int64 {
        let core = reference.core
        let L = try core.currentThread()
        let base = lua_gettop(L)
        try reference.push(L)
        var length: Int64 = 0
        let status = cl_plen(L, base + 1, &length)
        guard status == LUA_OK else { throw core.popError(L, status: status, base: base) }
        lua_settop(L, base)
        return length
    }

    /// `tostring(table)`, with `__tostring`.
    public func describe() throws -> String {
        try reference.core.describe { L in try reference.push(L) }
    }

    /// A raw, deep copy of the table.
    public func copy() throws -> LuaTable {
        let core = reference.core
        let L = try core.currentThread()
        try reference.push(L)
        defer { lua_settop(L, -2) }
        return try LuaStack.value(at: -1, on: L, core: core).tableValue ?? LuaTable()
    }
}

extension LuaArguments {
    /// The table argument at `position`, live.
    public func tableHandle(_ position: Int32) throws -> LuaTableHandle {
        guard lua_type(L, position) == LUA_TTABLE else { throw typeError(position, expected: "table") }
        lua_pushvalue(L, position)
        return LuaTableHandle(reference: LuaReference(core: core, popping: L))
    }
}
