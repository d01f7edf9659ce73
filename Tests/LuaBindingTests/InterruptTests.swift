import Foundation
import Testing
@testable import LuaBinding

#if canImport(Glibc)
import Glibc
#endif

/// A SIGINT handler of the host's own, to see that it comes back. A C
/// function pointer: it may capture nothing.
private let hostHandler: @convention(c) (Int32) -> Void = { _ in }

/// The address of SIGINT's current action, read by setting it and setting it back.
private func currentSigintAction() -> Int {
    let current = signal(SIGINT, SIG_IGN)
    signal(SIGINT, current)
    return unsafeBitCast(current, to: Int.self)
}

/// A Ctrl-C delivered to this thread before the call returns: SIGINT is
/// unblocked here and sent to this thread only. A signal sent to the whole
/// process may be taken later by another thread, after a test has put the
/// default action back, and end the test run.
private func sigintNow() {
    var set = sigset_t(), old = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &set, &old)
    pthread_kill(pthread_self(), SIGINT)
    pthread_sigmask(SIG_SETMASK, &old, nil)
}

/// The process's SIGINT action is shared by every test: these run one at a time.
@Suite("Ctrl-C interrupts the state, and SIGINT gets its previous action back", .serialized)
struct InterruptTests {
    @Test("the action SIGINT had before (ignored, or a handler of the host's) is back when interrupting stops")
    func previousActionRestored() throws {
        for previous in [SIG_IGN, hostHandler] {
            let saved = signal(SIGINT, previous)
            defer { signal(SIGINT, saved) }
            let lua = try LuaState()
            lua.interrupter.interruptOnSigint()
            #expect(currentSigintAction() != unsafeBitCast(previous, to: Int.self))
            #expect(try lua.run("return 6 * 7") == [42])
            LuaInterrupter.stopInterruptingOnSigint()
            #expect(currentSigintAction() == unsafeBitCast(previous, to: Int.self))
        }
    }

    @Test("a Ctrl-C interrupts the running loop, and the host's handler is back afterwards")
    func sigintInterruptsThenRestores() throws {
        let saved = signal(SIGINT, hostHandler)
        defer { signal(SIGINT, saved) }
        // The time limit is a backstop: a Ctrl-C that never arrives fails the test instead of hanging it.
        let lua = try LuaState(limits: LuaLimits(seconds: 60))
        lua.interrupter.interruptOnSigint()
        try lua.register("started") { _ in sigintNow(); return nil }
        #expect { try lua.run("started() while true do end") } throws: { ($0 as? LuaError)?.kind == .limit(.interrupt) }
        LuaInterrupter.stopInterruptingOnSigint()
        #expect(currentSigintAction() == unsafeBitCast(hostHandler, to: Int.self))
    }

    @Test("states let go while Ctrl-C is being relayed to them are not touched after they close")
    func targetLetGoWhileRelaying() throws {
        let saved = signal(SIGINT, hostHandler)
        defer { signal(SIGINT, saved) }
        for _ in 0..<200 {
            var lua: LuaState? = try LuaState()
            lua!.interrupter.interruptOnSigint()
            sigintNow()
            LuaInterrupter.stopInterruptingOnSigint()
            lua = nil
        }
        #expect(currentSigintAction() == unsafeBitCast(hostHandler, to: Int.self))
    }
}
