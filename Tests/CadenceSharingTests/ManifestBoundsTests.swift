import CadenceCore
import CadenceSharing
import Foundation
import Testing

/// A manifest is bounded and de-duplicated before anything is planned with
/// it: its size, each list's length and each text's, with a sentence that
/// names the field and the bound; keys it does not know and values of the
/// wrong type are refused; no control character reaches a field or an error.
@Suite struct ManifestBoundsTests {
    static let good = ManifestTests.good

    func manifest(_ text: String) throws -> PolicyManifest { try PolicyManifest(json: Data(text.utf8), file: "cadence-policy.json") }

    /// The refusal of `text`, in words.
    func refusal(_ text: String) -> String {
        do {
            _ = try manifest(text)
            return "(accepted)"
        } catch {
            return String(describing: error)
        }
    }

    func replacing(_ old: String, _ new: String) -> String {
        #expect(Self.good.contains(old), "\(old)")
        return Self.good.replacingOccurrences(of: old, with: new)
    }

    @Test("a manifest repeating a field 95,000 times is refused by its size before it is parsed, in a few milliseconds")
    func repeatedReads() throws {
        let repeated = Array(repeating: #""company""#, count: 95_000).joined(separator: ",")
        let text = replacing(#""application": ["company", "role"]"#, #""application": [\#(repeated)]"#)
        let started = ContinuousClock.now
        let said = refusal(text)
        let took = ContinuousClock.now - started
        #expect(said.contains("cadence-policy.json: is \(text.utf8.count) bytes (a manifest is at most 65536 bytes)"), "\(said)")
        #expect(took < .milliseconds(100), "\(took)")
    }

    @Test("within the size, a list too long is refused by its count, before a name is looked at; repeats within the bound are dropped")
    func readsCountedAndDeduplicated() throws {
        let many = Array(repeating: #""company""#, count: 1_000).joined(separator: ",")
        #expect(refusal(replacing(#""application": ["company", "role"]"#, #""application": [\#(many)]"#))
            .contains("reads.application: lists 1000 fields (at most 64; application has"))
        let twice = try manifest(replacing(#""application": ["company", "role"]"#, #""application": ["company", "role", "company", "role", "company"]"#))
        #expect(twice.reads["application"] == ["company", "role"])
        #expect(twice.readsText == "application: company, role; events: with; contacts: name")
    }

    @Test("kinds, rules and options are bounded and de-duplicated, naming the field and the bound")
    func listsBounded() throws {
        let kinds = (1...40).map { #""kind-\#($0)""# }.joined(separator: ",")
        #expect(refusal(replacing(#""proposes": ["status"]"#, #""proposes": [\#(kinds)]"#)).contains("proposes: lists 40 entries (at most 32)"))
        #expect(try manifest(replacing(#""proposes": ["status"]"#, #""proposes": ["status", "status", "call"]"#)).proposes == ["status", "call"])
        let rules = (1...21).map { #""rule \#($0)""# }.joined(separator: ",")
        #expect(refusal(replacing(#""rules": ["4. Weekly status after an interview"]"#, #""rules": [\#(rules)]"#)).contains("rules: lists 21 entries (at most 20)"))
        #expect(refusal(replacing(#""rules": ["4. Weekly status after an interview"]"#, #""rules": ["\#(String(repeating: "r", count: 401))"]"#))
            .contains("rules: is longer than 400 bytes"))
        let options = (1...33).map { #""o\#($0)": { "type": "integer", "default": 1 }"# }.joined(separator: ",")
        #expect(refusal(replacing(#""weeks": { "type": "integer", "default": 5, "doc": "how many weeks" }"#, options))
            .contains("options: has 33 options (at most 32)"))
        #expect(refusal(replacing(#""default": 5"#, #""default": 5, "docs": "x""#)).contains("options.weeks.docs: is not a field of an option; they are type, default, doc"))
        #expect(refusal(replacing(#""doc": "how many weeks""#, #""doc": 7"#)).contains("options.weeks.doc: is text"))
        #expect(refusal(replacing(#""doc": "how many weeks""#, #""doc": "\#(String(repeating: "d", count: 401))""#)).contains("options.weeks.doc: is longer than 400 bytes"))
        let entries = (1...33).map { #""e\#($0)""# }.joined(separator: ",")
        #expect(refusal(replacing(#""type": "integer", "default": 5"#, #""type": "list", "default": [\#(entries)]"#))
            .contains("options.weeks.default: lists 33 entries (at most 32)"))
        #expect(refusal(replacing(#""weeks": {"#, #""\#(String(repeating: "w", count: 41))": {"#)).contains("at most 40"))
    }

    @Test("wrong types are refused with a sentence: a number for a list, a list for a record's fields, true for the API version")
    func wrongTypes() {
        #expect(refusal(replacing(#""proposes": ["status"]"#, #""proposes": "status""#)).contains("proposes: is a list of texts"))
        #expect(refusal(replacing(#""proposes": ["status"]"#, #""proposes": ["status", 7]"#)).contains("proposes: is a list of texts"))
        #expect(refusal(replacing(#""contacts": ["name"]"#, #""contacts": "name""#)).contains("reads.contacts: is a list of field names"))
        #expect(refusal(replacing(#""contacts": ["name"]"#, #""contacts": [["name"]]"#)).contains("reads.contacts: is a list of field names"))
        #expect(refusal(replacing(#""cadence": 1"#, #""cadence": true"#)).contains("cadence: is needed"))
        // Foundation reads 1 as a number that also answers `is Bool`: a whole number 1 is a whole number, true is not.
        #expect(refusal(replacing(#""default": 5"#, #""default": true"#)).contains("options.weeks.default: must be a whole number"))
        #expect((try? manifest(replacing(#""default": 5"#, #""default": 1"#)))?.options.first?.defaultValue == .integer(1))
        #expect(refusal(replacing(#""type": "integer", "default": 5"#, #""type": "boolean", "default": 1"#))
            .contains("options.weeks.default: must be true or false"))
        #expect(refusal(replacing(#""weeks": { "type": "integer", "default": 5, "doc": "how many weeks" }"#, #""weeks": 5"#))
            .contains("options.weeks: is an object"))
    }

    /// Hostile text in every field that words quote: ESC sequences (OSC 52, erase line), bare CR, CRLF, NEL, CSI, bidi controls, NUL.
    static let hostile = ["\u{1B}]52;c;ZXZpbA==\u{07}", "\u{1B}[2K", "a\rb", "a\r\nb", "a\u{85}b", "a\u{9B}b", "a\u{202E}b", "a\u{2066}b",
                          "a\u{200F}b", "a\u{0}b"]

    @Test("a control character in a text field, a kind or an option's value is refused; the refusal shows it escaped, never raw")
    func controlsRefused() throws {
        for bad in Self.hostile {
            let json = String(decoding: try JSONEncoder().encode(bad), as: UTF8.self)  // a JSON string, escapes and all
            for (old, new) in [(#""author": "Sam Lee <sam@example.org>""#, #""author": \#(json)"#),
                               (#""summary": "A status note each week after an interview""#, #""summary": \#(json)"#),
                               (#""rules": ["4. Weekly status after an interview"]"#, #""rules": [\#(json)]"#),
                               (#""doc": "how many weeks""#, #""doc": \#(json)"#),
                               (#""proposes": ["status"]"#, #""proposes": [\#(json)]"#),
                               (#""contacts": ["name"]"#, #""contacts": [\#(json)]"#),
                               (#""licence": "MIT""#, #"\#(json): "MIT""#),
                               (#""type": "integer", "default": 5"#, #""type": "text", "default": \#(json)"#)] {
                let said = refusal(replacing(old, new))
                #expect(said != "(accepted)", "\(new)")
                #expect(!said.unicodeScalars.contains(where: AnswerText.isControl), "\(new): \(said.debugDescription)")
            }
        }
    }

    @Test("a kind named like an event of the log is refused: marking it done would log a message that reads as that event")
    func eventKindsRefused() {
        for event in ["rejection", "acceptance", "withdrawal", "interview", "message-sent"] {
            let said = refusal(replacing("\"proposes\": [\"status\"]", "\"proposes\": [\"status\", \"\(event)\"]"))
            #expect(said.contains("proposes: '\(event)' is the name of an event in the log"), "\(said)")
        }
        #expect(refusal(replacing("\"proposes\": [\"status\"]", "\"proposes\": [\"status\", \"thank-you\"]")) == "(accepted)")
    }

    @Test("a key that is not a manifest field is named escaped and cut, with the fields there are")
    func unknownKeyShown() {
        let said = refusal(replacing(#""licence": "MIT""#, #""licence": "MIT", "\u001b[2K\#(String(repeating: "x", count: 500))": 1"#))
        #expect(said.contains("\\u{1b}[2Kxxx") && said.contains("…: is not a manifest field"), "\(said)")
        #expect(said.utf8.count < 400)
    }
}
