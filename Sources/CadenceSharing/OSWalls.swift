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

    /// Whether the system-call filter is in force in this process.
    public static var filterActive: Bool { ci_filter_active() != 0 }
}
