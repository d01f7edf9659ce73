import Foundation
import Testing

/// An e-mail address is checked where it is entered, by the rule a draft's
/// header uses (`EmailAddress`); one stored before the rule refuses only its draft.
@Suite("E-mail addresses on entry")
struct EmailEntryTests: WorkspaceSuite {
    let directory = Self.folder("email-entry")

    @Test("contact add and edit, candidate add and edit refuse a forged address with a sentence naming --email, and change nothing")
    func refused() throws {
        try createdWithCandidate()
        #expect(try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-03-01").status == 0)
        let crlf = try cadence("contact", "add", "Bob", "--app", "1", "--email", "bob@x\r\nBcc: a@evil")
        #expect(crlf.status == 1, "\(crlf.error)")
        #expect(crlf.error == "cadence: --email: the address holds a line break (\\r): give one plain address, such as jo@example.com\n", "\(crlf.error)")
        #expect(try cadence("contact", "list").output == "(none)\n")
        for email in ["a@x>, b@evil, <c@d", "a b@x.org", "nobody", "zoë@x.org", "a@x.org\u{202E}", "a@x\u{85}"] {
            let edited = try cadence("candidate", "edit", "1", "--email", email)
            #expect(edited.status == 1 && edited.error.hasPrefix("cadence: --email: the address "), "\(email.debugDescription): \(edited.error)")
            #expect(HostileTextTests.inert(edited.error), "\(edited.error.debugDescription)")
            let added = try cadence("candidate", "add", "Sam", "--email", email)
            #expect(added.status == 1 && added.error.hasPrefix("cadence: --email: the address "), "\(added.error)")
        }
        #expect(try cadence("candidate", "edit", "1", "--email", "a@x>, b@evil, <c@d").error.contains("is not one plain address (a@x>, b@evil, <c@d)"))
        #expect(try cadence("candidate", "show", "1").output.contains("email:") == false)
        #expect(try cadence("contact", "add", "Bob", "--app", "1", "--email", "bob@acme.example").status == 0)
        #expect(try cadence("contact", "edit", "1", "--email", "bob@x\nBcc: a@evil").status == 1)
        #expect(try cadence("contact", "show", "1").output.contains("<bob@acme.example>") || (try cadence("contact", "show", "1").output.contains("bob@acme.example")))
        #expect(try cadence("candidate", "edit", "1", "--email", "jo@example.com").status == 0)
    }
}
