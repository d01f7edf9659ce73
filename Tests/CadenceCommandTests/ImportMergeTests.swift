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
        #expect(refused.error.contains(":4: salary: '50000' has no currency, and no region gives one"), "\(refused.error)")
        #expect(refused.error.contains("--currency USD"), "\(refused.error)")
        let skipped = try cadence("import", try sheet(text), "--format", "csv", "--skip-invalid")
        #expect(skipped.output.contains("1 new") && skipped.output.contains("ignored columns: Vibe"), "\(skipped.output)")
        // Euros as Germany writes them, with --currency for a candidate with no region.
        let euros = try cadence("import", try sheet("Company,Role,Salary,Date Applied\nIsar,Dev,62.500,2026-03-02\n"),
                                "--format", "csv", "--currency", "EUR")
        #expect(euros.output.contains("bare amounts read as EUR (--currency EUR)"), "\(euros.output)\(euros.error)")
        #expect(try cadence("app", "show", "isar").output.contains("62.500 EUR"))
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

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Import")

    @Test("a US tracker imported twice, a week apart: its onsite plans thank-yous and weekly notes; what was logged between stays")
    func usTracker() throws {
        _ = try Commands.cadence(["init", directory])
        _ = try cadence("candidate", "add", "Alex Kim", "--time-zone", "America/Chicago")
        let week1 = Self.fixtures.appendingPathComponent("us-tracker-week1.csv").path
        let first = try cadence("import", week1)
        #expect(first.output.contains(": 6 new, 0 updated, 0 unchanged\n"), "\(first.output)\(first.error)")
        #expect(first.output.contains("  amounts: bare amounts read as USD (your region: the United States)\n"), "\(first.output)")
        // The onsite is an interview with the people the row names: the standard cadence plans from it.
        let agenda = try json("agenda", "--as-of", "2026-11-30", "--days", "14", as: [Printed.AgendaItem].self)
        let harbor = agenda.filter { $0.company.hasPrefix("Harbor Payments") }
        #expect(Set(harbor.filter { $0.kind == "thank-you" }.compactMap(\.to)) == ["Priya Nair", "Sam Ortiz"], "\(agenda.map { ($0.company, $0.kind) })")
        #expect(harbor.contains { $0.kind == "thank-you" && $0.due == "2026-11-30" })
        #expect(harbor.contains { $0.kind == "status" && $0.due == "2026-12-07" }, "\(harbor.map { ($0.kind, $0.due) })")
        #expect(agenda.contains { $0.company == "Lone Star Bank" && $0.kind == "status" && $0.due == "2026-12-01" },
                "\(agenda.map { ($0.company, $0.kind, $0.due) })")
        // One recruiter on two applications: one person, edited once, seen at both.
        let edit = try cadence("contact", "edit", "Dana Reyes", "--title", "Talent Partner")
        #expect(edit.status == 0, "\(edit.error)")
        let dana = try cadence("contact", "show", "Dana Reyes").output
        #expect(dana.contains("Talent Partner") && dana.contains("also at:    Lone Star Bank"), "\(dana)")

        _ = try cadence("log", "interview", "--app", "lone star bank/platform", "--at", "2026-12-03T14:00", "--with", "Dana Reyes")
        _ = try cadence("log", "offer-received", "--app", "harbor", "--at", "2026-12-04")
        let week2 = Self.fixtures.appendingPathComponent("us-tracker-week2.csv").path
        let second = try cadence("import", week2)
        #expect(second.output.contains(": 1 new, 1 updated, 5 unchanged\n"), "\(second.output)\(second.error)")
        #expect(second.output.contains(
            "  Lone Star Bank (Platform Engineer): stage interviewing kept (you logged an interview on Thu 3 Dec; the sheet says Applied as of Mon 30 Nov)\n"),
            "\(second.output)")
        #expect(try json("app", "show", "harbor", as: Printed.AppDetail.self).stage == "offer")
        let third = try cadence("import", week2)
        #expect(third.output.contains(": 0 new, 0 updated, 7 unchanged\n  nothing changed: "), "\(third.output)")
    }

    @Test("unknown statuses are listed together with this very command, --map-status added for each; run, it imports")
    func unknownStatuses() throws {
        try prepared()
        let file = try sheet("Company,Role,Status\nAcme,Analyst,Talking to team\nGlobex,Dev,Parked\n")
        let refused = try cadence("import", file, "--format", "csv")
        #expect(refused.status == 1)
        #expect(refused.error.contains("2 statuses Cadence does not know, nothing imported"), "\(refused.error)")
        #expect(refused.error.contains("cadence import \(file) --format csv --workspace \(directory) "
                                       + "--map-status 'Talking to team=applied' --map-status 'Parked=applied'"), "\(refused.error)")
        #expect(try cadence("app", "list").output == "(none)\n")
        let mapped = try cadence("import", file, "--format", "csv", "--map-status", "Talking to team=screening", "--map-status", "parked=archived")
        #expect(mapped.output.contains(": 2 new, 0 updated, 0 unchanged"), "\(mapped.output)\(mapped.error)")
        #expect(try json("app", "show", "acme", as: Printed.AppDetail.self).stage == "screening")
        let wrong = try cadence("import", file, "--map-status", "Parked=parkd")
        #expect(wrong.status != 0 && wrong.error.contains("unknown stage 'parkd'"), "\(wrong.error)")
    }
}

