-- cadence.lua: your follow-up practice, as Lua. `cadence agenda` runs it.
--
-- Each line chooses a standard policy (they live in Cadence's Scripts/policies,
-- each naming the rule of the practice it encodes). Change an option, remove a
-- line, or add a policy of your own:
--
--   { name = "mine", rule = "my rule", plan = function(app, ctx)
--       if app.company == "Acme" then ctx:propose{ kind = "call", due = ctx.today, reason = "..." } end
--     end }
local standard = require "policies"

return {
  standard.thank_you(),                        -- rule 2: thank each person met, the same day
  standard.weekly_status{ weeks = 7 },         -- rules 4, 5, 7: wait as promised, weekly 4-7 weeks, then move on
  standard.deadline_passed{ wait_days = 5 },   -- rule 6: one inquiry after a decision date passes in silence
  standard.after_rejection(),                  -- rules 8, 9: thanks, feedback, stay in touch
}
