#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Lua value as Swift sees it.
///
/// Integers and floats stay distinct, as in Lua 5.4 (`1` and `1.0` are
/// different values that compare equal in Lua). Tables cross as `LuaTable`
/// values (a deep copy); functions, userdata and coroutines cross as handles
/// to the living Lua object.
public enum LuaValue: Hashable {
    case `nil`
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    case string(LuaString)
    case table(LuaTable)
    case function(LuaFunction)
    case userdata(LuaReference)
    case thread(LuaReference)
    case lightUserdata(UnsafeMutableRawPointer?)

    /// The name Lua's `type()` gives this value.
    public var typeName: String {
        switch self {
        case .nil: "nil"
        case .boolean: "boolean"
        case .integer, .number: "number"
        case .string: "string"
        case .table: "table"
        case .function: "function"
        case .userdata, .lightUserdata: "userdata"
        case .thread: "thread"
        }
    }

    /// Lua's truth: everything but nil and false.
    public var isTruthy: Bool {
        switch self {
        case .nil, .boolean(false): false
        default: true
        }
    }

    public var isNil: Bool { if case .nil = self { true } else { false } }

    /// The text of a string value (lossy for invalid UTF-8), else nil.
    public var stringValue: String? {
        if case .string(let s) = self { s.description } else { nil }
    }

    /// The value of an integer, or of a float with an exact integer value.
    public var integerValue: Int64? {
        switch self {
        case .integer(let i): i
        case .number(let d): Int64(exactly: d)
        default: nil
        }
    }

    public var doubleValue: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .number(let d): d
        default: nil
        }
    }

    public var tableValue: LuaTable? {
        if case .table(let t) = self { t } else { nil }
    }
}

extension LuaValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral
{
    public init(nilLiteral: ()) { self = .nil }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(LuaString(value)) }
}

extension LuaValue {
    public init(_ text: String) { self = .string(LuaString(text)) }
    public init(_ integer: Int) { self = .integer(Int64(integer)) }
}

extension LuaValue: CustomStringConvertible {
    /// A short rendering, like Lua's `tostring` for scalars.
    public var description: String {
        switch self {
        case .nil: "nil"
        case .boolean(let b): b ? "true" : "false"
        case .integer(let i): String(i)
        case .number(let d): LuaValue.format(d)
        case .string(let s): s.description
        case .table(let t): t.description
        case .function(let f): "function: \(f.reference.identityDescription)"
        case .userdata(let r): "userdata: \(r.identityDescription)"
        case .thread(let r): "thread: \(r.identityDescription)"
        case .lightUserdata(let p): "userdata: \(p.map { String(describing: $0) } ?? "NULL")"
        }
    }

    /// Formats a float as Lua's "%.14g" does, keeping a ".0" on integral values.
    static func format(_ d: Double) -> String {
        if d.isNaN { return d.sign == .minus ? "-nan" : "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        var text = String(format14g: d)
        if !text.contains(where: { ".eEn".contains($0) }) { text += ".0" }
        return text
    }
}

extension String {
    init(format14g value: Double) {
        var buffer = [CChar](repeating: 0, count: 64)
        let length = withVaList([value]) { vsnprintf(&buffer, buffer.count, "%.14g", $0) }
        self = String(decoding: buffer[0..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
