import CadenceCore
@testable import CadenceStore
import Foundation
import LuaBinding
import Testing
@testable import CadenceScripting

@Suite("The REPL's :reload")
struct ReplReloadTests {
    let harness = try! APIHarness()

    @Test(":reload reads Cadence's modules afresh and keeps the session working")
    func reload() throws {
        let lua = try LuaState()
        let outcomes = try harness.store.session { ws in
            let api = try WorkspaceAPI.install(in: lua, workspace: ws, folder: harness.directory, asOf: APIHarness.today)
            let engine = try ReplEngine(lua: lua, api: api)
            return ["before = require('cadence.policy')", ":reload", "require('cadence.policy') ~= before", "app('acme').company"]
                .map { engine.feed($0) }
        }
        #expect(outcomes == [.output(""), .output("reloaded"), .output("true"), .output("Acme Analytics")])
    }
}
