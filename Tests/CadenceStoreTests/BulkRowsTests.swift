import CadenceCore
import Foundation
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

    @Test("events read in bulk equal events read one by one")
    func events() throws {
        let store = try Workspace(directory: FileManager.default.temporaryDirectory
            .appendingPathComponent("cadence-bulk-\(UUID().uuidString)").path).create()
        try store.write { db in try DemoSearch.build(today: Date(), db) }
        let (all, one) = try store.read { db in (try Queries.allEvents(db), try Queries.events(of: 1, db)) }
        #expect(all.filter { $0.applicationID == 1 } == one)
        #expect(all.count > 25 && all.contains { $0.with.count == 2 } && all.contains { $0.due != nil })
    }
}
