import ArgumentParser
import CadenceCore
import Foundation
import LuaBinding

struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What your policies would do for one application over the coming weeks, under assumptions.",
        discussion: """
            A dated timeline: each follow-up your cadence.lua would plan, done on the day it \
            is due, and what you assume the other side does: --assume "reply on day 10", \
            --assume "rejection on 2026-03-20" (repeatable; the default is no reply at all). \
            Nothing is written.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The application (id, company, or company/role).") var app: String
    @Option(help: "How many weeks to simulate.") var weeks: Int = 8
    @Option(help: "Start on this date instead of today (2026-03-02, or words such as 'last friday').") var from: String?
    @Option(name: .customLong("assume"), help: ArgumentHelp(
        "What happens, as \"EVENT on day N\" or \"EVENT on DATE\" (reply, call, interview, offer, rejection).",
        valueName: "assumption")) var assumptions: [String] = []
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            guard (1...104).contains(weeks) else { throw ValidationError("--weeks is 1 to 104") }
            let start = try from.map { try dayFlag($0, field: "from", in: workspace) }
            let value = try CadenceLua.call(workspace, asOf: start, name: "simulate", "cadence.simulate", "report", [
                "app": LuaValue(app), "days": .integer(Int64(weeks * 7)), "assume": .table(LuaTable(array: assumptions.map { LuaValue($0) })),
            ])
            if output.json {
                try CadenceLua.writeJSON(try CadenceLua.field("data", of: value, "cadence.simulate.report"))
            } else {
                Output.write(try CadenceLua.read(CadenceLua.Text.self, value, "cadence.simulate.report").text + "\n")
            }
        }
    }
}
