import CLuaSupport

/// Stops a running script from another thread, the way Ctrl-C does in the REPL.
///
///     let stop = lua.interrupter
///     DispatchQueue.global().asyncAfter(deadline: .now() + 1) { stop.interrupt() }
///     try lua.run("while true do end")   // throws LuaError(kind: .limit(.interrupt))
///
/// The running code, also a loop inside `pcall` or a coroutine, ends with an
/// "interrupted" error at its next instruction; the state stays usable. An
/// interrupter outliving its state does nothing.
public final class LuaInterrupter: Sendable {
    private nonisolated(unsafe) let control: OpaquePointer

    init(control: OpaquePointer) {
        cl_control_retain(control)
        self.control = control
    }

    deinit { cl_control_release(control) }

    public func interrupt() { cl_interrupt(control) }

    /// Makes Ctrl-C (SIGINT) interrupt this state, until `stopInterruptingOnSigint`.
    /// For command-line tools; a second Ctrl-C ends the process. The thread
    /// that relays Ctrl-C holds this state's control block while it uses it,
    /// and a state closed meanwhile is not touched.
    public func interruptOnSigint() { cl_interrupt_on_sigint(control) }

    /// Gives SIGINT back the action it had before `interruptOnSigint` (the
    /// host's own handler, an ignore, or the default).
    public static func stopInterruptingOnSigint() { cl_interrupt_on_sigint(nil) }
}
