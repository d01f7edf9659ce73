import CIsolation

/// The operating system's walls around a worker (CIsolation does the work):
/// no files opened or written, no sockets, no programs or processes started,
/// no core dumps, no new privileges, bounded address space and CPU time.
public enum OSWalls {
    public struct Refused: Error, CustomStringConvertible {
        public var description: String
    }

    /// Enters the walls (for good). `memory` is address space beyond what the
    /// process holds now. Returns a note when a wall the kernel does not
    /// offer was left out (the system-call filter, in some containers).
    @discardableResult
    /// `outputBytes`: how far a file it writes may grow. A worker's only
    /// files are its answer's; a sandboxed script's output may be a file the
    /// user redirected it to (nil: no limit).
    public static func enter(memory: Int, cpuSeconds: Int, outputBytes: Int?) throws -> String? {
        var why = [CChar](repeating: 0, count: 256)
        let status = ci_enter_walls(ci_walls(memory_bytes: memory, cpu_seconds: UInt32(cpuSeconds), output_bytes: outputBytes ?? Int.max), &why, why.count)
        let message = String(decoding: why.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if status != 0 { throw Refused(description: message) }
        return message.isEmpty ? nil : message
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

    /// From behind the walls, tries what they should stop (open, create, a
    /// socket, a process, a program, a descriptor): a line per attempt, and
    /// how many were allowed (0 when every wall holds).
    public static func probe() -> (report: String, allowed: Int) {
        var report = [CChar](repeating: 0, count: 2048)
        let allowed = ci_probe_walls(&report, report.count)
        let text = String(decoding: report.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (text + "system-call filter: \(filterActive ? "on" : "off")\n", Int(allowed))
    }

    /// Whether the system-call filter is in force in this process.
    public static var filterActive: Bool { ci_filter_active() != 0 }
}
