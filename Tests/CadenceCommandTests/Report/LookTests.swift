import Foundation
import Testing

/// The report's look as a reader's browser gives it (headless Chromium): in
/// light and in dark every text stands at least 4.5:1 against its ground, the
/// page keeps to one type scale, figures in tables are right-aligned in
/// tabular digits, the frame fits a phone, and print is its own design:
/// black on white, no buttons or navigation, every fold opened for paper and
/// closed again after, items kept whole, links with their address.
@Suite("The report's look: light, dark and print")
struct ReportLookTests: WorkspaceSuite {
    let directory = Self.folder("look")

    /// The demo's page, written to the workspace folder.
    func demoPage() throws -> String {
        _ = try Commands.cadence(["demo", "--workspace", directory])
        let page = directory + "/report.html"
        let written = try cadence("report", "-o", page)
        try #require(written.status == 0, "\(written.output)\(written.error)")
        return page
    }

    /// What the page looks like to a reader, measured: whether it is dark,
    /// the body's ground, each font size in use (with an element having it),
    /// the texts under 4.5:1 against their ground (a sample of each status
    /// pill and of a "+N more" fold is added first, so the base's own
    /// designs are measured even where the page has none), the figures in
    /// table cells and those not right-aligned in tabular digits, and the
    /// focus ring of the first link.
    static let look = #"""
        (function () {
          var samples = document.createElement("div");
          samples.innerHTML = '<p><span class="pill overdue">Overdue</span> <span class="pill today">Today</span> ' +
            '<span class="pill soon">Soon</span> <span class="pill ok">Offer</span> <span class="pill closed">Closed</span></p>' +
            '<details class="more"><summary>+3 more</summary><p>folded</p></details><p class="empty">Nothing here.</p>';
          document.body.appendChild(samples);
          function rgb(s) { var m = s.match(/[\d.]+/g); return m ? m.map(Number) : [0, 0, 0, 0]; }
          function lum(c) {
            var a = [c[0], c[1], c[2]].map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
            return 0.2126 * a[0] + 0.7152 * a[1] + 0.0722 * a[2];
          }
          function ground(el) {
            var layers = [];
            for (var n = el; n && n.nodeType === 1; n = n.parentElement) {
              var c = rgb(getComputedStyle(n).backgroundColor), a = c.length > 3 ? c[3] : 1;
              if (a > 0) { layers.push([c[0], c[1], c[2], a]); if (a >= 1) { break; } }
            }
            var base = [255, 255, 255];
            for (var i = layers.length - 1; i >= 0; i--) {
              var l = layers[i]; base = [0, 1, 2].map(function (k) { return l[k] * l[3] + base[k] * (1 - l[3]); });
            }
            return base;
          }
          var sizes = {}, low = [];
          var all = document.body.querySelectorAll("*");
          for (var i = 0; i < all.length; i++) {
            var el = all[i], own = false;
            if (el.closest("svg, script, style")) { continue; }
            for (var k = 0; k < el.childNodes.length; k++) {
              var t = el.childNodes[k]; if (t.nodeType === 3 && /\S/.test(t.nodeValue)) { own = true; }
            }
            if (!own || !el.getClientRects().length) { continue; }
            var cs = getComputedStyle(el);
            if (!sizes[cs.fontSize]) { sizes[cs.fontSize] = el.tagName.toLowerCase() + (el.className ? "." + el.className : ""); }
            var fg = rgb(cs.color), bg = ground(el), alpha = fg.length > 3 ? fg[3] : 1;
            fg = [0, 1, 2].map(function (k) { return fg[k] * alpha + bg[k] * (1 - alpha); });
            var a = lum(fg), b = lum(bg), ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            if (ratio < 4.5) { low.push(el.tagName.toLowerCase() + "." + el.className + " " + ratio.toFixed(2) + ": " + cs.color + " on rgb(" + bg.join(", ") + ")"); }
          }
          var figures = 0, unaligned = [];
          document.querySelectorAll("td, th").forEach(function (c) {
            var t = c.textContent.trim();
            if (!/^[-–+]?\d[\d,.\s]*(%|\s?[A-Z]{3})?$/.test(t)) { return; }
            figures++;
            var cs = getComputedStyle(c);
            if (cs.textAlign !== "right" || cs.fontVariantNumeric.indexOf("tabular-nums") < 0) { unaligned.push(t + " (" + cs.textAlign + ", " + cs.fontVariantNumeric + ")"); }
          });
          var link = document.querySelector("nav a");
          link.focus();
          var ring = getComputedStyle(link);
          return { dark: matchMedia("(prefers-color-scheme: dark)").matches, ground: lum(ground(document.body)), sizes: sizes, low: low,
                   figures: figures, unaligned: unaligned, ring: [ring.outlineStyle, parseFloat(ring.outlineWidth)] };
        })()
        """#

    @Test("light and dark are each designed: every text at least 4.5:1, one type scale, figures right-aligned in tabular digits, a visible focus ring")
    func lightAndDark() throws {
        let page = BrowserPage(path: try demoPage())
        for (name, flags) in [("light", [String]()), ("dark", BrowserPage.dark)] {
            let measured = try page.measure(Self.look, flags: flags)
            #expect(measured.console.isEmpty, "\(name): console: \(measured.console)")
            let look = try #require(measured.value as? [String: Any])
            let ground = try #require(look["ground"] as? Double)
            #expect(look["dark"] as? Bool == (name == "dark"), "\(name): prefers-color-scheme")
            #expect(name == "dark" ? ground < 0.02 : ground > 0.95, "\(name): the page's ground (luminance \(ground))")
            let low = try #require(look["low"] as? [String])
            #expect(low.isEmpty, "\(name): texts under 4.5:1 against their ground: \(low)")
            let sizes = try #require(look["sizes"] as? [String: String])
            #expect(sizes.count <= 5, "\(name): one type scale, not \(sizes.count) sizes: \(sizes.sorted { $0.key < $1.key })")
            #expect((look["figures"] as? Int ?? 0) > 0, "\(name): the funnel's figures at least")
            let unaligned = try #require(look["unaligned"] as? [String])
            #expect(unaligned.isEmpty, "\(name): figures not right-aligned in tabular digits: \(unaligned)")
            let ring = try #require(look["ring"] as? [Any])
            #expect(ring.first as? String != "none" && (ring.last as? Double ?? 0) >= 2, "\(name): a focused link's ring: \(ring)")
        }
        try page.screenshot("look-light.png")
        try page.screenshot("look-dark.png", flags: BrowserPage.dark)
        try page.screenshot("look-390.png", width: 390, height: 2400)
    }

    /// The page as printed, emulated: its print rules applied as if on
    /// screen, a closed fold and an outside link added first, then the
    /// page's beforeprint and afterprint. Gives what print shows and how
    /// tall the page is in print at the window's width.
    static let printed = #"""
        (function () {
          var fold = document.createElement("details");
          fold.innerHTML = "<summary>Draft</summary><p>folded</p>"; document.body.appendChild(fold);
          var more = document.createElement("details"); more.className = "more";
          more.innerHTML = "<summary>+2 more</summary><p>folded</p>"; document.body.appendChild(more);
          var link = document.createElement("a"); link.href = "https://example.org/jobs/1"; link.textContent = "the posting";
          document.body.appendChild(link);
          // What print opens: every fold but the long "+N more" lists (their line says how many), unless marked print-open.
          function closed() { return document.querySelectorAll("details:not(.more):not([open]), details.more.print-open:not([open])").length; }
          var before = closed(), rules = "";
          function collect(list) {
            for (var i = 0; i < list.length; i++) {
              var r = list[i];
              if (r.media && r.media.mediaText === "print") { for (var j = 0; j < r.cssRules.length; j++) { rules += r.cssRules[j].cssText + "\n"; } }
            }
          }
          for (var s = 0; s < document.styleSheets.length; s++) { collect(document.styleSheets[s].cssRules); }
          var sheet = document.createElement("style"); sheet.textContent = rules; document.head.appendChild(sheet);
          window.dispatchEvent(new Event("beforeprint"));
          function shown(selector) {
            return Array.prototype.filter.call(document.querySelectorAll(selector), function (e) { return getComputedStyle(e).display !== "none"; }).length;
          }
          var items = document.querySelectorAll(".item, .card, tr, pre, li"), split = [];
          for (var i = 0; i < items.length; i++) { if (getComputedStyle(items[i]).breakInside !== "avoid") { split.push(items[i].tagName.toLowerCase() + "." + items[i].className); } }
          var out = { closedBefore: before, closedPrinting: closed(), buttons: shown("button"), navs: shown("nav"), items: items.length,
                      split: split.slice(0, 10), address: getComputedStyle(link, "::after").content,
                      ground: getComputedStyle(document.body).backgroundColor, ink: getComputedStyle(document.body).color,
                      height: document.documentElement.scrollHeight };
          out.moreOpened = more.open;
          window.dispatchEvent(new Event("afterprint"));
          out.closedAfter = closed();
          return out;
        })()
        """#

    @Test("print is designed: black on white for every reader, no buttons or navigation, folds opened and closed again, items whole, links with their address")
    func paper() throws {
        let path = try demoPage()
        let page = BrowserPage(path: path)
        var tall = 0.0
        for (name, flags) in [("light", [String]()), ("dark", BrowserPage.dark)] {
            // A Letter page less the page's margins, at 96 px an inch: 725 px wide.
            let measured = try page.measure(Self.printed, width: 725, flags: flags)
            #expect(measured.console.isEmpty, "\(name): console: \(measured.console)")
            let printed = try #require(measured.value as? [String: Any])
            #expect(printed["ground"] as? String == "rgb(255, 255, 255)" && printed["ink"] as? String == "rgb(0, 0, 0)", "\(name): \(printed)")
            #expect(printed["buttons"] as? Int == 0 && printed["navs"] as? Int == 0, "\(name): buttons and navigation are not printed: \(printed)")
            #expect((printed["closedBefore"] as? Int ?? 0) >= 1 && printed["closedPrinting"] as? Int == 0, "\(name): every fold open in print: \(printed)")
            #expect(printed["moreOpened"] as? Bool == false, "\(name): a \"+N more\" list stays a line in print: \(printed)")
            #expect(printed["closedAfter"] as? Int == printed["closedBefore"] as? Int, "\(name): the folds print opened are closed again after")
            #expect((printed["items"] as? Int ?? 0) > 0 && (printed["split"] as? [String])?.isEmpty == true, "\(name): items kept whole: \(printed)")
            #expect(printed["address"] as? String == "\" (https://example.org/jobs/1)\"", "\(name): a link's address printed: \(printed)")
            tall = printed["height"] as? Double ?? Double(printed["height"] as? Int ?? 0)
        }
        // The page printed for real: as many pages as its printed height needs, give or take
        // what keeping items whole adds (a Letter page holds about 950 px less its margins).
        let pdf = path + ".pdf"
        let printing = try Commands.run(BrowserPage.browser, BrowserPage.flags + ["--no-pdf-header-footer", "--print-to-pdf=" + pdf, "file://" + path])
        #expect(printing.status == 0, "\(printing.error.suffix(2000))")
        let document = String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)
        let pages = document.matches(of: try Regex(#"/Type\s*/Page[^s]"#)).count
        let needed = Int((tall / 950).rounded(.up))
        #expect(needed >= 1 && pages >= needed && pages <= needed * 2 + 1, "\(pages) pages printed for a page \(tall) px tall in print")
    }

    @Test("the frame fits a 390 px phone, and its navigation leads to each part that is on the page")
    func frame() throws {
        let page = BrowserPage(path: try demoPage())
        let measured = try page.measure("""
            (function () {
              var frame = document.querySelector(".page-head").getBoundingClientRect();
              var links = Array.prototype.map.call(document.querySelectorAll("nav.parts a"), function (a) {
                var target = document.getElementById(a.getAttribute("href").slice(1));
                return [a.textContent, !!target && target.tagName.toLowerCase(), a.getBoundingClientRect().right <= innerWidth];
              });
              return { scroll: [document.documentElement.scrollWidth, innerWidth], frame: frame.right <= innerWidth && frame.left >= 0, links: links };
            })()
            """, width: 390)
        let frame = try #require(measured.value as? [String: Any])
        let scroll = try #require(frame["scroll"] as? [Int])
        #expect(scroll[0] <= scroll[1], "nothing wider than a 390 px window: \(scroll)")
        #expect(frame["frame"] as? Bool == true)
        let links = try #require(frame["links"] as? [[Any]])
        #expect(links.map { $0[0] as? String } == ["Actions", "Board", "Timelines", "Offers", "Funnel"])
        for link in links {
            #expect(link[1] as? String == "h2" && link[2] as? Bool == true, "\(link): leads to a part's heading, within the window")
        }
    }

    @Test("an empty workspace's page says what to do first, in the page's look, within a phone's width")
    func empty() throws {
        try createdWithCandidate()
        let path = directory + "/report.html"
        #expect(try cadence("report", "-o", path).status == 0)
        let measured = try BrowserPage(path: path).measure("""
            (function () {
              var guide = document.querySelector(".empty.welcome"), cs = getComputedStyle(guide);
              return [guide.textContent.indexOf("cadence app add") >= 0, cs.borderStyle, cs.backgroundColor !== "rgba(0, 0, 0, 0)",
                      document.documentElement.scrollWidth <= innerWidth];
            })()
            """, width: 390)
        let guide = try #require(measured.value as? [Any])
        #expect(guide[0] as? Bool == true && guide[1] as? String == "dashed" && guide[2] as? Bool == true && guide[3] as? Bool == true, "\(guide)")
        try BrowserPage(path: path).screenshot("look-empty-390.png", width: 390, height: 1200)
    }
}
