import CadenceScripting
import Foundation

/// Issue 6's benchmark: `cadence agenda`'s planning under the standard
/// policies (rules 2-9) over a generated search, against the same rules
/// written in plain Lua over plain tables and run by lua5.4
/// (Benchmarks/agenda/baseline.lua). Both read their data (Cadence from its
/// SQLite workspace, the baseline from a Lua data file) and must print the
/// same counts of items, or the benchmark stops.
func agendaRows(sizes: [Int]) throws -> [Row] {
    guard let scripts = ScriptLibrary.directory() else { throw BenchError("Cadence's Scripts/ folder not found") }
    let folder = URL(fileURLWithPath: scripts).deletingLastPathComponent().appendingPathComponent("Benchmarks/agenda").path
    let cadence = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        .appendingPathComponent("cadence").path
    guard FileManager.default.isExecutableFile(atPath: cadence) else { throw BenchError("build the cadence product first: \(cadence)") }
    var rows: [Row] = [], seconds: [Double] = []
    for size in sizes {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cadence-agenda-\(size)-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory); try? FileManager.default.removeItem(atPath: directory + ".sql"); try? FileManager.default.removeItem(atPath: directory + ".lua") }
        _ = try run("/usr/bin/env", ["lua5.4", folder + "/generate.lua", String(size), directory + ".sql", directory + ".lua"])
        _ = try run(cadence, ["init", directory])
        _ = try run("/usr/bin/env", ["sqlite3", directory + "/cadence.sqlite", ".read " + directory + ".sql"])
        var ours = "", theirs = ""
        let m = try compare(rounds: size >= 100_000 ? 3 : 5, {
            ours = try run(cadence, ["run", "--workspace", directory, folder + "/cadence_agenda.lua"])
        }, against: {
            theirs = try run("/usr/bin/env", ["lua5.4", folder + "/baseline.lua", directory + ".lua"])
        })
        guard ours == theirs, !ours.isEmpty else {
            throw BenchError("Cadence and the baseline disagree at \(size) applications:\n\(ours)\n--\n\(theirs)")
        }
        seconds.append(m.subject)
        rows.append(Row(name: "agenda of \(size / 1000)k apps, \(size / 100)k events vs lua5.4", ratio: m.ratio, unit: "s",
                        perOperation: m.subject, goal: 2))
        rows.append(Row(name: "  (the lua5.4 baseline)", ratio: 1, unit: "s", perOperation: m.baseline, goal: nil))
    }
    if seconds.count == 2 {
        let growth = seconds[1] / seconds[0], scale = Double(sizes[1]) / Double(sizes[0])
        rows.append(Row(name: "  growth \(sizes[0] / 1000)k -> \(sizes[1] / 1000)k, per application", ratio: growth / scale,
                        unit: "x (1.0 is linear)", perOperation: growth / scale, goal: nil))
    }
    return rows
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs a program, returns its standard output; a failure stops the benchmark.
func run(_ program: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let problems = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw BenchError("\(program) \(arguments.joined(separator: " ")) failed: \(String(decoding: problems, as: UTF8.self))")
    }
    return String(decoding: data, as: UTF8.self)
}
