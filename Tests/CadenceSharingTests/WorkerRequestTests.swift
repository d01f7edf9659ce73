import CadenceSharing
import Foundation
import Testing

@Suite struct WorkerRequestTests {
    /// Every field a package may read, or is always given, has a typed place in its record's row:
    /// the declarable fields are the rows' fields less those always given, which the rows carry too.
    @Test func rowsCarryEveryReadableField() {
        #expect(Set(ReadableFields.carried.keys) == Set(ReadableFields.records))
        for record in ReadableFields.records {
            let carried = Set(ReadableFields.carried[record] ?? [])
            let always = Set(ReadableFields.always[record] ?? [])
            #expect(always.subtracting(carried).isEmpty, "\(record): \(always.subtracting(carried).sorted())")
            #expect(Set(ReadableFields.declarable[record] ?? []) == carried.subtracting(always))
        }
        #expect(ReadableFields.declarable["events"] == ["at", "channel", "message_kind", "round", "next_step", "stage", "notes", "due", "with", "due_time"])
    }

    @Test func aRequestGoesThroughJSONWithoutItsAbsentFields() throws {
        let json = Data("""
            { "mode": "plan", "as_of": "2026-03-02",
              "package": { "name": "p", "version": "1.0.0", "entry": "policy.lua", "files": { "policy.lua": "return {}" },
                           "options": { "weeks": 3, "rate": 0.5, "say": "hi", "on": true, "tags": ["a", "b"] },
                           "reads": { "events": ["with"] } },
              "calendar": { "holidays": { "1": "2026-12-25", "2026-01-01": "New Year" } },
              "apps": { "counts": [2], "columns": { "id": { "values": [7, 8] }, "candidate_id": { "values": [1, 1] } } },
              "timelines": { "counts": [1, 0], "columns": { "id": { "values": [1] }, "kind": { "values": ["applied"] },
                                                            "day": { "values": [20500] }, "with": { "values": [["Robin"]] } } } }
            """.utf8)
        let request = try WorkerRequest(json: json)
        #expect(request.apps?.columns.company == nil)
        #expect(request.timelines?.columns.day?.values == [20500])
        #expect(request.package.options["rate"] == .number(0.5))
        #expect(request.package.options["weeks"] == .integer(3))
        #expect(request.package.options["tags"] == .list([.text("a"), .text("b")]))
        let again = try WorkerRequest(json: try request.json())
        #expect(again.calendar == request.calendar)
        let text = String(decoding: try request.json(), as: UTF8.self)
        #expect(!text.contains("null"))
        #expect(!text.contains("company"))
    }

    @Test func aMistypedFieldFails() {
        let json = Data("""
            { "mode": "plan", "as_of": "2026-03-02",
              "package": { "name": "p", "version": "1", "entry": "e", "files": {}, "options": {}, "reads": {} },
              "apps": { "counts": [1], "columns": { "id": { "values": [7] }, "interest": { "values": ["high"] } } } }
            """.utf8)
        #expect(throws: DecodingError.self) { try WorkerRequest(json: json) }
    }

    /// A column that not every row has names its rows; a cursor gives each row its value or nil.
    @Test func aSparseColumnGivesEachRowItsValue() {
        var due = ReadableFields.Column<Int>.Cursor(.init(values: [10, 30], rows: [2, 4]))
        #expect((1...5).map { due.next($0) } == [nil, 10, nil, 30, nil])
        var kind = ReadableFields.Column<String>.Cursor(.init(values: ["a", "b"], rows: nil))
        #expect((1...3).map { kind.next($0) } == ["a", "b", nil])
        var absent = ReadableFields.Column<String>.Cursor(nil)
        #expect(absent.next(1) == nil)
    }

    @Test func aValueNestedTooDeeplyFails() {
        let deep = String(repeating: "[", count: 20) + String(repeating: "]", count: 20)
        let json = Data("""
            { "mode": "test", "as_of": "2026-03-02", "calendar": \(deep),
              "package": { "name": "p", "version": "1", "entry": "e", "files": {}, "options": {}, "reads": {} } }
            """.utf8)
        #expect(throws: DecodingError.self) { try WorkerRequest(json: json) }
    }
}
