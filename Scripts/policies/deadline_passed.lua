-- Rule 6: if a known decision date passes in silence, wait several days to a
-- week, then send one polite inquiry.
local drafts = require "cadence.drafts"

return function(options)
  options = options or {}
  local wait = options.wait_days or 5
  return {
    name = "deadline-passed",
    rule = "6. Deadline passed in silence: one inquiry, several days later",
    plan = function(app, ctx)
      local deadline = app.decisionDeadline
      local set = ctx:last("deadline-set")
      if set and set.due and (not deadline or set.due > deadline) then deadline = set.due end
      if not deadline or deadline >= ctx.today then return end
      if ctx:answered_since(deadline) or ctx:sent("deadline-inquiry", deadline) > 0 then return end
      local person = ctx:person_met()
      ctx:propose{
        kind = "deadline-inquiry", due = deadline + wait, to = person, key = "deadline|" .. tostring(deadline),
        reason = ("rule 6: their decision date %s passed with no word; wait %d days, then one polite inquiry")
          :format(tostring(deadline), wait),
        draft = drafts.deadline_inquiry{ app = app, to = person, deadline = deadline, candidate = ctx.candidate },
      }
    end,
  }
end
