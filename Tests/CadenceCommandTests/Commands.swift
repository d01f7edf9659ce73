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

extension Commands.Result {
    /// What a `--json` run printed, decoded. A run that failed, or printed
    /// something that is not a `T` (a field renamed or gone), throws with
    /// what it printed, which fails the test.
    func decoded<T: Decodable>(as type: T.Type = T.self) throws -> T {
        guard status == 0 else { throw UnexpectedOutput(what: "exit status \(status)", printed: output + error) }
        do {
            return try JSONDecoder().decode(T.self, from: Data(output.utf8))
        } catch let failure {
            throw UnexpectedOutput(what: "not a \(T.self): \(failure)", printed: output + error)
        }
    }
}

struct UnexpectedOutput: Error, CustomStringConvertible {
    var what: String
    var printed: String
    var description: String { "\(what)\n\(printed)" }
}

/// A suite whose tests each work on a workspace folder of their own.
protocol WorkspaceSuite {
    var directory: String { get }
}

extension WorkspaceSuite {
    /// A fresh folder name for one test's workspace.
    static func folder(_ label: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("cadence-\(label)-\(UUID().uuidString)").path
    }

    /// `cadence ARGUMENTS --workspace DIRECTORY`.
    func cadence(_ arguments: String...) throws -> Commands.Result {
        try Commands.cadence(arguments + ["--workspace", directory])
    }

    /// `cadence ARGUMENTS --json --workspace DIRECTORY`, its output decoded
    /// (the shapes are in `Printed`).
    func json<T: Decodable>(_ arguments: String..., as type: T.Type = T.self) throws -> T {
        try Commands.cadence(arguments + ["--json", "--workspace", directory]).decoded()
    }

    /// The workspace, with Jo Bloggs as its candidate, in London.
    func createdWithCandidate() throws {
        _ = try Commands.cadence(["init", directory])
        _ = try cadence("candidate", "add", "Jo Bloggs", "--time-zone", "Europe/London")
    }
}
