import CadenceCore

/// An offer's components as lines of text: `offer show` and `app show` both print them.
enum OfferText {
    /// `region`, the candidate's, names the benefits as people there do
    /// ("PTO" and "401(k) match" in the US); without one they are named as
    /// the offer's fields are (holiday, pension, health cover).
    static func components(_ o: Offer, region: Region? = nil) -> [String] {
        var out: [String] = []
        // A component's name and terms may be the user's (a benefit, an equity
        // note): each line stays one line, so none can pose as "respond by:".
        func part(_ name: String, _ value: String?) {
            if let value { out.append("  \(TerminalText.line(name) + ":")".padded(20) + TerminalText.line(value)) }
        }
        part("base", o.baseText + (o.period == .year ? "" : " (\(o.annualBase.description(per: .year)))"))
        part("bonus", o.bonusPercent.map { "\($0) of base (\(o.bonusAmount.map(\.description) ?? "too large to count"))" } ?? o.bonus?.description)
        if o.bonusAmount != nil { part("bonus is", o.bonusGuaranteed ? "guaranteed" : "a target") }
        part("sign-on", o.signOn.map { s in "\(s)" + (o.signOnClawbackMonths.map { ", paid back if you leave within \($0) months" } ?? "") })
        part("equity", o.equity)
        if let g = o.grant {
            switch g.kind {
            case .rsu:
                part("RSUs", g.grantValue.map { "\($0)" } ?? "\(g.shares ?? 0) shares at \(g.sharePrice!) (\(g.totalValue))")
            case .options:
                part("options", "\(g.shares!) at a strike of \(g.strike!), assumed worth \(g.valuePerShare!) a share (\(g.totalValue))")
            }
            part("vesting", "\(g.vestingMonths / 12) years, \(g.cliffMonths)-month cliff, then every \(g.everyMonths) months"
                 + (g.schedule.map { " (" + $0.map { "\($0)%" }.joined(separator: "/") + ")" } ?? ""))
        }
        part("refresher", o.refresher?.description(per: .year))
        let v = o.benefitValues
        let words = region?.benefits
        part(words?.paidLeave ?? "holiday", v.holidayDays.map { days in "\(days) days" + (words.map(Self.leaveNote) ?? "") })
        part(words?.retirement ?? "pension", v.pensionMatch.map { "\($0) of base" + (v.pensionCap.map { ", up to \($0.description(per: .year))" } ?? "") })
        part(words?.health ?? "health cover", v.healthCover.map { "worth \($0.description(per: .year))" })
        part("remote days", v.remoteDaysPerWeek.map { "\(BenefitValues.daysText($0)) a week" })
        part("office days", v.officeDaysPerWeek.map { "\(BenefitValues.daysText($0)) a week" })
        part("study budget", v.studyBudget?.description(per: .year))
        part("moving allowance", v.movingAllowance?.description)
        part("travel", v.travel?.description(per: .year))
        part("gym", v.gym?.description(per: .year))
        for (name, worth) in v.other.sorted(by: { $0.key < $1.key }) { part(name, "worth \(worth.description(per: .year))") }
        for (name, terms) in o.benefits.sorted(by: { $0.key < $1.key }) { part(name, "\"\(terms)\" (as the offer words it)") }
        part("start", o.startDate?.spoken)
        part("respond by", o.respondBy?.spoken)
        return out
    }

    /// " (typical: 25; legal minimum: 20)": what the days offered compare with there.
    static func leaveNote(_ words: RegionBenefits) -> String {
        " (typical: \(words.typicalLeaveDays)" + (words.statutoryLeaveDays.map { "; legal minimum: \($0)" } ?? "; no legal minimum") + ")"
    }
}
