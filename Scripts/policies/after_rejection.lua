-- Rule 9: a rejection is a touch too: thank them graciously, ask to be
-- considered if the hire does not work out, and stay in touch long term.
-- Rule 8: after a decision, ask for feedback.
local drafts = require "cadence.drafts"

return function(options)
  options = options or {}
  local keep_in_touch = options.stay_in_touch_days or 90
  return {
    name = "after-rejection",
    rule = "8, 9. After a rejection: thanks, feedback, stay in touch",
    plan = function(app, ctx)
      local rejection = ctx:last("rejection")
      if not rejection or app.stage ~= "rejected" then return end
      local person = ctx:person_met()
      local steps = {
        { "post-rejection-thanks", 0, "rule 9: thank them graciously, the same day", drafts.rejection_thanks },
        { "feedback-request", 2, "rule 8: ask for feedback, a couple of days later", drafts.feedback_request },
        { "stay-in-touch", keep_in_touch, ("rule 9: stay in touch over the long term (%d days on)"):format(keep_in_touch), drafts.stay_in_touch },
      }
      for _, step in ipairs(steps) do
        local kind, after, why, draft = table.unpack(step)
        if ctx:sent(kind, rejection.day) == 0 then
          ctx:propose{ kind = kind, due = rejection.day + after, to = person,
                       reason = why .. (" (rejected on %s)"):format(tostring(rejection.day)),
                       draft = draft{ app = app, to = person, candidate = ctx.candidate } }
        end
      end
    end,
  }
end
