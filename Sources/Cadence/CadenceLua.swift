import CadenceCore
import CadenceScripting
import CadenceStore
import Foundation
import LuaBinding

/// Calls a function of one of Cadence's Lua modules over the workspace,
/// with the `cadence` API, for the commands built on them (agenda, acting on
/// items, simulate, report, negotiation, sharing). Its writes land only if
/// it succeeds.
enum CadenceLua {
    /// Calls `function` of the Lua module `module` with one table: `options`
    /// and `path` (the workspace's cadence.lua). Its result is read into
    /// `Result`, which fails on a missing or mistyped field instead of
    /// reading a default in its place.
    /// `undoAs` is what `cadence undo` calls the run's writes (by default, `name`);
    /// `writes: false` undoes whatever the call wrote, even when it succeeds.
    static func call<Result: Decodable>(_ workspace: WorkspaceOptions, asOf: LocalDate?, name: String, undoAs: String? = nil,
                                        writes: Bool = true, _ module: String, _ function: String, _ options: LuaTable = LuaTable(),
                                        as type: Result.Type) throws -> Result {
        try read(type, try call(workspace, asOf: asOf, name: name, undoAs: undoAs, writes: writes, module, function, options),
                 "\(module).\(function)")
    }

    /// `value` (what `what` gave) read into `Result`; a missing or mistyped field is a refusal.
    static func read<Result: Decodable>(_ type: Result.Type, _ value: LuaValue, _ what: String) throws -> Result {
        do {
            return try LuaValueDecoder().decode(type, from: value)
        } catch {
            throw Refusal("\(what) gave an unexpected result: \(DecodingReason.of(error))")
        }
    }

    /// The same, its result as Lua gave it.
    static func call(_ workspace: WorkspaceOptions, asOf: LocalDate?, name: String, undoAs: String? = nil, writes: Bool = true,
                     _ module: String, _ function: String, _ options: LuaTable = LuaTable()) throws -> LuaValue {
        var options = options
        options["path"] = LuaValue(workspace.location.directory + "/cadence.lua")
        return try evaluate(workspace, asOf: asOf, name: name, undoAs: undoAs, writes: writes,
                            arguments: [LuaValue(module), LuaValue(function), .table(options)],
                            "local module, name, options = ... return require(module)[name](options)").first ?? .nil
    }

    /// Evaluates `chunk` over the workspace in one transaction: its writes
    /// land only when it succeeds (and `writes` says they may).
    private static func evaluate(_ workspace: WorkspaceOptions, asOf: LocalDate?, name: String, undoAs: String?, writes: Bool,
                                 arguments: [LuaValue], _ chunk: String) throws -> [LuaValue] {
        _ = try ScriptLibrary.required()
        let location = workspace.location
        let store = try location.open()
        let lua = try LuaState()
        defer { keptOpen.append(lua) }
        // A script of one's own (negotiate.lua, a policy) that loops is stopped by Ctrl-C, as `cadence run` is.
        lua.interrupter.interruptOnSigint()
        defer { LuaInterrupter.stopInterruptingOnSigint() }
        return try store.session { ws in
            let api = try WorkspaceAPI.install(in: lua, workspace: ws, folder: location.directory, asOf: asOf, command: undoAs ?? name)
            defer { api.end() }
            do {
                let results = try lua.run(chunk, name: "=" + name, arguments: arguments)
                try api.transaction.finish(success: writes)
                return results
            } catch let error as LuaError {
                try? api.transaction.finish(success: false)
                // The message names the file and line when it is a policy's
                // mistake; the Lua traceback would only show Cadence's own frames.
                throw Refusal(Self.userFacing(error.message, chunk: name, workspace: location.directory))
            } catch {
                try? api.transaction.finish(success: false)
                throw error
            }
        }
    }

    /// An error's message as the user reads it: a position inside Cadence's
    /// own Lua library (or the one-line chunk that calls it) says nothing to
    /// them and shows where Cadence is installed, so it is left out, wherever
    /// in the message it stands; a position in their cadence.lua,
    /// negotiate.lua or a package's file is kept. Lua cuts a long file name
    /// to its last 60 characters ("...ar/cadence/1.2/Scripts/cadence/x.lua"):
    /// such a tail is Cadence's when it names a file of the library, and a
    /// tail of a file in the workspace is given back its whole path.
    static func userFacing(_ message: String, chunk: String, workspace: String? = nil) -> String {
        userFacing(message, chunk: chunk, library: try? ScriptLibrary.required(), workspace: workspace)
    }

    static func userFacing(_ message: String, chunk: String, library: String?, workspace: String?) -> String {
        // "SOURCE:LINE: " where a source may start: the message's start, or after ": " (an error quoting another).
        var text = message
        var start = text.startIndex
        while start < text.endIndex {
            let line = text[start...].firstIndex(of: "\n") ?? text.endIndex
            if let position = text.range(of: #":\d+: "#, options: .regularExpression, range: start..<line) {
                let source = String(text[start..<position.lowerBound])
                if source == chunk || library.flatMap({ file(source, in: $0) }) != nil {
                    text.removeSubrange(start..<position.upperBound)
                    continue
                }
                if source.hasPrefix("..."), let whole = workspace.flatMap({ file(source, in: $0) }) {
                    text.replaceSubrange(start..<position.lowerBound, with: whole)
                    start = text.index(start, offsetBy: whole.count)
                    continue
                }
            }
            guard let next = text.range(of: ": ", range: start..<text.endIndex) else { break }
            start = next.upperBound
        }
        return text
    }

    /// The whole path of the file a chunk's name (as Lua prints it, perhaps
    /// cut to "...tail") names inside `folder`, or nil when it is not there.
    static func file(_ source: String, in folder: String) -> String? {
        if source.hasPrefix(folder + "/") { return source }
        guard source.hasPrefix("...") else { return nil }
        // The cut name's tail: some end of the folder's path, then a file inside it.
        let tail = source.dropFirst(3)
        for slash in tail.indices where tail[slash] == "/" {
            let file = folder + String(tail[slash...])
            if folder.hasSuffix(tail[..<slash]), FileManager.default.fileExists(atPath: file) { return file }
        }
        return nil
    }

    /// The commands' states, left open until the process ends. A command
    /// ends right after its one call, and the kernel takes a hundred megabytes
    /// back at once, where closing the state frees them object by object (a
    /// fifth of a second after an agenda of ten thousand applications). Their
    /// writes were finished or undone before; Cadence's own modules keep no
    /// finalizers that must run.
    nonisolated(unsafe) private static var keptOpen: [LuaState] = []

    /// A result that is text for a person: { text = … }.
    struct Text: Decodable { var text: String }

    /// Field `name` of what `what` gave; missing, it is a refusal (never a `null` printed as if it were the answer).
    static func field(_ name: String, of value: LuaValue, _ what: String) throws -> LuaValue {
        guard let field = value.tableValue?[name], field != .nil else {
            throw Refusal("\(what) gave an unexpected result: no field '\(name)'")
        }
        return field
    }

    /// A Lua result printed as JSON (through `Output.json`); its fields named
    /// in `objects` are objects even when empty (Lua's `{}` is also an empty list).
    static func writeJSON(_ value: LuaValue, objects: Set<String> = []) throws {
        Output.write(try Output.json(LuaJSON(value, objects: objects)))
    }
}

/// A Lua value as JSON: sequences as arrays (an empty table too, unless it
/// is a field named in `objects`), other tables as objects with their keys as text.
struct LuaJSON: Encodable {
    var value: LuaValue
    /// The fields of this table that are objects even when empty.
    var objects: Set<String> = []
    /// Whether this value, when an empty table, is an empty object.
    var isObject = false
    init(_ value: LuaValue, objects: Set<String> = [], isObject: Bool = false) {
        self.value = value
        self.objects = objects
        self.isObject = isObject
    }

    func encode(to encoder: Encoder) throws {
        switch value {
        case .table(let t) where isObject && t.hash.isEmpty && t.array.isEmpty:
            _ = encoder.container(keyedBy: Key.self)
        case .table(let t) where t.hash.isEmpty:
            var list = encoder.unkeyedContainer()
            for item in t.array { try list.encode(LuaJSON(item)) }
        case .table(let t):
            var object = encoder.container(keyedBy: Key.self)
            for (i, item) in t.array.enumerated() { try object.encode(LuaJSON(item), forKey: Key(String(i + 1))) }
            for (k, item) in t.hash {
                try object.encode(LuaJSON(item, isObject: objects.contains(k.description)), forKey: Key(k.description))
            }
        default:
            var single = encoder.singleValueContainer()
            switch value {
            case .nil: try single.encodeNil()
            case .boolean(let b): try single.encode(b)
            case .integer(let i): try single.encode(i)
            case .number(let d): try single.encode(d)
            case .string(let s): try single.encode(s.description)
            default: try single.encode(value.description)
            }
        }
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ text: String) { stringValue = text }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
