import ArgumentParser
import CadenceCore
import CadenceScripting
import CadenceSharing
import CadenceStore
import Foundation

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a demo workspace holding a realistic search, and show it.",
        discussion: """
            The demo workspace is made anew each time (its dates follow today), apart from \
            your own. One you changed (a command's writes, its cadence.lua, a package added) \
            is kept, and said so, unless --reset.
            """)

    @Option(help: ArgumentHelp("Where to put it (default: beside your workspace, named cadence-demo).", valueName: "dir"))
    var workspace: String?
    @Flag(help: "Make the demo anew even though you changed it.") var reset = false

    /// What a person may change in a demo, as made: the last command its
    /// data was written by (the undo journal's: a command after the demo's is
    /// a change, and undoing it takes the change back), and the bytes of its
    /// cadence.lua and packages.lock. The marker keeps it, so that a demo
    /// someone worked in is not replaced by surprise. (Not the database's
    /// bytes: in WAL mode they move when SQLite checkpoints.)
    static func fingerprint(of directory: String) throws -> String {
        let last = try Workspace(directory: directory).open().read { try $0.lastCommand() }
        let files = ["cadence.lua", "packages.lock"].map { name in
            name + ":" + ((try? Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))).map(FileDigest.sha256) ?? "none")
        }
        return FileDigest.sha256((["data:\(last.map { "\($0.id) \($0.description)" } ?? "none")"] + files).joined(separator: "\n"))
    }

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
                // A marker from before fingerprints (empty) says nothing either way: made anew, as it always was.
                let made = (try? String(contentsOfFile: marker, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                if !reset, !made.isEmpty, made != (try? Self.fingerprint(of: directory)) {
                    throw StoreError.invalid("""
                        the demo in \(directory) was changed since it was made (its data, its cadence.lua or its packages), \
                        so it is kept; 'cadence demo --reset' makes it anew, and what you changed there is lost
                        """)
                }
                try FileManager.default.removeItem(atPath: directory)
            }
            let store = try demo.create()
            try Init.writePersonalCadence(into: directory, from: scripts)
            let today = Date()
            try store.write("demo") { ws in try ws.buildDemo(today: today) }
            _ = FileManager.default.createFile(atPath: directory + "/.cadence-demo", contents: Data((try Self.fingerprint(of: directory) + "\n").utf8))
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

                The whole search on one page (what to do today, the board, timelines, offers):
                  cadence report --workspace \(directory) --open

                A policy someone shared, tried on this search before you trust it:
                  cadence policy try \((ScriptLibrary.directory() ?? "Scripts") + "/examples/weekly-nudge") --workspace \(directory)

                """)
        }
    }
}
