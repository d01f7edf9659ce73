import Testing
@testable import LuaBinding

@Suite("Swift functions called from Lua")
struct SwiftFunctionTests {
    let lua = try! LuaState()

    @Test("a Swift function receives arguments and returns results")
    func basics() throws {
        try lua.register("add") { args in .one(.integer(try args.integer(1) + args.integer(2))) }
        try lua.register("pair") { args in [.string(LuaString(try args.string(1).uppercased())), .boolean(args.boolean(2))] }
        #expect(try lua.run("return add(40, 2), pair('x', 1)") == [42, "X", true])
    }

    @Test("argument errors read like Lua's own")
    func argumentErrors() throws {
        try lua.register("log") { args in _ = try args.string(1); return nil }
        try lua.register("wait") { args in _ = try args.integer(1); return nil }
        let run = { (code: String) in try? self.lua.run(code).first?.stringValue }
        #expect(run("return select(2, pcall(log, nil))") == "bad argument #1 to 'log' (string expected, got nil)")
        #expect(run("return select(2, pcall(log))") == "bad argument #1 to 'log' (string expected, got no value)")
        #expect(run("return select(2, pcall(wait, 1.5))") == "bad argument #1 to 'wait' (number has no integer representation)")
        // The same shape as the standard library's message for the same mistake.
        #expect(run("return select(2, pcall(string.rep, nil, 1))") == "bad argument #1 to 'string.rep' (string expected, got nil)")
        #expect(try lua.run("local ok, e = pcall(function() log({}) end) return e", name: "=apps.lua")
            == ["apps.lua:1: bad argument #1 to 'log' (string expected, got table)"])
    }

    @Test("a Swift error becomes a Lua error at the caller's line, catchable by pcall")
    func swiftErrors() throws {
        struct NoSuchApplication: Error, CustomStringConvertible {
            var description: String { "no application named 'Acme Corp' (did you mean 'Acme'?)" }
        }
        try lua.register("app") { _ in throw NoSuchApplication() }
        #expect {
            try lua.run("local x = 1\nlocal a = app('Acme Corp')", name: "@apps.lua")
        } throws: { error in
            (error as? LuaError)?.message == "apps.lua:2: no application named 'Acme Corp' (did you mean 'Acme'?)"
        }
        #expect(try lua.run("return pcall(app)").first == false)
    }

    @Test("a Lua error raised under a Swift callback unwinds no Swift frame")
    func noUnwindThroughSwift() throws {
        final class Counter { var entered = 0; var left = 0 }
        let counter = Counter()
        try lua.register("call") { args in
            counter.entered += 1
            defer { counter.left += 1 }  // skipped if a longjmp crossed this frame
            return .many(try args.function(1).call())
        }
        let code = "return pcall(call, function() return call(function() error('deep') end) end)"
        let results = try lua.run(code)
        #expect(results.first == false)
        #expect(results.last?.stringValue?.hasSuffix("deep") == true)
        #expect(counter.entered == 2 && counter.left == 2)
        // The error value is passed on unchanged, tables included.
        #expect(try lua.run("return select(2, pcall(call, function() error({ code = 3 }) end)).code") == [3])
    }

    @Test("Swift callbacks nest through Lua and back many levels deep")
    func nesting() throws {
        try lua.register("twice") { args in .many(try args.function(1).call(try args.value(2))) }
        #expect(try lua.run("""
            local function down(n) if n == 0 then return 'bottom' end return twice(down, n - 1) end
            return down(50)
            """) == ["bottom"])
    }

    @Test("a Swift function released by Lua releases what it captured")
    func closureRelease() throws {
        final class Token {}
        weak var weakToken: Token?
        do {
            let token = Token()
            weakToken = token
            let f = try lua.function { _ in _ = token; return nil }
            try lua.setGlobal("f", .function(f))
        }
        #expect(weakToken != nil)
        try lua.run("f = nil")
        lua.collectGarbage()
        #expect(weakToken == nil)
    }

    @Test("callbacks work from inside coroutines")
    func coroutines() throws {
        try lua.register("square") { args in .one(.integer(try args.integer(1) * args.integer(1))) }
        #expect(try lua.run("""
            local co = coroutine.wrap(function(x) local y = coroutine.yield(square(x)) return square(y) end)
            return co(3), co(4)
            """) == [9, 16])
    }
}
