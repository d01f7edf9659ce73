import Testing
@testable import LuaBinding

/// `requireGlobal` is lua.c's -l: the module's own value in the global, and
/// require's error as lua.c reports it.
@Suite("requireGlobal does what lua5.4 -l does")
struct RequireGlobalTests {
    let lua = try! LuaState()

    @Test("the global holds the module's value itself, not a copy")
    func sameValue() throws {
        _ = try lua.run("package.preload.shapes = function() local M = {} M.__index = M return M end")
        try lua.requireGlobal("g", module: "shapes")
        #expect(try lua.run("return g.__index == g and g == package.loaded.shapes") == [true])
    }

    @Test("a module not found is require's message, with no position, and lua.c's traceback")
    func notFound() throws {
        #expect {
            try lua.requireGlobal("nosuch", module: "nosuch")
        } throws: { error in
            guard let error = error as? LuaError else { return false }
            return error.message.hasPrefix("module 'nosuch' not found:")
                && error.traceback == "stack traceback:\n\t[C]: in function 'require'\n\t[C]: in ?"
        }
        #expect(try lua.global("nosuch") == .nil)
    }
}
