/// What an offer's benefits are called where a candidate searches, and what
/// is usual there: "PTO" and a "401(k) match" in the US, "holiday" and a
/// "pension" in the UK, "superannuation" in Australia. Offers, questions and
/// scripts speak these words; the numbers are starting points a person
/// compares an offer with, never facts about one.
public struct RegionBenefits: Sendable, Equatable {
    /// Paid days off: "PTO", "holiday", "annual leave".
    public let paidLeave: String
    /// The paid days off a year a full-time professional job commonly gives
    /// there, public holidays not counted.
    public let typicalLeaveDays: Int
    /// The legal minimum a year on a five-day week, public holidays not
    /// counted, or nil where the law sets none.
    public let statutoryLeaveDays: Int?
    /// The employer's retirement contribution: "401(k) match", "pension".
    public let retirement: String
    /// Health cover an employer pays for: "health insurance premium".
    public let health: String

    /// The words for a candidate with no region: plain English a reader anywhere follows.
    public static let plain = RegionBenefits(paidLeave: "paid leave", typicalLeaveDays: 20, statutoryLeaveDays: nil,
                                             retirement: "retirement contribution", health: "health cover")

    /// "What benefits come with the role: 401(k) match, health insurance premium, PTO?"
    public var question: String { "\(retirement), \(health), \(paidLeave)" }
}

extension Region {
    public var benefits: RegionBenefits {
        switch self {
        case .us:
            // No federal minimum; 10-15 days is the private-sector median, more for professional roles.
            RegionBenefits(paidLeave: "PTO", typicalLeaveDays: 15, statutoryLeaveDays: nil,
                           retirement: "401(k) match", health: "health insurance premium")
        case .canada:
            // Two weeks after a year under the Canada Labour Code and most provinces.
            RegionBenefits(paidLeave: "PTO", typicalLeaveDays: 15, statutoryLeaveDays: 10,
                           retirement: "RRSP match", health: "extended health and dental")
        case .uk:
            // 5.6 weeks (28 days) statutory, of which the 8 bank holidays may be part: 20 besides them.
            RegionBenefits(paidLeave: "holiday", typicalLeaveDays: 25, statutoryLeaveDays: 20,
                           retirement: "pension", health: "private medical insurance")
        case .ireland:
            RegionBenefits(paidLeave: "annual leave", typicalLeaveDays: 22, statutoryLeaveDays: 20,
                           retirement: "pension", health: "health insurance")
        case .germany:
            // Urlaub: 20 days on a five-day week by the Bundesurlaubsgesetz; 30 is common.
            RegionBenefits(paidLeave: "annual leave", typicalLeaveDays: 30, statutoryLeaveDays: 20,
                           retirement: "company pension", health: "health insurance")
        case .france:
            // Congés payés: five weeks (25 working days), before any RTT days.
            RegionBenefits(paidLeave: "annual leave", typicalLeaveDays: 25, statutoryLeaveDays: 25,
                           retirement: "supplementary pension", health: "top-up health insurance (mutuelle)")
        case .netherlands:
            // Vakantiedagen: four times the weekly working days by law; 25 is usual.
            RegionBenefits(paidLeave: "annual leave", typicalLeaveDays: 25, statutoryLeaveDays: 20,
                           retirement: "pension", health: "health insurance contribution")
        case .india:
            // Earned (privilege) leave differs by state and employer; 18 days is common.
            RegionBenefits(paidLeave: "earned leave", typicalLeaveDays: 18, statutoryLeaveDays: nil,
                           retirement: "provident fund", health: "medical insurance")
        case .australia:
            // Four weeks under the National Employment Standards.
            RegionBenefits(paidLeave: "annual leave", typicalLeaveDays: 20, statutoryLeaveDays: 20,
                           retirement: "superannuation", health: "private health insurance")
        }
    }
}

extension Optional where Wrapped == Region {
    /// The region's benefit words, or plain ones without a region.
    public var benefits: RegionBenefits { self?.benefits ?? .plain }
}
