import ArgumentParser
import CadenceCore
import CadenceStore

struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact", abstract: "Add and list the people you deal with at each company.",
        subcommands: [Add.self, Edit.self, List.self, Show.self,
                      ArchiveCommand<ContactKind>.self, UnarchiveCommand<ContactKind>.self, DeleteCommand<ContactKind>.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a contact to an application.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "Their name.") var name: String
        @Option(help: "The application (id, company, or company/role).") var app: String
        @Option(help: "Their job title.") var title: String?
        @Option(help: "recruiter, hiring-manager, interviewer, referrer, reference, insider or other.") var role: String = "other"
        @Option(help: "Email address.") var email: String?
        @Option(help: "Phone number.") var phone: String?
        @Option(help: "What you talked about (material for the thank-you).") var discussed: String?

        func run() throws {
            try reportingErrors {
                if let email { try EmailAddress.check(email, field: "--email") }
                let contact = try workspace.open().write("contact add \(name)") { ws -> Contact in
                    let a = try ws.application(app)
                    return try ws.addContact(Contact(applicationID: a.id!, name: name, title: title, role: try Contact.Role(parsing: role),
                                                     email: email, phone: phone, discussed: discussed))
                }
                Output.write("Added contact \(contact.id!): \(TerminalText.line(contact.name))\n")
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a contact's details.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "The contact's id or name.") var contact: String
        @Option(help: "A new name.") var name: String?
        @Option(help: "Their job title.") var title: String?
        @Option(help: "recruiter, hiring-manager, interviewer, referrer, reference, insider or other.") var role: String?
        @Option(help: "Email address.") var email: String?
        @Option(help: "Phone number.") var phone: String?
        @Option(help: "What you talked about.") var discussed: String?

        func run() throws {
            try reportingErrors {
                // Checked where it is entered; an address stored before the rule only refuses its draft.
                if let email, !email.isEmpty { try EmailAddress.check(email, field: "--email") }
                let updated = try workspace.open().write("contact edit \(contact)") { ws -> Contact in
                    var c = try ws.contact(contact)
                    if let name { c.name = name }
                    if let title { c.title = title }
                    if let role { c.role = try Contact.Role(parsing: role) }
                    if let email { c.email = email }
                    if let phone { c.phone = phone }
                    if let discussed { c.discussed = discussed }
                    try ws.update(c)
                    return c
                }
                Output.write("Updated contact \(updated.id!): \(TerminalText.line(updated.name))\n")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one contact.")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "The contact's id or name.") var contact: String
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let (c, company) = try workspace.open().read { ws -> (Contact, String) in
                    let c = try ws.contact(contact)
                    return (c, try ws.applications(.all).first { $0.id == c.applicationID }?.company ?? "?")
                }
                if output.json { return Output.write(try Output.json(c)) }
                // What the user typed, through the terminal's owner: one line each, what was discussed indented.
                let line = TerminalText.line
                var lines = ["\(line(c.name)) (contact \(c.id!)), \(c.role.rawValue) at \(line(company))"]
                if let t = c.title { lines.append("  title:      \(line(t))") }
                if let e = c.email { lines.append("  email:      \(line(e))") }
                if let p = c.phone { lines.append("  phone:      \(line(p))") }
                if let d = c.discussed { lines.append("  discussed:  \(TerminalText.lines(d, indent: String(repeating: " ", count: 14)))") }
                Output.write(lines.joined(separator: "\n") + "\n")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List contacts.")
        @OptionGroup var workspace: WorkspaceOptions
        @Option(help: "Only this application's.") var app: String?
        @Flag(help: "Only the archived ones.") var archived = false
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let (contacts, companies) = try workspace.open().read { ws -> ([Contact], [Int64: String]) in
                    let id = try app.map { try ws.application($0).id! }
                    let names = Dictionary(uniqueKeysWithValues: try ws.applications(.all).map { ($0.id!, $0.company) })
                    return (try ws.contacts(of: id, archived ? .archived : .live), names)
                }
                if output.json { return Output.write(try Output.json(contacts)) }
                Output.write(Output.table(["id", "name", "title", "role", "company", "email", "discussed"], contacts.map {
                    [String($0.id!), $0.name, $0.title ?? "", $0.role.rawValue, companies[$0.applicationID] ?? "",
                     $0.email ?? "", $0.discussed ?? ""]
                }))
            }
        }
    }
}
