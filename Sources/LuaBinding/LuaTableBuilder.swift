import CLua

/// Writes a table straight onto the Lua stack, for a Swift function that
/// returns a lot of data (a search's whole event log): making `LuaValue`s
/// first would cost more than the data. Return `.built { t in ... }` from a
/// callback:
///
///     .built { t in
///         for event in events {
///             t.append(hash: 4) { e in
///                 e.set("kind", event.kind)
///                 e.set("day", event.day)
///             }
///         }
///     }
///
/// Every write is raw (no metamethods) into tables made here, and runs in a
/// Swift function called from Lua, where the memory cap is lifted: none of
/// it can raise a Lua error.
/// A table passed in by Lua (a class of the Lua half, say) that a builder
/// gives as metatable to the tables it makes: `args.metatable(1)`.
public struct LuaMetatable {
    /// Its stack index in the Swift function's frame, below anything built.
    let index: Int32
}

extension LuaArguments {
    /// The table argument at `position`, to use as a metatable.
    public func metatable(_ position: Int32) throws -> LuaMetatable {
        guard lua_type(L, position) == LUA_TTABLE else { throw typeError(position, expected: "table") }
        return LuaMetatable(index: position)
    }
}

/// A table kept on the stack while a result is built, so that the tables
/// built can share values: one Date object per day for a whole log, say,
/// instead of one per event. Made by `LuaTableBuilder.withShared`.
public struct LuaShared {
    let index: Int32
}

public struct LuaTableBuilder {
    public typealias Body = (inout LuaTableBuilder) throws -> Void

    let L: OpaquePointer
    /// The table's absolute stack index.
    let index: Int32
    /// How many values the sequence part holds so far.
    public private(set) var count: Int64 = 0

    /// Makes a table on top of the stack and runs `body` to fill it; on an
    /// error the stack is as it was.
    static func build(on L: OpaquePointer, array: Int, hash: Int, metatable: LuaMetatable? = nil, _ body: Body) throws {
        guard lua_checkstack(L, 4) != 0 else {
            throw LuaError(kind: .conversion, message: "stack overflow while building a table")
        }
        lua_createtable(L, Int32(clamping: array), Int32(clamping: hash))
        if let metatable {
            // Raw, and it cannot raise: no __metatable check, and a __gc only marks the table.
            lua_pushvalue(L, metatable.index)
            lua_setmetatable(L, -2)
        }
        var builder = LuaTableBuilder(L: L, index: lua_gettop(L))
        do {
            try body(&builder)
        } catch {
            lua_settop(L, builder.index - 1)
            throw error
        }
    }

    private func key(_ name: String) { LuaStack.pushString(name, on: L) }
    private func store() { lua_rawset(L, index) }

    /// Sets `name` to a string; nil leaves it unset.
    public func set(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        LuaStack.pushString(value, on: L)
        store()
    }

    /// Sets `name` to a string of these bytes (a database column read in
    /// place, say); nil leaves it unset.
    public func set(_ name: String, bytes: UnsafeRawBufferPointer?) {
        guard let bytes else { return }
        key(name)
        _ = lua_pushlstring(L, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count)
        store()
    }

    /// Sets `name` to an integer; nil leaves it unset.
    public func set(_ name: String, _ value: Int64?) {
        guard let value else { return }
        key(name)
        lua_pushinteger(L, value)
        store()
    }

    public func set(_ name: String, _ value: Int?) { set(name, value.map(Int64.init)) }

    /// Sets `name` to a boolean; nil leaves it unset.
    public func set(_ name: String, _ value: Bool?) {
        guard let value else { return }
        key(name)
        lua_pushboolean(L, value ? 1 : 0)
        store()
    }

    /// Sets `name` to any value (converted as a callback's result would be).
    public func set(_ name: String, _ value: LuaValue) throws {
        guard !value.isNil else { return }
        key(name)
        do { try LuaStack.push(value, on: L) } catch { lua_settop(L, index); throw error }
        store()
    }

    /// Sets `name` to a list of strings.
    public func set(_ name: String, strings: [String]) {
        key(name)
        lua_createtable(L, Int32(clamping: strings.count), 0)
        for (i, s) in strings.enumerated() {
            LuaStack.pushString(s, on: L)
            lua_rawseti(L, -2, lua_Integer(i + 1))
        }
        store()
    }

    /// Sets `name` to a new table that `body` fills, with `metatable` if given.
    public func set(_ name: String, array: Int = 0, hash: Int = 0, metatable: LuaMetatable? = nil, _ body: Body) throws {
        key(name)
        try nested(array: array, hash: hash, metatable: metatable, body)
    }

    /// Sets the integer key `key` to a new table that `body` fills, with `metatable` if given.
    public func set(_ key: Int64, array: Int = 0, hash: Int = 0, metatable: LuaMetatable? = nil, _ body: Body) throws {
        lua_pushinteger(L, key)
        try nested(array: array, hash: hash, metatable: metatable, body)
    }

    /// Runs `body` with a table of shared values, dropped when it returns.
    public func withShared<T>(_ body: (LuaShared) throws -> T) throws -> T {
        guard lua_checkstack(L, 4) != 0 else {
            throw LuaError(kind: .conversion, message: "stack overflow while building a table")
        }
        lua_createtable(L, 0, 0)
        let shared = LuaShared(index: lua_gettop(L))
        defer { lua_settop(L, shared.index - 1) }
        return try body(shared)
    }

    /// Sets `name` to the table `shared` holds under `key`, first made by
    /// `body` (with `metatable` if given) when it holds none: tables set
    /// this way under one key are one and the same table.
    public func set(_ name: String, sharedIn shared: LuaShared, key: Int64, hash: Int = 0,
                    metatable: LuaMetatable? = nil, _ body: Body) throws {
        self.key(name)
        if lua_rawgeti(L, shared.index, key) == LUA_TNIL {
            lua_settop(L, -2)
            do {
                try LuaTableBuilder.build(on: L, array: 0, hash: hash, metatable: metatable, body)
            } catch {
                lua_settop(L, index)
                throw error
            }
            lua_pushvalue(L, -1)
            lua_rawseti(L, shared.index, key)
        }
        store()
    }

    /// Gives the table being built a metatable.
    public func setMetatable(_ metatable: LuaMetatable) {
        lua_pushvalue(L, metatable.index)
        lua_setmetatable(L, index)
    }

    /// Appends a string to the sequence part.
    public mutating func append(_ value: String) {
        LuaStack.pushString(value, on: L)
        count += 1
        lua_rawseti(L, index, count)
    }

    /// Appends a string of these bytes to the sequence part.
    public mutating func append(bytes: UnsafeRawBufferPointer) {
        _ = lua_pushlstring(L, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count)
        count += 1
        lua_rawseti(L, index, count)
    }

    /// Appends a new table that `body` fills to the sequence part, with `metatable` if given.
    public mutating func append(array: Int = 0, hash: Int = 0, metatable: LuaMetatable? = nil, _ body: Body) throws {
        try LuaTableBuilder.build(on: L, array: array, hash: hash, metatable: metatable, body)
        count += 1
        lua_rawseti(L, index, count)
    }

    /// The key is on the stack: makes the value, stores the pair.
    private func nested(array: Int, hash: Int, metatable: LuaMetatable?, _ body: Body) throws {
        do {
            try LuaTableBuilder.build(on: L, array: array, hash: hash, metatable: metatable, body)
        } catch {
            lua_settop(L, index)
            throw error
        }
        store()
    }
}
