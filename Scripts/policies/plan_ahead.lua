-- Rule 1: have a follow-up plan in place before the meeting, so the first
-- actions start at once. For each interview or screen on the calendar, this
-- policy asks the other policies what they would do once it has happened,
-- and puts that plan, with what to bring and ask, in front of you the day before.
local check = require("cadence.options").check
local drafts = require "cadence.drafts"

--- options: days_ahead (how far ahead to look; default 14), only / except.
return function(options)
  options = check("plan_ahead", options, { days_ahead = { "integer", 1, 60 }, only = "list", except = "list" })
  local ahead = options.days_ahead or 14
  return {
    name = "plan-ahead",
    rule = "1. Plan before the interview",
    only = options.only, except = options.except,
    plan = function(app, ctx)
      local meeting = ctx:upcoming{ "interview", "screen" }[1]
      if not meeting or meeting.day - ctx.today > ahead then return end
      -- What the others would propose once it has happened (never itself).
      local engine = require "cadence.policy"
      local others = {}
      for _, p in ipairs(ctx.options.policies or {}) do
        if p.name ~= "plan-ahead" then others[#others + 1] = p end
      end
      local timeline = {}
      for _, e in ipairs(ctx.timeline) do timeline[#timeline + 1] = e end
      timeline[#timeline + 1] = meeting
      -- As the application will be once it has happened.
      local final = meeting.kind == "interview" and meeting.round and meeting.round:lower():find("final", 1, true)
      local then_app = setmetatable({ stage = final and "final" or (meeting.kind == "interview" and "interviewing" or "screening") },
                                    { __index = app })
      local after = engine.plan(then_app, others, meeting.day, {
        timeline = timeline, contacts = ctx.contacts, candidates = ctx.options.candidates,
        calendar = ctx.calendar, policies = others,
      })
      local steps = {}
      for _, item in ipairs(after) do
        if not item.failed and item.due >= meeting.day and item.due - meeting.day <= 28 then steps[#steps + 1] = item end
      end
      table.sort(steps, function(a, b) return a.due < b.due end)
      for i, item in ipairs(steps) do
        steps[i] = ("%s: %s%s"):format(item.due:short(), item.kind, item.to and (" to " .. item.to) or "")
      end
      local with = meeting.with and #meeting.with > 0 and (" with " .. table.concat(meeting.with, ", ")) or ""
      ctx:propose{
        kind = "plan-follow-up", channel = "task", due = meeting.day - 1, slide = "back",
        key = "plan|" .. tostring(meeting.day),
        reason = ("rule 1: the %s on %s%s: have the follow-up plan ready before it, so the first actions start at once")
          :format(meeting.kind, meeting.day:short(), with),
        draft = drafts.plan_ahead{ app = app, meeting = meeting, steps = steps, candidate = ctx.candidate },
      }
    end,
  }
end
