-- The standard policies: the practice of shared/domain.md as Lua. Each is a
-- function of its options returning a policy; call with no argument for the
-- defaults. A cadence.lua lists the ones it wants:
--
--   local standard = require "policies"
--   return { standard.thank_you(), standard.weekly_status{ weeks = 5 } }
return {
  thank_you = require "policies.thank_you",
  weekly_status = require "policies.weekly_status",
  deadline_passed = require "policies.deadline_passed",
  after_rejection = require "policies.after_rejection",
}
