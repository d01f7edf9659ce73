import Testing
@testable import LuaBinding

@Suite("The sandbox profile")
struct SandboxTests {
    let sandbox = try! LuaState(profile: .sandboxed)

    func run(_ code: String) throws -> [LuaValue] { try sandbox.run(code) }

    @Test("what reaches files, processes and the host is absent",
          arguments: ["io", "debug", "package", "require", "dofile", "loadfile", "string.dump",
                      "os.execute", "os.exit", "os.getenv", "os.remove", "os.rename", "os.tmpname", "os.setlocale"])
    func absent(name: String) throws {
        #expect(try run("return \(name)") == [.nil])
    }

    @Test("what is safe is present",
          arguments: ["print", "pairs", "pcall", "load", "string.format", "table.sort", "math.floor",
                      "utf8.char", "coroutine.wrap", "os.time", "os.date", "os.clock", "os.difftime"])
    func present(name: String) throws {
        #expect(try run("return type(\(name))") == ["function"])
    }

    @Test("binary chunks are refused, from load and from the host")
    func noBytecode() throws {
        let trusted = try LuaState()
        let bytecode = try #require(try trusted.run("return string.dump(function() return 1 end)").first)
        #expect(try sandbox.run("return load(...)", arguments: [bytecode]).last?.stringValue?.contains("binary chunk") == true)
        #expect(try sandbox.run("return load(..., 'x', 'b')", arguments: [bytecode]).last?.stringValue?.contains("binary chunk") == true)
        guard case .string(let bytes) = bytecode else { return }
        #expect(throws: LuaError.self) { try sandbox.load(bytes: bytes.bytes, name: "=evil") }
    }

    @Test("load runs text in the sandbox's own environment, or the one given")
    func loadEnvironment() throws {
        #expect(try run("return load('return io')()") == [.nil])
        #expect(try run("return load('return x', 'c', 't', { x = 5 })()") == [5])
        // An explicit nil environment is kept, as in standard Lua.
        #expect(try run("return pcall(load('return print', 'c', 't', nil))").first == false)
    }

    @Test("collectgarbage only counts")
    func collectGarbage() throws {
        #expect(try run("return type(collectgarbage('count'))") == ["number"])
        #expect(try run("return pcall(collectgarbage)").first == false)
        #expect(try run("return pcall(collectgarbage, 'stop')").first == false)
    }

    @Test("metatables with __gc are refused; others are fine")
    func noFinalizers() throws {
        #expect(try run("return pcall(setmetatable, {}, { __gc = print })").first == false)
        #expect(try run("return getmetatable(setmetatable({}, { __index = { a = 1 } })).__index.a") == [1])
    }

    @Test("the string metatable is locked")
    func lockedStrings() throws {
        #expect(try run("return getmetatable('')") == [false])
        #expect(try run("return ('abc'):upper()") == ["ABC"])
    }

    @Test("default limits are on, and the caller can change them")
    func defaultLimits() throws {
        #expect(sandbox.limits == .sandboxDefault)
        let tight = try LuaState(profile: .sandboxed, limits: LuaLimits(memory: 1 << 20, instructions: 10_000, seconds: 5))
        #expect { try tight.run("while true do end") } throws: { ($0 as? LuaError)?.kind == .limit(.instructions) }
        #expect { try tight.run("local t = {} for i = 1, 1e6 do t[i] = i end") } throws: { error in
            let kind = (error as? LuaError)?.kind
            return kind == .limit(.memory) || kind == .limit(.instructions)
        }
    }

    @Test("a chain of coroutines closing each other from __close is stopped, not a crash (5.4.4 bug)")
    func closeChain() throws {
        let results = try run("""
            local co
            for i = 1, 5000 do
              local previous = co
              co = coroutine.create(function()
                local guard <close> = setmetatable({}, { __close = function()
                  if previous then assert(coroutine.close(previous)) end
                end })
                coroutine.yield()
              end)
              coroutine.resume(co)
            end
            return coroutine.close(co)
            """)
        #expect(results.first == false)
        #expect(results.last?.stringValue?.contains("C stack overflow") == true)
    }

    @Test("hostile scripts end with an error, never a crash or a hang",
          arguments: [
            "local function f() return f() + 1 end f()",          // Lua stack overflow
            "local s = 'x' while true do s = s .. s end",          // memory
            "string.rep('x', 1 << 40)",                            // a huge request
            "local t = setmetatable({}, {}) getmetatable(t).__index = t return t.x",  // __index loop
            "table.concat(setmetatable({}, { __len = function() return 1e10 end }))",
            "coroutine.wrap(function() while true do coroutine.yield() end end)() while true do end",
            "string.format('%099999999d', 1)",
            "setmetatable({}, { __gc = function() while true do end end })",
          ])
    func hostile(code: String) throws {
        let lua = try LuaState(profile: .sandboxed, limits: LuaLimits(memory: 16 << 20, instructions: 5_000_000, seconds: 5))
        #expect(throws: LuaError.self) { try lua.run(code) }
        #expect(try lua.run("return 1") == [1])
    }
}
