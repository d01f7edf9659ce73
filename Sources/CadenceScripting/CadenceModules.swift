import LuaBinding

/// Which Lua modules are Cadence's own: those of its Scripts/ folders
/// `cadence` (the API and the engine), `policies` (the standard policies),
/// `negotiation` and `holidays` (the public holiday calendars). The module searcher pins them to Scripts/ (a file of
/// the same name in the working folder cannot stand in for one), the worker
/// gives an installed package those it may require, and `policy pack`
/// refuses a policy that requires anything else.
public enum CadenceModules {
    /// The folders of Scripts/ whose modules are Cadence's: "cadence" holds
    /// `cadence` (its init.lua) and `cadence.policy`.
    public static let folders = ["cadence", "policies", "negotiation", "holidays"]

    /// Those an installed package may require (a package's worker has them,
    /// and nothing else): a package plans on the same holidays as the agenda.
    public static let forPackages = ["cadence", "policies", "holidays"]

    /// Whether `name` is a module of one of `folders`.
    public static func holds(_ name: String, in folders: [String] = folders) -> Bool {
        folders.contains { name == $0 || name.hasPrefix($0 + ".") }
    }

    /// `holds` for Lua: `(name[, "packages"])` is true when `name` is one of
    /// Cadence's modules (one a package may require, with "packages").
    static func holds(_ args: LuaArguments) throws -> LuaResults {
        let scope = try args.optionalString(2) == "packages" ? forPackages : folders
        return .one(.boolean(holds(try args.string(1), in: scope)))
    }
}
