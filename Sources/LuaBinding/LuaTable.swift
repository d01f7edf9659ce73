/// A Lua table copied into Swift: its array part (keys 1...n with no gap)
/// and the rest of its entries.
///
///     let t: LuaTable = ["a", "b"]          // { "a", "b" }
///     var u = LuaTable()
///     u["name"] = "Acme"                     // { name = "Acme" }
///
/// Reading a table from Lua is a raw, deep copy: metamethods do not run,
/// and a table that contains itself is reported, not followed forever.
public struct LuaTable: Hashable {
    public var array: [LuaValue]
    public var hash: [LuaValue: LuaValue]

    public init() {
        self.array = []
        self.hash = [:]
    }

    public init(array: [LuaValue], hash: [LuaValue: LuaValue] = [:]) {
        self.array = array
        self.hash = hash
    }

    /// The number of entries, array and hash together.
    public var count: Int { array.count + hash.count }

    public subscript(key: LuaValue) -> LuaValue {
        get {
            if let i = LuaTable.arrayIndex(key), i < array.count { return array[i] }
            return hash[LuaTable.normalized(key)] ?? .nil
        }
        set {
            let key = LuaTable.normalized(key)
            if let i = LuaTable.arrayIndex(key), i < array.count {
                if newValue.isNil {
                    // A hole ends the array part; what follows moves to the hash.
                    for j in (i + 1)..<array.count { hash[.integer(Int64(j + 1))] = array[j] }
                    array.removeSubrange(i...)
                } else {
                    array[i] = newValue
                }
            } else if LuaTable.arrayIndex(key) == array.count, !newValue.isNil {
                array.append(newValue)
                // Entries that now continue the sequence join the array part.
                while let next = hash.removeValue(forKey: .integer(Int64(array.count + 1))) {
                    array.append(next)
                }
            } else if newValue.isNil {
                hash.removeValue(forKey: key)
            } else {
                hash[key] = newValue
            }
        }
    }

    public subscript(key: String) -> LuaValue {
        get { self[.string(LuaString(key))] }
        set { self[.string(LuaString(key))] = newValue }
    }

    /// Lua stores a float key with an integer value as that integer.
    static func normalized(_ key: LuaValue) -> LuaValue {
        if case .number(let d) = key, let i = Int64(exactly: d) { return .integer(i) }
        return key
    }

    static func arrayIndex(_ key: LuaValue) -> Int? {
        guard case .integer(let i) = normalized(key), i >= 1, i <= Int64(Int.max) else { return nil }
        return Int(i - 1)
    }
}

extension LuaTable: ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(arrayLiteral elements: LuaValue...) { self.init(array: elements) }
    public init(dictionaryLiteral elements: (LuaValue, LuaValue)...) {
        self.init()
        for (k, v) in elements { self[k] = v }
    }
}

extension LuaTable: CustomStringConvertible {
    public var description: String {
        var parts = array.map { $0.description }
        for (k, v) in hash.sorted(by: { $0.key.description < $1.key.description }) {
            parts.append("[\(k)] = \(v)")
        }
        return "{ " + parts.joined(separator: ", ") + " }"
    }
}
