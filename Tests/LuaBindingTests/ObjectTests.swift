import Testing
@testable import LuaBinding

final class Application: LuaObject {
    var company: String
    var stage: String
    var touches = 0
    init(company: String, stage: String) { self.company = company; self.stage = stage }

    static func describe(_ type: LuaObjectType<Application>) {
        type.property("company", get: { .string(LuaString($0.company)) })
        type.property("stage", get: { .string(LuaString($0.stage)) }, set: { app, value in
            guard let text = value.stringValue else {
                throw LuaError(kind: .runtime, message: "stage must be a string, got \(value.typeName)")
            }
            app.stage = text
        })
        type.property("touches", get: { .integer(Int64($0.touches)) })
        type.method("touch") { app, args in
            app.touches += Int(try args.optionalInteger(2) ?? 1)
            return .one(.integer(Int64(app.touches)))
        }
        type.describe { "Application(\($0.company), \($0.stage))" }
        type.equal { $0.company == $1.company }
    }
}

@Suite("Swift objects as Lua userdata")
struct ObjectTests {
    let lua = try! LuaState()

    @Test("properties read and write, methods run, and tostring describes")
    func members() throws {
        let acme = Application(company: "Acme", stage: "applied")
        try lua.setGlobal("a", try lua.value(acme))
        #expect(try lua.run("return a.company, a.stage, a:touch(), a:touch(2), tostring(a)")
            == ["Acme", "applied", 1, 3, "Application(Acme, applied)"])
        try lua.run("a.stage = 'interviewing'")
        #expect(acme.stage == "interviewing")
        #expect(try lua.run("return a.nothing") == [.nil])
    }

    @Test("writes are checked: read-only, unknown and ill-typed fields raise")
    func writeErrors() throws {
        try lua.setGlobal("a", try lua.value(Application(company: "Acme", stage: "applied")))
        let message = { (code: String) in try? self.lua.run("return select(2, pcall(function() \(code) end))").first?.stringValue }
        #expect(message("a.company = 'X'")?.hasSuffix("cannot set field 'company' of Application: it is read-only") == true)
        #expect(message("a.colour = 'red'")?.hasSuffix("cannot set field 'colour' of Application: no such property") == true)
        #expect(message("a.stage = 3")?.hasSuffix("stage must be a string, got number") == true)
    }

    @Test("a method called on the wrong self says so, as Lua does")
    func badSelf() throws {
        try lua.setGlobal("a", try lua.value(Application(company: "Acme", stage: "applied")))
        #expect(try lua.run("return select(2, pcall(a.touch, {}))").first?.stringValue?
            .hasSuffix("(Application expected, got table)") == true)
        #expect(try lua.run("local t = { touch = a.touch } return select(2, pcall(function() return t:touch() end))").first?.stringValue?
            .hasSuffix("calling 'touch' on bad self (Application expected, got table)") == true)
    }

    @Test("== uses the declared equality; pairs walks the properties")
    func equalityAndPairs() throws {
        try lua.setGlobal("a", try lua.value(Application(company: "Acme", stage: "applied")))
        try lua.setGlobal("b", try lua.value(Application(company: "Acme", stage: "final")))
        try lua.setGlobal("c", try lua.value(Application(company: "Globex", stage: "final")))
        #expect(try lua.run("return a == b, a == c, a ~= c") == [true, false, true])
        #expect(try lua.run("local keys = {} for k, v in pairs(a) do keys[#keys + 1] = k .. '=' .. tostring(v) end return table.concat(keys, ',')")
            == ["company=Acme,stage=applied,touches=0"])
    }

    @Test("scripts see the type's name, not its metatable")
    func hiddenMetatable() throws {
        try lua.setGlobal("a", try lua.value(Application(company: "Acme", stage: "applied")))
        #expect(try lua.run("return getmetatable(a), type(a)") == ["Application", "userdata"])
    }

    @Test("the Swift object comes back out of its userdata")
    func unwrap() throws {
        let acme = Application(company: "Acme", stage: "applied")
        let value = try lua.value(acme)
        #expect(try lua.object(value, as: Application.self) === acme)
        try lua.register("company") { args in .one(.string(LuaString(try args.object(1, as: Application.self).company))) }
        #expect(try lua.run("return company(...)", arguments: [value]) == ["Acme"])
    }

    @Test("Lua's __gc releases the Swift object")
    func release() throws {
        weak var weakApp: Application?
        do {
            let app = Application(company: "Acme", stage: "applied")
            weakApp = app
            try lua.setGlobal("a", try lua.value(app))
        }
        #expect(weakApp != nil)
        try lua.run("a = nil")
        lua.collectGarbage()
        #expect(weakApp == nil)
    }
}
