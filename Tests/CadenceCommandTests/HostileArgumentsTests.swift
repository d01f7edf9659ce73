import Foundation
import Testing

/// Hostile text typed on the command line, and workspace text leaving as
/// data: a usage error quotes what was typed, escaped; an export is exact
/// data for a file or a pipe, and never acts on a terminal.
@Suite("Hostile arguments and exports")
struct HostileArgumentsTests: WorkspaceSuite {
    let directory = Self.folder("hostile-arguments")

    static let typed = "n\u{1B}]52;c;aGk=\u{07}\u{9B}31m\u{202E}\u{85}\r\nError: forged"

    @Test("a usage error quoting an argument, an option's name or a bad value shows it escaped, exit 64, usage as before")
    func usageErrors() throws {
        try createdWithCandidate()
        for arguments in [["policy", "show", Self.typed, "extra\u{1B}[2K"], ["app", "list", "--x\u{1B}[2K\u{202E}\nError: forged"],
                          ["agenda", "--days", Self.typed], ["app", "add", "--\(Self.typed)=1", "a", "b"]] {
            let failed = try Commands.cadence(arguments + ["--workspace", directory])
            #expect(failed.status == 64, "\(arguments.debugDescription): \(failed.status) \(failed.error)")
            #expect(HostileTextTests.inert(failed.error) && failed.output.isEmpty, "\(failed.error.debugDescription)")
            #expect(failed.error.hasPrefix("Error: "), "\(failed.error)")
            #expect(failed.error.split(separator: "\n").filter { $0.hasPrefix("Error:") }.count == 1, "\(failed.error)")
            #expect(failed.error.contains("\nUsage: cadence "), "\(failed.error)")
        }
        let days = try cadence("agenda", "--days", Self.typed)
        // The CRLF is one line break, kept, and the line after it indented.
        #expect(days.error.hasPrefix("Error: The value 'n\\u{1b}]52;c;aGk=\\u{7}\\u{9b}31m\\u{202e}\\u{85}\n  Error: forged' is invalid for '--days <days>'\n"),
                "\(days.error)")
    }

    @Test("help and version print as ArgumentParser prints them, exit 0")
    func help() throws {
        let help = try Commands.cadence(["--help"])
        #expect(help.status == 0 && help.error.isEmpty)
        #expect(help.output.hasPrefix("OVERVIEW: A workbench for a job search, scripted in Lua 5.4.\n"), "\(help.output)")
        #expect(help.output.contains("\nUSAGE: cadence <subcommand>\n"))
        let sub = try Commands.cadence(["app", "add", "--help"])
        #expect(sub.status == 0 && sub.output.contains("USAGE: cadence app add"), "\(sub.output)")
        let version = try Commands.cadence(["--version"])
        #expect(version.status == 0 && version.output == "cadence 0.1.0 (Lua 5.4)\n", "\(version.output.debugDescription)")
        let missing = try Commands.cadence(["app", "add"])
        #expect(missing.status == 64 && missing.error.hasPrefix("Error: Missing expected argument '<company>'\n"), "\(missing.error)")
    }

    static let company = "Evil\u{1B}]52;c;aGk=\u{07}\u{9B}31m\u{85}\u{202E}\u{2028}Corp\r\n\tx"

    @Test("export: JSON escapes controls and bidi as \\u and round-trips; CSV to a file or a pipe is exact, to a terminal refused")
    func export() throws {
        try createdWithCandidate()
        #expect(try cadence("app", "add", Self.company, "Analyst", "--applied", "2026-03-01").status == 0)
        let json = try cadence("export")
        #expect(json.status == 0 && HostileTextTests.inert(json.output), "\(json.output.debugDescription)")
        #expect(json.output.contains("\\u009b") && json.output.contains("\\u0085") && json.output.contains("\\u202e") && json.output.contains("\\u2028"))
        let snapshot = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(snapshot["applications"] != nil && json.output.contains("\"Evil\\u001b]52;c;aGk=\\u0007\\u009b31m\\u0085\\u202e\\u2028Corp\\r\\n\\tx\""),
                "\(json.output)")
        // The export reads back: a fresh workspace imports it and holds the same company.
        let file = directory + "/export.json"
        try json.output.write(toFile: file, atomically: true, encoding: .utf8)
        let other = Self.folder("hostile-arguments-import")
        _ = try Commands.cadence(["init", other])
        #expect(try Commands.cadence(["import", file, "--workspace", other]).status == 0)
        let listed = try Commands.cadence(["app", "list", "--json", "--workspace", other])
        let apps = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        #expect(apps.contains { $0["company"] as? String == Self.company }, "\(listed.output)")

        // CSV through a pipe: the exact text, for a spreadsheet.
        let csv = try cadence("export", "--format", "csv")
        #expect(csv.status == 0 && csv.output.unicodeScalars.starts(with: "\u{FEFF}id,".unicodeScalars))
        #expect(csv.output.contains("\"Evil\u{1B}]52;c;aGk=\u{07}\u{9B}31m\u{85}\u{202E}\u{2028}Corp\r\n\tx\""), "\(csv.output.debugDescription)")
        // CSV to a terminal (script(1) gives it one): refused with a sentence, nothing written.
        let tty = try Commands.run("/usr/bin/script", ["-qec", "'\(Commands.cadenceURL.path)' export --format csv --workspace '\(directory)'", "/dev/null"])
        #expect(tty.status == 1, "\(tty.status) \(tty.output.debugDescription)")
        #expect(tty.output.contains("cadence: export writes data, not text to read: redirect it to a file or use -o FILE"), "\(tty.output)")
        #expect(!tty.output.contains("Evil"), "\(tty.output)")
        let out = directory + "/apps.csv"
        #expect(try cadence("export", "--format", "csv", "-o", out).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(csv.output.utf8))
    }
}
