// CadenceBench: what the Lua bridge costs, as ratios against a baseline
// measured in the same run (the machines are shared; absolute times drift).
// Run with `make bench` (a release build).
import CBenchBaseline
import CLua
import CadenceCore
import CadenceScripting
import CadenceStore
import Dispatch
import Foundation
import LuaBinding

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Runs subject and baseline alternately, so drift on a shared machine hits
/// both alike; returns the median time of each and the median of the
/// per-round ratios.
func compare(rounds: Int = 9, _ subject: () throws -> Void, against baseline: () throws -> Void)
    rethrows -> (subject: Double, baseline: Double, ratio: Double)
{
    try subject()
    try baseline()  // warm up
    var s: [Double] = [], b: [Double] = [], r: [Double] = []
    for _ in 0..<rounds {
        let ts = try seconds(subject), tb = try seconds(baseline)
        s.append(ts); b.append(tb); r.append(ts / tb)
    }
    func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
    return (median(s), median(b), median(r))
}

struct Row {
    var name: String
    var ratio: Double
    var unit: String
    var perOperation: Double
    var goal: Double?
}

final class Item: LuaObject {
    var value: Int64 = 1
    static func describe(_ type: LuaObjectType<Item>) {
        type.property("value", get: { .integer($0.value) })
    }
}

func text(_ value: Double, _ digits: Int = 2) -> String {
    var s = String(Int((value * 100).rounded()))
    while s.count < 3 { s = "0" + s }
    return String(s.dropLast(2)) + "." + String(s.suffix(2))
}

var rows: [Row] = []
/// Groups to run (call, property, loop, state, table, api, report, isolation, agenda); all when none is named.
let selected = Set(CommandLine.arguments.dropFirst())
func wanted(_ group: String) -> Bool { selected.isEmpty || selected.contains(group) }
let calls = 5_000_000

// 1. A Lua->Swift call against a C function doing the same work.
if wanted("call") {
    let lua = try LuaState()
    try lua.register("swift_add") { args in .one(.integer(try args.integer(1) &+ args.integer(2))) }
    try lua.register("c_add", cFunction: bench_c_add)
    let swiftLoop = try lua.load("local f, s = swift_add, 0 for i = 1, \(calls) do s = f(s, i) end return s")
    let cLoop = try lua.load("local f, s = c_add, 0 for i = 1, \(calls) do s = f(s, i) end return s")
    let m = try compare({ try swiftLoop.call() }, against: { try cLoop.call() })
    rows.append(Row(name: "Lua->Swift call vs C function", ratio: m.ratio, unit: "ns/call",
                    perOperation: m.subject / Double(calls) * 1e9, goal: 1.2))
}

// 2. A property of a Swift userdata against a plain Lua table field.
if wanted("property") {
    let lua = try LuaState()
    try lua.setGlobal("item", try lua.value(Item()))
    try lua.run("plain = { value = 1 }")
    let objectLoop = try lua.load("local o, s = item, 0 for i = 1, \(calls) do s = s + o.value end return s")
    let tableLoop = try lua.load("local o, s = plain, 0 for i = 1, \(calls) do s = s + o.value end return s")
    try lua.register("make_indexed", cFunction: bench_c_make_indexed)
    try lua.run("indexed = make_indexed()")
    let cIndexLoop = try lua.load("local o, s = indexed, 0 for i = 1, \(calls) do s = s + o.value end return s")
    let m = try compare({ try objectLoop.call() }, against: { try tableLoop.call() })
    rows.append(Row(name: "userdata property vs table field", ratio: m.ratio, unit: "ns/read",
                    perOperation: m.subject / Double(calls) * 1e9, goal: 3))
    let floor = try compare({ try cIndexLoop.call() }, against: { try tableLoop.call() })
    rows.append(Row(name: "  (reference: C __index vs table field)", ratio: floor.ratio, unit: "ns/read",
                    perOperation: floor.subject / Double(calls) * 1e9, goal: nil))
}

// 3. A pure-Lua loop with the sandbox's limits armed against none.
if wanted("loop") {
    let loop = "local s = 0 for i = 1, 20000000 do s = s + i % 7 end return s"
    let free = try LuaState()
    let limited = try LuaState(profile: .sandboxed, limits: LuaLimits(memory: 64 << 20, instructions: 1 << 40, seconds: 60))
    let freeLoop = try free.load(loop)
    let limitedLoop = try limited.load(loop)
    let m = try compare(rounds: 5, { try limitedLoop.call() }, against: { try freeLoop.call() })
    rows.append(Row(name: "pure-Lua loop, sandbox limits vs none", ratio: m.ratio, unit: "ms/loop",
                    perOperation: m.subject * 1e3, goal: nil))
    // A trusted state with only a deadline arms nothing until it fires.
    let deadline = try LuaState(limits: LuaLimits(seconds: 60))
    let deadlineLoop = try deadline.load(loop)
    let d = try compare(rounds: 5, { try deadlineLoop.call() }, against: { try freeLoop.call() })
    rows.append(Row(name: "pure-Lua loop, deadline armed vs none", ratio: d.ratio, unit: "ms/loop",
                    perOperation: d.subject * 1e3, goal: nil))
}

// 4. Creating a state, each profile, against luaL_newstate + luaL_openlibs in C.
if wanted("state") {
    let count = 2000
    let c = { for _ in 0..<count { bench_c_new_state() } }
    let trusted = try compare({ for _ in 0..<count { _ = try LuaState(profile: .trusted) } }, against: c)
    let sandboxed = try compare({ for _ in 0..<count { _ = try LuaState(profile: .sandboxed) } }, against: c)
    rows.append(Row(name: "new trusted state vs C newstate+openlibs", ratio: trusted.ratio, unit: "us/state",
                    perOperation: trusted.subject / Double(count) * 1e6, goal: nil))
    rows.append(Row(name: "new sandboxed state vs C newstate+openlibs", ratio: sandboxed.ratio, unit: "us/state",
                    perOperation: sandboxed.subject / Double(count) * 1e6, goal: nil))
}

// 5. A 1000-entry table each way, against Lua building the same table itself.
if wanted("table") {
    let lua = try LuaState()
    var table = LuaTable()
    for i in 1...500 { table[.integer(Int64(i))] = .string(LuaString("item \(i)")) }
    for i in 1...500 { table["key\(i)"] = .integer(Int64(i)) }
    let count = 2000
    // Swift->Lua: the table is an argument; "return #(...)" keeps the result small.
    let sink = try lua.load("return #(...)")
    let build = try lua.load("""
        local t = {} for i = 1, 500 do t[i] = 'item ' .. i end for i = 1, 500 do t['key' .. i] = i end return #t
        """)
    let keep = try lua.run("""
        local t = {} for i = 1, 500 do t[i] = 'item ' .. i end for i = 1, 500 do t['key' .. i] = i end return function() return t end
        """)[0].function!
    let luaBuilds = { for _ in 0..<count { try build.call() } }
    let toLua = try compare({ for _ in 0..<count { try sink.call(.table(table)) } }, against: luaBuilds)
    let toSwift = try compare({ for _ in 0..<count { _ = try keep.call() } }, against: luaBuilds)
    rows.append(Row(name: "1000-entry table Swift->Lua vs Lua builds it", ratio: toLua.ratio, unit: "us/table",
                    perOperation: toLua.subject / Double(count) * 1e6, goal: nil))
    rows.append(Row(name: "1000-entry table Lua->Swift vs Lua builds it", ratio: toSwift.ratio, unit: "us/table",
                    perOperation: toSwift.subject / Double(count) * 1e6, goal: nil))
}

// 6. Fields of 100k applications read through the cadence API, against the
// same loop over plain Lua tables holding the same data.
if wanted("api") {
    let count = 100_000
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cadence-bench-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let store = try Workspace(directory: directory).create()
    let start = Date(timeIntervalSince1970: 1_772_409_600)
    try store.write("bench") { ws in
        let jo = try ws.addCandidate(Candidate(name: "Jo", timeZone: "Europe/London"))
        for i in 0..<count {
            let a = Application(candidateID: jo.id!, company: "Company \(i)", role: "Role \(i % 50)", interest: i % 5 + 1,
                                tags: i % 7 == 0 ? ["priority"] : [])
            try ws.addApplication(a, start: .applied(start.addingTimeInterval(TimeInterval(i % 90) * 86_400)))
        }
    }
    let lua = try LuaState()
    try store.session { ws in
        _ = try WorkspaceAPI.install(in: lua, workspace: ws, folder: directory, asOf: try LocalDate(iso: "2026-06-01"))
        let loaded = try seconds { try lua.run("cadence = require 'cadence' apps = cadence.apps()") }
        guard let scripts = ScriptLibrary.directory() else { throw BenchError("Cadence's Scripts/ folder not found") }
        let sides = try lua.runFile(URL(fileURLWithPath: scripts).deletingLastPathComponent()
            .appendingPathComponent("Benchmarks/api/fields.lua").path)[0]
        try lua.run("plain = (...)(apps)", arguments: [sides.tableValue?["plain"] ?? .nil])
        guard let api = sides.tableValue?["read"].function else { throw BenchError("Benchmarks/api/fields.lua has no read") }
        let m = try compare({ try lua.run("return select(2, ...)(apps)", arguments: [.nil, .function(api)]) },
                            against: { try lua.run("return select(2, ...)(plain)", arguments: [.nil, .function(api)]) })
        rows.append(Row(name: "100k applications' fields via API vs plain", ratio: m.ratio, unit: "ns/app",
                        perOperation: m.subject / Double(count) * 1e9, goal: 3))
        rows.append(Row(name: "  (loading 100k applications into Lua)", ratio: 1, unit: "ms",
                        perOperation: loaded * 1e3, goal: nil))
    }
}

if wanted("report") {
    rows += try reportRows(size: 2_000)
}

if wanted("isolation") {
    rows += try isolationRows(sizes: [1_000, 10_000])
}

if wanted("agenda") || selected.contains("agenda-small") {
    rows += try agendaRows(sizes: selected.contains("agenda-small") ? [1_000, 10_000] : [10_000, 100_000])
}

print("benchmark                                        ratio   goal   per operation")
for row in rows {
    let ratio = row.ratio
    let name = row.name + String(repeating: " ", count: max(0, 46 - row.name.count))
    let goal = row.goal.map { "<= " + text($0, 1) } ?? "-"
    let verdict = row.goal.map { ratio <= $0 ? "" : "  (missed)" } ?? ""
    print("\(name)  \(text(ratio).leftPad(6))  \(goal.leftPad(7))   \(text(row.perOperation)) \(row.unit)\(verdict)")
}

extension String {
    func leftPad(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
