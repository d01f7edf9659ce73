import CadenceCore
import CadenceSharing
import Foundation
import Testing

@Suite struct ManifestTests {
    static let good = """
        { "name": "weekly-nudge", "version": "1.2.0", "author": "Sam Lee <sam@example.org>", "licence": "MIT",
          "summary": "A status note each week after an interview", "cadence": 1,
          "rules": ["4. Weekly status after an interview"],
          "options": { "weeks": { "type": "integer", "default": 5, "doc": "how many weeks" } },
          "reads": { "application": ["company", "role"], "events": ["with"], "contacts": ["name"] },
          "proposes": ["status"] }
        """

    func manifest(_ text: String) throws -> PolicyManifest { try PolicyManifest(json: Data(text.utf8), file: "cadence-policy.json") }

    @Test func readsAGoodManifest() throws {
        let m = try manifest(Self.good)
        #expect(m.name == "weekly-nudge")
        #expect(m.entry == "policy.lua")
        #expect(m.options == [.init(name: "weeks", type: .integer, defaultValue: .integer(5), doc: "how many weeks")])
        #expect(m.readsText == "application: company, role; events: with; contacts: name")
    }

    /// Each mistake names its field, and says what would be right.
    @Test(arguments: [
        ("\"name\": \"weekly-nudge\"", "\"name\": \"Weekly Nudge\"", "name: 'Weekly Nudge' is not like \"weekly-nudge\""),
        ("\"version\": \"1.2.0\"", "\"version\": \"one\"", "version: 'one' is not like \"1.0.0\""),
        ("\"cadence\": 1", "\"cadence\": 7", "cadence: asks for policy API 7; this Cadence offers 1"),
        ("\"events\": [\"with\"]", "\"events\": [\"whith\"]", "reads.events: 'whith' is not a field of events (did you mean 'with'?)"),
        ("\"contacts\": [\"name\"]", "\"people\": [\"name\"]", "reads.people: is not a record a policy reads"),
        ("\"proposes\": [\"status\"]", "\"proposes\": []", "proposes: is needed"),
        ("\"licence\": \"MIT\"", "\"license\": \"MIT\"", "license: is not a manifest field (did you mean 'licence'?)"),
        ("\"default\": 5", "\"default\": \"five\"", "options.weeks.default: must be a whole number"),
    ])
    func refusesMistakes(_ good: String, _ bad: String, _ message: String) throws {
        #expect(Self.good.contains(good))
        let error = #expect(throws: DomainError.self) { try manifest(Self.good.replacingOccurrences(of: good, with: bad)) }
        #expect(error.map { String(describing: $0) }?.contains(message) == true, "\(String(describing: error))")
    }

    @Test func notJSONSaysSo() {
        let error = #expect(throws: DomainError.self) { try manifest("return { name = 'x' }") }
        #expect(String(describing: error!).contains("is not JSON"))
    }

    @Test func wideningIsTheFieldsAdded() throws {
        let before = try manifest(Self.good)
        let after = try manifest(Self.good.replacingOccurrences(of: "\"contacts\": [\"name\"]", with: "\"contacts\": [\"name\", \"email\"], \"offers\": [\"base\"]"))
        #expect(before.widened(after) == ["contacts.email", "offers.base"])
        #expect(after.widened(before).isEmpty)
    }

    @Test func sha256IsTheStandardOne() {
        #expect(FileDigest.sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
