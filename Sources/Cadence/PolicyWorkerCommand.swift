import ArgumentParser
import CadenceScripting
import CadenceSharing
import Foundation

/// `cadence policy-worker`: the isolated worker an installed policy runs in.
/// Not for people: the agenda starts it, sends it one request on standard
/// input, and reads one JSON answer from standard output.
struct PolicyWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy-worker",
        abstract: "The isolated worker installed policies run in (started by Cadence itself).",
        shouldDisplay: false)

    @Option(help: "Bytes of memory the policy's Lua may use.") var memory: Int = 64 << 20
    @Option(help: "Seconds the policy may run.") var seconds: Double = 10
    @Option(help: "Cadence's Lua library (its environment is empty, so the host says where).") var scripts: String?
    @Flag(help: "Start a worker as a package's is, try every wall from inside it, and say which held (exit 1 if one did not).")
    var checkWalls = false
    @Flag(help: ArgumentHelp("Inside a worker: enter the walls and try them.", visibility: .hidden))
    var probeWalls = false

    func run() throws {
        if checkWalls {
            let (report, held) = try IsolatedWorker(limits: PackageLock.Limits.standard).checkWalls()
            FileHandle.standardOutput.write(Data(report.utf8))
            if !held { throw ExitCode.failure }
            return
        }
        if probeWalls {
            // Its report is its answer, in the in-memory file an answer goes to.
            try OSWalls.enter(memory: memory, cpuSeconds: Int(seconds), outputBytes: 1 << 20)
            let (report, allowed) = OSWalls.probe()
            FileHandle.standardOutput.write(Data(report.utf8))
            if allowed > 0 { throw ExitCode.failure }
            return
        }
        let request = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        FileHandle.standardOutput.write(PolicyWorker.answer(request, memory: memory, seconds: seconds, scripts: scripts))
    }
}
