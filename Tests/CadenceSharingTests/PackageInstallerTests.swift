import CadenceCore
import CadenceSharing
import Foundation
import Testing

@Suite("Installing and packing packages, without the command line")
struct PackageInstallerTests {
    static let manifest = """
        { "name": "weekly-nudge", "version": "1.0.0", "author": "Sam Lee <sam@example.org>", "licence": "MIT",
          "summary": "A note each week", "cadence": 1, "reads": { "application": ["company"] }, "proposes": ["status"],
          "options": { "weeks": { "type": "integer", "default": 5, "doc": "how many weeks" } } }
        """

    /// A workspace folder and a package folder beside it, removed afterwards.
    func withFolders(_ body: (_ workspace: String, _ package: String, _ scratch: String) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cadence-installer-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for folder in ["workspace", "package", "scratch"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        try Self.manifest.write(toFile: root + "/package/cadence-policy.json", atomically: true, encoding: .utf8)
        try "return { name = 'nudge', plan = function() return {} end }\n".write(toFile: root + "/package/policy.lua", atomically: true, encoding: .utf8)
        try body(root + "/workspace", root + "/package", root + "/scratch")
    }

    @Test("prepare writes nothing to the workspace; install pins what it prepared")
    func prepareThenInstall() throws {
        try withFolders { workspace, package, scratch in
            let installer = PackageInstaller(workspace: workspace)
            let prepared = try installer.prepare(package, options: ["weeks": "3"], acceptReads: false, scratch: scratch)
            #expect(prepared.verdict == .unsigned && prepared.source == package && prepared.dropped.isEmpty)
            #expect(FileManager.default.fileExists(atPath: prepared.copy + "/policy.lua"))
            #expect(try installer.lock.entries().isEmpty)
            let entry = try installer.install(prepared, limits: .standard, today: try LocalDate(iso: "2026-03-02"))
            #expect(entry.options == ["weeks": "3"] && entry.installed == "2026-03-02")
            #expect(try installer.lock.verified("weekly-nudge").1 == entry)
        }
    }

    @Test("an unknown option and a source that is nothing are the request's mistakes")
    func requests() throws {
        try withFolders { workspace, package, scratch in
            let installer = PackageInstaller(workspace: workspace)
            let unknown = #expect(throws: PackageInstaller.Problem.self) {
                try installer.prepare(package, options: ["days": "3"], acceptReads: false, scratch: scratch)
            }
            #expect(unknown.map { "\($0)" } == "weekly-nudge has no option 'days' (its options: weeks)")
            let nothing = #expect(throws: PackageInstaller.Problem.self) {
                try PackageInstaller.fetch(package + "/missing", into: scratch)
            }
            guard case .request(let text)? = nothing else { Issue.record("not a request: \(String(describing: nothing))"); return }
            #expect(text.hasSuffix("missing: no such folder or file (a package is a folder, a .lua file, or a git repository URL)"))
        }
    }

    @Test("reading more than the version installed needs consent")
    func widenedReads() throws {
        try withFolders { workspace, package, scratch in
            let installer = PackageInstaller(workspace: workspace)
            try installer.install(try installer.prepare(package, options: [:], acceptReads: false, scratch: scratch),
                                  limits: .standard, today: try LocalDate(iso: "2026-03-02"))
            // A new version: other files under the same version are refused before what they read is weighed.
            let wider = Self.manifest.replacingOccurrences(of: "[\"company\"]", with: "[\"company\", \"role\"]")
                .replacingOccurrences(of: "\"1.0.0\"", with: "\"1.1.0\"")
            try wider.write(toFile: package + "/cadence-policy.json", atomically: true, encoding: .utf8)
            let refused = #expect(throws: PackageInstaller.Problem.self) {
                try installer.prepare(package, options: [:], acceptReads: false, scratch: scratch)
            }
            guard case .refusal(let text)? = refused else { Issue.record("not a refusal: \(String(describing: refused))"); return }
            #expect(text.contains("reads more than the version installed: application.role"))
            #expect(try installer.prepare(package, options: [:], acceptReads: true, scratch: scratch).package.manifest.reads["application"] == ["company", "role"])
        }
    }

    @Test("a name or version ending in a newline or CRLF (a pattern's $ lets it by) is refused, said with escapes; nothing is written")
    func newlineInNameOrVersion() throws {
        for (from, to) in [("\"weekly-nudge\"", "\"weekly-nudge\\n\""), ("\"1.0.0\"", "\"1.0.0\\n\""), ("\"1.0.0\"", "\"1.0.0\\r\\n\"")] {
            try withFolders { workspace, package, scratch in
                try Self.manifest.replacingOccurrences(of: from, with: to).write(toFile: package + "/cadence-policy.json", atomically: true, encoding: .utf8)
                let installer = PackageInstaller(workspace: workspace)
                let refused = #expect(throws: (any Error).self, "\(to)") {
                    try installer.prepare(package, options: [:], acceptReads: false, scratch: scratch)
                }
                let said = refused.map { "\($0)" } ?? ""
                #expect(!said.unicodeScalars.contains { $0.value < 0x20 }, "\(said.debugDescription)")
                #expect(try installer.lock.entries().isEmpty)
                #expect(!FileManager.default.fileExists(atPath: workspace + "/packages"))
            }
        }
    }

    @Test("a draft's manifest lists what its recorded tests saw it propose, sorted")
    func draft() throws {
        #expect(PackageDraft.packageName(for: "Weekly  nudge (after interviews)!") == "weekly-nudge-after-interviews")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadence-draft-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var draft = PackageDraft(name: "weekly-nudge", version: "1.0.0", licence: "MIT", author: "Sam Lee <sam@example.org>",
                                 summary: "A note each week", rules: [], reads: ["application": ["company"]], proposes: [],
                                 select: "nudge", folder: folder)
        try draft.create(code: Array("return {}\n".utf8))
        #expect(try PolicyPackage(at: folder).manifest.proposes == ["follow-up"])
        try draft.record(tests: "return {}\n", proposing: ["thank-you", "status"])
        let package = try PolicyPackage(at: folder)
        #expect(package.manifest.proposes == ["status", "thank-you"] && package.manifest.select == "nudge")
        #expect(package.manifest.tests == "tests.lua")
    }
}
