import CadenceCore
import CadenceScripting
import CadenceSharing
import CadenceStore
import Foundation
import LuaBinding

#if canImport(Glibc)
import Glibc
#endif

/// What `lua5.4 [options] [script [args]]` does, for `cadence run`: the `arg`
/// table, LUA_INIT, -l and -e, the script with its arguments, the error
/// report, and Ctrl-C.
struct StandaloneInterpreter {
    let options: RunCommand

    /// Set in the isolated process a sandboxed run starts (see `runIsolated`).
    static let isolatedVariable = "CADENCE_ISOLATED"

    func execute() -> Int32 {
        if options.sandbox && ProcessInfo.processInfo.environment[Self.isolatedVariable] != "1" { return runIsolated() }
        let lua: LuaState
        do {
            lua = try LuaState(profile: options.sandbox ? .sandboxed : .trusted, limits: options.limits)
        } catch {
            return report(error)
        }
        defer { lua.close() }  // finalizers run before exit, as under lua5.4
        defer { warnOfStoredProblems() }
        if options.limits.seconds != nil || options.limits.instructions != nil {
            lua.exitWhenStuck(afterGrace: 2, status: 1,
                              message: "cadence: the script is stuck in a library call past its time limit\n",
                              closingMessage: "cadence: finalizers run at the end of the script ran past its limit\n")
        }
        lua.interrupter.interruptOnSigint()
        defer { LuaInterrupter.stopInterruptingOnSigint() }
        if options.sandbox { return runScripts(lua) }
        // `require "cadence"` reaches the workspace. Nothing is locked until
        // the script's first write; its writes commit when it ends well.
        let workspace = options.workspaceOptions.location
        let store: Store
        do {
            store = try workspace.open()
        } catch {
            // No (usable) workspace: plain Lua runs as ever; require "cadence" says why.
            do { try WorkspaceAPI.installMissing(in: lua, reason: String(describing: error)) } catch { return report(error) }
            return runScripts(lua)
        }
        do {
            return try store.session { ws in
                let api = try WorkspaceAPI.install(in: lua, workspace: ws, folder: workspace.directory,
                                                   command: "run " + (scriptName ?? "-e"))
                defer { api.end() }
                let status = runScripts(lua)
                try api.transaction.finish(success: status == 0)
                return status
            }
        } catch {
            return report(error)
        }
    }

    /// A sandboxed script runs in a process of its own, started from this
    /// binary (marked by `isolatedVariable`), behind the operating system's
    /// walls (OSWalls) and in namespaces of its own: whatever it does, even
    /// crashing Lua itself, ends that process, not this one. It has no
    /// terminal (a session of its own, pipes for 0-2): this process relays
    /// its input and output, up to the output limit, so that nothing it
    /// writes can type into the user's shell (TIOCSTI) or reach /dev/tty.
    /// Its environment holds only the mark and TZ (its os.date's local
    /// time). Ctrl-C here interrupts it; past its time limit its group is killed.
    private func runIsolated() -> Int32 {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let zone = ProcessInfo.processInfo.environment["TZ"].map { ["TZ=" + $0] } ?? []
        let ending: Subprocess.Ending
        do {
            ending = try Subprocess.runRelayed(executable, Array(CommandLine.arguments.dropFirst()),
                                               environment: [Self.isolatedVariable + "=1"] + zone, input: readsStandardInput,
                                               seconds: (options.limits.seconds ?? 10) + 5, maxOutput: options.outputLimit)
        } catch {
            return report(Refusal("cannot start the sandbox's process: \(error)"))
        }
        if ending.tooMuch {
            return report(Refusal("the sandboxed script printed more than its output limit (\(options.outputLimit) bytes) and was stopped; what it printed was cut there"))
        }
        if ending.timedOut {
            return report(Refusal("the sandboxed script ran past its time limit and its process was stopped"))
        }
        if ending.signal == SIGPIPE {
            // Its output went to a pipe nobody reads (`| head`): end as lua5.4 would, by that signal, silently.
            fflush(nil)
            Glibc.signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
        }
        if let signal = ending.signal {
            return report(Refusal("the sandboxed script's process ended with \(OSWalls.ending(signal: signal)); nothing outside it was affected"))
        }
        return ending.status ?? 1
    }

    /// Whether the script is read from standard input ('-', or nothing to
    /// run but it), as `runScripts` decides: a sandboxed script has no io,
    /// so nothing else of it reads there.
    private var readsStandardInput: Bool {
        scriptName == "-" || (scriptName == nil && options.chunks.isEmpty && options.modules.isEmpty)
    }

    /// LUA_INIT, -W, -l, -e and the script, in lua.c's order. In the isolated
    /// process of a sandboxed run, the script is read first and the walls go
    /// up before any of its code (or a -e chunk) runs.
    private func runScripts(_ lua: LuaState) -> Int32 {
        do {
            var loaded: LuaFunction?
            if options.sandbox && ProcessInfo.processInfo.environment[Self.isolatedVariable] == "1" {
                if let script = scriptName {
                    loaded = try lua.loadFile(script == "-" ? nil : script)
                } else if readsStandardInput {
                    loaded = try lua.loadFile(nil)
                }
                try OSWalls.enter(memory: (options.limits.memory ?? 64 << 20) + (256 << 20),
                                  cpuSeconds: Int((options.limits.seconds ?? 10).rounded(.up)) * 2 + 1, outputBytes: nil)
            }
            try lua.setGlobal("arg", .table(argumentTable()))
            if !options.sandbox { try runInitialization(lua) }
            if options.warnings { try lua.load("warn('@on')", name: "=(command line)").callAsMainChunk() }
            for module in options.modules { try require(module, in: lua) }
            for chunk in options.chunks { try lua.load(chunk, name: "=(command line)").callAsMainChunk() }
            if let script = scriptName {
                let chunk = try loaded ?? lua.loadFile(script == "-" ? nil : script)
                try chunk.callAsMainChunk(arguments: scriptArguments.map { LuaValue($0) })
            } else if options.chunks.isEmpty && options.modules.isEmpty {
                try (loaded ?? lua.loadFile(nil)).callAsMainChunk()
            }
            return 0
        } catch let error as LuaError where error.kind == .limit(.interrupt) {
            report(error)
            return 130
        } catch {
            return report(error)
        }
    }

    private var scriptName: String? { options.script.first }
    private var scriptArguments: [String] { Array(options.script.dropFirst()) }

    /// arg[0] is the script, arg[1...] its arguments, and the negative
    /// indices hold the command line before it, as lua.c numbers them.
    private func argumentTable() -> LuaTable {
        let argv = CommandLine.arguments
        let scriptIndex = scriptName == nil ? 0 : argv.count - options.script.count
        var table = LuaTable()
        for (i, word) in argv.enumerated() {
            table[.integer(Int64(i - scriptIndex))] = LuaValue(word)
        }
        return table
    }

    /// LUA_INIT_5_4 (or LUA_INIT): a chunk, or '@file', run before anything else.
    private func runInitialization(_ lua: LuaState) throws {
        for name in ["LUA_INIT_5_4", "LUA_INIT"] {
            guard let raw = getenv(name) else { continue }
            let value = String(decoding: UnsafeRawBufferPointer(start: raw, count: strlen(raw)), as: UTF8.self)
            if value.hasPrefix("@") {
                try lua.runFile(String(value.dropFirst()))
            } else {
                try lua.run(value, name: "=" + name)
            }
            return
        }
    }

    /// -l mod puts require("mod") in the global mod; -l g=mod in the global
    /// g (split at the first '=', either side may be empty), as lua.c's
    /// dolibrary does.
    private func require(_ spec: String, in lua: LuaState) throws {
        let global = spec.prefix { $0 != "=" }
        let module = global.endIndex == spec.endIndex ? global : spec[spec.index(after: global.endIndex)...]
        try lua.requireGlobal(String(global), module: String(module))
    }

    @discardableResult
    private func report(_ error: any Error) -> Int32 {
        fflush(nil)  // what the script printed comes before the error
        let text: String
        if let lua = error as? LuaError {
            text = lua.traceback.map { lua.message + "\n" + $0 } ?? lua.message
        } else {
            text = String(describing: error)
        }
        // The message is the script's (an error object's __tostring too): its controls are shown, never sent to the terminal.
        StandardError.write("cadence: " + text + "\n")
        return 1
    }
}

/// Writes straight to file descriptor 2 (unbuffered, as stderr is).
/// Like `Output.write`, every message passes `TerminalText.output` last:
/// what its composer missed still cannot act on the terminal.
enum StandardError {
    static func write(_ text: String) { writeRaw(TerminalText.output(text)) }

    /// Text whose escapes are Cadence's own (the REPL's colour): nothing of anyone else's in it unescaped.
    static func writeRaw(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
