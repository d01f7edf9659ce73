/// Limits on what a script may use. `nil` means no limit.
///
///     var limits = LuaLimits.sandboxDefault
///     limits.seconds = 2
///     let lua = try LuaState(profile: .sandboxed, limits: limits)
public struct LuaLimits: Equatable, Sendable {
    /// Bytes the state may hold; a request past it fails, and the script ends.
    public var memory: Int?
    /// Lua VM instructions one top-level call may run (counted in steps of 1000).
    public var instructions: Int64?
    /// Wall-clock seconds one top-level call may run.
    public var seconds: Double?

    public init(memory: Int? = nil, instructions: Int64? = nil, seconds: Double? = nil) {
        self.memory = memory
        self.instructions = instructions
        self.seconds = seconds
    }

    /// The longest time limit a state takes: a week. A deadline is a finite
    /// time (infinity or 1e300 seconds cannot be counted to), and a longer one is a mistake.
    public static let longestSeconds: Double = 7 * 86_400

    /// No limits: what trusted scripts get.
    public static let none = LuaLimits()

    /// What an untrusted script gets unless the caller says otherwise:
    /// 64 MiB, 100 million instructions, 10 seconds.
    public static let sandboxDefault = LuaLimits(memory: 64 << 20, instructions: 100_000_000, seconds: 10)
}

/// Which standard library a state opens.
public enum LuaProfile: Sendable {
    /// The standard library exactly as `lua5.4` has it: for the user's own scripts.
    case trusted
    /// No io, os reduced to time/date/clock/difftime, no debug, no package or
    /// require, no dofile/loadfile, text-only load, no string.dump,
    /// collectgarbage("count") only, no __gc metatables, a locked string
    /// metatable: for scripts the user has not reviewed.
    case sandboxed
}
