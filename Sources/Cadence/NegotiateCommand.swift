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
    @Option(help: ArgumentHelp("Also write the words that are a message (a counter, a decline, an acceptance) as .eml drafts into this folder.",
                               valueName: "dir"))
    var eml: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let result = try PolicyScript.run(workspace, asOf: nil, name: "negotiate",
                                              arguments: [LuaValue(app), question.map { LuaValue($0) } ?? .nil], """
                local cadence = require "cadence"
                local negotiation = require "cadence.negotiation"
                local _, name, question = ...
                local rules = negotiation.rules()
                local app = cadence.app(name)
                local assumptions = negotiation.load()
                local s = negotiation.situation(app, assumptions)
                local title = ("%s, %s"):format(app.company, app.role)
                  .. (s.offer and (": offer %d (%s a year)"):format(s.offer.id, cadence.money_text(s.offer.annualBase)) or ": no offer yet")
                if question then
                  local rule, words = negotiation.answer(rules, s, question)
                  return { text = ("%s\\nQ: %s\\nWhy: %s\\nSay: %s"):format(title, question, rule, words),
                           data = { question = question, rule = rule, words = words } }
                end
                local d = rules.decide(s)
                local lines = { title, ("Decision: %s"):format(d.action), "Rule: " .. d.rule, "Why: " .. d.reason }
                if #d.facts > 0 then
                  lines[#lines + 1] = "Facts:"
                  for _, f in ipairs(d.facts) do lines[#lines + 1] = "  - " .. f end
                end
                if #d.points > 0 then
                  lines[#lines + 1] = "Talking points (their needs, your strengths):"
                  for _, p in ipairs(d.points) do lines[#lines + 1] = "  - " .. p end
                else
                  lines[#lines + 1] = "Talking points: none recorded (app edit --need, candidate edit --strength)"
                end
                local steps = {}
                for step in pairs(d.words) do steps[#steps + 1] = step end
                table.sort(steps)
                for _, step in ipairs(steps) do lines[#lines + 1] = ("Words (%s):\\n  %s"):format(step, d.words[step]) end
                -- Whom a letter goes to: the hiring manager, else the recruiter.
                local to
                for _, role in ipairs{ "hiring-manager", "recruiter" } do
                  for _, c in ipairs(app:contacts()) do if not to and c.role == role then to = c end end
                end
                return { text = table.concat(lines, "\\n"),
                         data = { action = d.action, rule = d.rule, reason = d.reason, facts = d.facts, points = d.points,
                                  counter = d.counter, words = d.words, answer_on = d.answer_on and tostring(d.answer_on),
                                  company = app.company, role = app.role, to = to and to.name, email = to and to.email,
                                  from = s.candidate and s.candidate.name, from_email = s.candidate and s.candidate.email } }
                """)
            if let eml, let data = result["data"].tableValue { try writeDrafts(data, into: eml) }
            if output.json { return try PolicyScript.writeJSON(result["data"]) }
            Output.write((result["text"].stringValue ?? "") + "\n")
        }
    }

    /// The words that are letters, as drafts a mail client opens (Cadence sends nothing).
    func writeDrafts(_ data: LuaTable, into folder: String) throws {
        let letters = ["counter": "Your offer", "decline": "Your offer", "accept": "Accepting your offer", "time": "Your offer"]
        guard let words = data["words"].tableValue else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let company = data["company"].stringValue ?? ""
        var written = 0
        for (step, subject) in letters.sorted(by: { $0.key < $1.key }) {
            guard let body = words[step].stringValue else { continue }
            let draft = MailDraft(from: MailDraft.Address(name: data["from"].stringValue, email: data["from_email"].stringValue),
                                  to: data["to"].stringValue.map { MailDraft.Address(name: $0, email: data["email"].stringValue) },
                                  subject: "\(subject): \(data["role"].stringValue ?? ""), \(company)", body: body)
            let name = "\(MailDraft.slug(company))-\(step).eml"
            guard FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(draft.text.utf8)) else {
                throw ValidationError("cannot write \(folder)/\(name)")
            }
            written += 1
        }
        StandardError.write("Wrote \(written) draft\(written == 1 ? "" : "s") to \(folder) (Cadence sends nothing).\n")
    }
}
