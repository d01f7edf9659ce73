import ArgumentParser
import CadenceCore
import CadenceScripting
import CadenceStore
import Foundation
import LuaBinding

/// `cadence repl`: Lua with the workspace loaded.
struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Lua with your workspace loaded: apps{…}, app \"Acme\", help().",
        discussion: """
            Type an expression to see its value (lists of applications print as tables), or \
            any Lua statement; an unfinished chunk continues on the next line. The first result \
            is kept in _. Each input's writes land when it succeeds; an input that fails \
            changes nothing; :undo takes back what the last input wrote (again: the input \
            before it). agenda(days), simulate(app, weeks), \
            done(ref), skip(ref) and snooze(ref, until) work as the commands do. :help lists \
            the functions, :load FILE runs a file, :reload reloads edited scripts, :quit (or \
            Ctrl-D) leaves. At start it runs ~/.config/cadence/init.lua (or \
            $XDG_CONFIG_HOME/cadence/init.lua) and the workspace's init.lua, when they exist. \
            With standard input not a terminal, no prompts are printed, so a session can be \
            piped in; colour is used only on a terminal, and never with NO_COLOR set.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
        try reportingErrors {
            _ = try ScriptLibrary.required()
            let lua = try LuaState()
            let location = workspace.location
            let store = try location.open()
            let interactive = isatty(0) != 0
            var failed = false
            try store.session { ws in
                let api = try WorkspaceAPI.install(in: lua, workspace: ws, folder: location.directory, command: "repl")
                defer { api.end() }
                let engine = try ReplEngine(lua: lua, api: api)
                let reader: LineReader = interactive
                    ? EditLineReader(historyFile: EditLineReader.defaultHistoryFile(), complete: engine.complete)
                    : PipeReader()
                defer { reader.close() }
                if interactive { Output.write("Cadence REPL on \(location.directory). help() lists what there is; Ctrl-D leaves.\n") }
                for file in Self.initFiles(workspace: location.directory) {
                    if case .error(let text) = engine.feed(":load \(file)") { Self.reportError(text) }
                }
                loop: while true {
                    let line: String
                    switch reader.read(prompt: interactive ? engine.prompt : "") {
                    case .line(let text): line = text
                    case .interrupted: engine.cancelInput(); continue
                    case .end:
                        if let unfinished = engine.unfinished {
                            Self.reportError("the input ended inside an unfinished chunk: \(unfinished.prefix(60))…")
                            failed = true
                        }
                        break loop
                    }
                    // Ctrl-C while code runs interrupts it (also inside pcall or a
                    // coroutine) and comes back to the prompt, state intact.
                    lua.interrupter.interruptOnSigint()
                    defer { LuaInterrupter.stopInterruptingOnSigint() }
                    switch engine.feed(line) {
                    case .needMore: continue
                    case .output(let text): if !text.isEmpty { Output.write(text + "\n") }
                    case .error(let text):
                        Self.reportError(text)
                        failed = true
                    case .quit: break loop
                    }
                }
                try api.transaction.finish(success: true)
            }
            // Piped input is a script: any input that failed fails the run (each one's writes stood or fell alone).
            if failed && !interactive { throw ExitCode.failure }
        }
    }

    /// The user's init file, then the workspace's, when they exist.
    static func initFiles(workspace: String) -> [String] {
        let environment = ProcessInfo.processInfo.environment
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return [config + "/cadence/init.lua", workspace + "/init.lua"].filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// Errors in red on a terminal, unless NO_COLOR is set (https://no-color.org).
    /// The message may quote data (a company's name in "matches several"), so
    /// its controls are shown as escapes; the colour is the only escape sent.
    static func reportError(_ text: String) {
        let colour = isatty(2) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let shown = TerminalText.output(text)
        StandardError.writeRaw(colour ? "\u{1B}[31m" + shown + "\u{1B}[0m\n" : shown + "\n")
    }
}
