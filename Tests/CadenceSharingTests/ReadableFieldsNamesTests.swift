import CadenceCore
import Testing
@testable import CadenceSharing

/// What a package may read is named as the Lua objects name it: each field
/// a worker's row carries is a field of its record's schema, so a manifest,
/// the worker and a script at home say the same word for the same thing.
@Suite("A package reads fields by their one names")
struct ReadableFieldsNamesTests {
    @Test("every field a worker's row carries, and every field always given, is one the record's schema names")
    func carriedAreSchemaNames() {
        let schemas: [String: RecordSchema] = ["application": .application, "events": .event, "contacts": .contact,
                                               "offers": .offer, "candidate": .candidate]
        #expect(Set(schemas.keys) == Set(ReadableFields.records))
        for (record, fields) in ReadableFields.carried {
            let names = Set(schemas[record]?.names ?? [])
            #expect(Set(fields).isSubset(of: names), "\(record): \(Set(fields).subtracting(names).sorted())")
        }
        for (record, fields) in ReadableFields.always {
            let names = Set(schemas[record]?.names ?? [])
            #expect(Set(fields).isSubset(of: names), "\(record): \(Set(fields).subtracting(names).sorted())")
        }
        #expect(ReadableFields.personal.isSubset(of: Set(RecordSchema.all.flatMap(\.names))))
    }
}
