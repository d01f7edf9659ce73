import ArgumentParser
import CadenceStore
import Foundation

/// `cadence undo`: takes back the last command's writes, whatever they were
/// (an application added twice, a deletion, an import, a script's writes).
struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take back the last command's writes (and again for the one before, up to 20).",
        discussion: """
            Every command that writes is one step to undo: an application added, a contact \
            deleted, an import, a script's writes. The log stays truthful: undo is for a \
            mistake just made; an older one is fixed with 'cadence log correction'.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @Flag(help: "Only show what would be taken back.") var show = false

    func run() throws {
        try reportingErrors {
            let store = try workspace.open()
            guard let command = show ? try store.read({ try $0.lastCommand() }) : try store.undo() else {
                Output.write("Nothing to undo.\n")
                return
            }
            // A command is no one application's: its time is on the first candidate's clock, as "today" is.
            let when = Timestamps.dateTime(command.at, in: try store.read { try $0.timeZone(ofApplication: nil) })
            var lines = ["\(show ? "Would take back" : "Took back") '\(command.description)' (\(when)):"]
            let changes = command.changes.map(\.description)
            // A large import is thousands of rows: say how many, show the first few.
            lines += changes.prefix(12).map { "  " + $0 }
            if changes.count > 12 { lines.append("  … and \(changes.count - 12) more") }
            Output.write(lines.joined(separator: "\n") + "\n")
        }
    }
}
