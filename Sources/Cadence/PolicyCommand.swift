import ArgumentParser
import CadenceCore
import CadenceSharing
import Foundation
import LuaBinding

/// `cadence policy`: policies other people wrote, as packages: test one, try
/// it on your own search, install it pinned, update, remove, and pack your
/// own to share. Installed policies run isolated in every agenda.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Share policies: test, try, add (pinned), update, list, show, remove; pack and sign your own.",
        discussion: """
            A package is a folder with cadence-policy.json (what it is, what it reads, what it \
            may propose), its Lua and its tests; or one .lua file that starts with its manifest. \
            Installed packages run in an isolated worker process in every agenda: they see only \
            the fields their manifest declares and can write nothing.

            Signatures: a package signed with 'cadence policy sign' names its signer, its name \
            and its version; you trust signers by listing their keys in allowed_signers \
            ($CADENCE_ALLOWED_SIGNERS, else $XDG_CONFIG_HOME/cadence/allowed_signers, else \
            ~/.config/cadence/allowed_signers). A signed package is never replaced by one signed \
            otherwise, or unsigned, without --allow-signer-change, nor by a lower version without \
            --allow-downgrade, nor by other files under the same version without --allow-same-version; \
            a package removed and added again meets the signer and version guards (packages.lock \
            remembers the version and signer removed). To refuse every package no trusted signer signed, give \
            --require-signatures, or write the line "require-signatures = yes" in the settings \
            file beside allowed_signers ($XDG_CONFIG_HOME/cadence/settings, else ~/.config/cadence/settings); \
            with that line, an installed package no trusted signer signed does not run either. \
            Every agenda, 'policy list' and 'policy show' check each installed package's signature \
            against the allowed signers as they are then: a signer you no longer trust is not \
            said to be trusted, and a signature file deleted or changed stops the package.

            Package files are UTF-8 text with no control character but tab and line ends and no \
            bidi control; their names are letters, digits, '-', '_', '.' and '+'.
            """,
        subcommands: [Add.self, Test.self, Try.self, List.self, Show.self, Update.self, Remove.self, Pack.self, Sign.self])

    /// Calls a function of cadence.sharing over the workspace, reading and writing nothing of it.
    static func sharing<Result: Decodable>(_ workspace: WorkspaceOptions, asOf: LocalDate? = nil, _ function: String, _ options: LuaTable,
                                           as type: Result.Type) throws -> Result {
        try CadenceLua.call(workspace, asOf: asOf, name: "policy", writes: false, "cadence.sharing", function, options, as: type)
    }

    /// The package's tests, run in its worker: the report, whether all passed, how many.
    /// `installing`: the package is about to be installed beside the
    /// workspace's cadence.lua, whose policies' names it may not take (the
    /// agenda would refuse to run it; `add` says so first).
    static func test(_ workspace: WorkspaceOptions, path: String, installing: Bool = false) throws -> PackageTestSummary {
        var options: LuaTable = ["package": LuaValue(path)]
        if installing { options["installing"] = .boolean(true) }
        return try sharing(workspace, "test_summary", options, as: PackageTestSummary.self)
    }

    /// Why fetching, installing or signing stopped, as the command line words
    /// it: "cadence: …" and exit 1, whether the request named nothing
    /// installable or the package was refused (only a malformed command line
    /// is a usage error, with its Usage line and exit 64).
    static func installing<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let problem as PackageInstaller.Problem { throw Refusal(problem.description) }
    }

    /// Says each line of the allowed signers that is not a signer, once per
    /// command (OpenSSH would skip it without a word). A file that cannot be
    /// read at all is said where it is needed, by the check that reads it.
    static func warnOfAllowedSigners() {
        for warning in (try? AllowedSigners.load().warnings) ?? [] { StandardError.write("cadence: warning: \(warning)\n") }
    }

    /// What `add` says of a signature: the words `list` uses, then what they mean.
    static func signatureLine(_ verdict: PackageSignature.Verdict) -> String {
        switch verdict {
        case .unsigned: "\(verdict.said). Nothing shows who wrote these files: read them before you rely on it."
        case .signed: "\(verdict.said), whom your allowed signers trust."
        case .unknownSigner: "\(verdict.said). Your allowed signers (\(PackageSignature.allowedSignersPath())) do not hold its key."
        case .oldFormat, .bad: "\(verdict.said)."
        }
    }

    /// What `add` and `update` may be allowed beyond the usual, and whether
    /// signatures are required (by the flag or the user's settings file).
    struct TrustOptions: ParsableArguments {
        @Flag(help: "Replace a signed package by one unsigned or signed by someone else (it says who signed before and who now).")
        var allowSignerChange = false
        @Flag(help: "Install a lower version than the one installed (or than the one removed under its name).") var allowDowngrade = false
        @Flag(help: "Install files other than the ones pinned under the same version (a changed package should carry a new version).")
        var allowSameVersion = false
        @Flag(help: "Refuse a package no trusted signer signed (as 'require-signatures = yes' in the settings file does).")
        var requireSignatures = false

        func allowances() throws -> PackageInstaller.Allowances {
            let settings = try SharingSettings.load()
            return PackageInstaller.Allowances(signerChange: allowSignerChange, downgrade: allowDowngrade,
                                               requireSignatures: requireSignatures || settings.requireSignatures,
                                               sameVersion: allowSameVersion)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Install a package (a folder, a .lua file, or a git repository), pinned, after its tests pass.",
            discussion: """
                Cadence reads the manifest (running none of the package's code), checks a signature \
                against your allowed signers, runs the package's tests in the isolated worker, then \
                copies its files into the workspace and pins each by SHA-256 in packages.lock. \
                Every agenda checks the pins: a file changed after install stops that package.
                """)
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "A package folder, a single-file .lua package, or a git repository (path or URL).") var source: String
        @Option(name: .customLong("option"), help: ArgumentHelp("Set one of its options: NAME=VALUE (repeatable).", valueName: "name=value"))
        var options: [String] = []
        @Option(help: "Seconds its worker may run in each agenda (default 20).") var timeLimit: Double?
        @Option(help: "Memory its worker may use, such as 256M (default 512M).") var memoryLimit: String?
        @Flag(help: "Install even though what it reads grew since the version installed.") var acceptReads = false
        @OptionGroup var trust: TrustOptions

        func validate() throws {
            let (least, most) = (PackageLock.Limits.least, PackageLock.Limits.most)
            if let timeLimit, !(timeLimit >= least.seconds && timeLimit <= most.seconds) {
                throw ValidationError("--time-limit: \(timeLimit) is not a number of seconds from \(least.seconds) to \(Int(most.seconds)) "
                                      + "(every agenda waits for the package's worker)")
            }
            if let memoryLimit, !(least.memory...most.memory).contains(ByteSize.parse(memoryLimit) ?? 0) {
                throw ValidationError("--memory-limit: '\(TerminalText.line(memoryLimit))' is not a size from 16M to 8G")
            }
            for option in options where Self.nameAndValue(option) == nil { throw ValidationError("--option \(option): write NAME=VALUE") }
        }

        /// "NAME=VALUE", neither empty.
        static func nameAndValue(_ option: String) -> (String, String)? {
            let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }

        func run() throws {
            try reportingErrors {
                var limits = PackageLock.Limits.standard
                if let timeLimit { limits.seconds = timeLimit }
                if let memoryLimit, let bytes = ByteSize.parse(memoryLimit) { limits.memory = bytes }
                var set: [String: String] = [:]
                for case let (name, value)? in options.map(Self.nameAndValue) { set[name] = value }
                warnOfAllowedSigners()
                try install(source, options: set, limits: limits, acceptReads: acceptReads, allowing: try trust.allowances(),
                            workspace: workspace, verb: "Installed")
            }
        }
    }

    /// What add and update share: fetch, check, test, pin.
    static func install(_ source: String, options: [String: String], limits: PackageLock.Limits, acceptReads: Bool,
                        allowing: PackageInstaller.Allowances, workspace: WorkspaceOptions, verb: String,
                        consented: PolicyManifest? = nil) throws {
        let location = workspace.location
        let store = try location.open()  // a workspace that exists and is Cadence's
        let scratch = try PackageInstaller.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let installer = PackageInstaller(workspace: location.directory)
        let prepared = try installing {
            try installer.prepare(source, options: options, acceptReads: acceptReads, consented: consented, allowing: allowing,
                                  scratch: scratch)
        }
        for warning in prepared.warnings { StandardError.write("cadence: warning: \(warning)\n") }
        let (package, commit, verdict, dropped, copy) = (prepared.package, prepared.commit, prepared.verdict, prepared.dropped, prepared.copy)
        let manifest = package.manifest
        // Its tests run from a copy the package cannot change under us.
        let tests = try test(workspace, path: copy, installing: true)
        guard tests.allowsInstall else {
            throw Refusal("\(manifest.name) \(manifest.version): its tests fail, so it was not installed:\n\(tests.report)")
        }
        try installer.install(prepared, limits: limits, today: try store.read { try $0.today() })
        let line = TerminalText.line  // the author's words, each kept on its line
        Output.write("""
            \(verb) \(line(manifest.name)) \(line(manifest.version)) by \(line(manifest.author)) (\(line(manifest.licence))), pinned at sha256 \(package.sha256.prefix(12)).
              \(line(manifest.summary))
              It reads: \(line(manifest.readsText)) (and always: \(ReadableFields.alwaysText)).
              It may propose: \(line(manifest.proposes.joined(separator: ", "))).
              Signature: \(signatureLine(verdict))
              Tests: \(tests.count == 0 ? "none shipped" : tests.report.split(separator: "\n").last.map(String.init) ?? "").\(commit.map { "\n  Commit: \($0)" } ?? "")
            \(dropped.isEmpty ? "" : "  Options this version no longer has, dropped: \(dropped.sorted().joined(separator: ", ")).\n")\
            It runs isolated in every agenda from now on; 'cadence policy show \(manifest.name)' says more.

            """)
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a package's tests (in the isolated worker) and print pass or fail per case.",
            discussion: "PACKAGE is a folder, a .lua file, or the name of an installed package.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "A package folder or file, or an installed package's name.") var package: String

        func run() throws {
            try reportingErrors {
                let path = FileManager.default.fileExists(atPath: package) ? package : PackageLock(workspace: workspace.location.directory).packageFolder(package)
                guard FileManager.default.fileExists(atPath: path) else {
                    throw Refusal("\(PackageFiles.visible(package, limit: 200)): no such package folder or file, nor an installed package ('cadence policy list')")
                }
                let tests = try PolicyCommand.test(workspace, path: path)
                Output.write(tests.report + "\n")
                if !tests.allowsInstall { throw ExitCode.failure }
            }
        }
    }

    struct Try: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what a package would change in your agenda (added, removed, moved, with reasons); writes nothing.",
            discussion: "It runs isolated, on your own workspace, beside your cadence.lua and installed packages.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "A package folder or file, or a git repository.") var source: String
        @Option(help: "How many days ahead to compare.") var days: Int = 14
        @Option(help: "Compare as if today were this date (2026-03-02, or words).") var asOf: String?

        func validate() throws {
            guard days >= 0 else { throw ValidationError("--days is 0 or more") }
        }

        func run() throws {
            try reportingErrors {
                let day = try asOf.map { try dayFlag($0, field: "as-of", in: workspace) }
                let scratch = try PackageInstaller.scratchFolder()
                defer { try? FileManager.default.removeItem(atPath: scratch) }
                let (package, _) = try installing { try PackageInstaller.fetch(source, into: scratch) }
                let copy = try PackageInstaller.write(package, into: scratch + "/package")
                let result = try sharing(workspace, asOf: day, "try_at", ["package": LuaValue(copy), "days": LuaValue(days)],
                                         as: CadenceLua.Text.self)
                Output.write(result.text + "\n")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The installed packages, each checked against its pins.")
        @OptionGroup var workspace: WorkspaceOptions

        func run() throws {
            try reportingErrors {
                let lock = PackageLock(workspace: workspace.location.directory)
                let entries = try lock.entries()
                if entries.isEmpty {
                    Output.write("No packages installed. 'cadence policy add PATH' installs one; 'cadence policy try PATH' shows what it would do first.\n")
                    return
                }
                warnOfAllowedSigners()
                for (name, entry) in entries.sorted(by: { $0.key < $1.key }) {
                    let (signature, state) = PolicyCommand.state(of: name, entry, in: lock)
                    Output.write("\(name) \(entry.version)  sha256 \(entry.sha256.prefix(12))  \(signature)  \(state)\n    from \(entry.source)\(entry.commit.map { " at \($0.prefix(12))" } ?? "")\n")
                }
            }
        }
    }

    /// What `list` and `show` say of an installed package: its signature as
    /// the allowed signers judge it now (what the lock recorded at install,
    /// said as such, when the package cannot be checked), and "ok" or why it does not run.
    static func state(of name: String, _ entry: PackageLock.Entry, in lock: PackageLock) -> (signature: String, state: String) {
        do {
            let checked = try lock.checked(name)
            return (checked.verdict.said, "ok")
        } catch {
            return ("\(entry.signatureSaid) at install", notRun(error))
        }
    }

    /// Why a package does not run, after "NOT RUN": the reason's own "not
    /// run" (the agenda's words) is not said twice.
    static func notRun(_ error: Error) -> String {
        var why = "\(error)"
        if why.hasPrefix("not run: ") { why.removeFirst("not run: ".count) }
        if let said = why.range(of: ": not run.") { why.replaceSubrange(said, with: ".") }
        else if why.hasSuffix(": not run") { why.removeLast(": not run".count) }
        return "NOT RUN: " + why
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "An installed package: what it is, reads, may propose, its options, files and pins.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "The installed package's name.") var name: String

        func run() throws {
            try reportingErrors {
                let lock = PackageLock(workspace: workspace.location.directory)
                guard let entry = try lock.entries()[name] else { throw Refusal("no package '\(PackageFiles.visible(name))' is installed ('cadence policy list')") }
                warnOfAllowedSigners()
                let state: String
                let signature: String
                var manifest: PolicyManifest?
                do {
                    let checked = try lock.checked(name)
                    (manifest, signature, state) = (checked.package.manifest, checked.verdict.said, "every file matches its pin")
                } catch {
                    (signature, state) = ("\(entry.signatureSaid) at install", PolicyCommand.notRun(error))
                }
                var lines = ["\(name) \(entry.version)  (\(state))"]
                if let m = manifest {
                    let line = TerminalText.line  // the author's words, each kept on its line
                    lines += ["  \(line(m.summary))", "  by \(line(m.author)), licence \(line(m.licence)), policy API \(m.api)"]
                    if !m.rules.isEmpty { lines.append("  rules: \(line(m.rules.joined(separator: "; ")))") }
                    lines.append("  reads: \(line(m.readsText)) (and always: \(ReadableFields.alwaysText))")
                    lines.append("  may propose: \(line(m.proposes.joined(separator: ", ")))")
                    for option in m.options {
                        let value = entry.options[option.name] ?? option.defaultValue.description
                        lines.append(line("  option \(option.name) = \(value) (\(option.type), default \(option.defaultValue))\(option.doc.isEmpty ? "" : ": \(option.doc)")"))
                    }
                }
                lines.append("  source: \(entry.source)\(entry.commit.map { ", commit \($0)" } ?? "")")
                lines.append("  installed \(entry.installed), \(signature)")
                lines.append("  limits: \(IsolatedWorker.seconds(entry.limits.seconds)) s, \(entry.limits.memory >> 20) MiB")
                lines.append("  files (sha256):")
                for (file, digest) in entry.files.sorted(by: { $0.key < $1.key }) { lines.append("    \(digest)  \(file)") }
                Output.write(lines.joined(separator: "\n") + "\n")
            }
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch a package again from its source (or --from), show what changed, test it, and pin the new version.",
            discussion: """
                When the new version reads more than you agreed to, nothing changes until you run it again with \
                --accept-reads; when it is signed otherwise than the version installed, or is a lower version, \
                until you give --allow-signer-change or --allow-downgrade; when its files changed but its version \
                did not, until you give --allow-same-version (a changed package should carry a new version). \
                The diff is always shown as text, controls as escapes. Installed files changed since they were \
                pinned are named, and replaced by the source's.
                """)
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "The installed package's name.") var name: String
        @Option(help: "Where to fetch it from instead of its recorded source.") var from: String?
        @Flag(help: "Agree that it reads the fields it now asks for.") var acceptReads = false
        @OptionGroup var trust: TrustOptions

        func run() throws {
            try reportingErrors {
                let lock = PackageLock(workspace: workspace.location.directory)
                guard let entry = try lock.entries()[name] else { throw Refusal("no package '\(PackageFiles.visible(name))' is installed ('cadence policy list')") }
                let allowing = try trust.allowances()
                warnOfAllowedSigners()  // a settings file with a mistake is said even when nothing changed
                let source = from ?? entry.source
                let scratch = try PackageInstaller.scratchFolder()
                defer { try? FileManager.default.removeItem(atPath: scratch) }
                let (package, _) = try installing { try PackageInstaller.fetch(source, into: scratch) }
                guard package.manifest.name == name else { throw Refusal("\(source) holds the package '\(package.manifest.name)', not '\(name)'") }
                // Installed files changed since they were pinned are not "up to date", whatever the source holds.
                let drift: [String]
                do { drift = try lock.changes(name) } catch { drift = ["\(error)"] }
                if package.sha256 == entry.sha256 && drift.isEmpty {
                    Output.write("\(name) \(entry.version) is up to date (sha256 \(entry.sha256.prefix(12))).\n")
                    return
                }
                if !drift.isEmpty {
                    Output.write("The installed files of \(name) \(entry.version) no longer match their pins: \(drift.joined(separator: "; ")). "
                                 + "They are replaced by the files of \(source).\n")
                }
                Output.write("\(name): \(entry.version) -> \(package.manifest.version)\n")
                let new = try PackageInstaller.write(package, into: scratch + "/new")
                // File by file, each labelled with its name: what changed in the code and in the manifest.
                for diff in try PackageInstaller.differences(from: entry, in: lock.packageFolder(name), to: package, in: new) {
                    Output.write(diff)
                }
                let consented = PackageInstaller.consented(entry, current: package.manifest)
                let widened = consented.widened(package.manifest)
                Output.write(widened.isEmpty ? "It reads nothing more than before.\n" : "It now also reads: \(widened.joined(separator: ", ")).\n")
                try PolicyCommand.install(source, options: [:], limits: entry.limits, acceptReads: acceptReads,
                                          allowing: allowing, workspace: workspace, verb: "Updated", consented: consented)
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Uninstall a package (its files and its pin); the agenda stops running it.",
            discussion: """
                packages.lock remembers its name, version and signer: adding it again meets the same guards as an \
                update (--allow-downgrade, --allow-signer-change).
                """)
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "The installed package's name.") var name: String

        func run() throws {
            try reportingErrors {
                let store = try workspace.location.open()
                try PackageLock(workspace: workspace.location.directory).remove(name, today: try store.read { try $0.today() })
                Output.write("Removed \(name).\n")
            }
        }
    }

    struct Sign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign a package folder with your SSH key (writes cadence-policy.sig), for peers who trust your key.",
            discussion: """
                The signature covers the package's name, its version and every file's SHA-256 \
                (ssh-keygen -Y sign, namespace cadence-policy, statement "cadence-package-signature v2"): \
                it cannot be carried over to another package or version. A file name with a control \
                character is refused. A peer adds your public key to their allowed signers file \
                ($XDG_CONFIG_HOME/cadence/allowed_signers, else ~/.config/cadence/allowed_signers: \
                "you@example.org ssh-ed25519 AAAA..."); 'cadence policy add' then says who signed it, \
                refuses a signature that does not match, and warns when the manifest's author is not the signer. \
                Sign again after every change, and with the e-mail address your manifest's author gives.
                """)
        @Argument(help: "The package folder.") var package: String
        @Option(help: "Your SSH private key (such as ~/.ssh/id_ed25519).") var key: String

        func run() throws {
            try reportingErrors {
                let read = try installing { try PackageSignature.sign(folder: package, key: key) }
                Output.write("Signed \(read.manifest.name) \(read.manifest.version) (sha256 \(read.sha256.prefix(12))): \(package)/\(PolicyPackage.signatureFile)\n")
            }
        }
    }

    struct Pack: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn a policy of your cadence.lua (or a file) into a package to share: manifest, code and recorded tests.",
            discussion: """
                Cadence finds what the policy reads by watching it plan your search, records what it \
                proposes on made-up timelines as the package's tests (none of your data goes into \
                them), runs those tests as a peer would, and warns of your personal data in the code \
                (your companies, contacts, e-mail addresses). Read the package before you share it.
                """)
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "The policy's name, as its 'name' field says.") var name: String
        @Option(help: "The Lua file that returns it (default: the workspace's cadence.lua).") var from: String?
        @Option(name: .shortAndLong, help: "The package folder to write (default: ./PACKAGE-NAME).") var output: String?
        @Option(help: "The package's name: lowercase letters, digits and hyphens (default: from the policy's name).") var packageName: String?
        @Option(help: "Its version.") var version = "1.0.0"
        @Option(help: "Its author, as 'Name <email>' (default: the workspace's candidate).") var author: String?
        @Option(help: "Its licence, such as MIT or CC0-1.0.") var licence = "MIT"
        @Option(help: "One sentence on what it does (default: the rule it cites).") var summary: String?

        func run() throws {
            try reportingErrors {
                let source = from ?? (workspace.location.directory + "/cadence.lua")
                guard FileManager.default.fileExists(atPath: source) else {
                    throw Refusal("\(source): no such file ('cadence init' writes a cadence.lua; or give --from FILE)")
                }
                let value = try CadenceLua.call(workspace, asOf: nil, name: "policy", writes: false, "cadence.sharing", "pack",
                                                  ["file": LuaValue(source), "name": LuaValue(name)])
                let found = try CadenceLua.read(PackFindings.self, value, "cadence.sharing.pack")
                let foreign = found.foreign
                guard foreign.isEmpty else {
                    throw Refusal("\(source) requires \(foreign.joined(separator: ", ")): a package has only Cadence's modules; put what the policy needs into the file")
                }
                let slug = packageName ?? PackageDraft.packageName(for: name)
                let folder = output ?? (FileManager.default.currentDirectoryPath + "/" + slug)
                guard !FileManager.default.fileExists(atPath: folder) else { throw Refusal("\(folder) exists: give another --output") }
                let rule = found.rule ?? ""
                var draft = PackageDraft(name: slug, version: version, licence: licence,
                                         author: author ?? found.author ?? "(your name)",
                                         summary: summary ?? (rule.isEmpty ? name : rule), rules: rule.isEmpty ? [] : [rule],
                                         reads: found.reads, proposes: found.kinds, select: found.single ? nil : name, folder: folder)
                guard case .string(let text)? = value.tableValue?["text"] else { throw Refusal("\(source) could not be read") }
                var finished = false
                defer { if !finished { try? FileManager.default.removeItem(atPath: folder) } }
                try draft.create(code: text.bytes)
                // What it proposes on made-up timelines, seeing everything: the tests' expectations.
                let recorded = try sharing(workspace, "pack_tests", ["package": LuaValue(folder)], as: PackedTests.self)
                try draft.record(tests: recorded.tests, proposing: recorded.kinds)
                // The tests as a peer runs them: seeing only what the manifest says it reads.
                let tests = try PolicyCommand.test(workspace, path: folder)
                finished = true
                let package = try PolicyPackage(at: folder)
                var lines = ["Packed '\(name)' into \(folder) as \(slug) \(version) (sha256 \(package.sha256.prefix(12))):",
                             "  policy.lua           the code (\(source))",
                             "  cadence-policy.json  reads \(package.manifest.readsText); proposes \(package.manifest.proposes.joined(separator: ", "))",
                             "  tests.lua            what it proposes on made-up timelines:", tests.report.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")]
                if !tests.passed {
                    lines.append("The tests fail when the policy sees only what Cadence found it reads: it reads more on other searches. "
                                 + "Add the fields it needs to 'reads' in cadence-policy.json.")
                }
                let personal = found.personal
                if !personal.isEmpty {
                    lines.append("Warning: the code holds personal data, which travels with the package: \(personal.joined(separator: ", ")). Edit policy.lua before you share it.")
                }
                lines.append("Check the author (\(draft.author)), licence and summary; 'cadence policy sign' signs it.")
                Output.write(lines.joined(separator: "\n") + "\n")
            }
        }
    }
}
