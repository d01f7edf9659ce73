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
    @Flag(help: "Enter the walls, try what they should stop, and say which held (exit 1 if one did not).")
    var checkWalls = false

    func run() throws {
        if checkWalls {
            // Its report may go to a file the user chose: that one file may grow.
            try OSWalls.enter(memory: memory, cpuSeconds: Int(seconds), outputBytes: nil)
            let (report, allowed) = OSWalls.probe()
            FileHandle.standardOutput.write(Data(report.utf8))
            if allowed > 0 { throw ExitCode.failure }
            return
        }
        let request = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        FileHandle.standardOutput.write(PolicyWorker.answer(request, memory: memory, seconds: seconds))
    }
}
