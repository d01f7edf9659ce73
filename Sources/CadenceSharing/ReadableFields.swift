/// The records an installed policy may read, and their fields, as the Lua
/// API names them (`RecordSchema`'s names; a test holds the two together). A manifest's `reads` is checked against this list, the
/// worker is sent only the fields it names, and `cadence policy show` lists
/// them: one owner for the shapes a policy sees.
public enum ReadableFields {
    /// Given to every policy, declared or not: which application, each
    /// event's kind and day (a timeline without them says nothing), and which
    /// events correct others (planning sets the corrected ones aside).
    public static let always: [String: [String]] = [
        "application": ["id", "candidate_id"],
        "events": ["id", "kind", "day", "corrects"],
        "offers": ["id"],
        "candidate": ["id"],
        "contacts": [],
    ]

    /// The same, in words, for what `policy add` and `policy show` say.
    public static let alwaysText = "which applications exist, each event's kind and day, and which events correct others"

    /// Fields a manifest may declare, by record: every field a worker's row
    /// carries (the typed rows below name each field once) but those always given.
    public static let declarable: [String: [String]] = carried.reduce(into: [:]) { result, entry in
        let given = Set(always[entry.key] ?? [])
        result[entry.key] = entry.value.filter { !given.contains($0) }
    }

    /// Fields that name or reach people: `cadence policy add` points them out.
    public static let personal: Set<String> = ["email", "phone", "name", "notes", "discussed", "facts", "targets",
                                               "current_pay", "current_benefits", "references"]

    public static let records = ["application", "events", "contacts", "offers", "candidate"]
}

/// The rows a worker is sent, one type per record, column by column: each
/// field the lists above name, with its type, so that reading never tries
/// one type after another (and a hundred thousand events are a few long
/// lists rather than a hundred thousand small tables). A field the package
/// does not read has no column, and is nil in the worker. Days are day
/// numbers (`LocalDate.dayNumber`); money, targets, grants and the like keep
/// the shape the Lua API gives them (`WireValue`).
extension ReadableFields {
    /// One field of every row: its values, and which rows (1-based) hold
    /// them when not all do.
    public struct Column<Value: Codable & Sendable>: Codable, Sendable {
        public var values: [Value]
        public var rows: [Int]?

        public init(values: [Value], rows: [Int]?) {
            self.values = values
            self.rows = rows
        }

        /// The values row by row, in order: `next(row)` is the value of
        /// `row` (asked in increasing order), or nil.
        public struct Cursor {
            let column: Column?
            var at = 0
            public init(_ column: Column?) { self.column = column }
            public mutating func next(_ row: Int) -> Value? {
                guard let column else { return nil }
                guard let rows = column.rows else { return row - 1 < column.values.count ? column.values[row - 1] : nil }
                while at < rows.count && rows[at] < row { at += 1 }
                guard at < rows.count, rows[at] == row, at < column.values.count else { return nil }
                return column.values[at]
            }
        }
    }

    /// A record's rows: how many each application has (in the applications'
    /// order; one count for a plain list), and its fields as columns.
    public struct Rows<Fields: Codable & Sendable>: Codable, Sendable {
        public var counts: [Int]
        public var columns: Fields
    }

    public struct Application: Codable, Sendable {
        public var id, candidateID: Column<Int64>?
        public var company, role, stage, source, location, url, postedSalary, notes, candidate: Column<String>?
        public var stageSince, lastContact, lastFromThem, lastByYou, decisionDeadline: Column<Int>?
        public var interest: Column<Int>?
        public var needs, questions, tags: Column<[String]>?
        public var facts: Column<[String: String]>?
        public var postedRange, targets: Column<WireValue>?

        public enum CodingKeys: String, CodingKey, CaseIterable {
            case id, candidateID = "candidate_id", company, role, stage, source, location, url, postedSalary = "salary", notes, candidate
            case stageSince = "stage_since", lastContact = "last_contact", lastFromThem = "last_from_them"
            case lastByYou = "last_by_you", decisionDeadline = "deadline", interest, needs, questions, tags
            case facts, postedRange = "salary_range", targets
        }
    }

    public struct Event: Codable, Sendable {
        public var id, corrects: Column<Int64>?
        public var kind, at, channel, messageKind, round, nextStep, stage, notes, dueTime: Column<String>?
        public var day, due: Column<Int>?
        public var with: Column<[String]>?

        public enum CodingKeys: String, CodingKey, CaseIterable {
            case id, corrects, kind, at, channel, messageKind = "message_kind", round, nextStep = "next_step", stage, notes, day, due, with
            case dueTime = "due_time"
        }
    }

    public struct Contact: Codable, Sendable {
        public var name, title, role, email, phone, discussed: Column<String>?

        public enum CodingKeys: String, CodingKey, CaseIterable {
            case name, title, role, email, phone, discussed
        }
    }

    public struct Offer: Codable, Sendable {
        public var id, revises: Column<Int64>?
        public var period, equity, status: Column<String>?
        public var bonusGuaranteed, isFinal: Column<Bool>?
        public var signOnClawbackMonths: Column<Int>?
        public var startDate, respondBy, receivedOn, askedOn: Column<Int>?
        public var benefits: Column<[String: String]>?
        public var base, bonus, bonusPercent, grant, refresher, signOn, benefitValues, asked: Column<WireValue>?

        public enum CodingKeys: String, CodingKey, CaseIterable {
            case id, revises, period, equity, status, bonusGuaranteed = "bonus_guaranteed"
            case signOnClawbackMonths = "clawback_months", startDate = "start", respondBy = "respond_by"
            case benefits, base, bonus, bonusPercent = "bonus_percent", grant, refresher, signOn = "sign_on", benefitValues = "benefit_values"
            case asked, isFinal = "final", receivedOn = "came", askedOn = "asked_on"
        }
    }

    public struct Candidate: Codable, Sendable {
        public var id: Column<Int64>?
        public var name, email, timeZone: Column<String>?
        public var strengths, currentBenefits, references: Column<[String]>?
        public var targets, currentPay: Column<WireValue>?

        public enum CodingKeys: String, CodingKey, CaseIterable {
            case id, name, email, timeZone = "time_zone", strengths, currentBenefits = "current_benefits", references, targets
            case currentPay = "current_pay"
        }
    }

    /// The fields each record's type carries: what `declarable` is made of.
    public static let carried: [String: [String]] = [
        "application": Application.CodingKeys.allCases.map(\.rawValue),
        "events": Event.CodingKeys.allCases.map(\.rawValue),
        "contacts": Contact.CodingKeys.allCases.map(\.rawValue),
        "offers": Offer.CodingKeys.allCases.map(\.rawValue),
        "candidate": Candidate.CodingKeys.allCases.map(\.rawValue),
    ]
}
