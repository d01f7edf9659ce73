import ArgumentParser
import Dispatch
import LuaBinding

#if canImport(Glibc)
import Glibc
#endif

/// `cadence run`: runs a Lua script as `lua5.4` would, or in the sandbox.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Lua script, as lua5.4 runs it.",
        discussion: """
            The script gets the standard Lua 5.4 library, the 'arg' table and its \
            arguments as '...', exactly as under lua5.4. Use '-' to read the script \
            from standard input. With --sandbox, it runs without io, os (but time and \
            date), debug, require or bytecode, under memory, instruction and time limits.

            In trusted mode, require "cadence" gives the script your workspace; its \
            writes land together when it ends, and an error undoes all of them.

            Exit status: 0 on success, 1 on an error (message and traceback on stderr), \
            130 when interrupted with Ctrl-C.
            """
    )

    @Option(name: .customShort("e"), help: ArgumentHelp("Run CHUNK before the script (repeatable).", valueName: "chunk"))
    var chunks: [String] = []

    @Option(name: .customShort("l"), help: ArgumentHelp("Require MODULE into the global of the same name, or g=MODULE (repeatable).", valueName: "module"))
    var modules: [String] = []

    @Flag(name: .customShort("W"), help: "Turn warnings on.")
    var warnings = false

    @Flag(help: "Run in the sandbox profile (for scripts you have not reviewed).")
    var sandbox = false

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(help: ArgumentHelp("Memory limit, such as 64M or 1G (sandbox default: 64M).", valueName: "size"))
    var memoryLimit: String?

    @Option(help: ArgumentHelp("Lua instructions the script may run (sandbox default: 100000000).", valueName: "count"))
    var instructionLimit: Int64?

    @Option(help: ArgumentHelp("Seconds the script may run (sandbox default: 10).", valueName: "seconds"))
    var timeLimit: Double?

    @Option(name: .customLong("output-limit"), help: ArgumentHelp("With --sandbox: bytes of output and errors relayed before the script is stopped (default: 64M).", valueName: "size"))
    var outputLimitText: String?

    @Argument(help: ArgumentHelp("The script; '-' reads it from standard input.", valueName: "script"))
    var scriptPath: String?

    // Everything after the script is the script's, options included.
    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("Arguments for the script (its '...' and arg[1...]).", valueName: "args"))
    var scriptArguments: [String] = []

    /// The script followed by its arguments, as lua.c sees them.
    var script: [String] { scriptPath.map { [$0] + scriptArguments } ?? [] }

    func validate() throws {
        if let memoryLimit, ByteSize.parse(memoryLimit) == nil {
            throw ValidationError("--memory-limit: '\(memoryLimit)' is not a size (try 64M or 1G)")
        }
        if let outputLimitText, ByteSize.parse(outputLimitText) == nil {
            throw ValidationError("--output-limit: '\(outputLimitText)' is not a size (try 64M or 1G)")
        }
        if let instructionLimit, instructionLimit <= 0 { throw ValidationError("--instruction-limit must be positive") }
        if let timeLimit, !(timeLimit > 0 && timeLimit <= LuaLimits.longestSeconds) {
            throw ValidationError("--time-limit: \(timeLimit) is not a number of seconds above 0 and at most \(Int(LuaLimits.longestSeconds)) (a week)")
        }
    }

    func run() throws {
        let status = StandaloneInterpreter(options: self).execute()
        fflush(nil)
        throw ExitCode(status)
    }

    /// What a sandboxed script may print (output and errors together) through its host.
    var outputLimit: Int { outputLimitText.flatMap(ByteSize.parse) ?? 64 << 20 }

    var limits: LuaLimits {
        var limits = sandbox ? LuaLimits.sandboxDefault : LuaLimits.none
        if let memoryLimit { limits.memory = ByteSize.parse(memoryLimit) }
        if let instructionLimit { limits.instructions = instructionLimit }
        if let timeLimit { limits.seconds = timeLimit }
        return limits
    }
}

/// "64M" -> 67108864.
enum ByteSize {
    static func parse(_ text: String) -> Int? {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var digits = Substring(text.uppercased())
        if digits.hasSuffix("IB") { digits = digits.dropLast(2) } else if digits.hasSuffix("B") { digits = digits.dropLast() }
        var scale = 1
        if let last = digits.last, let unit = units[last] {
            scale = unit
            digits = digits.dropLast()
        }
        guard let value = Int(digits), value > 0 else { return nil }
        return value.multipliedReportingOverflow(by: scale).overflow ? nil : value * scale
    }
}
