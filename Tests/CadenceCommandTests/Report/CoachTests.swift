import Foundation
import Testing

/// A coach's page (cadence.report.coach): the triage table, a row per client
/// with figures counted from what was logged, the client who needs the coach
/// most first; each client's page folded under a summary, opened by following
/// the table's link; and the page as twenty clients with a hundred
/// applications each make it, laid out in headless Chromium.
@Suite("A coach's page")
struct CoachTests: WorkspaceSuite {
    let directory = Self.folder("coach")

    /// Five clients, as of Tue 10 Mar 2026:
    /// - Jo: Acme, interviewed Tue 10 Feb and nothing since (stalled, 28 days quiet; the status
    ///   follow-up due Tue 17 Feb overdue); Initech, applied Mon 9 Mar.
    /// - Sam: Globex, interviewed and thanked, an offer come Thu 5 Mar to answer by Thu 12 Mar
    ///   (its questions, due on its day, overdue).
    /// - Kai: Hooli, applied Sat 10 Jan, not a word since (stalled); Umbrella, rejected (closed; the
    ///   thanks and the feedback request overdue).
    /// - Ben: Stark, applied Sun 1 Feb, not a word since (stalled), nothing overdue.
    /// - Ada: Wayne, applied Fri 6 Mar: nothing overdue, nothing stalled.
    func coachWorkspace() throws {
        _ = try Commands.cadence(["init", directory])
        for (name, zone) in [("Jo Bloggs", "Europe/London"), ("Sam Lee", "America/New_York"), ("Kai Quiet", "Asia/Tokyo"),
                             ("Ben Still", "Europe/Berlin"), ("Ada Calm", "Australia/Sydney")] {
            #expect(try cadence("candidate", "add", name, "--time-zone", zone).status == 0)
        }
        for arguments in [["app", "add", "Acme", "Analyst", "--candidate", "Jo Bloggs", "--applied", "2026-02-02"],
                          ["log", "interview", "--app", "acme", "--with", "Rita Gomez", "--at", "2026-02-10"],
                          ["app", "add", "Initech", "Analyst", "--candidate", "Jo Bloggs", "--applied", "2026-03-09"],
                          ["app", "add", "Globex", "Engineer", "--candidate", "Sam Lee", "--applied", "2026-02-20"],
                          ["log", "interview", "--app", "globex", "--with", "Hank Scorpio", "--at", "2026-03-02"],
                          ["log", "message-sent", "--app", "globex", "--to", "Hank Scorpio", "--message-kind", "thank-you", "--at", "2026-03-02"],
                          ["offer", "add", "--app", "globex", "--base", "50000 GBP", "--at", "2026-03-05", "--respond-by", "2026-03-12"],
                          ["app", "add", "Hooli", "Designer", "--candidate", "Kai Quiet", "--applied", "2026-01-10"],
                          ["app", "add", "Umbrella", "Designer", "--candidate", "Kai Quiet", "--applied", "2026-01-05"],
                          ["log", "rejection", "--app", "umbrella", "--at", "2026-01-20"],
                          ["app", "add", "Stark", "Analyst", "--candidate", "Ben Still", "--applied", "2026-02-01"],
                          ["app", "add", "Wayne", "Analyst", "--candidate", "Ada Calm", "--applied", "2026-03-06"]] {
            let run = try Commands.cadence(arguments + ["--workspace", directory])
            #expect(run.status == 0, "\(arguments): \(run.output)\(run.error)")
        }
    }

    /// Days from `from` to `to`, both "YYYY-MM-DD".
    static func daysBetween(_ from: String, _ to: String) -> Int? {
        let format = DateFormatter()
        format.dateFormat = "yyyy-MM-dd"
        format.timeZone = TimeZone(identifier: "UTC")
        guard let a = format.date(from: from), let b = format.date(from: to) else { return nil }
        return Int((b.timeIntervalSince(a) / 86_400).rounded())
    }

    @Test("the triage rows count what was logged: overdue, due this week, stalled, live offers by their date, by stage; needing the coach most first")
    func triageFigures() throws {
        try coachWorkspace()
        let printed = try cadence("report", "--json", "--as-of", "2026-03-10")
        let data = try #require(try JSONSerialization.jsonObject(with: Data(printed.output.utf8)) as? [String: Any], "\(printed.error)")
        let rows = try #require(data["candidates"] as? [[String: Any]])
        let clients = try #require(data["clients"] as? [[String: Any]])
        #expect(clients.count == 5 && data["as_of"] as? String == "2026-03-10" && data["problems"] is [Any])
        // Each row's overdue and due figures are the client's own agenda, counted again here.
        for row in rows {
            let client = try #require(clients.first { $0["id"] as? Int == row["id"] as? Int })
            let items = try #require(client["week"] as? [[String: Any]])
            let overdue = items.filter { $0["overdue"] as? Bool == true }.count
            #expect(row["overdue"] as? Int == overdue && row["due_week"] as? Int == items.count - overdue, "\(row)")
        }
        #expect(rows.map { $0["name"] as? String } == ["Kai Quiet", "Sam Lee", "Jo Bloggs", "Ben Still", "Ada Calm"],
                "the most overdue first (Kai, 2); of one overdue each, an offer to answer this week (Sam) before stalled (Jo); of none overdue, stalled (Ben) before nothing (Ada)")
        let kai = rows[0], sam = rows[1], jo = rows[2], ben = rows[3], ada = rows[4]
        #expect(kai["overdue"] as? Int == 2 && sam["overdue"] as? Int == 1 && jo["overdue"] as? Int == 1 && ben["overdue"] as? Int == 0)
        // How late each client's oldest overdue action is: the days since its due day, as each agenda says.
        for row in rows where (row["overdue"] as? Int ?? 0) > 0 {
            let client = try #require(clients.first { $0["id"] as? Int == row["id"] as? Int })
            let oldest = (client["week"] as? [[String: Any]] ?? []).filter { $0["overdue"] as? Bool == true }.compactMap { $0["due"] as? String }.min()
            let days = try #require(oldest.flatMap { Self.daysBetween($0, "2026-03-10") })
            #expect(row["late"] as? Int == days, "\(row)")
        }
        #expect(ben["stalled"] as? Int == 1 && ada["stalled"] as? Int == 0 && ada["overdue"] as? Int == 0)
        let joStalled = try #require(jo["stalled_apps"] as? [[String: Any]])
        #expect(jo["stalled"] as? Int == 1 && joStalled.first?["company"] as? String == "Acme" && joStalled.first?["quiet"] as? Int == 28)
        #expect(sam["stalled"] as? Int == 0, "a client with an interview 8 days ago is not stalled")
        let kaiStalled = try #require(kai["stalled_apps"] as? [[String: Any]])
        #expect(kai["stalled"] as? Int == 1 && kaiStalled.first?["company"] as? String == "Hooli" && kaiStalled.first?["quiet"] as? Int == 59,
                "the rejected application is closed, not stalled: \(kai)")
        #expect(kai["active"] as? Int == 1 && kai["closed"] as? Int == 1 && kai["applications"] as? Int == 2)
        let offers = try #require(sam["offers"] as? [[String: Any]])
        #expect(offers.count == 1 && offers[0]["company"] as? String == "Globex" && offers[0]["respond_by"] as? String == "2026-03-12"
                && offers[0]["days_left"] as? Int == 2 && sam["offer_soon"] as? String == "2026-03-12")
        #expect((jo["offers"] as? [Any])?.isEmpty == true && (jo["stages"] as? [String: Int]) == ["interviewing": 1, "applied": 1])
        // A meeting booked ahead keeps an application from stalling; a word that came after the day does not count on it.
        #expect(try cadence("log", "interview", "--app", "stark", "--with", "Pepper Potts", "--at", "2026-03-20").status == 0)
        #expect(try cadence("log", "message-sent", "--app", "hooli", "--to", "Gavin Belson", "--at", "2026-03-15").status == 0)
        let later = try cadence("report", "--json", "--as-of", "2026-03-10")
        let again = try #require((try JSONSerialization.jsonObject(with: Data(later.output.utf8)) as? [String: Any])?["candidates"] as? [[String: Any]])
        #expect(again.first { $0["name"] as? String == "Ben Still" }?["stalled"] as? Int == 0, "an interview booked for Fri 20 Mar")
        #expect(again.first { $0["name"] as? String == "Kai Quiet" }?["stalled"] as? Int == 1, "the message of Sun 15 Mar had not been sent on Tue 10 Mar")
        // A revised offer is the same offer, in its latest round.
        #expect(try cadence("offer", "revise", "1", "--base", "55000 GBP", "--at", "2026-03-09").status == 0)
        let revised = try cadence("report", "--json", "--as-of", "2026-03-10")
        let rounds = try #require((try JSONSerialization.jsonObject(with: Data(revised.output.utf8)) as? [String: Any])?["candidates"] as? [[String: Any]])
        let samOffers = try #require(rounds.first { $0["name"] as? String == "Sam Lee" }?["offers"] as? [[String: Any]])
        #expect(samOffers.count == 1 && samOffers.first?["offer"] as? Int == 2, "\(samOffers)")
        // The day before the offer came, Sam has no live offer.
        let before = try cadence("report", "--json", "--as-of", "2026-03-04")
        let earlier = try #require((try JSONSerialization.jsonObject(with: Data(before.output.utf8)) as? [String: Any])?["candidates"] as? [[String: Any]])
        let samBefore = try #require(earlier.first { $0["name"] as? String == "Sam Lee" })
        #expect((samBefore["offers"] as? [Any])?.isEmpty == true, "\(samBefore)")
    }

    @Test("the page: the table's figures right-aligned with an overdue pill, each client's page folded and opened by its link, nothing wider than a phone")
    func page() throws {
        try coachWorkspace()
        let file = directory + "/coach.html"
        #expect(try cadence("report", "-o", file, "--as-of", "2026-03-10").status == 0)
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.contains("<title>Coach&#39;s overview: 5 clients</title>"))
        let table = try #require(html.range(of: "<table class=\"triage\">"))
        let tableEnd = try #require(html.range(of: "</table>", range: table.upperBound..<html.endIndex))
        let triage = html[table.upperBound..<tableEnd.lowerBound]
        #expect(triage.contains("<a href=\"#c3\"><bdi>Kai Quiet</bdi></a></th><td class=\"num\" data-label=\"Overdue\"><span class=\"pill overdue\">2</span> "
                                + "<span class=\"muted late\">oldest "), "the overdue count, and how late the oldest is")
        #expect(triage.contains("<a href=\"#c5\"><bdi>Ada Calm</bdi></a></th><td class=\"num muted\" data-label=\"Overdue\">0</td>"))
        #expect(triage.contains("<bdi>Globex</bdi> <span class=\"pill soon\">Thu 12 Mar, in 2 days</span>"))
        #expect(triage.contains("Interviewing 1 · Applied 1") == false && triage.contains("Applied 1 · Interviewing 1"), "stages in order")
        let browser = BrowserPage(path: file)
        let opened = try browser.measure("""
            [document.querySelectorAll("details.client[open]").length,
             (function () { document.querySelector("table.triage a[href='#c3']").click(); return document.getElementById("c3").open; })(),
             document.getElementById("c1").open, location.hash,
             getComputedStyle(document.querySelector("table.triage td.num")).textAlign]
            """)
        #expect(opened.console.isEmpty, "console: \(opened.console)")
        let values = try #require(opened.value as? [Any])
        #expect(values[0] as? Int == 0, "every client's page starts folded")
        #expect(values[1] as? Bool == true && values[2] as? Bool == false && values[3] as? String == "#c3", "following Kai's link opens Kai's page alone: \(values)")
        #expect(values[4] as? String == "right")
        let phone = try browser.measure("[document.documentElement.scrollWidth, innerWidth]", width: 390)
        let widths = try #require(phone.value as? [Int])
        #expect(widths[0] <= widths[1], "nothing is wider than a 390 px window: \(widths)")
        try browser.screenshot("coach-triage.png", width: 1366, height: 900)
        try browser.screenshot("coach-triage-phone.png", width: 390, height: 1200)
    }

    @Test("a hostile client's name: a right-to-left override, 500 characters, markup and an escape stay text in their cell")
    func hostileName() throws {
        try coachWorkspace()
        let name = "\u{202E}<b>Evil</b>\u{1B}[31m & " + String(repeating: "W", count: 500)
        #expect(try cadence("candidate", "add", name, "--time-zone", "Europe/London").status == 0)
        #expect(try cadence("app", "add", "Zeta", "Analyst", "--candidate", "6", "--applied", "2026-01-02").status == 0)
        let file = directory + "/coach.html"
        let made = try cadence("report", "-o", file, "--as-of", "2026-03-10")
        #expect(made.status == 0, "\(made.error)")
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!html.contains("<b>Evil") && !html.contains("\u{202E}") && !html.contains("\u{1B}"))
        #expect(html.contains("<a href=\"#c6\"><bdi>&lt;b&gt;Evil&lt;/b&gt;[31m &amp; WWW"), "escaped, isolated")
        #expect(html.contains("W…</bdi></a>"), "cut by characters in the table")
        let browser = BrowserPage(path: file)
        for width in [390, 1366] {
            let measured = try browser.measure("""
                [document.documentElement.scrollWidth, innerWidth,
                 Math.max.apply(null, Array.prototype.map.call(document.querySelectorAll("table.triage tbody tr"), function (r) { return r.offsetHeight; })),
                 document.querySelector("h2#overview").textContent]
                """, width: width)
            #expect(measured.console.isEmpty, "console: \(measured.console)")
            let values = try #require(measured.value as? [Any])
            #expect((values[0] as? Int ?? .max) <= (values[1] as? Int ?? 0), "nothing wider than \(width) px: \(values)")
            #expect((values[2] as? Int ?? .max) < 400, "the long name does not stretch its row: \(values)")
            #expect(values[3] as? String == "Clients, who needs you first", "the page's own words keep their order")
        }
        try browser.screenshot("coach-hostile.png", width: 390, height: 1400)
    }

    @Test("twenty clients with a hundred applications each: no console errors, a triage row each, and folded the page stays under 15 screens")
    func twentyClients() throws {
        let generator = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Benchmarks/agenda/generate.lua").path
        let scratch = Self.folder("coach-sql")
        let generated = try Commands.run("/usr/bin/env", ["lua5.4", generator, "2000", scratch + ".sql", scratch + ".lua", "20"])
        #expect(generated.status == 0, "\(generated.error)")
        _ = try Commands.cadence(["init", directory])
        let loaded = try Commands.run("/usr/bin/sqlite3", [directory + "/cadence.sqlite", ".read " + scratch + ".sql"])
        #expect(loaded.status == 0, "\(loaded.error)")
        let file = directory + "/coach.html"
        // A generous limit for a loaded machine: it bounds a hang, it measures nothing.
        let made = try Commands.run(Commands.cadenceURL.path, ["report", "-o", file, "--as-of", "2026-03-02", "--workspace", directory],
                                    timeLimit: 1200)
        #expect(made.status == 0, "\(made.error)")
        let measured = try BrowserPage(path: file).measure("""
            [document.documentElement.scrollHeight, innerHeight, document.querySelectorAll("table.triage tbody tr").length,
             document.querySelectorAll("details.client").length, document.querySelectorAll("details.client[open]").length,
             document.documentElement.scrollWidth, innerWidth].concat(
             Array.prototype.map.call(document.querySelectorAll("table.triage tbody td[data-label=Overdue]"), function (td) { var pill = td.querySelector(".pill"); return +(pill ? pill.textContent : td.textContent); }))
            """)
        #expect(measured.console.isEmpty, "console: \(measured.console)")
        let values = try #require(measured.value as? [Int])
        let overdue = Array(values.dropFirst(7))
        #expect(overdue.count == 20 && overdue == overdue.sorted(by: >) && overdue.allSatisfy { $0 > 0 }, "the most overdue first: \(overdue)")
        #expect(values[2] == 20 && values[3] == 20 && values[4] == 0, "\(values)")
        #expect(values[0] < 15 * values[1], "folded, twenty clients take \(values[0]) px, \(values[0] / max(values[1], 1)) screens")
        #expect(values[5] <= values[6])
        try BrowserPage(path: file).screenshot("coach-twenty.png", width: 1366, height: 2400)
    }
}
