import CadenceScripting
import Foundation

/// Issue 13's benchmark: the report of a large search (2,000 applications,
/// 20,000 events) as a browser renders it: headless Chromium loading the
/// page against loading a blank one, the page's size, and (issue 21) its
/// height in screens of a 1366x900 window, the page's goal being about 30.
func reportRows(size: Int) throws -> [Row] {
    guard let scripts = ScriptLibrary.directory() else { throw BenchError("Cadence's Scripts/ folder not found") }
    let generator = URL(fileURLWithPath: scripts).deletingLastPathComponent().appendingPathComponent("Benchmarks/agenda/generate.lua").path
    let cadence = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        .appendingPathComponent("cadence").path
    let browser = "/usr/bin/chromium-headless-shell"
    guard FileManager.default.isExecutableFile(atPath: browser) else { throw BenchError("install chromium-headless-shell first") }
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("cadence-report-\(size)-\(UUID().uuidString)").path
    defer { for path in [base, base + ".sql", base + ".lua", base + ".html"] { try? FileManager.default.removeItem(atPath: path) } }
    _ = try run("/usr/bin/env", ["lua5.4", generator, String(size), base + ".sql", base + ".lua"])
    _ = try run(cadence, ["init", base])
    _ = try run("/usr/bin/env", ["sqlite3", base + "/cadence.sqlite", ".read " + base + ".sql"])
    let writing = try seconds { _ = try run(cadence, ["report", "--workspace", base, "--as-of", "2026-03-02", "-o", base + ".html"]) }
    let bytes = (try FileManager.default.attributesOfItem(atPath: base + ".html")[.size] as? Int) ?? 0
    let flags = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1366,900", "--dump-dom"]
    let m = try compare(rounds: 5, { _ = try run(browser, flags + ["file://" + base + ".html"]) },
                        against: { _ = try run(browser, flags + ["about:blank"]) })
    let height = try documentHeight(base + ".html", browser: browser, flags: flags)
    return [
        Row(name: "report of \(size / 1000)k apps rendered vs a blank page", ratio: m.ratio, unit: "s", perOperation: m.subject, goal: nil),
        Row(name: "  (the blank page)", ratio: 1, unit: "s", perOperation: m.baseline, goal: nil),
        Row(name: "  (writing it: cadence report)", ratio: 1, unit: "s", perOperation: writing, goal: nil),
        Row(name: "  (its size)", ratio: 1, unit: "MB", perOperation: Double(bytes) / 1e6, goal: nil),
        Row(name: "  (its height at 1366x900)", ratio: 1, unit: "screens", perOperation: height / 900, goal: nil),
    ]
}

/// The page's height in CSS pixels as Chromium lays it out with `flags`
/// (its window size among them): a copy of the page reports
/// document.documentElement.scrollHeight after load, into the DOM it dumps.
func documentHeight(_ page: String, browser: String, flags: [String]) throws -> Double {
    let copy = page + ".measured.html"
    defer { try? FileManager.default.removeItem(atPath: copy) }
    let probe = "<script>window.addEventListener(\"load\", function () { var out = document.createElement(\"pre\"); "
        + "out.id = \"cadence-height\"; out.textContent = String(document.documentElement.scrollHeight); "
        + "document.documentElement.appendChild(out); });</script>"
    try (String(contentsOfFile: page, encoding: .utf8) + probe).write(toFile: copy, atomically: true, encoding: .utf8)
    let dump = try run(browser, flags + ["file://" + copy])
    guard let start = dump.range(of: "<pre id=\"cadence-height\">"),
          let end = dump.range(of: "</pre>", range: start.upperBound..<dump.endIndex),
          let height = Double(dump[start.upperBound..<end.lowerBound]) else {
        throw BenchError("Chromium did not report the report's height")
    }
    return height
}
