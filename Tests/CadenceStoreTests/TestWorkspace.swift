import Foundation
@testable import CadenceStore

/// A workspace in a fresh temporary folder.
func temporaryWorkspace() -> Workspace {
    Workspace(directory: FileManager.default.temporaryDirectory.appendingPathComponent("cadence-\(UUID().uuidString)").path)
}
