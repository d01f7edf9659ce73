import CadenceCore
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
        self.limits = limits.bounded
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// The worker's arguments for these limits. Its environment is empty
    /// (nothing of the user's settings or secrets reaches a package), so
    /// where Cadence's Lua library is, when $CADENCE_SCRIPTS says, goes as an argument.
    public var arguments: [String] {
        let scripts = ProcessInfo.processInfo.environment["CADENCE_SCRIPTS"].map { ["--scripts", $0] } ?? []
        return [executable, "policy-worker", "--memory", String(limits.memory), "--seconds", String(limits.seconds)] + scripts
    }

    /// Sends the worker `request` and waits for its answer.
    public func ask(_ request: Data) throws -> WorkerAnswer.Wire { try start(request).finish() }

    /// Starts the worker on `request`; `finish` waits for its answer. Cadence
    /// plans the rest of the agenda meanwhile.
    public func start(_ request: Data) throws -> Pending {
        try start(request, arguments: arguments)
    }

    /// Starts the worker with `arguments`: an empty environment, a session,
    /// process group and namespaces of its own, a parent-death signal; its
    /// group is killed past the limit's time (plus start-up).
    func start(_ request: Data, arguments: [String]) throws -> Pending {
        var worker = ci_worker()
        let started = Subprocess.withArgv(arguments) { argv in
            request.withUnsafeBytes { bytes in
                ci_start_worker(executable, argv, nil, Int32(CI_CONTAINED), bytes.baseAddress, bytes.count,
                                limits.seconds + 5, &worker)
            }
        }
        guard started == 0 else {
            throw Failure(description: "its worker could not start (\(executable): \(String(cString: strerror(errno))))")
        }
        return Pending(worker: worker, limits: limits)
    }

    /// A worker at work.
    public final class Pending {
        var worker: ci_worker
        let limits: PackageLock.Limits
        var finished = false

        init(worker: ci_worker, limits: PackageLock.Limits) {
            self.worker = worker
            self.limits = limits
        }

        /// A worker nobody waited for (the agenda failed before it) is stopped and reaped at once.
        deinit { if !finished { ci_stop_worker(&worker) } }

        /// Waits for the answer (killing the worker at its deadline) and reads it.
        public func finish() throws -> WorkerAnswer.Wire {
            finished = true
            var outcome = ci_outcome()
            ci_finish_worker(&worker, IsolatedWorker.maxAnswer, &outcome)
            defer { ci_outcome_free(&outcome) }
            let output = Data(bytes: outcome.output, count: outcome.output_size)
            var json: WorkerAnswer.Wire?
            var unread: String?
            if outcome.too_much == 0 && outcome.output_size > 0 {
                do { json = try JSONDecoder().decode(WorkerAnswer.Wire.self, from: output) } catch { unread = DecodingReason.of(error) }
            }
            if let error = json?.error { throw Failure(description: error) }
            if outcome.timed_out != 0 {
                throw Failure(description: "it did not finish within \(IsolatedWorker.seconds(limits.seconds + 5)) s: its worker was stopped")
            }
            if outcome.too_much != 0 || outcome.signal == 25 {
                throw Failure(description: "its answer passed \(IsolatedWorker.maxAnswer >> 20) MiB: its worker was stopped")
            }
            if outcome.signal != 0 {
                throw Failure(description: "its worker ended with \(OSWalls.ending(signal: outcome.signal)); nothing it did reached your workspace")
            }
            if outcome.exit_status == 0, let unread { throw Failure(description: "its answer was refused: \(unread)") }
            guard outcome.exit_status == 0, let json else {
                let errors = String(decoding: Data(bytes: outcome.errors, count: outcome.errors_size), as: UTF8.self)
                let said = errors.split(separator: "\n").last.map(String.init) ?? "no message"
                throw Failure(description: "its worker failed (exit \(outcome.exit_status)): \(said)")
            }
            return json
        }
    }

    /// `policy-worker --check-walls`: a worker started as a package's is,
    /// whose walls are tried for real from inside (`--probe-walls`). Its
    /// report, with the namespaces this kernel gave it, and whether every
    /// wall held.
    public func checkWalls() throws -> (report: String, held: Bool) {
        let before = ci_host_dumpable()
        let pending = try start(Data(), arguments: [executable, "policy-worker", "--probe-walls"])
        let namespaces = OSWalls.namespaces(pending.worker.namespaces)
        let dumpable = ci_host_dumpable() != 0
        pending.finished = true
        var outcome = ci_outcome()
        ci_finish_worker(&pending.worker, 1 << 20, &outcome)
        defer { ci_outcome_free(&outcome) }
        let restored = ci_host_dumpable() == before
        let report = String(decoding: Data(bytes: outcome.output, count: outcome.output_size), as: UTF8.self)
        let errors = String(decoding: Data(bytes: outcome.errors, count: outcome.errors_size), as: UTF8.self)
        let ending = outcome.signal != 0 ? "the worker ended with \(OSWalls.ending(signal: outcome.signal))\n"
            : outcome.timed_out != 0 ? "the worker did not finish and was stopped\n" : errors
        let host = "the host while a worker runs: " + (dumpable ? "DUMPABLE (other processes of the user could read its memory)" : "not dumpable")
            + (restored ? "; after it, as before" : "; after it, NOT as before") + "\n"
        return (report + namespaces + "\n" + host + ending,
                outcome.exit_status == 0 && outcome.signal == 0 && outcome.timed_out == 0 && !dumpable && restored)
    }

    public static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
