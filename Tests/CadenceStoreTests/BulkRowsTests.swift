import CadenceCore
import Foundation
import GRDB
import Testing
@testable import CadenceStore

@Suite("Reading the log in bulk")
struct BulkRowsTests {
    @Test("lists of names read back as written, commas, quotes, accents and all")
    func names() throws {
        for names in [[], ["Helen Jones"], ["A, B", "Zoë \"Z\" Jöns", "x\\y", ""], ["\",\"", "tail"]] {
            let json = String(decoding: try JSONEncoder().encode(names), as: UTF8.self)
            #expect(try JSONText.strings(json) == names, "\(json)")
        }
        #expect(try JSONText.strings(nil) == [])
    }

    @Test("timestamps are written as the ISO 8601 formatter writes them")
    func timestamps() throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for seconds in [0, 1_772_452_800.123, 1_772_452_799.9996, -86_400.5, 951_782_400, 4_102_444_799.999] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(Timestamps.format(date) == formatter.string(from: date), "\(seconds)")
        }
    }

    @Test("stored instants are read as GRDB reads them, to the millisecond kept; other texts are left to GRDB")
    func storedInstants() throws {
        func storedInstant(_ text: String) -> Date? {
            var text = text
            return text.withUTF8 { EventRows.storedInstant(UnsafeRawBufferPointer($0)) }
        }
        for text in ["2026-03-02 12:00:00.000", "1999-12-31 23:59:59.999", "1970-01-01 00:00:00.000", "2024-02-29 06:07:08.009"] {
            let ours = try #require(storedInstant(text)), grdb = try #require(Date.fromDatabaseValue(text.databaseValue))
            #expect(abs(ours.timeIntervalSince(grdb)) < 0.000_5, "\(text)")
            #expect(Timestamps.format(ours) == Timestamps.format(grdb))
        }
        for text in ["2026-03-02 12:00:00", "2026-03-02T12:00:00.000", "2026-02-30 12:00:00.000", "2026-03-02 12:00:00.0000", ""] {
            #expect(storedInstant(text) == nil, "\(text)")
        }
    }

    @Test("events read in bulk equal events read one by one")
    func events() throws {
        let store = try Workspace(directory: FileManager.default.temporaryDirectory
            .appendingPathComponent("cadence-bulk-\(UUID().uuidString)").path).create()
        try store.writeDatabase { db in try DemoSearch.build(today: Date(), db) }
        let (all, one) = try store.readDatabase { db in (try EventRows.fetch(db, order: "applicationID, at, id"), try Queries.events(of: 1, db)) }
        #expect(all.filter { $0.applicationID == 1 } == one)
        #expect(all.count > 25 && all.contains { $0.with.count == 2 } && all.contains { $0.due != nil })
    }

    @Test("stages digested in one pass over the log equal each application's own, as of any day")
    func digests() throws {
        let store = try Workspace(directory: FileManager.default.temporaryDirectory
            .appendingPathComponent("cadence-bulk-\(UUID().uuidString)").path).create()
        let today = Date()
        try store.writeDatabase { db in try DemoSearch.build(today: today, db) }
        for offset in [-30, -10, 0, 4, 40] {
            let asOf = today.addingTimeInterval(Double(offset) * 86_400)
            let (all, one) = try store.readDatabase { db in
                (try Queries.summaries(db, asOf: asOf), try Queries.applications(db).map { try Queries.summary(of: $0.id!, db, asOf: asOf)! })
            }
            #expect(all.map(\.stage) == one.map(\.stage), "\(offset)")
            #expect(all.map(\.stageSince) == one.map(\.stageSince), "\(offset)")
            #expect(all.map(\.lastContact) == one.map(\.lastContact), "\(offset)")
            #expect(Set(all.map(\.stage)).count >= (offset < 0 ? 3 : 6), "\(offset)")
        }
    }
}
