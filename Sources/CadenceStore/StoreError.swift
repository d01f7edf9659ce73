import CadenceCore

/// Why the store refused something. Every case names what it is about; the
/// names it quotes are the user's data, shown one line each with their
/// controls as escapes (the message reaches a terminal through Lua's own
/// error printing too, in the REPL and `cadence run`).
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case noWorkspace(path: String)
    case workspaceExists(path: String)
    case notCadenceDatabase(path: String, reason: String)
    case notFound(kind: String, name: String, suggestion: String?)
    case ambiguous(kind: String, name: String, matches: [String])
    case invalid(String)
    /// What would be added is there already (`--again` adds it anyway).
    case duplicate(String)
    /// The workspace cannot be written: read-only, full, or busy with another writer.
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .noWorkspace(let path):
            "no workspace at \(path) (create one with 'cadence init', or choose one with --workspace or CADENCE_HOME)"
        case .workspaceExists(let path):
            "a workspace already exists at \(path)"
        case .notCadenceDatabase(let path, let reason):
            "\(path) is not a Cadence workspace database: \(reason)"
        case .notFound(let kind, let name, let suggestion):
            "no \(kind) named '\(TerminalText.line(name))'" + (suggestion.map { " (did you mean '\(TerminalText.line($0))'?)" } ?? "")
        case .ambiguous(let kind, let name, let matches):
            "'\(TerminalText.line(name))' matches several \(kind)s: \(matches.map(TerminalText.line).joined(separator: ", ")); use an id or more of the name"
        case .invalid(let message), .duplicate(let message), .cannotWrite(let message):
            message
        }
    }
}
