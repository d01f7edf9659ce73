import CadenceCore
import CadenceStore
import Foundation
import LuaBinding

/// The workspace's record of rehearsals (rehearsals/progress.json): per
/// rehearsal, when, which application, the transcript kept and each rule of
/// the practice kept or broken, so that feedback can say "rule 2: kept 3 of
/// your last 4 rehearsals" and `cadence rehearse --progress` can show the trend.
struct RehearsalProgress {
    struct Record: Codable, Equatable {
        var at: String
        var appID: Int64
        var app: String
        var seed: Int64
        var transcript: String
        /// Rule number ("2") → kept; a rule the rehearsal did not reach is absent.
        var rules: [String: Bool]

        enum CodingKeys: String, CodingKey { case at, appID = "app_id", app, seed, transcript, rules }
    }

    let file: String
    var records: [Record]

    /// The progress kept in `folder` (none yet: empty). A file that is not a progress record is refused, naming it.
    init(folder: String) throws {
        file = folder + "/progress.json"
        guard let data = FileManager.default.contents(atPath: file) else {
            records = []
            return
        }
        do {
            records = try JSONDecoder().decode([Record].self, from: data)
        } catch {
            throw StoreError.invalid("\(file) is not a record of rehearsals (\(DecodingReason.of(error))): "
                + "move it aside to start a new one")
        }
    }

    /// The records as Lua reads them (rehearsal.start's history, rehearsal.progress's records), oldest first.
    var lua: LuaValue {
        .table(LuaTable(array: records.map { r in
            var rules = LuaTable()
            for (rule, kept) in r.rules { rules[rule] = .boolean(kept) }
            var t = LuaTable()
            t["at"] = LuaValue(r.at)
            t["app_id"] = .integer(r.appID)
            t["app"] = LuaValue(r.app)
            t["rules"] = .table(rules)
            return .table(t)
        }))
    }

    /// Adds `record` and writes the file atomically: a new file in the folder, then renamed over the old.
    mutating func append(_ record: Record) throws {
        records.append(record)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(records)
        do { try data.write(to: URL(fileURLWithPath: file), options: .atomic) }
        catch { throw StoreError.invalid("cannot write \(file): \(error.localizedDescription)") }
    }
}
