import Foundation
import Testing

/// `cadence report`: the page, its data, what it escapes, and the page as a
/// browser renders it (headless Chromium, which `make test` installs).
@Suite("The report page")
struct ReportTests: WorkspaceSuite {
    let directory = Self.folder("report")

    @Test("the demo's report renders in a browser without console errors, its board holding each application in its stage's column")
    func demoInBrowser() throws {
        _ = try Commands.cadence(["demo", "--workspace", directory])
        let page = directory + "/report.html"
        let written = try cadence("report", "-o", page)
        #expect(written.status == 0 && written.output.hasPrefix("Wrote \(page)"), "\(written.output)\(written.error)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        // A posting's link is an <a href> the reader may follow; the page itself loads nothing.
        #expect(!html.contains(" src=") && !html.contains("<link") && !html.contains("fetch(") && !html.contains("XMLHttpRequest")
                && !html.contains("url("), "nothing is fetched from the network")
        let browser = "/usr/bin/chromium-headless-shell"
        try #require(FileManager.default.isExecutableFile(atPath: browser), "make test installs chromium-headless-shell")
        let rendered = try Commands.run(browser, ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--enable-logging=stderr", "--v=0",
                                                  "--dump-dom", "file://" + page], timeLimit: 120)
        #expect(!rendered.error.contains(":CONSOLE"), "console: \(rendered.error)")
        let dom = rendered.output
        for (stage, company) in [("interviewing", "Acme Analytics"), ("final", "Northwind Logistics"), ("rejected", "Globex"),
                                 ("offer", "Initech"), ("offer", "Wayne Enterprises"), ("ghosted", "Umbrella Health"),
                                 ("screening", "Stark Industries"), ("saved", "Hooli")] {
            let column = try #require(dom.range(of: "data-stage=\"\(stage)\""), "no \(stage) column")
            let end = dom.range(of: "</section>", range: column.upperBound..<dom.endIndex)?.lowerBound ?? dom.endIndex
            #expect(dom[column.upperBound..<end].contains(company), "\(company) is not in the \(stage) column")
        }
        #expect(dom.contains("<details class=\"tl-row\" id=\"tl-1\">"), "a timeline row, its marks said in words")
        #expect(dom.contains("aria-label=\"Copy the thank-you to Helen Jones at Acme Analytics\""))
        let phone = try BrowserPage(path: page).measure("[document.documentElement.scrollWidth, innerWidth]", width: 390)
        #expect(phone.console.isEmpty, "console: \(phone.console)")
        let widths = try #require(phone.value as? [Int])
        #expect(widths[0] <= widths[1], "nothing is wider than a 390 px window: \(widths)")
        try BrowserPage(path: page).screenshot("demo-report.png")
    }

    @Test("company names and notes with markup, quotes and emoji are shown as text")
    func escaping() throws {
        try createdWithCandidate()
        _ = try cadence("app", "add", "<script>alert('x')</script> & \"Sons\" 🚀", "Analyst", "--applied", "2026-03-02")
        _ = try cadence("log", "interview", "--app", "1", "--with", "Dr. <b>Evil</b>", "--at", "2026-03-09")
        let page = directory + "/report.html"
        #expect(try cadence("report", "-o", page, "--as-of", "2026-03-10").status == 0)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Sons&quot; 🚀"))
        #expect(html.contains("Dr. &lt;b&gt;Evil&lt;/b&gt;"))
        // The page's own scripts only: its print script and one for each part that has one, each in a <script> of its own.
        #expect(html.components(separatedBy: "<script>").count == 6 && html.components(separatedBy: "</script>").count == 6)
    }

    @Test("a coach's workspace: a triage table of the clients, then each one's own page")
    func coach() throws {
        _ = try Commands.cadence(["init", directory])
        _ = try cadence("candidate", "add", "Jo Bloggs", "--time-zone", "Europe/London")
        _ = try cadence("candidate", "add", "Sam Lee", "--time-zone", "Europe/London")
        _ = try cadence("app", "add", "Acme", "Analyst", "--candidate", "Jo Bloggs", "--applied", "2026-03-02")
        _ = try cadence("app", "add", "Globex", "Engineer", "--candidate", "Sam Lee", "--applied", "2026-03-03")
        _ = try cadence("log", "interview", "--app", "globex", "--with", "Rita Gomez", "--at", "2026-03-09")
        let page = directory + "/coach.html"
        #expect(try cadence("report", "-o", page, "--as-of", "2026-03-10").status == 0)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("<h2 id=\"overview\">Clients, who needs you first</h2>"))
        #expect(html.contains("<a href=\"#c1\"><bdi>Jo Bloggs</bdi></a></th>") && html.contains("data-label=\"Under way\">Applied 1</td>"), "\(html)")
        #expect(html.contains("<a href=\"#c2\"><bdi>Sam Lee</bdi></a></th>") && html.contains("data-label=\"Under way\">Interviewing 1</td>"))
        // Each client's section runs to the next one (they come in the triage table's order).
        func section(_ id: Int) throws -> Substring {
            let start = try #require(html.range(of: "<details class=\"client\" id=\"c\(id)\">"))
            let end = html.range(of: "<details class=\"client\"", range: start.upperBound..<html.endIndex)?.lowerBound ?? html.endIndex
            return html[start.upperBound..<end]
        }
        let jo = try section(1), sam = try section(2)
        #expect(jo.contains("Acme") && !jo.contains("Globex") && sam.contains("Globex") && !sam.contains("Acme"))
        #expect(sam.contains("<strong class=\"co\"><bdi>Globex</bdi></strong> <span class=\"what\">Thank them for the interview</span>"))
        let one = try cadence("report", "-o", page, "--as-of", "2026-03-10", "--candidate", "sam lee")
        #expect(one.status == 0)
        let single = try String(contentsOfFile: page, encoding: .utf8)
        #expect(single.contains("<title>\u{2068}Sam Lee\u{2069}&#39;s job search</title>") && single.contains("<h1><bdi>Sam Lee</bdi>&#39;s job search</h1>") && !single.contains("Acme") && !single.contains("id=\"overview\""))
    }

    @Test("--json gives the same data: the pipeline's columns, conversion, the week and the timelines")
    func json() throws {
        _ = try Commands.cadence(["demo", "--workspace", directory])
        let printed = try cadence("report", "--json")
        let data = try #require(try JSONSerialization.jsonObject(with: Data(printed.output.utf8)) as? [String: Any])
        let pipeline = try #require(data["pipeline"] as? [String: Any])
        let columns = try #require(pipeline["columns"] as? [[String: Any]])
        let offer = try #require(columns.first { $0["stage"] as? String == "offer" })
        #expect((offer["apps"] as? [[String: Any]])?.compactMap { $0["company"] as? String }.sorted() == ["Initech", "Wayne Enterprises"])
        #expect((data["timelines"] as? [Any])?.count == 6, "the open applications: not the rejected nor the ghosted")
        // Future events never count as reached: the demo's final round booked for next week leaves 6 of 7 gone on.
        let conversion = try #require(pipeline["conversion"] as? [[String: Any]])
        let screening = try #require(conversion.first { $0["from"] as? String == "screening" })
        #expect(screening["reached"] as? Int == 7 && screening["went_on"] as? Int == 6 && screening["pending"] as? Int == 1, "\(screening)")
        // Offers not yet answered are still there, not "did not go on": no rate until one is answered.
        let offers = try #require(conversion.first { $0["from"] as? String == "offer" })
        #expect(offers["pending"] as? Int == 2 && offers["stopped"] as? Int == 0 && offers["rate"] == nil, "\(offers)")
        #expect(((data["offers"] as? [String: Any])?["compared"] as? [Any])?.count ?? 0 >= 2)
    }
}
