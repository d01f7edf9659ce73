import Foundation

/// A folder holding the SQLite file (and, later, the user's scripts).
///
/// Where it is, first found wins: `--workspace DIR`, then `CADENCE_HOME`,
/// then `$XDG_DATA_HOME/cadence`, then `~/.local/share/cadence`.
public struct Workspace: Sendable {
    public let directory: String
    public var databasePath: String { directory + "/cadence.sqlite" }

    public init(directory: String) { self.directory = directory }

    public static func locate(explicit: String?, environment: [String: String]) -> Workspace {
        if let explicit { return Workspace(directory: explicit) }
        if let home = environment["CADENCE_HOME"], !home.isEmpty { return Workspace(directory: home) }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty { return Workspace(directory: data + "/cadence") }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return Workspace(directory: home + "/.local/share/cadence")
    }

    public var exists: Bool { FileManager.default.fileExists(atPath: databasePath) }

    /// Creates the folder and an empty, migrated database.
    public func create() throws -> Store {
        if exists { throw StoreError.workspaceExists(path: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return try Store(path: databasePath, create: true)
    }

    public func open() throws -> Store {
        guard exists else { throw StoreError.noWorkspace(path: directory) }
        return try Store(path: databasePath)
    }
}
