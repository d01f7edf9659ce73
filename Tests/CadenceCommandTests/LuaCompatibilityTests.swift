import Foundation
import Testing

/// `cadence run FILE` must behave exactly as `lua5.4 FILE`.
@Suite("cadence run behaves as lua5.4")
struct LuaCompatibilityTests {
    static let scripts = ["strings-and-numbers.lua", "coroutines-and-errors.lua"]

    /// Addresses differ between runs; nothing else may.
    func normalized(_ text: String) -> String {
        text.replacingOccurrences(of: "0x[0-9a-f]+", with: "0xADDR", options: .regularExpression)
    }

    @Test("same standard output, status and error text as lua5.4", arguments: scripts)
    func sameOutput(script: String) throws {
        let path = Commands.compatibilityScript(script)
        let lua = try Commands.run("/usr/bin/lua5.4", [path, "first", "second"])
        let cadence = try Commands.cadence(["run", path, "first", "second"])
        #expect(normalized(cadence.output) == normalized(lua.output))
        #expect(cadence.status == lua.status)
    }

    @Test("a failing script's stderr is lua5.4's, but for the program name")
    func sameErrorReport() throws {
        let script = try Commands.temporaryScript("local function f() error('boom') end\nf()\n")
        let lua = try Commands.run("/usr/bin/lua5.4", [script])
        let cadence = try Commands.cadence(["run", script])
        #expect(cadence.error == lua.error.replacingOccurrences(of: "/usr/bin/lua5.4: ", with: "cadence: "))
        #expect(cadence.status == lua.status)
    }

    @Test("-l is lua5.4's: the global, g=module, a module holding itself, and require's errors word for word",
          arguments: ["shapes", "g=shapes", "=shapes", "nosuch", "g=", "broken", "gives-nothing"])
    func requireOption(spec: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadence-l-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "local M = { name = 'shapes' }\nM.__index = M\nreturn M\n".write(toFile: folder + "/shapes.lua", atomically: true, encoding: .utf8)
        try "error('broken on load')\n".write(toFile: folder + "/broken.lua", atomically: true, encoding: .utf8)
        try "x = 1\n".write(toFile: folder + "/gives-nothing.lua", atomically: true, encoding: .utf8)
        // From the modules' folder: require looks in ./ first.
        let probe = "for _, k in ipairs{'shapes', 'g', '', 'gives-nothing'} do local v = rawget(_G, k) print(k, type(v), type(v) == 'table' and v.__index == v) end"
        func run(_ program: String) throws -> Commands.Result {
            try Commands.run("/bin/sh", ["-c", "cd '\(folder)' && exec \(program) -l '\(spec)' -e \"\(probe)\""])
        }
        let lua = try run("/usr/bin/lua5.4")
        let cadence = try run("'\(Commands.cadenceURL.path)' run --workspace /nonexistent/cadence-workspace")
        #expect(cadence.output == lua.output)
        #expect(cadence.error == lua.error.replacingOccurrences(of: "/usr/bin/lua5.4: ", with: "cadence: "))
        #expect(cadence.status == lua.status)
    }

    @Test("without a workspace, the library a script sees is lua5.4's: package.path, preload, globals")
    func untouchedLibrary() throws {
        let probe = """
            local names = {} for k in pairs(_G) do names[#names + 1] = k end table.sort(names)
            print(package.path) print(package.cpath) print(table.concat(names, ' '))
            """
        let lua = try Commands.run("/usr/bin/lua5.4", ["-e", probe])
        let cadence = try Commands.cadence(["run", "--workspace", "/nonexistent/cadence-workspace", "-e", probe])
        #expect(cadence.output == lua.output)
    }

    @Test("an error exits 1 with the message and traceback on stderr")
    func errorReport() throws {
        let script = try Commands.temporaryScript("local x = 1\nerror('boom')\n")
        let result = try Commands.cadence(["run", script])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(result.error.hasPrefix("cadence: \(script):2: boom\nstack traceback:\n\t[C]: in function 'error'\n"))
        #expect(result.error.contains("\(script):2: in main chunk"))
    }

    @Test("a syntax error exits 1 naming the file and line")
    func syntaxError() throws {
        let script = try Commands.temporaryScript("print('ok')\nx = = 2\n")
        let result = try Commands.cadence(["run", script])
        #expect(result.status == 1)
        #expect(result.error == "cadence: \(script):2: unexpected symbol near '='\n")
    }

    @Test("-e runs chunks, '-' reads the script from standard input, arg is numbered as lua.c numbers it")
    func options() throws {
        let chunk = try Commands.cadence(["run", "-e", "print(1 + 1)"])
        #expect(chunk.output == "2\n")
        let piped = try Commands.cadence(["run", "-", "a", "b"], input: "print(arg[0], arg[1], ...)")
        #expect(piped.output == "-\ta\ta\tb\n")
        let script = try Commands.temporaryScript("#!/usr/bin/env lua5.4\nprint(select('#', ...), arg[0] == ..., arg[2])")
        let args = try Commands.cadence(["run", script, "x", "--flag"])
        #expect(args.output == "2\tfalse\t--flag\n")
    }

    @Test("finalizers run when the script ends, as lua5.4 closes its state")
    func finalizersAtExit() throws {
        let result = try Commands.cadence(["run", "-e", "x = setmetatable({}, { __gc = function() print('bye') end })"])
        #expect(result.output == "bye\n")
    }

    @Test("--sandbox refuses io and stops an endless loop with a clear error")
    func sandbox() throws {
        let io = try Commands.cadence(["run", "--sandbox", "-e", "io.write('x')"])
        #expect(io.status == 1)
        #expect(io.error.hasPrefix("cadence: (command line):1: attempt to index a nil value (global 'io')"))
        let loop = try Commands.cadence(["run", "--sandbox", "--instruction-limit", "100000", "-e", "while true do end"])
        #expect(loop.status == 1)
        #expect(loop.error.hasPrefix("cadence: (command line):1: instruction limit exceeded (100000 instructions)"))
        let time = try Commands.cadence(["run", "--time-limit", "0.2", "-e", "while true do end"])
        #expect(time.error.hasPrefix("cadence: (command line):1: time limit exceeded (0.2 seconds)"))
        let memory = try Commands.cadence(["run", "--sandbox", "--memory-limit", "8M", "-e", "local t = {} for i = 1, 1e9 do t[i] = i end"])
        #expect(memory.error.hasPrefix("cadence: memory limit exceeded (8388608 bytes)"))
    }

    @Test("child processes see the signal dispositions they see under lua5.4")
    func childSignals() throws {
        let probe = "os.execute('grep -E \"^Sig(Ign|Cgt)\" /proc/self/status')"
        let lua = try Commands.run("/usr/bin/lua5.4", ["-e", probe])
        let cadence = try Commands.cadence(["run", "-e", probe])
        #expect(cadence.output == lua.output)
    }

    @Test("Ctrl-C interrupts the running script with status 130")
    func interrupt() throws {
        let script = try ChildProcess(Commands.cadenceURL.path,
            ["run", "-e", "io.write('ready\\n') io.flush() while true do pcall(function() while true do end end) end"])
        let ready = Date().addingTimeInterval(30)
        while script.output.isEmpty && script.isRunning && Date() < ready { usleep(2_000) }
        script.signal(SIGINT)
        // Never hang the suite: a process still running after 10 s fails the test.
        let finished = script.wait(timeLimit: 10)
        #expect(finished.status == 130)
        let message = finished.error
        #expect(message.contains("interrupted"))
    }

    @Test("--help and --version answer")
    func help() throws {
        #expect(try Commands.cadence(["--version"]).output.hasPrefix("cadence "))
        #expect(try Commands.cadence(["--help"]).output.contains("run"))
        #expect(try Commands.cadence(["run", "--help"]).output.contains("--sandbox"))
        let bad = try Commands.cadence(["run", "--memory-limit", "lots", "-e", "x"])
        #expect(bad.status != 0 && bad.error.contains("--memory-limit"))
    }

    @Test("a chain of coroutine.close whose __close handlers nest pcalls cannot crash 5.4.4: it ends in a Lua error")
    func closeChain() throws {
        let script = Commands.compatibilityScript("close_chain.lua")
        for mode in [["--sandbox"], []] {
            let result = try Commands.cadence(["run"] + mode + [script])
            #expect(result.status == 0 && result.output == "true\ttrue\n", "\(mode): \(result.status) \(result.output)\(result.error.prefix(300))")
        }
    }

    @Test("a script's limits end with it: a result or an error value made of shared subtables is not copied without bound")
    func sharedSubtables() throws {
        let returned = try Commands.temporaryScript("local t = {} for i = 1, 40 do t = { t, t } end return t")
        let raised = try Commands.temporaryScript("local t = {} for i = 1, 40 do t = { t, t } end error(t)")
        let limits = ["run", "--sandbox", "--memory-limit", "1M", "--time-limit", "1"]
        let ok = try Commands.run(Commands.cadenceURL.path, limits + [returned], timeLimit: 20)
        #expect(ok.status == 0 && ok.error.isEmpty, "\(ok.error)")
        let failed = try Commands.run(Commands.cadenceURL.path, limits + [raised], timeLimit: 20)
        #expect(failed.status == 1 && failed.error.hasPrefix("cadence: (error object is a table value)"), "\(failed.error)")
    }
}