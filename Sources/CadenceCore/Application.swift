import Foundation

/// An opportunity: a candidate, a company, a role.
public struct Application: Hashable, Sendable, Codable {
    public var id: Int64?
    public var candidateID: Int64
    public var company: String
    public var role: String
    public var source: String?
    public var location: String?
    public var url: String?
    /// Pay as the posting stated it ("£50-60k"), kept as written; `postedRange` reads it.
    public var postedSalary: String?
    public var decisionDeadline: LocalDate?
    /// 1 (barely) to 5 (dream job).
    public var interest: Int?
    /// Problems and needs the company named in interviews.
    public var needs: [String]
    /// What is still unknown (office, hours, benefits, drawbacks…).
    public var questions: [String]
    public var tags: [String]
    public var notes: String?
    /// What is known about the job, by topic (hours, office, contract…): the
    /// answers that turn the practice's checklist of unknowns into fewer
    /// questions. Optional so older exports, which lack it, still import.
    public var facts: [String: String]?
    /// The three numbers for this role, where they differ from the
    /// candidate's (a role in another city, another currency).
    public var targets: SalaryTargets?
    /// Set when archived: hidden from lists and the agenda, kept, and brought back by unarchiving.
    public var archivedAt: Date?

    public init(id: Int64? = nil, candidateID: Int64, company: String, role: String, source: String? = nil,
                location: String? = nil, url: String? = nil, postedSalary: String? = nil, decisionDeadline: LocalDate? = nil,
                interest: Int? = nil, needs: [String] = [], questions: [String] = [], tags: [String] = [],
                notes: String? = nil, facts: [String: String]? = nil) {
        self.id = id
        self.candidateID = candidateID
        self.company = company
        self.role = role
        self.source = source
        self.location = location
        self.url = url
        self.postedSalary = postedSalary
        self.decisionDeadline = decisionDeadline
        self.interest = interest
        self.needs = needs
        self.questions = questions
        self.tags = tags
        self.notes = notes
        self.facts = facts
    }

    public func validate() throws {
        guard !company.trimmingWhitespace().isEmpty else {
            throw DomainError.invalid(field: "company", "an application needs a company")
        }
        guard !role.trimmingWhitespace().isEmpty else {
            throw DomainError.invalid(field: "role", "an application needs a role")
        }
        if let interest, !(1...5).contains(interest) {
            throw DomainError.invalid(field: "interest", "interest is 1 to 5, got \(interest)")
        }
        try targets?.validate()
        try decisionDeadline?.checkRange(field: "deadline")
    }
}

extension Application {
    /// The posted salary as amounts with a currency, or nil when none was posted.
    public var postedRange: SalaryRange? { postedSalary.flatMap { try? SalaryRange(parsing: $0) } }
}
