import Foundation
import Testing

/// `cadence run --sandbox` has no terminal: the host relays its input and
/// output through pipes, up to an output limit, and passes Ctrl-C on.
@Suite("Sandbox without a terminal")
struct SandboxTerminalTests {
    @Test("on a pseudo-terminal, the sandboxed process has no controlling terminal, its own session and pipes for 0-2; Ctrl-C still stops it")
    func noTerminal() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadence-sandbox-terminal-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Terminal/sandbox_session.py").path
        let result = try Commands.run("/usr/bin/env", ["python3", script, Commands.cadenceURL.path, folder], timeLimit: 60)
        #expect(result.status == 0 && result.output == "ok\n", "\(result.output)\(result.error)")
    }

    @Test("its input is relayed when the script is read from it, and its output and exit status are its own")
    func relayed() throws {
        let read = try Commands.cadence(["run", "--sandbox", "-"], input: "print('from stdin', 6 * 7)\n")
        #expect(read.status == 0 && read.output == "from stdin\t42\n", "\(read.output)\(read.error)")
        // With no script and no -e, standard input is the script, as under lua5.4 (read before the walls go up).
        let implicit = try Commands.cadence(["run", "--sandbox"], input: "print('implicit', 1 + 1)\n")
        #expect(implicit.status == 0 && implicit.output == "implicit\t2\n", "\(implicit.output)\(implicit.error)")
        let failed = try Commands.cadence(["run", "--sandbox", "-e", "print('before') error('stop')"])
        #expect(failed.status == 1 && failed.output == "before\n" && failed.error.hasPrefix("cadence: (command line):1: stop"), "\(failed.error)")
    }

    @Test("hostile output is relayed byte for byte, as lua5.4 prints it: ESC, OSC 52, CR, CRLF, C1, bidi, NUL and 500 characters")
    func bytes() throws {
        let text = "\u{1B}]52;c;aGk=\u{07}\u{1B}[2K\rCR\r\nCRLF\u{85}\u{9B}\u{202E}\u{2066}\u{200F}" + String(repeating: "x", count: 500)
        let escaped = text.unicodeScalars.map { String(format: "\\u{%X}", $0.value) }.joined()
        let script = try Commands.temporaryScript("local s = \"\(escaped)\" print(s .. \"\\0end\")")
        let printed = try Commands.cadence(["run", "--sandbox", script])
        #expect(printed.status == 0, "\(printed.error)")
        #expect(Array(printed.output.utf8) == Array((text + "\u{0}end\n").utf8))
    }

    @Test("past its output limit the script is stopped, what it printed is cut there, and the message says so")
    func outputLimit() throws {
        let flood = try Commands.cadence(["run", "--sandbox", "--output-limit", "1K", "-e", "for i = 1, 1000 do print(string.rep('x', 99)) end"])
        #expect(flood.status == 1)
        #expect(flood.output.utf8.count == 1024 && flood.output.utf8.allSatisfy { $0 == UInt8(ascii: "x") || $0 == 10 })
        #expect(flood.error == "cadence: the sandboxed script printed more than its output limit (1024 bytes) and was stopped; what it printed was cut there\n",
                "\(flood.error)")
        let within = try Commands.cadence(["run", "--sandbox", "--output-limit", "1K", "-e", "print(string.rep('y', 1000))"])
        #expect(within.status == 0 && within.output.utf8.count == 1001)
        let bad = try Commands.cadence(["run", "--sandbox", "--output-limit", "lots", "-e", "print(1)"])
        #expect(bad.status != 0 && bad.error.contains("--output-limit: 'lots' is not a size"), "\(bad.error)")
    }

    @Test("output to a pipe nobody reads any more ends the script at once, by SIGPIPE, as under lua5.4")
    func closedPipe() throws {
        let started = Date()
        let piped = try Commands.run("/bin/bash", ["-c", "'\(Commands.cadenceURL.path)' run --sandbox -e 'for i = 1, 1e9 do print(i) end' | head -1; "
            + "echo \"${PIPESTATUS[@]}\""])
        #expect(piped.output == "1\n141 0\n", "\(piped.output)\(piped.error)")
        #expect(piped.error.isEmpty, "\(piped.error)")
        #expect(Date().timeIntervalSince(started) < 8, "it ran on to its time limit")
    }
}
