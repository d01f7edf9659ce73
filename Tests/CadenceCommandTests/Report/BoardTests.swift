import Foundation
import Testing

/// The report's board (cadence/report/board.lua) as a person sees it in
/// headless Chromium: the active stages in one row, every open application
/// on it with its next action, the closed stages folded to counts, columns
/// capped with "+N more", and hostile text kept inside its card.
@Suite("The report's board")
struct BoardTests: WorkspaceSuite {
    let directory = Self.folder("board")

    static let active = ["saved", "applied", "screening", "interviewing", "final", "offer", "negotiating"]

    @Test("the demo's board: the active stages in one row at 1366 px, named as people write them, each open application with its next action, the closed ones folded to counts")
    func demo() throws {
        _ = try Commands.cadence(["demo", "--workspace", directory])
        let page = try written()
        let data = try report()
        let (board, console) = try measured(page, width: 1366)
        #expect(console.isEmpty, "console: \(console)")
        #expect(board.columns.map(\.stage) == Self.active)
        #expect(board.columns.map(\.name) == ["Saved", "Applied", "Screening", "Interviewing", "Final round", "Offer", "Negotiating"])
        #expect(Set(board.columns.map(\.top)).count == 1, "one row: every column starts at the same height \(board.columns.map(\.top))")
        #expect(board.row[0] <= board.row[1], "the demo's row fits a 1366 px window without scrolling: \(board.row)")
        let (narrow, _) = try measured(page, width: 900)
        #expect(Set(narrow.columns.map(\.top)).count == 1 && narrow.row[0] > narrow.row[1], "in a narrower window the row scrolls, never wraps")
        // Every open application is on the board, with the action the agenda puts first for it.
        let agenda = try Commands.cadence(["agenda", "--days", "28", "--json", "--workspace", directory]).decoded(as: [AgendaItem].self)
        let open = data.pipeline.columns.filter { $0.closed != true }.flatMap(\.apps)
        #expect(data.pipeline.columns.map(\.stage) == Self.active + ["accepted", "declined", "rejected", "withdrawn", "ghosted"],
                "--json keeps a column for every stage")
        #expect(open.count == 6, "the demo's open applications")
        for app in open {
            let shown = try #require(board.text[app.id], "\(app.company) is not on the board")
            #expect(shown.contains(app.company))
            let items = agenda.filter { $0.application == app.id }
            let first = items.first { $0.due == items.map(\.due).min() }
            #expect(app.next?.kind == first?.kind && app.next?.due == first?.due, "\(app.company): \(String(describing: app.next))")
            if let next = app.next {
                #expect(shown.contains(next.action) && (next.to.map(shown.contains) ?? true), "\(app.company) shows \(shown)")
            }
        }
        // What is fixed on their side: a meeting booked, an offer's respond-by, the day they said they would decide.
        let dated = Dictionary(uniqueKeysWithValues: open.map { ($0.company, $0.dates.map(\.kind)) })
        #expect(dated["Stark Industries"] == ["interview"] && dated["Initech"] == ["respond-by"] && dated["Northwind Logistics"] == ["decision"])
        for app in open { for date in app.dates { #expect(board.text[app.id]?.contains(date.what) == true, "\(app.company): \(date.what)") } }
        #expect(board.links == [["https://jobs.hooli.example/pa-42", "noopener noreferrer", "_blank"]])
        // Closed stages are counts, not columns; their applications are listed in the fold.
        #expect(data.pipeline.closed.map(\.stage) == ["rejected", "ghosted"] && data.pipeline.closed.map(\.count) == [1, 1])
        #expect(board.closed.map { $0[0] } == ["rejected", "ghosted"])
        #expect(board.closed.map { $0[1] } == ["Rejected 1", "Ghosted 1"])
        for app in data.pipeline.columns.filter({ $0.closed == true }).flatMap(\.apps) {
            #expect(board.text[app.id]?.contains(app.company) == true)
        }
        try BrowserPage(path: boardOnly(page)).screenshot("board-demo.png", width: 1366, height: 1600)
    }

    @Test("a column shows its eight most urgent cards (overdue first, then soonest, then longest in the stage); the rest are one line each in a \"+N more\" fold")
    func cap() throws {
        try createdWithCandidate()
        let script = try Commands.temporaryScript("""
            local cadence = require "cadence"
            for i = 1, 30 do
              local app = cadence.add_app{ company = ("Firm %02d"):format(i), role = "Analyst", applied = ("2026-01-%02d"):format(i) }
              if i > 18 then app:log("interview", { with = { "Rita Gomez" }, at = ("2026-02-%02d"):format(i - 2) }) end
            end
            """)
        #expect(try Commands.cadence(["run", "--workspace", directory, script]).status == 0)
        let page = try written("--as-of", "2026-03-02")
        let data = try report("--as-of", "2026-03-02")
        let (board, _) = try measured(page, width: 1366)
        for (stage, count) in [("applied", 18), ("interviewing", 12)] {
            let apps = try #require(data.pipeline.columns.first { $0.stage == stage }).apps
            let column = try #require(board.columns.first { $0.stage == stage })
            #expect(apps.count == count)
            #expect(column.cards == apps.prefix(8).map(\.id), "\(stage): the first eight as cards")
            #expect(column.more == apps.dropFirst(8).map(\.id), "\(stage): the rest in the fold")
            #expect(column.summary == "+\(count - 8) more")
            for app in apps {
                let shown = try #require(board.text[app.id], "\(app.company) is not on the board")
                #expect(shown.contains(app.company) && (app.next.map { shown.contains($0.action) } ?? true), "\(shown)")
            }
            for (a, b) in zip(apps, apps.dropFirst()) {
                let inOrder: Bool = switch (a.next, b.next) {
                case let (x?, y?): x.due < y.due || (x.due == y.due && a.days >= b.days)
                case (.some, nil): true
                case (nil, .some): false
                case (nil, nil): a.days >= b.days
                }
                #expect(inOrder, "\(stage): \(a.company) before \(b.company)")
            }
        }
        let interviewing = try #require(data.pipeline.columns.first { $0.stage == "interviewing" }).apps
        #expect(interviewing.first?.next?.overdue == true && interviewing.last?.next?.overdue == false)
        try BrowserPage(path: boardOnly(page)).screenshot("board-cap.png", width: 1366, height: 1600)
    }

    @Test("hostile names: a 500-character unbreakable company widens neither its card nor the row, a right-to-left override is isolated, Japanese is cut by characters; at 390 px the board scrolls inside the page")
    func hostile() throws {
        try createdWithCandidate()
        let wide = String(repeating: "W", count: 500)
        let japanese = String(repeating: "株式会社", count: 40)
        _ = try cadence("app", "add", wide, "Analyst " + wide, "--applied", "2026-03-02")
        _ = try cadence("log", "interview", "--app", "1", "--with", "\u{202E}Reverse Name", "--at", "2026-03-05")
        _ = try cadence("app", "add", "\u{202E}evil Corp", "Analyst", "--applied", "2026-03-02")
        _ = try cadence("app", "add", japanese, String(repeating: "データアナリスト", count: 12), "--applied", "2026-03-03")
        _ = try cadence("app", "add", "Plain \u{1B}[31mRed\rCR\r\nCRLF", "<img src=x onerror=alert(1)>", "--applied", "2026-03-03")
        let page = try written("--as-of", "2026-03-09")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(!html.contains("\u{202E}") && !html.contains("\u{1B}") && !html.contains("\u{FFFD}") && !html.contains("<img"))
        #expect(html.contains("<strong><bdi>evil Corp</bdi></strong>"), "user text isolated for direction")
        #expect(html.contains("<bdi>" + String(japanese.prefix(59)) + "…</bdi>"), "cut by characters, with an ellipsis")
        let (phone, console) = try measured(page, width: 390)
        #expect(console.isEmpty, "console: \(console)")
        #expect(phone.page[0] <= phone.page[1], "nothing is wider than a 390 px window: \(phone.page)")
        #expect(phone.row[0] > phone.row[1], "the row scrolls sideways inside itself: \(phone.row)")
        #expect(phone.overflowing == 0, "a card's text stays inside the card")
        let (desk, _) = try measured(page, width: 1366)
        #expect(Set(desk.columns.map(\.top)).count == 1)
        #expect(desk.overflowing == 0 && desk.row[0] <= desk.row[1], "the row is not stretched: \(desk.row)")
        let full = desk.columns.filter { !$0.cards.isEmpty }
        #expect(full.map(\.stage) == ["applied", "interviewing"])
        #expect(Set(full.map(\.width)).count == 1, "the 500-character name's column is as wide as the others: \(full.map(\.width))")
        try BrowserPage(path: boardOnly(page)).screenshot("board-hostile-390.png", width: 390, height: 1600)
    }

    @Test("a posting's address is a link only when it is http or https, opened apart from the page; any other is text")
    func links() throws {
        try createdWithCandidate()
        let addresses = ["https://jobs.example/a?x=1&y='2'", "HTTP://jobs.example/b", "javascript:alert(1)", "ftp://jobs.example/c",
                         "data:text/html,<b>x</b>", "https://jobs.example/with space", "jobs.example/d"]
        for (i, address) in addresses.enumerated() {
            _ = try cadence("app", "add", "Firm \(i)", "Analyst", "--applied", "2026-03-02", "--url", address)
        }
        let page = try written("--as-of", "2026-03-09")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        let (board, _) = try measured(page, width: 1366)
        #expect(board.links == [["https://jobs.example/a?x=1&y='2'", "noopener noreferrer", "_blank"],
                                ["HTTP://jobs.example/b", "noopener noreferrer", "_blank"]], "\(board.links)")
        #expect(html.contains("href=\"https://jobs.example/a?x=1&amp;y=&#39;2&#39;\""))
        for (i, address) in addresses.enumerated().dropFirst(2) {
            #expect(board.text[i + 1]?.contains(address) == true, "\(address) shown as text: \(board.text[i + 1] ?? "")")
        }
        #expect(!html.contains("<b>x"))
    }

    // MARK: - The page and its data

    /// The report written to a file in the workspace; its path.
    private func written(_ arguments: String...) throws -> String {
        let page = directory + "/report.html"
        let run = try Commands.cadence(["report", "-o", page, "--workspace", directory] + arguments)
        try #require(run.status == 0, "\(run.output)\(run.error)")
        return page
    }

    private func report(_ arguments: String...) throws -> Report {
        try Commands.cadence(["report", "--json", "--workspace", directory] + arguments).decoded()
    }

    /// A copy of `page` with the board alone (its heading to the next part's),
    /// for a screenshot that shows it from its top.
    private func boardOnly(_ page: String) throws -> String {
        let html = try String(contentsOfFile: page, encoding: .utf8)
        let body = try #require(html.range(of: "<body>"))
        let start = try #require(html.range(of: "<h2 id=\"pipeline\""))
        let end = html.range(of: "<h2", range: start.upperBound..<html.endIndex)?.lowerBound ?? html.endIndex
        let script = try #require(html.range(of: "<script>", options: .backwards))
        let copy = directory + "/board.html"
        try (html[..<body.upperBound] + html[start.lowerBound..<end] + html[script.lowerBound...])
            .write(toFile: copy, atomically: true, encoding: .utf8)
        return copy
    }

    /// The board as Chromium lays it out in a `width`×900 window.
    private func measured(_ page: String, width: Int) throws -> (Measured, String) {
        let (value, console) = try BrowserPage(path: page).measure(Self.probe, width: width, height: 900)
        let data = try JSONSerialization.data(withJSONObject: value)
        return (try JSONDecoder().decode(Measured.self, from: data), console)
    }

    static let probe = """
        (function () {
          function all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
          function ids(list) { return list.map(function (k) { return +k.getAttribute("data-app"); }); }
          var board = document.querySelector(".board"), text = {};
          all(".board [data-app], .closed-stages [data-app]").forEach(function (k) { text[k.getAttribute("data-app")] = k.textContent; });
          return {
            page: [document.documentElement.scrollWidth, innerWidth],
            row: [board.scrollWidth, board.clientWidth],
            columns: all(".board > .column").map(function (c) {
              var box = c.getBoundingClientRect(), summary = c.querySelector(".more > summary");
              return { stage: c.getAttribute("data-stage"), name: c.querySelector("h3 > span").textContent,
                       top: Math.round(box.top), width: Math.round(box.width),
                       cards: ids(all(".card", c)), more: ids(all(".more li", c)), summary: summary ? summary.textContent : "" };
            }),
            text: text,
            closed: all(".closed-stages [data-stage]").map(function (s) {
              return [s.getAttribute("data-stage"), s.querySelector("summary").textContent.replace(/\\s+/g, " ").trim()];
            }),
            overflowing: all(".card").filter(function (k) {
              return k.scrollWidth > k.clientWidth + 1 || k.getBoundingClientRect().right > k.parentNode.getBoundingClientRect().right + 1;
            }).length,
            links: all(".board a[href]").map(function (a) { return [a.getAttribute("href"), a.rel, a.target]; })
          };
        })()
        """

    struct Measured: Decodable {
        struct Column: Decodable {
            var stage: String, name: String, top: Int, width: Int, cards: [Int], more: [Int], summary: String
        }
        var page: [Int], row: [Int], columns: [Column], closed: [[String]], overflowing: Int, links: [[String]]
        private var texts: [String: String]
        /// Each application's card or line, by id.
        var text: [Int: String] { Dictionary(uniqueKeysWithValues: texts.compactMap { key, value in Int(key).map { ($0, value) } }) }
        enum CodingKeys: String, CodingKey { case page, row, columns, closed, overflowing, links, texts = "text" }
    }

    struct Report: Decodable {
        struct Next: Decodable { var action: String, kind: String, due: String, overdue: Bool, to: String? }
        struct Dated: Decodable { var kind: String, what: String, day: String }
        struct Card: Decodable { var id: Int, company: String, days: Int, next: Next?, dates: [Dated] }
        struct Column: Decodable { var stage: String, name: String, closed: Bool?, apps: [Card] }
        struct Closed: Decodable { var stage: String, name: String, count: Int }
        struct Pipeline: Decodable { var columns: [Column], closed: [Closed] }
        var pipeline: Pipeline
    }

    struct AgendaItem: Decodable { var application: Int, kind: String, due: String }
}
