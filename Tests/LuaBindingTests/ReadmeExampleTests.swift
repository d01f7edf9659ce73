import Testing
import LuaBinding

@Suite("The README's example")
struct ReadmeExampleTests {
    @Test("runs as written, with the results it shows")
    func example() throws {
        // Sources/LuaBinding/README.md: keep the two the same.
        let lua = try LuaState()                                    // standard Lua, as lua5.4 opens it
        try lua.register("greet") { args in .one(LuaValue("hello, " + (try args.string(1)))) }
        let results = try lua.run("return greet('world'), 6 * 7")   // ["hello, world", 42]
        let sandbox = try LuaState(profile: .sandboxed, limits: LuaLimits(instructions: 1_000_000)) // no io, no os.execute
        let stopped = (try? sandbox.run("while true do end")) == nil // true: a LuaError, past the budget

        #expect(results == ["hello, world", 42])
        #expect(stopped)
    }
}
