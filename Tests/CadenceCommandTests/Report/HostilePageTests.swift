import Foundation
import Testing

/// The report of a hostile workspace as a browser lays it out: company,
/// role, contact and note text holding a right-to-left override, ESC, CR and
/// CRLF, long Japanese names, a 500-character name with no place to break,
/// and markup. At a phone's width and a laptop's, nothing is wider than the
/// window, nothing shows U+FFFD, and none of the page's own words is
/// reordered by the text beside it.
@Suite("The report of a hostile workspace, in a browser")
struct ReportHostilePageTests: WorkspaceSuite {
    let directory = Self.folder("hostile-page")

    static let japanese = String(repeating: "東京海上日動火災保険株式会社", count: 4)
    static let unbreakable = String(repeating: "W", count: 500)

    /// The names a workspace is made of: hostile, or calm ones of the same shape.
    struct Names {
        var companies: [String]
        var roles: [String]
        var contacts: [String]
        var notes: String

        static let hostile = Names(
            companies: ["Evil\u{1B}[2K\u{202E}Corp\r\nLtd", japanese, unbreakable, "<script>alert('x')</script> & \"Sons\""],
            roles: ["<b>Lead</b> & \"Co\"\u{202E} analyst", "データアナリスト", unbreakable, "Engineer\rII"],
            contacts: ["Helen\u{202E} Jones\r\nX", japanese, unbreakable, "Dr. <b>Evil</b>\u{1B}]52;c;aGk=\u{07}"],
            notes: "line one\r\nline two\u{202E} reversed\rand \u{1B}[31mred")
        static let calm = Names(companies: ["Acme", "Globex", "Initech", "Hooli"], roles: ["Analyst", "Data Analyst", "Engineer", "Engineer II"],
                                contacts: ["Helen Jones", "Rita Gomez", "Sam Lee", "Tom Okafor"], notes: "line one")
    }

    /// A workspace of four applications named by `names`, each a contact and
    /// a meeting, two of them offers to answer; its report as of 2026-03-02.
    func page(_ names: Names, in folder: String) throws -> String {
        func cadence(_ arguments: String...) throws {
            let run = try Commands.cadence(arguments + ["--workspace", folder])
            try #require(run.status == 0, "\(arguments.prefix(2)): \(run.error)")
        }
        _ = try Commands.cadence(["init", folder])
        try cadence("candidate", "add", "Jo Bloggs", "--time-zone", "Europe/London")
        for i in 0..<4 {
            let id = String(i + 1)
            try cadence("app", "add", names.companies[i], names.roles[i], "--applied", "2026-02-1\(i + 2)", "--notes", names.notes)
            try cadence("contact", "add", names.contacts[i], "--app", id, "--role", "hiring-manager", "--email", "person\(i)@example.org")
            try cadence("log", i == 1 ? "screen" : "interview", "--app", id, "--with", names.contacts[i], "--at", "2026-02-2\(i + 4)")
        }
        try cadence("offer", "add", "--app", "2", "--base", "50000 GBP", "--at", "2026-02-28", "--respond-by", "2026-03-06")
        try cadence("offer", "add", "--app", "3", "--base", "55000 GBP", "--at", "2026-03-01", "--respond-by", "2026-03-09")
        let path = folder + "/report.html"
        try cadence("report", "-o", path, "--as-of", "2026-03-02")
        return path
    }

    /// What the page shows: elements wider than the window (outside a box
    /// that scrolls), the page's own words drawn right to left (a word's
    /// first letter right of its last: text outside <bdi> and dir=auto,
    /// which only the page writes), U+FFFD, the h2 headings, and whether
    /// the page's headings, table heads and links keep left-to-right.
    static let probe = #"""
        (function () {
          var wide = [], all = document.body.querySelectorAll("*");
          for (var i = 0; i < all.length; i++) {
            var el = all[i], clipped = false;
            for (var a = el.parentElement; a && a !== document.body; a = a.parentElement) {
              var o = getComputedStyle(a).overflowX;
              if (o === "auto" || o === "scroll" || o === "hidden" || o === "clip") { clipped = true; break; }
            }
            var r = el.getBoundingClientRect();
            if (!clipped && r.width > 0 && (r.right > innerWidth + 0.5 || r.left < -0.5)) {
              wide.push(el.tagName.toLowerCase() + (typeof el.className === "string" && el.className ? "." + el.className : "") + " " + Math.round(r.left) + ".." + Math.round(r.right));
            }
          }
          var reversed = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (var n = walker.nextNode(); n; n = walker.nextNode()) {
            var p = n.parentElement;
            if (!p || p.closest("bdi, [dir], svg, script, style, pre") || !p.getClientRects().length) { continue; }
            var words = /[A-Za-z]{3,}/g, m;
            while ((m = words.exec(n.nodeValue))) {
              var first = document.createRange(), last = document.createRange();
              first.setStart(n, m.index); first.setEnd(n, m.index + 1);
              last.setStart(n, m.index + m[0].length - 1); last.setEnd(n, m.index + m[0].length);
              var f = first.getBoundingClientRect(), l = last.getBoundingClientRect();
              if (f.width && l.width && Math.abs(f.top - l.top) < 2 && f.left > l.left) { reversed.push(m[0] + " in " + p.tagName.toLowerCase()); }
            }
          }
          return { scroll: [document.documentElement.scrollWidth, innerWidth], wide: wide.slice(0, 20), reversed: reversed.slice(0, 20),
                   replacement: document.body.textContent.indexOf("\uFFFD") >= 0,
                   headings: Array.prototype.map.call(document.querySelectorAll("h2"), function (h) { return h.textContent; }),
                   ltr: Array.prototype.filter.call(document.querySelectorAll("h1, h2, h3, th, nav a"), function (h) {
                     return getComputedStyle(h).direction !== "ltr" && !h.closest("[dir], bdi"); }).map(function (h) { return h.textContent; }) };
          })()
        """#

    @Test("at 390 and 1366 px: nothing wider than the window, no U+FFFD, the page's own words and headings as written")
    func hostilePage() throws {
        let hostile = try page(.hostile, in: directory)
        let calm = try page(.calm, in: directory + "-calm")
        defer { try? FileManager.default.removeItem(atPath: directory + "-calm") }
        let html = try String(contentsOfFile: hostile, encoding: .utf8)
        #expect(!html.contains("\u{FFFD}") && !html.contains("<script>alert") && !html.contains("<b>"), "no U+FFFD, no user markup")
        #expect(!html.contains("\u{1B}") && !html.contains("\r"), "ESC and CR are not written into the page")
        let expected = try #require(try BrowserPage(path: calm).measure(Self.probe).value as? [String: Any])["headings"] as? [String]
        for width in [390, 1366] {
            let measured = try BrowserPage(path: hostile).measure(Self.probe, width: width)
            #expect(measured.console.isEmpty, "\(width) px: console: \(measured.console)")
            let shown = try #require(measured.value as? [String: Any])
            let scroll = try #require(shown["scroll"] as? [Int])
            #expect(scroll[0] <= scroll[1], "\(width) px: the page scrolls sideways: \(scroll)")
            #expect((shown["wide"] as? [String])?.isEmpty == true, "\(width) px: wider than the window: \(shown["wide"] ?? [])")
            #expect((shown["reversed"] as? [String])?.isEmpty == true, "\(width) px: the page's own words reordered: \(shown["reversed"] ?? [])")
            #expect(shown["replacement"] as? Bool == false, "\(width) px: U+FFFD shown")
            #expect(shown["headings"] as? [String] == expected, "\(width) px: the headings \(shown["headings"] ?? []), not \(expected ?? [])")
            #expect((shown["ltr"] as? [String])?.isEmpty == true, "\(width) px: right to left: \(shown["ltr"] ?? [])")
            try BrowserPage(path: hostile).screenshot("hostile-page-\(width).png", width: width, height: 2400)
        }
    }
}
