import CLua
import CLuaSupport

extension LuaArguments {
    /// The argument at `position` read into `type` where it lies: raw (no
    /// metamethods run), field by field, without first copying the table
    /// into `LuaValue`s (for a large result, the copy costs more than the
    /// reading). It fails closed as `LuaValueDecoder` does: a missing field,
    /// a value of another type or text that is not UTF-8 is a
    /// `DecodingError` naming where.
    public func decode<T: Decodable>(_ type: T.Type, at position: Int32) throws -> T {
        let base = lua_gettop(L)
        defer { lua_settop(L, base) }
        let meter = LuaCopyMeter(LuaCopyBudget(LuaStateCore.of(L)))
        return try StackReader(L: L, index: lua_absindex(L, position), parentPath: [], key: nil, meter: meter).decodeValue(type)
    }
}

/// A value on the stack. Nested values are pushed while they are read and
/// popped after; a container asked for by key stays pushed until the
/// outermost `decode` returns.
private struct StackReader: LuaScalarReading {
    let L: OpaquePointer
    let index: Int32
    let parentPath: [CodingKey]
    let key: CodingKey?
    /// What the read has cost so far, shared by every value it reads: a
    /// table that holds the same subtable twice at every level is read
    /// once per path, so in place is no bound by itself.
    let meter: LuaCopyMeter
    var codingPath: [CodingKey] { key.map { parentPath + [$0] } ?? parentPath }

    func spendEntry() throws { try meter.budget.spendEntry() }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    var type: Int32 { lua_type(L, index) }

    func mismatch(_ expected: Any.Type, _ what: String) -> DecodingError {
        let found = String(cString: lua_typename(L, type))
        return .typeMismatch(expected, .init(codingPath: codingPath, debugDescription: "expected \(what), found \(found)"))
    }

    func text() throws -> String {
        guard type == LUA_TSTRING else { throw mismatch(String.self, "text") }
        var length = 0
        guard let chars = cl_tolstring(L, index, &length) else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "not valid UTF-8 text"))
        }
        try meter.budget.spendText(length)
        guard let text = String(validating: UnsafeRawBufferPointer(start: chars, count: length), as: UTF8.self) else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "not valid UTF-8 text"))
        }
        return text
    }

    func boolean() throws -> Bool {
        guard type == LUA_TBOOLEAN else { throw mismatch(Bool.self, "a boolean") }
        return lua_toboolean(L, index) != 0
    }

    func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        var exact: Int32 = 0
        let n = self.type == LUA_TNUMBER ? lua_tointegerx(L, index, &exact) : 0
        guard exact != 0 else { throw mismatch(type, "an integer") }
        guard let fitted = I(exactly: n) else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "\(n) does not fit"))
        }
        return fitted
    }

    func number() throws -> Double {
        guard type == LUA_TNUMBER else { throw mismatch(Double.self, "a number") }
        return lua_tonumberx(L, index, nil)
    }

    func table() throws {
        guard type == LUA_TTABLE else { throw mismatch([String: String].self, "a table") }
        guard lua_checkstack(L, 4) != 0 else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "nested too deeply"))
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        try table()
        return KeyedDecodingContainer(StackKeyed<Key>(L: L, index: index, codingPath: codingPath, meter: meter))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        try table()
        let count = Int(lua_rawlen(L, index))
        if count == 0 {
            // An empty table is an empty list; a table of named fields is not a list.
            lua_pushnil(L)
            let hasEntry = lua_next(L, index) != 0
            if hasEntry { lua_settop(L, -3) }
            if hasEntry { throw mismatch([String].self, "a sequence") }
        }
        return StackUnkeyed(L: L, index: index, codingPath: codingPath, count: count, meter: meter)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { StackSingle(reader: self) }
}

private struct StackKeyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let L: OpaquePointer
    let index: Int32
    let codingPath: [CodingKey]
    let meter: LuaCopyMeter

    /// Pushes table[key] (raw) and returns its type.
    private func push(_ key: Key) -> Int32 {
        LuaStack.pushString(key.stringValue, on: L)
        return lua_rawget(L, index)
    }

    /// Runs `body` on the field's value, pushed while it runs; nil when the field is absent.
    private func withField<T>(_ key: Key, _ body: (StackReader) throws -> T) throws -> T? {
        guard lua_checkstack(L, 4) != 0 else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "nested too deeply"))
        }
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        guard push(key) != LUA_TNIL else { return nil }
        return try body(StackReader(L: L, index: lua_gettop(L), parentPath: codingPath, key: key, meter: meter))
    }

    private func missing(_ key: Key) -> DecodingError {
        .keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no field '\(key.stringValue)'"))
    }

    var allKeys: [Key] {
        var keys: [Key] = []
        guard lua_checkstack(L, 4) != 0 else { return keys }
        lua_pushnil(L)
        while lua_next(L, index) != 0 {
            // Only string keys are read, and read as they are (never converted in place, which would confuse next).
            if lua_type(L, -2) == LUA_TSTRING {
                var length = 0
                if let chars = cl_tolstring(L, -2, &length),
                   let name = String(validating: UnsafeRawBufferPointer(start: chars, count: length), as: UTF8.self),
                   let key = Key(stringValue: name) {
                    keys.append(key)
                }
            }
            lua_settop(L, -2)
        }
        return keys
    }

    func contains(_ key: Key) -> Bool { (try? withField(key) { _ in true }) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { try withField(key) { _ in false } ?? true }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        guard let value = try withField(key, { try $0.decodeValue(type) }) else { throw missing(key) }
        return value
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try withField(key) { try $0.decodeValue(type) }
    }

    /// The field stays pushed: the container reads from it after this returns.
    private func pushed(_ key: Key) throws -> StackReader {
        guard lua_checkstack(L, 4) != 0 else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "nested too deeply"))
        }
        guard push(key) != LUA_TNIL else { lua_settop(L, -2); throw missing(key) }
        return StackReader(L: L, index: lua_gettop(L), parentPath: codingPath, key: key, meter: meter)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try pushed(key).container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer { try pushed(key).unkeyedContainer() }
    func superDecoder() throws -> Decoder { StackReader(L: L, index: index, parentPath: codingPath, key: nil, meter: meter) }
    func superDecoder(forKey key: Key) throws -> Decoder { try pushed(key) }
}

private struct StackUnkeyed: UnkeyedDecodingContainer {
    let L: OpaquePointer
    let index: Int32
    let codingPath: [CodingKey]
    let total: Int
    let meter: LuaCopyMeter
    var currentIndex = 0

    init(L: OpaquePointer, index: Int32, codingPath: [CodingKey], count: Int, meter: LuaCopyMeter) {
        self.meter = meter
        self.L = L
        self.index = index
        self.codingPath = codingPath
        self.total = count
    }

    var count: Int? { total }
    var isAtEnd: Bool { currentIndex >= total }

    private func ended() -> DecodingError {
        .valueNotFound(Any.self, .init(codingPath: codingPath + [IndexKey(currentIndex)], debugDescription: "the list ends"))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { throw ended() }
        let isNil = lua_rawgeti(L, index, lua_Integer(currentIndex + 1)) == LUA_TNIL
        lua_settop(L, -2)
        if isNil { currentIndex += 1 }
        return isNil
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        guard !isAtEnd else { throw ended() }
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        lua_rawgeti(L, index, lua_Integer(currentIndex + 1))
        let value = try StackReader(L: L, index: top + 1, parentPath: codingPath, key: IndexKey(currentIndex), meter: meter)
            .decodeValue(type)
        currentIndex += 1
        return value
    }

    /// The element stays pushed: the container reads from it after this returns.
    private mutating func pushedNext() throws -> StackReader {
        guard !isAtEnd else { throw ended() }
        lua_rawgeti(L, index, lua_Integer(currentIndex + 1))
        defer { currentIndex += 1 }
        return StackReader(L: L, index: lua_gettop(L), parentPath: codingPath, key: IndexKey(currentIndex), meter: meter)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try pushedNext().container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer { try pushedNext().unkeyedContainer() }
    mutating func superDecoder() throws -> Decoder { try pushedNext() }
}

private struct StackSingle: SingleValueDecodingContainer {
    let reader: StackReader
    var codingPath: [CodingKey] { reader.codingPath }

    func decodeNil() -> Bool { reader.type == LUA_TNIL }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.decodeValue(type) }
}
