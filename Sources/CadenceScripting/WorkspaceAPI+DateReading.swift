import CadenceCore
import CadenceStore
import LuaBinding

/// How a script's dates are read: as the candidate they are for writes
/// them (`DateReading`), from the session's today (its as-of day, if any).
extension WorkspaceAPI {
    /// The reading for application `id`'s candidate (without one, the first candidate's).
    func dateReading(for id: Int64?) throws -> DateReading {
        try workspace.dateReading(ofApplication: id).asOf(asOf)
    }

    /// The reading for `application`'s candidate (one not yet added too).
    func dateReading(of application: Application) throws -> DateReading {
        try workspace.dateReading(of: application).asOf(asOf)
    }
}

extension WorkspaceFunctions {
    /// How the first candidate writes numeric dates ("dmy", "mdy", or nil
    /// where no region decides) and the first day of their week (1 Monday …
    /// 7 Sunday): what `cadence.date` passes to `date`.
    func dateReading(_ args: LuaArguments) throws -> LuaResults {
        let reading = try api.dateReading(for: nil)
        return [reading.order.map { LuaValue($0.rawValue) } ?? .nil, LuaValue(reading.weekStart.rawValue)]
    }
}
