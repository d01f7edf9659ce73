import Foundation
import Testing

/// A sheet imported every week: updated, not duplicated; its own dates used;
/// dates it cannot settle not guessed; another person's backup not slipped in.
@Suite("Imports that merge")
struct ImportMergeTests: WorkspaceSuite {
    let directory = Self.folder("merge")

    func prepared() throws {
        try createdWithCandidate()
    }

    func sheet(_ text: String) throws -> String { try Commands.temporaryScript(text) }

    @Test("re-importing an updated sheet updates and logs what changed: new, updated and unchanged counted")
    func weekly() throws {
        try prepared()
        let first = """
            Company Name,Job Position,Job URL,Date Saved,Date Applied,Status,Location
            Acme,Analyst,https://acme.example/1,2026-02-01,2026-02-03,Applied,Leeds
            Globex,Engineer,,2026-02-02,2026-02-04,Applied,York
            Initech,Lead,,2026-02-05,,Saved,
            Hooli,Analyst,,,2026-02-06,Applied,
            Umbrella,Analyst,,,2026-02-07,Applied,

            """
        let imported = try cadence("import", try sheet(first), "--format", "csv")
        #expect(imported.output.hasPrefix("Imported ") && imported.output.contains(": 5 new, 0 updated, 0 unchanged\n"), "\(imported.error)")
        let week2 = """
            Company Name,Job Position,Job URL,Date Saved,Date Applied,Interview Date,Status,Location
            Acme,Analyst (Data),https://acme.example/1,2026-02-01,2026-02-03,2026-02-20,Interview,Leeds
            Globex,Engineer,,2026-02-02,2026-02-04,,Applied,Remote
            Initech,Lead,,2026-02-05,,,Saved,
            Hooli,Analyst,,,2026-02-06,,Applied,
            Umbrella,Analyst,,,2026-02-07,,Applied,
            Stark,Designer,,,2026-02-21,,Applied,
            Wayne,Analyst,,,2026-02-22,,Applied,
            Contoso,Analyst,,,2026-02-23,,Applied,

            """
        let again = try cadence("import", try sheet(week2), "--format", "csv")
        #expect(again.output.contains(": 3 new, 2 updated, 3 unchanged\n"), "\(again.output)\(again.error)")
        let list = try cadence("app", "list", "--json").output
        let apps = try JSONSerialization.jsonObject(with: Data(list.utf8)) as? [[String: Any]] ?? []
        #expect(apps.count == 8)
        // Matched by its URL though its role was renamed; the interview date became an interview event.
        let acme = try json("app", "show", "acme", as: Printed.AppDetail.self)
        #expect(acme.history == ["2026-02-01 saved", "2026-02-03 applied", "2026-02-20 interviewing"], "\(acme.history)")
        #expect(acme.events.contains { $0.kind == "interview" && $0.day == "2026-02-20" }, "\(acme.events.map(\.kind))")
        let globex = try json("app", "show", "globex", as: Printed.AppDetail.self)
        #expect(globex.application.location == "Remote")
        #expect(globex.events.contains { $0.kind == "note" && $0.notes?.contains("location 'York' -> 'Remote'") == true },
                "\(globex.events.map(\.notes))")
    }

    @Test("Cadence's own CSV export re-imports losslessly, into an empty workspace or onto itself")
    func ownExport() throws {
        let demo = directory + "-demo"
        _ = try Commands.cadence(["demo", "--workspace", demo])
        let exported = try Commands.cadence(["export", "--format", "csv", "--workspace", demo]).output
        let file = try sheet(exported)
        let onto = try Commands.cadence(["import", file, "--format", "csv", "--workspace", demo])
        #expect(onto.output.contains(": 0 new, 0 updated, 8 unchanged\n"), "\(onto.output)\(onto.error)")
        _ = try Commands.cadence(["init", directory])
        let fresh = try cadence("import", file, "--format", "csv")
        #expect(fresh.output.contains(": 8 new, 0 updated, 0 unchanged\n"), "\(fresh.output)\(fresh.error)")
        // Every column but the last contact, which the timeline gives (the JSON export carries it, a sheet cannot).
        func withoutLastContact(_ csv: String) -> [[String]] {
            csv.split(separator: "\r\n").map { line in
                // Cells split at commas outside quotes ("Manchester, in the office" is one cell).
                var cells: [String] = [], cell = "", quoted = false
                for ch in line {
                    if ch == "\"" { quoted.toggle() }
                    if ch == ",", !quoted { cells.append(cell); cell = "" } else { cell.append(ch) }
                }
                cells.append(cell)
                return cells.enumerated().filter { $0.offset != 13 }.map(\.element)
            }
        }
        #expect(withoutLastContact(try cadence("export", "--format", "csv").output) == withoutLastContact(exported))
    }

    @Test("a column of dates that could be either order stops the import without a region; an unambiguous one settles it and is named")
    func dateOrder() throws {
        _ = try Commands.cadence(["init", directory])
        _ = try cadence("candidate", "add", "Jo Bloggs", "--time-zone", "UTC")
        let ambiguous = try cadence("import", try sheet("Company,Role,Date Applied\nAcme,Analyst,03/05/2026\nGlobex,Dev,04/06/2026\n"), "--format", "csv")
        #expect(ambiguous.status == 1)
        #expect(ambiguous.error.contains("the dates in 'Date Applied' could be day first or month first ('03/05/2026' is Sun 3 May 2026 "
                                         + "or Thu 5 March 2026, and your candidate has no region to decide)"),
                "\(ambiguous.error)")
        #expect(ambiguous.error.contains("--date-order dmy"))
        #expect(try cadence("app", "list").output == "(none)\n")
        let settled = try cadence("import", try sheet("Company,Role,Date Applied\nAcme,Analyst,03/05/2026\nGlobex,Dev,03/25/2026\n"), "--format", "csv")
        #expect(settled.output.contains("dates: 'Date Applied' read month first: '03/25/2026' settles it"), "\(settled.output)\(settled.error)")
        #expect(try json("app", "show", "acme", as: Printed.AppDetail.self).history.contains("2026-03-05 applied"))
    }

    @Test("columns nothing reads are named; a salary below zero, or without a currency and no region to give one, is a bad row")
    func columnsAndSalaries() throws {
        _ = try Commands.cadence(["init", directory])
        _ = try cadence("candidate", "add", "Jo Bloggs", "--time-zone", "UTC")
        let text = "Company,Role,Salary,Vibe,Date Applied\nAcme,Analyst,£30000,great,2026-03-02\nGlobex,Dev,-5,meh,2026-03-02\nHooli,PM,50000,ok,2026-03-02\n"
        let refused = try cadence("import", try sheet(text), "--format", "csv")
        #expect(refused.status == 1)
        #expect(refused.error.contains(":3: salary: '-5' is negative"), "\(refused.error)")
        #expect(refused.error.contains(":4: salary: '50000' has no currency and your candidate has no region to give one"), "\(refused.error)")
        #expect(refused.error.contains("--currency USD"), "\(refused.error)")
        let skipped = try cadence("import", try sheet(text), "--format", "csv", "--skip-invalid")
        #expect(skipped.output.contains("1 new") && skipped.output.contains("ignored columns: Vibe"), "\(skipped.output)")
    }

    @Test("a JSON backup goes into an empty workspace; into one with a search it needs --merge, and says what it would add")
    func jsonMerge() throws {
        let demo = directory + "-demo"
        _ = try Commands.cadence(["demo", "--workspace", demo])
        let backup = try sheet(try Commands.cadence(["export", "--workspace", demo]).output)
        try prepared()
        _ = try cadence("app", "add", "Mine", "Analyst")
        let refused = try cadence("import", backup, "--format", "json")
        #expect(refused.status == 1 && refused.error.contains("would add 1 candidate (Alex Morgan), 8 applications"), "\(refused.error)")
        #expect(try json("app", "list", "--all", as: [Printed.App].self).map(\.company) == ["Mine"])
        #expect(try cadence("import", backup, "--format", "json", "--merge").status == 0)
    }
}
