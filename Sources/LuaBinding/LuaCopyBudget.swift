import CLuaSupport

/// What one copy of a value out of Lua into Swift may cost, when the state
/// has a memory limit: as much as the state itself may hold. A copy is not
/// bounded by what Lua holds, because Lua shares: a table may hold one long
/// string a million times, or the same subtable twice at every level, and
/// its copy is a million strings or two to the power of the depth tables,
/// in a few kilobytes of Lua. A state without a memory limit (a trusted
/// script's) copies without bound, as it allocates without bound.
struct LuaCopyBudget {
    /// What an entry costs at the least in Lua (a TValue), and so the
    /// fewest bytes of the limit one copied entry stands for.
    static let entryBytes = 16

    /// Bytes, 0 for no limit.
    let limit: Int
    private(set) var entries = 0
    private(set) var textBytes = 0

    init(_ core: LuaStateCore) {
        limit = Int(clamping: cl_memory_limit(core.control))
    }

    var maximumEntries: Int { limit / Self.entryBytes }

    /// How many more entries may be copied (unbounded: Int.max).
    var entriesLeft: Int { limit == 0 ? .max : max(0, maximumEntries - entries) }

    mutating func spendEntry() throws {
        guard limit > 0 else { return }
        entries += 1
        guard entries <= maximumEntries else {
            throw LuaError(kind: .conversion, message: "the value has more than \(maximumEntries) entries to copy out of Lua, "
                + "more than the state's memory limit (\(limit) bytes) holds")
        }
    }

    mutating func spendText(_ count: Int) throws {
        guard limit > 0 else { return }
        textBytes += count
        guard textBytes <= limit else {
            throw LuaError(kind: .conversion, message: "the value holds more than \(limit) bytes of text to copy out of Lua, "
                + "more than the state's memory limit holds")
        }
    }
}

/// A budget shared by the values of one read that are not all on one Swift
/// stack frame (the in-place decoder's containers).
final class LuaCopyMeter {
    var budget: LuaCopyBudget
    init(_ budget: LuaCopyBudget) { self.budget = budget }
}
