import ArgumentParser
import CadenceCore
import CadenceStore
import Foundation

struct OfferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offer", abstract: "Record, change and list offers.",
        subcommands: [Add.self, Edit.self, List.self,
                      ArchiveCommand<OfferKind>.self, UnarchiveCommand<OfferKind>.self, DeleteCommand<OfferKind>.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record an offer (and log it on the timeline).",
            discussion: "cadence offer add --app acme --base '55000 GBP' --benefit pension='8% matched' --respond-by 2026-04-10")
        @OptionGroup var workspace: WorkspaceOptions
        @Option(help: "The application (id, company, or company/role).") var app: String
        @Option(parsing: .unconditional, help: "Base pay, such as '55000 GBP' or '£4,000'.") var base: String
        @Option(help: "year, month, week, day or hour.") var period: String = "year"
        @Option(parsing: .unconditional, help: "Bonus.") var bonus: String?
        @Option(help: "Equity, as stated.") var equity: String?
        @Option(parsing: .unconditional, help: "Sign-on payment.") var signOn: String?
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
                    let (name, terms) = try benefit(b)
                    benefitTerms[name] = terms
                }
                let offer = try workspace.open().write("offer add --app \(app)") { ws -> Offer in
                    let a = try ws.application(app)
                    let o = Offer(applicationID: a.id!, base: baseMoney, period: payPeriod,
                                  bonus: try bonus.map { try Money(parsing: $0, defaultCurrency: baseMoney.currency, field: "bonus") },
                                  equity: equity,
                                  signOn: try signOn.map { try Money(parsing: $0, defaultCurrency: baseMoney.currency, field: "sign-on") },
                                  benefits: benefitTerms, startDate: try start.map { try dayFlag($0, field: "start") },
                                  respondBy: try respondBy.map { try dayFlag($0, field: "respond-by") })
                    return try ws.addOffer(o, receivedAt: try Timestamps.instant(at, timeZone: try ws.timeZone(of: a)))
                }
                Output.write("Recorded offer \(offer.id!): \(offer.base) a \(offer.period.rawValue)\n")
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change an offer: its status, terms or dates.",
            discussion: "Accepting, declining or negotiating also logs the matching event on the timeline.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "The offer's id.") var offer: Int64
        @Option(help: "received, negotiating, accepted, declined, expired or rescinded.") var status: String?
        @Option(parsing: .unconditional, help: "Base pay.") var base: String?
        @Option(help: "year, month, week, day or hour.") var period: String?
        @Option(parsing: .unconditional, help: "Bonus (an empty value removes it).") var bonus: String?
        @Option(help: "Equity, as stated (an empty value removes it).") var equity: String?
        @Option(parsing: .unconditional, help: "Sign-on payment (an empty value removes it).") var signOn: String?
        @Option(name: .customLong("benefit"), help: "A benefit, name=terms (repeatable); name= removes it.") var benefits: [String] = []
        @Option(help: "Answer by this date.") var respondBy: String?
        @Option(help: "Start date.") var start: String?

        func run() throws {
            try reportingErrors {
                let newStatus = try status.map { text -> Offer.Status in
                    guard let s = Offer.Status(rawValue: text) else {
                        throw DomainError.invalid(field: "status", "unknown offer status '\(text)' (known: \(Offer.Status.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    return s
                }
                let updated = try workspace.open().write("offer edit \(offer)") { ws -> Offer in
                    var o = try ws.offer(offer)
                    if let base { o.base = try Money(parsing: base, defaultCurrency: o.base.currency, field: "base") }
                    if let period {
                        guard let p = PayPeriod(rawValue: period) else {
                            throw DomainError.invalid(field: "period", "'\(period)' is not one of year, month, week, day, hour")
                        }
                        o.period = p
                    }
                    if let bonus { o.bonus = bonus.isEmpty ? nil : try Money(parsing: bonus, defaultCurrency: o.base.currency, field: "bonus") }
                    if let signOn { o.signOn = signOn.isEmpty ? nil : try Money(parsing: signOn, defaultCurrency: o.base.currency, field: "sign-on") }
                    if let equity { o.equity = equity.isEmpty ? nil : equity }
                    for b in benefits {
                        let (name, terms) = try benefit(b)
                        o.benefits[name] = terms.isEmpty ? nil : terms
                    }
                    if let respondBy { o.respondBy = try dayFlag(respondBy, field: "respond-by") }
                    if let start { o.startDate = try dayFlag(start, field: "start") }
                    if let newStatus { o.status = newStatus }
                    try ws.update(o)
                    return o
                }
                Output.write("Updated offer \(updated.id!): \(updated.base) a \(updated.period.rawValue), \(updated.status.rawValue)\n")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List offers.")
        @OptionGroup var workspace: WorkspaceOptions
        @Flag(help: "Only the archived ones.") var archived = false
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let (offers, companies) = try workspace.open().read { ws in
                    (try ws.offers(archived ? .archived : .live), Dictionary(uniqueKeysWithValues: try ws.applications(.all).map { ($0.id!, $0.company) }))
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

/// "holiday=25 days" -> ("holiday", "25 days"); "pension=" -> ("pension", "").
private func benefit(_ text: String) throws -> (name: String, terms: String) {
    let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 2, !parts[0].isEmpty else {
        throw DomainError.invalid(field: "benefit", "'\(text)' should be name=terms")
    }
    return (parts[0], parts[1])
}
