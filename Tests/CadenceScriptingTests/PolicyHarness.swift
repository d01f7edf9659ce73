import Foundation
import LuaBinding

/// Planning on the demo search dated Monday 2 March 2026, for the policy tests.
extension APIHarness {
    /// The agenda as "company|kind|due|to" lines, for `days` ahead of 2 March,
    /// with `setup` run first (as a script: its writes land).
    func agenda(days: Int = 30, asOf: String = "2026-03-02", setup: String = "", cadence: String? = nil) throws -> [String] {
        if !setup.isEmpty { _ = try run(setup) }
        if let cadence {
            try cadence.write(toFile: directory + "/cadence.lua", atomically: true, encoding: .utf8)
        }
        let result = try run("""
            local policy = require "cadence.policy"
            local items = policy.run{ path = "\(directory)/cadence.lua", days = \(days), as_of = "\(asOf)" }
            local lines = {}
            for i, item in ipairs(items) do
              lines[i] = table.concat({ item.app.company, item.kind, tostring(item.due), item.to or "" }, "|")
            end
            return table.concat(lines, "\\n")
            """, asOf: asOf)
        return (result.first?.stringValue ?? "").split(separator: "\n").map(String.init)
    }

    func reasons(matching kind: String, asOf: String = "2026-03-02") throws -> [String] {
        let result = try run("""
            local policy = require "cadence.policy"
            local out = {}
            for _, item in ipairs(policy.agenda(policy.load(\"\(directory)/cadence.lua\"), { days = 60, as_of = "\(asOf)" })) do
              if item.kind == "\(kind)" then out[#out + 1] = item.reason .. "\\n--\\n" .. (item.draft or "") end
            end
            return table.concat(out, "\\n==\\n")
            """, asOf: asOf)
        return (result.first?.stringValue ?? "").components(separatedBy: "\n==\n")
    }

    /// The first item of `kind` (of `company`, if given) as "company|kind|due|to", with its reason, draft and ref.
    func item(_ kind: String, of company: String? = nil, days: Int = 30, asOf: String = "2026-03-02") throws
        -> (line: String, reason: String, draft: String, ref: String)? {
        let result = try run("""
            local policy = require "cadence.policy"
            local kind, company = "\(kind)", \(company.map { "\"\($0)\"" } ?? "nil")
            for _, item in ipairs((policy.run{ path = "\(directory)/cadence.lua", days = \(days), as_of = "\(asOf)" })) do
              if item.kind == kind and (company == nil or item.app.company == company) then
                return table.concat({ item.app.company, item.kind, tostring(item.due), item.to or "" }, "|"),
                       item.reason, item.draft or "", item.ref
              end
            end
            """, asOf: asOf)
        guard let line = result.first?.stringValue else { return nil }
        return (line, result[1].stringValue ?? "", result[2].stringValue ?? "", result[3].stringValue ?? "")
    }
}
