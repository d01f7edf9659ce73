import Foundation

/// Where the Lua that ships with Cadence lives (the `Scripts/` folder):
/// `$CADENCE_SCRIPTS`, else the nearest `Scripts/` above the running
/// executable that holds the `cadence` module (true of a build in a clone).
public enum ScriptLibrary {
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let explicit = environment["CADENCE_SCRIPTS"], !explicit.isEmpty { return explicit }
        var folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<8 {
            let candidate = folder.appendingPathComponent("Scripts")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("cadence/init.lua").path) {
                return candidate.path
            }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    /// package.path entries for a folder of modules.
    static func pathEntries(_ folder: String) -> String { "\(folder)/?.lua;\(folder)/?/init.lua" }
}
