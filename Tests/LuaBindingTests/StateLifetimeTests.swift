import Testing
@testable import LuaBinding

/// Counts calls made from Lua (a finalizer's), seen from Swift after the state is gone.
private final class CallCounter {
    var count = 0
}

@Suite("A state closes when its LuaState goes, even when its own functions hold handles of it")
struct StateLifetimeTests {
    /// A state whose global `finalized()` counts into `counter`, and which
    /// holds a table whose `__gc` calls it.
    private func stateWithFinalizer(_ counter: CallCounter) throws -> LuaState {
        let lua = try LuaState()
        try lua.register("finalized") { _ in counter.count += 1; return nil }
        try lua.run("kept = setmetatable({}, { __gc = function() finalized() end })")
        return lua
    }

    @Test("a function that captures a table handle of its own state does not keep it open: __gc runs")
    func capturedTableHandle() throws {
        let counter = CallCounter()
        weak var watched: LuaState?
        do {
            let lua = try stateWithFinalizer(counter)
            let globals = try lua.globals
            try lua.register("lookup") { args in .one(try globals.get(LuaValue(try args.string(1)))) }
            try lua.run("name = 'jo'")
            #expect(try lua.run("return lookup('name')") == ["jo"])
            watched = lua
        }
        #expect(watched == nil)
        #expect(counter.count == 1)
    }

    @Test("a function that captures a function handle of its own state does not keep it open: __gc runs")
    func capturedFunctionHandle() throws {
        let counter = CallCounter()
        do {
            let lua = try stateWithFinalizer(counter)
            let double = try lua.load("return (...) * 2")
            try lua.register("twice") { args in .one(try double.call(args.value(1)).first ?? .nil) }
            #expect(try lua.run("return twice(21)") == [42])
        }
        #expect(counter.count == 1)
    }

    @Test("a function that needs the state itself captures it unowned, and the state still closes")
    func unownedState() throws {
        let counter = CallCounter()
        do {
            let lua = try stateWithFinalizer(counter)
            try lua.register("describe") { [unowned lua] args in .one(LuaValue(try lua.describe(args.value(1)))) }
            #expect(try lua.run("return describe(42)") == ["42"])
        }
        #expect(counter.count == 1)
    }

    @Test("a handle that outlives its state is inert: using it is a .closed error, and dropping it is harmless")
    func handleOutlivesState() throws {
        let counter = CallCounter()
        var function: LuaFunction?
        do {
            let lua = try stateWithFinalizer(counter)
            function = try lua.load("return 1")
        }
        #expect(counter.count == 1)
        #expect { try function?.call() } throws: { ($0 as? LuaError)?.kind == .closed }
        function = nil
    }

    @Test("closing explicitly runs the finalizers once; the LuaState going later does not close it again")
    func explicitClose() throws {
        let counter = CallCounter()
        do {
            let lua = try stateWithFinalizer(counter)
            lua.close()
            #expect(counter.count == 1)
        }
        #expect(counter.count == 1)
    }
}
