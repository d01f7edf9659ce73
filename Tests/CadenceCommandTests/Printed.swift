import Foundation

/// What `cadence … --json` prints, as far as the tests read it. A field the
/// output always carries is required, so a renamed one fails the decoding
/// instead of reading as absent; one the output leaves out when it has no
/// value is optional.
enum Printed {
    struct Money: Decodable, Equatable {
        var currency: String
        var minorUnits: Int
    }

    struct Targets: Decodable {
        var bottom: Money
        var going: Money
        var top: Money
        var period: String
    }

    struct Percent: Decodable, Equatable {
        var basisPoints: Int
    }

    /// `candidate show`.
    struct Candidate: Decodable {
        var name: String
        var region: String?
        var targets: Targets?
        var currentPay: Money?
        var currentBenefits: [String]
    }

    /// A line of `app list`.
    struct App: Decodable {
        var id: Int
        var company: String
        var role: String
        var stage: String
    }

    /// `app show`.
    struct AppDetail: Decodable {
        var application: Application
        var stage: String
        var stageHistory: [Change]
        var events: [Event]

        struct Application: Decodable {
            var company: String
            var role: String
            var location: String?
            var postedSalary: String?
            var targets: Targets?
            var facts: [String: String]?
        }

        struct Change: Decodable {
            var stage: String
            var at: String
        }

        /// The stage history as "DAY STAGE", the day as the text shows it (UTC).
        var history: [String] { stageHistory.map { "\($0.at.prefix(10)) \($0.stage)" } }
    }

    /// An event, in `app show` and `export`.
    struct Event: Decodable {
        var id: Int
        var kind: String
        var at: String
        var with: [String]
        var messageKind: String?
        var round: String?
        var nextStep: String?
        var due: String?
        var notes: String?

        var day: String { String(at.prefix(10)) }
    }

    /// `export` (JSON is its default format).
    struct Export: Decodable {
        var events: [Event]
    }

    /// An item of `agenda`.
    struct AgendaItem: Decodable {
        var ref: String
        var company: String
        var kind: String
        var due: String
        var policy: String
        var reason: String
        var to: String?
        var draft: String?
        /// The package that proposed it: "NAME VERSION (sha256 …)".
        var source: String?
    }

    /// `simulate`.
    struct Simulation: Decodable {
        var timeline: [Step]
        var ended: [String]

        struct Step: Decodable, Equatable {
            var day: String
            var who: String
            var what: String
        }
    }

    /// `negotiate --question`.
    struct Answer: Decodable {
        var rule: String
        var words: String
    }

    /// An offer, in `offer show` (its versions) and `offer list`.
    struct Offer: Decodable {
        var id: Int
        var applicationID: Int
        var base: Money
        var period: String
        var status: String
        var revises: Int?
        var bonus: Money?
        var bonusPercent: Percent?
        var signOn: Money?
        var signOnClawbackMonths: Int?
        var equity: String?
        var grant: Grant?
        var benefitValues: BenefitValues

        struct Grant: Decodable {
            var kind: String
            var grantValue: Money?
        }

        struct BenefitValues: Decodable {
            var pensionMatch: Percent?
            var pensionCap: Money?
        }
    }

    /// `offer value --json` and `offer compare --json` as documented in the README: one shape,
    /// whatever the offer holds (a list empty or not is a list; an object is never a list).
    struct Valuation: Decodable {
        var currency: String
        var years: Int
        var rows: [Row]
        var totals: [Int64]
        var average: Int64
        var paid: Totals
        var worth: Totals
        var equity_scenarios: [Scenario]
        var not_valued: [NotValued]
        var assumptions: [String]
        // `offer value`: the offer; `offer compare`: the ranking too (offer, company and role absent for the current job).
        var offer: Int?
        var company: String?
        var role: String?
        var label: String?
        var rank: Int?
        var current: Bool?
        var year1: Int64?
        var scores: [String: Double]?
        var overall: Double?
        var breakdown: String?

        struct Row: Decodable { var name: String; var kind: String; var how: String; var amounts: [Int64] }
        struct Totals: Decodable { var totals: [Int64]; var average: Int64 }
        struct Scenario: Decodable { var multiple: Int; var totals: [Int64]; var average: Int64 }
        struct NotValued: Decodable { var name: String; var terms: String; var how: String }

        func row(_ name: String) -> Row? { rows.first { $0.name == name } }
    }

    /// An entry of `offer compare`, best first.
    struct Ranked: Decodable {
        var label: String
        var overall: Double
        var scores: [String: Double]
        var assumptions: [String]
    }
}
