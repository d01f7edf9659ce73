import Foundation
import Testing

/// Installed like any other tool: the binary finds its Lua library where
/// `make install` puts it, and a copy without it says so in one line.
@Suite("Install anywhere")
struct InstallTests {
    let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("cadence-prefix-\(UUID().uuidString)").path
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("cadence-home-\(UUID().uuidString)").path
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func run(_ executable: String, _ arguments: [String]) throws -> Commands.Result {
        try Commands.run("/usr/bin/env", ["-i", "HOME=\(home)", "PATH=/usr/bin:/bin", executable] + arguments)
    }

    @Test("tools/install lays out the binary, its library, completions and man page; the installed binary works from anywhere")
    func installed() throws {
        let install = try Commands.run(Self.repository.appendingPathComponent("tools/install").path, [Commands.cadenceURL.path, prefix])
        #expect(install.status == 0, "\(install.error)")
        for file in ["share/cadence/Scripts/cadence/init.lua", "share/bash-completion/completions/cadence",
                     "share/zsh/site-functions/_cadence", "share/fish/vendor_completions.d/cadence.fish", "share/man/man1/cadence.1"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: prefix + "/" + file)[.size] as? Int) ?? 0
            #expect(size > 0, "\(file)")
        }
        let cadence = prefix + "/bin/cadence"
        let created = try run(cadence, ["init"])
        #expect(created.status == 0 && created.output.contains("with cadence.lua"), "\(created.error)")
        #expect(FileManager.default.fileExists(atPath: home + "/.local/share/cadence/cadence.lua"))
        _ = try run(cadence, ["candidate", "add", "Jo", "--time-zone", "Europe/London"])
        #expect(try run(cadence, ["agenda", "--json"]).decoded(as: [Printed.AgendaItem].self).isEmpty)
        let script = try run(cadence, ["run", "-e", "print(#require('cadence').apps())"])
        #expect(script.output == "0\n", "\(script.error)")
    }

    @Test("a copied binary without its library says so in one line, and init writes nothing")
    func lone() throws {
        let folder = prefix + "/lone"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Commands.cadenceURL.path, toPath: folder + "/cadence")
        for arguments in [["init"], ["agenda"], ["repl"]] {
            let result = try run(folder + "/cadence", arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.error == "cadence: Cadence's Lua library is not installed beside this binary (expected "
                + "../share/cadence/Scripts); install with 'make install', or set CADENCE_SCRIPTS to a clone's Scripts folder\n",
                    "\(arguments): \(result.error)")
        }
        #expect(!FileManager.default.fileExists(atPath: home + "/.local/share/cadence"))
        // Plain Lua needs no library.
        #expect(try run(folder + "/cadence", ["run", "-e", "print(1 + 1)"]).output == "2\n")
    }
}
