import ArgumentParser
import CadenceScripting
import CadenceStore
import Foundation
import LuaBinding

/// `cadence rehearse APP`: a role play in the terminal against a scripted
/// counterpart, then feedback per rule of the negotiation practice; the
/// transcript is kept in the workspace's rehearsals/ folder.
struct Rehearse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rehearse the salary conversation against a scripted recruiter and hiring manager, then get feedback per rule.",
        discussion: """
            The counterpart asks the salary question early, pushes for a figure, makes an offer, \\
            says the budget is fixed and answers a counter; you type your answers (line editing \\
            as in the REPL; Ctrl-D ends early). The same --seed plays the same session again. \\
            A tougher counterpart is a Lua file like Cadence's Scripts/negotiation/counterpart.lua: \\
            --counterpart tough.lua.
            """)
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The application (id, company, or company/role).") var app: String
    @Option(help: "Replay a session: the same seed, the same lines.") var seed: Int?
    @Option(help: ArgumentHelp("A counterpart of your own (a Lua file).", valueName: "file")) var counterpart: String?

    func run() throws {
        try reportingErrors {
            _ = try ScriptLibrary.required()
            let location = workspace.location
            let store = try location.open()
            let lua = try LuaState()
            let interactive = isatty(0) != 0
            let transcript: String
            do {
                transcript = try store.session { ws in try play(in: lua, over: ws, folder: location.directory, interactive: interactive) }
            } catch let error as LuaError where error.kind == .runtime {
                // A refusal (no such application, no such counterpart file) in its own words:
                // the traceback would show only Cadence's own frames.
                throw Refusal(error.message)
            }
            let feedback = transcript.components(separatedBy: "\nFeedback\n").last ?? ""
            Output.write("\nFeedback\n" + feedback)
            let folder = location.directory + "/rehearsals"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let formatter = DateFormatter()
            formatter.dateFormat = "yyyy-MM-dd-HHmmss"
            let stem = "\(folder)/\(formatter.string(from: Date()))-\(app.lowercased().filter { $0.isLetter || $0.isNumber })"
            var file = stem + ".txt", n = 1
            while FileManager.default.fileExists(atPath: file) {     // two rehearsals in one second keep both
                n += 1
                file = "\(stem)-\(n).txt"
            }
            guard FileManager.default.createFile(atPath: file, contents: Data(transcript.utf8)) else {
                throw StoreError.invalid("cannot write the transcript to \(file)")
            }
            Output.write("The transcript is in \(file)\n")
        }
    }

    /// The rehearsal itself: the counterpart's lines, the person's answers, and the transcript with feedback.
    private func play(in lua: LuaState, over ws: WorkspaceService, folder: String, interactive: Bool) throws -> String {
        let api = try WorkspaceAPI.install(in: lua, workspace: ws, folder: folder, command: "rehearse")
        defer { api.end() }
        let options: LuaTable = ["seed": seed.map { .integer(Int64($0)) } ?? .nil, "counterpart": counterpart.map { LuaValue($0) } ?? .nil]
        let opened = try lua.run("return require('cadence.rehearsal').open(...)", name: "=rehearse",
                                 arguments: [LuaValue(app), .table(options)])
        guard let session = opened.first?.tableValue, let played = session["seed"].integerValue, case .function(let next) = session["line"],
              case .function(let answer) = session["answer"], case .function(let text) = session["text"] else {
            throw StoreError.invalid("the rehearsal did not start")
        }
        Output.write("Rehearsal for \(app) (seed \(played); --seed replays it). Answer as you would; Ctrl-D ends.\n\n")
        let reader: LineReader = interactive
            ? EditLineReader(historyFile: EditLineReader.defaultHistoryFile(), complete: { _ in [] }) : PipeReader()
        defer { reader.close() }
        while let line = try next.call().first?.stringValue {
            Output.write(line + "\n")
            guard case .line(let said) = reader.read(prompt: interactive ? "you> " : "") else { break }
            if !interactive { Output.write("you> \(said)\n") }
            _ = try answer.call(LuaValue(said))
        }
        guard let transcript = try text.call().first?.stringValue else { throw StoreError.invalid("the rehearsal gave no transcript") }
        return transcript
    }
}
