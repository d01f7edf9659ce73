import ArgumentParser
import CadenceCore
import CadenceStore
import Foundation

struct CandidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "candidate", abstract: "Add, edit, list and show candidates (you, or a coach's clients).",
        subcommands: [Add.self, Edit.self, List.self, Show.self,
                      ArchiveCommand<CandidateKind>.self, UnarchiveCommand<CandidateKind>.self, DeleteCommand<CandidateKind>.self])

    /// The fields add and edit share.
    struct Fields: ParsableArguments {
        @Option(help: "Email address.") var email: String?
        @Option(help: "IANA time zone, such as America/Chicago: due dates are days there.") var timeZone: String?
        @Option(help: ArgumentHelp(
            "Where you search: how numeric dates read, a bare amount's currency, public holidays, benefits' names, "
                + "the week's first day (\(Region.allCases.map(\.code).joined(separator: ", ")); \"none\" to choose none). "
                + "Not given, it is taken from the time zone, else from the locale, and said.", valueName: "code"))
        var region: String?
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
            if let region { candidate.region = region.lowercased() == "none" ? nil : try Region(naming: region, field: "--region") }
            if !strengths.isEmpty { candidate.strengths = strengths }
            if !references.isEmpty { candidate.references = references }
            if !currentBenefits.isEmpty { candidate.currentBenefits = currentBenefits }
        }

        /// The amounts, once the region is known: one without a currency is in
        /// the region's. Returns the note saying so, if one was read that way.
        func applyAmounts(to candidate: inout Candidate) throws -> String? {
            var assumed: String?
            if let currentPay {
                let read = try BareAmount.money(currentPay, region: candidate.effectiveRegion, field: "current pay")
                candidate.currentPay = read.value
                assumed = assumed ?? read.assumed
            }
            if let targets {
                let read = try BareAmount.targets(targets, region: candidate.effectiveRegion)
                candidate.targets = read.value
                assumed = assumed ?? read.assumed
            }
            return assumed.map { "note: " + BareAmount.note($0, region: candidate.effectiveRegion) + "\n" }
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
                // Not given: this machine's zone (TZ, else /etc/localtime), said, rather than UTC.
                let machineZone = fields.timeZone == nil
                    ? Region.machineTimeZone(environment: ProcessInfo.processInfo.environment) : nil
                if let machineZone { candidate.timeZone = machineZone }
                try fields.apply(to: &candidate)
                // Not chosen: taken from where they are, kept, and said with how to change it.
                let guess = fields.region == nil
                    ? RegionGuess.from(timeZone: candidate.timeZone, locale: Region.localeSetting(in: ProcessInfo.processInfo.environment))
                    : nil
                if let guess { candidate.region = guess.region }
                let amounts = try fields.applyAmounts(to: &candidate)
                candidate = try workspace.open().write("candidate add \(name)") { ws in try ws.addCandidate(candidate, again: again) }
                Output.write("Added candidate \(candidate.id!): \(TerminalText.line(candidate.name))\n"
                             + (machineZone.map { "Time zone: \($0) (this machine's; change with `cadence candidate edit "
                                 + "\(CandidateCommand.quoted(candidate.name)) --time-zone Area/City`)\n" } ?? "")
                             + CandidateCommand.regionLine(candidate, guess: guess, chosen: fields.region != nil) + (amounts ?? ""))
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
                let (before, updated, amounts) = try workspace.open().write("candidate edit \(candidate)") { ws -> (Candidate, Candidate, String?) in
                    let before = try ws.candidate(candidate)
                    var c = before
                    if let name { c.name = name }
                    try fields.apply(to: &c)
                    let amounts = try fields.applyAmounts(to: &c)
                    try ws.update(c)
                    return (before, c, amounts)
                }
                var text = "Updated candidate \(updated.id!): \(TerminalText.line(updated.name))\n" + (amounts ?? "")
                if fields.region != nil {
                    text += CandidateCommand.regionLine(updated, guess: nil, chosen: true)
                } else if fields.timeZone != nil, let zoned = Region.inferred(timeZone: updated.timeZone),
                          zoned != updated.effectiveRegion, before.timeZone != updated.timeZone {
                    // A new zone does not move a region kept before: say that it might have.
                    text += "Region: still \(updated.effectiveRegion?.name ?? "none"); \(TerminalText.line(updated.timeZone)) is in "
                        + "\(zoned.name): change with `cadence candidate edit \(CandidateCommand.quoted(updated.name)) --region \(zoned.code)`\n"
                }
                Output.write(text)
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
                Output.write(Output.table(["id", "name", "time zone", "region", "targets", "strengths"], all.map {
                    [String($0.id!), $0.name, $0.timeZone, $0.effectiveRegion?.code ?? "",
                     $0.targets.map { "\($0.bottom) / \($0.going) / \($0.top)" } ?? "",
                     $0.strengths.joined(separator: "; ")]
                }))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one candidate.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "Name or id (not needed when there is one candidate).") var candidate: String?
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let c = try workspace.open().read { ws in try ws.candidate(candidate) }
                if output.json { return Output.write(try Output.json(c)) }
                let line = TerminalText.line
                var lines = ["\(line(c.name)) (candidate \(c.id!))", "  time zone:  \(line(c.timeZone))"]
                if let region = c.effectiveRegion {
                    lines.append("  region:     \(region.name) (\(region.code)\(c.region == nil ? ", from the time zone" : "")): \(region.conventions)")
                } else {
                    lines.append("  region:     none (ambiguous dates such as 03/04 are asked; choose with --region)")
                }
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

    /// The line after `candidate add` or `edit --region`: the region taken,
    /// why, what it decides, and how to change it.
    static func regionLine(_ candidate: Candidate, guess: RegionGuess?, chosen: Bool) -> String {
        let change = "`cadence candidate edit \(quoted(candidate.name)) --region CODE` (\(Region.allCases.map(\.code).joined(separator: ", ")))"
        guard let region = candidate.region else {
            if chosen, let zoned = candidate.effectiveRegion {
                return "Region: none chosen; the time zone \(TerminalText.line(candidate.timeZone)) gives \(zoned.name): \(zoned.conventions)\n"
            }
            return "Region: none (" + (chosen ? "as chosen" : "neither the time zone \(TerminalText.line(candidate.timeZone)) nor the locale says one")
                + "): an ambiguous date such as 03/04 will be asked, amounts need a currency, and no public holidays are skipped; "
                + "choose one with \(change)\n"
        }
        let why = guess.map { " (from \(TerminalText.line($0.source)))" } ?? ""
        var text = "Region: \(region.name)\(why): \(region.conventions)\n" + (guess != nil ? "  change with \(change)\n" : "")
        if candidate.timeZone == "UTC" {
            // Due days are days in their zone: one left at UTC is likely not theirs.
            text += "  the time zone is UTC: if you are in \(region.name), set yours with "
                + "`cadence candidate edit \(quoted(candidate.name)) --time-zone \(region.suggestedTimeZone)` (or another IANA zone)\n"
        }
        return text
    }

    /// A name as a shell reads it back: single-quoted when it has more than letters and digits.
    static func quoted(_ name: String) -> String {
        let line = TerminalText.line(name)
        if line.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }) { return line }
        return "'" + line.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
