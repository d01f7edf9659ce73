import CIsolation
import Foundation

/// A program Cadence runs on the user's behalf (git, ssh-keygen): found on
/// PATH, given its input, waited for at most `seconds`, its process group
/// killed past them.
public struct Subprocess {
    public var status: Int32
    public var output: String
    public var errors: String

    /// A program that could not be found, started or waited for, in words.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    /// `detached`: in a session of its own, with no terminal and prompts
    /// off, for a program that must never wait on the user (git fetching a
    /// URL someone gave: a credential prompt would hang the command, or
    /// hand a password to a host the user did not mean). Otherwise it keeps
    /// the terminal (ssh-keygen asks for a key's passphrase there). By
    /// default git is detached: Cadence runs it only on a package's folder or
    /// URL, and it never needs the user.
    public static func run(_ program: String, _ arguments: [String], input: String = "", seconds: Double = 120,
                           detached: Bool? = nil) throws -> Subprocess {
        let detached = detached ?? (program == "git")
        guard let path = find(program) else {
            throw Failure("\(program) is not installed (Debian: apt install \(program == "ssh-keygen" ? "openssh-client" : program))")
        }
        var outcome = ci_outcome()
        let environment = detached ? promptless(ProcessInfo.processInfo.environment) : ProcessInfo.processInfo.environment
        let started = withArgv([program] + arguments) { argv in
            withArgv(environment.map { "\($0.key)=\($0.value)" }) { env in
                input.utf8CString.withUnsafeBufferPointer { bytes in
                    ci_run_worker(path, argv, env, Int32(detached ? CI_DETACHED : CI_HELPER), bytes.baseAddress, bytes.count - 1,
                                  seconds, 16 << 20, &outcome)
                }
            }
        }
        guard started == 0 else { throw Failure("\(program) could not start: \(String(cString: strerror(errno)))") }
        defer { ci_outcome_free(&outcome) }
        if outcome.timed_out != 0 { throw Failure("\(program) did not finish within \(Int(seconds)) s, and was stopped") }
        return Subprocess(status: outcome.exit_status,
                          output: String(decoding: Data(bytes: outcome.output, count: outcome.output_size), as: UTF8.self),
                          errors: String(decoding: Data(bytes: outcome.errors, count: outcome.errors_size), as: UTF8.self))
    }

    /// `environment` with every way git (and the ssh it runs) could ask the
    /// user something turned off: no terminal prompt, no askpass program
    /// (an empty GIT_ASKPASS also hides core.askPass and SSH_ASKPASS from
    /// git), no credential manager dialogue. Its input is empty already.
    static func promptless(_ environment: [String: String]) -> [String: String] {
        var quiet = environment
        quiet["GIT_TERMINAL_PROMPT"] = "0"
        quiet["GIT_ASKPASS"] = ""
        quiet["SSH_ASKPASS"] = nil
        quiet["SSH_ASKPASS_REQUIRE"] = nil
        quiet["GCM_INTERACTIVE"] = "never"
        return quiet
    }

    /// `words` as C's argv (each a NUL-terminated copy, then a NULL), for `body` alone.
    static func withArgv<T>(_ words: [String], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> T) -> T {
        var argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        return argv.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
    }

    /// How a contained program whose input and output this process relayed ended.
    public struct Ending: Sendable {
        public var status: Int32?
        public var signal: Int32?
        public var timedOut: Bool
        /// It printed more than it might: what it printed was cut, and it was stopped.
        public var tooMuch: Bool
    }

    /// Runs `executable` contained (see `ci_run_relayed`): a session,
    /// process group and namespaces of its own, no terminal, `environment`
    /// alone ("NAME=value"); this process relays its own standard input to
    /// it when `input` (else its input is empty) and at most `maxOutput`
    /// bytes of its output and errors back. Ctrl-C here interrupts it. Its
    /// group is killed after `seconds`.
    public static func runRelayed(_ executable: String, _ arguments: [String], environment: [String], input: Bool,
                                  seconds: Double, maxOutput: Int) throws -> Ending {
        var outcome = ci_outcome()
        let started = withArgv([executable] + arguments) { argv in
            withArgv(environment) { env in ci_run_relayed(executable, argv, env, input ? 1 : 0, seconds, maxOutput, &outcome) }
        }
        guard started == 0 else { throw Failure(String(cString: strerror(errno))) }
        return Ending(status: outcome.exit_status >= 0 ? outcome.exit_status : nil,
                      signal: outcome.signal != 0 ? outcome.signal : nil, timedOut: outcome.timed_out != 0,
                      tooMuch: outcome.too_much != 0)
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
