import Foundation

extension LuaValue {
    /// A value from `JSONSerialization` output: objects become tables with
    /// string keys, arrays become sequences, JSON null becomes nil (so the
    /// key is absent, as Lua has it), integral numbers become integers.
    public init(json: Any) {
        switch json {
        case let text as String:
            self = .string(LuaString(text))
        case let flag as Bool where type(of: json) == Bool.self:
            self = .boolean(flag)
        case let integer as Int where type(of: json) == Int.self:
            self = .integer(Int64(integer))
        case let double as Double where type(of: json) == Double.self:
            self = .number(double)
        case let number as NSNumber:
            let text = number.stringValue
            if let integer = Int64(text) { self = .integer(integer) } else { self = .number(number.doubleValue) }
        case let array as [Any]:
            self = .table(LuaTable(array: array.map { LuaValue(json: $0) }))
        case let object as [String: Any]:
            var table = LuaTable()
            for (key, value) in object where !(value is NSNull) { table[key] = LuaValue(json: value) }
            self = .table(table)
        default:
            self = .nil
        }
    }

    /// Any `Encodable`, through its JSON form: one declaration of a type's
    /// fields serves JSON, SQL and Lua alike.
    public init<T: Encodable>(encoding value: T, with encoder: JSONEncoder = JSONEncoder()) throws {
        let data = try encoder.encode(value)
        self.init(json: try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }
}
