import Testing
@testable import LuaBinding

/// Lua shares strings and tables, so a few kilobytes of Lua can stand for
/// a copy of terabytes: a copy into Swift is bounded by the state's memory
/// limit, and past it is a sentence, not the host's memory gone.
@Suite("Copies from Lua into Swift are bounded by the state's memory limit")
struct CopyBoundTests {
    /// One string of a megabyte, held 200 times: 200 MB to copy, about 1 MB in Lua.
    let sharedString = "local s = string.rep('x', 1 << 20) local t = {} for i = 1, 200 do t[i] = s end"
    /// The same subtable twice at every level: 2^30 entries to copy, 31 tables in Lua.
    let sharedTables = "local x = {'leaf'} for i = 1, 30 do x = {x, x} end"

    @Test("a table holding one long string many times is refused past the limit, and the state goes on")
    func sharedStringRefused() throws {
        let lua = try LuaState(profile: .sandboxed, limits: LuaLimits(memory: 64 << 20))
        #expect { try lua.run(sharedString + " return t") } throws: { error in
            guard let error = error as? LuaError else { return false }
            return error.kind == .conversion && error.message.contains("more than \(64 << 20) bytes of text to copy out of Lua")
        }
        #expect(try lua.run("return 6 * 7") == [42])
    }

    @Test("a table that holds the same subtable at every level is refused past the limit, counting entries")
    func sharedTablesRefused() throws {
        let lua = try LuaState(profile: .sandboxed, limits: LuaLimits(memory: 8 << 20))
        #expect { try lua.run(sharedTables + " return x") } throws: { error in
            (error as? LuaError)?.message.contains("the value has more than \((8 << 20) / 16) entries to copy out of Lua") == true
        }
    }

    @Test("an argument handed to a Swift function is bounded the same way, copied or read in place; the script gets the sentence")
    func argumentsBounded() throws {
        let lua = try LuaState(profile: .sandboxed, limits: LuaLimits(memory: 8 << 20))
        try lua.register("copy") { args in _ = try args.value(1); return nil }
        try lua.register("read") { args in _ = try args.decode([[String]].self, at: 1); return nil }
        let copied = try lua.run(sharedTables + " return select(2, pcall(copy, x))").first?.stringValue ?? ""
        #expect(copied.contains("entries to copy out of Lua"), "\(copied)")
        let rows = "local row = {} for i = 1, 64 do row[i] = string.rep('y', 1 << 16) end local t = {} for i = 1, 4096 do t[i] = row end"
        let read = try lua.run(rows + " return select(2, pcall(read, t))").first?.stringValue ?? ""
        #expect(read.contains("bytes of text to copy out of Lua"), "\(read)")
    }

    @Test("what fits the limit is copied whole, and a state without a limit copies without one")
    func withinBounds() throws {
        let limited = try LuaState(profile: .sandboxed, limits: LuaLimits(memory: 8 << 20))
        let list = try limited.run("local t = {} for i = 1, 10000 do t[i] = {n = i, name = 'item ' .. i} end return t")
        #expect(list.first?.tableValue?.array.count == 10000)
        let trusted = try LuaState()
        let copied = try trusted.run("local s = string.rep('x', 1 << 16) local t = {} for i = 1, 200 do t[i] = s end return t")
        #expect(copied.first?.tableValue?.array.count == 200)
    }
}
