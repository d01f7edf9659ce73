import ArgumentParser
import CadenceCore
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
            let (zone, why) = Self.suggestedTimeZone(environment: ProcessInfo.processInfo.environment)
            Output.write("""
                Created a workspace in \(workspace.directory) with cadence.lua, your follow-up practice to edit
                Next: cadence candidate add "Your Name" --time-zone \(zone)\(directory.map { " --workspace \($0)" } ?? "")
                  (\(why); your region is taken from it, or add --region CODE)

                """)
        }
    }

    /// The zone to suggest for the first candidate, and why: the machine's,
    /// else the usual one of the locale's region, else a placeholder to
    /// fill in (no one place is everyone's).
    static func suggestedTimeZone(environment: [String: String]) -> (zone: String, why: String) {
        if let zone = Region.machineTimeZone(environment: environment) { return (zone, "this machine's time zone") }
        if let locale = Region.localeSetting(in: environment), let region = Region.inferred(locale: locale.value) {
            return (region.suggestedTimeZone, "\(region.name)'s, from your locale \(locale.variable)=\(locale.value): use your own city's zone")
        }
        return ("Area/City", "your IANA time zone, such as America/Chicago or Europe/Berlin")
    }

    /// Copies the commented cadence.lua template (it chooses the standard
    /// policies) into a new workspace.
    static func writePersonalCadence(into directory: String, from scripts: String) throws {
        guard let template = FileManager.default.contents(atPath: scripts + "/templates/cadence.lua"),
              FileManager.default.createFile(atPath: directory + "/cadence.lua", contents: template)
        else { throw StoreError.invalid("cannot write \(directory)/cadence.lua from \(scripts)/templates/cadence.lua") }
    }
}
