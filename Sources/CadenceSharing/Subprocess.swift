import CIsolation
import Foundation

/// A program Cadence runs on the user's behalf (git, ssh-keygen): found on
/// PATH, given its input, waited for at most `seconds`.
public struct Subprocess {
    public var status: Int32
    public var output: String
    public var errors: String

    public static func run(_ program: String, _ arguments: [String], input: String = "", seconds: Double = 120) throws -> Subprocess {
        guard let path = find(program) else {
            throw IsolatedWorker.Failure(description: "\(program) is not installed (Debian: apt install \(program == "ssh-keygen" ? "openssh-client" : program))")
        }
        var outcome = ci_outcome()
        var argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        let started = input.utf8CString.withUnsafeBufferPointer { bytes in
            ci_run_worker(path, &argv, bytes.baseAddress, bytes.count - 1, seconds, 16 << 20, &outcome)
        }
        guard started == 0 else { throw IsolatedWorker.Failure(description: "\(program) could not start: \(String(cString: strerror(errno)))") }
        defer { ci_outcome_free(&outcome) }
        if outcome.timed_out != 0 { throw IsolatedWorker.Failure(description: "\(program) did not finish within \(Int(seconds)) s") }
        return Subprocess(status: outcome.exit_status,
                          output: String(decoding: Data(bytes: outcome.output, count: outcome.output_size), as: UTF8.self),
                          errors: String(decoding: Data(bytes: outcome.errors, count: outcome.errors_size), as: UTF8.self))
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
