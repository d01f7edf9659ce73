import ArgumentParser
import CadenceCore
import Foundation
import LuaBinding

/// `cadence negotiate APP`: the negotiation script's decision on where an
/// application stands (an offer or none yet), with the rule, the figures and
/// the words.
struct Negotiate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Decide the next step of a negotiation and find the words: deflect, ask for time, ask what is missing, counter, accept or decline.",
        discussion: """
            The decision is Lua: the workspace's negotiate.lua when there is one, else Cadence's \\
            Scripts/negotiation/standard.lua (copy it to change a rule, such as how far above the \\
            offer to counter). It reads your three numbers (cadence candidate edit --targets), the \\
            open offer, the needs they named (app edit --need) and your strengths.
              cadence negotiate initech
              cadence negotiate initech --question "what did you have in mind?"
            """)
    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The application (id, company, or company/role).") var app: String
    @Option(help: "A question asked in the moment, to answer by the script.") var question: String?
    @Option(help: "Decide as if today were this date (2026-03-02, or words such as 'last friday'): the days the words name count from it.")
    var asOf: String?
    @Option(help: ArgumentHelp("Also write the words that are a message (a counter, a decline, an acceptance) as .eml drafts into this folder.",
                               valueName: "dir"))
    var eml: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let day = try asOf.map { try dayFlag($0, field: "as-of", in: workspace) }
            let value = try CadenceLua.call(workspace, asOf: day, name: "negotiate", "cadence.negotiation", "report_on",
                                              ["app": LuaValue(app), "question": question.map { LuaValue($0) } ?? .nil])
            // An answer to a question has words but no letters.
            if let eml, let data = value.tableValue?["data"], let fields = data.tableValue, fields["words"].tableValue != nil {
                // The words in letter form (a greeting by first name, a sign-off), by the drafts' own rule.
                let bodies = try CadenceLua.call(workspace, asOf: day, name: "negotiate", writes: false, "cadence.drafts", "letters",
                                                 ["words": fields["words"], "to": fields["to"], "from": fields["from"]],
                                                 as: [String: String].self)
                try writeDrafts(try CadenceLua.read(Letters.self, data, "cadence.negotiation.report_on"), bodies: bodies, into: eml)
            }
            if output.json {
                return try CadenceLua.writeJSON(try CadenceLua.field("data", of: value, "cadence.negotiation.report_on"), objects: ["words"])
            }
            Output.write(try CadenceLua.read(CadenceLua.Text.self, value, "cadence.negotiation.report_on").text + "\n")
        }
    }

    /// The decision's words and whom they go to, as `negotiation.report` gives them.
    struct Letters: Decodable {
        var company, role: String
        var to, email, from, from_email: String?
        var words: [String: String]
    }

    /// The words that are letters (`bodies`, in letter form), as drafts a mail client opens (Cadence sends nothing).
    func writeDrafts(_ data: Letters, bodies: [String: String], into folder: String) throws {
        let letters = ["counter": "Your offer", "decline": "Your offer", "accept": "Accepting your offer", "time": "Your offer",
                       "extension": "Your offer"]
        try Agenda.Show.prepareFolder(folder)
        guard letters.keys.contains(where: { bodies[$0] != nil }) else {
            // A call's talking points, or words to say when asked, are no letter.
            let steps = bodies.keys.sorted().map(TerminalText.line).joined(separator: ", ")
            return StandardError.write("No draft written to \(TerminalText.line(folder)): the words of this step (\(steps)) are not a letter.\n")
        }
        // A draft with no To: says so, and how to give it one.
        if let to = data.to, data.email?.isEmpty ?? true {
            Output.complain("\(to) has no address on file, so the drafts have no To: line: "
                            + "cadence contact edit \"\(to)\" --email ADDRESS")
        } else if data.to == nil {
            Output.complain("no hiring manager or recruiter on file for \(data.company), so the drafts have no To: line: "
                            + "cadence contact add NAME --app \"\(data.company)\" --role hiring-manager --email ADDRESS")
        }
        var written = 0
        for (step, subject) in letters.sorted(by: { $0.key < $1.key }) {
            guard let body = bodies[step] else { continue }
            let draft = MailDraft(from: MailDraft.Address(name: data.from, email: data.from_email),
                                  to: data.to.map { MailDraft.Address(name: $0, email: data.email) },
                                  subject: "\(subject): \(data.role), \(data.company)", body: body)
            // A draft already there may hold the person's own edits: it is kept, and this one takes the next free name.
            let stem = "\(MailDraft.slug(data.company))-\(step)"
            var name = stem + ".eml", n = 1
            while FileManager.default.fileExists(atPath: folder + "/" + name) {
                n += 1
                name = "\(stem)-\(n).eml"
            }
            let text: String
            do { text = try draft.text() } catch let refusal as MailHeader.Refusal {
                Output.complain("no \(step) draft written: \(refusal)")
                continue
            }
            guard FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(text.utf8)) else {
                throw ValidationError("cannot write \(folder)/\(name)")
            }
            written += 1
        }
        StandardError.write("Wrote \(written) draft\(written == 1 ? "" : "s") to \(TerminalText.line(folder)) (Cadence sends nothing).\n")
    }
}
