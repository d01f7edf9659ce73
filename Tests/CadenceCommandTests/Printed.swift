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

    /// An offer valued year by year, in `offer value`.
    struct Valuation: Decodable {
        var currency: String
        var rows: [Row]
        var totals: [Int]
        var average: Int
        var assumptions: [String]

        struct Row: Decodable {
            var name: String
            var amounts: [Int]
            var how: String
        }

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
