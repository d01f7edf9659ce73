import CadenceCore
import CadenceScripting
import CadenceStore
import Foundation
import LuaBinding

/// Evaluates a chunk of Lua over the workspace with the `cadence` API, for
/// the commands built on the policies (agenda, acting on items, simulate).
/// The chunk's first argument is the path of the workspace's cadence.lua; its
/// writes land only if it succeeds.
enum PolicyScript {
    /// The table the chunk returns (empty when it returns none). `undoAs` is
    /// what `cadence undo` calls the chunk's writes (by default, `name`);
    /// `writes: false` undoes whatever the chunk wrote, even when it succeeds.
    static func evaluate(_ workspace: WorkspaceOptions, asOf: LocalDate?, name: String, undoAs: String? = nil, writes: Bool = true,
                    arguments: [LuaValue] = [], _ chunk: String) throws -> LuaTable {
        _ = try ScriptLibrary.required()
        let location = workspace.location
        let store = try location.open()
        let lua = try LuaState()
        return try store.session { ws in
            let api = try WorkspaceAPI.install(in: lua, workspace: ws, folder: location.directory, asOf: asOf, command: undoAs ?? name)
            defer { api.end() }
            do {
                let results = try lua.run(chunk, name: "=" + name,
                                          arguments: [LuaValue(location.directory + "/cadence.lua")] + arguments)
                try api.transaction.finish(success: writes)
                return results.first?.tableValue ?? LuaTable()
            } catch let error as LuaError {
                try? api.transaction.finish(success: false)
                // The message names the file and line when it is a policy's
                // mistake; the Lua traceback would only show Cadence's own frames.
                throw Refusal(error.message)
            } catch {
                try? api.transaction.finish(success: false)
                throw error
            }
        }
    }

    /// A Lua result as JSON: sequences as arrays, other tables as objects.
    static func json(_ value: LuaValue) -> Any {
        switch value {
        case .nil: return NSNull()
        case .boolean(let b): return b
        case .integer(let i): return i
        case .number(let d): return d
        case .string(let s): return s.description
        case .table(let t):
            if t.hash.isEmpty { return t.array.map(json) }
            var object: [String: Any] = [:]
            for (i, v) in t.array.enumerated() { object[String(i + 1)] = json(v) }
            for (k, v) in t.hash { object[k.description] = json(v) }
            return object
        default: return value.description
        }
    }

    static func writeJSON(_ value: LuaValue) throws {
        let data = try JSONSerialization.data(withJSONObject: json(value), options: [.prettyPrinted, .sortedKeys])
        Output.write(String(decoding: data, as: UTF8.self) + "\n")
    }
}
