import CadenceCore
import CadenceSharing
import Foundation
import Testing

/// A package's files as they are read: counted, looked at with lstat and
/// their names checked before a byte is read; and the names no package may take.
@Suite("A package's files, read from lstat")
struct PackageFilesTests {
    static let manifest = """
        { "name": "weekly-nudge", "version": "1.0.0", "author": "Sam Lee <sam@example.org>", "licence": "MIT",
          "summary": "A note each week", "cadence": 1, "reads": { "application": ["company"] }, "proposes": ["status"] }
        """
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A package folder with a manifest and policy.lua, removed afterwards.
    func withPackage(_ body: (_ folder: String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadence-files-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.manifest.write(toFile: folder + "/cadence-policy.json", atomically: true, encoding: .utf8)
        try "return { name = 'nudge', plan = function() end }\n".write(toFile: folder + "/policy.lua", atomically: true, encoding: .utf8)
        try body(folder)
    }

    /// What reading the package at `folder` throws, in words ("" when it reads).
    func refusal(_ folder: String) -> String {
        do { _ = try PolicyPackage(at: folder); return "" } catch { return "\(error)" }
    }

    @Test("hostile file names are refused, shown with escapes: controls (CRLF as two scalars), C1, DEL, NUL, bidi controls, paths")
    func hostileNames() {
        let hostile: [(String, String)] = [
            ("policy.lua\n0000  tests.lua", "control character (U+000A)"),
            ("a\r\nb.lua", "control character (U+000D)"),
            ("a\u{1B}]52;c;aGk=\u{07}.lua", "control character (U+001B)"),
            ("a\u{1B}[2K.lua", "control character (U+001B)"),
            ("a\u{85}.lua", "control character (U+0085)"),
            ("a\u{9B}31m.lua", "control character (U+009B)"),
            ("a\u{7F}.lua", "control character (U+007F)"),
            ("a\u{0}.lua", "control character (U+0000)"),
            ("gpj.\u{202E}evil.lua", "bidi control (U+202E)"),
            ("a\u{2066}b.lua", "bidi control (U+2066)"),
            ("a\u{2069}b.lua", "bidi control (U+2069)"),
            ("a\u{200F}b.lua", "bidi control (U+200F)"),
            ("../policy.lua", "is not a plain name"),
            ("..", "is not a plain name"),
            ("", "an empty file name"),
            (String(repeating: "x", count: 500) + ".lua", "is longer than 128 bytes"),
        ]
        for (name, expected) in hostile {
            let problem = PackageFiles.problem(withName: name) ?? ""
            #expect(problem.contains(expected), "\(name.debugDescription): \(problem)")
            #expect(!problem.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x2066...0x2069).contains($0.value)
                || $0.value == 0x202E || $0.value == 0x200F }, "the sentence itself is safe to print: \(problem.debugDescription)")
            #expect(problem.count < 200, "a long name is cut: \(problem.count)")
        }
        for name in ["policy.lua", "cadence-policy.json", "tests.lua", "café.lua", ".gitignore"] {
            #expect(PackageFiles.problem(withName: name) == nil, "\(name)")
        }
    }

    @Test("a file whose name holds a newline is refused on reading, naming it with escapes")
    func newlineInAFolder() throws {
        try withPackage { folder in
            try "return {}".write(toFile: folder + "/x.lua\n0000  policy.lua", atomically: false, encoding: .utf8)
            #expect(refusal(folder).contains("the file name 'x.lua\\n0000  policy.lua' holds a control character (U+000A): refused"),
                    "\(refusal(folder))")
        }
    }

    @Test("a sparse 3 GiB file is refused from lstat, quickly, naming it, without reading it")
    func sparse() throws {
        try withPackage { folder in
            let path = folder + "/huge.lua"
            #expect(FileManager.default.createFile(atPath: path, contents: nil))
            #expect(truncate(path, 3 << 30) == 0)
            let started = Date()
            let said = refusal(folder)
            let elapsed = Date().timeIntervalSince(started)
            #expect(said == "\(path): is 3221225472 bytes (a package's file is at most 1 MiB); it was not read", "\(said)")
            #expect(elapsed < 1, "refused in \(elapsed) s")
            // A single-file package the same.
            #expect(refusal(path).hasSuffix("huge.lua: is 3221225472 bytes (a package's file is at most 1 MiB); it was not read"), "\(refusal(path))")
        }
    }

    @Test("five files of 900 KiB are more than 4 MiB in all: refused before any is read")
    func tooMuchInAll() throws {
        try withPackage { folder in
            for i in 1...5 {
                #expect(FileManager.default.createFile(atPath: folder + "/part\(i).lua", contents: nil))
                #expect(truncate(folder + "/part\(i).lua", 900 << 10) == 0)
            }
            #expect(refusal(folder) == "\(folder): its files come to more than 4 MiB, a package's bound in all; nothing of it was read")
        }
    }

    @Test("a symbolic link to /etc/passwd, a FIFO, a subfolder: each refused, named")
    func notPlainFiles() throws {
        try withPackage { folder in
            try FileManager.default.createSymbolicLink(atPath: folder + "/passwd.lua", withDestinationPath: "/etc/passwd")
            #expect(refusal(folder) == "\(folder)/passwd.lua: is a symbolic link: a package holds its own files, nothing it points at")
            try FileManager.default.removeItem(atPath: folder + "/passwd.lua")
            // The manifest itself a link to a file outside.
            let outside = folder + ".json"
            defer { try? FileManager.default.removeItem(atPath: outside) }
            try Self.manifest.write(toFile: outside, atomically: true, encoding: .utf8)
            try FileManager.default.removeItem(atPath: folder + "/cadence-policy.json")
            try FileManager.default.createSymbolicLink(atPath: folder + "/cadence-policy.json", withDestinationPath: outside)
            #expect(refusal(folder).hasSuffix("cadence-policy.json: is a symbolic link: a package holds its own files, nothing it points at"))
            try FileManager.default.removeItem(atPath: folder + "/cadence-policy.json")
            try Self.manifest.write(toFile: folder + "/cadence-policy.json", atomically: true, encoding: .utf8)

            #expect(mkfifo(folder + "/pipe.lua", 0o600) == 0)
            let started = Date()
            #expect(refusal(folder) == "\(folder)/pipe.lua: is not a plain file (a device, a FIFO or a socket): refused")
            #expect(Date().timeIntervalSince(started) < 1, "a FIFO is never opened, so never waited on")
            try FileManager.default.removeItem(atPath: folder + "/pipe.lua")

            try FileManager.default.createDirectory(atPath: folder + "/lib", withIntermediateDirectories: false)
            #expect(refusal(folder) == "\(folder)/lib: is a folder: a package's files sit side by side, with no folders")
            try FileManager.default.removeItem(atPath: folder + "/lib")
            #expect(refusal(folder) == "")
        }
    }

    @Test("a single-file package that is a symbolic link is refused")
    func singleFileLink() throws {
        try withPackage { folder in
            try FileManager.default.createSymbolicLink(atPath: folder + "/link.lua", withDestinationPath: "/etc/passwd")
            #expect(refusal(folder + "/link.lua") == "\(folder)/link.lua: is a symbolic link: a package holds its own files, nothing it points at")
        }
    }

    @Test("200 files are a package; 201 are refused before any is read")
    func count() throws {
        try withPackage { folder in
            for i in 1...197 { try "-- \(i)\n".write(toFile: folder + "/f\(i).lua", atomically: false, encoding: .utf8) }
            try "--".write(toFile: folder + "/.hidden", atomically: false, encoding: .utf8)
            #expect(refusal(folder) == "", "200 entries")
            try "--".write(toFile: folder + "/f198.lua", atomically: false, encoding: .utf8)
            #expect(refusal(folder) == "\(folder): holds more than 200 files (a package has at most 200); nothing of it was read")
        }
    }

    @Test("a file is read no further than the bound, even when it is larger than lstat said")
    func boundedRead() throws {
        try withPackage { folder in
            let path = folder + "/policy.lua"
            let data = try PackageFiles.read(file: path)
            #expect(data == FileManager.default.contents(atPath: path))
            #expect(PackageFiles.maxFileSize == 1 << 20 && PackageFiles.maxTotalSize == 4 << 20 && PackageFiles.maxFiles == 200)
        }
    }

    @Test("Foundation's errors become words: a missing file")
    func errorsInWords() throws {
        let missing = #expect(throws: DomainError.self) { try PackageFiles.read(file: "/nonexistent-cadence/policy.lua") }
        #expect(missing?.description == "/nonexistent-cadence/policy.lua: cannot be read: no such file or directory")
        let cocoa: Error
        do { _ = try Data(contentsOf: URL(fileURLWithPath: "/nonexistent-cadence/x")); return } catch { cocoa = error }
        #expect(PackageFiles.reason(cocoa) == "no such file or directory" || PackageFiles.reason(cocoa) == "no such file or folder",
                "\(PackageFiles.reason(cocoa))")
        #expect(!PackageFiles.reason(cocoa).contains("Domain"))
    }

    @Test("the built-in policies' names, cadence, init and every module of Scripts/ are reserved")
    func reserved() throws {
        for folder in ["cadence", "policies", "negotiation"] {
            let path = Self.repository.appendingPathComponent("Scripts/" + folder).path
            for file in try FileManager.default.contentsOfDirectory(atPath: path) where file.hasSuffix(".lua") {
                let stem = String(file.dropLast(4))
                #expect(ReservedNames.problem(with: stem) != nil, "Scripts/\(folder)/\(file)")
                #expect(ReservedNames.problem(with: stem.replacingOccurrences(of: "_", with: "-")) != nil, "Scripts/\(folder)/\(file)")
                if folder == "policies", let named = try String(contentsOfFile: path + "/" + file, encoding: .utf8).firstMatch(of: /\n\s*name = "([a-z-]+)"/) {
                    #expect(ReservedNames.problem(with: String(named.1)) ==
                            "'\(named.1)' is the name of one of Cadence's built-in policies, which no package may take: the package must be renamed")
                }
            }
            #expect(ReservedNames.problem(with: folder) != nil)
        }
        #expect(ReservedNames.problem(with: "init") != nil && ReservedNames.problem(with: "cadence") != nil)
        #expect(ReservedNames.problem(with: "weekly-nudge") == nil)
    }

    @Test("versions are ordered as Semantic Versioning orders them")
    func versions() throws {
        let ordered = ["0.9.9", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0",
                       "1.0.1", "1.2.0", "1.10.0", "10.0.0", "99999999999999999999999.0.0"]
        let versions = try ordered.map { try #require(PackageVersion($0)) }
        for (a, b) in zip(versions, versions.dropFirst()) { #expect(a < b && !(b < a), "\(a) < \(b)") }
        #expect(PackageVersion("1.0.0+build.5") == PackageVersion("1.0.0"))
        #expect(PackageVersion("01.0.0") == PackageVersion("1.0.0"))
        for bad in ["1.0", "1.0.0.0", "v1.0.0", "1.0.0-", "1..0", ""] { #expect(PackageVersion(bad) == nil, "\(bad)") }
    }

    @Test("the settings file: require-signatures, comments; a wrong line names the file and the line")
    func settings() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cadence-settings-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try SharingSettings.load(from: path) == SharingSettings())
        try "# mine\n\nrequire-signatures = yes  # always\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try SharingSettings.load(from: path).requireSignatures)
        try "require-signatures = no\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try !SharingSettings.load(from: path).requireSignatures)
        for (text, said) in [("require-signatures = maybe", "\(path), line 1: require-signatures is yes or no, not 'maybe'"),
                             ("\nrequire_signatures = yes", "\(path), line 2: 'require_signatures' is not a setting (the settings: require-signatures)"),
                             ("require-signatures", "\(path), line 1: write KEY = VALUE (such as: require-signatures = yes)"),
                             ("\u{1B}[2K = yes", "\(path), line 1: '\\u{1b}[2K' is not a setting (the settings: require-signatures)")] {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let thrown = #expect(throws: DomainError.self) { try SharingSettings.load(from: path) }
            #expect(thrown?.description == said)
        }
    }

    @Test("allowed_signers and settings: CADENCE_ALLOWED_SIGNERS first, then $XDG_CONFIG_HOME (absolute), then ~/.config")
    func configPaths() {
        #expect(PackageSignature.allowedSignersPath(["CADENCE_ALLOWED_SIGNERS": "/k/signers", "XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/k/signers")
        #expect(PackageSignature.allowedSignersPath(["CADENCE_ALLOWED_SIGNERS": "", "XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/cadence/allowed_signers")
        #expect(PackageSignature.allowedSignersPath(["XDG_CONFIG_HOME": "relative", "HOME": "/h"]) == "/h/.config/cadence/allowed_signers")
        #expect(PackageSignature.allowedSignersPath(["HOME": "/h"]) == "/h/.config/cadence/allowed_signers")
        #expect(SharingSettings.path(["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/cadence/settings")
        #expect(SharingSettings.path(["HOME": "/h"]) == "/h/.config/cadence/settings")
    }

    @Test("the signed statement names the format, the package, its version and its files; a name with a newline cannot be in one")
    func statement() throws {
        try withPackage { folder in
            let package = try PolicyPackage(at: folder)
            let statement = try PackageSignature.statement(of: package)
            let lines = statement.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.prefix(4) == ["cadence-package-signature v2", "name: weekly-nudge", "version: 1.0.0", "files: 2"])
            #expect(lines[4].hasSuffix("  cadence-policy.json") && lines[5].hasSuffix("  policy.lua") && lines[6] == "" && lines.count == 7)
            var forged = package
            forged.files["x.lua\n" + String(repeating: "0", count: 64) + "  policy.lua"] = Data("return {}".utf8)
            let refused = #expect(throws: DomainError.self) { try PackageSignature.statement(of: forged) }
            #expect(refused?.description.contains("holds a control character (U+000A): refused") == true)
        }
    }

    @Test("invisible and look-alike file names are refused: U+200B-U+200D, U+2060, U+FEFF, U+00AD, U+3164, spaces; letters of any script are not")
    func invisibleNames() throws {
        // A line separator (U+2028) is a control to the terminal's owner, and refused as one.
        #expect(PackageFiles.problem(withName: "poli\u{2028}cy.lua")?.contains("holds a control character (U+2028)") == true)
        for scalar in [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x3164, 0xFE0F, 0x034F, 0x0020, 0x00A0, 0x3000] {
            let name = "poli" + String(Unicode.Scalar(UInt32(scalar))!) + "cy.lua"
            let problem = PackageFiles.problem(withName: name) ?? ""
            #expect(problem.contains(String(format: "holds U+%04X, which may look like nothing or like another name", scalar)), "\(problem)")
        }
        for name in ["café.lua", "cafe\u{301}.lua", "日本.lua", "v1+2_x-y.lua", "Ωmega.json"] {
            #expect(PackageFiles.problem(withName: name) == nil, "\(name)")
        }
        // Two files that look alike, side by side: the folder is refused, the name said with nothing hidden.
        try withPackage { folder in
            try "return {}".write(toFile: folder + "/poli\u{200B}cy.lua", atomically: false, encoding: .utf8)
            #expect(refusal(folder).contains("holds U+200B, which may look like nothing"), "\(refusal(folder))")
        }
    }

    @Test("package text: a NUL, ESC, C1, DEL, bidi control or bytes that are not UTF-8 are refused, naming the file and the line; tab and CRLF are text, a lone CR is not")
    func text() throws {
        let hostile: [(String, Data, String)] = [
            ("policy.lua", Data("return {}\n-- a comment \u{0} hiding\nos.exit()\n".utf8), "policy.lua, line 2: holds a NUL (U+0000)"),
            ("policy.lua", Data("a\r\nb\r\n-- \u{1B}]52;c;aGk=\u{07}\n".utf8), "policy.lua, line 3: holds a control character (U+001B)"),
            ("policy.lua", Data("-- \u{9B}31m\n".utf8), "policy.lua, line 1: holds a control character (U+009B)"),
            ("policy.lua", Data("-- \u{85}\n".utf8), "policy.lua, line 1: holds a control character (U+0085)"),
            ("policy.lua", Data("--\n--\n-- \u{7F}".utf8), "policy.lua, line 3: holds a control character (U+007F)"),
            ("policy.lua", Data("x = 1 -- \u{202E} }\n".utf8), "policy.lua, line 1: holds a bidi control (U+202E)"),
            ("policy.lua", Data(("ok\n" + String(repeating: "x", count: 500) + "\u{2066}\n").utf8), "policy.lua, line 2: holds a bidi control (U+2066)"),
            ("cadence-policy.json", Data("{\n\n\u{1B}[2K}".utf8), "cadence-policy.json, line 3: holds a control character (U+001B)"),
            ("cadence-policy.sig", Data([0x2D, 0x0A, 0x41, 0x00]), "cadence-policy.sig, line 2: holds a NUL"),
            ("policy.lua", Data([0x2D, 0x2D, 0x0A, 0xFF, 0xFE, 0x0A]), "policy.lua, line 2: is not UTF-8 text"),
        ]
        for (name, data, expected) in hostile {
            let problem = PackageText.problem(in: data, name: name) ?? ""
            #expect(problem.hasPrefix(expected), "\(problem)")
            #expect(!problem.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "safe to print: \(problem.debugDescription)")
        }
        #expect(PackageText.problem(in: Data("a\tb\r\nc\r\nd\n".utf8), name: "policy.lua") == nil)
        // A lone CR: Lua reads a line break, a terminal writes over the line (code hidden under a comment).
        #expect(PackageText.problem(in: Data("ok()\nevil() \r-- a comment\n".utf8), name: "policy.lua")?
                    .hasPrefix("policy.lua, line 2: holds a carriage return not followed by a line feed") == true)
        // The tester's repro: a NUL in a Lua comment. The package is refused on reading, naming the file and the line.
        try withPackage { folder in
            try "return { name = 'nudge', plan = function() end }\n-- \u{0}\n".write(toFile: folder + "/policy.lua", atomically: true, encoding: .utf8)
            #expect(refusal(folder).hasSuffix("policy.lua, line 2: holds a NUL (U+0000), which makes the file look binary, so no diff would show it; "
                                              + "a package's files hold no control character but tab and line ends: refused"), "\(refusal(folder))")
        }
    }

    @Test("a configuration file that is a FIFO, a folder or too large is refused at once; a link to a plain file is read; none is nil")
    func configuration() throws {
        try withPackage { folder in
            let fifo = folder + "/.fifo"
            #expect(mkfifo(fifo, 0o600) == 0)
            let started = Date()
            for path in [fifo, folder] {
                #expect(throws: DomainError.self) { try PackageFiles.configuration(path, limit: 100) }
                #expect(throws: DomainError.self) { try AllowedSigners.load(path) }
                #expect(throws: DomainError.self) { try SharingSettings.load(from: path) }
            }
            #expect(Date().timeIntervalSince(started) < 2, "no read waited on the FIFO")
            do { _ = try SharingSettings.load(from: fifo) } catch {
                #expect("\(error)" == "\(fifo): is not a plain file (a folder, a FIFO, a device or a socket); it was not read")
            }
            try String(repeating: "#\n", count: 40 << 10).write(toFile: folder + "/.big", atomically: true, encoding: .utf8)
            do { _ = try SharingSettings.load(from: folder + "/.big") } catch {
                #expect("\(error)" == "\(folder)/.big: is 81920 bytes, more than the 65536 it may be; it was not read")
            }
            try "require-signatures = yes\n".write(toFile: folder + "/.settings", atomically: true, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: folder + "/.linked", withDestinationPath: folder + "/.settings")
            #expect(try SharingSettings.load(from: folder + "/.linked").requireSignatures)
            #expect(try PackageFiles.configuration(folder + "/.none", limit: 100) == nil)
        }
    }

    @Test("allowed_signers: a line that is not a signer is a warning naming the file and the line; the signers are kept; CRLF is a line end")
    func allowedSigners() throws {
        try withPackage { folder in
            let key = "AAAAC3NzaC1lZDI1NTE5AAAAIFQSL+sfDPozNuWppOikCLU1Hnk0d42mEPo4xeZsraZS"
            let lines = ["# trusted", "sam@example.org ssh-ed25519 \(key)\r", "", "garbage line", "bob@example.org ssh-ed25519 AAAAC3NzaC1lZDI1",
                         "eve@example.org \u{1B}[2K ssh-ed25519 \(key)", "ann@example.org namespaces=\"cadence-policy\" ssh-ed25519 \(key)"]
            try lines.joined(separator: "\n").write(toFile: folder + "/.signers", atomically: true, encoding: .utf8)
            let signers = try AllowedSigners.load(folder + "/.signers")
            #expect(signers.signers == ["sam@example.org ssh-ed25519 \(key)", "ann@example.org namespaces=\"cadence-policy\" ssh-ed25519 \(key)"])
            #expect(signers.warnings == [
                "\(folder)/.signers, line 4: 'garbage line' is not a signer (write: PRINCIPAL KEYTYPE KEY, such as you@example.org ssh-ed25519 AAAA…); ignored",
                "\(folder)/.signers, line 5: the ssh-ed25519 key of 'bob@example.org' is not a whole key (copy the line from the signer's .pub file again); ignored",
                "\(folder)/.signers, line 6: 'eve@example.org \\u{1b}[2K ssh-ed25519 \(key.prefix(27))…' holds a control character (U+001B); ignored",
            ], "\(signers.warnings)")
        }
    }
}
