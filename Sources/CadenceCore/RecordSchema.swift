/// The fields of each record a script reads and writes, by the one name Lua
/// and the command line call each by (snake_case, as the options' words:
/// `deadline` is `--deadline`). The Lua objects refuse any other name with
/// the nearest of these (`a.srouce`), `help()` lists them, and a write's
/// table is checked against the same names: one owner for what a record's
/// fields are called.
public struct RecordSchema: Sendable {
    public struct Field: Sendable {
        public let name: String
        public let help: String
        public init(_ name: String, _ help: String) {
            self.name = name
            self.help = help
        }
    }

    /// "application": the record's name in messages and in `help`.
    public let record: String
    /// "an application": how an error speaks of one.
    public let article: String
    public let fields: [Field]
    /// Names the field had before it was named once (`decisionDeadline`):
    /// refused, with the name it has now. They are also the Swift
    /// properties' names, so a record encoded from Swift is renamed by them.
    public let renamed: [String: String]

    public var names: [String] { fields.map(\.name) }

    /// The field `name` is not, in words: "no field 'srouce' on an
    /// application (did you mean 'source'?)". `name` is quoted as written:
    /// the caller makes it safe for a terminal.
    public func unknown(_ name: String, shown: String) -> String {
        let near = renamed[name] ?? NearMiss.nearest(to: name, among: names)
        return "no field '\(shown)' on \(article)" + (near.map { " (did you mean '\($0)'?)" } ?? "")
    }

    public static let application = RecordSchema(record: "application", article: "an application", fields: [
        Field("id", "the application's number"),
        Field("candidate_id", "the number of whose application it is"),
        Field("candidate", "the candidate's name"),
        Field("company", "the company"),
        Field("role", "the role"),
        Field("stage", "the stage, derived from the timeline: saved, applied, screening, interviewing, final, offer…"),
        Field("stage_since", "the Date the stage began"),
        Field("last_from_them", "the Date of their last word: a reply, a meeting, a promise, an offer or a no"),
        Field("last_by_you", "the Date of your last touch: applying, a message, a call, a meeting"),
        Field("last_contact", "the later of last_from_them and last_by_you"),
        Field("source", "where you found it (referral, LinkedIn…)"),
        Field("location", "where the job is"),
        Field("url", "the posting's address"),
        Field("salary", "pay as the posting states it (--salary)"),
        Field("salary_range", "the posted salary, read: { low, high, period }, money exact"),
        Field("deadline", "the Date they will decide by (--deadline)"),
        Field("interest", "how much you want it, 1 to 5"),
        Field("needs", "needs and problems the company named (a list)"),
        Field("questions", "what is still unknown (a list)"),
        Field("tags", "tags (a list)"),
        Field("notes", "free notes"),
        Field("facts", "what is known, by topic: { hours = \"…\", office = \"…\" }"),
        Field("targets", "the three numbers for this role, where they differ from the candidate's"),
    ], renamed: ["candidateID": "candidate_id", "stageSince": "stage_since", "lastFromThem": "last_from_them",
                 "lastByYou": "last_by_you", "lastContact": "last_contact", "postedSalary": "salary",
                 "postedRange": "salary_range", "decisionDeadline": "deadline"])

    public static let event = RecordSchema(record: "event", article: "an event", fields: [
        Field("id", "the event's number"),
        Field("application_id", "the number of its application"),
        Field("kind", "what happened: applied, screen, interview, message-sent, reply-received…"),
        Field("at", "the instant, ISO 8601 in UTC"),
        Field("day", "the Date it happened, in the candidate's time zone"),
        Field("with", "people met or written to (a list)"),
        Field("channel", "email, phone, letter, linkedin…"),
        Field("message_kind", "for messages: thank-you, status, feedback-request… (--message-kind)"),
        Field("round", "for interviews: the round"),
        Field("next_step", "a next step promised, such as \"call me in two weeks\" (--next-step)"),
        Field("due", "the Date of a deadline or a promised next step"),
        Field("due_time", "the hour agreed on that Date, \"10:00\" in the candidate's zone, or nil"),
        Field("stage", "for corrections: the right stage"),
        Field("corrects", "for corrections: the event set aside"),
        Field("notes", "free notes (--notes)"),
    ], renamed: ["applicationID": "application_id", "messageKind": "message_kind", "nextStep": "next_step",
                 "dueTime": "due_time"])

    public static let contact = RecordSchema(record: "contact", article: "a contact", fields: [
        Field("id", "the contact's number"),
        Field("application_id", "the number of their application"),
        Field("name", "their name"),
        Field("title", "their job title"),
        Field("role", "recruiter, hiring-manager, interviewer, referrer, reference, insider or other"),
        Field("email", "their email address"),
        Field("phone", "their phone number"),
        Field("discussed", "what they talked about with the candidate"),
        Field("archived_at", "when the contact was archived (an instant), or nil"),
    ], renamed: ["applicationID": "application_id", "archivedAt": "archived_at"])

    public static let offer = RecordSchema(record: "offer", article: "an offer", fields: [
        Field("id", "the offer's number"),
        Field("application_id", "the number of its application"),
        Field("base", "base pay: { minorUnits, currency }"),
        Field("period", "what base is paid per: year, month, week, day or hour"),
        Field("annual_base", "base pay over a year"),
        Field("bonus", "the bonus as an amount"),
        Field("bonus_percent", "the bonus as a share of base: { basisPoints }"),
        Field("bonus_amount", "the bonus in money, however it was given"),
        Field("bonus_guaranteed", "whether the bonus is guaranteed (else a target)"),
        Field("equity", "equity as the offer words it"),
        Field("grant", "the equity grant, valued"),
        Field("equity_by_year", "what the grant vests in each of the first years (minor units)"),
        Field("equity_currency", "the currency of equity_by_year"),
        Field("refresher", "a further grant expected each year, by value"),
        Field("sign_on", "the sign-on payment (--sign-on)"),
        Field("clawback_months", "months within which leaving means paying the sign-on back (--clawback-months)"),
        Field("benefits", "benefits as the offer words them, by name"),
        Field("benefit_values", "what the benefits are worth, by kind"),
        Field("start", "the Date work starts (--start)"),
        Field("respond_by", "the Date to answer by (--respond-by)"),
        Field("status", "received, negotiating, accepted, declined, expired or rescinded"),
        Field("revises", "the offer this round revises"),
        Field("asked", "the base you asked for in answer to this version (offer revise/edit --asked), a year"),
        Field("final", "whether they said this is their final offer (--final)"),
        Field("came", "the Date this version arrived"),
        Field("asked_on", "the Date you made the ask (nil when recorded only with their reply)"),
        Field("archived_at", "when the offer was archived (an instant), or nil"),
    ], renamed: ["applicationID": "application_id", "annualBase": "annual_base", "bonusPercent": "bonus_percent",
                 "bonusAmount": "bonus_amount", "bonusGuaranteed": "bonus_guaranteed", "equityByYear": "equity_by_year",
                 "equityCurrency": "equity_currency", "signOn": "sign_on", "signOnClawbackMonths": "clawback_months",
                 "benefitValues": "benefit_values", "startDate": "start", "respondBy": "respond_by", "isFinal": "final", "receivedOn": "came", "askedOn": "asked_on",
                 "archivedAt": "archived_at"])

    public static let candidate = RecordSchema(record: "candidate", article: "a candidate", fields: [
        Field("id", "the candidate's number"),
        Field("name", "their name"),
        Field("email", "their email address"),
        Field("time_zone", "their IANA time zone: due dates are days there (--time-zone)"),
        Field("region", "their region: date order, currency, holidays, benefits' words"),
        Field("strengths", "what they offer an employer (a list)"),
        Field("targets", "the three numbers: bottom, going, top"),
        Field("current_pay", "pay a year in the current job"),
        Field("current_benefits", "the current job's benefits, as stated (a list)"),
        Field("references", "professional references (a list)"),
        Field("archived_at", "when the candidate was archived (an instant), or nil"),
    ], renamed: ["timeZone": "time_zone", "currentPay": "current_pay", "currentBenefits": "current_benefits",
                 "archivedAt": "archived_at"])

    public static let decision = RecordSchema(record: "decision", article: "a decision", fields: [
        Field("id", "the decision's number"),
        Field("application_id", "the number of its application"),
        Field("key", "the agenda item's key, as its policy gave it"),
        Field("kind", "the item's kind"),
        Field("due", "when it was due; for a snoozed item, until when"),
        Field("channel", "how it goes"),
        Field("recipient", "whom it goes to"),
        Field("status", "done, skipped or snoozed"),
        Field("policy", "the policy that proposed it"),
        Field("reason", "why it was proposed"),
        Field("draft", "the words it had"),
        Field("decided_at", "when it was decided (an instant)"),
        Field("event_id", "the event that logged it done"),
    ], renamed: ["applicationID": "application_id", "decidedAt": "decided_at", "eventID": "event_id"])

    /// Every record a script is given, in the order `help` lists them.
    public static let all: [RecordSchema] = [application, event, contact, offer, candidate, decision]
}
