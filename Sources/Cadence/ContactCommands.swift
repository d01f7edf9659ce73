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
        @Flag(help: "Add a separate person even if one of that name or address is a contact at another of your applications.")
        var again = false

        func run() throws {
            try reportingErrors {
                if let email { try EmailAddress.check(email, field: "--email") }
                let role = try Contact.Role(parsing: role)
                let (contact, linkedFrom, to) = try workspace.open().write("contact add \(name)") { ws -> (Contact, String?, String) in
                    let a = try ws.application(app)
                    // One person across applications is one contact: the one met elsewhere is linked, not copied.
                    if !again, var known = try ws.samePerson(name: name, email: email, elsewhereThan: a.id!) {
                        let first = try ws.applications(.all).first { $0.id == known.applicationID }?.company ?? "?"
                        try ws.link(known, to: a.id!)
                        // What they did not have yet is filled in; what they had is kept (contact edit changes it).
                        let had = known
                        if known.title == nil { known.title = title }
                        if known.email == nil { known.email = email }
                        if known.phone == nil { known.phone = phone }
                        if known.discussed == nil { known.discussed = discussed }
                        if known.role == .other { known.role = role }
                        if known != had { try ws.update(known) }
                        return (known, first, a.company)
                    }
                    return (try ws.addContact(Contact(applicationID: a.id!, name: name, title: title, role: role,
                                                      email: email, phone: phone, discussed: discussed)), nil, a.company)
                }
                let line = TerminalText.line
                if let linkedFrom {
                    return Output.write("\(line(contact.name)) (\(contact.role.rawValue)) is already a contact at \(line(linkedFrom)): "
                        + "linked to \(line(to)) too; --again adds a separate person\n")
                }
                Output.write("Added contact \(contact.id!): \(line(contact.name))\n")
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
                let (c, places) = try workspace.open().read { ws -> (Contact, [String]) in
                    let c = try ws.contact(contact)
                    let apps = Dictionary(uniqueKeysWithValues: try ws.applications(.all).map { ($0.id!, $0) })
                    return (c, try ws.applications(of: c).map { id in apps[id]?.company ?? "?" })
                }
                if output.json { return Output.write(try Output.json(c)) }
                // What the user typed, through the terminal's owner: one line each, what was discussed indented.
                let line = TerminalText.line
                var lines = ["\(line(c.name)) (contact \(c.id!)), \(c.role.rawValue) at \(line(places.first ?? "?"))"]
                if places.count > 1 { lines.append("  also at:    \(places.dropFirst().map(line).joined(separator: "; "))") }
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
                let (contacts, companies, links) = try workspace.open().read { ws -> ([Contact], [Int64: String], [Int64: [Int64]]) in
                    let id = try app.map { try ws.application($0).id! }
                    let names = Dictionary(uniqueKeysWithValues: try ws.applications(.all).map { ($0.id!, $0.company) })
                    return (try ws.contacts(of: id, archived ? .archived : .live), names, try ws.contactLinks())
                }
                if output.json { return Output.write(try Output.json(contacts)) }
                // A person linked to several applications: every company, the first met first.
                Output.write(Output.table(["id", "name", "title", "role", "company", "email", "discussed"], contacts.map {
                    [String($0.id!), $0.name, $0.title ?? "", $0.role.rawValue,
                     ([$0.applicationID] + (links[$0.id!] ?? [])).map { companies[$0] ?? "" }.joined(separator: ", "),
                     $0.email ?? "", $0.discussed ?? ""]
                }))
            }
        }
    }
}
