import CadenceCore
import Foundation
import Testing

/// The Lua that ships with Cadence restates no rule Swift owns: a Date's
/// representation is init.lua's alone, and no policy lists stages by hand.
@Suite("The Lua library restates no rule of the domain")
struct OwnedRulesTests {
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scripts").path

    /// Every Lua file under `folder` (relative to Scripts), with its text.
    func files(_ folder: String) throws -> [(name: String, text: String)] {
        let root = Self.scripts + "/" + folder
        let names = try #require(FileManager.default.enumerator(atPath: root)).compactMap { $0 as? String }.filter { $0.hasSuffix(".lua") }
        #expect(!names.isEmpty)
        return try names.sorted().map { ("\(folder)/\($0)", try String(contentsOfFile: root + "/" + $0, encoding: .utf8)) }
    }

    @Test("only init.lua reads a Date's day number as a field; nothing else builds a Date by hand")
    func dateRepresentation() throws {
        for (name, text) in try files("cadence") + files("policies") + files("negotiation") where name != "cadence/init.lua" {
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                #expect(line.firstRange(of: /\.number\b(?!\s*\()/) == nil, "\(name):\(n + 1): \(line)")
                #expect(line.firstRange(of: /\{\s*number\s*=/) == nil, "\(name):\(n + 1): \(line)")
            }
        }
    }

    @Test("no standard policy writes a list or set of stages: they name Stage's sets")
    func noStageLists() throws {
        let stage = "(" + Stage.allCases.map(\.rawValue).joined(separator: "|") + ")"
        // { "offer", "negotiating" … } or { offer = true, negotiating = true … }
        let list = try Regex("\\{\\s*\"\(stage)\"\\s*,\\s*\"\(stage)\"")
        let set = try Regex("\\b\(stage)\\s*=\\s*true\\s*,\\s*\(stage)\\s*=\\s*true")
        for (name, text) in try files("policies") {
            for (n, line) in text.split(separator: "\n").enumerated() {
                #expect(line.firstRange(of: list) == nil && line.firstRange(of: set) == nil, "\(name):\(n + 1): \(line)")
            }
        }
    }
}
