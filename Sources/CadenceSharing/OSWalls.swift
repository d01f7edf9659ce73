import CIsolation

/// The operating system's walls around a worker (CIsolation does the work):
/// a system-call filter that allows only what a worker needs and refuses the
/// rest (files, sockets, programs, processes, signals to others, pidfds,
/// ptrace, device nodes, modes, xattrs, mounts, namespaces...), no core
/// dumps, not dumpable, no new privileges, bounded address space and CPU
/// time; and, from its host, namespaces of its own where the kernel allows.
public enum OSWalls {
    public struct Refused: Error, CustomStringConvertible, Sendable {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// Enters the walls (for good). `memory` is address space beyond what the
    /// process holds now. `outputBytes`: how far a file it writes may grow. A
    /// worker's only files are its answer's; a sandboxed script's output is a
    /// pipe to its host (nil: no limit). Throws, saying why, when any wall
    /// could not be put up, the system-call filter included: then nothing
    /// untrusted may run.
    public static func enter(memory: Int, cpuSeconds: Int, outputBytes: Int?) throws {
        var why = [CChar](repeating: 0, count: 256)
        let status = ci_enter_walls(ci_walls(memory_bytes: memory, cpu_seconds: UInt32(cpuSeconds), output_bytes: outputBytes ?? Int.max), &why, why.count)
        if status != 0 { throw Refused(description: String(decoding: why.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)) }
    }

    /// How a walled process that a signal ended is said: the signal's name,
    /// and what most likely sent it (the kernel's limits, or a crash).
    public static func ending(signal: Int32) -> String {
        let names: [Int32: String] = [6: "SIGABRT", 7: "SIGBUS", 9: "SIGKILL", 11: "SIGSEGV", 24: "SIGXCPU", 25: "SIGXFSZ", 31: "SIGSYS"]
        let name = names[signal] ?? "signal \(signal)"
        switch signal {
        case 9, 24: return "\(name): it used up its CPU time or memory"
        case 25: return "\(name): it wrote more than it may"
        default: return "\(name): a crash"
        }
    }

    /// From behind the walls, tries for real what they should stop, a call
    /// on no list included: a line per attempt, and how many got through (0
    /// when every wall holds).
    public static func probe() -> (report: String, allowed: Int) {
        var report = [CChar](repeating: 0, count: 8192)
        let allowed = ci_probe_walls(&report, report.count)
        let text = String(decoding: report.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (text + "system-call filter: \(filterActive ? "on" : "off")\n", Int(allowed))
    }

    /// Whether the system-call filter is in force in this process.
    public static var filterActive: Bool { ci_filter_active() != 0 }

    /// The namespaces a worker was given (CI_NS_* bits), in words, and which
    /// the kernel refused: a container may refuse them, and the other walls hold anyway.
    public static func namespaces(_ given: Int32) -> String {
        let all: [(Int32, String)] = [(Int32(CI_NS_USER), "user"), (Int32(CI_NS_PID), "PID"), (Int32(CI_NS_IPC), "IPC"),
                                      (Int32(CI_NS_NET), "network"), (Int32(CI_NS_MOUNT), "mount")]
        let got = all.filter { given & $0.0 != 0 }.map(\.1)
        let refused = all.filter { given & $0.0 == 0 }.map(\.1)
        if refused.isEmpty { return "namespaces: " + got.joined(separator: ", ") + " (all this kernel was asked for)" }
        let missing = "this kernel refused " + refused.joined(separator: ", ") + "; the filter and the limits hold without them"
        return "namespaces: " + (got.isEmpty ? "none" : got.joined(separator: ", ")) + " (" + missing + ")"
    }
}
