import CIsolation
import Foundation

/// A program Cadence runs on the user's behalf (git, ssh-keygen): found on
/// PATH, given its input, waited for at most `seconds`.
public struct Subprocess {
    public var status: Int32
    public var output: String
    public var errors: String

    /// A program that could not be found, started or waited for, in words.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    public static func run(_ program: String, _ arguments: [String], input: String = "", seconds: Double = 120) throws -> Subprocess {
        guard let path = find(program) else {
            throw Failure("\(program) is not installed (Debian: apt install \(program == "ssh-keygen" ? "openssh-client" : program))")
        }
        var outcome = ci_outcome()
        let started = withArgv([program] + arguments) { argv in
            input.utf8CString.withUnsafeBufferPointer { bytes in
                ci_run_worker(path, argv, bytes.baseAddress, bytes.count - 1, seconds, 16 << 20, &outcome)
            }
        }
        guard started == 0 else { throw Failure("\(program) could not start: \(String(cString: strerror(errno)))") }
        defer { ci_outcome_free(&outcome) }
        if outcome.timed_out != 0 { throw Failure("\(program) did not finish within \(Int(seconds)) s") }
        return Subprocess(status: outcome.exit_status,
                          output: String(decoding: Data(bytes: outcome.output, count: outcome.output_size), as: UTF8.self),
                          errors: String(decoding: Data(bytes: outcome.errors, count: outcome.errors_size), as: UTF8.self))
    }

    /// `words` as C's argv (each a NUL-terminated copy, then a NULL), for `body` alone.
    static func withArgv<T>(_ words: [String], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> T) -> T {
        var argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        return argv.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
    }

    /// How a program run on this process's own terminal ended.
    public struct Ending: Sendable {
        public var status: Int32?
        public var signal: Int32?
        public var timedOut: Bool
    }

    /// Runs `executable` on this process's standard input, output and error
    /// (nothing else of this process reaches it), with `variable`
    /// ("NAME=value") added to its environment; kills it after `seconds`.
    public static func runAttached(_ executable: String, _ arguments: [String], adding variable: String,
                                   seconds: Double) throws -> Ending {
        var outcome = ci_outcome()
        let started = withArgv([executable] + arguments) { argv in ci_run_attached(executable, argv, variable, seconds, &outcome) }
        guard started == 0 else { throw Failure(String(cString: strerror(errno))) }
        return Ending(status: outcome.exit_status >= 0 ? outcome.exit_status : nil,
                      signal: outcome.signal != 0 ? outcome.signal : nil, timedOut: outcome.timed_out != 0)
    }

    static func find(_ program: String) -> String? {
        if program.contains("/") { return program }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
