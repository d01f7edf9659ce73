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
                return { text = table.concat(lines, "\\n"),
                         data = { action = d.action, rule = d.rule, reason = d.reason, facts = d.facts, points = d.points,
                                  counter = d.counter, words = d.words, answer_on = d.answer_on and tostring(d.answer_on) } }
                """)
            if output.json { return try PolicyScript.writeJSON(result["data"]) }
            Output.write((result["text"].stringValue ?? "") + "\n")
        }
    }
}
