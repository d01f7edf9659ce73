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
            let workspace = Workspace.locate(explicit: directory, environment: ProcessInfo.processInfo.environment)
            _ = try workspace.create()
            let wrote = Self.writePersonalCadence(into: workspace.directory)
            Output.write("""
                Created a workspace in \(workspace.directory)\(wrote ? " with cadence.lua, your follow-up practice to edit" : "")
                Next: cadence candidate add "Your Name" --time-zone Europe/London\(directory.map { " --workspace \($0)" } ?? "")

                """)
        }
    }

    /// Copies the commented cadence.lua template (it chooses the standard
    /// policies) into a new workspace. False when Cadence's Scripts/ is not found.
    static func writePersonalCadence(into directory: String) -> Bool {
        guard let scripts = ScriptLibrary.directory(),
              let template = FileManager.default.contents(atPath: scripts + "/templates/cadence.lua")
        else { return false }
        return FileManager.default.createFile(atPath: directory + "/cadence.lua", contents: template)
    }
}
