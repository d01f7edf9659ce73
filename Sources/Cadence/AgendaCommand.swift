import ArgumentParser
import CadenceCore
import CadenceScripting
import CadenceStore
import Foundation
import LuaBinding

struct Agenda: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What is due: follow-ups your cadence.lua plans, each with its reason and a draft.",
        discussion: """
            Overdue items first, then by day. The policies come from the workspace's \
            cadence.lua ('cadence init' writes one to edit), or the standard ones. Planning \
            changes nothing: the same data, policies and --as-of date give the same agenda.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @Option(help: "How many days ahead to look.") var days: Int = 7
    @Option(help: "Plan as if today were this date (YYYY-MM-DD).") var asOf: String?
    @Option(help: ArgumentHelp("Also write the agenda as an iCalendar file (RFC 5545) to import into a calendar.", valueName: "file"))
    var ics: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let day = try asOf.map { try DateParsing.date($0, field: "as-of") }
            let location = workspace.location
            let store = try location.open()
            let lua = try LuaState()
            let result = try store.session { db -> LuaTable in
                _ = try WorkspaceAPI.install(in: lua, database: db, workspace: location.directory, asOf: day)
                return try lua.run("""
                    local policy = require "cadence.policy"
                    local path, days = ...
                    local items, today = policy.agenda(policy.load(path), { days = days, weekdays_only = true })
                    return { text = policy.render(items, today), data = policy.data(items), today = tostring(today) }
                    """, name: "=agenda", arguments: [LuaValue(location.directory + "/cadence.lua"), .integer(Int64(days))]).first?.tableValue ?? LuaTable()
            }
            if let ics { try writeCalendar(result, to: ics) }
            if output.json {
                let data = try JSONSerialization.data(withJSONObject: jsonObject(result["data"]), options: [.prettyPrinted, .sortedKeys])
                Output.write(String(decoding: data, as: UTF8.self) + "\n")
            } else {
                Output.write((result["text"].stringValue ?? "") + "\n")
            }
        }
    }

    func writeCalendar(_ result: LuaTable, to path: String) throws {
        let items = try (result["data"].tableValue?.array ?? []).compactMap { value -> ICalendar.Item? in
            guard let item = value.tableValue, let due = item["due"].stringValue else { return nil }
            let to = item["to"].stringValue.map { " to " + $0 } ?? ""
            let description = [item["reason"].stringValue, item["draft"].stringValue].compactMap { $0 }.joined(separator: "\n\n")
            return ICalendar.Item(application: item["application"].integerValue ?? 0, key: item["key"].stringValue ?? "",
                                  summary: "\(item["company"].stringValue ?? ""): \(item["kind"].stringValue ?? "")\(to)",
                                  description: description, due: try LocalDate(iso: due))
        }
        let stamp = try LocalDate(iso: result["today"].stringValue ?? "1970-01-01")
        guard FileManager.default.createFile(atPath: path, contents: Data(ICalendar(items: items, stamp: stamp).text.utf8)) else {
            throw ValidationError("cannot write \(path)")
        }
    }

    /// A Lua result as JSON: sequences as arrays, other tables as objects.
    func jsonObject(_ value: LuaValue) -> Any {
        switch value {
        case .nil: return NSNull()
        case .boolean(let b): return b
        case .integer(let i): return i
        case .number(let d): return d
        case .string(let s): return s.description
        case .table(let t):
            if t.hash.isEmpty { return t.array.map(jsonObject) }
            var object: [String: Any] = [:]
            for (i, v) in t.array.enumerated() { object[String(i + 1)] = jsonObject(v) }
            for (k, v) in t.hash { object[k.description] = jsonObject(v) }
            return object
        default: return value.description
        }
    }
}
