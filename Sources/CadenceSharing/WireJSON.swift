import CadenceCore
import Foundation

/// The JSON of what crosses to and from a worker (a request, an answer),
/// written straight into bytes as `Encodable` walks the value. Foundation's
/// `JSONEncoder` first builds a tree of boxed values, one allocation per
/// number or text: for a search of ten thousand applications (a hundred
/// thousand events' columns, or tens of thousands of proposals) that tree
/// was most of the time spent crossing. The text is what `JSONOutput.data(_,
/// compact: true)` writes, but for the order of keys (which decoding does not
/// read) and numbers that are not finite ("inf", "-inf", "nan", as there).
/// What this writer does not handle (dates, data, nested containers, which
/// the wire's types do not use) falls back to `JSONOutput`, so the answer is
/// always the same JSON to a decoder.
public enum WireJSON {
    /// `value` as compact JSON.
    public static func data<T: Encodable>(_ value: T) throws -> Data {
        let output = Output()
        do {
            try output.write(value, codingPath: [])
            // A value that caught the refusal itself and went on may have left half a container.
            if !output.refused { return Data(output.bytes) }
        } catch is Unsupported {}
        return try JSONOutput.data(value, compact: true)
    }

    /// A shape this writer leaves to `JSONOutput`.
    struct Unsupported: Error {}

    /// The bytes written so far, and the containers open in them.
    final class Output {
        var bytes: [UInt8] = []
        /// Whether something was refused (the bytes are then thrown away).
        var refused = false
        init() { bytes.reserveCapacity(1 << 16) }

        func unsupported() -> Unsupported {
            refused = true
            return Unsupported()
        }

        /// Writes `value`, closing the container its `encode(to:)` opened.
        func write<T: Encodable>(_ value: T, codingPath: [CodingKey]) throws {
            if primitive(value) { return }
            switch value {
            case let n as any BinaryInteger: bytes.append(contentsOf: String(describing: n).utf8); return
            case is Date, is Data, is URL, is Decimal, is Float: throw unsupported()
            default: break
            }
            let encoder = ValueEncoder(output: self, codingPath: codingPath)
            try value.encode(to: encoder)
            switch encoder.opened {
            case .none: throw unsupported()  // encoded nothing: JSONEncoder's own rules apply
            case .keyed: bytes.append(UInt8(ascii: "}"))
            case .unkeyed: bytes.append(UInt8(ascii: "]"))
            case .single(let wrote): if !wrote { throw unsupported() }
            }
        }

        func literal(_ text: StaticString) {
            text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        /// Plain values, and the lists of them a column holds, written at once:
        /// told apart by their type (a comparison), not by a cast per value
        /// through a container per value.
        func primitive<T>(_ value: T) -> Bool {
            switch ObjectIdentifier(T.self) {
            case ObjectIdentifier(String.self): string(value as! String)
            case ObjectIdentifier(Int.self): integer(Int64(value as! Int))
            case ObjectIdentifier(Int64.self): integer(value as! Int64)
            case ObjectIdentifier(Bool.self): literal((value as! Bool) ? "true" : "false")
            case ObjectIdentifier(Double.self): double(value as! Double)
            case ObjectIdentifier([Int].self): list(value as! [Int]) { integer(Int64($0)) }
            case ObjectIdentifier([Int64].self): list(value as! [Int64], integer)
            case ObjectIdentifier([String].self): list(value as! [String], string)
            case ObjectIdentifier([[String]].self): list(value as! [[String]]) { list($0, string) }
            default: return false
            }
            return true
        }

        func list<E>(_ values: [E], _ each: (E) -> Void) {
            bytes.append(UInt8(ascii: "["))
            for (i, value) in values.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                each(value)
            }
            bytes.append(UInt8(ascii: "]"))
        }

        /// Decimal digits, without a String for each number.
        func integer(_ n: Int64) {
            if n < 0 { bytes.append(UInt8(ascii: "-")) }
            var magnitude = n.magnitude
            var digits: (UInt64, Int) = (0, 0)  // the digits reversed, as a number (19 at most), and how many
            repeat {
                digits = (digits.0 * 10 + magnitude % 10, digits.1 + 1)
                magnitude /= 10
            } while magnitude > 0
            var reversed = digits.0
            for _ in 0..<digits.1 {
                bytes.append(UInt8(ascii: "0") + UInt8(reversed % 10))
                reversed /= 10
            }
        }

        /// A Double as JSONEncoder writes it: integral values without ".0",
        /// others as their shortest digits, the non-finite ones as
        /// JSONOutput's words.
        func double(_ d: Double) {
            if d.isNaN { string("nan"); return }
            if d.isInfinite { string(d > 0 ? "inf" : "-inf"); return }
            if d == d.rounded(), abs(d) < 9_007_199_254_740_992 {
                integer(Int64(d))
            } else {
                bytes.append(contentsOf: d.description.utf8)
            }
        }

        /// A JSON string: quotes, backslashes and control characters escaped;
        /// everything else as its UTF-8 bytes (slashes unescaped).
        func string(_ text: String) {
            bytes.append(UInt8(ascii: "\""))
            var text = text
            text.withUTF8 { utf8 in
                var start = 0
                for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                    switch byte {
                    case UInt8(ascii: "\""): literal("\\\"")
                    case UInt8(ascii: "\\"): literal("\\\\")
                    case 0x0A: literal("\\n")
                    case 0x0D: literal("\\r")
                    case 0x09: literal("\\t")
                    case 0x08: literal("\\b")
                    case 0x0C: literal("\\f")
                    default:
                        let hex: [UInt8] = Array("0123456789abcdef".utf8)
                        literal("\\u00")
                        bytes.append(hex[Int(byte >> 4)]); bytes.append(hex[Int(byte & 0xF)])
                    }
                    start = i + 1
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// The encoder one value writes itself through: it opens one container.
    final class ValueEncoder: Encoder {
        enum Opened { case none, keyed(first: Bool), unkeyed(first: Bool), single(wrote: Bool) }
        let output: Output
        let codingPath: [CodingKey]
        var opened = Opened.none
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        init(output: Output, codingPath: [CodingKey]) {
            self.output = output
            self.codingPath = codingPath
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if case .none = opened {
                opened = .keyed(first: true)
                output.bytes.append(UInt8(ascii: "{"))
            }
            return KeyedEncodingContainer(Keyed<Key>(encoder: self))
        }

        func unkeyedContainer() -> UnkeyedEncodingContainer {
            if case .none = opened {
                opened = .unkeyed(first: true)
                output.bytes.append(UInt8(ascii: "["))
            }
            return Unkeyed(encoder: self)
        }

        func singleValueContainer() -> SingleValueEncodingContainer { Single(encoder: self) }

        /// A nested container or super encoder (which the wire's types do not
        /// use): the whole value goes to JSONOutput instead.
        func refuse() {
            _ = output.unsupported()
            opened = .single(wrote: false)
        }

        /// A comma before every entry but the first; refuses a second kind of container.
        func separate(keyed: Bool) throws {
            switch opened {
            case .keyed(let first) where keyed:
                if !first { output.bytes.append(UInt8(ascii: ",")) }
                opened = .keyed(first: false)
            case .unkeyed(let first) where !keyed:
                if !first { output.bytes.append(UInt8(ascii: ",")) }
                opened = .unkeyed(first: false)
            default:
                throw output.unsupported()
            }
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: ValueEncoder
        var codingPath: [CodingKey] { encoder.codingPath }

        private func key(_ key: Key) throws {
            try encoder.separate(keyed: true)
            encoder.output.string(key.stringValue)
            encoder.output.bytes.append(UInt8(ascii: ":"))
        }

        mutating func encodeNil(forKey key: Key) throws {
            try self.key(key)
            encoder.output.literal("null")
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try self.key(key)
            try encoder.output.write(value, codingPath: codingPath + [key])
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            encoder.refuse()  // not written here: the whole value goes to JSONOutput
            return KeyedEncodingContainer(Keyed<NestedKey>(encoder: encoder))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            encoder.refuse()
            return Unkeyed(encoder: encoder)
        }

        mutating func superEncoder() -> Encoder { encoder.refuse(); return encoder }
        mutating func superEncoder(forKey key: Key) -> Encoder { encoder.refuse(); return encoder }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let encoder: ValueEncoder
        var codingPath: [CodingKey] { encoder.codingPath }
        var count = 0

        mutating func encodeNil() throws {
            try encoder.separate(keyed: false)
            encoder.output.literal("null")
            count += 1
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            try encoder.separate(keyed: false)
            try encoder.output.write(value, codingPath: codingPath)
            count += 1
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            encoder.refuse()
            return KeyedEncodingContainer(Keyed<NestedKey>(encoder: encoder))
        }

        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            encoder.refuse()
            return Unkeyed(encoder: encoder)
        }

        mutating func superEncoder() -> Encoder { encoder.refuse(); return encoder }
    }

    struct Single: SingleValueEncodingContainer {
        let encoder: ValueEncoder
        var codingPath: [CodingKey] { encoder.codingPath }

        private func once() throws {
            guard case .none = encoder.opened else { throw encoder.output.unsupported() }
            encoder.opened = .single(wrote: true)
        }

        mutating func encodeNil() throws { try once(); encoder.output.literal("null") }

        mutating func encode<T: Encodable>(_ value: T) throws {
            try once()
            try encoder.output.write(value, codingPath: codingPath)
        }
    }
}
