import Foundation
import Testing

/// `contact add` of someone already met at another application links the
/// one person; `--again` adds a separate one; show, edit and undo follow.
@Suite("contact add links one person across applications")
struct ContactLinkCommandTests: WorkspaceSuite {
    let directory = Self.folder("contact-link")

    func prepared() throws {
        try createdWithCandidate()
        #expect(try cadence("app", "add", "Lone Star Bank", "Backend Engineer").status == 0)
        #expect(try cadence("app", "add", "Harbor Payments", "Engineer").status == 0)
        #expect(try cadence("contact", "add", "Maria Gonzalez", "--app", "lone star bank", "--role", "recruiter").status == 0)
    }

    @Test("the same name at another application is linked, said so; show lists both; edit edits the one; undo unlinks; --again adds a twin")
    func link() throws {
        try prepared()
        let linked = try cadence("contact", "add", "maria gonzalez", "--app", "harbor", "--role", "recruiter", "--email", "maria@lonestar.example")
        #expect(linked.output == "Maria Gonzalez (recruiter) is already a contact at Lone Star Bank: linked to Harbor Payments too; "
            + "--again adds a separate person\n", "\(linked.output)\(linked.error)")
        let show = try cadence("contact", "show", "maria").output
        #expect(show.contains("recruiter at Lone Star Bank") && show.contains("  also at:    Harbor Payments"), "\(show)")
        #expect(show.contains("maria@lonestar.example"), "the missing address is filled in: \(show)")
        #expect(try cadence("app", "show", "harbor").output.contains("Maria Gonzalez"))
        #expect(try cadence("contact", "list").output.contains("Lone Star Bank, Harbor Payments"))
        #expect(try cadence("contact", "edit", "maria", "--title", "Senior Recruiter").status == 0)
        #expect(try cadence("contact", "list", "--app", "harbor").output.contains("Senior Recruiter"))
        #expect(try cadence("undo").status == 0)   // the edit
        #expect(try cadence("undo").status == 0)   // the link
        #expect(!(try cadence("app", "show", "harbor").output.contains("Maria")))
        let twin = try cadence("contact", "add", "Maria Gonzalez", "--app", "harbor", "--again")
        #expect(twin.output == "Added contact 2: Maria Gonzalez\n", "\(twin.output)\(twin.error)")
    }

    @Test("a hostile name is linked and said inertly")
    func hostile() throws {
        try prepared()
        let name = "Eve\u{1B}]52;c;aGk=\u{07}\u{202E}\r\n  Forged: line"
        #expect(try cadence("contact", "add", name, "--app", "lone star bank").status == 0)
        let linked = try cadence("contact", "add", name, "--app", "harbor")
        // Nothing to fill in: the command is the link alone.
        let undo = try cadence("undo", "--show").output
        #expect(undo.contains("added contact's link #") && !undo.contains("changed contact"), "\(undo)")
        #expect(linked.status == 0 && linked.output.contains("linked to Harbor Payments too"), "\(linked.output)\(linked.error)")
        #expect(HostileTextTests.inert(linked.output) && linked.output.split(separator: "\n").count == 1, "\(linked.output)")
        let show = try cadence("contact", "show", "2").output
        #expect(HostileTextTests.inert(show) && show.contains("also at:    Harbor Payments"), "\(show)")
    }
}
