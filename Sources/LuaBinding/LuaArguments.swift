import CLua
import CLuaSupport

/// The arguments of a Swift function called from Lua, read in place.
///
/// The checked readers throw `LuaArgumentError`, which Lua reports exactly
/// as it reports its own: `bad argument #1 to 'log' (string expected, got nil)`.
/// For methods, argument 1 is the object itself.
public struct LuaArguments {
    @usableFromInline let L: OpaquePointer
    var core: LuaStateCore { LuaStateCore.of(L) }

    /// How many arguments were passed.
    public let count: Int32

    init(L: OpaquePointer) {
        self.L = L
        self.count = lua_gettop(L)
    }

    /// The argument at `position` (1-based), converted; nil when absent.
    public func value(_ position: Int32) throws -> LuaValue {
        do { return try LuaStack.value(at: position, on: L, core: core) }
        catch let error as LuaError { throw LuaArgumentError(position, error.message) }
    }

    /// All arguments, converted.
    public func all() throws -> [LuaValue] {
        try (0..<count).map { try value($0 + 1) }
    }

    public func isNone(_ position: Int32) -> Bool { lua_type(L, position) == LUA_TNONE }
    public func isNil(_ position: Int32) -> Bool { lua_type(L, position) <= LUA_TNIL }

    // The numeric readers are inlinable: they sit on the hot path of every
    // Swift function Lua calls, in the caller's module.
    @inlinable
    public func integer(_ position: Int32) throws -> Int64 {
        var isNumber: Int32 = 0
        let result = lua_tointegerx(L, position, &isNumber)
        if isNumber != 0 { return result }
        throw integerError(position)
    }

    @usableFromInline
    func integerError(_ position: Int32) -> LuaArgumentError {
        if lua_isnumber(L, position) != 0 {
            return LuaArgumentError(position, "number has no integer representation")
        }
        return typeError(position, expected: "number")
    }

    @inlinable
    public func number(_ position: Int32) throws -> Double {
        var isNumber: Int32 = 0
        let result = lua_tonumberx(L, position, &isNumber)
        if isNumber != 0 { return result }
        throw typeError(position, expected: "number")
    }

    /// A string argument; numbers are accepted and converted, as in Lua.
    public func string(_ position: Int32) throws -> String {
        String(decoding: try bytes(position), as: UTF8.self)
    }

    public func bytes(_ position: Int32) throws -> [UInt8] {
        let type = lua_type(L, position)
        guard type == LUA_TSTRING || type == LUA_TNUMBER else { throw typeError(position, expected: "string") }
        return LuaStack.bytes(at: position, on: L)
    }

    public func boolean(_ position: Int32) -> Bool { lua_toboolean(L, position) != 0 }

    public func table(_ position: Int32) throws -> LuaTable {
        guard lua_type(L, position) == LUA_TTABLE else { throw typeError(position, expected: "table") }
        guard case .table(let t) = try value(position) else { return LuaTable() }
        return t
    }

    public func function(_ position: Int32) throws -> LuaFunction {
        guard lua_type(L, position) == LUA_TFUNCTION else { throw typeError(position, expected: "function") }
        lua_pushvalue(L, position)
        return LuaFunction(reference: LuaReference(core: core, popping: L))
    }

    /// The Swift object of type `T` passed at `position`.
    public func object<T: LuaObject>(_ position: Int32, as type: T.Type = T.self) throws -> T {
        guard let raw = cl_to_swift_object(L, position, T.luaRegistryKey) else {
            throw typeError(position, expected: T.luaTypeName)
        }
        return Unmanaged<AnyObject>.fromOpaque(raw).takeUnretainedValue() as! T
    }

    public func optionalString(_ position: Int32) throws -> String? {
        isNil(position) ? nil : try string(position)
    }

    public func optionalInteger(_ position: Int32) throws -> Int64? {
        isNil(position) ? nil : try integer(position)
    }

    /// "string expected, got nil", naming a userdata by its __name as Lua does.
    public func typeError(_ position: Int32, expected: String) -> LuaArgumentError {
        let type = lua_type(L, position)
        let actual: String
        if type == LUA_TNONE {
            actual = "no value"
        } else if luaL_getmetafield(L, position, "__name") != LUA_TNIL {
            actual = lua_type(L, -1) == LUA_TSTRING ? LuaStack.text(at: -1, on: L)! : "userdata"
            lua_settop(L, -2)
        } else if type == LUA_TLIGHTUSERDATA {
            actual = "light userdata"
        } else {
            actual = String(cString: lua_typename(L, type))
        }
        return LuaArgumentError(position, "\(expected) expected, got \(actual)")
    }
}

/// What a Swift function returns to Lua.
public enum LuaResults {
    case none
    case one(LuaValue)
    case many([LuaValue])
    /// One table, written straight onto the stack: see `LuaTableBuilder`.
    case built(array: Int = 0, hash: Int = 0, metatable: LuaMetatable? = nil, LuaTableBuilder.Body)

    var count: Int {
        switch self {
        case .none: 0
        case .one, .built: 1
        case .many(let values): values.count
        }
    }
}

extension LuaResults: ExpressibleByNilLiteral, ExpressibleByArrayLiteral {
    public init(nilLiteral: ()) { self = .none }
    public init(arrayLiteral elements: LuaValue...) { self = .many(elements) }
}

/// A Swift function Lua can call.
public typealias LuaCallback = (LuaArguments) throws -> LuaResults
