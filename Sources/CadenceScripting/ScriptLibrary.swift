import Foundation

/// Where the Lua that ships with Cadence lives (the `Scripts/` folder):
/// `$CADENCE_SCRIPTS`; else `../share/cadence/Scripts` from the running
/// executable (where `make install` puts it); else the nearest `Scripts/`
/// above the executable that holds the `cadence` module (a build in a clone).
public enum ScriptLibrary {
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let explicit = environment["CADENCE_SCRIPTS"], !explicit.isEmpty {
            return holdsLibrary(explicit) ? explicit : nil
        }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let installed = executable.deletingLastPathComponent().appendingPathComponent("share/cadence/Scripts").path
        if holdsLibrary(installed) { return installed }
        var folder = executable
        for _ in 0..<8 {
            let candidate = folder.appendingPathComponent("Scripts").path
            if holdsLibrary(candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    static func holdsLibrary(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: folder + "/cadence/init.lua")
    }

    /// The library's folder, or the one-line reason it is missing and how to fix it.
    public static func required(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        guard let folder = directory(environment: environment) else { throw Missing(environment: environment) }
        return folder
    }

    public struct Missing: Error, CustomStringConvertible {
        var environment: [String: String]
        public var description: String {
            if let explicit = environment["CADENCE_SCRIPTS"], !explicit.isEmpty {
                return "CADENCE_SCRIPTS=\(explicit) holds no Cadence Lua library (cadence/init.lua); point it at the Scripts folder"
            }
            return "Cadence's Lua library is not installed beside this binary (expected ../share/cadence/Scripts); "
                + "install with 'make install', or set CADENCE_SCRIPTS to a clone's Scripts folder"
        }
    }

    /// package.path entries for a folder of modules.
    static func pathEntries(_ folder: String) -> String { "\(folder)/?.lua;\(folder)/?/init.lua" }
}
