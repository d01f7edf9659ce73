import CadenceCore
import Foundation
import GRDB
import Testing
@testable import CadenceStore

/// One person across applications is one contact: met at one application,
/// linked to the others.
@Suite("One person across applications")
struct ContactLinkTests {
    /// Alex with Lone Star Bank and Harbor Payments, Maria Gonzalez the recruiter at Lone Star Bank.
    func store() throws -> (Store, lone: Int64, harbor: Int64, maria: Contact) {
        let store = try temporaryWorkspace().create()
        let (lone, harbor, maria) = try store.write("setup") { ws -> (Int64, Int64, Contact) in
            let alex = try ws.addCandidate(Candidate(name: "Alex Kim"))
            let lone = try ws.addApplication(Application(candidateID: alex.id!, company: "Lone Star Bank", role: "Backend Engineer")).id!
            let harbor = try ws.addApplication(Application(candidateID: alex.id!, company: "Harbor Payments", role: "Engineer")).id!
            let maria = try ws.addContact(Contact(applicationID: lone, name: "Maria Gonzalez", role: .recruiter, email: "maria@lonestar.example"))
            return (lone, harbor, maria)
        }
        return (store, lone, harbor, maria)
    }

    @Test("a linked person is a contact of both applications, found once; the same name elsewhere is found to link")
    func linked() throws {
        let (store, lone, harbor, maria) = try store()
        #expect(try store.read { ws in try ws.samePerson(name: "maria gonzalez", email: nil, elsewhereThan: harbor) }?.id == maria.id)
        // A different address is a different person of the same name.
        #expect(try store.read { ws in try ws.samePerson(name: "Maria Gonzalez", email: "mg@other.example", elsewhereThan: harbor) } == nil)
        try store.write("contact add Maria Gonzalez") { ws in try ws.link(maria, to: harbor) }
        try store.write("again") { ws in try ws.link(maria, to: harbor) }   // linking twice changes nothing
        #expect(try store.read { ws in try ws.contacts(of: lone) }.map(\.id) == [maria.id])
        #expect(try store.read { ws in try ws.contacts(of: harbor) }.map(\.id) == [maria.id])
        #expect(try store.read { ws in try ws.contacts() }.count == 1)
        #expect(try store.read { ws in try ws.applications(of: maria) } == [lone, harbor])
        // Already at both: nobody to link.
        #expect(try store.read { ws in try ws.samePerson(name: "Maria Gonzalez", email: nil, elsewhereThan: harbor) } == nil)
    }

    @Test("a person is linked only within one candidate's search")
    func otherCandidate() throws {
        let (store, _, _, maria) = try store()
        let sam = try store.write("sam") { ws -> Int64 in
            let sam = try ws.addCandidate(Candidate(name: "Sam Roe"), again: true)
            return try ws.addApplication(Application(candidateID: sam.id!, company: "Globex", role: "Analyst")).id!
        }
        #expect(try store.read { ws in try ws.samePerson(name: "Maria Gonzalez", email: nil, elsewhereThan: sam) } == nil)
        #expect { try store.write("link") { ws in try ws.link(maria, to: sam) } } throws: { "\($0)".contains("candidate") }
    }

    @Test("undo takes a link back, the person stays")
    func undo() throws {
        let (store, lone, harbor, maria) = try store()
        try store.write("contact add Maria Gonzalez --app harbor") { ws in try ws.link(maria, to: harbor) }
        let undone = try #require(try store.undo())
        #expect(undone.changes.map(\.description).contains { $0.hasPrefix("added contact's link #") })
        #expect(try store.read { ws in try ws.contacts(of: harbor) }.isEmpty)
        #expect(try store.read { ws in try ws.contacts(of: lone) }.map(\.id) == [maria.id])
        // Deleting the person takes the link with them; undo brings both back.
        try store.write("link") { ws in try ws.link(maria, to: harbor) }
        try store.write("contact delete") { ws in try ws.delete(.contact(maria.id!)) }
        #expect(try store.read { ws in try ws.contacts(of: harbor) }.isEmpty)
        _ = try store.undo()
        #expect(try store.read { ws in try ws.applications(of: maria) } == [lone, harbor])
    }

    @Test("deleting the application a person was met at keeps them for the others; undo puts it back as it was")
    func deleteFirstApplication() throws {
        let (store, lone, harbor, maria) = try store()
        try store.write("link") { ws in try ws.link(maria, to: harbor) }
        #expect(!(try store.read { ws in try ws.dependents(of: .application(lone)) }.contains { $0.contains("contact") }))
        try store.write("app delete") { ws in try ws.delete(.application(lone)) }
        let kept = try #require(try store.read { ws in try ws.contacts(of: harbor) }.first)
        #expect(kept.id == maria.id && kept.applicationID == harbor)
        #expect(try store.read { ws in try ws.contactLinks() }.isEmpty)
        _ = try store.undo()
        #expect(try store.read { ws in try ws.applications(of: maria) } == [lone, harbor])
    }

    @Test("the JSON export carries the links: export, import into an empty workspace, export again gives the same file")
    func roundTrip() throws {
        let (store, _, harbor, maria) = try store()
        try store.write("link") { ws in try ws.link(maria, to: harbor) }
        let exported = try store.read { ws in try ws.snapshot() }
        #expect(exported.contactLinks == [.init(contactID: maria.id!, applicationID: harbor)])
        let data = try exported.encoded()
        let other = try temporaryWorkspace().create()
        try other.write("import") { ws in try ws.add(try WorkspaceSnapshot.decode(data)) }
        #expect(try other.read { ws in try ws.snapshot() }.encoded() == data)
        #expect(try other.read { ws in try ws.contacts(of: harbor) }.map(\.name) == ["Maria Gonzalez"])
    }

    @Test("an export made before links imports as before; a link to an unknown contact is refused, nothing added")
    func oldExport() throws {
        let (store, _, _, _) = try store()
        var json = try JSONSerialization.jsonObject(with: try store.read { ws in try ws.snapshot() }.encoded()) as! [String: Any]
        json.removeValue(forKey: "contactLinks")
        let old = try WorkspaceSnapshot.decode(try JSONSerialization.data(withJSONObject: json))
        #expect(old.contactLinks.isEmpty && old.contacts.count == 1)
        let other = try temporaryWorkspace().create()
        try other.write("import") { ws in try ws.add(old) }
        #expect(try other.read { ws in try ws.contacts() }.count == 1)

        var bad = old
        bad.contactLinks = [.init(contactID: 99, applicationID: 1)]
        let empty = try temporaryWorkspace().create()
        #expect { try empty.write("import") { ws in try ws.add(bad) } } throws: { "\($0)".contains("unknown contact 99") }
        #expect(try empty.read { ws in try ws.applications(.all) }.isEmpty)
    }

    @Test("a sheet with one recruiter on two rows gives one contact, linked to both applications")
    func sheet() throws {
        let store = try temporaryWorkspace().create()
        try store.write("alex") { ws in _ = try ws.addCandidate(Candidate(name: "Alex Kim")) }
        var importer = CSVImport(file: "tracker.csv", text: """
            Company,Role,Recruiter
            Lone Star Bank,Backend Engineer,Maria Gonzalez <maria@lonestar.example>
            Harbor Payments,Engineer,Maria Gonzalez <MARIA@lonestar.example>

            """)
        importer.now = Date()
        let report = try importer.run(into: store, candidate: nil)
        #expect(report.changes.contains { $0.contains("contact Maria Gonzalez linked (already at Lone Star Bank)") }, "\(report.changes)")
        let contacts = try store.read { ws in try ws.contacts() }
        #expect(contacts.count == 1)
        let maria = try #require(contacts.first)
        #expect(try store.read { ws in try ws.applications(of: maria) }.count == 2)
    }
}
