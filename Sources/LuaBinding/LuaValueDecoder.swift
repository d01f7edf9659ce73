import Foundation

/// Reads a `LuaValue` into any `Decodable`: the other half of
/// `LuaValueEncoder`. Tables with string keys become structs and
/// dictionaries, sequences become arrays. It fails closed: a field the type
/// needs that the table lacks, or a value of another type, is a
/// `DecodingError` naming where (never a default put in its place).
///
///     struct Summary: Decodable { var passed: Bool; var count: Int }
///     try LuaValueDecoder().decode(Summary.self, from: result)
///
/// Texts must be valid UTF-8; a float with an integer value reads as an
/// integer, as Lua's own `math.tointeger` would have it.
public struct LuaValueDecoder {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from value: LuaValue) throws -> T {
        try Reader(value: value, codingPath: []).decodeValue(type)
    }
}

private struct Reader: LuaScalarReading {
    let value: LuaValue
    /// Where it is: the container's path and its own key, joined only when
    /// asked for (an error, a nested container), not for every field read.
    let parentPath: [CodingKey]
    let key: CodingKey?
    var codingPath: [CodingKey] { key.map { parentPath + [$0] } ?? parentPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(value: LuaValue, codingPath: [CodingKey]) {
        self.value = value
        self.parentPath = codingPath
        self.key = nil
    }

    init(value: LuaValue, in parentPath: [CodingKey], at key: CodingKey) {
        self.value = value
        self.parentPath = parentPath
        self.key = key
    }

    func mismatch(_ expected: Any.Type, _ what: String) -> DecodingError {
        .typeMismatch(expected, .init(codingPath: codingPath, debugDescription: "expected \(what), found \(value.typeName)"))
    }

    func text() throws -> String {
        guard case .string(let s) = value else { throw mismatch(String.self, "text") }
        guard let text = s.text else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "not valid UTF-8 text"))
        }
        return text
    }

    func boolean() throws -> Bool {
        guard case .boolean(let b) = value else { throw mismatch(Bool.self, "a boolean") }
        return b
    }

    func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        guard let n = value.integerValue else { throw mismatch(type, "an integer") }
        guard let fitted = I(exactly: n) else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "\(n) does not fit"))
        }
        return fitted
    }

    func number() throws -> Double {
        guard let d = value.doubleValue else { throw mismatch(Double.self, "a number") }
        return d
    }

    func table() throws -> LuaTable {
        guard case .table(let t) = value else { throw mismatch(LuaTable.self, "a table") }
        return t
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        // Its fields by name, read once: a field is looked up two or three times (optional ones).
        var fields: [String: LuaValue] = [:]
        let t = try table()
        fields.reserveCapacity(t.hash.count)
        for (key, value) in t.hash {
            if case .string(let s) = key, let name = s.text { fields[name] = value }
        }
        return KeyedDecodingContainer(Keyed<Key>(fields: fields, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        let t = try table()
        guard t.hash.isEmpty || t.array.isEmpty else { throw mismatch([LuaValue].self, "a sequence") }
        // An empty table is an empty list; a sequence may cross as a hash with keys 1...n.
        var items = t.array
        if items.isEmpty && !t.hash.isEmpty {
            for i in 1...t.hash.count {
                guard let item = t.hash[.integer(Int64(i))] else { throw mismatch([LuaValue].self, "a sequence") }
                items.append(item)
            }
        }
        return Unkeyed(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { Single(reader: self) }
}

/// A position in a Lua sequence on a coding path, said as Lua counts it
/// ("[1]" for the first): both decoders' (the stack's and `LuaValue`'s).
struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { intValue.map { "[\($0 + 1)]" } ?? "" }
    init(_ index: Int) { intValue = index }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let fields: [String: LuaValue]
    let codingPath: [CodingKey]

    var allKeys: [Key] { fields.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { fields[key.stringValue] != nil }

    func reader(_ key: Key) throws -> Reader {
        guard let value = fields[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no field '\(key.stringValue)'"))
        }
        return Reader(value: value, in: codingPath, at: key)
    }

    func decodeNil(forKey key: Key) throws -> Bool { fields[key.stringValue] == nil }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try reader(key).decodeValue(type) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = fields[key.stringValue] else { return nil }
        return try Reader(value: value, in: codingPath, at: key).decodeValue(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try reader(key).container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer { try reader(key).unkeyedContainer() }
    func superDecoder() throws -> Decoder {
        var table = LuaTable()
        for (name, value) in fields { table[name] = value }
        return Reader(value: .table(table), codingPath: codingPath)
    }
    func superDecoder(forKey key: Key) throws -> Decoder { try reader(key) }
}

private struct Unkeyed: UnkeyedDecodingContainer {
    let items: [LuaValue]
    let codingPath: [CodingKey]
    var currentIndex = 0

    init(items: [LuaValue], codingPath: [CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    mutating func next() throws -> Reader {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(LuaValue.self, .init(codingPath: codingPath + [IndexKey(currentIndex)], debugDescription: "the list ends"))
        }
        defer { currentIndex += 1 }
        return Reader(value: items[currentIndex], in: codingPath, at: IndexKey(currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex].isNil else { return false }
        currentIndex += 1
        return true
    }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeValue(type) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> Decoder { try next() }
}

private struct Single: SingleValueDecodingContainer {
    let reader: Reader
    var codingPath: [CodingKey] { reader.codingPath }

    func decodeNil() -> Bool { reader.value.isNil }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.decodeValue(type) }
}
