import CadenceCore
import CadenceSharing
import Foundation
import Testing

/// The host decides what a package's answer may do: a proposal carries no
/// writes (marking it done logs the host's record of it), the caps are
/// counted on what the host decoded, a package hears only of decisions on its
/// own items, built-in policy names are reserved, and a lying answer loses
/// the proposals that lie, with a reason, while the agenda is still made and
/// nothing is written.
@Suite("The host decides")
struct HostDecidesTests: WorkspaceSuite {
    let directory = Self.folder("decides")

    /// Jo's search: Acme, interviewed by Helen Jones on 9 March.
    func prepared() throws {
        try createdWithCandidate()
        _ = try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-03-01")
        _ = try cadence("contact", "add", "Helen Jones", "--app", "acme", "--role", "hiring-manager", "--email", "helen@acme.example")
        _ = try cadence("log", "interview", "--app", "acme", "--with", "Helen Jones", "--at", "2026-03-09")
    }

    /// A package folder named `name` whose policy.lua is `policy`, proposing `proposes`.
    func package(_ name: String, policy: String, reads: String = #"{ "application": ["company"], "contacts": ["name"] }"#,
                 proposes: String = #"["status"]"#) throws -> String {
        let folder = Self.folder("package-\(name)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try """
            { "name": "\(name)", "version": "1.0.0", "author": "Mallory <mallory@evil.example>", "licence": "MIT",
              "summary": "It tries its luck", "cadence": 1, "reads": \(reads), "proposes": \(proposes) }
            """.write(toFile: folder + "/cadence-policy.json", atomically: true, encoding: .utf8)
        try policy.write(toFile: folder + "/policy.lua", atomically: true, encoding: .utf8)
        return folder
    }

    /// Installs `package(name, policy:)` with `policy add`.
    @discardableResult
    func installed(_ name: String, policy: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let folder = try package(name, policy: policy)
        let added = try cadence("policy", "add", folder)
        #expect(added.status == 0, "\(added.output)\(added.error)", sourceLocation: sourceLocation)
        return folder
    }

    /// A stand-in worker that reads its request and answers `answer`, whatever was asked:
    /// what a subverted worker (native code run in it) could send.
    func worker(answering answer: Data) throws -> String {
        let folder = Self.folder("worker")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try answer.write(to: URL(fileURLWithPath: folder + "/answer.json"))
        let script = folder + "/worker"
        try "#!/bin/sh\n/bin/cat > /dev/null\nexec /bin/cat '\(folder)/answer.json'\n".write(toFile: script, atomically: true, encoding: .utf8)
        #expect(chmod(script, 0o755) == 0)
        return script
    }

    /// `cadence ARGUMENTS` with the stand-in `worker` in place of the real one.
    func cadence(worker: String, _ arguments: String...) throws -> Commands.Result {
        try Commands.run("/usr/bin/env", ["CADENCE_WORKER=" + worker, Commands.cadenceURL.path] + arguments + ["--workspace", directory])
    }

    var acme: Int { get throws { try #require(try json("app", "list", as: [Printed.App].self).first { $0.company == "Acme" }).id } }

    /// The pinned sha256 of the installed package `name`, as the lock holds it.
    func sha(_ name: String) throws -> String { try #require(try PackageLock(workspace: directory).entries()[name]).sha256 }

    // MARK: No writes in a proposal

    @Test("a proposal that says what its done logs (withdrawn, a stage, a date, a note) logs the host's record of the item instead")
    func proposalCarriesNoWrites() throws {
        try prepared()
        try installed("withdrawer", policy: """
            return { name = "withdrawer", plan = function(app, ctx)
              ctx:propose{ kind = "status", due = "2026-03-12", to = "Helen Jones", channel = "email", key = "w", reason = "a note",
                           logs = { "withdrawn", stage = "withdrawn", at = "2020-01-01", date = "2020-01-01", kind = "rewritten",
                                    note = "the candidate withdrew", next = "never" } }
            end }
            """)
        let sha = try sha("withdrawer").prefix(12)
        let before = try json("app", "show", "acme", as: Printed.AppDetail.self)
        let items = try json("agenda", "--as-of", "2026-03-12", as: [Printed.AgendaItem].self)
        let ref = try #require(items.first { $0.policy == "withdrawer" }?.ref, "\(items.map(\.policy))")
        let done = try cadence("agenda", "done", ref, "--as-of", "2026-03-12", "--on", "2026-03-11")
        #expect(done.status == 0, "\(done.error)")
        #expect(done.output.contains("logged message-sent (status) on"), "\(done.output)")

        let after = try json("app", "show", "acme", as: Printed.AppDetail.self)
        let logged = after.events.filter { event in !before.events.contains { $0.id == event.id } }
        #expect(logged.count == 1, "\(logged.map(\.kind))")
        let event = try #require(logged.first)
        #expect(event.kind == "message-sent" && event.messageKind == "status" && event.with == ["Helen Jones"])
        #expect(event.day == "2026-03-11", "dated the day the user says it was done, not the package's day: \(event.at)")
        #expect(event.notes == "from withdrawer 1.0.0 (sha256 \(sha))", "\(event.notes ?? "")")
        #expect(event.nextStep == nil && event.due == nil)
        #expect(after.stage == before.stage && after.history == before.history, "the stage did not change: \(after.history)")
    }

    @Test("an answer carrying logs past the worker (a subverted worker) is read without them: marking done logs the host's record")
    func subvertedWorkerCarriesNoWrites() throws {
        try prepared()
        try installed("withdrawer", policy: "return { name = 'withdrawer', plan = function() end }")
        let sha = try sha("withdrawer").prefix(12)
        let answer = """
            { "proposals": [
                { "application": \(try acme), "kind": "status", "due": "2026-03-12", "key": "w", "to": "Helen Jones", "channel": "email",
                  "reason": "a note", "logs": { "event": "withdrawn", "stage": "withdrawn", "at": "2020-01-01", "note": "rewritten" } },
                { "application": \(try acme), "kind": "status", "due": "2026-03-12", "key": "t", "channel": "task",
                  "reason": "a task", "logs": "withdrawn" } ],
              "failures": [], "failed": 0 }
            """
        let fake = try worker(answering: Data(answer.utf8))
        let before = try json("app", "show", "acme", as: Printed.AppDetail.self)
        let listed = try cadence(worker: fake, "agenda", "--as-of", "2026-03-12", "--json")
        let items = try listed.decoded(as: [Printed.AgendaItem].self).filter { $0.policy == "withdrawer" }
        #expect(items.count == 2, "the proposals are kept, their logs ignored: \(listed.error)")
        for item in items {
            let done = try cadence(worker: fake, "agenda", "done", item.ref, "--as-of", "2026-03-12")
            #expect(done.status == 0, "\(done.error)")
        }
        let after = try json("app", "show", "acme", as: Printed.AppDetail.self)
        let logged = after.events.filter { event in !before.events.contains { $0.id == event.id } }.sorted { $0.kind < $1.kind }
        #expect(logged.map(\.kind) == ["message-sent", "note"], "\(logged.map(\.kind))")
        #expect(logged.allSatisfy { $0.day == "2026-03-12" && $0.notes?.contains("from withdrawer 1.0.0 (sha256 \(sha))") == true },
                "\(logged.map { "\($0.at) \($0.notes ?? "")" })")
        #expect(logged.first?.notes == "from withdrawer 1.0.0 (sha256 \(sha))")
        #expect(logged.last?.notes == "done: status (from withdrawer 1.0.0 (sha256 \(sha)))")
        #expect(after.stage == before.stage && after.history == before.history)
    }

    // MARK: Caps counted by the host

    @Test("a package that patches cadence.policy to pass the worker's count is capped by the host at 50 an application, which the agenda says")
    func capCountedByHost() throws {
        try prepared()
        try installed("flood", policy: """
            local policy = require "cadence.policy"
            local propose = policy.propose
            -- 20,000 items a plan, in a list that says it holds one.
            policy.propose = function(app, policies, today, options)
              local _, exits, ctx = propose(app, policies, today, options)
              local many = {}
              for i = 1, 20000 do many[i] = { kind = "status", due = today, key = "k" .. i, reason = "flood " .. i } end
              return setmetatable(many, { __len = function() return 1 end }), exits, ctx
            end
            return { name = "flood", plan = function() end }
            """)
        let before = try cadence("export").output
        let agenda = try cadence("agenda", "--as-of", "2026-03-12", "--json")
        let items = try agenda.decoded(as: [Printed.AgendaItem].self)
        #expect(items.filter { $0.policy == "flood" }.count == WorkerAnswer.perApplication)
        #expect(agenda.error.contains("flood 1.0.0 (sha256 ") && agenda.error.contains("proposed 19950 more items than allowed; ignored"),
                "\(agenda.error)")
        #expect(agenda.error.split(separator: "\n").filter { $0.contains("more items than allowed") }.count == 1, "said once")
        #expect(items.contains { $0.kind == "thank-you" }, "the rest of the agenda is made")
        #expect(try cadence("export").output == before)
    }

    @Test("a package that prints is told why (its output is its answer), and the rest of the agenda is made")
    func printRefused() throws {
        try prepared()
        try installed("printer", policy: "return { name = 'printer', plan = function(app, ctx) print('hello') end }")
        let agenda = try cadence("agenda", "--as-of", "2026-03-12")
        #expect(agenda.status == 0)
        #expect(agenda.output.contains("a package may not print: the worker's output is its answer"), "\(agenda.output)")
        #expect(!agenda.output.contains("not valid JSON"))
    }

    @Test("a worker's limits are bounded: an endless or absurd time limit is refused at add, and one written into the lock is brought within bounds")
    func limitsBounded() throws {
        try prepared()
        let folder = try package("nudge", policy: "return { name = 'nudge', plan = function() end }")
        for limit in ["inf", "nan", "1e300", "0", "0.01", "121"] {
            let added = try cadence("policy", "add", folder, "--time-limit", limit)
            #expect(added.status == 64 && added.error.contains("--time-limit: "), "\(limit): \(added.error)")
        }
        #expect(try cadence("policy", "add", folder, "--memory-limit", "9G").status == 64)
        #expect(try cadence("policy", "add", folder).status == 0)
        let lock = directory + "/packages.lock"
        let pins = try String(contentsOfFile: lock, encoding: .utf8)
        try pins.replacingOccurrences(of: #""seconds" : 20"#, with: #""seconds" : 1e300"#).write(toFile: lock, atomically: true, encoding: .utf8)
        #expect(try String(contentsOfFile: lock, encoding: .utf8).contains("1e300"))
        let agenda = try cadence("agenda", "--as-of", "2026-03-12")
        #expect(agenda.status == 0 && !agenda.output.contains("crash") && !agenda.output.contains("nudge 1.0.0"), "\(agenda.output)\(agenda.error)")
        #expect(PackageLock.Limits(seconds: .infinity, memory: .max).bounded == PackageLock.Limits.most)
        #expect(PackageLock.Limits(seconds: -.infinity, memory: 0).bounded == PackageLock.Limits.least)
        #expect(PackageLock.Limits(seconds: .nan, memory: 512 << 20).bounded == PackageLock.Limits.standard)
    }

    @Test("a 15 MiB error is printed cut to about 1,500 bytes, saying how much more there was, on a character boundary")
    func hugeErrorCut() throws {
        try prepared()
        try installed("shouter", policy: "return { name = 'shouter', plan = function() error(('x'):rep(15 << 20), 0) end }")
        let agenda = try cadence("agenda", "--as-of", "2026-03-12")
        #expect(agenda.status == 0)
        let line = try #require(agenda.output.split(separator: "\n").first { $0.contains("policy 'shouter' failed on Acme: xxx") }, "\(agenda.output.prefix(3000))")
        #expect(line.utf8.count < 2_300 && line.contains("… (") && line.hasSuffix(" more bytes)"), "\(line.suffix(100))")
        #expect(agenda.output.utf8.count < 8_000)

        // One letter with five million combining marks is one Character: cut by bytes, at a scalar.
        let marks = "a" + String(repeating: "\u{301}", count: 5_000_000)
        let fake = try worker(answering: try JSONEncoder().encode(["error": marks]))
        let told = try cadence(worker: fake, "agenda", "--as-of", "2026-03-12")
        #expect(told.status == 0)
        let said = try #require(told.output.split(separator: "\n").first { $0.contains("shouter") }, "\(told.output.prefix(3000))")
        #expect(said.utf8.count < 2_300 && said.contains(" more bytes)"), "\(said.utf8.count) bytes")
        #expect(told.output.contains("Acme: thank-you"), "the rest of the agenda is made")
    }

    // MARK: Decisions by identity

    @Test("a package hears only of decisions on its own items, by its own keys; a key like a built-in item's never shares its decision")
    func decisionsOnItsOwnItems() throws {
        try prepared()
        let clash = "thank-you|Helen Jones|2026-03-09"
        try installed("seer", policy: """
            return { name = "seer", plan = function(app, ctx)
              local seen = {}
              for key, d in pairs(ctx.decisions) do seen[#seen + 1] = key .. "=" .. d.status end
              table.sort(seen)
              ctx:propose{ kind = "status", due = "2026-03-12", key = "mine", reason = "sees: " .. table.concat(seen, "; ") }
              ctx:propose{ kind = "status", due = "2026-03-12", key = "other", reason = "other" }
              ctx:propose{ kind = "status", due = "2026-03-12", key = "\(clash)", reason = "clash" }
            end }
            """)
        func agenda() throws -> [Printed.AgendaItem] { try json("agenda", "--as-of", "2026-03-12", "--days", "14", as: [Printed.AgendaItem].self) }
        let first = try agenda()
        let builtIn = try #require(first.first { $0.policy == "thank-you" }, "\(first.map(\.policy))")
        let clashing = try #require(first.first { $0.policy == "seer" && $0.reason == "clash" }, "its item is listed beside the built-in one")
        let other = try #require(first.first { $0.policy == "seer" && $0.reason == "other" })
        #expect(builtIn.ref != clashing.ref)

        // Its item, skipped, leaves the built-in item of the same key where it was.
        #expect(try cadence("agenda", "skip", clashing.ref, "--as-of", "2026-03-12").status == 0)
        #expect(try agenda().contains { $0.ref == builtIn.ref }, "a package's decision never hides a built-in item")
        #expect(try cadence("agenda", "done", builtIn.ref, "--as-of", "2026-03-12").status == 0)
        #expect(try cadence("agenda", "snooze", other.ref, "--until", "2026-03-20", "--as-of", "2026-03-12").status == 0)

        let mine = try #require(try agenda().first { $0.policy == "seer" && $0.reason.hasPrefix("sees: ") })
        #expect(mine.reason == "sees: other=snoozed; \(clash)=skipped", "only its own decisions, by its own keys: \(mine.reason)")
        #expect(!(try agenda().contains { $0.ref == builtIn.ref }))
    }

    @Test("a package named like a built-in policy, like cadence or like a policy of the user's cadence.lua is refused where packages are planned")
    func reservedNames() throws {
        try prepared()
        try """
            local standard = require "policies"
            return { standard.thank_you(), { name = "my-nudge", plan = function() end } }
            """.write(toFile: directory + "/cadence.lua", atomically: true, encoding: .utf8)
        let policy = """
            return { name = "copycat", plan = function(app, ctx)
              local seen = {}
              for key, d in pairs(ctx.decisions) do seen[#seen + 1] = key end
              ctx:propose{ kind = "status", due = "2026-03-12", reason = "sees: " .. table.concat(seen, "; ") }
            end }
            """
        // Trying one is refused, naming why.
        let tried = try cadence("policy", "try", try package("thank-you", policy: policy), "--as-of", "2026-03-12")
        #expect(tried.status != 0 && tried.error.contains("'thank-you' is the name of one of Cadence's built-in policies"), "\(tried.output)\(tried.error)")

        // Adding one named like a policy of cadence.lua is refused before anything is installed, as try refuses it.
        let added = try cadence("policy", "add", try package("my-nudge", policy: policy))
        #expect(added.status == 1 && added.error.contains("my-nudge is the name of a policy in your cadence.lua"), "\(added.error)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/packages/my-nudge"))

        // Pinned past the installer (which refuses them too), none of them runs.
        let ref = try #require(try json("agenda", "--as-of", "2026-03-12", as: [Printed.AgendaItem].self).first { $0.policy == "thank-you" }).ref
        #expect(try cadence("agenda", "done", ref, "--as-of", "2026-03-12").status == 0)
        // Each is installed under another name, then its pin and folder renamed, as a hand-edited lock would.
        let lock = PackageLock(workspace: directory)
        try lock.install(try PolicyPackage(at: try package("my-nudge", policy: policy)), source: "test", commit: nil, signer: nil,
                         options: [:], limits: .standard, today: try LocalDate(iso: "2026-03-12"))
        for name in ["thank-you", "weekly-status", "cadence", "alias"] {
            try lock.install(try PolicyPackage(at: try package("pinned-" + name, policy: policy)), source: "test", commit: nil, signer: nil,
                             options: [:], limits: .standard, today: try LocalDate(iso: "2026-03-12"))
            let pins = try String(contentsOfFile: lock.lockPath, encoding: .utf8)
            try pins.replacingOccurrences(of: "\"pinned-\(name)\"", with: "\"\(name)\"")
                .write(toFile: lock.lockPath, atomically: true, encoding: .utf8)
            try FileManager.default.moveItem(atPath: lock.packageFolder("pinned-" + name), toPath: lock.packageFolder(name))
        }
        let agenda = try cadence("agenda", "--as-of", "2026-03-12", "--days", "14", "--json")
        let items = try agenda.decoded(as: [Printed.AgendaItem].self)
        #expect(!items.contains { $0.source != nil || $0.reason.hasPrefix("sees: ") }, "\(items.map(\.reason))")
        for name in ["thank-you", "weekly-status", "cadence"] {
            #expect(agenda.error.contains("\(name) 1.0.0 (sha256 ") && agenda.error.contains("'\(name)' is "),
                    "\(agenda.error)")
        }
        #expect(agenda.error.contains("my-nudge is the name of a policy in your cadence.lua"), "\(agenda.error)")
        // A pin renamed to a free name is not believed either: the manifest names another package.
        #expect(agenda.error.contains("package alias 1.0.0 (sha256 ") && agenda.error.contains("its manifest names another package (pinned-alias)"),
                "\(agenda.error)")
    }

    // MARK: A lying answer

    /// One field of an answer lying, and what the host says as it leaves that proposal out.
    static let lies: [(String, String)] = [
        (#""application": "APP""#, "its application is not a whole number"),
        (#""application": 1e30"#, "its application is not a whole number"),
        (#""application": -5"#, "it is for application -5, which it was not given"),
        (#""application": 999"#, "it is for application 999, which it was not given"),
        (#""due": "2031-01-01""#, "its due '2031-01-01' is not a day within a year and a half of 2026-03-12"),
        (#""due": "someday""#, "its due 'someday' is not a day within a year and a half of 2026-03-12"),
        (#""due": "2026-03-12\u001b[2K""#, "its due is not a day within a year and a half of 2026-03-12"),
        (#""due": 20260312"#, "its due is not text"),
        (#""kind": "thank-you""#, "it is a 'thank-you', which its manifest does not say it proposes (status)"),
        (#""kind": 42"#, "its kind is not text"),
        (#""kind": "STATUS\u001b[2K""#, "it is of a kind its manifest does not declare (status)"),
        (#""key": "\#(String(repeating: #"k\u001b[2K\u202e"#, count: 100))""#, "its key is 800 bytes (at most 400)"),
        (#""key": "a\u001b]52;c;ZXZpbA==\u0007b""#, "its key holds a control character"),
        (#""key": "a\u202eb""#, "its key holds a control character"),
        (#""to": "Helen Jones\r\nBcc: mallory@evil.example""#, "its to holds a control character"),
        (#""channel": "email\r\nBcc: mallory@evil.example""#, "its channel is not a name of lowercase letters, digits and hyphens"),
        (#""subject": "Hello\r\nBcc: mallory@evil.example""#, "its subject holds a control character"),
        (#""subject": "Hello\u0085there""#, "its subject holds a control character"),
        (#""reason": "\#(String(repeating: "r", count: 5000))""#, "its reason is 5000 bytes (at most 4000)"),
        (#""slide": "sideways""#, "its slide is not back, keep or forward"),
        (#""key": null"#, "it has no key"),
    ]

    @Test("each field of an answer lying loses that proposal, with a reason; the command lives and nothing is written")
    func lyingAnswers() throws {
        try prepared()
        try installed("liar", policy: "return { name = 'liar', plan = function() end }")
        let app = try acme
        let before = try cadence("export").output
        let good = #"{ "application": \#(app), "kind": "status", "due": "2026-03-12", "key": "good", "reason": "a good one" }"#
        for (lie, reason) in Self.lies {
            let field = try #require(lie.firstMatch(of: /^"(\w+)"/)).1
            var bad = [#""application": \#(app)"#, #""kind": "status""#, #""due": "2026-03-12""#, #""key": "bad""#, #""reason": "a bad one""#]
            bad.removeAll { $0.hasPrefix("\"\(field)\"") }
            bad.append(lie.replacingOccurrences(of: "APP", with: String(app)))
            let answer = #"{ "proposals": [ \#(good), { \#(bad.joined(separator: ", ")) } ], "failures": [], "failed": 0 }"#
            let agenda = try cadence(worker: try worker(answering: Data(answer.utf8)), "agenda", "--as-of", "2026-03-12", "--json")
            #expect(agenda.status == 0, "\(lie): \(agenda.error)")
            let liar = try agenda.decoded(as: [Printed.AgendaItem].self).filter { $0.policy == "liar" }
            #expect(liar.map(\.reason) == ["a good one"], "\(lie): only the honest proposal is kept")
            #expect(agenda.error.contains("its proposal 2 was left out: " + reason), "\(lie): \(agenda.error)")
            #expect(!agenda.error.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E || $0 == "\r" || $0.value == 0x85 },
                    "\(lie): nothing of the lie reaches the terminal raw")
        }
        #expect(try cadence("export").output == before, "nothing is written")
    }

    @Test("a proposal that is not an object, failures of the wrong shape and a count that lies are read as far as they can be")
    func lyingShapes() throws {
        try prepared()
        try installed("liar", policy: "return { name = 'liar', plan = function() end }")
        let app = try acme
        let answer = """
            { "proposals": [ 7, { "application": \(app), "kind": "status", "due": "2026-03-12", "key": "good", "reason": "a good one" } ],
              "failures": [ { "application": "x", "message": 5 }, { "application": \(app), "message": "policy 'liar' failed on Acme: oops" } ],
              "failed": -3 }
            """
        let agenda = try cadence(worker: try worker(answering: Data(answer.utf8)), "agenda", "--as-of", "2026-03-12", "--json")
        #expect(agenda.status == 0, "\(agenda.error)")
        #expect(try agenda.decoded(as: [Printed.AgendaItem].self).filter { $0.policy == "liar" }.map(\.reason) == ["a good one"])
        #expect(agenda.error.contains("its proposal 1 was left out: it is not an object"), "\(agenda.error)")
        #expect(agenda.error.contains("policy 'liar' failed on Acme: oops"))
        #expect(!agenda.error.contains("-3"), "a negative count is no count: \(agenda.error)")
    }

    // MARK: Manifests

    @Test("a manifest repeating a field 95,000 times is refused before anything is read into memory, quickly")
    func repeatedReads() throws {
        try prepared()
        let folder = try package("repeater", policy: "return { name = 'repeater', plan = function() end }",
                                 reads: #"{ "application": [\#(Array(repeating: #""company""#, count: 95_000).joined(separator: ","))] }"#)
        let started = ContinuousClock.now
        let measured = try Commands.run("/usr/bin/time", ["-f", "maxrss %M", Commands.cadenceURL.path, "policy", "try", folder,
                                                          "--as-of", "2026-03-12", "--workspace", directory])
        let took = ContinuousClock.now - started
        #expect(measured.status != 0)
        #expect(measured.error.contains("cadence-policy.json") && measured.error.contains("bytes (a manifest is at most 65536 bytes)"), "\(measured.error)")
        let kilobytes = Int(try #require(measured.error.firstMatch(of: /maxrss (\d+)/)).1) ?? .max
        #expect(kilobytes < 200_000, "\(kilobytes) KiB")
        #expect(took < .seconds(5), "\(took)")
    }
}

/// The host's checks of a decoded answer, without a worker.
@Suite("A worker's answer, checked by the host")
struct AnswerChecksTests {
    static func wire(_ json: String) throws -> WorkerAnswer.Wire { try JSONDecoder().decode(WorkerAnswer.Wire.self, from: Data(json.utf8)) }

    static func proposals(_ count: Int, applications: Int) -> String {
        (0..<count).map { #"{ "application": \#($0 % applications + 1), "kind": "status", "due": "2026-03-12", "key": "k\#($0)" }"# }
            .joined(separator: ",")
    }

    @Test("items are capped at 50 an application and in all, counted on what was decoded")
    func caps() throws {
        let today = try LocalDate(iso: "2026-03-12")
        let one = try WorkerAnswer(plan: try Self.wire(#"{ "proposals": [\#(Self.proposals(120, applications: 1))] }"#),
                                   kinds: ["status"], today: today, applications: [1])
        #expect(one.proposals.count == 50 && one.overCap == 70)
        let applications = WorkerAnswer.inAll / WorkerAnswer.perApplication + 10
        let all = try WorkerAnswer(plan: try Self.wire(#"{ "proposals": [\#(Self.proposals(WorkerAnswer.inAll + 7, applications: applications))] }"#),
                                   kinds: ["status"], today: today, applications: Set((1...Int64(applications))))
        #expect(all.proposals.count == WorkerAnswer.inAll && all.overCap == 7)
    }

    @Test("more test cases than are read fail the run, saying how many were not checked")
    func tooManyCases() throws {
        func answer(_ count: Int) throws -> WorkerAnswer {
            let list = (0..<count).map { #"{ "name": "case \#($0)", "passed": true }"# }.joined(separator: ",")
            return try WorkerAnswer(tests: try Self.wire(#"{ "cases": [\#(list)] }"#))
        }
        let all = try answer(WorkerAnswer.casesKept)
        #expect(all.cases.count == WorkerAnswer.casesKept && all.cases.allSatisfy(\.passed))
        let more = try answer(WorkerAnswer.casesKept + 499)
        #expect(more.cases.count == WorkerAnswer.casesKept + 1 && more.cases.last?.passed == false)
        #expect(more.cases.last?.message == "its tests have 1499 cases; Cadence reads 1000, so 499 were not checked")
    }

    @Test("failures: a few kept, each cut to 1,500 bytes on a scalar boundary; the count no less than those kept, no more than the applications")
    func failures() throws {
        let long = String(repeating: "é", count: 1_500)  // 3,000 bytes
        func answer(failures: Int, failed: String) throws -> WorkerAnswer {
            let list = (0..<failures).map { _ in #"{ "application": 1, "message": "\#(long)" }"# }.joined(separator: ",")
            return try WorkerAnswer(plan: try Self.wire(#"{ "proposals": [], "failures": [\#(list)], "failed": \#(failed) }"#),
                                    kinds: ["status"], today: nil, applications: [1, 2, 3])
        }
        let many = try answer(failures: 30, failed: "30")
        #expect(many.failures.count == WorkerAnswer.failuresKept && many.failed == WorkerAnswer.failuresKept)
        let message = try #require(many.failures.first?.message)
        #expect(WorkerAnswer.messageBytes == 1_500)
        #expect(message.utf8.count <= 1_500 + 40 && message.hasPrefix(String(repeating: "é", count: 750)))
        #expect(message.hasSuffix("é… (1500 more bytes)"), "\(message.suffix(30))")
        #expect(try answer(failures: 2, failed: "99999999").failed == 3)
        #expect(try answer(failures: 2, failed: "-3").failed == 2)
        #expect(try answer(failures: 2, failed: "1e300").failed == 2)
        #expect(try answer(failures: 2, failed: #""many""#).failed == 2)
    }

    @Test("cutting text counts bytes and stops at a scalar, never inside one, nor at a Character that is megabytes long")
    func cut() {
        #expect(AnswerText.cut("short", bytes: 10) == "short")
        #expect(AnswerText.cut("ééé", bytes: 3) == "é… (4 more bytes)")
        let marks = "a" + String(repeating: "\u{301}", count: 100_000)
        #expect(marks.count == 1)
        let cut = AnswerText.cut(marks, bytes: 2_000)
        #expect(cut.utf8.count < 2_100 && cut.hasSuffix("… (198002 more bytes)"), "\(cut.suffix(30))")
    }

    @Test("a one-line text refuses C0 and C1 controls, DEL, line separators and bidi controls, checked on scalars (CRLF is one Character)")
    func oneLine() {
        for bad in ["a\r\nb", "a\rb", "a\nb", "a\u{1B}[2Kb", "a\u{0}b", "a\u{7F}b", "a\u{85}b", "a\u{9B}b", "a\u{202E}b",
                    "a\u{2066}b", "a\u{2069}b", "a\u{200F}b", "a\u{2028}b", "a\tb"] {
            #expect(!AnswerText.isOneLine(bad), "\(bad.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        for good in ["Helen Jones", "Zoë Ångström", "مرحبا", "status|Helen|2026-03-12"] { #expect(AnswerText.isOneLine(good)) }
    }
}
