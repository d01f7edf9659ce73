import Dispatch
import Foundation
import Testing
@testable import LuaBinding

@Suite("Limits end a script with their own error and leave the state usable")
struct LimitTests {
    func expectLimit(_ limit: LuaLimit, _ lua: LuaState, _ code: String) throws {
        #expect {
            try lua.run(code)
        } throws: { error in
            (error as? LuaError)?.kind == .limit(limit)
        }
        // The host and the state go on: the next call runs normally.
        #expect(try lua.run("return 6 * 7") == [42])
    }

    @Test("the memory cap stops a script that grows without bound")
    func memoryCap() throws {
        let lua = try LuaState(limits: LuaLimits(memory: 8 << 20))
        try expectLimit(.memory, lua, "local t = {} for i = 1, 1e9 do t[i] = i end")
        try expectLimit(.memory, lua, "local s = string.rep('x', 64 << 20)")
        #expect(lua.memoryInUse < 8 << 20)
    }

    @Test("the memory cap cannot be swallowed by pcall")
    func memoryCapIsSticky() throws {
        let lua = try LuaState(limits: LuaLimits(memory: 8 << 20))
        try expectLimit(.memory, lua, """
            local keep = {}
            while true do pcall(function() for i = 1, 1e9 do keep[#keep + 1] = {} end end) end
            """)
    }

    @Test("running out of memory at the cap while Swift pushes values does not crash")
    func capWhileSwiftPushes() throws {
        let lua = try LuaState(limits: LuaLimits(memory: 4 << 20))
        var big = LuaTable()
        for i in 0..<20_000 { big[.integer(Int64(i + 1))] = .string(LuaString("entry number \(i)")) }
        try lua.register("make") { _ in .one(.table(big)) }
        // Lua fills memory close to the cap, then asks Swift for a value
        // larger than what is left: Swift's pushes must not fail half-way.
        let fill = "local hog = {} while collectgarbage('count') < 3.5 * 1024 do hog[#hog + 1] = ('x'):rep(1000) .. #hog end "
        #expect(try lua.run(fill + "local t = make() return #t, collectgarbage('count') > 4 * 1024") == [20_000, true])
        // Lua's own next request past the cap then ends the script.
        #expect {
            try lua.run(fill + "local t = make() local more = {} for i = 1, 1e6 do more[i] = i end")
        } throws: { error in
            (error as? LuaError)?.kind == .limit(.memory)
        }
        #expect(try lua.run("return #make()") == [20_000])
    }

    @Test("the instruction budget stops an endless loop")
    func instructionBudget() throws {
        let lua = try LuaState(limits: LuaLimits(instructions: 1_000_000))
        try expectLimit(.instructions, lua, "while true do end")
        #expect(try lua.run("local n = 0 for i = 1, 1000 do n = n + i end return n") == [500500])
    }

    @Test("the instruction budget is sticky: pcall and coroutines cannot swallow it")
    func budgetIsSticky() throws {
        let lua = try LuaState(limits: LuaLimits(instructions: 1_000_000))
        try expectLimit(.instructions, lua, "while true do pcall(function() while true do end end) end")
        try expectLimit(.instructions, lua, """
            while true do
              local co = coroutine.create(function() while true do end end)
              coroutine.resume(co)
            end
            """)
        try expectLimit(.instructions, lua, """
            local co = coroutine.wrap(function() while true do end end)
            while true do pcall(co) end
            """)
        try expectLimit(.instructions, lua, "while true do pcall(error) end")
    }

    @Test("a coroutine made before the budget was set is still counted")
    func budgetReachesOldCoroutines() throws {
        let lua = try LuaState()
        try lua.run("co = coroutine.create(function() while true do end end)")
        lua.limits = LuaLimits(instructions: 1_000_000)
        try expectLimit(.instructions, lua, "coroutine.resume(co) while true do end")
    }

    @Test("the time limit stops a loop, also inside pcall and coroutines")
    func deadline() throws {
        let lua = try LuaState(limits: LuaLimits(seconds: 0.2))
        try expectLimit(.time, lua, "while true do end")
        try expectLimit(.time, lua, "while true do pcall(function() while true do end end) end")
        try expectLimit(.time, lua, """
            local co = coroutine.wrap(function() while true do end end)
            while true do pcall(co) end
            """)
    }

    @Test("a trusted state arms no hook until a limit fires")
    func noHookWhenTrusted() throws {
        let lua = try LuaState()
        try lua.register("hooked") { args in .one(.boolean(false)) }
        #expect(try lua.run("return debug.gethook()") == [.nil])
    }

    @Test("another thread can interrupt a loop inside pcall or a coroutine")
    func interrupt() throws {
        // The time limit is a backstop: an interrupt that never arrives fails
        // the test instead of hanging the run.
        let lua = try LuaState(limits: LuaLimits(seconds: 60))
        for code in [
            "while true do end",
            "while true do pcall(function() while true do end end) end",
            "local co = coroutine.wrap(function() while true do end end) co()",
            "local co = coroutine.create(function() while true do end end) while true do coroutine.resume(co) end",
        ] {
            let interrupter = lua.interrupter
            let started = DispatchSemaphore(value: 0)
            try lua.register("started") { _ in started.signal(); return nil }
            // A thread of its own: a pool's worker may never come while the
            // test's thread spins in Lua on a machine with two cores.
            Thread.detachNewThread {
                started.wait()
                interrupter.interrupt()
            }
            try expectLimit(.interrupt, lua, "started() " + code)
        }
    }

    @Test("an interrupter outliving its state does nothing")
    func lateInterrupt() throws {
        var lua: LuaState? = try LuaState()
        let interrupter = lua!.interrupter
        lua = nil
        interrupter.interrupt()
    }
}
