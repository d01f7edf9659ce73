import Foundation
import Testing

/// The report's actions, at the top of the page: overdue and today as one
/// line each, drafts folded under them with a copy button that works (or
/// says what to press) when the browser refuses the clipboard, long groups
/// capped behind "+N more", and user text that stays in its place.
@Suite("The report's actions")
struct ActionsTests: WorkspaceSuite {
    let directory = Self.folder("actions")

    /// The demo's page (dated today), written to the workspace.
    private func demoPage(_ extra: String...) throws -> String {
        _ = try Commands.cadence(["demo", "--workspace", directory])
        let page = directory + "/report.html"
        let made = try Commands.cadence(["report", "-o", page, "--workspace", directory] + extra)
        try #require(made.status == 0, "\(made.output)\(made.error)")
        return page
    }

    @Test("the demo's page starts with the actions: overdue and today lines name the company, the action, the person and the day, drafts folded")
    func demoActionsFirst() throws {
        let page = try demoPage()
        let measured = try BrowserPage(path: page).measure("""
            (function () {
              var section = document.querySelector("section.actions");
              function lines(id) {
                var list = [], node = document.getElementById(id).nextElementSibling;
                node.querySelectorAll(":scope > li.act").forEach(function (li) { list.push(li.querySelector(".line").textContent.replace(/\\s+/g, " ")); });
                return list;
              }
              return { first: document.querySelector("h2").id, firstText: document.querySelector("h2").textContent,
                       actionsAbove: section.getBoundingClientRect().top < document.getElementById("pipeline").getBoundingClientRect().top,
                       overdue: lines("overdue"), today: lines("today"), text: section.innerText,
                       open: section.querySelectorAll("details[open]").length, drafts: section.querySelectorAll("details.draft").length,
                       names: Array.prototype.map.call(section.querySelectorAll("button.copy"), function (b) { return b.getAttribute("aria-label"); }),
                       statuses: document.querySelectorAll("[role=status]").length };
            })()
            """)
        #expect(measured.console.isEmpty, "console: \(measured.console)")
        let value = try #require(measured.value as? [String: Any])
        #expect(value["first"] as? String == "week" && value["firstText"] as? String == "Actions", "the first h2 is the actions: \(value)")
        #expect(value["actionsAbove"] as? Bool == true, "the actions come before the board")
        let overdue = try #require(value["overdue"] as? [String])
        let rejection = try #require(overdue.first { $0.contains("Globex") && $0.contains("Thank them after the rejection") }, "\(overdue)")
        #expect(rejection.contains("to Rita Gomez") && rejection.contains("by email"), "\(rejection)")
        #expect(rejection.range(of: #"\d+ days? late"#, options: .regularExpression) != nil, "how late: \(rejection)")
        #expect(rejection.range(of: #"was due (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}"#, options: .regularExpression) != nil, "\(rejection)")
        let today = try #require(value["today"] as? [String])
        let thanks = try #require(today.first { $0.contains("Acme Analytics") && $0.contains("Thank them for the interview") }, "\(today)")
        #expect(thanks.contains("to Helen Jones") && thanks.range(of: #"due (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}"#,
                                                                  options: .regularExpression) != nil, "\(thanks)")
        // Plain words, one date style: no slugs, no "rule 9:", no ISO dates in what the part says.
        let text = try #require(value["text"] as? String)
        for slug in ["post-rejection-thanks", "feedback-request", "rule 9:", "rule 2:"] { #expect(!text.contains(slug), "\(slug) is shown") }
        #expect(text.range(of: #"\d{4}-\d{2}-\d{2}"#, options: .regularExpression) == nil, "an ISO date is shown")
        #expect(value["open"] as? Int == 0 && (value["drafts"] as? Int ?? 0) > 10, "drafts are folded: \(value)")
        let names = try #require(value["names"] as? [String])
        #expect(names.count == value["drafts"] as? Int && Set(names).count == names.count, "each button's name its own: \(names)")
        #expect(names.contains("Copy the thank-you to Helen Jones at Acme Analytics"), "\(names)")
        #expect(value["statuses"] as? Int == 1, "one live region for the page")
        try BrowserPage(path: page).screenshot("actions-demo.png", height: 1400)
        try BrowserPage(path: page).screenshot("actions-demo-390.png", width: 390, height: 1800)
    }

    @Test("Copy with the clipboard refused: the draft selected, copied the old way or \"Press Ctrl+C to copy\", said in the live region")
    func copyRefused() throws {
        let page = try demoPage()
        let browser = BrowserPage(path: page)
        let helen = "Array.prototype.filter.call(document.querySelectorAll('button.copy'), function (b) { return /Helen Jones/.test(b.getAttribute('aria-label')); })[0]"
        let read = """
            { said: document.querySelector("[role=status]").textContent, live: document.querySelector("[role=status]").getAttribute("aria-live"),
              selected: String(window.getSelection()), draft: document.getElementById(\(helen).getAttribute("data-copy")).textContent,
              refused: window.refused }
            """
        // Headless Chromium refuses navigator.clipboard on a file:// page ("Write permission denied"), and a
        // click made by a script gives execCommand("copy") no user activation: the draft is left selected.
        let refused = try browser.measure(read, setup: """
            navigator.clipboard.writeText("x").then(function () { window.refused = false; }, function (error) { window.refused = String(error); });
            var b = \(helen); b.closest("details").open = true; b.click();
            """, later: 500)
        let plain = try #require(refused.value as? [String: Any])
        #expect((plain["refused"] as? String)?.contains("NotAllowedError") == true, "\(plain)")
        #expect(plain["said"] as? String == "Press Ctrl+C to copy" && plain["live"] as? String == "polite", "\(plain)")
        let draft = try #require(plain["draft"] as? String)
        #expect(draft.hasPrefix("Dear Helen") && plain["selected"] as? String == draft, "the draft is selected: \(plain)")
        // Where the old way copies (a person's real click), "Copied".
        let copied = try browser.measure(read, setup: """
            document.execCommand = function (command) { return command === "copy"; };
            var b = \(helen); b.closest("details").open = true; b.click();
            """, later: 500)
        #expect((copied.value as? [String: Any])?["said"] as? String == "Copied", "\(copied.value)")
        // A browser with no clipboard API at all.
        let missing = try browser.measure(read, setup: """
            Object.defineProperty(navigator, "clipboard", { value: undefined });
            document.execCommand = function (command) { return command === "copy"; };
            var b = \(helen); b.closest("details").open = true; b.click();
            """, later: 500)
        #expect((missing.value as? [String: Any])?["said"] as? String == "Copied", "\(missing.value)")
        #expect(refused.console.isEmpty && copied.console.isEmpty && missing.console.isEmpty, "\(refused.console)\(copied.console)")
    }

    @Test("an answer to an offer copies the words to say, its notes shown apart")
    func answerOfferWords() throws {
        let page = try demoPage("--days", "14")
        let measured = try BrowserPage(path: page).measure("""
            Array.prototype.filter.call(document.querySelectorAll("button.copy"), function (b) { return /^Copy what to say to/.test(b.getAttribute("aria-label")); })
              .map(function (b) { var d = b.closest("details"); return { copies: document.getElementById(b.getAttribute("data-copy")).textContent,
                                                                          notes: (d.querySelector(".notes") || {}).textContent || "" }; })
            """)
        let answers = try #require(measured.value as? [[String: String]])
        #expect(answers.count == 2, "the demo's two offers: \(answers)")
        for answer in answers {
            let copies = answer["copies"] ?? ""
            #expect(!copies.contains("The negotiation script decides") && !copies.contains("Get back to") && !copies.contains("cadence log"), "\(copies)")
            #expect(copies.contains("Thank you, I'm delighted to have the offer."), "\(copies)")
            #expect(answer["notes"]?.contains("The negotiation script decides") == true, "\(answer)")
        }
        // The agenda still prints the whole draft.
        let agenda = try cadence("agenda", "--days", "14")
        #expect(agenda.output.contains("The negotiation script decides"), "\(agenda.output)")
    }

    /// A workspace whose companies, people, reasons and drafts are hostile, with an item each overdue and today.
    private func hostileWorkspace() throws {
        try createdWithCandidate()
        for company in ["Acme\u{202E}Corp", "株式会社サイバーエージェント東京本社デジタルマーケティング事業部", String(repeating: "W", count: 500),
                        "<b>Bold</b> & \"Sons\"\u{1B}[2K"] {
            #expect(try cadence("app", "add", company, "Analyst", "--applied", "2026-03-01").status == 0)
        }
        try #"""
            return { { name = "hostile", rule = "a test",
              plan = function(app, ctx)
                ctx:propose{ kind = "status", due = "2026-03-12",
                             to = app.id == 1 and "Dr. \u{202E}Evil<b>" or ("山田太郎" .. ("Ｗ"):rep(300)),
                             reason = "rule 9: check in\u{202E}\r\nnow " .. ("x"):rep(300),
                             draft = "Dear " .. app.company .. ",\r\n<script>alert(1)</script>" .. ("y"):rep(500) }
                ctx:propose{ kind = "thank-you", due = "2026-03-09", to = "Zoë", reason = "rule 2: plain", draft = "Hi" }
              end } }
            """#.write(toFile: directory + "/cadence.lua", atomically: true, encoding: .utf8)
    }

    @Test("hostile text in the company, person, reason and draft: isolated, escaped, cut by characters, nothing wider than 390 px")
    func hostile() throws {
        try hostileWorkspace()
        let page = directory + "/report.html"
        let made = try cadence("report", "-o", page, "--as-of", "2026-03-12")
        #expect(made.status == 0, "\(made.error)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(!html.contains("<script>alert") && !html.contains("<b>Bold") && !html.contains("\u{202E}") && !html.contains("\u{1B}"))
        #expect(html.contains("<strong class=\"co\"><bdi>AcmeCorp</bdi></strong>"), "the company isolated, without its override")
        #expect(html.contains("to <bdi>Dr. Evil&lt;b&gt;</bdi>"))
        #expect(!html.contains("\u{FFFD}"), "cut by characters, never inside one")
        let phone = try BrowserPage(path: page).measure("""
            { page: [document.documentElement.scrollWidth, innerWidth],
              lines: Array.prototype.map.call(document.querySelectorAll("li.act"), function (li) { return Math.ceil(li.getBoundingClientRect().right); }),
              tallest: Math.max.apply(null, Array.prototype.map.call(document.querySelectorAll("li.act .line"), function (l) { return l.getBoundingClientRect().height; })) }
            """, width: 390, height: 900)
        #expect(phone.console.isEmpty, "console: \(phone.console)")
        let value = try #require(phone.value as? [String: Any])
        let widths = try #require(value["page"] as? [Int])
        #expect(widths[0] <= widths[1], "nothing is wider than a 390 px window: \(widths)")
        let rights = try #require(value["lines"] as? [Int])
        #expect(rights.count == 8 && rights.allSatisfy { $0 <= 390 }, "each line within the window: \(rights)")
        // A 500-character name is cut: a line stays a few lines tall, not a page.
        #expect((value["tallest"] as? Double ?? 1000) < 300, "\(value)")
        try BrowserPage(path: page).screenshot("actions-hostile-390.png", width: 390, height: 1600)
    }

    @Test("a long group shows its first lines and folds the rest behind \"+N more\"; nothing due today says when the next thing is")
    func capped() throws {
        try createdWithCandidate()
        for n in 1...14 { _ = try cadence("app", "add", "Company \(n)", "Analyst", "--applied", "2026-03-01") }
        try #"""
            return { { name = "many", rule = "a test",
              plan = function(app, ctx) ctx:propose{ kind = "status", due = "2026-03-09", to = "Sam", reason = "rule 5: weekly", draft = "Hi" } end } }
            """#.write(toFile: directory + "/cadence.lua", atomically: true, encoding: .utf8)
        let page = directory + "/report.html"
        #expect(try cadence("report", "-o", page, "--as-of", "2026-03-12").status == 0)
        let overdue = try BrowserPage(path: page).measure("""
            { shown: document.querySelectorAll("#overdue + ul.acts > li.act").length,
              more: Array.prototype.map.call(document.querySelectorAll("section.actions details.more"), function (d) {
                return [d.querySelector("summary").textContent, d.open, d.querySelectorAll("li.act").length]; }) }
            """)
        let value = try #require(overdue.value as? [String: Any])
        #expect(value["shown"] as? Int == 10, "\(value)")
        let more = try #require(value["more"] as? [[Any]])
        #expect(more.count == 1 && more[0][0] as? String == "+4 more overdue" && more[0][1] as? Bool == false && more[0][2] as? Int == 4, "\(more)")
        // A week ahead of the same items: nothing today, and the day of the next.
        #expect(try cadence("report", "-o", page, "--as-of", "2026-03-02").status == 0)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("<p class=\"empty\">Nothing to do today. Next, on Mon 9 Mar: <bdi>Company 1</bdi>: Ask how it is going to <bdi>Sam</bdi>.</p>"),
                "\(html)")
        #expect(html.contains("<summary>+4 more on Mon 9 Mar</summary>"), "the week's days share the cap")
    }

    @Test("the later days are \"this week\" for seven days ahead, and say how many days for another --days")
    func horizonSaid() throws {
        let week = try String(contentsOfFile: try demoPage(), encoding: .utf8)
        #expect(week.contains("<h3 id=\"later\">This week</h3>") && week.contains("more this week"))
        let fortnight = try String(contentsOfFile: try demoPage("--days", "14"), encoding: .utf8)
        #expect(fortnight.contains("<h3 id=\"later\">In the next 14 days</h3>") && fortnight.contains("more in the next 14 days")
                && !fortnight.contains("this week"), "the page says how far it looks")
    }
}
