-- cadence.lua: your follow-up practice, as Lua. `cadence agenda` runs it.
--
-- Each line chooses a standard policy (they live in Cadence's Scripts/policies,
-- each naming the rule of the practice it encodes). Change an option, remove a
-- line, or add a policy of your own. `cadence simulate APP` shows what they
-- would do for one application over the coming weeks.
local standard = require "policies"
local sequence = require "cadence.sequence"

return {
  -- Which days a follow-up can go out: weekends slide to Monday ("back" for
  -- Friday, "keep" to allow them); public holidays are skipped the same way:
  -- your region's calendar (`cadence candidate show` names it, such as
  -- holidays.us), and the days you list here besides. To use another
  -- calendar instead: holidays = { require "holidays.de", "2026-12-24" };
  -- none at all: holidays = false.
  calendar = {
    weekends = "slide",
    holidays = { --[[ "2026-12-24", ["2026-12-31"] = "office closed" ]] },
    send_at = "09:30",                          -- calendar files put messages at this time
  },

  standard.plan_ahead(),                        -- rule 1: the follow-up plan, the day before an interview
  standard.thank_you(),                         -- rules 2, 3: thank each person met, the same day
  standard.weekly_status{ weeks = 7 },          -- rules 4, 5, 7: wait as promised, weekly 4-7 weeks, then move on
  standard.deadline_passed{ wait_days = 5 },    -- rule 6: one inquiry after a decision date passes in silence
  standard.after_rejection(),                   -- rules 8, 9: thanks, feedback, stay in touch
  standard.references(),                        -- rule 10: ask references before the final round
  standard.prepare{ days_before = 2 },          -- rule 11: tests, presentations, samples before the next round
  standard.missing_info(),                      -- rule 12: unknowns become questions for the next contact
  standard.in_writing(),                        -- accept in writing with the terms; decline courteously
  standard.answer_offer(),                      -- negotiation rule 5: answer an offer on the day agreed

  -- Your own rules go here. One application can have its own cadence:
  --   standard.weekly_status{ weeks = 4, only = { "Acme Analytics" } },
  -- (and add except = { "Acme Analytics" } to the line above), or a sequence:
  --   sequence{
  --     name = "recruiter-nudge", cite = "my rule",
  --     trigger = "applied", stages = { "applied" },
  --     steps = { { kind = "status", label = "nudge the recruiter", after = 10, to = "recruiter", channel = "linkedin" } },
  --   },
  -- or a plan function for anything else:
  --   { name = "mine", rule = "my rule", plan = function(app, ctx)
  --       if app.company == "Acme" then ctx:propose{ kind = "call", due = ctx.today, reason = "..." } end
  --     end },
}
