import CLua
import CLuaSupport

/// Conversions between `LuaValue` and the Lua stack. Everything here is raw
/// (no metamethods run) and is called with the memory cap lifted, so none of
/// it can raise a Lua error.
enum LuaStack {
    /// How deep a table may nest before a conversion gives up.
    static let maximumDepth = 200

    static func push(_ value: LuaValue, on L: OpaquePointer) throws {
        switch value {
        case .nil: lua_pushnil(L)
        case .boolean(let b): lua_pushboolean(L, b ? 1 : 0)
        case .integer(let i): lua_pushinteger(L, i)
        case .number(let d): lua_pushnumber(L, d)
        case .string(let s): pushBytes(s.bytes, on: L)
        case .table(let t): try push(t, on: L, depth: 0)
        case .function(let f): try f.reference.push(L)
        case .userdata(let r), .thread(let r): try r.push(L)
        case .lightUserdata(let p): lua_pushlightuserdata(L, p)
        }
    }

    static func pushBytes(_ bytes: [UInt8], on L: OpaquePointer) {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                _ = lua_pushlstring(L, $0, buffer.count)
            }
        }
    }

    static func pushString(_ text: String, on L: OpaquePointer) {
        var text = text
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                _ = lua_pushlstring(L, chars.baseAddress, chars.count)
            }
        }
    }

    private static func push(_ table: LuaTable, on L: OpaquePointer, depth: Int) throws {
        guard depth < maximumDepth else {
            throw LuaError(kind: .conversion, message: "table nested too deeply to convert")
        }
        guard lua_checkstack(L, 3) != 0 else {
            throw LuaError(kind: .conversion, message: "stack overflow while converting a table")
        }
        lua_createtable(L, Int32(clamping: table.array.count), Int32(clamping: table.hash.count))
        let top = lua_gettop(L)
        do {
            for (i, element) in table.array.enumerated() where !element.isNil {
                try pushNested(element, on: L, depth: depth)
                lua_rawseti(L, top, lua_Integer(i + 1))
            }
            for (key, element) in table.hash where !element.isNil {
                switch key {
                case .nil:
                    throw LuaError(kind: .conversion, message: "table index is nil")
                case .number(let d) where d.isNaN:
                    throw LuaError(kind: .conversion, message: "table index is NaN")
                default: break
                }
                try pushNested(key, on: L, depth: depth)
                try pushNested(element, on: L, depth: depth)
                lua_rawset(L, top)
            }
        } catch {
            lua_settop(L, top - 1)
            throw error
        }
    }

    private static func pushNested(_ value: LuaValue, on L: OpaquePointer, depth: Int) throws {
        if case .table(let t) = value { try push(t, on: L, depth: depth + 1) }
        else { try push(value, on: L) }
    }

    /// The text of a string or number at `index`, without converting the slot.
    static func text(at index: Int32, on L: OpaquePointer) -> String? {
        let type = lua_type(L, index)
        guard type == LUA_TSTRING || type == LUA_TNUMBER else { return nil }
        lua_pushvalue(L, index)
        defer { lua_settop(L, -2) }
        var length = 0
        guard let chars = cl_tolstring(L, -1, &length) else { return nil }
        return chars.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    static func bytes(at index: Int32, on L: OpaquePointer) -> [UInt8] {
        var length = 0
        guard let chars = cl_tolstring(L, index, &length) else { return [] }
        return chars.withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    static func value(at index: Int32, on L: OpaquePointer, core: LuaStateCore) throws -> LuaValue {
        var visiting: [UnsafeRawPointer] = []
        var budget = LuaCopyBudget(core)
        return try value(at: lua_absindex(L, index), on: L, core: core, visiting: &visiting, budget: &budget, path: "")
    }

    static func values(from first: Int32, to last: Int32, on L: OpaquePointer, core: LuaStateCore) throws -> [LuaValue] {
        guard first <= last else { return [] }
        var result: [LuaValue] = []
        result.reserveCapacity(Int(last - first + 1))
        var visiting: [UnsafeRawPointer] = []
        var budget = LuaCopyBudget(core)
        for i in first...last {
            result.append(try value(at: i, on: L, core: core, visiting: &visiting, budget: &budget, path: ""))
        }
        return result
    }

    private static func value(
        at index: Int32, on L: OpaquePointer, core: LuaStateCore,
        visiting: inout [UnsafeRawPointer], budget: inout LuaCopyBudget, path: String
    ) throws -> LuaValue {
        try budget.spendEntry()
        switch lua_type(L, index) {
        case LUA_TNIL, LUA_TNONE: return .nil
        case LUA_TBOOLEAN: return .boolean(lua_toboolean(L, index) != 0)
        case LUA_TNUMBER:
            if cl_isinteger(L, index) != 0 { return .integer(lua_tointegerx(L, index, nil)) }
            return .number(lua_tonumberx(L, index, nil))
        case LUA_TSTRING:
            try budget.spendText(Int(lua_rawlen(L, index)))
            return .string(LuaString(bytes: bytes(at: index, on: L)))
        case LUA_TTABLE: return .table(try table(at: index, on: L, core: core, visiting: &visiting, budget: &budget, path: path))
        case LUA_TFUNCTION:
            lua_pushvalue(L, index)
            return .function(LuaFunction(reference: LuaReference(core: core, popping: L)))
        case LUA_TLIGHTUSERDATA: return .lightUserdata(lua_touserdata(L, index))
        case LUA_TTHREAD:
            lua_pushvalue(L, index)
            return .thread(LuaReference(core: core, popping: L))
        default:
            lua_pushvalue(L, index)
            return .userdata(LuaReference(core: core, popping: L))
        }
    }

    private static func table(
        at index: Int32, on L: OpaquePointer, core: LuaStateCore,
        visiting: inout [UnsafeRawPointer], budget: inout LuaCopyBudget, path: String
    ) throws -> LuaTable {
        let identity = lua_topointer(L, index)!
        if visiting.contains(identity) {
            throw LuaError(kind: .conversion, message: "cannot convert a table that contains itself (at \(path.isEmpty ? "the top" : path))")
        }
        guard visiting.count < maximumDepth else {
            throw LuaError(kind: .conversion, message: "table nested too deeply to convert")
        }
        guard lua_checkstack(L, 4) != 0 else {
            throw LuaError(kind: .conversion, message: "stack overflow while converting a table")
        }
        visiting.append(identity)
        defer { visiting.removeLast() }
        var result = LuaTable()
        let length = lua_rawlen(L, index)
        if length > 0 {
            // Reserved only as far as the budget could go: a border is no count of what is there.
            result.array.reserveCapacity(min(Int(length), budget.entriesLeft))
            for i in 1...length {
                if lua_rawgeti(L, index, lua_Integer(i)) == LUA_TNIL { lua_settop(L, -2); break }
                defer { lua_settop(L, -2) }
                result.array.append(try value(at: lua_gettop(L), on: L, core: core, visiting: &visiting, budget: &budget,
                                              path: "\(path)[\(i)]"))
            }
        }
        let arrayCount = Int64(result.array.count)
        lua_pushnil(L)
        while lua_next(L, index) != 0 {
            let keyIndex = lua_gettop(L) - 1
            if cl_isinteger(L, keyIndex) != 0 {
                let k = lua_tointegerx(L, keyIndex, nil)
                if k >= 1 && k <= arrayCount { lua_settop(L, -2); continue }
            }
            do {
                let key = try value(at: keyIndex, on: L, core: core, visiting: &visiting, budget: &budget, path: path)
                let element = try value(at: keyIndex + 1, on: L, core: core, visiting: &visiting, budget: &budget,
                                        path: path + "." + key.description)
                result.hash[key] = element
            } catch {
                lua_settop(L, keyIndex - 1)
                throw error
            }
            lua_settop(L, -2)
        }
        return result
    }
}
