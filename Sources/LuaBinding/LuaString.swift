/// A Lua string: bytes, not text.
///
/// Lua strings may hold `\0` and bytes that are not UTF-8; keeping the bytes
/// means a string survives a round trip through Swift unchanged.
///
///     let s: LuaString = "café"
///     s.text            // "café"
///     LuaString(bytes: [0xff, 0x00]).text   // nil: not UTF-8
public struct LuaString: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }
    public init(_ text: String) { self.bytes = Array(text.utf8) }
    public init(stringLiteral value: String) { self.init(value) }

    /// The string as text, or nil when the bytes are not valid UTF-8.
    public var text: String? { String(validating: bytes, as: UTF8.self) }

    /// The string as text, with invalid bytes replaced by U+FFFD.
    public var description: String { String(decoding: bytes, as: UTF8.self) }
}
