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
            The counterpart (at the application's company, for its role) asks the salary question \
            early, pushes for a figure, makes the offer you recorded, says the budget is fixed and \
            answers a counter; you type your answers (line editing as in the REPL; Ctrl-D ends \
            early). Figures are heard as people say them: "about thirty thousand", "33-36k", "$185k", \
            "the mid-thirties". The feedback scores rules 2-8 of the practice and how you did in your \
            last rehearsals; --progress shows the record. The same --seed plays the same session \
            again. A tougher counterpart is a Lua file like Cadence's Scripts/negotiation/counterpart.lua: \
            --counterpart tough.lua.
            """)
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The application (id, company, or company/role); with --progress, optional.") var app: String?
    @Option(help: "Replay a session: the same seed, the same lines.") var seed: Int?
    @Option(help: ArgumentHelp("A counterpart of your own (a Lua file).", valueName: "file")) var counterpart: String?
    @Flag(help: "Show how you did, rule by rule, in the rehearsals kept (of APP, or all).") var progress = false

    func validate() throws {
        if app == nil && !progress { throw ValidationError("Missing expected argument '<app>'") }
        if progress && (seed != nil || counterpart != nil) { throw ValidationError("--progress plays no rehearsal: it takes no --seed or --counterpart") }
    }

    func run() throws {
        try reportingErrors {
            _ = try ScriptLibrary.required()
            let location = workspace.location
            let store = try location.open()
            let lua = try LuaState()
            let folder = location.directory + "/rehearsals"
            var kept = try RehearsalProgress(folder: folder)
            if progress {
                let text = try refusingInWords {
                    try store.session { ws in try showProgress(kept, in: lua, over: ws, folder: location.directory) }
                }
                Output.write(text)
                return
            }
            let interactive = isatty(0) != 0
            let played = try refusingInWords {
                try store.session { ws in
                    try play(in: lua, over: ws, folder: location.directory, history: kept.lua, interactive: interactive)
                }
            }
            let feedback = played.transcript.components(separatedBy: "\nFeedback\n").last ?? ""
            Output.write("\nFeedback\n" + feedback)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "yyyy-MM-dd-HHmmss"
            let now = Date()
            let name = app ?? ""
            let stem = "\(folder)/\(formatter.string(from: now))-\(name.lowercased().filter { $0.isLetter || $0.isNumber }.prefix(40))"
            var file = stem + ".txt", n = 1
            while FileManager.default.fileExists(atPath: file) {     // two rehearsals in one second keep both
                n += 1
                file = "\(stem)-\(n).txt"
            }
            guard FileManager.default.createFile(atPath: file, contents: Data(played.transcript.utf8)) else {
                throw StoreError.invalid("cannot write the transcript to \(file)")
            }
            formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ssZZZZZ"
            // A rehearsal ended before any answer scored nothing: its transcript is kept, the record is not.
            if !played.rules.isEmpty {
                try kept.append(RehearsalProgress.Record(at: formatter.string(from: now), appID: played.appID, app: played.app,
                                                     seed: played.seed, transcript: (file as NSString).lastPathComponent,
                                                     rules: played.rules))
            }
            Output.write("The transcript is in \(file)\n")
        }
    }

    /// A refusal raised in Lua (no such application, no such counterpart file, a counterpart that does not compile)
    /// in its own words: the traceback would show only Cadence's own frames.
    private func refusingInWords<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as LuaError where error.kind == .runtime || error.kind == .syntax {
            throw Refusal(error.message)
        }
    }

    /// What a rehearsal gives back: the transcript with feedback, and what the progress record keeps.
    struct Played {
        var transcript: String
        var appID: Int64
        var app: String
        var seed: Int64
        var rules: [String: Bool]
    }

    /// `cadence rehearse --progress [APP]`: the record, rule by rule.
    private func showProgress(_ kept: RehearsalProgress, in lua: LuaState, over ws: WorkspaceService, folder: String) throws -> String {
        let api = try WorkspaceAPI.install(in: lua, workspace: ws, folder: folder, command: "rehearse")
        defer { api.end() }
        let shown = try lua.run("return require('cadence.rehearsal').progress(...)", name: "=rehearse",
                                arguments: [kept.lua, app.map { LuaValue($0) } ?? .nil])
        guard let text = shown.first?.stringValue else { throw StoreError.invalid("the rehearsal record gave no text") }
        return text
    }

    /// The rehearsal itself: the counterpart's lines, the person's answers, and the transcript with feedback.
    private func play(in lua: LuaState, over ws: WorkspaceService, folder: String, history: LuaValue, interactive: Bool) throws -> Played {
        let api = try WorkspaceAPI.install(in: lua, workspace: ws, folder: folder, command: "rehearse")
        defer { api.end() }
        let options: LuaTable = ["seed": seed.map { .integer(Int64($0)) } ?? .nil, "counterpart": counterpart.map { LuaValue($0) } ?? .nil,
                                 "history": history]
        let opened = try lua.run("return require('cadence.rehearsal').open(...)", name: "=rehearse",
                                 arguments: [LuaValue(app ?? ""), .table(options)])
        guard let session = opened.first?.tableValue, let played = session["seed"].integerValue, case .function(let next) = session["line"],
              case .function(let answer) = session["answer"], case .function(let text) = session["text"],
              case .function(let scores) = session["scores"], let appID = session["app_id"].integerValue,
              let appName = session["app"].stringValue else {
            throw StoreError.invalid("the rehearsal did not start")
        }
        Output.write("Rehearsal for \(appName) (seed \(played); --seed replays it). Answer as you would; Ctrl-D ends.\n\n")
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
        var rules: [String: Bool] = [:]
        if let table = try scores.call().first?.tableValue {
            for (key, value) in table.hash { if let rule = key.stringValue, case .boolean(let kept) = value { rules[rule] = kept } }
        }
        return Played(transcript: transcript, appID: appID, app: appName, seed: played, rules: rules)
    }
}
