/// What the two Lua decoders share (`LuaValueDecoder` over copied values,
/// `LuaArguments.decode` over the stack): how a Swift scalar is read, so
/// that both refuse and convert alike.
protocol LuaScalarReading: Decoder {
    func text() throws -> String
    func boolean() throws -> Bool
    func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I
    func number() throws -> Double
    /// Counts one value read against the copy's budget (`LuaCopyBudget`).
    func spendEntry() throws
}

extension LuaScalarReading {
    /// `type` read as a scalar where it is one (no container in between:
    /// text is read as text, not as a struct of one string), else by its own
    /// `init(from:)`.
    func spendEntry() throws {}

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        try spendEntry()
        switch type {
        case is String.Type: return try text() as! T
        case is Bool.Type: return try boolean() as! T
        case is Int.Type: return try integer(Int.self) as! T
        case is Int64.Type: return try integer(Int64.self) as! T
        case is Int32.Type: return try integer(Int32.self) as! T
        case is Double.Type: return try number() as! T
        default: return try T(from: self)
        }
    }
}
