import Foundation

/// Runs the built `cadence` (and other programs) and captures what they print.
enum Commands {
    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    /// `cadence` sits beside the test bundle in the build folder.
    static var cadenceURL: URL {
        let tests = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return tests.deletingLastPathComponent().appendingPathComponent("cadence")
    }

    static func compatibilityScript(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Compatibility").appendingPathComponent(name).path
    }

    static func temporaryScript(_ source: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cadence-test-\(UUID().uuidString).lua")
        try source.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static func cadence(_ arguments: [String], input: String? = nil) throws -> Result {
        try run(cadenceURL.path, arguments, input: input)
    }

    /// Runs a program to its end, or for `timeLimit` seconds at most.
    static func run(_ executable: String, _ arguments: [String], input: String? = nil,
                    timeLimit: TimeInterval = 120) throws -> Result {
        try ChildProcess(executable, arguments, input: input ?? "").wait(timeLimit: timeLimit)
    }
}
