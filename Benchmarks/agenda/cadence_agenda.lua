-- The same agenda through Cadence: the standard policies over the workspace
-- generate.lua filled. Run by `cadence run --workspace DIR cadence_agenda.lua`.
local policy = require "cadence.policy"
local standard = require "policies"

local policies = { standard.thank_you(), standard.weekly_status(), standard.deadline_passed(), standard.after_rejection() }
local counts = {}
for _, item in ipairs(policy.agenda(policies, { as_of = "2026-03-02", days = 7 })) do
  counts[item.kind] = (counts[item.kind] or 0) + 1
end
local kinds = {}
for kind in pairs(counts) do kinds[#kinds + 1] = kind end
table.sort(kinds)
for _, kind in ipairs(kinds) do print(kind, counts[kind]) end
