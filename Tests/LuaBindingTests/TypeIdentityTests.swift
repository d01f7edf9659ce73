import Testing
@testable import LuaBinding

/// Two Swift types Lua shows by the same name, `Item`.
enum Shop {
    final class Item: LuaObject {
        let price = 3
        static func describe(_ type: LuaObjectType<Item>) {
            type.property("price", get: { .integer(Int64($0.price)) })
        }
    }
}

enum Quest {
    final class Item: LuaObject {
        var uses = 0
        static func describe(_ type: LuaObjectType<Item>) {
            type.property("uses", get: { .integer(Int64($0.uses)) })
            type.method("use") { item, _ in
                item.uses += 1
                return .one(.integer(Int64(item.uses)))
            }
        }
    }
}

/// A type that calls itself by the name the io library gives its files.
final class FakeFile: LuaObject {
    static var luaTypeName: String { "FILE*" }
    static func describe(_ type: LuaObjectType<FakeFile>) {}
}

@Suite("Swift object types are told apart by identity, not by name")
struct TypeIdentityTests {
    let lua = try! LuaState()

    @Test("two types named Item keep their own members, and neither passes for the other")
    func sameName() throws {
        let shopItem = Shop.Item(), questItem = Quest.Item()
        #expect(Shop.Item.luaTypeName == Quest.Item.luaTypeName)
        try lua.setGlobal("s", try lua.value(shopItem))
        try lua.setGlobal("q", try lua.value(questItem))
        #expect(try lua.run("return s.price, s.uses, q.uses, q:use(), q.price") == [3, .nil, 0, 1, .nil])
        #expect(try lua.run("return select(2, pcall(q.use, s))").first?.stringValue?.hasSuffix("(Item expected, got Item)") == true)
        #expect(questItem.uses == 1)
        let shopValue = try lua.value(shopItem)
        #expect(try lua.object(shopValue, as: Quest.Item.self) == nil)
        #expect(try lua.object(shopValue, as: Shop.Item.self) === shopItem)
        #expect(try lua.run("return tostring(s):match('^Item: ') ~= nil") == [true])
    }

    @Test("metamethods check the userdata they are handed, as luaL_checkudata does: a FILE* is never read as a Swift object")
    func foreignUserdata() throws {
        let item = Quest.Item()
        try lua.setGlobal("q", try lua.value(item))
        let gc = try lua.run("return select(2, pcall(debug.getmetatable(q).__gc, io.stdout))").first?.stringValue ?? ""
        #expect(gc.contains("Swift object expected"), "\(gc)")
        let index = try lua.run("return select(2, pcall(debug.getmetatable(q).__index, io.stdout, 'uses'))").first?.stringValue ?? ""
        #expect(index.contains("Item expected, got FILE*"), "\(index)")
        // The real objects still work, and io.stdout is untouched.
        #expect(try lua.run("return q:use(), io.type(io.stdout)") == [1, "file"])
    }

    @Test("a type's name cannot take the metatable of a library's userdata")
    func libraryName() throws {
        try lua.setGlobal("f", try lua.value(FakeFile()))
        #expect(try lua.run("return io.type(f), io.type(io.stdout), tostring(f):match('^FILE%*: ') ~= nil") == [.nil, "file", true])
    }
}
