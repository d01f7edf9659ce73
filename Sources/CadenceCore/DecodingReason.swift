/// Where a value being read into a type went wrong, in one line, with the
/// path to it: "proposals[3].due: expected text, found number", "count is
/// missing". Every typed read of Cadence says it so: a worker's request and
/// answer, a command's result from Lua.
public enum DecodingReason {
    public static func of(_ error: Error) -> String {
        // A key comes from whoever wrote the data (a package's answer): it is
        // shown with its controls and bidi marks as escapes, and cut short.
        func visible(_ key: String) -> String {
            let hidden: (Unicode.Scalar) -> Bool = { s in
                s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s.value == 0x061C || (0x200E...0x200F).contains(s.value)
                    || (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
            }
            let shown = key.unicodeScalars.map { hidden($0) ? "\\u{\(String($0.value, radix: 16))}" : String($0) }
            return shown.count > 40 ? shown.prefix(40).joined() + "…" : shown.joined()
        }
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? "." + visible($0.stringValue) }.joined().trimmingPrefix(".").description
        }
        switch error as? DecodingError {
        case .typeMismatch(_, let c)?, .valueNotFound(_, let c)?, .dataCorrupted(let c)?:
            return c.codingPath.isEmpty ? c.debugDescription : "\(path(c.codingPath)): \(c.debugDescription)"
        case .keyNotFound(let key, let c)?:
            return "\(path(c.codingPath + [key])) is missing"
        default:
            return String(describing: error)
        }
    }
}
