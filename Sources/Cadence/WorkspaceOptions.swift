import ArgumentParser
import CadenceStore
import Foundation

/// `--workspace DIR`, shared by every command that reads or writes data.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The workspace folder (default: $CADENCE_HOME, else $XDG_DATA_HOME/cadence, else ~/.local/share/cadence).",
        valueName: "dir"))
    var workspace: String?

    var location: Workspace {
        Workspace.locate(explicit: workspace, environment: ProcessInfo.processInfo.environment)
    }

    func open() throws -> Store { try location.open() }
}

/// `--json`, for every listing.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON instead of a table.")
    var json = false
}
