import ArgumentParser
import CadenceCore
import CadenceScripting
import CadenceStore
import Foundation

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a demo workspace holding a realistic search, and show it.",
        discussion: "The demo workspace is made anew each time, apart from your own.")

    @Option(help: ArgumentHelp("Where to put it (default: beside your workspace, named cadence-demo).", valueName: "dir"))
    var workspace: String?

    func run() throws {
        try reportingErrors {
            let scripts = try ScriptLibrary.required()
            let environment = ProcessInfo.processInfo.environment
            let directory = workspace ?? (Workspace.locate(explicit: nil, environment: environment).directory as NSString)
                .deletingLastPathComponent + "/cadence-demo"
            let demo = Workspace(directory: directory)
            if demo.exists {
                // Only ever replace a demo: a workspace the demo did not make is refused.
                let marker = directory + "/.cadence-demo"
                guard FileManager.default.fileExists(atPath: marker) else {
                    throw StoreError.invalid("\(directory) holds a workspace that is not a demo; choose another --workspace")
                }
                try FileManager.default.removeItem(atPath: directory)
            }
            let store = try demo.create()
            _ = FileManager.default.createFile(atPath: directory + "/.cadence-demo", contents: Data())
            try Init.writePersonalCadence(into: directory, from: scripts)
            let today = Date()
            try store.write("demo") { ws in try ws.buildDemo(today: today) }
            let (summaries, zones) = try store.read { ws in (try ws.summaries(), try ws.timeZonesByApplication()) }
            Output.write("""
                A demo search for Alex Morgan, analyst, in \(directory)

                \(Output.table(["id", "company", "role", "stage", "since", "from them", "by you", "deadline"], summaries.map { s in
                    let zone = zones[s.application.id!] ?? "UTC"
                    return [String(s.application.id!), s.application.company, s.application.role, s.stage.rawValue,
                            Output.day(s.stageSince, in: zone), Output.day(s.lastFromThem, in: zone), Output.day(s.lastByYou, in: zone),
                            s.application.decisionDeadline?.description ?? ""]
                }))
                \(DemoSearch.highlights(today: today).joined(separator: "\n"))

                Explore it:
                  cadence agenda --workspace \(directory)
                  cadence app show acme --workspace \(directory)
                  cadence app list --all --workspace \(directory)
                  cadence export --format csv --workspace \(directory)

                The whole search on one page (pipeline, timelines, this week, offers):
                  cadence report --workspace \(directory) --open

                A policy someone shared, tried on this search before you trust it:
                  cadence policy try \((ScriptLibrary.directory() ?? "Scripts") + "/examples/weekly-nudge") --workspace \(directory)

                """)
        }
    }
}
