import Foundation
import Testing

/// The page's own words around a person's: a right-to-left name is isolated
/// on its own in the title and the heading, and a day in another year than
/// the page's says its year.
@Suite("The report's title and days")
struct ReportTitleTests: WorkspaceSuite {
    let directory = Self.folder("report-title")

    @Test("a right-to-left name does not carry \"'s job search\" with it; a day of last year names its year")
    func rightToLeftAndYears() throws {
        _ = try Commands.cadence(["init", directory])
        #expect(try cadence("candidate", "add", "محمد عبد الله", "--time-zone", "Asia/Dubai").status == 0)
        #expect(try cadence("app", "add", "Acme", "Analyst", "--applied", "2025-12-20").status == 0)
        let page = directory + "/report.html"
        let written = try cadence("report", "-o", page, "--as-of", "2026-01-05")
        #expect(written.status == 0, "\(written.error)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("<h1><bdi>محمد عبد الله</bdi>&#39;s job search</h1>"), "the name alone is isolated")
        #expect(html.contains("<title>\u{2068}محمد عبد الله\u{2069}&#39;s job search</title>"))
        #expect(html.contains("As of Mon 5 Jan 2026."))
        #expect(html.contains("Sat 20 Dec 2025") && !html.contains("Sat 20 Dec<"), "a day of 2025 on a page of 2026 says its year")
    }

    @Test("--candidate with a name one letter off says which it means")
    func nearMissCandidate() throws {
        _ = try Commands.cadence(["init", directory])
        #expect(try cadence("candidate", "add", "Elena García", "--time-zone", "Europe/Madrid").status == 0)
        let missed = try cadence("report", "--candidate", "Elena Garcia", "-o", directory + "/x.html")
        #expect(missed.status == 1 && missed.error.contains("no candidate named 'Elena Garcia' (did you mean 'Elena García'?)"), "\(missed.error)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/x.html"), "nothing written")
    }
}
