-- Rule 5: without a given schedule, follow up once a week by email, for at
-- least 4 and at most 7 weeks, stopping at the first reply, offer or rejection.
-- Rule 4: a promised next step ("call me in two weeks") overrides the cadence
-- until it has passed; then the weekly cadence resumes from that touch.
-- Rule 7: when the touches run out, it is time to move on (ghosted, reversible).
local drafts = require "cadence.drafts"

local QUIET = { offer = true, negotiating = true, rejected = true, ghosted = true, saved = true, applied = true }

return function(options)
  options = options or {}
  local weeks = math.max(4, math.min(7, options.weeks or 7))
  return {
    name = "weekly-status",
    rule = ("5. Weekly status for %d weeks; 4. wait as promised; 7. then move on"):format(weeks),
    plan = function(app, ctx)
      if QUIET[app.stage] then return end
      local meeting = ctx:last{ "interview", "screen" }
      if not meeting then return end
      -- Any answer since the last meeting ends this cadence.
      if ctx:answered_since(meeting.day + 1) then return end
      -- A decision date is a given schedule: wait for it (rule 6 follows it up).
      local deadline = ctx:last("deadline-set")
      if (deadline and deadline.day >= meeting.day) or (app.decisionDeadline and app.decisionDeadline >= meeting.day) then
        return
      end
      local person = ctx:person_met()
      local start = meeting.day

      local promise = ctx:last("next-step")
      if promise and promise.due and promise.day >= meeting.day then
        local touched = false
        for _, e in ipairs(ctx:events{ "message-sent", "follow-up-call" }) do
          if e.day >= promise.due and (e.messageKind ~= "thank-you") then touched = true; start = e.day end
        end
        if not touched then
          local to = promise.with and promise.with[1] or person
          ctx:propose{
            kind = "follow-up as promised", due = promise.due, to = to, key = "promised|" .. tostring(promise.day),
            reason = ('rule 4: on %s they said "%s": wait until %s, then follow up')
              :format(tostring(promise.day), promise.nextStep or "get in touch later", tostring(promise.due)),
            draft = drafts.promised{ app = app, to = to, candidate = ctx.candidate },
          }
          return
        end
      end

      local sent, last = 0, start
      for _, e in ipairs(ctx:events("message-sent")) do
        if e.messageKind == "status" and e.day >= start then sent = sent + 1; last = e.day end
      end
      if sent >= weeks then
        ctx:propose{
          kind = "move on", due = last + 7, to = nil, key = "move-on|" .. tostring(start),
          reason = ("rule 7: %d weekly follow-ups since %s went unanswered: mark it ghosted (reversible) and keep searching; first ask yourself whether the role is still wanted, and on what terms you would accept")
            :format(sent, tostring(start)),
        }
        return
      end
      -- One item, even if several weeks were missed: no pile-up.
      ctx:propose{
        kind = "status", due = last + 7, to = person, key = ("status %d|%s"):format(sent + 1, tostring(start)),
        reason = ("rule 5: weekly status %d of %d: last touch %s, no reply since the %s on %s")
          :format(sent + 1, weeks, tostring(last), meeting.kind, tostring(meeting.day)),
        draft = drafts.status{ app = app, to = person, candidate = ctx.candidate },
      }
    end,
  }
end
