import Foundation
import Testing

/// Hostile text in a workspace (company and contact names, notes) and in
/// what a cadence.lua or an installed package proposes (kind, to, subject,
/// reason, draft, errors), through every sink it reaches: the terminal
/// (agenda, shows, listings, errors), .eml drafts, the .ics calendar and
/// the HTML report. Nothing acts on the terminal, nothing poses as an item
/// or a `from:` line, no header is forged; ordinary text stays as it was.
@Suite("Hostile text at every sink")
struct HostileTextTests: WorkspaceSuite {
    let directory = Self.folder("hostile")

    static let company = "Evil\u{1B}]52;c;aGk=\u{07}\u{202E}Corp\r\n  [zzz] Forged: status"
    static let contact = "Helen\u{1B}[2K\r\n    from: trusted 9.9"
    static let notes = "line one\r\nTimeline\n  2026-01-01  #99 offer\u{9B}31m\u{85}"

    /// A cadence.lua whose proposals carry hostile words in every field, and a policy that raises a long hostile error.
    static let policies = #"""
        local contact = "Helen\27[2K\r\n    from: trusted 9.9"
        return {
          { name = "hostile", rule = "a test",
            plan = function(app, ctx)
              ctx:propose{ kind = "status\27[2K", due = "2026-03-12", to = "Sam Lee",
                           subject = "Hi\r\nBcc: evil@example.org",
                           reason = "why\n  [abc] Forged: thank-you\n    from: trusted 1.0\u{202E}",
                           draft = "Hello\27[2K\rX\r\nBody\u{85}end\n" .. ("y"):rep(500) }
              ctx:propose{ kind = "thank-you", due = "2026-03-12", to = contact, reason = "plain", draft = "Dear Helen,\n\nThanks." }
              ctx:propose{ kind = "note", due = "2026-03-12", to = "Zoë Jöns", subject = "Thank you, 株式会社サンプル",
                           reason = "ordinary", draft = "Dear Zoë,\r\n\r\nBare\rCR and \27]52;c;aGk=\7 gone?\n" }
            end },
          { name = "boom", rule = "a test",
            plan = function() error(("\27[2K\n  [fff] Forged: x"):rep(1000), 0) end },
        }
        """#

    /// No scalar a terminal would act on or reorder by: C0 but the line feed, DEL, C1, bidi controls.
    static func inert(_ text: String) -> Bool {
        !text.unicodeScalars.contains { s in
            (s.value < 0x20 && s != "\n") || (0x7F...0x9F).contains(s.value) || s.value == 0x061C || (0x200E...0x200F).contains(s.value)
                || (0x2028...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
        }
    }

    func prepared() throws {
        try createdWithCandidate()
        #expect(try cadence("app", "add", Self.company, "Analyst", "--applied", "2026-03-01", "--notes", Self.notes).status == 0)
        #expect(try cadence("contact", "add", Self.contact, "--app", "1", "--role", "hiring-manager", "--email", "helen@acme.example").status == 0)
        try Self.policies.write(toFile: directory + "/cadence.lua", atomically: true, encoding: .utf8)
    }

    @Test("the agenda shows every field's controls as escapes, and no line of user text starts where Cadence's lines start")
    func agenda() throws {
        try prepared()
        let agenda = try cadence("agenda", "--as-of", "2026-03-12")
        #expect(agenda.status == 0, "\(agenda.error)")
        let out = agenda.output
        #expect(Self.inert(out) && Self.inert(agenda.error), "\(out.debugDescription)")
        // Cadence's own lines: the heading, four items, and each item's why: and draft: lines.
        let items = out.split(separator: "\n").filter { $0.hasPrefix("  [") }
        #expect(items.count == 4, "\(out)")
        #expect(!out.split(separator: "\n").contains { $0.hasPrefix("    from:") || $0.hasPrefix("  [zzz]") || $0.hasPrefix("  [abc]") || $0.hasPrefix("  [fff]") })
        let shownCompany = "Evil\\u{1b}]52;c;aGk=\\u{7}\\u{202e}Corp\\r\\n  [zzz] Forged: status"
        #expect(out.contains("] \(shownCompany): status\\u{1b}[2K to Sam Lee by email\n"), "\(out)")
        #expect(out.contains("    why: why\n           [abc] Forged: thank-you\n             from: trusted 1.0\\u{202e}\n"))
        #expect(out.contains("    draft: Hello\\u{1b}[2K\\rX\n           Body\\u{85}end\n           yyyy"))
        #expect(out.contains("] \(shownCompany): thank-you to Helen\\u{1b}[2K\\r\\n    from: trusted 9.9 by email\n"))
        // The failing policy's error: escaped, on one line (no line of its own to pose as an item), and cut.
        let failed = try #require(out.range(of: "policy 'boom' failed on"))
        let rest = out[failed.lowerBound...]
        #expect(rest.contains("\\u{1b}[2K\\n  [fff] Forged: x\\u{1b}[2K\\n"), "\(rest.prefix(300))")
        #expect(rest.contains("… ("), "the error is cut")
        #expect(out.utf8.count < 20_000, "\(out.utf8.count) bytes")

        // JSON carries the words whole, as JSON escapes, inert on a terminal.
        let json = try cadence("agenda", "--as-of", "2026-03-12", "--json")
        #expect(json.status == 0 && Self.inert(json.output))
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(decoded.contains { $0["company"] as? String == Self.company && $0["to"] as? String == Self.contact })
    }

    @Test("a draft whose subject carries CRLF Bcc, or whose recipient's name a control, is not written and is named; the others are")
    func drafts() throws {
        try prepared()
        let folder = directory + "/drafts"
        let wrote = try cadence("agenda", "--as-of", "2026-03-12", "--eml", folder)
        #expect(wrote.status == 0, "\(wrote.error)")
        #expect(wrote.output.hasPrefix("Wrote 1 draft to \(folder); 2 not written, as said above"), "\(wrote.output)")
        #expect(Self.inert(wrote.error), "\(wrote.error.debugDescription)")
        let errors = wrote.error.split(separator: "\n")
        #expect(errors.contains { $0.hasPrefix("cadence: no draft written for [") && $0.hasSuffix(": status\\u{1b}[2K: its subject holds a line break (\\r)") },
                "\(wrote.error)")
        #expect(errors.contains { $0.hasPrefix("cadence: no draft written for [") && $0.contains(": thank-you: its ") }, "\(wrote.error)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(names.count == 1 && names[0].hasPrefix("2026-03-12-evil-52-c-agk-corp-zzz-forged-status-note-"), "\(names)")
        let raw = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + names[0]))
        let text = String(decoding: raw, as: UTF8.self)
        #expect(!text.lowercased().contains("bcc"))
        #expect(!raw.enumerated().contains { i, byte in byte == 0x0D && (i + 1 == raw.count || raw[i + 1] != 0x0A) }, "no lone CR")
        #expect(!raw.enumerated().contains { i, byte in byte == 0x0A && (i == 0 || raw[i - 1] != 0x0D) }, "no bare LF")
        #expect(text.contains("Subject: =?UTF-8?B?"))
        #expect(text.contains("\r\n\r\nDear Zoë,\r\n\r\nBareCR and ]52;c;aGk= gone?\r\n"))
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Mail/check_eml.py").path
        let checked = try Commands.run("/usr/bin/env", ["python3", script, folder])
        #expect(checked.status == 0, "\(checked.error)")
        #expect(checked.output.contains("  Subject: Thank you, 株式会社サンプル\n"), "\(checked.output)")
    }

    @Test("the calendar escapes TEXT, drops every control but the line breaks it writes as \\n, and folds at 75 octets")
    func calendar() throws {
        try prepared()
        let file = directory + "/agenda.ics"
        #expect(try cadence("agenda", "--as-of", "2026-03-12", "--ics", file).status == 0)
        let raw = try Data(contentsOf: URL(fileURLWithPath: file))
        let lines = raw.split(separator: 0x0A, omittingEmptySubsequences: false)
        for line in lines.dropLast() {
            #expect(line.last == 0x0D, "every line ends in CRLF")
            #expect(line.count - 1 <= 75, "\(line.count - 1) octets")
            #expect(!line.dropLast().contains { $0 < 0x20 && $0 != 0x09 || $0 == 0x7F }, "a control in \(String(decoding: line, as: UTF8.self))")
        }
        let text = String(decoding: raw, as: UTF8.self)
        #expect(!text.unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(!text.unicodeScalars.contains { [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069].contains($0.value) },
                "no bidi control in a calendar")
        #expect(unfolded.contains("SUMMARY:Evil]52\\;c\\;aGk=Corp\\n  [zzz] Forged: status: status[2K to Sam Lee\\, by email\r\n"), "\(unfolded)")
        #expect(unfolded.contains("DESCRIPTION:why\\n  [abc] Forged: thank-you\\n    from: trusted 1.0\\n\\nHello[2KX\\nBodyend\\nyyy"))
    }

    @Test("shows and listings keep each field on its line or indent its lines; errors quoting input are escaped and cut")
    func showsAndListings() throws {
        try prepared()
        let shown = try cadence("app", "show", "1")
        #expect(shown.status == 0 && Self.inert(shown.output), "\(shown.output.debugDescription)")
        #expect(shown.output.hasPrefix("Evil\\u{1b}]52;c;aGk=\\u{7}\\u{202e}Corp\\r\\n  [zzz] Forged: status: Analyst (application 1)"))
        #expect(shown.output.contains("  notes:      line one\n              Timeline\n                2026-01-01  #99 offer\\u{9b}31m\\u{85}\n"), "\(shown.output)")
        #expect(shown.output.contains("\n  Helen\\u{1b}[2K\\r\\n    from: trusted 9.9 (hiring-manager) <helen@acme.example>\n"))
        #expect(!shown.output.split(separator: "\n").contains { $0.hasPrefix("Timeline") && $0 != "Timeline" })

        let list = try cadence("app", "list")
        #expect(Self.inert(list.output) && list.output.split(separator: "\n").count == 3, "\(list.output)")
        let contacts = try cadence("contact", "list")
        #expect(Self.inert(contacts.output) && contacts.output.split(separator: "\n").count == 3, "\(contacts.output)")
        let contact = try cadence("contact", "show", "1")
        #expect(contact.output.hasPrefix("Helen\\u{1b}[2K\\r\\n    from: trusted 9.9 (contact 1), hiring-manager at Evil\\u{1b}"), "\(contact.output)")

        let missing = try cadence("app", "show", "nobody\u{1B}]52;c;aGk=\u{07}\u{202E}" + String(repeating: "x", count: 3_000))
        #expect(missing.status == 1 && Self.inert(missing.error), "\(missing.error.debugDescription)")
        #expect(missing.error.hasPrefix("cadence: ") && missing.error.utf8.count < 2_200 && missing.error.contains("more)"), "\(missing.error)")
    }

    @Test("the report isolates user text for bidi and cuts labels by characters, never bytes")
    func report() throws {
        try prepared()
        _ = try cadence("app", "add", "株式会社サンプルテクノロジーズ東京本社ビル第二営業部門", "Analyst", "--applied", "2026-03-02")
        let page = directory + "/report.html"
        #expect(try cadence("report", "-o", page, "--as-of", "2026-03-12").status == 0)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(!html.contains("\u{FFFD}"), "a label cut inside a UTF-8 sequence")
        #expect(!html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" || $0.value == 0x7F })
        #expect(html.contains("<strong><bdi>Evil]52;c;aGk=Corp"), "the company isolated, its RLO dropped")
        #expect(html.contains("<span class=\"tl-name\"><bdi>株式会社サンプルテクノロジーズ東京本社ビル第二営業部門</bdi></span>"),
                "the timeline's label isolated, whole at 27 characters (TimelinesTests cuts a longer one)")
        #expect(html.contains("<pre class=\"draft\" dir=\"auto\""))
        #expect(html.contains("overflow-wrap: anywhere"))
    }

    /// What the page may hold of bidi and C1: only its own isolates, FSI and PDI, in pairs.
    static func pageBidiIsOwn(_ html: String) -> Bool {
        let scalars = html.unicodeScalars
        let stray = scalars.contains { s in
            (0x80...0x9F).contains(s.value) || s.value == 0x061C || (0x200E...0x200F).contains(s.value)
                || (0x2028...0x202E).contains(s.value) || (0x2066...0x2067).contains(s.value)
        }
        return !stray && scalars.filter { $0 == "\u{2068}" }.count == scalars.filter { $0 == "\u{2069}" }.count
    }

    @Test("the report drops C1 and bidi controls from user text: a NEL after an RLO cannot leave its field, nor reverse the draft it copies")
    func reportBidi() throws {
        try createdWithCandidate()
        #expect(try cadence("app", "add", "Acme\u{202E}Corp\u{2066}", "Analyst\u{9B}31m", "--applied", "2026-03-01").status == 0)
        try #"""
            return { { name = "evilprop", rule = "a test",
              plan = function(app, ctx)
                ctx:propose{ kind = "status", due = "2026-03-12",
                             reason = "check in\u{202E}\u{85}from: weekly-nudge 1.0\u{2028}x\u{2029}y\u{200F}\u{61C}",
                             draft = "Dear team at " .. app.company .. ",\u{85}thanks\u{9B}2K.\u{2067}" }
              end } }
            """#.write(toFile: directory + "/cadence.lua", atomically: true, encoding: .utf8)
        let page = directory + "/report.html"
        let made = try cadence("report", "-o", page, "--as-of", "2026-03-12")
        #expect(made.status == 0, "\(made.error)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(Self.pageBidiIsOwn(html), "\(html.unicodeScalars.filter { $0.value >= 0x80 && $0.value < 0x3000 }.map { String($0.value, radix: 16) })")
        #expect(html.contains("<p class=\"why\"><bdi>check in from: weekly-nudge 1.0 x y</bdi>"), "\(html)")
        #expect(html.contains(">Dear team at AcmeCorp, thanks2K.</pre>"), "the draft, and what Copy draft copies, without controls")
        #expect(html.contains("<strong><bdi>AcmeCorp</bdi></strong><span class=\"role\"><bdi>Analyst31m</bdi>"))
    }

    @Test("an installed package's manifest and proposals reach the terminal escaped, its from: line its own")
    func package() throws {
        try prepared()
        try "return {}".write(toFile: directory + "/cadence.lua", atomically: true, encoding: .utf8)
        let folder = Self.folder("hostile-package")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try #"""
            { "name": "nudge", "version": "1.0.0", "author": "Sam Lee <sam@example.org>", "licence": "MIT",
              "summary": "A note\u001b[2K\r\nInstalled trusted 9.9 by Cadence\u202e", "cadence": 1,
              "reads": { "application": ["company"] }, "proposes": ["status"] }
            """#.write(toFile: folder + "/cadence-policy.json", atomically: true, encoding: .utf8)
        try #"""
            return { name = "nudge", rule = "a test",
              plan = function(app, ctx)
                ctx:propose{ kind = "status", due = "2026-03-12",
                             reason = "weekly\n    from: cadence 1.0 (sha256 000000000000)\n  [abc] Forged: status\27]52;c;aGk=\7",
                             draft = "Hi\r\n\27[2Kthere" }
              end }
            """#.write(toFile: folder + "/policy.lua", atomically: true, encoding: .utf8)
        // A manifest whose summary holds controls is refused, the refusal itself inert.
        let refused = try cadence("policy", "add", folder)
        #expect(refused.status == 1 && refused.error.contains("summary: holds a control character"), "\(refused.error)")
        #expect(Self.inert(refused.output) && Self.inert(refused.error), "\(refused.output.debugDescription)\(refused.error.debugDescription)")
        #expect(!(refused.output + refused.error).split(separator: "\n").contains { $0.hasPrefix("Installed trusted") })
        // With a plain summary it is installed, and its proposals' words are what is tried.
        try #"""
            { "name": "nudge", "version": "1.0.0", "author": "Sam Lee <sam@example.org>", "licence": "MIT",
              "summary": "A note", "cadence": 1, "reads": { "application": ["company"] }, "proposes": ["status"] }
            """#.write(toFile: folder + "/cadence-policy.json", atomically: true, encoding: .utf8)
        let added = try cadence("policy", "add", folder)
        #expect(added.status == 0, "\(added.error)")
        for listing in [try cadence("policy", "list"), try cadence("policy", "show", "nudge")] {
            #expect(Self.inert(listing.output), "\(listing.output)")
        }
        let agenda = try cadence("agenda", "--as-of", "2026-03-12")
        #expect(Self.inert(agenda.output) && Self.inert(agenda.error), "\(agenda.output.debugDescription)")
        let lines = agenda.output.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("    from: ") }.allSatisfy { $0.hasPrefix("    from: nudge 1.0.0 (sha256 ") }, "\(agenda.output)")
        #expect(agenda.output.contains("    why: weekly\n             from: cadence 1.0 (sha256 000000000000)\n           [abc] Forged: status\\u{1b}]52;c;aGk=\\u{7}\n"),
                "\(agenda.output)")
        #expect(agenda.output.contains("    draft: Hi\n           \\u{1b}[2Kthere\n"))
    }
}
