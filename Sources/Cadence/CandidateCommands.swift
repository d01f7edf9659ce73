import ArgumentParser
import CadenceCore
import CadenceStore

struct CandidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "candidate", abstract: "Add, edit, list and show candidates (you, or a coach's clients).",
        subcommands: [Add.self, Edit.self, List.self, Show.self,
                      ArchiveCommand<CandidateKind>.self, UnarchiveCommand<CandidateKind>.self, DeleteCommand<CandidateKind>.self])

    /// The fields add and edit share.
    struct Fields: ParsableArguments {
        @Option(help: "Email address.") var email: String?
        @Option(help: "IANA time zone, such as Europe/London: due dates are days there.") var timeZone: String?
        @Option(name: .customLong("strength"), help: "Something you offer an employer (repeatable).") var strengths: [String] = []
        @Option(parsing: .unconditional, help: ArgumentHelp(
            "The three numbers: your bottom line, the going rate and the top, with a currency (and period): "
                + "\"28000,30000,35000 GBP\", \"£2,300, £2,500, £2,900 a month\".", valueName: "bottom,going,top"))
        var targets: String?
        @Option(parsing: .unconditional, help: "Current pay, such as '45000 GBP'.") var currentPay: String?
        @Option(name: .customLong("reference"), help: "A professional reference (repeatable).") var references: [String] = []
        @Option(name: .customLong("current-benefit"), help: "A benefit of your current job, as stated: \"pension 5% matched\" (repeatable).")
        var currentBenefits: [String] = []

        func apply(to candidate: inout Candidate) throws {
            if let email {
                // Checked where it is entered; an address stored before the rule only refuses its draft.
                if !email.isEmpty { try EmailAddress.check(email, field: "--email") }
                candidate.email = email
            }
            if let timeZone { candidate.timeZone = timeZone }
            if !strengths.isEmpty { candidate.strengths = strengths }
            if !references.isEmpty { candidate.references = references }
            if let currentPay { candidate.currentPay = try Money(parsing: currentPay, field: "current pay") }
            if let targets { candidate.targets = try SalaryTargets(parsing: targets) }
            if !currentBenefits.isEmpty { candidate.currentBenefits = currentBenefits }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a candidate.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "Their name.") var name: String
        @Flag(help: "Add them even though a candidate of that name is there already.") var again = false
        @OptionGroup var fields: Fields

        func run() throws {
            try reportingErrors {
                var candidate = Candidate(name: name)
                try fields.apply(to: &candidate)
                candidate = try workspace.open().write("candidate add \(name)") { ws in try ws.addCandidate(candidate, again: again) }
                Output.write("Added candidate \(candidate.id!): \(TerminalText.line(candidate.name))\n")
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a candidate's details.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "Name or id.") var candidate: String
        @Option(help: "A new name.") var name: String?
        @OptionGroup var fields: Fields

        func run() throws {
            try reportingErrors {
                let updated = try workspace.open().write("candidate edit \(candidate)") { ws -> Candidate in
                    var c = try ws.candidate(candidate)
                    if let name { c.name = name }
                    try fields.apply(to: &c)
                    try ws.update(c)
                    return c
                }
                Output.write("Updated candidate \(updated.id!): \(TerminalText.line(updated.name))\n")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List candidates.")
        @OptionGroup var workspace: WorkspaceOptions
        @Flag(help: "Only the archived ones.") var archived = false
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let all = try workspace.open().read { ws in try ws.candidates(archived ? .archived : .live) }
                if output.json { return Output.write(try Output.json(all)) }
                Output.write(Output.table(["id", "name", "time zone", "targets", "strengths"], all.map {
                    [String($0.id!), $0.name, $0.timeZone,
                     $0.targets.map { "\($0.bottom) / \($0.going) / \($0.top)" } ?? "",
                     $0.strengths.joined(separator: "; ")]
                }))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one candidate.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "Name or id.") var candidate: String
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let c = try workspace.open().read { ws in try ws.candidate(candidate) }
                if output.json { return Output.write(try Output.json(c)) }
                let line = TerminalText.line
                var lines = ["\(line(c.name)) (candidate \(c.id!))", "  time zone:  \(line(c.timeZone))"]
                if let email = c.email { lines.append("  email:      \(line(email))") }
                if let t = c.targets { lines.append("  targets:    \(t)") }
                if let pay = c.currentPay { lines.append("  current:    \(pay) a year") }
                for b in c.currentBenefits { lines.append("  benefit:    \(line(b))") }
                for s in c.strengths { lines.append("  strength:   \(line(s))") }
                for r in c.references { lines.append("  reference:  \(line(r))") }
                if c.references.count < 3 { lines.append("  (aim for three references, asked in advance)") }
                Output.write(lines.joined(separator: "\n") + "\n")
            }
        }
    }
}
