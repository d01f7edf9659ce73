import Foundation

/// A person at or around the company.
public struct Contact: Hashable, Sendable, Codable {
    public enum Role: String, Sendable, Codable, CaseIterable {
        case recruiter
        case hiringManager = "hiring-manager"
        case interviewer
        case referrer
        case reference
        /// Someone who can put in a word.
        case insider
        case other

        public init(parsing text: String) throws {
            let key = text.trimmingWhitespace().lowercased().replacingAll(" ", with: "-").replacingAll("_", with: "-")
            guard let role = Role(rawValue: key) ?? (key == "manager" ? .hiringManager : nil) else {
                let known = Role.allCases.map(\.rawValue).joined(separator: ", ")
                throw DomainError.invalid(field: "role", "unknown contact role '\(text)' (known: \(known))")
            }
            self = role
        }
    }

    public var id: Int64?
    public var applicationID: Int64
    public var name: String
    public var title: String?
    public var role: Role
    public var email: String?
    public var phone: String?
    /// What they talked about with the candidate: material for the thank-you.
    public var discussed: String?
    /// Set when archived: hidden from lists and the agenda, kept, and brought back by unarchiving.
    public var archivedAt: Date?

    public init(id: Int64? = nil, applicationID: Int64, name: String, title: String? = nil, role: Role = .other,
                email: String? = nil, phone: String? = nil, discussed: String? = nil) {
        self.id = id
        self.applicationID = applicationID
        self.name = name
        self.title = title
        self.role = role
        self.email = email
        self.phone = phone
        self.discussed = discussed
    }

    public func validate() throws {
        guard !name.trimmingWhitespace().isEmpty else { throw DomainError.invalid(field: "name", "a contact needs a name") }
        if let email, !email.contains("@") { throw DomainError.invalid(field: "email", "'\(email)' is not an email address") }
    }
}
