import ArgumentParser
import CadenceCore
import Foundation

/// The `cadence` command: a workbench for a job search, scripted in Lua.
@main
struct Cadence: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "cadence",
        abstract: "A workbench for a job search, scripted in Lua 5.4.",
        discussion: """
            Cadence keeps your applications, contacts and offers, and runs your own \
            Lua scripts over them. Run 'cadence help <command>' for a command's options.
            """,
        version: "cadence \(version) (Lua 5.4)",
        subcommands: [
            Init.self, Demo.self, CandidateCommand.self, ApplicationCommand.self, ContactCommand.self,
            Log.self, OfferCommand.self, Negotiate.self, Rehearse.self, Agenda.self, Simulate.self, Undo.self, Import.self, Export.self, RunCommand.self, Repl.self, PolicyCommand.self, Report.self, PolicyWorkerCommand.self,
        ]
    )

    /// ArgumentParser's own `main`, but its messages go through the
    /// terminal's owner (`TerminalText`): a usage error quotes what was typed
    /// (an unknown option, a bad value), which may hold ESC, C1 or bidi
    /// controls. Help and version text, Cadence's own, go to standard output
    /// as before; exit codes are ArgumentParser's.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exitShowing(error, hint: CommandNearMiss.hint(for: Array(CommandLine.arguments.dropFirst())))
        }
    }

    /// Prints what `error` says, escaped, and exits with its code. `hint`
    /// (Cadence's own words: a command's name that was nearly typed) follows
    /// the message when ArgumentParser refused a word it did not expect.
    static func exitShowing(_ error: Error, hint: String? = nil) -> Never {
        let code = exitCode(for: error)
        let full = fullMessage(for: error)
        let hint = message(for: error).hasPrefix("Unexpected argument") ? hint ?? "" : ""
        if code == .success {
            if !full.isEmpty { Output.write(full + "\n") }
        } else if !full.isEmpty {
            // The short message quotes the input: one message, cut and its
            // lines indented; the usage lines after it are Cadence's own.
            // Compared on scalars: a CR at its end and the LF after it are one Character.
            let short = message(for: error), head = ("Error: " + short).unicodeScalars
            if !short.isEmpty, full.unicodeScalars.starts(with: head) {
                let rest = String(String.UnicodeScalarView(full.unicodeScalars.dropFirst(head.count)))
                StandardError.write("Error: " + TerminalText.message(short) + hint + TerminalText.output(rest) + "\n")
            } else {
                StandardError.write(TerminalText.output(full) + hint + "\n")
            }
        }
        Foundation.exit(code.rawValue)
    }
}
