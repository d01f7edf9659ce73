import Foundation
import Testing

/// The report's timelines: the open applications, the one that moved last
/// first, capped; marks laid out so that none covers another; every mark
/// said in words in its row's list; the axis kept in view; and a past
/// `--as-of` drawing nothing that had not happened by then. Measured in
/// headless Chromium (BrowserPage).
@Suite("The report's timelines")
struct TimelinesTests: WorkspaceSuite {
    let directory = Self.folder("timelines")

    // Each row's marks, as the window shows them: how many, how many pairs
    // overlap, the smallest side of a mark, how many items its list has (each
    // with a day), whether the drawing is hidden from screen readers, the height of its name.
    static let rowsMeasure = """
        [].map.call(document.querySelectorAll(".tl-row"), function (row) {
          var boxes = [].map.call(row.querySelectorAll("svg.tl-marks .mark"), function (m) {
            var b = m.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; });
          var overlaps = 0, smallest = 99;
          boxes.forEach(function (a, i) {
            smallest = Math.min(smallest, a[2] - a[0], a[3] - a[1]);
            boxes.slice(i + 1).forEach(function (b) {
              if (Math.min(a[2], b[2]) - Math.max(a[0], b[0]) > 0.5 && Math.min(a[3], b[3]) - Math.max(a[1], b[1]) > 0.5) overlaps++; }); });
          return { id: row.id, marks: boxes.length, overlaps: overlaps, smallest: smallest,
                   items: row.querySelectorAll(".tl-list li").length, dated: row.querySelectorAll(".tl-list li > time[datetime]").length,
                   hidden: row.querySelector("svg.tl-marks").getAttribute("aria-hidden"),
                   name: row.querySelector(".tl-name").getBoundingClientRect().height };
        })
        """

    /// A number a measure gave (JSON's numbers decode as Int or Double).
    static func number(_ value: Any?) -> Double? {
        switch value {
        case let n as Int: Double(n)
        case let n as Double: n
        case let n as NSNumber: n.doubleValue
        default: nil
        }
    }

    /// The report's data (`--json`) with `arguments`.
    func data(_ arguments: String...) throws -> [String: Any] {
        let printed = try Commands.cadence(["report", "--json"] + arguments + ["--workspace", directory])
        #expect(printed.status == 0, "\(printed.error)")
        return try #require(try JSONSerialization.jsonObject(with: Data(printed.output.utf8)) as? [String: Any])
    }

    /// The page written with `arguments`, its path.
    func page(_ name: String, _ arguments: String...) throws -> String {
        let path = directory + "/" + name
        let written = try Commands.cadence(["report", "-o", path] + arguments + ["--workspace", directory])
        #expect(written.status == 0, "\(written.error)")
        return path
    }

    /// A screenshot of the page from its timelines down (a copy with the parts
    /// above them hidden), kept as `name` among the test artifacts.
    func screenshot(_ path: String, _ name: String, width: Int = 1366, height: Int = 1400) throws {
        let copy = path + ".timelines.html"
        let html = try String(contentsOfFile: path, encoding: .utf8)
        try (html + "<style>body > *:has(~ #timelines) { display: none; }</style>").write(toFile: copy, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try BrowserPage(path: copy).screenshot(name, width: width, height: height)
    }

    @Test("the demo's timelines: open applications only, the one that moved last first, every mark visible and said in words")
    func demo() throws {
        _ = try Commands.cadence(["demo", "--workspace", directory])
        let data = try data()
        let rows = try #require(data["timelines"] as? [[String: Any]])
        let stages = rows.compactMap { $0["stage"] as? String }
        #expect(stages.count == 6 && Set(stages).isDisjoint(with: ["accepted", "declined", "rejected", "withdrawn", "ghosted"]), "\(stages)")
        let lasts = rows.compactMap { $0["last"] as? String }
        #expect(lasts.count == rows.count && lasts == lasts.sorted(by: >), "the one that moved last first: \(lasts)")
        #expect(data["timelines_left_out"] as? Int == 0)

        let path = try page("report.html")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!html.contains("hover for"), "nothing asks for a mouse")
        let measured = try BrowserPage(path: path).measure(Self.rowsMeasure)
        #expect(measured.console.isEmpty, "console: \(measured.console)")
        let drawn = try #require(measured.value as? [[String: Any]])
        #expect(drawn.count == rows.count)
        for (row, json) in zip(drawn, rows) {
            let events = (json["events"] as? [Any])?.count ?? -1, planned = (json["planned"] as? [Any])?.count ?? -1
            #expect(row["id"] as? String == "tl-\(json["id"] as? Int ?? 0)", "in the data's order")
            #expect(row["marks"] as? Int == events + planned, "a mark for each event and follow-up: \(row)")
            #expect(row["overlaps"] as? Int == 0, "no mark covers another: \(row)")
            #expect(row["items"] as? Int == row["marks"] as? Int && row["dated"] as? Int == row["marks"] as? Int, "each mark said, with its day: \(row)")
            #expect(row["hidden"] as? String == "true", "the list, not the drawing, is what a screen reader reads")
        }
        let sameDay = rows.contains { row in
            let days = (row["events"] as? [[String: Any]])?.compactMap { $0["day"] as? String } ?? []
            return Set(days).count < days.count
        }
        #expect(sameDay, "the demo has marks on the same day, which the test must see apart")

        // The axis stays at the window's top while the rows scroll under it.
        let sticky = try BrowserPage(path: path).measure("""
            (function () { var chart = document.querySelector(".tl"), axis = chart.querySelector(".tl-axis");
              var box = chart.getBoundingClientRect(); window.scrollTo(0, box.top + scrollY + box.height / 2);
              var a = axis.getBoundingClientRect(), c = chart.getBoundingClientRect();
              return [a.top, c.top, c.bottom, a.bottom]; })()
            """)
        let axis = try #require(sticky.value as? [Any]).compactMap(Self.number)
        #expect(axis.count == 4 && abs(axis[0]) < 1 && axis[1] < -50 && axis[2] > axis[3], "the axis at the top of the window: \(axis)")
        try screenshot(path, "timelines-demo.png")
    }

    @Test("at a past --as-of the timelines draw what had happened by then, and the meetings booked ahead as booked")
    func asOfPast() throws {
        _ = try Commands.cadence(["demo", "--workspace", directory])
        let today = try #require(try data()["as_of"] as? String)
        let format = DateFormatter()
        format.dateFormat = "yyyy-MM-dd"
        format.timeZone = TimeZone(identifier: "UTC")
        format.locale = Locale(identifier: "en_US_POSIX")
        let then = format.string(from: try #require(format.date(from: today)).addingTimeInterval(-21 * 86_400))

        let data = try data("--as-of", then)
        let events = (data["timelines"] as? [[String: Any]] ?? []).flatMap { $0["events"] as? [[String: Any]] ?? [] }
        let later = events.filter { ($0["day"] as? String ?? "") > then }
        #expect(!events.isEmpty && !later.isEmpty, "the demo has meetings booked after \(then)")
        #expect(later.allSatisfy { $0["booked"] as? Bool == true }, "only meetings booked ahead come after the day: \(later)")

        let path = try page("then.html", "--as-of", then)
        let measured = try BrowserPage(path: path).measure("""
            (function () { var marks = [], items = [];
              [].forEach.call(document.querySelectorAll(".tl-row"), function (row) {
                var line = row.querySelector("svg.tl-marks line.today").getBoundingClientRect(), x = (line.left + line.right) / 2;
                [].forEach.call(row.querySelectorAll("svg.tl-marks .mark"), function (m) {
                  var b = m.getBoundingClientRect(); marks.push([m.getAttribute("class"), (b.left + b.right) / 2 - x]); });
                [].forEach.call(row.querySelectorAll(".tl-events li"), function (li) {
                  items.push([li.querySelector("time").getAttribute("datetime"), li.className]); });
              });
              return { marks: marks, items: items }; })()
            """)
        let value = try #require(measured.value as? [String: Any])
        let marks = value["marks"] as? [[Any]] ?? [], items = value["items"] as? [[Any]] ?? []
        let happened = marks.filter { !($0[0] as? String ?? "").contains("m-booked") && !($0[0] as? String ?? "").contains("m-plan") }
        let booked = marks.filter { ($0[0] as? String ?? "").contains("m-booked") }
        #expect(!happened.isEmpty && happened.allSatisfy { Self.number($0[1]) ?? 99 <= 0.5 }, "nothing drawn right of the day but plans and bookings: \(happened)")
        #expect(booked.count == later.count && booked.allSatisfy { Self.number($0[1]) ?? -99 > 0 }, "booked meetings drawn ahead, as booked: \(booked)")
        #expect(items.allSatisfy { ($0[0] as? String ?? "") <= then || ($0[1] as? String) == "booked" }, "the lists say the same: \(items)")
        try screenshot(path, "timelines-as-of.png")
    }

    /// A workspace of 23 quiet open applications (applied one a day in
    /// February), one rejected, and two hostile ones: a right-to-left override
    /// before a 500-character name, and a long Japanese one.
    func hostileAndMany() throws {
        try createdWithCandidate()
        let script = try Commands.temporaryScript("""
            local cadence = require "cadence"
            for i = 1, 23 do cadence.add_app{ company = "Co " .. i, role = "Analyst", applied = ("2026-02-%02d"):format(i) } end
            local gone = cadence.add_app{ company = "Gone", role = "Analyst", applied = "2026-02-27" }
            gone:log("rejection", { at = "2026-02-28" })
            local evil = cadence.add_app{ company = "\\u{202E}Evil Corp " .. ("x"):rep(490), role = "データアナリスト", applied = "2026-02-26" }
            evil:log("interview", { at = "2026-02-27", with = { "山田 太郎" } })
            evil:log("interview", { at = "2026-02-27", with = { "\\u{202E}Bob" } })
            evil:log("message-sent", { at = "2026-02-27", message_kind = "thank-you", with = { "山田 太郎" } })
            cadence.add_app{ company = ("株式会社データ分析"):rep(8), role = "Analyst", applied = "2026-02-25" }
            """)
        defer { try? FileManager.default.removeItem(atPath: script) }
        let ran = try Commands.cadence(["run", "--workspace", directory, script])
        try #require(ran.status == 0, "\(ran.error)")
    }

    @Test("past the cap, the quieter open applications are counted in one line, and the closed ones are left out")
    func cap() throws {
        try hostileAndMany()
        let data = try data("--as-of", "2026-03-02")
        let companies = (data["timelines"] as? [[String: Any]] ?? []).compactMap { $0["company"] as? String }
        #expect(companies.count == 20 && data["timelines_left_out"] as? Int == 5, "25 open, 20 drawn: \(companies.count)")
        #expect(!companies.contains("Gone"), "a rejected application has no timeline")
        #expect(Array(companies.dropFirst(2)) == (6...23).reversed().map { "Co \($0)" }, "the one that moved last first: \(companies)")
        let path = try page("many.html", "--as-of", "2026-03-02")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("<p class=\"more\">5 more open applications, quieter, are not drawn"))
        #expect(html.components(separatedBy: "<details class=\"tl-row\"").count == 21)
    }

    @Test("a right-to-left override, a 500-character name and a Japanese one: cut by characters, isolated, and no wider than a phone")
    func hostile() throws {
        try hostileAndMany()
        let path = try page("hostile.html", "--as-of", "2026-03-02")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!html.contains("\u{FFFD}") && !html.contains("\u{202E}"), "no replacement character, no override of the text's own")
        let japanese = String(String(repeating: "株式会社データ分析", count: 5).prefix(39))
        #expect(html.contains("<span class=\"tl-name\"><bdi>\(japanese)…</bdi></span>"), "the Japanese name cut at 40 characters, whole")
        let phone = try BrowserPage(path: path).measure("""
            (function () { var chart = document.querySelector(".tl"), names = document.querySelectorAll(".tl-name");
              var before = chart.querySelector(".tl-axis").getBoundingClientRect().top - chart.getBoundingClientRect().top;
              chart.scrollTop = 300; var after = chart.querySelector(".tl-axis").getBoundingClientRect().top - chart.getBoundingClientRect().top;
              return { page: document.documentElement.scrollWidth, window: innerWidth, chart: chart.getBoundingClientRect().right,
                       scrolls: chart.scrollWidth > chart.clientWidth, axis: [before, after], name: names[0].textContent,
                       legend: document.querySelector(".tl-legend").getBoundingClientRect().right,
                       rows: \(Self.rowsMeasure) }; })()
            """, width: 390, height: 844)
        #expect(phone.console.isEmpty, "console: \(phone.console)")
        let value = try #require(phone.value as? [String: Any])
        let window = try #require(Self.number(value["window"]))
        #expect(["page", "chart", "legend"].allSatisfy { Self.number(value[$0]) ?? 9999 <= window }, "nothing wider than the window: \(value)")
        #expect(value["scrolls"] as? Bool == true, "the chart scrolls sideways inside its own box")
        let axis = try #require(value["axis"] as? [Any]).compactMap(Self.number)
        #expect(axis.count == 2 && abs(axis[0] - axis[1]) < 1.5, "the axis stays at the top of the chart's box: \(axis)")
        let name = try #require(value["name"] as? String)
        #expect(name.hasPrefix("Evil Corp x") && name.hasSuffix("…") && name.count <= 40, "\(name)")
        for row in value["rows"] as? [[String: Any]] ?? [] {
            #expect(row["overlaps"] as? Int == 0 && Self.number(row["smallest"]) ?? 0 >= 9, "marks apart, and not shrunk on a phone: \(row)")
            #expect(Self.number(row["name"]) ?? 999 < 30, "a long name keeps to one line: \(row)")
        }
        try screenshot(path, "timelines-hostile-phone.png", width: 390, height: 1600)
    }
}
