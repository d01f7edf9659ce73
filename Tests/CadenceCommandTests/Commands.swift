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

    static func run(_ executable: String, _ arguments: [String], input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LUA_INIT"] = nil
        environment["LUA_INIT_5_4"] = nil
        process.environment = environment
        let output = Pipe(), error = Pipe(), stdin = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        // Read before waiting, so a full pipe cannot stall the child.
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      output: String(decoding: out, as: UTF8.self),
                      error: String(decoding: err, as: UTF8.self))
    }
}
