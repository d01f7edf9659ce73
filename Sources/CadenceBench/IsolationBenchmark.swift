import CadenceScripting
import Foundation

/// Issue 12's benchmark: `cadence agenda` with one installed policy, run in
/// its isolated worker, against the same agenda with the same policy
/// in-process (a line of cadence.lua). Both must list the same items. A
/// one-application search gives the worker's start-up cost.
func isolationRows(sizes: [Int]) throws -> [Row] {
    guard let scripts = ScriptLibrary.directory() else { throw BenchError("Cadence's Scripts/ folder not found") }
    let root = URL(fileURLWithPath: scripts).deletingLastPathComponent()
    let generator = root.appendingPathComponent("Benchmarks/agenda/generate.lua").path
    let folder = root.appendingPathComponent("Benchmarks/isolation").path
    let cadence = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        .appendingPathComponent("cadence").path
    setenv("CADENCE_BENCH_POLICY", folder + "/policy.lua", 1)
    var rows: [Row] = []
    for size in [1] + sizes {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("cadence-isolation-\(size)-\(UUID().uuidString)").path
        let inProcess = base + "-in", isolated = base + "-iso"
        defer { for path in [inProcess, isolated, base + ".sql", base + ".lua"] { try? FileManager.default.removeItem(atPath: path) } }
        _ = try run("/usr/bin/env", ["lua5.4", generator, String(size), base + ".sql", base + ".lua"])
        for (workspace, file) in [(inProcess, "in-process.lua"), (isolated, "isolated.lua")] {
            _ = try run(cadence, ["init", workspace])
            _ = try run("/usr/bin/env", ["sqlite3", workspace + "/cadence.sqlite", ".read " + base + ".sql"])
            try FileManager.default.removeItem(atPath: workspace + "/cadence.lua")
            try FileManager.default.copyItem(atPath: folder + "/" + file, toPath: workspace + "/cadence.lua")
        }
        _ = try run(cadence, ["policy", "add", folder, "--workspace", isolated])
        var ours = "", theirs = ""
        let m = try compare(rounds: 5, {
            ours = try run(cadence, ["agenda", "--as-of", "2026-03-02", "--workspace", isolated])
        }, against: {
            theirs = try run(cadence, ["agenda", "--as-of", "2026-03-02", "--workspace", inProcess])
        })
        // The same items, by ref; the isolated ones also say where they came from.
        let count = { (text: String) in text.components(separatedBy: "\n  [").count - 1 }
        guard count(ours) == count(theirs), count(ours) > 0 || size == 1 else {
            throw BenchError("isolated and in-process agendas differ at \(size) applications: \(count(ours)) vs \(count(theirs)) items")
        }
        let name = size == 1 ? "agenda of 1 app, policy isolated vs in-process" : "agenda of \(size / 1000)k apps, policy isolated vs in-process"
        rows.append(Row(name: name, ratio: m.ratio, unit: "s", perOperation: m.subject, goal: size >= 10_000 ? 1.3 : nil))
        rows.append(Row(name: "  (in-process; worker start-up is the difference at 1 app)", ratio: 1, unit: "s", perOperation: m.baseline, goal: nil))
    }
    return rows
}
