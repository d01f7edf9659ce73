import Foundation
import Testing

/// The report's offers, as a browser lays them out: each live offer labelled by
/// company, with its date to answer by, its components and its years; figures
/// right-aligned in tabular digits; readable on a phone; hostile names kept whole
/// and in their place.
@Suite("The report's offers")
struct OffersTests: WorkspaceSuite {
    let directory = Self.folder("report-offers")

    /// What a script measures of the offers part (`section.of`): its blocks, figures, bars and type.
    static let probe = """
        (function () {
          var part = document.querySelector("section.of"), w = innerWidth;
          var all = part ? part.querySelectorAll("*") : [];
          var wide = [], small = [];
          for (var i = 0; i < all.length; i++) {
            var r = all[i].getBoundingClientRect();
            if (r.width > 0 && (r.right > w + 0.5 || r.left < -0.5)) wide.push(all[i].tagName + "." + all[i].className + " " + Math.round(r.right));
            var size = parseFloat(getComputedStyle(all[i]).fontSize);
            if (all[i].textContent.trim() !== "" && size < 12) small.push(all[i].tagName + "." + all[i].className + " " + size);
          }
          var blocks = [].map.call(part ? part.querySelectorAll("article.of-offer") : [], function (b) {
            return { heading: b.querySelector("h3").textContent, when: b.querySelector(".of-when").textContent,
                     components: [].map.call(b.querySelectorAll("table.of-parts tbody th[scope=row]"), function (th) {
                       var how = th.querySelector(".of-how"); return [th.firstChild.textContent, how ? how.textContent : ""]; }),
                     groups: [].map.call(b.querySelectorAll("tr.of-group"), function (g) { return g.textContent; }),
                     years: [].map.call(b.querySelectorAll("table.of-years tr"), function (tr) { return tr.textContent; }),
                     text: b.textContent };
          });
          var figures = [].map.call(part ? part.querySelectorAll("td.num") : [], function (td) {
            var s = getComputedStyle(td); return [td.textContent.trim(), s.textAlign, s.fontVariantNumeric]; });
          // A bar drawn beside another of the same figure in one table says nothing twice.
          var pairs = [];
          [].forEach.call(part ? part.querySelectorAll("table") : [], function (t) {
            var seen = {};
            [].forEach.call(t.querySelectorAll("tr"), function (tr) {
              var bars = tr.querySelectorAll(".of-bar");
              if (bars.length > 1) pairs.push("two bars in a row: " + tr.textContent);
              if (bars.length === 1) {
                var figure = bars[0].closest("tr").querySelector("td.num:last-of-type").textContent.trim();
                if (seen[figure]) pairs.push(figure); seen[figure] = true;
              }
            });
          });
          return { height: part ? part.getBoundingClientRect().height : 0, width: [document.documentElement.scrollWidth, w],
                   wide: wide, small: small, blocks: blocks, figures: figures, pairs: pairs,
                   bars: part ? part.querySelectorAll(".of-bar").length : 0,
                   summary: [].map.call(part ? part.querySelectorAll("table.of-compare tbody th[scope=row]") : [], function (th) { return th.textContent; }),
                   text: part ? part.textContent : "", markup: part ? part.querySelectorAll("b, i, script").length : -1 };
        })()
        """

    func measured(_ page: String, width: Int) throws -> [String: Any] {
        let run = try BrowserPage(path: page).measure(Self.probe, width: width)
        #expect(run.console.isEmpty, "console: \(run.console)")
        return try #require(run.value as? [String: Any])
    }

    /// A screenshot of the offers part alone (the page's head and the part's
    /// section), kept as `name` among the test artifacts: the part sits far
    /// down a whole page, past what a screenshot of its top shows.
    func screenshot(of page: String, _ name: String, width: Int, height: Int) throws {
        let html = try String(contentsOfFile: page, encoding: .utf8)
        let body = try #require(html.range(of: "<body>"))
        let start = try #require(html.range(of: "<section class=\"of\""))
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        let part = page + ".offers.html"
        try (String(html[..<body.upperBound]) + String(html[start.lowerBound..<end.upperBound]) + "</body></html>")
            .write(toFile: part, atomically: true, encoding: .utf8)
        try BrowserPage(path: part).screenshot(name, width: width, height: height)
    }

    /// "Mon 14 Dec", as the page says a day, for "2026-12-14".
    func day(_ iso: String) throws -> String {
        let parse = DateFormatter(), say = DateFormatter()
        parse.locale = Locale(identifier: "en_US_POSIX"); say.locale = parse.locale
        parse.timeZone = TimeZone(identifier: "UTC"); say.timeZone = parse.timeZone
        parse.dateFormat = "yyyy-MM-dd"; say.dateFormat = "EEE d MMM"
        return say.string(from: try #require(parse.date(from: iso)))
    }

    @Test("the demo's offers: labelled by company, with the date to answer by, the components and the years said once, figures right-aligned")
    func demo() throws {
        _ = try Commands.cadence(["demo", "--workspace", directory])
        let page = directory + "/report.html"
        #expect(try cadence("report", "-o", page).status == 0)
        let data = try #require(try JSONSerialization.jsonObject(with: Data(try cadence("report", "--json").output.utf8)) as? [String: Any])
        let offers = try #require(data["offers"] as? [String: Any])
        let live = try #require(offers["live"] as? [[String: Any]])
        #expect(live.compactMap { $0["company"] as? String }.sorted() == ["Initech", "Wayne Enterprises"])

        let wide = try measured(page, width: 1366)
        let blocks = try #require(wide["blocks"] as? [[String: Any]])
        #expect(blocks.compactMap { $0["heading"] as? String } == ["Initech Analytics Lead", "Wayne Enterprises Senior Analyst"])
        let text = try #require(wide["text"] as? String)
        #expect(!text.contains("#1") && !text.contains("#2"), "offers are named by company, not numbered")
        for block in blocks {
            let heading = try #require(block["heading"] as? String)
            let offer = try #require(live.first { heading.hasPrefix($0["company"] as? String ?? "?") })
            let when = try #require(block["when"] as? String)
            #expect(when.hasPrefix("Answer by " + (try day(try #require(offer["respond_by"] as? String)))), "\(when)")
            #expect(when.contains(" in ") && when.hasSuffix(" days"), "how far off it is: \(when)")
            let components = try #require(block["components"] as? [[String]])
            let names = components.map { $0[0] }
            #expect(names.prefix(2) == ["Base", heading.hasPrefix("Initech") ? "Bonus" : "Pension"], "\(names)")
            #expect(names.contains("Holiday") && names.contains("Whole package"), "\(names)")
            for row in components where !row[0].hasPrefix("Total") && row[0] != "Whole package" {
                #expect(!row[1].isEmpty, "\(row[0]) says how it was valued")
            }
            #expect(block["groups"] as? [String] == ["Paid", "Worth something, not paid"])
            // Every year alike in the demo: said once, with no bars a year.
            #expect((block["years"] as? [Any])?.isEmpty == true)
            #expect((block["text"] as? String)?.contains("The same each of the 4 years: ") == true)
        }
        #expect((try #require(blocks.first)["components"] as? [[String]])?.map { $0[0] }
            == ["Base", "Bonus", "Pension", "Total paid", "Holiday", "Health cover", "Study budget", "Total not paid", "Whole package"])
        // The comparison: one row an offer and the current job, one bar each, none drawn twice.
        #expect((wide["summary"] as? [String])?.count == 3)
        #expect(wide["bars"] as? Int == 3 && (wide["pairs"] as? [String])?.isEmpty == true, "\(wide["pairs"] ?? "")")
        let figures = try #require(wide["figures"] as? [[String]])
        #expect(figures.count > 20 && figures.contains { $0[0] == "65,463 GBP" } && figures.contains { $0[0] == "54,000" })
        let unaligned = figures.filter { $0[1] != "right" || !$0[2].contains("tabular-nums") }
        #expect(unaligned.isEmpty, "figures right-aligned in tabular digits: \(unaligned)")
        #expect(text.contains("Assumptions") && text.components(separatedBy: "Holiday is not paid").count == 2, "each assumption once")
        let height = try #require(wide["height"] as? Double)
        #expect(height > 300 && height < 1800, "the offers stay within two screens: \(height) px")

        let phone = try measured(page, width: 390)
        let widths = try #require(phone["width"] as? [Int])
        #expect(widths[0] <= widths[1], "nothing is wider than a 390 px window: \(widths)")
        #expect((phone["wide"] as? [String])?.isEmpty == true, "\(phone["wide"] ?? "")")
        #expect((phone["small"] as? [String])?.isEmpty == true, "no text under 12 px: \(phone["small"] ?? "")")
        try screenshot(of: page, "offers-demo.png", width: 1366, height: 1400)
        try screenshot(of: page, "offers-demo-phone.png", width: 390, height: 2600)
    }

    @Test("years that differ are drawn once a run, the time agreed is said, and an answered offer is named, not weighed")
    func yearsAgreedAndAnswered() throws {
        try createdWithCandidate()
        _ = try cadence("app", "add", "Hooli", "Staff Engineer", "--applied", "last monday")
        _ = try cadence("app", "add", "Globex", "Analyst", "--applied", "last monday")
        _ = try cadence("app", "add", "Acme", "Analyst", "--applied", "last monday")
        #expect(try cadence("offer", "add", "--app", "hooli", "--base", "72000 GBP", "--sign-on", "5000 GBP", "--bonus", "10%",
                            "--benefit", "health=private medical", "--respond-by", "today").status == 0)
        #expect(try cadence("offer", "add", "--app", "globex", "--base", "60000 GBP", "--respond-by", "in 10 days").status == 0)
        #expect(try cadence("log", "message-sent", "--app", "globex", "--message-kind", "ask-for-time", "--due", "in 5 days 10am",
                            "--to", "Rita Gomez").status == 0)
        #expect(try cadence("offer", "add", "--app", "acme", "--base", "50000 GBP").status == 0)
        #expect(try cadence("log", "acceptance", "--app", "acme").status == 0)
        let page = directory + "/report.html"
        #expect(try cadence("report", "-o", page).status == 0)
        let measure = try measured(page, width: 1366)
        let blocks = try #require(measure["blocks"] as? [[String: Any]])
        #expect(blocks.compactMap { $0["heading"] as? String } == ["Hooli Staff Engineer", "Globex Analyst"])
        let hooli = try #require(blocks.first), globex = try #require(blocks.last)
        #expect(hooli["years"] as? [String] == ["Year 184,200", "Years 2–4, each79,200", "Average a year80,450"], "\(hooli["years"] ?? "")")
        #expect((hooli["when"] as? String)?.hasSuffix("today") == true)
        #expect((hooli["text"] as? String)?.contains("health “private medical”: cadence offer edit 1 --health-cover AMOUNT") == true)
        let when = try #require(globex["when"] as? String)
        #expect(when.hasPrefix("You agreed to answer by ") && when.contains(", 10:00 (to Rita Gomez) in 5 days; the offer's date: "), "\(when)")
        #expect((measure["pairs"] as? [String])?.isEmpty == true, "\(measure["pairs"] ?? "")")
        let text = try #require(measure["text"] as? String)
        #expect(text.contains("Answered or gone, not compared: Acme (accepted)."))
        #expect((measure["summary"] as? [String])?.contains { $0.hasPrefix("Acme") } == false)
        try screenshot(of: page, "offers-years.png", width: 1366, height: 1400)
    }

    @Test("past three live offers, the rest fold under \"+N more\" and the part stays within two screens")
    func many() throws {
        try createdWithCandidate()
        for (i, company) in ["Acme", "Globex", "Hooli", "Initech", "Umbrella"].enumerated() {
            _ = try cadence("app", "add", company, "Analyst", "--applied", "last monday")
            #expect(try cadence("offer", "add", "--app", company, "--base", "\(50 + i)000 GBP", "--bonus", "5%", "--holiday-days", "27",
                                "--respond-by", "in \(i + 2) days").status == 0)
        }
        let page = directory + "/report.html"
        #expect(try cadence("report", "-o", page).status == 0)
        let run = try BrowserPage(path: page).measure("""
            [[].map.call(document.querySelectorAll("section.of article.of-offer"), function (b) {
               return [b.querySelector("h3 strong").textContent, !!b.closest("details")]; }),
             document.querySelector("section.of details.more > summary").textContent,
             document.querySelector("section.of").getBoundingClientRect().height]
            """, width: 1366, height: 900)
        let value = try #require(run.value as? [Any])
        let blocks = try #require(value[0] as? [[Any]])
        #expect(blocks.compactMap { $0[0] as? String } == ["Umbrella", "Initech", "Hooli", "Globex", "Acme"], "ranked by the average a year")
        #expect(blocks.compactMap { $0[1] as? Bool } == [false, false, false, true, true], "three open, two folded")
        #expect(value[1] as? String == "+2 more offers")
        #expect((value[2] as? Double ?? .infinity) < 1800, "\(value[2])")
    }

    @Test("hostile names: a right-to-left override, markup, controls and 500 characters stay in their place and within a phone's width")
    func hostile() throws {
        try createdWithCandidate()
        let long = String(repeating: "W", count: 500)
        let company = "\u{202E}Evil <b>Corp</b>\u{1B}[31m\r\n" + long
        _ = try cadence("app", "add", company, "Data\r\nアナリスト", "--applied", "last monday")
        _ = try cadence("app", "add", "Globex", "Analyst", "--applied", "last monday")
        #expect(try cadence("offer", "add", "--app", "1", "--base", "50000 GBP", "--sign-on", "4000 GBP", "--respond-by", "tomorrow",
                            "--benefit", "<i>crèche</i>\u{202E}" + long + "=on site").status == 0)
        #expect(try cadence("offer", "add", "--app", "globex", "--base", "48000 GBP", "--respond-by", "in 3 days").status == 0)
        let page = directory + "/report.html"
        #expect(try cadence("report", "-o", page).status == 0)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(!html.contains("\u{202E}") && !html.contains("\u{1B}") && !html.contains("<b>Corp"), "controls dropped, markup escaped")
        let phone = try measured(page, width: 390)
        #expect(phone["markup"] as? Int == 0, "a name's markup is text, not elements")
        let widths = try #require(phone["width"] as? [Int])
        #expect(widths[0] <= widths[1], "nothing is wider than a 390 px window: \(widths)")
        #expect((phone["wide"] as? [String])?.isEmpty == true, "\(phone["wide"] ?? "")")
        let blocks = try #require(phone["blocks"] as? [[String: Any]])
        let evil = try #require(blocks.first { ($0["heading"] as? String)?.hasPrefix("Evil <b>Corp</b>[31m") == true })
        #expect((evil["heading"] as? String)?.contains("W…") == true, "a long name is cut by characters, with an ellipsis")
        // The page's own words around the name keep their order.
        #expect((evil["when"] as? String)?.hasPrefix("Answer by ") == true && (evil["when"] as? String)?.hasSuffix("tomorrow") == true)
        let height = try #require(phone["height"] as? Double)
        #expect(height < 4000, "a 500-character name does not stretch the part: \(height) px")
        try screenshot(of: page, "offers-hostile-phone.png", width: 390, height: 2600)
    }

    @Test("an offer that cannot be valued is shown as recorded with what to set, the others still compared; none live is said")
    func recordedAndNone() throws {
        try createdWithCandidate()
        _ = try cadence("app", "add", "Initech", "Analyst", "--applied", "last monday")
        _ = try cadence("app", "add", "Pied Piper", "Engineer", "--applied", "last monday")
        #expect(try cadence("offer", "add", "--app", "initech", "--base", "54000 GBP", "--respond-by", "in 4 days").status == 0)
        #expect(try cadence("offer", "add", "--app", "pied", "--base", "90000 USD", "--respond-by", "tomorrow").status == 0)
        let page = directory + "/report.html"
        #expect(try cadence("report", "-o", page).status == 0)
        let recorded = try measured(page, width: 390)
        // Initech's offer in pounds is valued and compared; Pied Piper's in dollars, with no rate, is shown as recorded apart.
        #expect((recorded["summary"] as? [String])?.map { $0.components(separatedBy: "Answer by").first ?? "" } == ["Pied Piper Engineer"],
                "\(recorded["summary"] ?? "")")
        let text = try #require(recorded["text"] as? String)
        #expect(text.contains("54,000 GBP a year") && text.contains("90,000 USD a year") && text.contains("Not compared yet"))
        #expect(text.contains("Whole package"), "Initech's offer is valued: \(text)")
        #expect(text.contains("Not valued yet: no rate from USD to GBP: add rates = { USD = \"…\" } to the assumptions in your workspace's negotiation.lua"))

        #expect(try cadence("log", "decline", "--app", "initech").status == 0)
        #expect(try cadence("log", "withdrawal", "--app", "pied").status == 0)
        #expect(try cadence("report", "-o", page).status == 0)
        let none = try measured(page, width: 390)
        #expect((none["text"] as? String)?.contains("None live: every offer is answered or gone.") == true, "\(none["text"] ?? "")")
        #expect((none["text"] as? String)?.contains("Initech (declined), Pied Piper (declined)") == true, "\(none["text"] ?? "")")
    }
}
