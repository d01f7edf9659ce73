import CadenceCore
import Foundation
import Testing

/// What went wrong in a typed read is said in one line whose path a writer of
/// the data cannot turn into terminal commands: controls and bidi marks in a
/// key are shown as escapes, and a long key is cut.
@Suite("The words of a failed typed read")
struct DecodingReasonTests {
    struct Answer: Decodable { var count: Int; var details: [String: Int] }

    func reason(_ json: String) -> String {
        do { _ = try JSONDecoder().decode(Answer.self, from: Data(json.utf8)); return "(read)" } catch { return DecodingReason.of(error) }
    }

    @Test("a missing field is named, and a mistyped one by its path")
    func plainPaths() {
        #expect(reason(#"{ "details": {} }"#) == "count is missing")
        #expect(reason(#"{ "count": 1, "details": { "weeks": "four" } }"#).hasPrefix("details.weeks: "))
    }

    @Test("ESC, CR, CRLF, a right-to-left override and 500 characters in a key reach the words only as escapes, cut short")
    func hostileKeys() {
        for key in ["\u{1B}]52;c;aGk=\u{07}", "a\rb", "a\r\nb", "\u{202E}evil", String(repeating: "x", count: 500)] {
            let json = try! String(data: JSONSerialization.data(withJSONObject: ["count": 1, "details": [key: "four"]]), encoding: .utf8)!
            let said = reason(json)
            #expect(!said.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{202E}" }, "\(said.debugDescription)")
            #expect(said.count < 200, "\(said.count)")
        }
        #expect(reason(#"{ "count": 1, "details": { "\u001b[2J": "x" } }"#).hasPrefix("details.\\u{1b}[2J: "))
    }
}
