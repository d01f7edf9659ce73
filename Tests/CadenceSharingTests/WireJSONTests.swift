import CadenceCore
import CadenceSharing
import Foundation
import Testing

/// WireJSON writes what JSONOutput writes, to a decoder: the same values come
/// back, whatever the texts hold.
@Suite struct WireJSONTests {
    /// Texts a request or an answer may carry: terminal escapes, bare CR, CRLF,
    /// C1 and bidi controls, NUL, quotes and backslashes, long text, emoji.
    static let hostile = ["\u{1B}]52;c;aGVsbG8=\u{07}", "\u{1B}[2K", "a\rb", "a\r\nb", "\u{85}\u{9B}x", "\u{202E}\u{2066}\u{2069}\u{200F}",
                          "nul\u{0}byte", "\"quoted\" \\ back/slash", String(repeating: "é", count: 500), "👩🏽‍💻\t\u{8}\u{C}\u{1F}\u{7F}"]

    /// The request sorted and compact, as JSONOutput writes it: the text two encodings must agree on once decoded.
    func canonical(_ json: Data) throws -> Data { try JSONOutput.data(try WorkerRequest(json: json), compact: true) }

    func request() throws -> WorkerRequest {
        let texts = try Self.hostile.map { String(decoding: try JSONOutput.data($0, compact: true), as: UTF8.self) }
        let list = texts.joined(separator: ", ")
        let json = Data("""
            { "mode": "plan", "as_of": "2026-03-02",
              "package": { "name": "p", "version": "1.0.0", "entry": "policy.lua", "files": { "policy.lua": \(texts[0]), \(texts[1]): \(texts[7]) },
                           "options": { "weeks": 3, "rate": 0.5, "tiny": 1e-7, "huge": 1e300, "whole": 4.0, "neg": -2, "big": 9007199254740993,
                                        "on": true, "off": false, "tags": [\(list)], "odd": "inf" },
                           "reads": { "events": ["with", "notes"] } },
              "calendar": { "holidays": { "1": "2026-12-25", "2026-01-01": \(texts[4]) }, "mixed": [1, "a", [true, { "x": 0.25 }]] },
              "decisions": [{ "application": 7, "key": \(texts[2]), "status": "snoozed", "due": 20600 }, { "application": 8, "key": "k" }],
              "apps": { "counts": [2], "columns": { "id": { "values": [7, 8] }, "candidate_id": { "values": [1, 1] },
                        "company": { "values": [\(texts[5]), \(texts[8])] }, "interest": { "values": [3], "rows": [2] },
                        "facts": { "values": [{ "a": \(texts[3]) }] , "rows": [1] } } },
              "timelines": { "counts": [1, 2], "columns": { "id": { "values": [1, 2, 3] }, "kind": { "values": ["applied", "interview", \(texts[6])] },
                                                            "day": { "values": [20500, 20510, -3] }, "with": { "values": [[\(list)], []], "rows": [2, 3] },
                                                            "notes": { "values": [\(texts[9])], "rows": [1] } } },
              "contacts": { "counts": [0, 1], "columns": { "name": { "values": [\(texts[1])] } } },
              "offers": { "counts": [0, 0], "columns": {} },
              "candidates": { "counts": [1], "columns": { "id": { "values": [1] }, "targets": { "values": [{ "base": 100000.5, "list": [1, 2] }] } } } }
            """.utf8)
        return try WorkerRequest(json: json)
    }

    @Test func aRequestDecodesAsJSONEncodersDoes() throws {
        let request = try request()
        let ours = try WireJSON.data(request), theirs = try JSONOutput.data(request, compact: true)
        #expect(try canonical(ours) == canonical(theirs))
        // Written here, not handed to JSONOutput: the fields in their declared order, not sorted.
        #expect(ours.starts(with: Data(#"{"mode":"plan","as_of":"2026-03-02","package":{"name":"p""#.utf8)))
        let back = try WorkerRequest(json: ours)
        #expect(back.apps?.columns.company?.values == [Self.hostile[5], Self.hostile[8]])
        #expect(back.timelines?.columns.with?.values == [Self.hostile, []])
        #expect(back.package.options["rate"] == .number(0.5))
        #expect(back.package.options["tiny"] == .number(1e-7))
        #expect(back.package.options["huge"] == .number(1e300))
        #expect(back.package.options["whole"] == .integer(4))
        #expect(back.package.options["tags"] == .list(Self.hostile.map { .text($0) }))
        #expect(back.calendar == request.calendar)
        // Control characters travel escaped: the JSON itself holds none (nor a bare CR).
        #expect(!ours.contains(where: { $0 < 0x20 }))
    }

    /// Numbers JSON has no word for are written as JSONOutput writes them, and read back.
    @Test func nonFiniteNumbersTravelAsWords() throws {
        let values: [WireValue] = [.number(.infinity), .number(-.infinity), .number(0.1), .number(2.5e-300), .integer(Int64.min), .integer(Int64.max), .integer(0), .integer(10), .integer(-1_000_000)]
        let ours = try WireJSON.data(values), theirs = try JSONOutput.data(values, compact: true)
        #expect(String(decoding: ours, as: UTF8.self) == String(decoding: theirs, as: UTF8.self))
        let numbers = [0, 7, 10, -5, 1_000_000, Int.max, Int.min]
        #expect(try WireJSON.data(numbers) == JSONOutput.data(numbers, compact: true))
        let nan = try WireJSON.data([Double.nan])
        #expect(String(decoding: nan, as: UTF8.self) == "[\"nan\"]")
    }

    /// A worker's answer, hostile texts and all, reads back the same.
    @Test func anAnswerDecodesAsJSONEncodersDoes() throws {
        let texts = try Self.hostile.map { String(decoding: try JSONOutput.data($0, compact: true), as: UTF8.self) }
        let json = Data("""
            { "proposals": [{ "application": 7, "kind": "status", "due": "2026-03-09", "key": \(texts[0]), "to": \(texts[1]),
                              "reason": \(texts[8]), "draft": \(texts[2]), "logs": { "event": "note", "n": 3, "x": \(texts[3]) } },
                            { "application": 8, "kind": "status", "due": "2026-03-10", "key": "k", "logs": false },
                            { "application": 9, "kind": "status", "due": "2026-03-11", "key": "j", "logs": \(texts[9]) }],
              "failures": [{ "application": 8, "message": \(texts[6]) }], "failed": 1 }
            """.utf8)
        let wire = try JSONDecoder().decode(WorkerAnswer.Wire.self, from: json)
        let ours = try WireJSON.data(wire), theirs = try JSONOutput.data(wire, compact: true)
        let canonical = { (data: Data) in try JSONOutput.data(try JSONDecoder().decode(WorkerAnswer.Wire.self, from: data), compact: true) }
        #expect(try canonical(ours) == canonical(theirs))
        #expect(ours.starts(with: Data(#"{"proposals":[{"application":7,"kind":"status""#.utf8)))
        // The host's checks read it as they read JSONEncoder's: the proposal whose key holds controls is left out.
        let answer = try WorkerAnswer(plan: try JSONDecoder().decode(WorkerAnswer.Wire.self, from: ours), kinds: ["status"],
                                      today: LocalDate(iso: "2026-03-02"), applications: [7, 8, 9])
        #expect(answer.proposals.map(\.key) == ["k", "j"])
        #expect(answer.failures.first?.message == Self.hostile[6])
    }

    /// What it does not write itself (a date) is still the same JSON.
    @Test func whatItDoesNotWriteFallsBackToJSONOutput() throws {
        struct Stamped: Codable { var at: Date; var text: String }
        let value = [Stamped(at: Date(timeIntervalSince1970: 1_772_000_000), text: Self.hostile[0])]
        #expect(try WireJSON.data(value) == JSONOutput.data(value, compact: true))
    }
}
