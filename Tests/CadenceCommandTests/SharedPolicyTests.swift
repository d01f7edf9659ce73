import Foundation
import Testing

/// Policies other people wrote: packed, tested, tried, installed pinned, run
/// isolated; and hostile packages, each contained with a clear message while
/// the rest of the agenda is still made and nothing is written.
@Suite("Shared policies")
struct SharedPolicyTests: WorkspaceSuite {
    let directory = Self.folder("shared")

    static let nudge = """
        local options = ...
        return {
          name = "weekly nudge", rule = "4. Weekly status after an interview",
          plan = function(app, ctx)
            local interview = ctx:last("interview")
            if not interview then return end
            if ctx:answered_since(interview.day) then return ctx:exit("they answered") end
            for week = 1, options.weeks do
              ctx:propose{ kind = "status", due = interview.day + 7 * week, to = interview.with and interview.with[1],
                           reason = ("week %d after the interview on %s"):format(week, interview.day:short()),
                           draft = ("Hello,\\n\\nA short note on the %s role at %s.\\n"):format(app.role, app.company) }
            end
          end,
        }
        """

    static let nudgeTests = """
        return {
          { name = "a note a week after the interview", as_of = "2026-03-10",
            apps = { { company = "Acme", role = "Analyst",
                       events = { { kind = "applied", day = "2026-03-01" },
                                  { kind = "interview", day = "2026-03-09", with = { "Helen Jones" } } },
                       contacts = { { name = "Helen Jones", role = "hiring-manager" } } } },
            expect = { { kind = "status", due = "2026-03-16", to = "Helen Jones" } } },
          { name = "nothing once they reply", as_of = "2026-03-20",
            apps = { { events = { { kind = "interview", day = "2026-03-09" }, { kind = "reply-received", day = "2026-03-12" } } } },
            expect = {}, exact = true },
        }
        """

    /// A package folder: its manifest (with `reads` and `proposes` as given), policy and tests.
    func package(_ name: String = "weekly-nudge", version: String = "1.0.0", policy: String = nudge, tests: String? = nudgeTests,
                 reads: String = #"{ "application": ["company", "role"], "events": ["with"], "contacts": ["name", "role"] }"#,
                 proposes: String = #"["status"]"#) throws -> String {
        let folder = Self.folder("package-\(name)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try """
            { "name": "\(name)", "version": "\(version)", "author": "Sam Lee <sam@example.org>", "licence": "MIT",
              "summary": "A status note every week after an interview", "cadence": 1,
              "options": { "weeks": { "type": "integer", "default": 3, "doc": "how many notes" } },
              "reads": \(reads), "proposes": \(proposes) }
            """.write(toFile: folder + "/cadence-policy.json", atomically: true, encoding: .utf8)
        try policy.write(toFile: folder + "/policy.lua", atomically: true, encoding: .utf8)
        if let tests { try tests.write(toFile: folder + "/tests.lua", atomically: true, encoding: .utf8) }
        return folder
    }

    /// Jo's search: Acme, interviewed by Helen Jones on 9 March, with a private note.
    func prepared() throws {
        try createdWithCandidate()
        _ = try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-03-01", "--notes", "they pay 90k; do not share")
        _ = try cadence("contact", "add", "Helen Jones", "--app", "acme", "--role", "hiring-manager", "--email", "helen@acme.example")
        _ = try cadence("log", "interview", "--app", "acme", "--with", "Helen Jones", "--at", "2026-03-09")
    }

    @Test("one person's package is tested, tried, installed pinned and run by another; its items and logged events name it")
    func swap() throws {
        try prepared()
        let folder = try package()
        let tested = try cadence("policy", "test", folder)
        #expect(tested.status == 0 && tested.output.contains("pass a note a week after the interview") && tested.output.contains("2 of 2 passed"), "\(tested.output)\(tested.error)")

        let tried = try cadence("policy", "try", folder, "--as-of", "2026-03-12", "--days", "30")
        #expect(tried.output.contains("+ ["), "\(tried.output)\(tried.error)")
        #expect(tried.output.contains("Acme: status to Helen Jones, Mon 16 Mar"))
        #expect(tried.output.contains("3 added, 0 removed, 0 moved."))
        #expect(!FileManager.default.fileExists(atPath: directory + "/packages.lock"), "trying installs nothing")

        let added = try cadence("policy", "add", folder, "--option", "weeks=2")
        #expect(added.status == 0, "\(added.error)")
        #expect(added.output.contains("Installed weekly-nudge 1.0.0 by Sam Lee <sam@example.org> (MIT), pinned at sha256"))
        #expect(added.output.contains("It reads: application: company, role; events: with; contacts: name, role"))
        #expect(added.output.contains("Signature: unsigned"))
        let lock = try String(contentsOfFile: directory + "/packages.lock", encoding: .utf8)
        #expect(lock.contains("\"policy.lua\" : \"") && lock.contains("\"weeks\" : \"2\""))

        let agenda = try cadence("agenda", "--as-of", "2026-03-17", "--json")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(agenda.output.utf8)) as? [[String: Any]])
        let nudges = items.filter { ($0["policy"] as? String) == "weekly-nudge" }
        #expect(nudges.map { $0["due"] as? String } == ["2026-03-16", "2026-03-23"], "weeks=2: two notes, \(items.map { $0["kind"] ?? "" })")
        let source = try #require(nudges.first?["source"] as? String)
        #expect(source.hasPrefix("weekly-nudge 1.0.0 (sha256 "))
        #expect(items.contains { ($0["policy"] as? String) == "weekly-status" }, "the standard policies still plan: \(items.map { $0["policy"] ?? "" })")

        let ref = try #require(nudges.first?["ref"] as? String)
        let done = try cadence("agenda", "done", ref, "--as-of", "2026-03-17")
        #expect(done.status == 0, "\(done.error)")
        #expect(try json("app", "show", "acme", as: Printed.AppDetail.self).events
            .contains { $0.kind == "message-sent" && $0.with == ["Helen Jones"] && $0.notes == "from \(source)" })
        #expect(!(try json("agenda", "--as-of", "2026-03-17", as: [Printed.AgendaItem].self).contains { $0.ref == ref }))

        #expect(try cadence("policy", "list").output.contains("weekly-nudge 1.0.0"))
        #expect(try cadence("policy", "show", "weekly-nudge").output.contains("option weeks = 2 (integer, default 3)"))
        #expect(try cadence("policy", "remove", "weekly-nudge").status == 0)
        let after = try cadence("agenda", "--as-of", "2026-03-24", "--json")
        let afterItems = try after.decoded(as: [Printed.AgendaItem].self)
        #expect(!after.error.contains("weekly-nudge")
                && !afterItems.contains { $0.policy == "weekly-nudge" || $0.source?.hasPrefix("weekly-nudge ") == true }, "\(after.output)\(after.error)")
    }

    @Test("a policy of one's cadence.lua is packed (reads found, tests recorded on made-up timelines, personal data warned of) and a peer installs it")
    func pack() throws {
        try prepared()
        try """
            local standard = require "policies"
            return {
              standard.thank_you(),
              { name = "recruiter nudge", rule = "my rule: nudge ten days after applying",
                plan = function(app, ctx)
                  local applied = ctx:last("applied")
                  if not applied or ctx:answered_since(applied.day) or app.company == "Acme" then return end
                  ctx:propose{ kind = "status", due = applied.day + 10, reason = "ten days since you applied to " .. app.company }
                end },
            }
            """.write(toFile: directory + "/cadence.lua", atomically: true, encoding: .utf8)
        let output = Self.folder("packed")
        let packed = try cadence("policy", "pack", "recruiter nudge", "--output", output, "--author", "Jo Bloggs <jo@example.org>")
        #expect(packed.status == 0, "\(packed.error)")
        #expect(packed.output.contains("as recruiter-nudge 1.0.0"), "\(packed.output)")
        #expect(packed.output.contains("reads application: company; proposes status"))
        #expect(packed.output.contains("5 of 5 passed"))
        #expect(packed.output.contains("Warning: the code holds personal data, which travels with the package: the company 'Acme'"))
        let manifest = try String(contentsOfFile: output + "/cadence-policy.json", encoding: .utf8)
        #expect(manifest.contains("\"select\" : \"recruiter nudge\""))
        let tests = try String(contentsOfFile: output + "/tests.lua", encoding: .utf8)
        #expect(tests.contains("name = \"applied two weeks ago, no answer\"") && tests.contains("{ kind = \"status\", due = \"2026-03-16\" }"), "\(tests)")
        #expect(!tests.contains("Acme") && !tests.contains("Helen"), "no one's search travels in the tests")

        // A peer, with a search of their own.
        let peer = Self.folder("peer")
        _ = try Commands.cadence(["init", peer])
        _ = try Commands.cadence(["candidate", "add", "Sam Lee", "--workspace", peer])
        _ = try Commands.cadence(["app", "add", "Initech", "Engineer", "--applied", "2026-03-02", "--workspace", peer])
        #expect(try Commands.cadence(["policy", "test", output, "--workspace", peer]).output.contains("5 of 5 passed"))
        let tried = try Commands.cadence(["policy", "try", output, "--as-of", "2026-03-10", "--workspace", peer])
        #expect(tried.output.contains("Initech: status, Thu 12 Mar") && tried.output.contains("ten days since you applied to Initech"), "\(tried.output)\(tried.error)")
        #expect(try Commands.cadence(["policy", "add", output, "--workspace", peer]).status == 0)
        #expect(try Commands.cadence(["agenda", "--as-of", "2026-03-10", "--json", "--workspace", peer]).decoded(as: [Printed.AgendaItem].self)
            .contains { $0.company == "Initech" && $0.source?.hasPrefix("recruiter-nudge 1.0.0 ") == true })
    }

    @Test("a file changed after install stops that package, says which file, and the rest of the agenda is made")
    func tampered() throws {
        try prepared()
        _ = try cadence("policy", "add", try package())
        let installed = directory + "/packages/weekly-nudge/policy.lua"
        try (try String(contentsOfFile: installed, encoding: .utf8) + "\n-- one more line\n").write(toFile: installed, atomically: true, encoding: .utf8)
        let agenda = try cadence("agenda", "--as-of", "2026-03-12")
        #expect(agenda.status == 0)
        #expect(agenda.output.contains("Package weekly-nudge 1.0.0"), "\(agenda.output)")
        #expect(agenda.output.contains("policy.lua changed since it was installed"))
        let items = try json("agenda", "--as-of", "2026-03-12", as: [Printed.AgendaItem].self)
        #expect(items.contains { $0.kind == "thank-you" })
        #expect(!items.contains { $0.policy == "weekly-nudge" || $0.source?.hasPrefix("weekly-nudge ") == true })
        #expect(try cadence("policy", "list").output.contains("NOT RUN"))
    }

    @Test("a manifest with a mistake is refused before any code runs, naming the field; nothing is installed")
    func badManifest() throws {
        try prepared()
        let folder = try package(reads: #"{ "application": ["salery"] }"#)
        let added = try cadence("policy", "add", folder)
        #expect(added.status == 1)
        #expect(added.error.contains("reads.application: 'salery' is not a field of application (did you mean 'salary'?)"),
                "\(added.error)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/packages.lock"))
    }

    @Test("a package whose tests fail is not installed")
    func failingTests() throws {
        try prepared()
        let folder = try package(tests: #"return { { name = "wrong day", as_of = "2026-03-10", apps = { { events = { { kind = "interview", day = "2026-03-09" } } } }, expect = { { kind = "status", due = "2026-03-17" } } } }"#)
        let added = try cadence("policy", "add", folder)
        #expect(added.status == 1)
        #expect(added.error.contains("its tests fail") && added.error.contains("FAIL wrong day"), "\(added.error)")
        #expect(added.error.contains("expected { due = 2026-03-17, kind = status }; proposed: status on 2026-03-16"))
    }

    @Test("a test summary missing its count refuses the install (it never reads as 'no tests shipped')")
    func summaryMissingItsCount() throws {
        try prepared()
        // Cadence's library, with the summary's count renamed.
        let scripts = Self.folder("scripts")
        defer { try? FileManager.default.removeItem(atPath: scripts) }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try FileManager.default.copyItem(atPath: repository.appendingPathComponent("Scripts").path, toPath: scripts)
        let sharing = scripts + "/cadence/sharing.lua"
        let text = try String(contentsOfFile: sharing, encoding: .utf8)
        let renamed = text.replacingOccurrences(of: "return { report = report, passed = passed, count = count }",
                                                with: "return { report = report, passed = passed, cases = count }")
        #expect(renamed != text)
        try renamed.write(toFile: sharing, atomically: true, encoding: .utf8)
        let folder = try package(tests: #"return { { name = "wrong day", as_of = "2026-03-10", apps = { { events = { { kind = "interview", day = "2026-03-09" } } } }, expect = { { kind = "status", due = "2026-03-17" } } } }"#)
        let added = try Commands.run("/usr/bin/env", ["CADENCE_SCRIPTS=" + scripts, Commands.cadenceURL.path,
                                                      "policy", "add", folder, "--workspace", directory])
        #expect(added.status == 1)
        #expect(added.error.contains("count"), "\(added.error)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/packages.lock"))
    }

    @Test("an update that reads more needs consent again; its diff is shown")
    func update() throws {
        try prepared()
        let folder = try package()
        _ = try cadence("policy", "add", folder)
        try Self.nudge.replacingOccurrences(of: "A short note", with: "A brief note").write(toFile: folder + "/policy.lua", atomically: true, encoding: .utf8)
        let manifest = try String(contentsOfFile: folder + "/cadence-policy.json", encoding: .utf8)
        try manifest.replacingOccurrences(of: "\"1.0.0\"", with: "\"1.1.0\"")
            .replacingOccurrences(of: "\"contacts\": [\"name\", \"role\"]", with: "\"contacts\": [\"name\", \"role\", \"email\"]")
            .write(toFile: folder + "/cadence-policy.json", atomically: true, encoding: .utf8)
        let refused = try cadence("policy", "update", "weekly-nudge")
        #expect(refused.status == 1)
        #expect(refused.output.contains("weekly-nudge: 1.0.0 -> 1.1.0"))
        #expect(refused.output.contains("--- installed/policy.lua\n+++ new/policy.lua\n"), "\(refused.output)")
        #expect(refused.output.contains("+                   draft = (\"Hello,\\n\\nA brief note"))
        #expect(refused.output.contains("+++ new/cadence-policy.json\n"))
        #expect(refused.output.contains("It now also reads: contacts.email."))
        #expect(refused.error.contains("reads more than the version installed: contacts.email"), "\(refused.error)")
        #expect(try cadence("policy", "list").output.contains("weekly-nudge 1.0.0"))
        let accepted = try cadence("policy", "update", "weekly-nudge", "--accept-reads")
        #expect(accepted.status == 0 && accepted.output.contains("Updated weekly-nudge 1.1.0"), "\(accepted.error)")
    }

    @Test("a signed package says who signed it; a changed file breaks the signature and is refused")
    func signed() throws {
        try prepared()
        let keys = Self.folder("keys")
        try FileManager.default.createDirectory(atPath: keys, withIntermediateDirectories: true)
        let made = try Commands.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "sam", "-f", keys + "/id"])
        #expect(made.status == 0, "\(made.error)")
        let publicKey = try String(contentsOfFile: keys + "/id.pub", encoding: .utf8)
        try "sam@example.org \(publicKey)".write(toFile: keys + "/allowed_signers", atomically: true, encoding: .utf8)
        let folder = try package()
        #expect(try Commands.cadence(["policy", "sign", folder, "--key", keys + "/id"]).status == 0)
        setenv("CADENCE_ALLOWED_SIGNERS", keys + "/allowed_signers", 1)
        defer { unsetenv("CADENCE_ALLOWED_SIGNERS") }
        let added = try cadence("policy", "add", folder)
        #expect(added.output.contains("Signature: signed by sam@example.org"), "\(added.output)\(added.error)")
        try "return {}".write(toFile: folder + "/tests.lua", atomically: true, encoding: .utf8)
        let refused = try cadence("policy", "add", folder)
        #expect(refused.status == 1 && refused.error.contains("its signature does not match its files"), "\(refused.error)")
    }

    /// A hostile package, installed with tight limits, and what the agenda says of it:
    /// `expected` is in a line on the package (beside the JSON, on stderr) or in the
    /// reason of an item the policy proposed or that says it failed (the line or
    /// reason is returned); or the policy proposed an item for `reason`.
    @discardableResult
    func contained(_ policy: String, says expected: String? = nil, proposing reason: String? = nil,
                   reads: String = #"{ "application": ["company"] }"#,
                   limits: [String] = ["--time-limit", "2", "--memory-limit", "64M"],
                   sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let before = try cadence("export").output
        let folder = try package("hostile", policy: policy, tests: nil, reads: reads)
        let added = try Commands.cadence(["policy", "add", folder] + limits + ["--workspace", directory])
        #expect(added.status == 0, "\(added.error)", sourceLocation: sourceLocation)
        let agenda = try cadence("agenda", "--as-of", "2026-03-12", "--json")
        let items = try agenda.decoded(as: [Printed.AgendaItem].self)
        let said = agenda.error.split(separator: "\n").map(String.init) + items.filter { $0.policy == "hostile" }.map(\.reason)
        let saying = expected.flatMap { expected in said.first { $0.contains(expected) } }
        #expect(saying != nil || expected == nil, "\(said)", sourceLocation: sourceLocation)
        if let reason {
            #expect(items.contains { $0.policy == "hostile" && $0.reason == reason }, "\(said)", sourceLocation: sourceLocation)
        }
        #expect(items.contains { $0.company == "Acme" && $0.kind == "thank-you" && $0.to == "Helen Jones" }, "the rest of the agenda is made",
                sourceLocation: sourceLocation)
        #expect(try cadence("export").output == before, "nothing is written", sourceLocation: sourceLocation)
        _ = try cadence("policy", "remove", "hostile")
        return saying ?? ""
    }

    static func plan(_ body: String) -> String { "return { name = 'hostile', plan = function(app, ctx)\n\(body)\nend }" }
    static let propose = "ctx:propose{ kind = 'status', due = '2026-03-12', reason = %@ }"

    @Test("hostile packages are contained: each is reported, the agenda is still made, nothing is written")
    func hostile() throws {
        try prepared()
        // It runs away or eats memory: the worker's limits stop it.
        try contained(Self.plan("while true do end"), says: "time limit exceeded")
        try contained(Self.plan("local t = {} while true do t[#t + 1] = ('x'):rep(1000000) .. #t end"), says: "policy 'hostile' failed on Acme: not enough memory")
        // Escapes: no io, os beyond the clock, debug, or require of anything but Cadence's own modules.
        try contained(Self.plan(Self.propose.replacingOccurrences(of: "%@", with: "'io=' .. tostring(io) .. ' exec=' .. tostring(os.execute) .. ' debug=' .. tostring(debug)")),
                      proposing: "io=nil exec=nil debug=nil")
        try contained(Self.plan("require 'os'"), says: "module 'os' is not available to an installed policy")
        try contained(Self.plan("assert(load(string.char(27) .. 'Lua'))()"), says: "attempt to load a binary chunk")
        // Reading past its declaration: the whole search, or a field it did not declare.
        try contained(Self.plan("cadence = require 'cadence'; cadence.apps()"), says: "cannot list the whole search")
        try contained(Self.plan(Self.propose.replacingOccurrences(of: "%@", with: "'notes=' .. tostring(app.notes) .. ' role=' .. tostring(app.role)")),
                      proposing: "notes=nil role=nil")
        // Flooding: a million items, a 100 MB draft, a table where text goes.
        try contained(Self.plan("for i = 1, 1000000 do ctx:propose{ kind = 'status', due = '2026-03-12', key = tostring(i) } end"),
                      says: "it proposed 1000000 items for one application (at most 50)", limits: ["--time-limit", "60"])
        try contained(Self.plan("ctx:propose{ kind = 'status', due = '2026-03-12', draft = ('x'):rep(100 * 1024 * 1024) }"),
                      says: "draft is 104857600 bytes (at most 20000)", limits: ["--memory-limit", "400M"])
        try contained(Self.plan("local t = {} for i = 1, 40 do t = { t, t } end ctx:propose{ kind = 'status', due = '2026-03-12', reason = t }"),
                      says: "reason is text, not table")
        // Proposing what it did not declare, or to someone the application does not know.
        try contained(Self.plan("ctx:propose{ kind = 'thank-you', due = '2026-03-12' }"),
                      says: "is a 'thank-you', which its manifest does not say it proposes (status)")
        try contained(Self.plan("ctx:propose{ kind = 'status', due = '2026-03-12', to = 'mallory@evil.example' }"),
                      says: "it proposed status to 'mallory@evil.example', whom Acme does not know: left out")
        // 5.4.4's close chain, nested pcalls under coroutine.close: an error, not a crash.
        // (Behind the walls the worker cannot read /proc/self/maps: the guard learns its stack beforehand.)
        let chain = try String(contentsOfFile: Commands.compatibilityScript("close_chain.lua"), encoding: .utf8)
            .replacingOccurrences(of: "print(pcall(coroutine.close, cos[1]), depth < 99)",
                                  with: "local closed = pcall(coroutine.close, cos[1])\n"
                                      + "return { name = 'hostile', plan = function() error(('still here: %s, stopped at %d'):format(tostring(closed), depth)) end }")
        // The guard stops the chain short of its 99 levels (each deeper close fails inside its pcalls).
        let stopped = try #require(try contained(chain, says: "still here: true, stopped at ").firstMatch(of: /stopped at (\d+)/))
        #expect((Int(stopped.1) ?? 99) < 99)
    }

    @Test("a package from a git repository is pinned at its commit; a single .lua file with its manifest in a comment is a package too")
    func gitAndSingleFile() throws {
        try prepared()
        let folder = try package()
        let git = { (args: [String]) throws -> Commands.Result in
            try Commands.run("/usr/bin/git", ["-C", folder, "-c", "user.name=Sam", "-c", "user.email=sam@example.org"] + args)
        }
        #expect(try git(["init", "-q"]).status == 0)
        _ = try git(["add", "."])
        #expect(try git(["commit", "-q", "-m", "weekly nudge"]).status == 0)
        let head = try git(["rev-parse", "HEAD"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let added = try cadence("policy", "add", "file://" + folder)
        #expect(added.status == 0 && added.output.contains("Commit: \(head)"), "\(added.output)\(added.error)")
        #expect(try cadence("policy", "show", "weekly-nudge").output.contains("source: file://\(folder), commit \(head)"))

        let single = Self.folder("single") + ".lua"
        try """
            --[[cadence-policy
            { "name": "one-file", "version": "0.1.0", "author": "Sam Lee <sam@example.org>", "licence": "CC0-1.0",
              "summary": "A call the day after applying", "cadence": 1, "reads": { "application": ["company"] },
              "proposes": ["call"] }
            ]]
            return { name = "one file", plan = function(app, ctx)
              local applied = ctx:last("applied")
              if applied then ctx:propose{ kind = "call", due = applied.day + 1, channel = "phone", reason = "call " .. app.company } end
            end }
            """.write(toFile: single, atomically: true, encoding: .utf8)
        #expect(try cadence("policy", "add", single).status == 0)
        let agenda = try json("agenda", "--as-of", "2026-03-02", as: [Printed.AgendaItem].self)
        #expect(agenda.contains { $0.company == "Acme" && $0.kind == "call" && $0.source?.hasPrefix("one-file 0.1.0 ") == true },
                "\(agenda.map { "\($0.company) \($0.kind) \($0.source ?? "")" })")
    }

    @Test("the example package in Scripts/examples passes its own tests")
    func example() throws {
        try prepared()
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scripts/examples/weekly-nudge").path
        let tested = try cadence("policy", "test", example)
        #expect(tested.status == 0 && tested.output.hasSuffix("5 of 5 passed\n"), "\(tested.output)\(tested.error)")
    }

    @Test("the worker's walls hold on this machine: no files, sockets, processes, programs or new descriptors")
    func walls() throws {
        let checked = try Commands.cadence(["policy-worker", "--check-walls"])
        #expect(checked.status == 0, "\(checked.output)")
        for attempt in ["open a file", "create a file", "open a socket", "start a process", "start a program", "make a descriptor"] {
            #expect(checked.output.contains("\(attempt): refused"), "\(checked.output)")
        }
    }
}
