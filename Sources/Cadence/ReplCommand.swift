import ArgumentParser
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
            changes nothing. :help lists the functions, :load FILE runs a file, :quit (or \
            Ctrl-D) leaves. With standard input not a terminal, no prompts are printed, so a \
            session can be piped in.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
        try reportingErrors {
            let lua = try LuaState()
            let location = workspace.location
            let store = try location.open()
            let interactive = isatty(0) != 0
            try store.session { db in
                let api = try WorkspaceAPI.install(in: lua, database: db, workspace: location.directory)
                let engine = try ReplEngine(lua: lua, transaction: api.transaction)
                let reader: LineReader = interactive
                    ? EditLineReader(historyFile: EditLineReader.defaultHistoryFile(), complete: engine.complete)
                    : PipeReader()
                defer { reader.close() }
                if interactive { Output.write("Cadence REPL on \(location.directory). help() lists what there is; Ctrl-D leaves.\n") }
                loop: while true {
                    let line: String
                    switch reader.read(prompt: interactive ? engine.prompt : "") {
                    case .line(let text): line = text
                    case .interrupted: engine.cancelInput(); continue
                    case .end: break loop
                    }
                    // Ctrl-C while code runs interrupts it (also inside pcall or a
                    // coroutine) and comes back to the prompt, state intact.
                    lua.interrupter.interruptOnSigint()
                    defer { LuaInterrupter.stopInterruptingOnSigint() }
                    switch engine.feed(line) {
                    case .needMore: continue
                    case .output(let text): if !text.isEmpty { Output.write(text + "\n") }
                    case .error(let text): StandardError.write(text + "\n")
                    case .quit: break loop
                    }
                }
                try api.transaction.finish(success: true)
            }
        }
    }
}
