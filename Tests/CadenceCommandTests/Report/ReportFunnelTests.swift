import Foundation
import Testing

/// The report's funnel: an offer being negotiated is still there, not one
/// that did not go on; a closed stage an application sits in has no length.
@Suite("The report's funnel")
struct ReportFunnelTests: WorkspaceSuite {
    let directory = Self.folder("report-funnel")

    func pipeline() throws -> [String: Any] {
        let printed = try cadence("report", "--json")
        let data = try #require(try JSONSerialization.jsonObject(with: Data(printed.output.utf8)) as? [String: Any], "\(printed.error)")
        return try #require(data["pipeline"] as? [String: Any])
    }

    @Test("an offer in negotiation is pending, and the days since a rejection are not time spent in 'Rejected'")
    func negotiatingAndClosed() throws {
        _ = try Commands.cadence(["demo", "--workspace", directory])
        #expect(try cadence("offer", "edit", "1", "--asked", "60k").status == 0, "Initech's offer goes negotiating")
        let pipeline = try pipeline()
        let conversion = try #require(pipeline["conversion"] as? [[String: Any]])
        let offer = try #require(conversion.first { $0["from"] as? String == "offer" })
        #expect(offer["pending"] as? Int == 2 && offer["stopped"] as? Int == 0 && offer["rate"] == nil, "\(offer)")
        let dwell = try #require(pipeline["dwell"] as? [[String: Any]]).compactMap { $0["stage"] as? String }
        #expect(dwell.contains("negotiating") && !dwell.contains("rejected") && !dwell.contains("ghosted"), "\(dwell)")
    }
}
