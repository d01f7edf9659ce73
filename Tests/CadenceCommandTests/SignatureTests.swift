import Foundation
import Testing

/// Signatures that mean one thing: what is signed names the package and its
/// version, a signed package is never silently replaced by an unsigned or
/// otherwise signed one or by a lower version, and every command says the
/// same of a signer. Each test has its own config folder ($XDG_CONFIG_HOME)
/// holding allowed_signers and settings, and its own keys.
@Suite("Signatures that mean one thing")
struct SignatureTests: WorkspaceSuite {
    let directory = Self.folder("signatures")
    let config = Self.folder("config")
    let keys = Self.folder("keys")

    /// `cadence ARGUMENTS --workspace DIRECTORY`, with this test's config folder and no CADENCE_ALLOWED_SIGNERS.
    func run(_ arguments: String...) throws -> Commands.Result {
        try Commands.run("/usr/bin/env", ["CADENCE_ALLOWED_SIGNERS=", "XDG_CONFIG_HOME=" + config, Commands.cadenceURL.path]
                         + arguments + ["--workspace", directory])
    }

    /// A new key pair for `who`: its private key's path and how ssh-keygen names its public key ("ED25519 key SHA256:…").
    func key(_ who: String) throws -> (path: String, said: String) {
        try FileManager.default.createDirectory(atPath: keys, withIntermediateDirectories: true)
        let path = keys + "/" + who
        let made = try Commands.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", who, "-f", path])
        #expect(made.status == 0, "\(made.error)")
        let listed = try Commands.run("/usr/bin/ssh-keygen", ["-l", "-f", path + ".pub"]).output.split(separator: " ")
        return (path, "ED25519 key \(listed[1])")
    }

    /// Writes the allowed signers in this test's config folder: principal and key path, a line each.
    func trust(_ signers: [(String, String)]) throws {
        try FileManager.default.createDirectory(atPath: config + "/cadence", withIntermediateDirectories: true)
        let lines = try signers.map { "\($0.0) " + (try String(contentsOfFile: $0.1 + ".pub", encoding: .utf8)) }
        try lines.joined().write(toFile: config + "/cadence/allowed_signers", atomically: true, encoding: .utf8)
    }

    /// A package folder: its manifest and a policy that proposes nothing (no tests: it installs at once).
    func package(_ name: String = "weekly-nudge", version: String = "1.0.0", author: String = "Sam Lee <sam@example.org>",
                 label: String? = nil) throws -> String {
        let folder = Self.folder("package-\(label ?? name)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let manifest: [String: Any] = ["name": name, "version": version, "author": author, "licence": "MIT", "summary": "A note a week",
                                       "cadence": 1, "reads": ["application": ["company"]], "proposes": ["status"]]
        try JSONSerialization.data(withJSONObject: manifest, options: .sortedKeys).write(to: URL(fileURLWithPath: folder + "/cadence-policy.json"))
        try "return { name = 'nudge', plan = function() end }\n".write(toFile: folder + "/policy.lua", atomically: true, encoding: .utf8)
        return folder
    }

    /// Sets the version in the manifest of `folder` (the signature, if any, stays as it was).
    func setVersion(_ version: String, in folder: String) throws {
        let path = folder + "/cadence-policy.json"
        var manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        manifest["version"] = version
        try JSONSerialization.data(withJSONObject: manifest, options: .sortedKeys).write(to: URL(fileURLWithPath: path))
    }

    func sign(_ folder: String, with key: String) throws {
        let signed = try Commands.cadence(["policy", "sign", folder, "--key", key])
        #expect(signed.status == 0, "\(signed.error)")
    }

    /// Expects the line of `policy list` for weekly-nudge to hold `text`.
    func expectListed(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let line = try listed()
        #expect(line.contains(text), "\(line)", sourceLocation: sourceLocation)
    }

    /// The line of `policy list` for the package.
    func listed(_ name: String = "weekly-nudge") throws -> String {
        try run("policy", "list").output.split(separator: "\n").first { $0.hasPrefix(name + " ") }.map(String.init) ?? ""
    }

    @Test("a signed package is not replaced by an unsigned one without --allow-signer-change; with it, a warning says who signed before and now")
    func signedThenUnsigned() throws {
        try createdWithCandidate()
        let sam = try key("sam")
        try trust([("sam@example.org", sam.path)])
        let folder = try package()
        try sign(folder, with: sam.path)
        let said = "signed by sam@example.org (\(sam.said))"
        let added = try run("policy", "add", folder)
        #expect(added.status == 0 && added.output.contains("Signature: \(said), whom your allowed signers trust."), "\(added.output)\(added.error)")
        let line = try listed()
        #expect(line.contains("  \(said)  ok"), "policy list says it in the same words: \(line)")
        #expect(try run("policy", "show", "weekly-nudge").output.contains(said))

        try FileManager.default.removeItem(atPath: folder + "/cadence-policy.sig")
        try setVersion("1.0.1", in: folder)
        let refused = try run("policy", "update", "weekly-nudge")
        #expect(refused.status == 1)
        #expect(refused.error == "cadence: weekly-nudge 1.0.0 was \(said); 1.0.1 is unsigned. "
                + "Nothing was changed; if you trust this version unsigned, run again with --allow-signer-change\n", "\(refused.error)")
        #expect(try listed().contains("weekly-nudge 1.0.0 ") && (try listed().contains(said)))
        let added2 = try run("policy", "add", folder)
        #expect(added2.status == 1 && added2.error.contains("1.0.1 is unsigned. Nothing was changed"), "add refuses the same: \(added2.error)")

        let allowed = try run("policy", "update", "weekly-nudge", "--allow-signer-change")
        #expect(allowed.status == 0, "\(allowed.error)")
        #expect(allowed.error.contains("cadence: warning: weekly-nudge 1.0.0 was \(said); 1.0.1 is unsigned.\n"), "\(allowed.error)")
        #expect(allowed.output.contains("Signature: unsigned. Nothing shows who wrote these files"))
        let after = try listed()
        #expect(after.contains("weekly-nudge 1.0.1 ") && after.contains("  unsigned  ok"), "\(after)")
    }

    @Test("a package signed by another trusted signer needs --allow-signer-change, and the warning names both")
    func otherSigner() throws {
        try createdWithCandidate()
        let sam = try key("sam"), mallory = try key("mallory")
        try trust([("sam@example.org", sam.path), ("mallory@example.org", mallory.path)])
        let folder = try package()
        try sign(folder, with: sam.path)
        #expect(try run("policy", "add", folder).status == 0)
        try setVersion("1.1.0", in: folder)
        try sign(folder, with: mallory.path)
        let refused = try run("policy", "add", folder)
        #expect(refused.status == 1)
        #expect(refused.error.hasPrefix("cadence: weekly-nudge 1.0.0 was signed by sam@example.org (\(sam.said)); "
                                        + "1.1.0 is signed by mallory@example.org (\(mallory.said)). Nothing was changed"), "\(refused.error)")
        let allowed = try run("policy", "add", folder, "--allow-signer-change")
        #expect(allowed.status == 0 && allowed.error.contains("warning: weekly-nudge 1.0.0 was signed by sam@example.org"), "\(allowed.error)")
        #expect(allowed.error.contains("but it is signed by mallory@example.org"), "Sam is the author, Mallory the signer: \(allowed.error)")
        #expect(try listed().contains("signed by mallory@example.org (\(mallory.said))"))
        // The same signer again: no flag needed.
        try setVersion("1.2.0", in: folder)
        try sign(folder, with: mallory.path)
        #expect(try run("policy", "add", folder).status == 0)
    }

    @Test("a signature cannot be carried over: from package A 1.0.0 onto package B, or onto A 2.0.0")
    func replayed() throws {
        try createdWithCandidate()
        let sam = try key("sam")
        try trust([("sam@example.org", sam.path)])
        let first = try package("alpha", label: "alpha-1")
        try sign(first, with: sam.path)
        let signature = try Data(contentsOf: URL(fileURLWithPath: first + "/cadence-policy.sig"))
        // B: another package, the same code; A 2.0.0: the same package, another version.
        for other in [try package("bravo"), try package("alpha", version: "2.0.0", label: "alpha-2")] {
            try signature.write(to: URL(fileURLWithPath: other + "/cadence-policy.sig"))
            let refused = try run("policy", "add", other)
            #expect(refused.status == 1 && refused.error.contains("its signature does not match its files"), "\(refused.error)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory + "/packages.lock"))
        #expect(try run("policy", "add", first).status == 0, "it still signs what it was made for")
    }

    @Test("a file name holding a newline is refused before signing and before verifying")
    func newlineInAName() throws {
        try createdWithCandidate()
        let sam = try key("sam")
        try trust([("sam@example.org", sam.path)])
        let folder = try package()
        let forged = "x.lua\n" + String(repeating: "0", count: 64) + "  policy.lua"
        try "return {}".write(toFile: folder + "/" + forged, atomically: false, encoding: .utf8)
        let signing = try Commands.cadence(["policy", "sign", folder, "--key", sam.path])
        #expect(signing.status == 1 && signing.error.contains("the file name 'x.lua\\n0000"), "\(signing.error)")
        #expect(signing.error.contains("holds a control character (U+000A): refused"))
        #expect(!signing.error.dropLast().contains("\n"), "one line")
        #expect(!FileManager.default.fileExists(atPath: folder + "/cadence-policy.sig"))
        let added = try run("policy", "add", folder)
        #expect(added.status == 1 && added.error.contains("holds a control character (U+000A): refused"), "\(added.error)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/packages.lock"))
    }

    @Test("a lower version needs --allow-downgrade")
    func downgrade() throws {
        try createdWithCandidate()
        let folder = try package(version: "1.2.0")
        #expect(try run("policy", "add", folder).status == 0)
        try setVersion("1.10.0", in: folder)
        #expect(try run("policy", "add", folder).status == 0, "1.10.0 is later than 1.2.0")
        try setVersion("1.2.0", in: folder)
        let refused = try run("policy", "update", "weekly-nudge")
        #expect(refused.status == 1)
        #expect(refused.error == "cadence: weekly-nudge 1.2.0 is older than the version installed, 1.10.0. "
                + "Nothing was changed; to go back to it, run again with --allow-downgrade\n", "\(refused.error)")
        #expect(try listed().contains("weekly-nudge 1.10.0 "))
        let allowed = try run("policy", "add", folder, "--allow-downgrade")
        #expect(allowed.status == 0 && allowed.error.contains("warning: weekly-nudge 1.2.0 is older than the version installed, 1.10.0."), "\(allowed.error)")
        #expect(try listed().contains("weekly-nudge 1.2.0 "))
    }

    @Test("require-signatures in the settings file, or the flag: unsigned and unknown signers are refused; a trusted one is installed")
    func requireSignatures() throws {
        try createdWithCandidate()
        let sam = try key("sam"), stranger = try key("stranger")
        try trust([("sam@example.org", sam.path)])
        let folder = try package()
        let flagged = try run("policy", "add", folder, "--require-signatures")
        #expect(flagged.status == 1 && flagged.error.contains("weekly-nudge 1.0.0 is unsigned, and you require signatures"), "\(flagged.error)")

        try "# mine\nrequire-signatures = yes\n".write(toFile: config + "/cadence/settings", atomically: true, encoding: .utf8)
        let set = try run("policy", "add", folder)
        #expect(set.status == 1)
        #expect(set.error == "cadence: weekly-nudge 1.0.0 is unsigned, and you require signatures (--require-signatures, or require-signatures in "
                + "\(config)/cadence/settings); not installed. Add its author's key to \(config)/cadence/allowed_signers if you trust them\n",
                "\(set.error)")
        try sign(folder, with: stranger.path)
        let unknown = try run("policy", "add", folder)
        #expect(unknown.status == 1 && unknown.error.contains("is signed by a key your allowed signers do not hold (\(stranger.said)), and you require"),
                "\(unknown.error)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/packages.lock"))
        try sign(folder, with: sam.path)
        #expect(try run("policy", "add", folder).status == 0)

        try "require-signatures = perhaps\n".write(toFile: config + "/cadence/settings", atomically: true, encoding: .utf8)
        let wrong = try run("policy", "update", "weekly-nudge")
        #expect(wrong.status == 1 && wrong.error.contains("\(config)/cadence/settings, line 1: require-signatures is yes or no, not 'perhaps'"), "\(wrong.error)")
    }

    @Test("a manifest's author who is not the signer is said plainly")
    func authorIsNotTheSigner() throws {
        try createdWithCandidate()
        let sam = try key("sam")
        try trust([("sam@example.org", sam.path)])
        let folder = try package(author: "Alice Smith <alice@example.org>")
        try sign(folder, with: sam.path)
        let added = try run("policy", "add", folder)
        #expect(added.status == 0, "\(added.error)")
        #expect(added.error == "cadence: warning: weekly-nudge says it is by 'Alice Smith <alice@example.org>', but it is signed by "
                + "sam@example.org (\(sam.said)): the signer vouches for these files, not for the author the manifest names.\n", "\(added.error)")
        // The same address, in another case: no warning.
        let own = try package("own-nudge", author: "Sam Lee <SAM@example.org>")
        try sign(own, with: sam.path)
        let quiet = try run("policy", "add", own)
        #expect(quiet.status == 0 && quiet.error.isEmpty, "\(quiet.error)")
    }

    @Test("allowed_signers is found in $XDG_CONFIG_HOME/cadence; elsewhere the signer is unknown")
    func xdgConfigHome() throws {
        try createdWithCandidate()
        let sam = try key("sam")
        try trust([("sam@example.org", sam.path)])
        let folder = try package()
        try sign(folder, with: sam.path)
        let home = Self.folder("home")
        let elsewhere = try Commands.run("/usr/bin/env", ["CADENCE_ALLOWED_SIGNERS=", "XDG_CONFIG_HOME=" + home, "HOME=" + home,
                                                          Commands.cadenceURL.path, "policy", "add", folder, "--workspace", directory])
        #expect(elsewhere.output.contains("Signature: signed by a key your allowed signers do not hold (\(sam.said)). "
                                          + "Your allowed signers (\(home)/cadence/allowed_signers) do not hold its key."), "\(elsewhere.output)\(elsewhere.error)")
        let listedElsewhere = try Commands.run("/usr/bin/env", ["CADENCE_ALLOWED_SIGNERS=", "XDG_CONFIG_HOME=" + home, "HOME=" + home,
                                                                Commands.cadenceURL.path, "policy", "list", "--workspace", directory]).output
        #expect(listedElsewhere.contains("  signed by a key your allowed signers do not hold (\(sam.said))  ok"), "policy list says it as add did: \(listedElsewhere)")
        try expectListed("  signed by sam@example.org (\(sam.said))  ok")  // list asks the allowed signers of now, which hold sam
        let again = try Commands.run("/usr/bin/env", ["CADENCE_ALLOWED_SIGNERS=", "XDG_CONFIG_HOME=" + home, "HOME=" + home,
                                                      Commands.cadenceURL.path, "policy", "add", folder, "--workspace", directory])
        #expect(again.status == 0, "the same unknown key again is the same signer: \(again.error)")
        // Trusted now, the same key: not a change of signer.
        let found = try Commands.run("/usr/bin/env", ["CADENCE_ALLOWED_SIGNERS=", "XDG_CONFIG_HOME=" + config, "HOME=" + home,
                                                      Commands.cadenceURL.path, "policy", "add", folder, "--workspace", directory])
        #expect(found.status == 0 && found.output.contains("Signature: signed by sam@example.org (\(sam.said))"), "\(found.output)\(found.error)")
        #expect(try listed().contains("  signed by sam@example.org (\(sam.said))  ok"))
        // Another key, unknown: a change of signer.
        let stranger = try key("stranger")
        try sign(folder, with: stranger.path)
        let refused = try run("policy", "add", folder)
        #expect(refused.status == 1 && refused.error.contains("1.0.0 is signed by a key your allowed signers do not hold (\(stranger.said)). Nothing was changed"),
                "\(refused.error)")
    }

    @Test("a signature in the old format (the files alone) is refused, telling the author to sign again")
    func oldFormat() throws {
        try createdWithCandidate()
        let sam = try key("sam")
        try trust([("sam@example.org", sam.path)])
        let folder = try package()
        // The old statement: "SHA256  NAME" a file, sorted.
        let list: String = try ["cadence-policy.json", "policy.lua"].map { name in
            let digest = try Commands.run("/usr/bin/sha256sum", [folder + "/" + name]).output.prefix(64)
            return "\(digest)  \(name)\n"
        }.joined()
        let statement = keys + "/old-statement"
        try list.write(toFile: statement, atomically: true, encoding: .utf8)
        #expect(try Commands.run("/usr/bin/ssh-keygen", ["-Y", "sign", "-q", "-f", sam.path, "-n", "cadence-policy", statement]).status == 0)
        try FileManager.default.moveItem(atPath: statement + ".sig", toPath: folder + "/cadence-policy.sig")
        let refused = try run("policy", "add", folder)
        #expect(refused.status == 1)
        #expect(refused.error == "cadence: weekly-nudge 1.0.0 is signed by sam@example.org (\(sam.said)) in the old format, which did not name "
                + "the package and its version; not installed. Ask its author to sign it again with the current 'cadence policy sign'\n",
                "\(refused.error)")
    }

    @Test("policy update notices installed files changed on disk, says which, and puts the pinned ones back")
    func tamperedUpdate() throws {
        try createdWithCandidate()
        let folder = try package()
        #expect(try run("policy", "add", folder).status == 0)
        #expect(try run("policy", "update", "weekly-nudge").output.hasPrefix("weekly-nudge 1.0.0 is up to date"))
        let installed = directory + "/packages/weekly-nudge/policy.lua"
        try "return { name = 'nudge', plan = function() os.exit() end }\n".write(toFile: installed, atomically: true, encoding: .utf8)
        let updated = try run("policy", "update", "weekly-nudge")
        #expect(updated.status == 0, "\(updated.error)")
        #expect(updated.output.hasPrefix("The installed files of weekly-nudge 1.0.0 no longer match their pins: policy.lua changed since it was installed (sha256 "),
                "\(updated.output)")
        #expect(updated.output.contains("-return { name = 'nudge', plan = function() os.exit() end }"), "the diff shows what was changed")
        #expect(try listed().contains("ok"))
        #expect(try run("policy", "update", "weekly-nudge").output.hasPrefix("weekly-nudge 1.0.0 is up to date"))
    }

    @Test("the diff update shows is text, always, with controls and bidi marks as escapes (NUL, ESC/OSC 52, CSI, C1, CR, RLO), tabs kept")
    func hostileDiff() throws {
        try createdWithCandidate()
        let folder = try package()
        #expect(try run("policy", "add", folder).status == 0)
        // Planted in the installed copy (a package's own files may hold none of it): the diff still shows it, escaped.
        try "return { name = 'nudge', plan = function() end }\n-- \u{0} \u{1B}]52;c;aGk=\u{07} \u{1B}[2K \u{9B}31m \u{202E}evil\r\n--\tend\n"
            .write(toFile: directory + "/packages/weekly-nudge/policy.lua", atomically: true, encoding: .utf8)
        let updated = try run("policy", "update", "weekly-nudge")
        #expect(updated.status == 0, "\(updated.error)")
        #expect(!updated.output.contains("Binary files"), "\(updated.output)")
        #expect(!updated.output.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E },
                "\(updated.output.debugDescription)")
        #expect(updated.output.contains("--- \\0 \\u{1b}]52;c;aGk=\\u{7} \\u{1b}[2K \\u{9b}31m \\u{202e}evil\\r"), "\(updated.output)")
        #expect(updated.output.contains("---\tend"))
    }

    @Test("a NUL in a Lua comment (which made diff say 'Binary files … differ') refuses the update, naming the file and the line; nothing changes")
    func nulInAComment() throws {
        try createdWithCandidate()
        let folder = try package()
        #expect(try run("policy", "add", folder).status == 0)
        try setVersion("1.0.1", in: folder)
        for (hidden, said) in [("\u{0}", "a NUL (U+0000)"), ("\u{1B}[2K", "a control character (U+001B)"), ("\u{202E}", "a bidi control (U+202E)")] {
            try "return { name = 'nudge', plan = function() end }\n-- \(hidden)\nos.exit()\n".write(toFile: folder + "/policy.lua", atomically: true, encoding: .utf8)
            let updated = try run("policy", "update", "weekly-nudge")
            #expect(updated.status == 1, "\(updated.output)")
            #expect(!updated.output.contains("Binary files") && !updated.output.contains("Updated"), "\(updated.output)")
            #expect(updated.error.hasPrefix("cadence: ") && updated.error.contains("policy.lua, line 2: holds \(said)"), "\(updated.error)")
            #expect(try run("policy", "add", folder).status == 1)
            try expectListed("weekly-nudge 1.0.0 ")
        }
    }

    @Test("require-signatures covers packages already installed: an unsigned one is not run by the agenda, and list and show say why")
    func requiredCoversInstalled() throws {
        try createdWithCandidate()
        #expect(try run("policy", "add", try package()).status == 0)
        try FileManager.default.createDirectory(atPath: config + "/cadence", withIntermediateDirectories: true)
        try "require-signatures = yes\n".write(toFile: config + "/cadence/settings", atomically: true, encoding: .utf8)
        let why = "not run: signatures are required (require-signatures in \(config)/cadence/settings) and it is unsigned"
        let agenda = try run("agenda")
        #expect(agenda.status == 0)
        #expect(agenda.output.contains("Package weekly-nudge 1.0.0") && agenda.output.contains(why), "\(agenda.output)")
        let line = try listed()
        let listedWhy = "NOT RUN: signatures are required (require-signatures in \(config)/cadence/settings) and it is unsigned"
        #expect(line.contains("  unsigned at install  \(listedWhy)") && !line.contains(" ok") && !line.contains("not run"), "\(line)")
        #expect(try run("policy", "show", "weekly-nudge").output.contains(listedWhy))
        try "require-signatures = no\n".write(toFile: config + "/cadence/settings", atomically: true, encoding: .utf8)
        try expectListed("  unsigned  ok")
    }

    @Test("list, show and the agenda ask the allowed signers of now: a signer removed is no longer said; a .sig deleted or changed stops the package")
    func signatureOfNow() throws {
        try createdWithCandidate()
        let alice = try key("alice"), bob = try key("bob"), stranger = try key("stranger")
        try trust([("alice@example.org", alice.path), ("bob@example.org", bob.path)])
        let folder = try package(author: "Alice <alice@example.org>")
        try sign(folder, with: alice.path)
        #expect(try run("policy", "add", folder).status == 0)
        try expectListed("  signed by alice@example.org (\(alice.said))  ok")
        // Alice is no longer trusted: said as an unknown key; under require-signatures, not run.
        try trust([("bob@example.org", bob.path)])
        let unknown = "signed by a key your allowed signers do not hold (\(alice.said))"
        try expectListed("  \(unknown)  ok")
        #expect(!(try run("policy", "show", "weekly-nudge").output.contains("alice@example.org (")))
        try "require-signatures = yes\n".write(toFile: config + "/cadence/settings", atomically: true, encoding: .utf8)
        try expectListed("NOT RUN: signatures are required (require-signatures in \(config)/cadence/settings) and it is \(unknown)")
        try FileManager.default.removeItem(atPath: config + "/cadence/settings")
        try trust([("alice@example.org", alice.path), ("bob@example.org", bob.path)])
        // The signature file replaced by another signer's over the same files: stopped, as a changed file.
        let installedSig = directory + "/packages/weekly-nudge/cadence-policy.sig"
        try sign(folder, with: stranger.path)
        try FileManager.default.removeItem(atPath: installedSig)
        try FileManager.default.copyItem(atPath: folder + "/cadence-policy.sig", toPath: installedSig)
        try expectListed("NOT RUN: cadence-policy.sig changed since it was installed (it was signed by alice@example.org")
        // Deleted: stopped too, in the agenda as in the list.
        try FileManager.default.removeItem(atPath: installedSig)
        let missing = "cadence-policy.sig is missing (it was signed by alice@example.org (\(alice.said))): not run"
        try expectListed("signed by alice@example.org (\(alice.said)) at install  NOT RUN: cadence-policy.sig is missing (it was signed by alice@example.org (\(alice.said))). Reinstall")
        #expect(try run("agenda").output.contains(missing))
        // Garbage in its place: stopped.
        try "not a signature\n".write(toFile: installedSig, atomically: true, encoding: .utf8)
        try expectListed("NOT RUN: cadence-policy.sig does not match the files installed (")
    }

    @Test("allowed_signers or settings that is a FIFO is refused at once, not waited on; a bad signer line is a warning naming its line")
    func allowedSignersFile() throws {
        try createdWithCandidate()
        let sam = try key("sam")
        try trust([("sam@example.org", sam.path)])
        let folder = try package()
        try sign(folder, with: sam.path)
        let fifo = keys + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let started = Date()
        let hung = try Commands.run("/usr/bin/env", ["CADENCE_ALLOWED_SIGNERS=" + fifo, "XDG_CONFIG_HOME=" + config, Commands.cadenceURL.path,
                                                     "policy", "add", folder, "--workspace", directory])
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(hung.status == 1 && hung.error == "cadence: \(fifo): is not a plain file (a folder, a FIFO, a device or a socket); it was not read\n",
                "\(hung.error)")
        try FileManager.default.moveItem(atPath: fifo, toPath: config + "/cadence/settings")
        let settings = try run("policy", "add", folder)
        #expect(settings.status == 1 && settings.error.contains("\(config)/cadence/settings: is not a plain file"), "\(settings.error)")
        try FileManager.default.removeItem(atPath: config + "/cadence/settings")
        // A line that is not a signer: said, with its line; the signer on the next line still trusted.
        let good = try String(contentsOfFile: config + "/cadence/allowed_signers", encoding: .utf8)
        try ("sam@example.org ssh-ed25519\r\n" + good).write(toFile: config + "/cadence/allowed_signers", atomically: true, encoding: .utf8)
        let added = try run("policy", "add", folder)
        #expect(added.status == 0, "\(added.error)")
        #expect(added.error == "cadence: warning: \(config)/cadence/allowed_signers, line 1: 'sam@example.org ssh-ed25519' is not a signer "
                + "(write: PRINCIPAL KEYTYPE KEY, such as you@example.org ssh-ed25519 AAAA…); ignored\n", "\(added.error)")
        #expect(added.output.contains("Signature: signed by sam@example.org (\(sam.said)), whom your allowed signers trust."))
    }

    @Test("runtime failures of policy commands are 'cadence: …' sentences with exit 1, no Usage line; only a malformed command line is a usage error")
    func runtimeFailures() throws {
        try createdWithCandidate()
        let folder = try package()
        let locked = try key("locked")
        _ = try Commands.run("/usr/bin/ssh-keygen", ["-q", "-p", "-N", "secret", "-P", "", "-f", locked.path])
        let missing = keys + "/missing"
        let nothing = "\(missing): no such folder or file (a package is a folder, a .lua file, or a git repository URL)\n"
        let cases: [([String], String)] = [
            (["policy", "add", missing], "cadence: " + nothing),
            (["policy", "try", missing], "cadence: " + nothing),
            (["policy", "sign", missing, "--key", locked.path], "cadence: " + nothing),
            (["policy", "sign", folder, "--key", missing], "cadence: \(missing): no such key file (give your SSH private key, such as ~/.ssh/id_ed25519)\n"),
            (["policy", "sign", folder, "--key", folder + "/policy.lua"], "cadence: ssh-keygen could not sign with \(folder)/policy.lua: "),
            (["policy", "sign", folder, "--key", locked.path], "cadence: ssh-keygen could not sign with \(locked.path): Load key \"\(locked.path)\": "
             + "incorrect passphrase supplied to decrypt private key (a key with a passphrase: add it to ssh-agent with 'ssh-add \(locked.path)', "
             + "then give its .pub file as --key)\n"),
            (["policy", "show", "nothing"], "cadence: no package 'nothing' is installed ('cadence policy list')\n"),
            (["policy", "update", "nothing"], "cadence: no package 'nothing' is installed ('cadence policy list')\n"),
            (["policy", "remove", "nothing"], "cadence: nothing: no package of that name is installed ('cadence policy list')\n"),
            (["policy", "test", "nothing"], "cadence: nothing: no such package folder or file, nor an installed package ('cadence policy list')\n"),
        ]
        for (arguments, expected) in cases {
            let ran = try Commands.run("/usr/bin/env", ["CADENCE_ALLOWED_SIGNERS=", "XDG_CONFIG_HOME=" + config, Commands.cadenceURL.path]
                                       + arguments + (arguments[1] == "sign" ? [] : ["--workspace", directory]))
            #expect(ran.status == 1, "\(arguments): \(ran.status) \(ran.error)")
            #expect(ran.error.hasPrefix(expected), "\(arguments): \(ran.error)")
            #expect(!ran.error.contains("Usage") && !ran.error.contains("operation could not be completed") && !ran.error.contains("\\u{000D}"),
                    "\(arguments): \(ran.error)")
            #expect(ran.error.hasSuffix("\n") && !ran.error.dropLast().contains("\n"), "one line: \(ran.error)")
        }
        let usage = try run("policy", "add")
        #expect(usage.status == 64 && usage.error.contains("Usage"), "a malformed command line is a usage error: \(usage.error)")
    }

    @Test("a signature that does not match says ssh-keygen's reason without its line end")
    func badSignatureReason() throws {
        try createdWithCandidate()
        let sam = try key("sam")
        try trust([("sam@example.org", sam.path)])
        let folder = try package()
        try sign(folder, with: sam.path)
        try "return { name = 'nudge', plan = function() return 1 end }\n".write(toFile: folder + "/policy.lua", atomically: true, encoding: .utf8)
        let refused = try run("policy", "add", folder)
        #expect(refused.status == 1)
        #expect(refused.error.hasPrefix("cadence: weekly-nudge 1.0.0: its signature does not match its files (") && refused.error.hasSuffix("); not installed\n"),
                "\(refused.error)")
        #expect(!refused.error.contains("\\u{") && !refused.error.contains("\r"), "\(refused.error.debugDescription)")
    }

    @Test("removing and adding again keeps the history: a lower version or another signer needs the flag, as an update would")
    func removedHistory() throws {
        try createdWithCandidate()
        let sam = try key("sam")
        try trust([("sam@example.org", sam.path)])
        let folder = try package(version: "1.2.0")
        try sign(folder, with: sam.path)
        #expect(try run("policy", "add", folder).status == 0)
        let lock = directory + "/packages.lock"
        #expect(!(try String(contentsOfFile: lock, encoding: .utf8)).contains("\"removed\""), "a lock with nothing removed is as before")
        #expect(try run("policy", "remove", "weekly-nudge").status == 0)
        #expect(try String(contentsOfFile: lock, encoding: .utf8).contains("\"removed\""))
        try FileManager.default.removeItem(atPath: folder + "/cadence-policy.sig")
        let unsigned = try run("policy", "add", folder)
        #expect(unsigned.status == 1)
        #expect(unsigned.error.hasPrefix("cadence: weekly-nudge 1.2.0 (removed on ") && unsigned.error.hasSuffix(
            ") was signed by sam@example.org (\(sam.said)); 1.2.0 is unsigned. Nothing was changed; if you trust this version unsigned, "
            + "run again with --allow-signer-change\n"), "\(unsigned.error)")
        try setVersion("1.1.0", in: folder)
        try sign(folder, with: sam.path)
        let lower = try run("policy", "add", folder)
        #expect(lower.status == 1 && lower.error.contains("weekly-nudge 1.1.0 is older than the version you removed on "), "\(lower.error)")
        #expect(lower.error.hasSuffix(", 1.2.0. Nothing was changed; to go back to it, run again with --allow-downgrade\n"), "\(lower.error)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/packages/weekly-nudge"))
        let allowed = try run("policy", "add", folder, "--allow-downgrade")
        #expect(allowed.status == 0, "\(allowed.error)")
        #expect(!(try String(contentsOfFile: lock, encoding: .utf8)).contains("\"removed\""), "installed again: the entry carries the history")
    }

    @Test("other files under the same version are refused without --allow-same-version")
    func sameVersion() throws {
        try createdWithCandidate()
        let folder = try package()
        #expect(try run("policy", "add", folder).status == 0)
        try "return { name = 'nudge', plan = function() end } -- longer\n".write(toFile: folder + "/policy.lua", atomically: true, encoding: .utf8)
        let refused = try run("policy", "update", "weekly-nudge")
        #expect(refused.status == 1 && !refused.output.contains("Updated"))
        #expect(refused.error.hasPrefix("cadence: weekly-nudge 1.0.0 holds other files than the version installed under the same version (sha256 ")
                && refused.error.hasSuffix("Nothing was changed; a changed package needs a new version (ask its author), or, to take these files "
                                           + "as they are, run again with --allow-same-version\n"), "\(refused.error)")
        #expect(try run("policy", "add", folder).status == 1)
        let allowed = try run("policy", "update", "weekly-nudge", "--allow-same-version")
        #expect(allowed.status == 0 && allowed.output.contains("Updated weekly-nudge 1.0.0"), "\(allowed.error)")
        #expect(allowed.error.contains("They replace the pinned ones, as you allowed."))
    }

    @Test("reserved names: a package named like a built-in policy, or 'cadence', is refused")
    func reservedNames() throws {
        try createdWithCandidate()
        for name in ["thank-you", "weekly-status", "cadence", "init"] {
            let refused = try run("policy", "add", try package(name))
            #expect(refused.status == 1, "\(name)")
            #expect(refused.error.hasPrefix("cadence: '\(name)' is "), "\(refused.error)")
            #expect(refused.error.hasSuffix(", which no package may take: the package must be renamed; not installed\n"), "\(refused.error)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory + "/packages.lock"))
    }

    @Test("policy add refuses a sparse 3 GiB file quickly, a link to /etc/passwd and 201 files, each named; nothing is installed")
    func hostileFiles() throws {
        try createdWithCandidate()
        let sparse = try package(label: "sparse")
        #expect(FileManager.default.createFile(atPath: sparse + "/big.lua", contents: nil) && truncate(sparse + "/big.lua", 3 << 30) == 0)
        let started = Date()
        let big = try run("policy", "add", sparse)
        #expect(big.status == 1 && big.error == "cadence: \(sparse)/big.lua: is 3221225472 bytes (a package's file is at most 1 MiB); it was not read\n",
                "\(big.error)")
        #expect(Date().timeIntervalSince(started) < 5)

        let linked = try package(label: "linked")
        try FileManager.default.createSymbolicLink(atPath: linked + "/passwd.lua", withDestinationPath: "/etc/passwd")
        let link = try run("policy", "add", linked)
        #expect(link.status == 1 && link.error.contains("\(linked)/passwd.lua: is a symbolic link"), "\(link.error)")

        let many = try package(label: "many")
        for i in 1...199 { try "--".write(toFile: many + "/f\(i).lua", atomically: false, encoding: .utf8) }
        let count = try run("policy", "add", many)
        #expect(count.status == 1 && count.error.contains("holds more than 200 files"), "\(count.error)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/packages.lock"))
    }
}
