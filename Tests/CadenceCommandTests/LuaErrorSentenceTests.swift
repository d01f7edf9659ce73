import Foundation
import Testing

/// A command whose Lua raises says one sentence: no line of Cadence's own
/// scripts, nor where Cadence is installed, however long that path (Lua cuts
/// a long one to "...its/tail.lua"); a mistake in the user's own file keeps
/// that file and line.
@Suite("Lua errors as sentences")
struct LuaErrorSentenceTests: WorkspaceSuite {
    let directory = Self.folder("lua-errors")

    func prepared() throws {
        try createdWithCandidate()
        _ = try cadence("candidate", "edit", "jo", "--targets", "28000,30000,35000 GBP")
        _ = try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-02-01")
        _ = try cadence("offer", "add", "--app", "1", "--base", "31000 GBP", "--at", "2026-03-02", "--respond-by", "2026-03-20")
    }

    /// Cadence's library copied to a folder whose path is longer than the 60 characters Lua keeps of a chunk's name.
    func deepLibrary() throws -> String {
        let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts").path
        let deep = directory + "-library/" + String(repeating: "a-long-folder-name/", count: 4) + "Scripts"
        try FileManager.default.createDirectory(atPath: (deep as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: deep) { try FileManager.default.copyItem(atPath: scripts, toPath: deep) }
        return deep
    }

    /// `cadence ARGUMENTS` run with the library at `library`.
    func run(_ arguments: [String], library: String) throws -> Commands.Result {
        try Commands.run("/usr/bin/env", ["CADENCE_SCRIPTS=" + library, Commands.cadenceURL.path] + arguments + ["--workspace", directory])
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
    }

    /// One line, "cadence: …", naming no position in Cadence's scripts.
    func expectSentence(_ result: Commands.Result, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 1, "\(what): \(result.output)", sourceLocation: sourceLocation)
        let error = result.error
        #expect(error.hasPrefix("cadence: ") && error.filter { $0 == "\n" }.count == 1, "\(what): \(error)", sourceLocation: sourceLocation)
        #expect(error.range(of: #"\.lua:\d"#, options: .regularExpression) == nil && !error.contains("Scripts") && !error.contains("...") && !error.contains("a-long-folder"),
                "\(what): \(error)", sourceLocation: sourceLocation)
        #expect(error.range(of: #"[a-z ]+:\d+: "#, options: .regularExpression) == nil, "\(what): a chunk's line: \(error)", sourceLocation: sourceLocation)
    }

    @Test("a workspace script of the wrong shape fails inside Cadence's library: the sentence names no line of it, however deep it is installed")
    func internalPositions() throws {
        try prepared()
        let library = try deepLibrary()
        try write("negotiate.lua", "return { decide = 3 }\n")
        expectSentence(try run(["negotiate", "1"], library: library), "decide = 3")
        try write("negotiate.lua", "local rules = require \"negotiation.standard\"\nrules.days_to_consider = \"two\"\nreturn rules\n")
        expectSentence(try run(["negotiate", "1", "--as-of", "2026-03-03"], library: library), "days_to_consider")
        try FileManager.default.removeItem(atPath: directory + "/negotiate.lua")
        try write("negotiation.lua", "return { weights = 3 }\n")
        for command in [["negotiate", "1"], ["offer", "value", "1"], ["offer", "compare"]] {
            let result = try run(command, library: library)
            expectSentence(result, "\(command)")
            #expect(result.error.contains("negotiation.lua: weights is a table, not number"), "\(command): \(result.error)")
        }
        expectSentence(try run(["negotiate", "nosuch"], library: library), "nosuch")
        #expect(try run(["negotiate", "nosuch"], library: library).error == "cadence: no application named 'nosuch'\n")
    }

    @Test("a mistake in the user's own negotiate.lua or negotiation.lua keeps its file and line")
    func ownFile() throws {
        try prepared()
        let library = try deepLibrary()
        try write("negotiate.lua", "return {\n")
        let syntax = try run(["negotiate", "1"], library: library)
        #expect(syntax.status == 1 && syntax.error.hasPrefix("cadence: \(directory)/negotiate.lua:2: "), "\(syntax.error)")
        try write("negotiate.lua", "local rules = require \"negotiation.standard\"\nfunction rules.decide(s) error(\"my rule broke\") end\nreturn rules\n")
        let raised = try run(["negotiate", "1"], library: library)
        #expect(raised.error == "cadence: \(directory)/negotiate.lua:2: my rule broke\n", "\(raised.error)")
        try FileManager.default.removeItem(atPath: directory + "/negotiate.lua")
        try write("negotiation.lua", "return { assumptions = = 1 }\n")
        let value = try run(["offer", "value", "1"], library: library)
        #expect(value.error.hasPrefix("cadence: \(directory)/negotiation.lua:1: "), "\(value.error)")
    }
}
