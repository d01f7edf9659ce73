import ArgumentParser
import CadenceCore
import CadenceStore

struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact", abstract: "Add and list the people you deal with at each company.",
        subcommands: [Add.self, List.self])

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
                let contact = try workspace.open().write { db -> Contact in
                    let a = try Queries.application(app, db)
                    var c = Contact(applicationID: a.id!, name: name, title: title, role: try Contact.Role(parsing: role),
                                    email: email, phone: phone, discussed: discussed)
                    try Queries.add(&c, db)
                    return c
                }
                Output.write("Added contact \(contact.id!): \(contact.name)\n")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List contacts.")
        @OptionGroup var workspace: WorkspaceOptions
        @Option(help: "Only this application's.") var app: String?
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let (contacts, companies) = try workspace.open().read { db -> ([Contact], [Int64: String]) in
                    let id = try app.map { try Queries.application($0, db).id! }
                    let names = Dictionary(uniqueKeysWithValues: try Queries.applications(db).map { ($0.id!, $0.company) })
                    return (try Queries.contacts(of: id, db), names)
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
