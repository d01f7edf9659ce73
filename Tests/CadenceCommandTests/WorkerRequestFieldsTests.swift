import CadenceSharing
import Foundation
import Testing

/// The worker's request carries every field a package may declare, each as
/// the workspace's own Lua gives it (days as Dates, money and targets as
/// tables), and nothing it did not declare.
@Suite("The worker's request")
struct WorkerRequestFieldsTests: WorkspaceSuite {
    let directory = Self.folder("request")

    /// Proposes one note whose reason lists each field it sees, as record.field:type (a Date is "date").
    static let inventory = """
        local cadence = require "cadence"
        local function kind(v) return getmetatable(v) == cadence.Date and "date" or type(v) end
        return {
          name = "inventory", rule = "lists what it sees",
          plan = function(app, ctx)
            local seen = {}
            local function look(record, row)
              for k, v in pairs(row) do seen[#seen + 1] = record .. "." .. k .. ":" .. kind(v) end
            end
            look("application", app)
            for _, e in ipairs(ctx.timeline) do look("events", e) end
            for _, c in ipairs(app:contacts()) do look("contacts", c) end
            for _, o in ipairs(app:offers()) do
              look("offers", o)
              seen[#seen + 1] = "offers.base.minorUnits:" .. kind(o.base and o.base.minorUnits)
            end
            for _, c in ipairs(cadence.candidates()) do look("candidate", c) end
            table.sort(seen)
            ctx:propose{ kind = "status", due = cadence.date("2026-03-16"), key = "inventory", reason = table.concat(seen, " ") }
          end,
        }
        """

    func package(reads: [String: [String]]) throws -> String {
        let folder = Self.folder("package-inventory")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let readsJSON = String(decoding: try JSONSerialization.data(withJSONObject: reads, options: [.sortedKeys]), as: UTF8.self)
        try """
            { "name": "inventory", "version": "1.0.0", "author": "Sam Lee <sam@example.org>", "licence": "MIT",
              "summary": "Lists what it sees", "cadence": 1, "reads": \(readsJSON), "proposes": ["status"] }
            """.write(toFile: folder + "/cadence-policy.json", atomically: true, encoding: .utf8)
        try Self.inventory.write(toFile: folder + "/policy.lua", atomically: true, encoding: .utf8)
        return folder
    }

    /// The reason of the inventory's item, as a set of record.field:type.
    func seen(reads: [String: [String]]) throws -> Set<String> {
        let tried = try cadence("policy", "try", try package(reads: reads), "--as-of", "2026-03-12", "--days", "30")
        let why = tried.output.components(separatedBy: "\n").first { $0.contains("why: ") } ?? ""
        #expect(!why.isEmpty, "\(tried.output)\(tried.error)")
        return Set(why.components(separatedBy: "why: ").last?.split(separator: " ").map(String.init) ?? [])
    }

    func prepared() throws {
        _ = try Commands.cadence(["init", directory])
        _ = try cadence("candidate", "add", "Jo Bloggs", "--time-zone", "Europe/London", "--email", "jo@example.org",
                        "--strength", "SQL", "--targets", "50000,60000,70000 GBP", "--current-pay", "48000 GBP",
                        "--reference", "Ann", "--current-benefit", "pension")
        _ = try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-03-01", "--source", "referral", "--location", "Leeds",
                        "--url", "https://acme.example/jobs/1", "--salary", "50000-60000 GBP", "--deadline", "2026-03-20",
                        "--interest", "4", "--targets", "50000,60000,70000 GBP", "--need", "SQL", "--question", "hours?",
                        "--tag", "remote", "--notes", "private", "--fact", "hours=9 to 5")
        _ = try cadence("contact", "add", "Helen Jones", "--app", "acme", "--role", "hiring-manager", "--email", "helen@acme.example")
        _ = try cadence("log", "interview", "--app", "acme", "--with", "Helen Jones", "--at", "2026-03-09", "--round", "final")
        _ = try cadence("log", "next-step", "--app", "acme", "--at", "2026-03-10", "--next", "call me", "--due", "2026-03-17")
        _ = try cadence("offer", "add", "--app", "acme", "--base", "55000 GBP", "--bonus", "10%", "--sign-on", "2000 GBP",
                        "--rsu", "40000 GBP", "--vesting-years", "4", "--at", "2026-03-11", "--respond-by", "2026-03-25",
                        "--holiday-days", "25")
    }

    @Test("the calendar reaches the worker whole: a holiday keyed by a Date moves the package's item; one that cannot travel stops only the package")
    func calendar() throws {
        try prepared()
        let package = try package(reads: [:])
        // Monday 16 March, the day the inventory proposes, is a holiday given as a Date key.
        try """
            local cadence = require "cadence"
            return { calendar = { holidays = { [cadence.date("2026-03-16")] = "a day off" } } }
            """.write(toFile: directory + "/cadence.lua", atomically: true, encoding: .utf8)
        let moved = try cadence("policy", "try", package, "--as-of", "2026-03-12", "--days", "30")
        #expect(moved.output.contains("status, Tue 17 Mar") && moved.output.contains("(Mon 16 Mar is a day off: moved to Tue 17 Mar)"),
                "\(moved.output)\(moved.error)")
        // A holiday named by a function cannot be sent: the package does not run, and says why.
        try """
            return { calendar = { holidays = { ["2026-03-16"] = function() end } } }
            """.write(toFile: directory + "/cadence.lua", atomically: true, encoding: .utf8)
        let refused = try cadence("policy", "try", package, "--as-of", "2026-03-12", "--days", "30")
        #expect(refused.output.contains("holds a function: only text, numbers, booleans and tables travel")
                || refused.error.contains("holds a function: only text, numbers, booleans and tables travel"), "\(refused.output)\(refused.error)")
    }

    @Test("a package that reads every field sees each with the type the workspace's Lua gives it")
    func everyField() throws {
        try prepared()
        let seen = try seen(reads: ReadableFields.declarable)
        for expected in ["application.id:number", "application.company:string", "application.deadline:date",
                         "application.stage_since:date", "application.interest:number", "application.needs:table",
                         "application.facts:table", "application.targets:table", "application.salary_range:table",
                         "events.day:date", "events.due:date", "events.with:table", "events.round:string", "events.at:string",
                         "contacts.email:string", "contacts.role:string",
                         "offers.base:table", "offers.base.minorUnits:number", "offers.respond_by:date", "offers.grant:table",
                         "offers.benefit_values:table", "offers.bonus_guaranteed:boolean",
                         "candidate.targets:table", "candidate.current_pay:table", "candidate.strengths:table"] {
            #expect(seen.contains(expected), "\(expected) not in \(seen.sorted())")
        }
    }

    @Test("a package that declares nothing sees only what every package is given")
    func onlyTheAlwaysFields() throws {
        try prepared()
        let seen = try seen(reads: [:])
        let fields = Set(seen.map { String($0.split(separator: ":")[0]) })
        #expect(fields.isSubset(of: ["application.id", "application.candidate_id", "events.id", "events.kind", "events.day",
                                     "events.corrects", "events.application_id"]), "\(fields.sorted())")
        #expect(fields.contains("events.day"))
    }
}
