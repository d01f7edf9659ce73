import Testing
@testable import LuaBinding

@Suite("Values cross between Swift and Lua unchanged")
struct ValueConversionTests {
    let lua = try! LuaState()

    /// Sends a value into Lua and back through an identity function.
    func roundTrip(_ value: LuaValue) throws -> LuaValue {
        try lua.run("return ...", arguments: [value]).first ?? .nil
    }

    @Test("scalars keep their Lua type: integers and floats stay distinct")
    func scalars() throws {
        for value: LuaValue in [.nil, true, false, 0, 42, .integer(.min), .integer(.max), 1.0, 0.5, -0.0, .number(.infinity)] {
            #expect(try roundTrip(value) == value)
        }
        #expect(try lua.run("return 3, 3.0, math.type(...)", arguments: [.integer(7)]) == [3, 3.0, "integer"])
        #expect(try lua.run("return math.type(...)", arguments: [.number(7)]) == ["float"])
    }

    @Test("strings are bytes: embedded zeros and invalid UTF-8 survive")
    func strings() throws {
        let bytes: [UInt8] = [0x61, 0x00, 0x62, 0xFF, 0xFE, 0xC3]
        let value = LuaValue.string(LuaString(bytes: bytes))
        #expect(try roundTrip(value) == value)
        #expect(try lua.run("return #(...)", arguments: [value]) == [.integer(6)])
        #expect(try lua.run("return 'caf\\u{E9}'") == ["café"])
        #expect(LuaString(bytes: [0xFF]).text == nil)
    }

    @Test("tables keep their array part and hash part, nested")
    func tables() throws {
        var table: LuaTable = [1, "two", 3.5]
        table["name"] = "Acme"
        table[.integer(10)] = true
        table[.boolean(true)] = .table(["nested", .table(["deeper": 1])])
        let back = try roundTrip(.table(table))
        #expect(back == .table(table))
        #expect(back.tableValue?.array.count == 3)
        #expect(try lua.run("local t = ... return #t, t.name, t[10], t[true][2].deeper", arguments: [.table(table)])
            == [3, "Acme", true, 1])
    }

    @Test("a table read from Lua splits at the first hole in its sequence")
    func holes() throws {
        let t = try lua.run("return {1, 2, nil, 4, x = 'y'}").first?.tableValue
        #expect(t?.array == [1, 2])
        #expect(t?[.integer(4)] == 4)
        #expect(t?["x"] == "y")
    }

    @Test("a float key with an integer value is the integer key, as in Lua")
    func floatKeys() throws {
        var t = LuaTable()
        t[.number(1.0)] = "one"
        #expect(t.array == ["one"])
        #expect(try lua.run("return (...)[1]", arguments: [.table(t)]) == ["one"])
    }

    @Test("a table that contains itself is reported, not followed forever")
    func cycles() throws {
        #expect {
            try lua.run("local t = { a = {} } t.a.back = t return t")
        } throws: { error in
            (error as? LuaError)?.kind == .conversion && "\(error)".contains("contains itself")
        }
        // The same table twice (not a cycle) is fine.
        let shared = try lua.run("local s = {1} return { s, s }").first?.tableValue
        #expect(shared?.array == [.table([1]), .table([1])])
    }

    @Test("tables with nil or NaN keys are refused before they reach Lua")
    func invalidKeys() throws {
        let nan = LuaTable(array: [], hash: [.number(.nan): 1])
        #expect(throws: LuaError.self) { try roundTrip(.table(nan)) }
        #expect(try lua.run("return 1") == [1])  // the state is untouched
    }

    @Test("functions cross as handles that can be called later")
    func functions() throws {
        let adder = try #require(try lua.run("return function(a, b) return a + b, 'sum' end").first?.function)
        #expect(try adder.call(2, 3) == [5, "sum"])
        #expect(try lua.run("local f = ... return f(10, 1)", arguments: [.function(adder)]) == [11, "sum"])
    }

    @Test("dropping a function handle releases its registry slot")
    func handlesRelease() throws {
        try lua.run("collectgarbage() weak = setmetatable({}, { __mode = 'v' })")
        do {
            let f = try #require(try lua.run("local f = function() end weak[1] = f return f").first?.function)
            try lua.run("collectgarbage()")
            #expect(try lua.run("return weak[1] ~= nil") == [true])
            _ = f
        }
        try lua.run("collectgarbage()")
        #expect(try lua.run("return weak[1] == nil") == [true])
    }

    @Test("a handle from one state cannot be used in another")
    func crossState() throws {
        let other = try LuaState()
        let f = try #require(try other.run("return print").first)
        #expect(throws: LuaError.self) { try lua.run("return ...", arguments: [f]) }
    }

    @Test("a handle that outlives its state fails cleanly")
    func closedState() throws {
        let state = try LuaState()
        let f = try #require(try state.run("return function() return 1 end").first?.function)
        state.close()
        #expect { try f.call() } throws: { ($0 as? LuaError)?.kind == .closed }
    }

    @Test("globals are read and written through metamethods, protected")
    func globals() throws {
        try lua.setGlobal("answer", 42)
        #expect(try lua.global("answer") == 42)
        try lua.run("setmetatable(_G, { __index = function(_, k) error('no global ' .. k) end })")
        #expect { try lua.global("missing") } throws: { "\($0)".contains("no global missing") }
    }
}
