import ArgumentParser
import CadenceScripting
import CadenceStore
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a workspace: a folder with the SQLite file that holds your search.")

    @Argument(help: ArgumentHelp("The folder (default: the usual workspace; see --workspace on other commands).", valueName: "dir"))
    var directory: String?

    func run() throws {
        try reportingErrors {
            // Without the library there is no cadence.lua to write: say so before making anything.
            let scripts = try ScriptLibrary.required()
            let workspace = Workspace.locate(explicit: directory, environment: ProcessInfo.processInfo.environment)
            _ = try workspace.create()
            try Self.writePersonalCadence(into: workspace.directory, from: scripts)
            Output.write("""
                Created a workspace in \(workspace.directory) with cadence.lua, your follow-up practice to edit
                Next: cadence candidate add "Your Name" --time-zone Europe/London\(directory.map { " --workspace \($0)" } ?? "")

                """)
        }
    }

    /// Copies the commented cadence.lua template (it chooses the standard
    /// policies) into a new workspace.
    static func writePersonalCadence(into directory: String, from scripts: String) throws {
        guard let template = FileManager.default.contents(atPath: scripts + "/templates/cadence.lua"),
              FileManager.default.createFile(atPath: directory + "/cadence.lua", contents: template)
        else { throw StoreError.invalid("cannot write \(directory)/cadence.lua from \(scripts)/templates/cadence.lua") }
    }
}
