import Foundation
import Testing

/// `cadence negotiate --eml DIR`: the words that are letters as drafts a mail
/// client opens, read back by Python's RFC 5322 parser.
@Suite("Negotiation: letters as .eml drafts")
struct NegotiateMailTests: WorkspaceSuite {
    let directory = Self.folder("negotiate-mail")

    /// Jo Bloggs (jo@example.com), targets 28,000/30,000/35,000 GBP; Acme's offer of 35,000 GBP that
    /// says everything, considered: the script accepts.
    func prepared(company: String = "Acme", contact: [String]? = ["Helen Park", "--email", "helen@acme.example"]) throws {
        try createdWithCandidate()
        _ = try cadence("candidate", "edit", "jo", "--targets", "28000,30000,35000 GBP", "--email", "jo@example.com")
        #expect(try cadence("app", "add", company, "Analyst", "--applied", "2026-02-01").status == 0)
        if let contact {
            let added = try Commands.cadence(["contact", "add"] + contact.prefix(1) + ["--app", "1", "--role", "hiring-manager"]
                                             + contact.dropFirst() + ["--workspace", directory])
            #expect(added.status == 0, "\(added.error)")
        }
        _ = try cadence("offer", "add", "--app", "1", "--base", "35000 GBP", "--at", "2026-03-02", "--holiday-days", "25",
                        "--pension", "5%", "--bonus", "1000", "--start", "2026-04-01", "--respond-by", "2026-03-20")
        _ = try cadence("log", "follow-up-call", "--app", "1", "--at", "2026-03-03")
    }

    /// The drafts written, each read by Python: (file name, what letter_eml.py printed).
    func drafts(_ folder: String) throws -> [(String, String)] {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Mail/letter_eml.py").path
        return try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { name in
            let read = try Commands.run("/usr/bin/env", ["python3", script, folder + "/" + name])
            #expect(read.status == 0, "\(name): \(read.error)")
            return (name, read.output)
        }
    }

    @Test("a letter greets by first name, signs with the candidate's name, goes To: the recipient, and names role and company")
    func letterForm() throws {
        try prepared()
        let folder = directory + "/drafts"
        let run = try cadence("negotiate", "1", "--as-of", "2026-03-05", "--eml", folder)
        #expect(run.status == 0 && !run.error.contains("no address"), "\(run.error)")
        let written = try drafts(folder)
        #expect(!written.isEmpty)
        for (name, text) in written {
            #expect(text.hasPrefix("To: Helen Park <helen@acme.example>\nSubject: "), "\(name): \(text)")
            #expect(text.contains("Analyst, Acme\n"), "\(name): \(text)")
            #expect(text.contains("\nDear Helen,\n\n"), "\(name): \(text)")
            #expect(text.hasSuffix("\n\nBest regards,\nJo Bloggs") || text.hasSuffix("\n\nBest regards,\nJo Bloggs\n"), "\(name): \(text)")
            #expect(!text.contains("Hello,"), "\(name): a greeting to no one: \(text)")
        }
        // The bytes on disk: every line ends in CRLF.
        for (name, _) in written {
            let raw = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            #expect(!raw.enumerated().contains { i, byte in byte == 0x0A && (i == 0 || raw[i - 1] != 0x0D) }, "\(name): a bare LF")
        }
        // A draft already there may hold your edits: a second run keeps it and writes beside it.
        let first = try #require(written.first?.0)
        try "my own edits".write(toFile: folder + "/" + first, atomically: true, encoding: .utf8)
        #expect(try cadence("negotiate", "1", "--as-of", "2026-03-05", "--eml", folder).status == 0)
        #expect(try String(contentsOfFile: folder + "/" + first, encoding: .utf8) == "my own edits")
        #expect(FileManager.default.fileExists(atPath: folder + "/" + first.replacingOccurrences(of: ".eml", with: "-2.eml")))
    }

    @Test("no address on file: no To: line, and stderr says how to add one; no one on file: how to add them")
    func noAddress() throws {
        try prepared(contact: ["Helen Park"])
        let folder = directory + "/drafts"
        let run = try cadence("negotiate", "1", "--as-of", "2026-03-05", "--eml", folder)
        #expect(run.status == 0)
        #expect(run.error.contains("cadence: Helen Park has no address on file, so the drafts have no To: line: "
                                   + "cadence contact edit \"Helen Park\" --email ADDRESS\n"), "\(run.error)")
        for (name, text) in try drafts(folder) {
            #expect(text.hasPrefix("To: \n") && text.contains("\nDear Helen,\n"), "\(name): \(text)")
        }
    }

    @Test("no one on file: the letter greets no one by name, and stderr says how to add the hiring manager")
    func noOne() throws {
        try prepared(contact: nil)
        let folder = directory + "/drafts"
        let run = try cadence("negotiate", "1", "--as-of", "2026-03-05", "--eml", folder)
        #expect(run.error.contains("no hiring manager or recruiter on file for Acme, so the drafts have no To: line: "
                                   + "cadence contact add NAME --app \"Acme\" --role hiring-manager --email ADDRESS"), "\(run.error)")
        for (name, text) in try drafts(folder) { #expect(text.contains("\nHello,\n\n"), "\(name): \(text)") }
    }

    @Test("a step whose words are no letter (a call) writes no draft, and says why")
    func noLetter() throws {
        // Time asked for, the start date not said and no call made yet: the next step is a call.
        try createdWithCandidate()
        _ = try cadence("candidate", "edit", "jo", "--targets", "28000,30000,35000 GBP")
        _ = try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-02-01")
        _ = try cadence("offer", "add", "--app", "1", "--base", "35000 GBP", "--at", "2026-03-02", "--holiday-days", "25",
                        "--pension", "5%", "--bonus", "1000", "--respond-by", "2026-03-20")
        _ = try cadence("log", "message-sent", "--app", "1", "--message-kind", "ask-for-time", "--at", "2026-03-03")
        let folder = directory + "/drafts"
        let run = try cadence("negotiate", "1", "--as-of", "2026-03-05", "--eml", folder)
        #expect(run.status == 0 && run.error == "No draft written to \(folder): the words of this step (call) are not a letter.\n", "\(run.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test("the folder's parent must exist: a typo makes no tree of folders")
    func folderParent() throws {
        try prepared()
        let folder = directory + "/no-such/drafts"
        let run = try cadence("negotiate", "1", "--as-of", "2026-03-05", "--eml", folder)
        #expect(run.status == 1 && run.error.contains("does not exist"), "\(run.error)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/no-such"))
    }

    @Test("hostile: CR, LF, ESC or bidi in a recipient's name or a company refuse the draft; 500 characters fold")
    func hostile() throws {
        for name in ["Helen\r\nBcc: all@example.com", "Helen\u{1B}[31m Park", "Helen \u{202E}kraP"] {
            try prepared(contact: [name, "--email", "helen@acme.example"])
            let folder = directory + "/drafts-\(UUID().uuidString)"
            let run = try cadence("negotiate", "1", "--as-of", "2026-03-05", "--eml", folder)
            #expect(run.error.contains("draft written: ") && run.error.contains("recipient"), "\(name.debugDescription): \(run.error)")
            #expect((try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty != false)
            try FileManager.default.removeItem(atPath: directory)
        }
        let long = "Acme " + String(repeating: "Holdings ", count: 60)
        try prepared(company: long, contact: [String(repeating: "Helen ", count: 90) + "Park", "--email", "helen@acme.example"])
        let folder = directory + "/drafts"
        #expect(try cadence("negotiate", "1", "--as-of", "2026-03-05", "--eml", folder).status == 0)
        let written = try drafts(folder)
        #expect(!written.isEmpty && written.allSatisfy { $0.1.contains("Subject: Accepting your offer: Analyst, Acme Holdings") }, "\(written)")
        #expect(written.allSatisfy { $0.0.count < 100 }, "file names stay short: \(written.map(\.0))")
    }
}
