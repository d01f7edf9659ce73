/// Where a value being read into a type went wrong, in one line, with the
/// path to it: "proposals[3].due: expected text, found number", "count is
/// missing". Every typed read of Cadence says it so: a worker's request and
/// answer, a command's result from Lua.
public enum DecodingReason {
    public static func of(_ error: Error) -> String {
        // A key comes from whoever wrote the data (a package's answer): it is
        // cut short, and shown as the terminal's owner shows text on a line.
        func visible(_ key: String) -> String {
            let scalars = key.unicodeScalars
            guard scalars.count > 40 else { return TerminalText.line(key) }
            return TerminalText.line(String(String.UnicodeScalarView(scalars.prefix(40)))) + "…"
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
