import Foundation

/// Turns any `Encodable` into a `LuaValue`: structs and dictionaries become
/// tables with string keys, arrays become sequences, nil fields are left out
/// (as a Lua table has them), integers stay integers.
///
///     struct Offer: Encodable { var company: String; var base: Int }
///     try LuaValueEncoder().encode(Offer(company: "Acme", base: 55000))
///     // .table(["company": "Acme", "base": 55000])
///
/// One declaration of a type's fields (its `Codable` conformance) serves
/// JSON, SQL and Lua alike, without hand-written mappings.
public struct LuaValueEncoder {
    /// How a `Date` is written; by default as seconds since 1970.
    public var encodeDate: (Date) -> LuaValue = { .number($0.timeIntervalSince1970) }

    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> LuaValue {
        let root = Node()
        try Storage(node: root, encoder: self).encodeValue(value)
        return root.value
    }
}

/// What is being built: a scalar, a keyed table or a sequence. A class, so
/// that containers handed out by the encoder write into their own slot.
private final class Node {
    var scalar: LuaValue = .nil
    var keyed: [(String, Node)]?
    var unkeyed: [Node]?

    var value: LuaValue {
        if let unkeyed { return .table(LuaTable(array: unkeyed.map(\.value))) }
        if let keyed {
            var table = LuaTable()
            for (key, node) in keyed { table[key] = node.value }
            return .table(table)
        }
        return scalar
    }
}

private struct Storage: Encoder {
    let node: Node
    let encoder: LuaValueEncoder
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func child() -> Node { Node() }

    /// Dates take the encoder's form; everything else encodes itself.
    func encodeValue<T: Encodable>(_ value: T) throws {
        if let date = value as? Date {
            node.scalar = encoder.encodeDate(date)
        } else {
            try value.encode(to: self)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.keyed == nil { node.keyed = [] }  // a second request adds to the same table
        return KeyedEncodingContainer(Keyed<Key>(storage: self))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if node.unkeyed == nil { node.unkeyed = [] }
        return Unkeyed(storage: self)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { Single(storage: self) }
}

private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: Storage
    var codingPath: [CodingKey] { storage.codingPath }

    private func slot(_ key: Key) -> Storage {
        let node = Node()
        storage.node.keyed!.append((key.stringValue, node))
        return Storage(node: node, encoder: storage.encoder, codingPath: codingPath + [key])
    }

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode(_ value: Bool, forKey key: Key) throws { slot(key).node.scalar = .boolean(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { slot(key).node.scalar = LuaValue(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { slot(key).node.scalar = .number(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { slot(key).node.scalar = .number(Double(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { slot(key).node.scalar = .integer(Int64(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { slot(key).node.scalar = .integer(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { slot(key).node.scalar = .integer(Int64(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try slot(key).encodeValue(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        slot(key).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer { slot(key).unkeyedContainer() }
    mutating func superEncoder() -> Encoder { storage }
    mutating func superEncoder(forKey key: Key) -> Encoder { slot(key) }
}

private struct Unkeyed: UnkeyedEncodingContainer {
    let storage: Storage
    var codingPath: [CodingKey] { storage.codingPath }
    var count: Int { storage.node.unkeyed?.count ?? 0 }

    private func slot() -> Storage {
        let node = Node()
        storage.node.unkeyed!.append(node)
        return Storage(node: node, encoder: storage.encoder, codingPath: codingPath)
    }

    mutating func encodeNil() throws { slot().node.scalar = .nil }
    mutating func encode(_ value: Bool) throws { slot().node.scalar = .boolean(value) }
    mutating func encode(_ value: String) throws { slot().node.scalar = LuaValue(value) }
    mutating func encode(_ value: Double) throws { slot().node.scalar = .number(value) }
    mutating func encode(_ value: Int) throws { slot().node.scalar = .integer(Int64(value)) }
    mutating func encode(_ value: Int64) throws { slot().node.scalar = .integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try slot().encodeValue(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        slot().container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { slot().unkeyedContainer() }
    mutating func superEncoder() -> Encoder { slot() }
}

private struct Single: SingleValueEncodingContainer {
    let storage: Storage
    var codingPath: [CodingKey] { storage.codingPath }

    mutating func encodeNil() throws { storage.node.scalar = .nil }
    mutating func encode(_ value: Bool) throws { storage.node.scalar = .boolean(value) }
    mutating func encode(_ value: String) throws { storage.node.scalar = LuaValue(value) }
    mutating func encode(_ value: Double) throws { storage.node.scalar = .number(value) }
    mutating func encode(_ value: Float) throws { storage.node.scalar = .number(Double(value)) }
    mutating func encode(_ value: Int) throws { storage.node.scalar = .integer(Int64(value)) }
    mutating func encode(_ value: Int64) throws { storage.node.scalar = .integer(value) }
    mutating func encode(_ value: Int32) throws { storage.node.scalar = .integer(Int64(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try storage.encodeValue(value) }
}
