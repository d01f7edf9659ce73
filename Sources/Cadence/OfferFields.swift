import ArgumentParser
import CadenceCore
import Foundation

/// An offer's components as options, shared by `offer add`, `edit` and
/// `revise`: what is given replaces what the offer had; an empty value
/// removes a component.
struct OfferFields: ParsableArguments {
    @Option(help: "year, month, week, day or hour (for base pay).") var period: String?
    @Option(parsing: .unconditional, help: "Bonus: an amount ('5400', '£5,400') or a share of base ('10%').") var bonus: String?
    @Flag(inversion: .prefixedNo, help: "Whether the bonus is guaranteed (default: a target).") var bonusGuaranteed: Bool?
    @Option(parsing: .unconditional, help: "Sign-on payment.") var signOn: String?
    @Option(help: "Months within which leaving means paying the sign-on back.") var clawbackMonths: Int?
    @Option(help: "Equity as the offer words it ('500 RSUs over 4 years').") var equity: String?
    @Option(parsing: .unconditional, help: "RSUs by the grant's value ('40000 GBP').") var rsu: String?
    @Option(help: "RSUs or options: how many shares.") var shares: Int64?
    @Option(parsing: .unconditional, help: "RSUs: the price of a share.") var sharePrice: String?
    @Option(parsing: .unconditional, help: "Options: the strike price.") var strike: String?
    @Option(parsing: .unconditional, help: "Options: what you assume a share is worth.") var valuePerShare: String?
    @Option(help: "Years the equity vests over (default 4).") var vestingYears: Int?
    @Option(help: "Months before anything vests (default 12).") var cliffMonths: Int?
    @Option(help: "Months between vestings after the cliff (default 3).") var vestEveryMonths: Int?
    @Option(help: "Percent vesting each year, when uneven: '40,30,20,10'.") var vestingSchedule: String?
    @Option(parsing: .unconditional, help: "A further grant expected each year, by value.") var refresher: String?
    @Option(name: [.customLong("holiday-days"), .customLong("pto-days"), .customLong("leave-days")],
            help: "Paid days off a year, public holidays not counted (PTO, holiday, annual leave).") var holidayDays: Int?
    @Option(help: ArgumentHelp("The employer's retirement contribution, as a share of base ('6%'): pension, 401(k) match, "
                               + "RRSP match, superannuation, provident fund.")) var pension: String?
    @Option(parsing: .unconditional, help: "The most the retirement contribution comes to a year.") var pensionCap: String?
    @Option(parsing: .unconditional, help: "What health cover (health insurance premium, private medical) is worth to you a year.")
    var healthCover: String?
    @Option(help: "Days a week working from home, whole or half (2.5); empty removes it.") var remoteDays: String?
    @Option(help: "Days a week in the office, whole or half (0.5); empty removes it.") var officeDays: String?
    @Option(parsing: .unconditional, help: "Study or training budget a year.") var studyBudget: String?
    @Option(parsing: .unconditional, help: "Moving allowance (once).") var movingAllowance: String?
    @Option(parsing: .unconditional, help: "Car or travel allowance a year.") var travel: String?
    @Option(parsing: .unconditional, help: "Gym a year.") var gym: String?
    @Option(name: .customLong("worth"), help: ArgumentHelp("Any other benefit's worth a year: name=amount (repeatable).", valueName: "name=amount"))
    var worth: [String] = []
    @Option(name: .customLong("benefit"), help: "A benefit as the offer words it, name=terms (repeatable); name= removes it.")
    var benefits: [String] = []
    @Option(help: "Start date.") var start: String?
    @Option(help: "Answer by this date.") var respondBy: String?
    @Flag(inversion: .prefixedNo, help: "They said this is their final offer.") var final: Bool?

    func apply(to o: inout Offer, reading: DateReading) throws {
        let currency = o.base.currency
        func money(_ text: String, _ field: String) throws -> Money? {
            text.isEmpty ? nil : try Money(parsing: text, defaultCurrency: currency, field: field)
        }
        if let period { o.period = try PayPeriod(parsing: period) }
        if let bonus {
            if bonus.isEmpty { (o.bonus, o.bonusPercent) = (nil, nil) } else { try o.setBonus(bonus) }
        }
        if let bonusGuaranteed { o.bonusGuaranteed = bonusGuaranteed }
        if let signOn { o.signOn = try money(signOn, "sign-on") }
        if let clawbackMonths { o.signOnClawbackMonths = clawbackMonths }
        if let equity { o.equity = equity.isEmpty ? nil : equity }
        try applyGrant(to: &o, money)
        if let refresher { o.refresher = try money(refresher, "refresher") }
        var v = o.benefitValues
        if let holidayDays { v.holidayDays = holidayDays }
        if let pension { v.pensionMatch = pension.isEmpty ? nil : try Percent(parsing: pension, field: "pension") }
        if let pensionCap { v.pensionCap = try money(pensionCap, "pension cap") }
        if let healthCover { v.healthCover = try money(healthCover, "health cover") }
        if let remoteDays { v.remoteDaysPerWeek = try Self.days(remoteDays, "remote days") }
        if let officeDays { v.officeDaysPerWeek = try Self.days(officeDays, "office days") }
        if let studyBudget { v.studyBudget = try money(studyBudget, "study budget") }
        if let movingAllowance { v.movingAllowance = try money(movingAllowance, "moving allowance") }
        if let travel { v.travel = try money(travel, "travel") }
        if let gym { v.gym = try money(gym, "gym") }
        for item in worth {
            let (name, amount) = try pair(item, "worth")
            v.other[name] = try money(amount, name)
        }
        o.benefitValues = v
        for item in benefits {
            let (name, terms) = try pair(item, "benefit")
            o.benefits[name] = terms.isEmpty ? nil : terms
        }
        if let respondBy { o.respondBy = try dayFlag(respondBy, field: "respond-by", reading: reading) }
        if let start { o.startDate = try dayFlag(start, field: "start", reading: reading) }
        if let final { o.isFinal = final }
    }

    /// Days a week as written ("3", "2.5", "0,5"), or nil for an empty value
    /// (removed); which days a week can be is BenefitValues.validate's.
    static func days(_ text: String, _ field: String) throws -> Double? {
        let plain = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        if plain.isEmpty { return nil }
        guard plain.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let days = Double(plain) else {
            throw DomainError.invalid(field: field, "'\(text)' is not a number of days: 0 to 7, whole or half (2.5)")
        }
        return days
    }

    /// The base asked for in a round: "185000 USD", "185k", "base 60,000 GBP"
    /// (the word "base" allowed), in the offer's currency unless it names one.
    static func ask(_ text: String, currency: String) throws -> Money {
        var amount = text.trimmingCharacters(in: .whitespaces)
        if amount.lowercased().hasPrefix("base ") { amount = String(amount.dropFirst(5)) }
        let money: Money
        do { money = try Money(parsing: amount, defaultCurrency: currency, field: "asked") } catch {
            throw DomainError.invalid(field: "asked", "'\(text)' is not an amount: --asked is the base you asked for, such as "
                                      + "'185000 \(currency)'; put the rest of what you asked in --note")
        }
        guard money.minorUnits > 0 else {
            throw DomainError.invalid(field: "asked", "\(money) is no ask: the base you asked for is above zero")
        }
        // A round is asked and answered in one currency: the offer's.
        guard money.currency == currency else {
            throw DomainError.invalid(field: "asked", "\(money) is not in the offer's currency, \(currency): say the base you asked in \(currency)")
        }
        return money
    }

    /// The offer's dates as the reply says them: "; answer by Fri 11 Dec 2026, start Mon 4 Jan 2027".
    static func datesSaid(_ o: Offer) -> String {
        let said = [o.respondBy.map { "answer by " + $0.spoken }, o.startDate.map { "start " + $0.spoken }].compactMap { $0 }
        return said.isEmpty ? "" : "; " + said.joined(separator: ", ")
    }

    /// RSUs (by value, or shares and price) or options (shares, strike, value per share), and the vesting.
    func applyGrant(to o: inout Offer, _ money: (String, String) throws -> Money?) throws {
        let touched = rsu != nil || shares != nil || sharePrice != nil || strike != nil || valuePerShare != nil
            || vestingYears != nil || cliffMonths != nil || vestEveryMonths != nil || vestingSchedule != nil
        guard touched else { return }
        let kind: EquityGrant.Kind = strike != nil || valuePerShare != nil ? .options
            : (rsu != nil || sharePrice != nil ? .rsu : o.grant?.kind ?? .rsu)
        var g = o.grant?.kind == kind ? o.grant! : EquityGrant(kind: kind)
        if let rsu { g.grantValue = try money(rsu, "rsu") }
        if let shares { g.shares = shares }
        if let sharePrice { g.sharePrice = try money(sharePrice, "share price") }
        if let strike { g.strike = try money(strike, "strike") }
        if let valuePerShare { g.valuePerShare = try money(valuePerShare, "value per share") }
        if let vestingYears { g.vestingMonths = vestingYears * 12 }
        if let cliffMonths { g.cliffMonths = cliffMonths }
        if let vestEveryMonths { g.everyMonths = vestEveryMonths }
        if let vestingSchedule {
            let parts = vestingSchedule.split(whereSeparator: { ",/ ".contains($0) }).map { Int($0.trimmingCharacters(in: .init(charactersIn: "%"))) }
            guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else {
                throw DomainError.invalid(field: "vesting schedule", "'\(vestingSchedule)' is percentages a year, such as 40,30,20,10")
            }
            g.schedule = parts.map { $0! }
            if vestingYears == nil { g.vestingMonths = parts.count * 12 }
        }
        o.grant = g
    }

    /// "holiday=25 days" -> ("holiday", "25 days"); "pension=" -> ("pension", "").
    func pair(_ text: String, _ field: String) throws -> (String, String) {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty else {
            throw DomainError.invalid(field: field, "'\(text)' should be name=value")
        }
        return (parts[0], parts[1])
    }
}
