import ArgumentParser
import CadenceStore
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a workspace: a folder with the SQLite file that holds your search.")

    @Argument(help: ArgumentHelp("The folder (default: the usual workspace; see --workspace on other commands).", valueName: "dir"))
    var directory: String?

    func run() throws {
        try reportingErrors {
            let workspace = Workspace.locate(explicit: directory, environment: ProcessInfo.processInfo.environment)
            _ = try workspace.create()
            Output.write("""
                Created a workspace in \(workspace.directory)
                Next: cadence candidate add "Your Name" --time-zone Europe/London\(directory.map { " --workspace \($0)" } ?? "")

                """)
        }
    }
}
