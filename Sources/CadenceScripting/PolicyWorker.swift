import CadenceCore
import CadenceSharing
import Foundation
import LuaBinding

/// The worker's side of running a package (`cadence policy-worker`): read
/// the request, prepare Cadence's own modules, go behind the walls, and only
/// then run anything of the package's, in the sandbox under the limits.
/// Its request is JSON (`WorkerRequest`), written into Lua as tables with
/// Dates. Its answer is what Scripts/cadence/worker.lua delivers, read into
/// `WorkerAnswer.Wire` and written as JSON; or { "error": … }.
public enum PolicyWorker {
    /// The answer to one request, as JSON to print. `scripts`: where
    /// Cadence's Lua library is (nil: as ScriptLibrary finds it; a worker's
    /// environment is empty).
    public static func answer(_ request: [UInt8], memory: Int, seconds: Double, scripts: String? = nil) -> Data {
        do {
            let sent: WorkerRequest
            do {
                sent = try WorkerRequest(json: Data(request))
            } catch {
                return Self.error("the request could not be read: \(DecodingReason.of(error))")
            }
            let scripts = try ScriptLibrary.required(environment: scripts.map { ["CADENCE_SCRIPTS": $0] } ?? ProcessInfo.processInfo.environment)
            let lua = try LuaState(profile: .sandboxed, limits: LuaLimits(memory: memory, instructions: nil, seconds: seconds))
            defer { lua.close() }
            // The search it is sent lives as long as the worker: collect around it, not through it.
            lua.collectGenerationally()
            // Everything read from disk is read now: behind the walls no file opens.
            let sources = try moduleSources(scripts)
            let workerPath = scripts + "/cadence/worker.lua"
            let worker = try lua.load(String(decoding: try Data(contentsOf: URL(fileURLWithPath: workerPath)), as: UTF8.self),
                                      name: "@" + workerPath)
            var pure = LuaTable()
            for (name, function) in try HostFunctions.pure(in: lua) { pure[name] = function }
            // The heap Lua may use, plus room for the runtime's own (threads,
            // Swift's allocations). When a wall cannot be put up (a kernel that
            // refuses the system-call filter), the package does not run, and
            // the answer says why.
            do {
                try OSWalls.enter(memory: memory + (256 << 20), cpuSeconds: Int(seconds.rounded(.up)) * 2 + 1,
                                  outputBytes: IsolatedWorker.maxAnswer + 1)
            } catch {
                return Self.error("the package was not run: its walls could not be put up: \(error)")
            }
            // What worker.lua delivers is read in place (a search of ten thousand
            // applications answers with tens of thousands of proposals).
            let delivered = Delivered()
            let deliver = try lua.function { args in
                do {
                    delivered.answer = try WireJSON.data(try args.decode(WorkerAnswer.Wire.self, at: 1))
                } catch let error as DecodingError {
                    delivered.answer = Self.error("the worker's answer could not be read: \(DecodingReason.of(error))")
                }
                return .none
            }
            // The request, written into Lua once its Date class exists (worker.lua passes it).
            let take = try lua.function { args in
                let date = try args.metatable(1)
                return .built(hash: 12) { t in try RequestWriter(date: date).write(sent, into: t) }
            }
            _ = try worker.call(arguments: [.table(pure), .table(sources), .function(take), .table(caps), .function(deliver)])
            return delivered.answer ?? error("the worker gave no answer")
        } catch let failure as LuaError {
            // A limit is the package's doing wherever it struck: say which limit, not which line of Cadence.
            if case .limit = failure.kind, let location = failure.location,
               let range = failure.message.range(of: "\(location.chunk):\(location.line): ") {
                return error(String(failure.message[range.upperBound...]))
            }
            return error(failure.message)
        } catch {
            return Self.error(String(describing: error))
        }
    }

    /// The answer worker.lua delivered, as JSON.
    final class Delivered {
        var answer: Data?
    }

    /// What a package may propose, as the host will check it (WorkerAnswer owns the figures).
    static var caps: LuaTable {
        var texts = LuaTable()
        for (field, most) in WorkerAnswer.limits { texts[field] = LuaValue(most) }
        var caps = LuaTable()
        caps["text"] = .table(texts)
        caps["per_application"] = LuaValue(WorkerAnswer.perApplication)
        caps["failures"] = LuaValue(WorkerAnswer.failuresKept)
        return caps
    }

    static func error(_ message: String) -> Data {
        // Cut by bytes: a message of one letter and a million combining marks is one Character.
        (try? JSONOutput.data(WorkerAnswer.Wire(error: AnswerText.cut(message, bytes: 4000)), compact: true)) ?? Data("{}".utf8)
    }

    /// Cadence's modules by name ("cadence.policy" -> its text and path):
    /// the only ones a package may require.
    static func moduleSources(_ scripts: String) throws -> LuaTable {
        var sources = LuaTable()
        for folder in CadenceModules.forPackages {
            for file in try FileManager.default.contentsOfDirectory(atPath: scripts + "/" + folder) where file.hasSuffix(".lua") {
                let path = scripts + "/" + folder + "/" + file
                let stem = String(file.dropLast(4))
                let name = stem == "init" ? folder : folder + "." + stem
                var source = LuaTable()
                source["text"] = .string(LuaString(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))))
                source["path"] = LuaValue(path)
                sources[name] = .table(source)
            }
        }
        return sources
    }
}

