-- Rule 11: prepare for the next step. A test, a presentation, portfolio
-- samples, a proposal: when a next step or a scheduled meeting mentions one,
-- it becomes a task due before the next round.
local check = require("cadence.options").check
local drafts = require "cadence.drafts"

local WORDS = { "test", "presentation", "present", "portfolio", "sample", "proposal", "case study", "assignment",
                "exercise", "take-home", "homework", "challenge", "prepare", "demo" }

local function mentions(text)
  if not text then return nil end
  local lower = text:lower()
  for _, word in ipairs(WORDS) do
    -- At the start of a word: "test" is not in "latest".
    if lower:find("%f[%a]" .. word:gsub("%-", "%%-")) then return word end
  end
end

--- options: days_before (default 2), words (more words that mean a task), only / except.
return function(options)
  options = check("prepare", options, { days_before = { "integer", 0, 30 }, words = "list", only = "list", except = "list" })
  local before = options.days_before or 2
  for _, word in ipairs(options.words or {}) do WORDS[#WORDS + 1] = word:lower() end
  return {
    name = "prepare",
    rule = "11. Prepare for the next step",
    only = options.only, except = options.except,
    plan = function(app, ctx)
      local upcoming = ctx:upcoming{ "interview", "screen" }
      local function next_round(after)
        for _, e in ipairs(upcoming) do if e.day >= after then return e end end
      end
      local asks = {}
      for _, e in ipairs(ctx:events("next-step")) do asks[#asks + 1] = { event = e, text = e.next_step or e.notes } end
      for _, e in ipairs(upcoming) do asks[#asks + 1] = { event = e, text = e.notes, meeting = e } end
      for _, ask in ipairs(asks) do
        if mentions(ask.text) then
          local e = ask.event
          local round = ask.meeting or next_round(e.day)
          local target = round and round.day or e.due
          if target and target >= ctx.today then
            local what = round and ("the %s on %s"):format(round.kind, round.day:short()) or ("%s"):format(target:short())
            ctx:propose{
              kind = "prepare", channel = "task", due = target - before, slide = "back",
              key = "prepare|" .. tostring(e.id or e.day),
              reason = ('rule 11: "%s" (%s): have it ready %d days before %s'):format(ask.text, e.day:short(), before, what),
              draft = drafts.prepare{ app = app, task = ask.text, target = target, candidate = ctx.candidate },
            }
          end
        end
      end
    end,
  }
end
