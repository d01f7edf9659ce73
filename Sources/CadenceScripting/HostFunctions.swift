import CadenceCore
import Foundation
import LuaBinding

/// The host functions of `require "cadence"` that need no workspace: the
/// calendar and dates in words (`CalendarFunctions`), money
/// (`MoneyFunctions`), text for the terminal (`TextFunctions`), and the practice's vocabulary: stages, fact topics,
/// what a package may read, option types, refs (`PracticeFunctions`), regions (`RegionFunctions`), and figures
/// as people say them (`SpokenFigureFunctions`).
/// The workspace's host and the isolated worker's host both have them, from
/// here. None reads the clock: "today" is the host's own (`today`), the
/// candidate's day in the workspace and the day sent to the worker.
enum HostFunctions {
    /// Every function both hosts have, by the name Lua calls it.
    static var all: [(name: String, body: LuaCallback)] {
        CalendarFunctions.all + MoneyFunctions.all + PracticeFunctions.all + TextFunctions.all + RegionFunctions.all
            + SpokenFigureFunctions.all
    }

    /// `all` as Lua functions of `lua`, by name.
    static func pure(in lua: LuaState) throws -> [String: LuaValue] {
        var host: [String: LuaValue] = [:]
        for (name, body) in all { host[name] = .function(try lua.function(body)) }
        return host
    }

    /// The text of the Lua file at `path`, or nil when there is none: the
    /// host reads a user's scripts (cadence.lua, drafts.lua), and Lua
    /// compiles them as text, so that no policy needs io or dofile.
    static func scriptText(_ path: String) throws -> LuaValue? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return nil }
        guard !isFolder.boolValue else { throw LuaError(kind: .runtime, message: "\(path) is a folder, not a Lua file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LuaError(kind: .runtime, message: "cannot read \(path): permission denied")
        }
        return .string(LuaString(bytes: [UInt8](data)))
    }
}
