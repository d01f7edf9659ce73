import Testing
@testable import LuaBinding

@Suite("Tables written straight onto the stack")
struct TableBuilderTests {
    let lua = try! LuaState()

    struct Stop: Error {}

    @Test("a built result holds nested lists and records, fields left unset for nil")
    func nested() throws {
        try lua.register("search") { _ in
            .built(hash: 2) { t in
                try t.set("apps", array: 2) { list in
                    try list.append(hash: 3) { $0.set("id", Int64(1)); $0.set("company", "Acmé"); $0.set("notes", nil as String?) }
                    try list.append(hash: 3) { $0.set("id", Int64(2)); $0.set("open", false); $0.set("with", strings: ["a", "b"]) }
                }
                try t.set(Int64(7), array: 1) { var list = $0; list.append("seven"); $0 = list }
                try t.set("any", LuaValue.table(["x": 1]))
            }
        }
        #expect(try lua.run("""
            local s = search()
            return #s.apps, s.apps[1].company, s.apps[1].notes == nil, s.apps[2].open, table.concat(s.apps[2].with, ","),
                   s[7][1], s.any.x
            """) == [2, "Acmé", true, false, "a,b", "seven", 1])
    }

    @Test("tables set under one shared key are one table, made once; bytes become strings")
    func shared() throws {
        var made = 0
        try lua.register("days") { _ in
            .built(array: 4) { list in
                try list.withShared { days in
                    for (i, day) in [5, 6, 5, 5].enumerated() {
                        try list.append(hash: 2) { t in
                            try t.set("day", sharedIn: days, key: Int64(day), hash: 1) { made += 1; $0.set("number", Int64(day)) }
                            var text = "row \(i)"
                            text.withUTF8 { t.set("label", bytes: UnsafeRawBufferPointer($0)) }
                        }
                    }
                }
                list.append(bytes: UnsafeRawBufferPointer(start: nil, count: 0))
            }
        }
        #expect(try lua.run("""
            local d = days()
            return d[1].day == d[3].day and d[3].day == d[4].day, d[1].day ~= d[2].day, d[2].day.number, d[4].label, d[5], #d
            """) == [true, true, 6, "row 3", "", 5])
        #expect(made == 2)
        #expect(try lua.run("return select('#', days())") == [1])
    }

    @Test("the collector rests while a result is built, and runs again after unless the script had stopped it")
    func collector() throws {
        try lua.register("probe") { _ in
            .built { t in try t.set("running", LuaValue.boolean(try self.lua.run("return collectgarbage('isrunning')") == [true])) }
        }
        #expect(try lua.run("return probe().running, collectgarbage('isrunning')") == [false, true])
        #expect(try lua.run("collectgarbage('stop') local r = probe().running return r, collectgarbage('isrunning')") == [false, false])
        try lua.run("collectgarbage('restart')")
    }

    @Test("an error while building leaves the stack as it was and reaches Lua as an error")
    func failing() throws {
        try lua.register("broken") { _ in
            .built { t in
                try t.set("first", array: 1) { list in
                    try list.append { _ in throw LuaError(kind: .runtime, message: "no more rows") }
                }
            }
        }
        let result = try lua.run("local ok, e = pcall(broken) return ok, e, select('#', 1, 2)")
        #expect(result.count == 3 && result[0] == false && result[1].stringValue?.contains("no more rows") == true && result[2] == 2)
        // The state is sound: Lua goes on.
        #expect(try lua.run("return 40 + 2") == [42])
    }
}
