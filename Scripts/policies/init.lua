-- The standard policies: the follow-up practice (README, "What to do next") as Lua, one file
-- per rule (or group of rules). Each is a function of its options returning
-- a policy; call it with no argument for the defaults. A cadence.lua lists
-- the ones it wants:
--
--   local standard = require "policies"
--   return { standard.thank_you(), standard.weekly_status{ weeks = 5 } }
local standard = {
  plan_ahead = require "policies.plan_ahead",            -- rule 1
  thank_you = require "policies.thank_you",              -- rules 2, 3
  weekly_status = require "policies.weekly_status",      -- rules 4, 5, 7
  deadline_passed = require "policies.deadline_passed",  -- rule 6
  after_rejection = require "policies.after_rejection",  -- rules 8, 9
  references = require "policies.references",            -- rule 10
  prepare = require "policies.prepare",                  -- rule 11
  missing_info = require "policies.missing_info",        -- rule 12
  in_writing = require "policies.in_writing",            -- accepting and declining
  answer_offer = require "policies.answer_offer",        -- negotiation rule 5: answer an offer when agreed
}

--- Every standard policy with its defaults: what runs without a cadence.lua.
function standard.defaults()
  return { standard.plan_ahead(), standard.thank_you(), standard.weekly_status(), standard.deadline_passed(),
           standard.after_rejection(), standard.references(), standard.prepare(), standard.missing_info(),
           standard.in_writing(), standard.answer_offer() }
end

-- A name that is not one of them is an error naming the nearest, at the
-- line of the cadence.lua that wrote it (`standard.wekly_status{}` would
-- otherwise be "attempt to call a nil value").
local NAMES = {}
for name in pairs(standard) do NAMES[#NAMES + 1] = name end
table.sort(NAMES)
setmetatable(standard, { __index = function(_, name)
  local near = type(name) == "string" and require("cadence").nearest(name, NAMES)
  error(("no standard policy '%s'%s; the standard policies: %s"):format(tostring(name):sub(1, 80),
    near and (" (did you mean '" .. near .. "'?)") or "", table.concat(NAMES, ", ")), 2)
end })

return standard
