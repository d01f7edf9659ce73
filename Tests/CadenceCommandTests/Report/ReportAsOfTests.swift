import Foundation
import Testing

/// `cadence report --as-of` a day gone by shows the search as it was that
/// day: applications made later are not there yet, each is in the stage it
/// had, and nothing that happened later is drawn (a meeting booked ahead is,
/// as booked).
@Suite("The report as of a day gone by")
struct ReportAsOfTests: WorkspaceSuite {
    let directory = Self.folder("report-as-of")

    /// The demo's day (it is made around today) and a day three weeks before, as "YYYY-MM-DD" in UTC.
    static func days() -> (today: String, before: String) {
        let format = DateFormatter()
        format.dateFormat = "yyyy-MM-dd"
        format.timeZone = TimeZone(identifier: "UTC")
        format.locale = Locale(identifier: "en_US_POSIX")
        return (format.string(from: Date()), format.string(from: Date().addingTimeInterval(-21 * 86_400)))
    }

    @Test("three weeks back: the applications made since are absent, stages are as they were, and later events are not drawn")
    func threeWeeksBack() throws {
        _ = try Commands.cadence(["demo", "--workspace", directory])
        let (today, before) = Self.days()
        let now = try #require(try JSONSerialization.jsonObject(with: Data(try cadence("report", "--json").output.utf8)) as? [String: Any])
        let then = try #require(try JSONSerialization.jsonObject(with: Data(try cadence("report", "--json", "--as-of", before, "--days", "28").output.utf8))
                                as? [String: Any])
        #expect(now["as_of"] as? String == today && then["as_of"] as? String == before)

        func stages(_ data: [String: Any]) throws -> [String: String] {
            let columns = try #require((data["pipeline"] as? [String: Any])?["columns"] as? [[String: Any]])
            var where_: [String: String] = [:]
            for column in columns {
                for app in column["apps"] as? [[String: Any]] ?? [] { where_[app["company"] as! String] = column["stage"] as? String }
            }
            return where_
        }
        let nowStages = try stages(now), thenStages = try stages(then)
        // Hooli was saved two days ago and Stark Industries applied to twenty days ago: neither existed yet.
        #expect(nowStages["Hooli"] == "saved" && nowStages["Stark Industries"] != nil)
        #expect(thenStages["Hooli"] == nil && thenStages["Stark Industries"] == nil, "\(thenStages)")
        #expect(then["applications"] as? Int == (now["applications"] as? Int).map { $0 - 2 })
        // Globex was rejected five days ago: three weeks back it was still being assessed.
        #expect(nowStages["Globex"] == "rejected")
        #expect(["screening", "interviewing"].contains(thenStages["Globex"] ?? ""), "\(thenStages)")

        // No event after the day is drawn, but a meeting booked ahead.
        let bookable: Set<String> = ["screen", "interview", "follow-up-call"]
        for row in then["timelines"] as? [[String: Any]] ?? [] {
            for event in row["events"] as? [[String: Any]] ?? [] {
                let day = try #require(event["day"] as? String), kind = try #require(event["kind"] as? String)
                #expect(day <= before || bookable.contains(kind), "\(row["company"] ?? "") shows a later \(kind) on \(day)")
            }
        }
        // The offers came later: no card names a day to answer by, and the offers part has none live.
        let cards = ((then["pipeline"] as? [String: Any])?["columns"] as? [[String: Any]] ?? []).flatMap { $0["apps"] as? [[String: Any]] ?? [] }
        #expect(!cards.contains { ($0["dates"] as? [[String: Any]] ?? []).contains { $0["kind"] as? String == "respond-by" } }, "\(cards)")
        #expect(((then["offers"] as? [String: Any])?["live"] as? [Any])?.isEmpty == true)
        // Nor is anything planned from what came later: no thanks yet for a rejection still to come.
        let week = then["week"] as? [[String: Any]] ?? []
        #expect(!week.contains { ["post-rejection-thanks", "feedback-request"].contains($0["kind"] as? String ?? "") }, "\(week)")
        #expect((now["week"] as? [[String: Any]] ?? []).contains { $0["kind"] as? String == "post-rejection-thanks" })
        // And the funnel counts only what had happened: Globex's rejection had not, so fewer had stopped.
        func stopped(_ data: [String: Any]) throws -> Int {
            let conversion = try #require((data["pipeline"] as? [String: Any])?["conversion"] as? [[String: Any]])
            return conversion.reduce(0) { $0 + ($1["stopped"] as? Int ?? 0) }
        }
        #expect(try stopped(then) < stopped(now))
    }

    @Test("a day at the edge of the years kept, or --days past them: a sentence saying what the page reaches, not arithmetic")
    func edges() throws {
        _ = try Commands.cadence(["init", directory])
        for arguments in [["--as-of", "1900-01-01"], ["--as-of", "2200-12-24"], ["--days", "100000"]] {
            let run = try Commands.cadence(["report", "--json", "--workspace", directory] + arguments)
            #expect(run.status == 1 && run.error.contains("past the years Cadence keeps (1900 to 2200)") && !run.error.contains(" - 56'"),
                    "\(arguments): \(run.error)")
        }
    }
}
