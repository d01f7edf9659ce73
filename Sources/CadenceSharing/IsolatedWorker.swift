import CIsolation
import Foundation

/// The host's side of the isolated worker: starts `cadence policy-worker`
/// with a request on its standard input, waits for its answer at most the
/// limit's time (plus start-up), and reads that answer as JSON, never as
/// code. A worker that crashes, hangs, or answers too much or nonsense is a
/// `Failure` that says which, in words.
public struct IsolatedWorker: Sendable {
    public var executable: String
    public var limits: PackageLock.Limits

    /// The biggest answer a worker may give.
    public static let maxAnswer = 16 << 20

    /// The `cadence` binary itself (or $CADENCE_WORKER, for a test harness that is not it).
    public static var defaultExecutable: String {
        if let explicit = ProcessInfo.processInfo.environment["CADENCE_WORKER"], !explicit.isEmpty { return explicit }
        return URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    }

    public init(executable: String = IsolatedWorker.defaultExecutable, limits: PackageLock.Limits) {
        self.executable = executable
        self.limits = limits
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The worker's arguments for these limits.
    public var arguments: [String] {
        [executable, "policy-worker", "--memory", String(limits.memory), "--seconds", String(limits.seconds)]
    }

    /// Runs the worker on `request` (for `policy-worker`: a Lua table
    /// constructor) and returns its answer (a JSON object).
    public func run(_ request: String) throws -> [String: Any] {
        let outcome = try collect(request)
        if let error = outcome.json?["error"] as? String { throw Failure(description: error) }
        if outcome.timedOut { throw Failure(description: "it did not finish within \(Self.seconds(limits.seconds + 5)) s: its worker was stopped") }
        if outcome.tooMuch { throw Failure(description: "its answer passed \(Self.maxAnswer >> 20) MiB: its worker was stopped") }
        if let signal = outcome.signal {
            let name = [9: "SIGKILL", 11: "SIGSEGV", 6: "SIGABRT", 24: "SIGXCPU", 31: "SIGSYS", 7: "SIGBUS"][signal] ?? "signal \(signal)"
            let why = signal == 24 || signal == 9 ? "it used up its CPU time or memory" : "its worker crashed"
            throw Failure(description: "\(why) (\(name)); nothing it did reached your workspace")
        }
        guard outcome.status == 0, let json = outcome.json else {
            let said = outcome.errors.split(separator: "\n").last.map(String.init) ?? "no message"
            throw Failure(description: "its worker failed (exit \(outcome.status ?? -1)): \(said)")
        }
        return json
    }

    struct Outcome {
        var status: Int32?
        var signal: Int32?
        var timedOut, tooMuch: Bool
        var json: [String: Any]?
        var errors: String
    }

    func collect(_ request: String) throws -> Outcome {
        var outcome = ci_outcome()
        let args = arguments
        var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        let started = request.utf8CString.withUnsafeBufferPointer { bytes in
            ci_run_worker(executable, &argv, bytes.baseAddress, bytes.count - 1, limits.seconds + 5, Self.maxAnswer, &outcome)
        }
        guard started == 0 else {
            throw Failure(description: "its worker could not start (\(executable): \(String(cString: strerror(errno))))")
        }
        defer { ci_outcome_free(&outcome) }
        let output = Data(bytes: outcome.output, count: outcome.output_size)
        let json = outcome.too_much == 0 ? (try? JSONSerialization.jsonObject(with: output)) as? [String: Any] : nil
        return Outcome(status: outcome.exit_status >= 0 ? outcome.exit_status : nil, signal: outcome.signal != 0 ? outcome.signal : nil,
                       timedOut: outcome.timed_out != 0, tooMuch: outcome.too_much != 0, json: json,
                       errors: String(decoding: Data(bytes: outcome.errors, count: outcome.errors_size), as: UTF8.self))
    }

    public static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
