import ArgumentParser
import CadenceCore
import CadenceStore
import Foundation

struct ApplicationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "app", abstract: "Add, edit, list and show applications.",
        subcommands: [Add.self, Edit.self, List.self, Show.self,
                      ArchiveCommand<ApplicationKind>.self, UnarchiveCommand<ApplicationKind>.self, DeleteCommand<ApplicationKind>.self])

    struct Fields: ParsableArguments {
        @Option(help: "Where you found it (referral, LinkedIn, …).") var source: String?
        @Option(help: "Where the job is.") var location: String?
        @Option(help: "The posting's address.") var url: String?
        @Option(parsing: .unconditional, help: "Pay as the posting states it, with its currency: £30,000, 90k–110k USD.") var salary: String?
        @Option(help: "When they will decide (2026-03-20, or words such as 'friday next week').") var deadline: String?
        @Option(help: "How much you want it, 1 to 5.") var interest: Int?
        @Option(parsing: .unconditional, help: ArgumentHelp(
            "The three numbers for this role, where they differ from yours: \"40000,45000,52000 EUR\".", valueName: "bottom,going,top"))
        var targets: String?
        @Option(name: .customLong("need"), help: "A need or problem they named (repeatable).") var needs: [String] = []
        @Option(name: .customLong("question"), help: "Something still to find out (repeatable).") var questions: [String] = []
        @Option(name: .customLong("tag"), help: "A tag (repeatable).") var tags: [String] = []
        @Option(help: "Free notes.") var notes: String?
        @Option(name: .customLong("fact"), help: ArgumentHelp(
            "Something you found out, as topic=answer: hours=\"9 to 5\", office=\"open plan\" (repeatable; topic= forgets it).",
            valueName: "topic=answer")) var facts: [String] = []

        /// Returns the note to print when an amount was read in the region's currency.
        func apply(to a: inout Application, reading: DateReading, region: Region?) throws -> String? {
            var assumed: String?
            if let source { a.source = source }
            if let location { a.location = location }
            if let url { a.url = url }
            if let salary {
                // Stored with its currency written out: "150-170k" is "150-170k USD" for good.
                let read = try BareAmount.salary(salary, region: region)
                a.postedSalary = read.text
                assumed = read.assumed
            }
            if let deadline { a.decisionDeadline = try dayFlag(deadline, field: "deadline", reading: reading) }
            if let interest { a.interest = interest }
            if let targets {
                let read = try BareAmount.targets(targets, region: region)
                a.targets = read.value
                assumed = assumed ?? read.assumed
            }
            if !needs.isEmpty { a.needs = needs }
            if !questions.isEmpty { a.questions = questions }
            if !tags.isEmpty { a.tags = tags }
            if let notes { a.notes = notes }
            for fact in facts {
                guard let equals = fact.firstIndex(of: "="), equals != fact.startIndex else {
                    throw ValidationError("--fact '\(fact)': write topic=answer, such as hours=\"9 to 5\"")
                }
                let topic = String(fact[..<equals])
                if !a.setFact(topic, String(fact[fact.index(after: equals)...])) {
                    let topics = FactTopic.allCases.map(\.rawValue).joined(separator: ", ")
                    StandardError.write("cadence: warning: no standard policy reads a fact named '\(TerminalText.line(topic.lowercased()))' "
                        + "(missing_info asks about \(topics)); it is kept for your own scripts\n")
                }
            }
            return assumed.map { "note: " + BareAmount.note($0, region: region) + "\n" }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an application.",
            discussion: "Logs it as applied today unless --saved (not applied yet) or --applied DATE.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "The company.") var company: String
        @Argument(help: "The role.") var role: String
        @Option(help: "Whose application (name or id); needed when there are several candidates.") var candidate: String?
        @Option(help: "When you applied (default: now; 2026-03-02, 'last friday').") var applied: String?
        @Flag(help: "Saved for later, not applied yet.") var saved = false
        @Flag(help: "Add it even though the same company and role is there already.") var again = false
        @OptionGroup var fields: Fields

        func run() throws {
            try reportingErrors {
                let (app, when, zone, reading, amounts) = try workspace.open().write("app add \(company) \(role)") {
                    ws -> (Application, DateReading.Moment?, String, DateReading, String?) in
                    let owner = try ws.candidate(candidate)
                    var app = Application(candidateID: owner.id!, company: company, role: role)
                    let reading = DateReading(candidate: owner)
                    let amounts = try fields.apply(to: &app, reading: reading, region: owner.effectiveRegion)
                    let when = saved ? nil : try Timestamps.instant(applied, reading: reading, field: "applied")
                    let start: WorkspaceService.Start = when.map { .applied($0.instant) } ?? .saved
                    return (try ws.addApplication(app, start: start, again: again), when, owner.timeZone, reading, amounts)
                }
                let started = when.map { ", applied " + Output.spoken($0, in: zone) } ?? ", saved for later"
                Output.write("Added application \(app.id!): \(TerminalText.line(app.company)), \(TerminalText.line(app.role))"
                             + started + (app.decisionDeadline.map { "; deadline " + $0.spoken } ?? "") + "\n" + (amounts ?? ""))
                Output.notes(of: reading)
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change an application's details (not its stage: log an event).")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "Id, company, or company/role.") var app: String
        @Option(help: "A new company name.") var company: String?
        @Option(help: "A new role.") var role: String?
        @OptionGroup var fields: Fields

        func run() throws {
            try reportingErrors {
                let (updated, reading, amounts) = try workspace.open().write("app edit \(app)") { ws -> (Application, DateReading, String?) in
                    var a = try ws.application(app)
                    if let company { a.company = company }
                    if let role { a.role = role }
                    let reading = try ws.dateReading(of: a)
                    let amounts = try fields.apply(to: &a, reading: reading, region: try ws.region(ofApplication: a.id))
                    try ws.update(a)
                    return (a, reading, amounts)
                }
                let deadline = fields.deadline == nil ? "" : updated.decisionDeadline.map { "; deadline " + $0.spoken } ?? ""
                Output.write("Updated application \(updated.id!): \(TerminalText.line(updated.company)), \(TerminalText.line(updated.role))"
                             + deadline + "\n" + (amounts ?? ""))
                Output.notes(of: reading)
            }
        }
    }

    /// What listings print (and --json emits) for an application.
    struct Line: Encodable {
        var id: Int64
        var candidate: String
        var company: String
        var role: String
        var stage: Stage
        var stageSince: Date?
        var lastFromThem: Date?
        var lastByYou: Date?
        var deadline: LocalDate?
        var tags: [String]

        init(_ s: ApplicationSummary) {
            id = s.application.id!
            candidate = s.candidate
            company = s.application.company
            role = s.application.role
            stage = s.stage
            stageSince = s.stageSince
            lastFromThem = s.lastFromThem
            lastByYou = s.lastByYou
            deadline = s.application.decisionDeadline
            tags = s.application.tags
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List applications with their stage.")
        @OptionGroup var workspace: WorkspaceOptions
        @Option(help: "Only this stage.") var stage: String?
        @Option(help: "Only this tag.") var tag: String?
        @Option(help: "Only this candidate.") var candidate: String?
        @Flag(help: "Include accepted, declined, rejected and withdrawn ones.") var all = false
        @Flag(help: "Only the archived ones.") var archived = false
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let wanted = try stage.map { try Stage(parsing: $0) }
                let (lines, zones) = try workspace.open().read { ws -> ([Line], [Int64: String]) in
                    let who = try candidate.map { try ws.candidate($0).name }
                    return (try ws.summaries(archived ? .archived : .live).filter { s in
                        (archived || (wanted.map { s.stage == $0 } ?? (all || !s.stage.isTerminal)))
                            && (tag.map { s.application.tags.contains($0) } ?? true)
                            && (who.map { s.candidate == $0 } ?? true)
                    }.map(Line.init), try ws.timeZonesByApplication())
                }
                if output.json { return Output.write(try Output.json(lines)) }
                Output.write(Output.table(["id", "company", "role", "stage", "since", "from them", "by you", "deadline"], lines.map {
                    let zone = zones[$0.id] ?? "UTC"
                    return [String($0.id), $0.company, $0.role, $0.stage.rawValue, Output.day($0.stageSince, in: zone),
                            Output.day($0.lastFromThem, in: zone), Output.day($0.lastByYou, in: zone), $0.deadline?.description ?? ""]
                }))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an application: details, contacts, offers, dated stage history and timeline.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "Id, company, or company/role.") var app: String
        @OptionGroup var output: OutputOptions

        struct Detail: Encodable {
            var application: Application
            var stage: Stage
            var stageHistory: [Change]
            var events: [Event]
            var contacts: [Contact]
            var offers: [Offer]
            var followUps: [FollowUp]
            struct Change: Encodable { var stage: Stage; var at: Date; var event: Int64? }
        }

        func run() throws {
            try reportingErrors {
                let (detail, zone, region) = try workspace.open().read { ws -> (Detail, String, Region?) in
                    let a = try ws.application(app)
                    let events = try ws.events(of: a.id!)
                    // Scheduled events are listed but do not count toward the stage yet.
                    let history = LogDigest(events, asOf: Date()).history
                    return (Detail(application: a, stage: history.current,
                                   stageHistory: history.changes.map { .init(stage: $0.stage, at: $0.at, event: $0.eventID) },
                                   events: events, contacts: try ws.contacts(of: a.id!, .all),
                                   offers: try ws.offers(of: a.id!, .all), followUps: try ws.followUps(of: a.id!)),
                            try ws.timeZone(of: a), try ws.region(ofApplication: a.id))
                }
                if output.json { return Output.write(try Output.json(detail)) }
                Output.write(Self.render(detail, timeZone: zone, region: region))
            }
        }

        /// The detail as text, its days in `timeZone` (the candidate's).
        static func render(_ d: Detail, timeZone: String, region: Region? = nil) -> String {
            let a = d.application
            // What the user typed is shown through the terminal's owner: a
            // field on its line, its own lines indented under it.
            let line = TerminalText.line
            var out = ["\(line(a.company)): \(line(a.role)) (application \(a.id!)), \(d.stage.rawValue)"]
            func field(_ name: String, _ value: String?) {
                if let value, !value.isEmpty {
                    out.append("  \(line(name) + ":")".padded(14) + TerminalText.lines(value, indent: String(repeating: " ", count: 14)))
                }
            }
            field("source", a.source)
            field("location", a.location)
            field("url", a.url)
            field("salary", a.postedSalary.map { text in a.postedRange.map { "\(text) (\($0))" } ?? text })
            field("targets", a.targets?.description)
            field("deadline", a.decisionDeadline?.description)
            field("interest", a.interest.map { "\($0)/5" })
            field("tags", a.tags.joined(separator: ", "))
            for n in a.needs { field("need", n) }
            for q in a.questions { field("question", q) }
            for (topic, answer) in (a.facts ?? [:]).sorted(by: { $0.key < $1.key }) { field(topic, answer) }
            field("notes", a.notes)
            if !d.contacts.isEmpty {
                out.append("\nContacts")
                for c in d.contacts {
                    out.append("  \(line(c.name))" + (c.title.map { ", \(line($0))" } ?? "") + " (\(c.role.rawValue))"
                               + (c.email.map { " <\(line($0))>" } ?? "") + (c.discussed.map { ": \(TerminalText.lines($0, indent: "    "))" } ?? "")
                               + (c.archivedAt != nil ? " [archived]" : ""))
                }
            }
            for o in d.offers {
                out.append("\nOffer \(o.id!) (\(o.status.rawValue)\(o.archivedAt != nil ? ", archived" : "")"
                           + (o.revises.map { ", revising offer \($0)" } ?? "") + ")")
                out += OfferText.components(o, region: region)
            }
            out.append("\nStage history")
            for c in d.stageHistory { out.append("  \(Output.day(c.at, in: timeZone))  \(c.stage.rawValue)") }
            out.append("\nTimeline")
            // What a correction set aside stays in the log (it is append-only), marked.
            var setAside: [Int64: Int64] = [:]
            for e in d.events { if let x = e.corrects { setAside[x] = e.id } }
            for e in d.events {
                var text = "  \(Output.day(e.at, in: timeZone))  #\(e.id!) \(e.kind.rawValue)"
                if let by = setAside[e.id!] { text = "  \(Output.day(e.at, in: timeZone))  #\(e.id!) [set aside by #\(by)] \(e.kind.rawValue)" }
                if !e.with.isEmpty { text += " with \(e.with.map(line).joined(separator: ", "))" }
                if let r = e.round { text += " (\(line(r)))" }
                if let k = e.messageKind { text += " [\(k)]" }
                if let c = e.channel { text += " by \(c)" }
                if let n = e.nextStep { text += ": \"\(line(n))\"" }
                if let due = e.due { text += " -> \(due)" }
                if let s = e.stage { text += " -> stage \(s.rawValue)" }
                if let x = e.corrects { text += " (sets #\(x) aside)" }
                if let n = e.notes { text += " - \(TerminalText.lines(n, indent: "      "))" }
                out.append(text)
            }
            return out.joined(separator: "\n") + "\n"
        }
    }
}

extension String {
    func padded(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
