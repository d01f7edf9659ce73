/// The records an installed policy may read, and their fields, as the Lua
/// API names them. A manifest's `reads` is checked against this list, the
/// worker is sent only the fields it names, and `cadence policy show` lists
/// them: one owner for the shapes a policy sees.
public enum ReadableFields {
    /// Given to every policy, declared or not: which application, each
    /// event's kind and day (a timeline without them says nothing), and which
    /// events correct others (planning sets the corrected ones aside).
    public static let always: [String: [String]] = [
        "application": ["id", "candidateID"],
        "events": ["id", "kind", "day", "corrects"],
        "offers": ["id"],
        "candidate": ["id"],
        "contacts": [],
    ]

    /// The same, in words, for what `policy add` and `policy show` say.
    public static let alwaysText = "which applications exist, each event's kind and day, and which events correct others"

    /// Fields a manifest may declare, by record.
    public static let declarable: [String: [String]] = [
        "application": ["company", "role", "stage", "stageSince", "lastContact", "lastFromThem", "lastByYou", "source",
                        "location", "url", "postedSalary", "postedRange", "decisionDeadline", "interest", "needs",
                        "questions", "tags", "notes", "targets", "facts", "candidate"],
        "events": ["at", "with", "channel", "messageKind", "round", "nextStep", "due", "stage", "notes"],
        "contacts": ["name", "title", "role", "email", "phone", "discussed"],
        "offers": ["base", "period", "bonus", "bonusPercent", "bonusGuaranteed", "equity", "grant", "refresher",
                   "signOn", "signOnClawbackMonths", "benefits", "benefitValues", "startDate", "respondBy", "status", "revises"],
        "candidate": ["name", "email", "timeZone", "strengths", "targets", "currentPay", "currentBenefits", "references"],
    ]

    /// Fields that name or reach people: `cadence policy add` points them out.
    public static let personal: Set<String> = ["email", "phone", "name", "notes", "discussed", "facts", "targets",
                                               "currentPay", "currentBenefits", "references"]

    public static let records = ["application", "events", "contacts", "offers", "candidate"]
}
