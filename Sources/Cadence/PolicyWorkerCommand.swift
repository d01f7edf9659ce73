import ArgumentParser
import CadenceScripting
import Foundation

/// `cadence policy-worker`: the isolated worker an installed policy runs in.
/// Not for people: the agenda starts it, sends it one request on standard
/// input, and reads one JSON answer from standard output.
struct PolicyWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy-worker",
        abstract: "The isolated worker installed policies run in (started by Cadence itself).",
        shouldDisplay: false)

    @Option(help: "Bytes of memory the policy's Lua may use.") var memory: Int
    @Option(help: "Seconds the policy may run.") var seconds: Double

    func run() throws {
        let request = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        let answer = IsolatedPolicyRun.serve(request: request, memory: memory, seconds: seconds)
        FileHandle.standardOutput.write(Data(answer.utf8))
    }
}
