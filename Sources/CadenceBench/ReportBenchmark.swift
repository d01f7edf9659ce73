import CadenceScripting
import Foundation

/// Issue 13's benchmark: the report of a large search (2,000 applications,
/// 20,000 events) as a browser renders it: headless Chromium loading the
/// page against loading a blank one, and the page's size.
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
    let flags = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--dump-dom"]
    let m = try compare(rounds: 5, { _ = try run(browser, flags + ["file://" + base + ".html"]) },
                        against: { _ = try run(browser, flags + ["about:blank"]) })
    return [
        Row(name: "report of \(size / 1000)k apps rendered vs a blank page", ratio: m.ratio, unit: "s", perOperation: m.subject, goal: nil),
        Row(name: "  (the blank page)", ratio: 1, unit: "s", perOperation: m.baseline, goal: nil),
        Row(name: "  (writing it: cadence report)", ratio: 1, unit: "s", perOperation: writing, goal: nil),
        Row(name: "  (its size)", ratio: 1, unit: "MB", perOperation: Double(bytes) / 1e6, goal: nil),
    ]
}
