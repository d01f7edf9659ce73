import ArgumentParser
import CadenceCore
import CadenceStore
import Foundation
import LuaBinding

struct OfferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offer", abstract: "Record, revise, show and list offers.",
        subcommands: [Add.self, Edit.self, Revise.self, Show.self, Value.self, Compare.self, List.self,
                      ArchiveCommand<OfferKind>.self, UnarchiveCommand<OfferKind>.self, DeleteCommand<OfferKind>.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record an offer (and log it on the timeline).",
            discussion: """
                cadence offer add --app acme --base '55000 GBP' --bonus 10% --holiday-days 28 --pension 6% \\
                  --rsu '40000 GBP' --vesting-years 4 --cliff-months 12 --respond-by 'next friday'
                """)
        @OptionGroup var workspace: WorkspaceOptions
        @Option(help: "The application (id, company, or company/role).") var app: String
        @Option(parsing: .unconditional, help: "Base pay, such as '55000 GBP' or '£4,000' (with --period month).") var base: String
        @Option(help: "When it arrived (default: now).") var at: String?
        @Option(help: "Record as if today were this date: --at, --respond-by and --start in words count from it, and without --at the offer arrived that day.")
        var asOf: String?
        @OptionGroup var fields: OfferFields

        func run() throws {
            try reportingErrors {
                let day = try asOf.map { try dayFlag($0, field: "as-of", in: workspace) }
                let (offer, received, zone, reading, amounts) = try workspace.open().write("offer add --app \(app)") {
                    ws -> (Offer, DateReading.Moment, String, DateReading, String?) in
                    let a = try ws.application(app)
                    let region = try ws.region(ofApplication: a.id)
                    let baseMoney = try BareAmount.money(base, region: region, field: "base")
                    var o = Offer(applicationID: a.id!, base: baseMoney.value)
                    let zone = try ws.timeZone(of: a)
                    let reading = try ws.dateReading(of: a).asOf(day)
                    let received = try OfferCommand.arrival(at, asOf: day, reading: reading)
                    // "--respond-by friday": the Friday after it arrived, as a due day is read from its event's day.
                    try fields.apply(to: &o, reading: reading.asOf(LocalDate(received.instant, in: zone)))
                    // An offer still open there: this may be a new round of it, which is `revise`.
                    let revised = Set(try ws.offers(of: a.id!).compactMap(\.revises))
                    let open = try ws.offers(of: a.id!).last { !revised.contains($0.id!) && [.received, .negotiating].contains($0.status) }
                    let notes = [baseMoney.assumed.map { "note: " + BareAmount.note($0, region: region) },
                                 open.map { "note: offer \($0.id!) from \(TerminalText.line(a.company)) is still open; a new round of it is "
                                     + "'cadence offer revise \($0.id!) --base …', which keeps the rounds together" }].compactMap { $0 }
                    return (try ws.addOffer(o, receivedAt: received.instant), received, zone, reading,
                            notes.isEmpty ? nil : notes.joined(separator: "\n") + "\n")
                }
                Output.write("Recorded offer \(offer.id!): \(offer.baseText), received \(Output.spoken(received, in: zone))"
                             + OfferFields.datesSaid(offer) + "\n" + (amounts ?? ""))
                Output.notes(of: reading)
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct an offer as recorded: its status, terms or dates (a new round is 'offer revise').",
            discussion: "Accepting, declining or negotiating also logs the matching event on the timeline.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "The offer's id.") var offer: Int64
        @Option(help: "received, negotiating, accepted, declined, expired or rescinded.") var status: String?
        @Option(help: "When the status changed (default: now): the day the acceptance or decline is logged on.") var at: String?
        @Option(parsing: .unconditional, help: "Base pay.") var base: String?
        @Option(parsing: .unconditional, help: "The base you asked for in answer to this offer ('185000 USD'): logged as a round, and the offer is then negotiating.")
        var asked: String?
        @Option(help: "Edit as if today were this date: --at, --respond-by and --start in words count from it.") var asOf: String?
        @OptionGroup var fields: OfferFields

        func run() throws {
            try reportingErrors {
                let day = try asOf.map { try dayFlag($0, field: "as-of", in: workspace) }
                let newStatus = try status.map { try Offer.Status(parsing: $0) }
                let (updated, reading) = try workspace.open().write("offer edit \(offer)") { ws -> (Offer, DateReading) in
                    var o = try ws.offer(offer)
                    if let base { o.base = try Money(parsing: base, defaultCurrency: o.base.currency, field: "base") }
                    let reading = try ws.dateReading(ofApplication: o.applicationID).asOf(day)
                    try fields.apply(to: &o, reading: reading)
                    if let newStatus { o.status = newStatus }
                    if let asked {
                        o.asked = try OfferFields.ask(asked, currency: o.base.currency)
                        if o.status == .received { o.status = .negotiating }
                    }
                    try ws.update(o, at: try OfferCommand.arrival(at, asOf: day, reading: reading).instant)
                    return (o, reading)
                }
                Output.write("Updated offer \(updated.id!): \(updated.baseText), \(updated.status.rawValue)" + OfferFields.datesSaid(updated) + "\n")
                Output.notes(of: reading)
            }
        }
    }

    struct Revise: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a revised offer: a new version of the last one, the round logged with what you asked and what came back.",
            discussion: "cadence offer revise 1 --base '58000 GBP' --asked '60000 GBP' --note 'budget fixed above that' [--final]")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "The offer it revises (its id).") var offer: Int64
        @Option(parsing: .unconditional, help: "The new base pay.") var base: String?
        @Option(parsing: .unconditional, help: "The base you asked for in answer to the offer it revises ('185000 USD', '185k'): a later round never counters below it.")
        var asked: String?
        @Option(help: "Anything else said.") var note: String?
        @Option(help: "When it came back (default: now).") var at: String?
        @Option(help: "Record as if today were this date: --at, --respond-by and --start in words count from it, and without --at it came back that day.")
        var asOf: String?
        @OptionGroup var fields: OfferFields

        func run() throws {
            try reportingErrors {
                let day = try asOf.map { try dayFlag($0, field: "as-of", in: workspace) }
                let (revised, came, zone, reading) = try workspace.open().write("offer revise \(offer)") {
                    ws -> (Offer, DateReading.Moment, String, DateReading) in
                    let previous = try ws.offer(offer)
                    var o = previous
                    o.revises = previous.id
                    o.status = .negotiating
                    if let base { o.base = try Money(parsing: base, defaultCurrency: o.base.currency, field: "base") }
                    let reading = try ws.dateReading(ofApplication: o.applicationID).asOf(day)
                    let zone = try ws.timeZone(ofApplication: o.applicationID)
                    let came = try OfferCommand.arrival(at, asOf: day, reading: reading)
                    try fields.apply(to: &o, reading: reading.asOf(LocalDate(came.instant, in: zone)))
                    let ask = try asked.map { try OfferFields.ask($0, currency: previous.base.currency) }
                    return (try ws.reviseOffer(o, asked: ask, note: note, at: came.instant), came, zone, reading)
                }
                Output.write("Recorded offer \(revised.id!), revising offer \(offer): \(revised.baseText), "
                             + "received \(Output.spoken(came, in: zone))" + OfferFields.datesSaid(revised) + "\n")
                Output.notes(of: reading)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an offer: every component, and the rounds before it.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "The offer's id.") var offer: Int64
        @Option(help: "Say how its date to answer by stands as if today were this date (default: today).") var asOf: String?
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let day = try asOf.map { try dayFlag($0, field: "as-of", in: workspace) }
                let (versions, company, region, today, revised) = try workspace.open().read { ws -> ([Offer], String, Region?, LocalDate, Bool) in
                    let versions = try ws.versions(of: offer)
                    return (versions, try ws.applications(.all).first { $0.id == versions.last!.applicationID }?.company ?? "?",
                            try ws.region(ofApplication: versions.last!.applicationID),
                            try day ?? ws.dateReading(ofApplication: versions.last!.applicationID).today,
                            try ws.offers(of: versions.last!.applicationID, .all).contains { $0.revises == versions.last!.id })
                }
                if output.json { return Output.write(try Output.json(versions)) }
                let o = versions.last!
                var lines = ["Offer \(o.id!) from \(TerminalText.line(company)) (\(o.status.rawValue))"] + OfferText.components(o, region: region)
                // A version a later round revised is no longer the one to answer.
                if !revised, let standing = OfferCommand.answerStanding(o, on: today) {
                    lines.append("Answer by \(o.respondBy!.spoken): \(standing.when) (as of \(today.spoken))"
                                 + (standing.passed ? ": ask for a little more time at once (cadence negotiate \(TerminalText.line(company)))" : ""))
                }
                if versions.count > 1 {
                    lines.append("\nRounds")
                    for v in versions {
                        lines.append("  offer \(v.id!): \(v.baseText) (\(v.status.rawValue))" + (v.isFinal ? ", their final offer" : "")
                                     + (v.asked.map { "; you asked \($0)" } ?? ""))
                    }
                }
                Output.write(lines.joined(separator: "\n") + "\n")
            }
        }
    }

    struct Value: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Value an application's offers year by year, every component priced and every assumption stated.",
            discussion: """
                What is paid (base, bonus, sign-on, equity, retirement match, allowances) is kept apart \
                from what is worth something but is not paid (days off beyond your current job's or the \
                region's usual, health cover, the commute each remote day saves); shares with no market \
                price are shown at 0×, 1× and 2×; a benefit worded with no figure is valued by your \
                assumption or listed as not valued, with the command that values it. The valuation is \
                Lua (cadence.valuation); its assumptions are the workspace's negotiation.lua, over the defaults:
                  return { assumptions = { commute_day = "12 GBP", health_cover = "1200 GBP", rates = { USD = "0.79" } } }
                """)
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "The application (id, company, or company/role).") var app: String
        @Option(help: "Value as if today were this date (2026-03-02, or words such as 'last friday').") var asOf: String?
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let day = try asOf.map { try dayFlag($0, field: "as-of", in: workspace) }
                let value = try CadenceLua.call(workspace, asOf: day, name: "offer value", "cadence.valuation", "value_report_on",
                                                  ["app": LuaValue(app)])
                if output.json { return try CadenceLua.writeJSON(try CadenceLua.field("data", of: value, "cadence.valuation.value_report_on")) }
                Output.write(try CadenceLua.read(CadenceLua.Text.self, value, "cadence.valuation.value_report_on").text + "\n")
            }
        }
    }

    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put the offers (and your current job) side by side, valued alike, and rank them with your own criteria.",
            discussion: """
                Offers are labelled by company; the current job (the candidate's --current-pay and \
                --current-benefit) is valued with its benefits. Money is one criterion, scored up to 5 \
                by each package's average over the years; the workspace's negotiation.lua can score \
                your own and weigh them all, and each score's breakdown adds up to it:
                  return { weights = { money = 3, growth = 2, team = 1 },
                           score = function(offer, app) if app.company == "Initech" then return { growth = 4, team = 3 } end \
                           return { growth = 2, team = 4 } end }
                """)
        @OptionGroup var workspace: WorkspaceOptions
        @Option(help: "Only this candidate's offers.") var candidate: String?
        @Option(help: "Compare as if today were this date (2026-03-02, or words such as 'last friday').") var asOf: String?
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let day = try asOf.map { try dayFlag($0, field: "as-of", in: workspace) }
                let value = try CadenceLua.call(workspace, asOf: day, name: "offer compare", "cadence.valuation", "comparison_report_on",
                                                  ["candidate": candidate.map { LuaValue($0) } ?? .nil])
                if output.json { return try CadenceLua.writeJSON(try CadenceLua.field("data", of: value, "cadence.valuation.comparison_report_on")) }
                Output.write(try CadenceLua.read(CadenceLua.Text.self, value, "cadence.valuation.comparison_report_on").text + "\n")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List offers.")
        @OptionGroup var workspace: WorkspaceOptions
        @Flag(help: "Only the archived ones.") var archived = false
        @Option(help: "Mark the open offers' dates to answer by that have passed as of this date (default: today).") var asOf: String?
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let day = try asOf.map { try dayFlag($0, field: "as-of", in: workspace) }
                let (offers, companies, today) = try workspace.open().read { ws in
                    (try ws.offers(archived ? .archived : .live), Dictionary(uniqueKeysWithValues: try ws.applications(.all).map { ($0.id!, $0.company) }),
                     try day ?? ws.dateReading().today)
                }
                if output.json { return Output.write(try Output.json(offers)) }
                // A version a later round revised is no longer the one to answer.
                let revised = Set(offers.compactMap(\.revises))
                Output.write(Output.table(["id", "company", "base", "per year", "bonus", "status", "respond by", "revises"], offers.map {
                    [String($0.id!), companies[$0.applicationID] ?? "", "\($0.base) / \($0.period.rawValue)",
                     $0.annualBase.description, $0.bonusAmount?.description ?? "", $0.status.rawValue,
                     ($0.respondBy?.description ?? "")
                        + (!revised.contains($0.id!) && OfferCommand.answerStanding($0, on: today)?.passed == true ? " (passed)" : ""),
                     $0.revises.map(String.init) ?? ""]
                }))
            }
        }
    }
}

extension OfferCommand {
    /// How an open offer's date to answer by stands on `today`: "passed 3 days
    /// ago", "today", "in 4 days"; nil for an answered offer or one with no such date.
    static func answerStanding(_ o: Offer, on today: LocalDate) -> (when: String, passed: Bool)? {
        guard let by = o.respondBy, o.status == .received || o.status == .negotiating else { return nil }
        let days = today.days(until: by)
        if days < 0 { return ("passed \(-days) day\(days == -1 ? "" : "s") ago", true) }
        return (days == 0 ? "today" : "in \(days) day\(days == 1 ? "" : "s")", false)
    }

    /// When an offer arrived (or its status changed): `--at`, else the `--as-of`
    /// day (a day without a time: noon), else now.
    static func arrival(_ at: String?, asOf day: LocalDate?, reading: DateReading) throws -> DateReading.Moment {
        // A record is of what has happened: an as-of day is one gone by (or today), never one to come.
        if let day, day > LocalDate.today(in: reading.timeZone, now: reading.now) {
            throw Refusal("as-of: \(day.spoken) is after today: an offer is recorded once it has happened, so --as-of names a day "
                          + "gone by (to plan ahead, use negotiate or offer value --as-of)")
        }
        if at == nil, let day { return DateReading.Moment(instant: day.noon(in: reading.timeZone), hasTime: false) }
        let moment = try Timestamps.instant(at, reading: reading)
        // As of a day, what happened happened by then.
        if let day, LocalDate(moment.instant, in: reading.timeZone) > day {
            throw Refusal("at: \(LocalDate(moment.instant, in: reading.timeZone).spoken) is after the --as-of day, \(day.spoken): "
                          + "what has happened is dated on or before it")
        }
        return moment
    }
}
