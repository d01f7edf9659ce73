import LuaBinding

/// The REPL without the terminal: it takes lines and says what to print.
/// A line that is an expression is shown without `return`; an incomplete
/// chunk waits for more lines; each complete input's writes commit on its
/// own (an input that fails leaves the workspace as it was).
public final class ReplEngine {
    public enum Outcome: Equatable {
        /// The chunk is incomplete: read another line (with the `continuation` prompt).
        case needMore
        /// Print this (possibly empty) text.
        case output(String)
        /// Print this error.
        case error(String)
        /// The user asked to leave.
        case quit
    }

    public let lua: LuaState
    let api: WorkspaceAPI?
    let run: LuaFunction
    private var pending: [String] = []
    /// The undo journal's commands this session's inputs wrote, latest last: `:undo` takes them back in turn.
    private var written: [Int64] = []

    public var prompt: String { pending.isEmpty ? "> " : ">> " }

    /// `api` is the workspace's, when there is one.
    public init(lua: LuaState, api: WorkspaceAPI?) throws {
        self.lua = lua
        self.api = api
        guard let run = try lua.run("return require('cadence.repl').run", name: "=repl").first?.function else {
            throw LuaError(kind: .runtime, message: "cadence.repl did not load")
        }
        self.run = run
    }

    public func feed(_ line: String) -> Outcome {
        if pending.isEmpty, line.hasPrefix(":") { return command(line) }
        pending.append(line)
        let source = pending.joined(separator: "\n")
        // An expression is shown as it is ("1 + 1", "apps{}"); otherwise a statement.
        // If either form stops at the end of the input, the chunk is unfinished.
        let asExpression = Result { try lua.load("return " + source, name: "=stdin") }
        let asStatement = Result { try lua.load(source, name: "=stdin") }
        if let chunk = (try? asExpression.get()) ?? (try? asStatement.get()) {
            pending.removeAll()
            return evaluate(chunk)
        }
        for attempt in [asExpression, asStatement] {
            if case .failure(let error as LuaError) = attempt, error.message.hasSuffix("<eof>") { return .needMore }
        }
        pending.removeAll()
        if case .failure(let error) = asStatement { return .error(describe(error)) }
        return .needMore
    }

    /// Names that complete `prefix`, found without running any metamethod.
    public func complete(_ prefix: String) -> [String] {
        guard let complete = try? lua.run("return require('cadence.repl').complete", name: "=repl").first?.function,
              let found = try? complete.call(LuaValue(prefix)).first?.tableValue
        else { return [] }
        return found.array.compactMap(\.stringValue)
    }

    /// Drops a half-typed chunk (Ctrl-C at the prompt).
    public func cancelInput() { pending.removeAll() }

    /// The lines of a chunk still waiting for its end, if any: at the end of
    /// piped input, an error to report rather than a chunk silently dropped.
    public var unfinished: String? { pending.isEmpty ? nil : pending.joined(separator: "\n") }

    func evaluate(_ chunk: LuaFunction) -> Outcome {
        do {
            let results = try run.call(.function(chunk))
            let ok = results.first == true
            try api?.transaction.finish(success: ok)
            if let command = api?.transaction.lastCommand { written.append(command) }
            let text = results.count > 1 ? results[1].stringValue ?? "" : ""
            return ok ? .output(text) : .error(text)
        } catch {
            try? api?.transaction.finish(success: false)
            return .error(describe(error))
        }
    }

    func command(_ line: String) -> Outcome {
        let words = line.split(separator: " ", maxSplits: 1).map(String.init)
        switch words[0] {
        case ":quit", ":q", ":exit":
            return .quit
        case ":help", ":h":
            return evaluateSource("help()")
        case ":load", ":l":
            guard words.count == 2 else { return .error(":load FILE runs a Lua file here") }
            do { return evaluate(try lua.loadFile(words[1])) } catch { return .error(describe(error)) }
        case ":undo":
            return undo()
        case ":reload":
            // Scripts edited since start-up (yours and Cadence's) load afresh.
            let outcome = evaluateSource("require('cadence.repl').reload()")
            if case .output = outcome { return .output("reloaded") }
            return outcome
        default:
            return .error("unknown command \(words[0]) (try :help)")
        }
    }

    /// Takes back what the last input that wrote wrote, as `cadence undo`
    /// does with a command: events, decisions on agenda items, records added,
    /// changed or deleted. Again, and the input before it.
    func undo() -> Outcome {
        guard let api else { return .error("no workspace to undo in") }
        guard let command = written.last else { return .error("nothing to undo: no input of this session wrote anything") }
        do {
            let undone = try api.transaction.undo(command)
            written.removeLast()
            let changes = undone.changes.map(\.description)
            let listed = changes.prefix(6).joined(separator: ", ") + (changes.count > 6 ? " and \(changes.count - 6) more" : "")
            return .output("undone: " + listed)
        } catch {
            return .error(describe(error))
        }
    }

    func evaluateSource(_ source: String) -> Outcome {
        do { return evaluate(try lua.load(source, name: "=stdin")) } catch { return .error(describe(error)) }
    }

    func describe(_ error: any Error) -> String {
        // An interrupt stops whatever runs, Cadence's own code included: say so, not where.
        if let error = error as? LuaError, case .limit(.interrupt) = error.kind { return "interrupted" }
        return (error as? LuaError)?.message ?? String(describing: error)
    }
}
