import Foundation
import Testing

/// Drafts for companies whose names make file names too long, and folders
/// that cannot be made or written.
@Suite("Agenda drafts' file names and folders")
struct DraftFileTests: WorkspaceSuite {
    let directory = Self.folder("draft-files")

    static let policies = #"""
        return { { name = "thanks", rule = "a test",
          plan = function(app, ctx)
            ctx:propose{ kind = "thank-you", due = "2026-03-12", to = "Sam Lee", subject = "Thanks", draft = "Dear Sam,\n\nThanks." }
          end } }
        """#

    func prepared() throws {
        try createdWithCandidate()
        #expect(try cadence("app", "add", String(repeating: "株式会社", count: 20), "Analyst", "--applied", "2026-03-01").status == 0)
        #expect(try cadence("app", "add", String(repeating: "a", count: 600), "Analyst", "--applied", "2026-03-01").status == 0)
        try Self.policies.write(toFile: directory + "/cadence.lua", atomically: true, encoding: .utf8)
    }

    @Test("a long company name makes a bounded file name, cut between characters; the agenda and calendar are written too")
    func longNames() throws {
        try prepared()
        let folder = directory + "/drafts", calendar = directory + "/agenda.ics"
        let run = try cadence("agenda", "--as-of", "2026-03-12", "--eml", folder, "--ics", calendar)
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.hasPrefix("Wrote 2 drafts to \(folder) (") && run.output.contains("thank-you"), "\(run.output)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names.count == 2, "\(names)")
        for name in names { #expect(name.utf8.count <= 120 && name.hasSuffix(".eml"), "\(name)") }
        #expect(names.contains { $0.hasPrefix("2026-03-12-" + String(repeating: "a", count: 60) + "-thank-you-") }, "\(names)")
        #expect(names.contains { $0.hasPrefix("2026-03-12-" + String(repeating: "株式会社", count: 5) + "-thank-you-") }, "\(names)")
        #expect(FileManager.default.fileExists(atPath: calendar))
    }

    @Test("a draft's body drops the bidi controls its header would refuse: an RLO in a company reverses no template words")
    func bodyBidi() throws {
        try createdWithCandidate()
        #expect(try cadence("app", "add", "Acme\u{202E}Corp\u{2066}", "Analyst", "--applied", "2026-03-01").status == 0)
        try #"""
            return { { name = "thanks", rule = "a test",
              plan = function(app, ctx)
                ctx:propose{ kind = "thank-you", due = "2026-03-12", to = "Sam Lee", subject = "Thanks",
                             draft = "Dear team at " .. app.company .. ",\n\nThanks\u{200F}\u{61C}." }
              end } }
            """#.write(toFile: directory + "/cadence.lua", atomically: true, encoding: .utf8)
        let folder = directory + "/drafts"
        #expect(try cadence("agenda", "--as-of", "2026-03-12", "--eml", folder).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(names.count == 1)
        let text = try String(contentsOfFile: folder + "/" + (names.first ?? ""), encoding: .utf8)
        #expect(text.hasSuffix("\r\n\r\nDear team at AcmeCorp,\r\n\r\nThanks.\r\n"), "\(text.debugDescription)")
    }

    @Test("only an email becomes an .eml: a LinkedIn message, a text and a call are listed as not written, with why")
    func onlyEmail() throws {
        try createdWithCandidate()
        #expect(try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-03-01").status == 0)
        try #"""
            return { { name = "touches", rule = "a test",
              plan = function(app, ctx)
                for _, channel in ipairs{ "email", "linkedin", "text", "phone", "task" } do
                  ctx:propose{ kind = "touch-" .. channel, channel = channel, due = "2026-03-12", to = "Sam Lee", draft = "Hi Sam, hello." }
                end
              end } }
            """#.write(toFile: directory + "/cadence.lua", atomically: true, encoding: .utf8)
        let folder = directory + "/drafts", calendar = directory + "/agenda.ics"
        let run = try cadence("agenda", "--as-of", "2026-03-12", "--eml", folder, "--ics", calendar)
        #expect(run.status == 0, "\(run.error)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(names.count == 1 && names.first?.contains("touch-email") == true, "\(names)")
        // The calendar says the channel in the summary, and what the draft is last in the description.
        let ics = try String(contentsOfFile: calendar, encoding: .utf8).replacingOccurrences(of: "\r\n ", with: "")
        #expect(ics.contains("SUMMARY:Acme: touch-linkedin to Sam Lee\\, on LinkedIn\r\n")
                && ics.contains("\\n\\nChannel: linkedin (a short message: no subject\\, no letter form)\r\n")
                && ics.contains("SUMMARY:Acme: touch-task to Sam Lee\r\n"), "\(ics)")
        #expect(run.output.contains("Wrote 1 draft to \(folder) (open them in your mail client; Cadence sends nothing).\n"
            + "Not emails, so no .eml (their drafts are in 'cadence agenda'):\n"), "\(run.output)")
        #expect(run.output.contains("] Acme: touch-linkedin to Sam Lee on LinkedIn\n") && run.output.contains("] Acme: touch-text to Sam Lee by text message\n")
                && run.output.contains("] Acme: touch-phone to Sam Lee by phone\n"), "\(run.output)")
        // The JSON says each item's channel; only the email has a subject.
        let items = try JSONSerialization.jsonObject(with: Data(try cadence("agenda", "--as-of", "2026-03-12", "--json").output.utf8)) as? [[String: Any]]
        #expect(items?.map { "\($0["channel"]!) \($0["subject"] ?? "-")" }.sorted()
                == ["email Touch-email: Analyst, Acme", "linkedin -", "phone -", "task -", "text -"], "\(String(describing: items))")
    }

    @Test("--eml makes only its own folder: a missing parent is said, exit 1, and nothing is written")
    func missingParent() throws {
        try prepared()
        let folder = directory + "/no/such/drafts", calendar = directory + "/agenda.ics"
        let run = try cadence("agenda", "--as-of", "2026-03-12", "--eml", folder, "--ics", calendar)
        #expect(run.status == 1, "\(run.status) \(run.error)")
        #expect(run.error == "cadence: cannot make the drafts' folder \(folder): the folder \(directory)/no/such does not exist (Cadence makes only the last one)\n",
                "\(run.error)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/no") && !FileManager.default.fileExists(atPath: calendar))
        let made = try cadence("agenda", "--as-of", "2026-03-12", "--eml", directory + "/drafts")
        #expect(made.status == 0 && FileManager.default.fileExists(atPath: directory + "/drafts"), "\(made.error)")
    }

    @Test("a draft that cannot be written is a cadence: sentence, exit 1; the others and the agenda are still written")
    func writeFailure() throws {
        try prepared()
        let folder = directory + "/drafts"
        #expect(try cadence("agenda", "--as-of", "2026-03-12", "--eml", folder).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        // A folder where the first draft's file goes: it cannot be written, even by root.
        try FileManager.default.removeItem(atPath: folder + "/" + names[0])
        try FileManager.default.createDirectory(atPath: folder + "/" + names[0], withIntermediateDirectories: false)
        let run = try cadence("agenda", "--as-of", "2026-03-12", "--eml", folder)
        #expect(run.status == 1, "\(run.status) \(run.error)")
        #expect(run.error.hasPrefix("cadence: no draft written for [") && run.error.contains(": cannot write \(folder)/\(names[0]): "), "\(run.error)")
        #expect(run.output.hasPrefix("Wrote 1 draft to \(folder); 1 not written, as said above") && run.output.contains("thank-you"), "\(run.output)")
        #expect(!run.error.contains("Usage"))
    }
}
