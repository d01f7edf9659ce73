import Testing
@testable import LuaBinding

@Suite("Lua errors become Swift errors with message, location and traceback")
struct ErrorTests {
    let lua = try! LuaState()

    @Test("a runtime error names the chunk and line, with a traceback")
    func runtimeError() throws {
        #expect {
            try lua.run("local x = 1\nlocal y = nil + x", name: "@plan.lua")
        } throws: { error in
            guard let error = error as? LuaError else { return false }
            return error.kind == .runtime
                && error.message == "plan.lua:2: attempt to perform arithmetic on a nil value"
                && error.location?.chunk == "plan.lua" && error.location?.line == 2
                && error.traceback?.hasPrefix("stack traceback:") == true
                && error.traceback?.contains("plan.lua:2: in main chunk") == true
        }
    }

    @Test("a syntax error is reported as such, without running anything")
    func syntaxError() throws {
        #expect {
            try lua.load("x = = 1", name: "=broken")
        } throws: { error in
            let error = error as? LuaError
            return error?.kind == .syntax && error?.message == "broken:1: unexpected symbol near '='"
        }
    }

    @Test("an error value that is a table arrives as that table")
    func tableErrorValue() throws {
        #expect {
            try lua.run("error({ code = 7 })")
        } throws: { error in
            let error = error as? LuaError
            return error?.value.tableValue?["code"] == 7 && error?.message == "(error object is a table value)"
        }
    }

    @Test("error(nil) and error values with __tostring are described")
    func describedErrorValues() throws {
        #expect { try lua.run("error(nil)") } throws: {
            ($0 as? LuaError)?.message == "(error object is a nil value)" && ($0 as? LuaError)?.value == .nil
        }
        #expect { try lua.run("error(setmetatable({}, { __tostring = function() return 'custom' end }))") } throws: {
            ($0 as? LuaError)?.message == "custom"
        }
    }

    @Test("an error value whose __tostring itself raises is still reported")
    func raisingToString() throws {
        #expect {
            try lua.run("error(setmetatable({}, { __tostring = function() error('worse') end }))")
        } throws: { ($0 as? LuaError)?.message == "(error object is a table value)" }
        #expect(try lua.run("return 'still usable'") == ["still usable"])
    }

    @Test("an error inside a __gc finalizer does not reach the host")
    func errorInFinalizer() throws {
        try lua.run("setmetatable({}, { __gc = function() error('in gc') end }) collectgarbage()")
        lua.collectGarbage()
        #expect(try lua.run("return 1 + 1") == [2])
    }

    @Test("a metamethod that raises while Swift reads or writes a table is a thrown error")
    func raisingMetamethods() throws {
        try lua.run("""
            strict = setmetatable({}, {
              __index = function(_, k) error('no field ' .. k) end,
              __newindex = function(_, k) error('cannot add ' .. k) end,
              __len = function() error('no length') end })
            """)
        let strict = try #require(try lua.globals.table("strict"))
        #expect { try strict.get("name") } throws: { "\($0)".contains("no field name") }
        #expect { try strict.set("name", 1) } throws: { "\($0)".contains("cannot add name") }
        #expect { try strict.length() } throws: { "\($0)".contains("no length") }
        #expect(try lua.run("return 'still usable'") == ["still usable"])
    }

    @Test("tostring through Swift runs __tostring, and a raising one is contained")
    func describe() throws {
        try lua.run("pretty = setmetatable({}, { __tostring = function() return 'pretty' end })")
        try lua.run("ugly = setmetatable({}, { __tostring = function() error('ugly') end })")
        #expect(try lua.globals.table("pretty")?.describe() == "pretty")
        #expect(throws: LuaError.self) { try lua.globals.table("ugly")?.describe() }
    }
}
