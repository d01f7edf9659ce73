import ArgumentParser
import CadenceCore
import CadenceStore

struct OfferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offer", abstract: "Record and list offers.", subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record an offer (and log it on the timeline).",
            discussion: "cadence offer add --app acme --base '55000 GBP' --benefit pension='8% matched' --respond-by 2026-04-10")
        @OptionGroup var workspace: WorkspaceOptions
        @Option(help: "The application (id, company, or company/role).") var app: String
        @Option(help: "Base pay, such as '55000 GBP' or '£4,000'.") var base: String
        @Option(help: "year, month, week, day or hour.") var period: String = "year"
        @Option(help: "Bonus.") var bonus: String?
        @Option(help: "Equity, as stated.") var equity: String?
        @Option(help: "Sign-on payment.") var signOn: String?
        @Option(name: .customLong("benefit"), help: "A benefit, name=terms (repeatable): holiday='25 days'.") var benefits: [String] = []
        @Option(help: "Start date.") var start: String?
        @Option(help: "Answer by this date.") var respondBy: String?
        @Option(help: "When it arrived (default: now).") var at: String?

        func run() throws {
            try reportingErrors {
                guard let payPeriod = PayPeriod(rawValue: period) else {
                    throw DomainError.invalid(field: "period", "'\(period)' is not one of year, month, week, day, hour")
                }
                let baseMoney = try Money(parsing: base, field: "base")
                var benefitTerms: [String: String] = [:]
                for b in benefits {
                    let parts = b.split(separator: "=", maxSplits: 1).map(String.init)
                    guard parts.count == 2, !parts[0].isEmpty else {
                        throw DomainError.invalid(field: "benefit", "'\(b)' should be name=terms")
                    }
                    benefitTerms[parts[0]] = parts[1]
                }
                let offer = try workspace.open().write { db -> Offer in
                    let a = try Queries.application(app, db)
                    var o = Offer(applicationID: a.id!, base: baseMoney, period: payPeriod,
                                  bonus: try bonus.map { try Money(parsing: $0, defaultCurrency: baseMoney.currency, field: "bonus") },
                                  equity: equity,
                                  signOn: try signOn.map { try Money(parsing: $0, defaultCurrency: baseMoney.currency, field: "sign-on") },
                                  benefits: benefitTerms, startDate: try start.map { try DateParsing.date($0, field: "start") },
                                  respondBy: try respondBy.map { try DateParsing.date($0, field: "respond-by") })
                    try Queries.add(&o, db)
                    let zone = try Queries.candidates(db).first { $0.id == a.candidateID }?.timeZone ?? "UTC"
                    var event = Event(applicationID: a.id!, kind: .offerReceived, at: try instant(at, timeZone: zone), due: o.respondBy,
                                      notes: "offer #\(o.id!): \(o.base) a \(o.period.rawValue)")
                    try Queries.log(&event, db)
                    return o
                }
                Output.write("Recorded offer \(offer.id!): \(offer.base) a \(offer.period.rawValue)\n")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List offers.")
        @OptionGroup var workspace: WorkspaceOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let (offers, companies) = try workspace.open().read { db in
                    (try Queries.offers(db), Dictionary(uniqueKeysWithValues: try Queries.applications(db).map { ($0.id!, $0.company) }))
                }
                if output.json { return Output.write(try Output.json(offers)) }
                Output.write(Output.table(["id", "company", "base", "per year", "status", "respond by", "benefits"], offers.map {
                    [String($0.id!), companies[$0.applicationID] ?? "", "\($0.base) / \($0.period.rawValue)",
                     $0.annualBase.description, $0.status.rawValue, $0.respondBy?.description ?? "",
                     $0.benefits.keys.sorted().joined(separator: ", ")]
                }))
            }
        }
    }
}
