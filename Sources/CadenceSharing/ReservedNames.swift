/// The names no package may take: the built-in policies' (an agenda item's
/// `policy` is its policy's name, and the user's decisions on the built-in
/// items must never reach a package), "cadence", "init", and the names of
/// Cadence's Lua modules and their folders. A test keeps the list in step
/// with Scripts/.
public enum ReservedNames {
    /// The built-in policies of Scripts/policies, by the names they give themselves.
    public static let builtInPolicies = [
        "after-rejection", "answer-offer", "deadline-passed", "in-writing", "missing-info", "plan-ahead", "prepare",
        "references", "thank-you", "weekly-status",
    ]

    /// Cadence's own names: its module folders and the modules in them (hyphens for underscores).
    public static let cadence = [
        "cadence", "init", "policies", "negotiation", "holidays",
        "calendar", "drafts", "help", "isolated", "options", "policy", "promises", "rehearsal", "repl", "report", "searcher", "sequence",
        "sharing", "show", "simulate", "types", "valuation", "worker", "counterpart", "standard",
        "case", "plain",
    ]

    /// Why `name` may not be a package's, or nil when it may.
    public static func problem(with name: String) -> String? {
        let spelled = name.replacingOccurrences(of: "_", with: "-").lowercased()
        if builtInPolicies.contains(spelled) {
            return "'\(name)' is the name of one of Cadence's built-in policies, which no package may take: the package must be renamed"
        }
        if cadence.contains(spelled) {
            return "'\(name)' is one of Cadence's own names (its modules and folders), which no package may take: the package must be renamed"
        }
        return nil
    }
}
