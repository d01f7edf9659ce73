import ArgumentParser
import CadenceCore
import Foundation
import LuaBinding

/// `cadence report`: the search on one HTML page (Scripts/cadence/report.lua makes it).
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the search as one HTML page: what to do (with drafts), the board, timelines, offers, the funnel.",
        discussion: """
            The page is one file with its styles and drawings inside: it opens from disk in any \
            browser, with no network. With several candidates (a coach's workspace) it starts \
            with a triage table, the client who needs you first at the top, then each client's \
            page; --candidate NAME makes one person's page. --json prints the same data for \
            drawing your own.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write.", valueName: "file")) var output = "cadence-report.html"
    @Option(help: "Report as if today were this date (2026-03-02, or words such as 'last friday').") var asOf: String?
    @Option(help: "Only this candidate's search (a name or id).") var candidate: String?
    @Option(help: "How many days 'This week' looks ahead.") var days: Int = 7
    @Flag(help: "Open the page in your browser when it is written.") var open = false
    @Flag(help: "Print the report's data as JSON instead of writing the page.") var json = false

    func run() throws {
        try reportingErrors {
            guard days >= 0 else { throw ValidationError("--days is 0 or more") }
            let day = try asOf.map { try dayFlag($0, field: "as-of", in: workspace) }
            let options: LuaTable = ["candidate": candidate.map { LuaValue($0) } ?? .nil, "days": .integer(Int64(days)), "json": .boolean(json)]
            let value = try CadenceLua.call(workspace, asOf: day, name: "report", writes: false, "cadence.report", "made", options)
            if json {
                try CadenceLua.writeJSON(try CadenceLua.field("data", of: value, "cadence.report.made"))
                return
            }
            guard case .string(let page) = try CadenceLua.field("html", of: value, "cadence.report.made") else {
                throw Refusal("cadence.report.made gave an unexpected result: its html is not text")
            }
            // Where the page cannot go is not a usage mistake: said as a sentence, with why, exit 1.
            guard !output.isEmpty else { throw Refusal("-o names no file: give the page a file name, such as week.html") }
            var folder: ObjCBool = false
            if FileManager.default.fileExists(atPath: output, isDirectory: &folder), folder.boolValue {
                throw Refusal("cannot write \(output): it is a folder; name a file in it, such as \(output)/cadence-report.html")
            }
            let parent = URL(fileURLWithPath: output).deletingLastPathComponent().path
            guard FileManager.default.fileExists(atPath: parent, isDirectory: &folder), folder.boolValue else {
                throw Refusal("cannot write \(output): there is no folder \(parent)")
            }
            do { try Data(page.bytes).write(to: URL(fileURLWithPath: output), options: .atomic) }
            catch { throw Refusal("cannot write \(output): \((error as NSError).localizedFailureReason ?? error.localizedDescription)") }
            let path = URL(fileURLWithPath: output).standardizedFileURL.path
            Output.write("Wrote \(TerminalText.line(path)) (\(page.bytes.count / 1024) KiB; open it in a browser, no network needed).\n")
            if open {
                let opener = ["xdg-open", "open"].first { name in
                    (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
                        .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
                }
                guard let opener else { throw Refusal("no xdg-open to open it with: open \(path) in your browser") }
                // The opener hands the page to a browser and returns; its own complaints are replaced by one line.
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = [opener, path]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                process.waitUntilExit()
                guard process.terminationStatus == 0 else {
                    throw Refusal("\(opener) found no browser to open it with: open \(path) in your browser")
                }
            }
        }
    }
}
