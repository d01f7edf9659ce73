-- Rule 6: if a known decision date passes in silence, wait several days to a
-- week, then send one polite inquiry.
local cadence = require "cadence"
local check = require("cadence.options").check
local sequence = require "cadence.sequence"

--- options: wait_days (default 5), only / except.
return function(options)
  options = check("deadline_passed", options, { wait_days = { "integer", 1, 30 }, only = "list", except = "list" })
  local wait = options.wait_days or 5
  return sequence{
    name = "deadline-passed", cite = "rule 6",
    rule = "6. Deadline passed in silence: one inquiry, several days later",
    -- The decision date: the application's, or a later one they gave.
    trigger = function(app, ctx)
      local deadline = app.deadline
      local set = ctx:last("deadline-set")
      if set and set.due and (not deadline or set.due > deadline) then deadline = set.due end
      if deadline and deadline < ctx.today then return { day = deadline, kind = "decision date" } end
    end,
    skip_stages = cadence.stages.decided,       -- an offer came, or it is over
    steps = { { kind = "deadline-inquiry", after = wait,
                reason = "their decision date {since} passed with no word; wait {after} days, then one polite inquiry" } },
    only = options.only, except = options.except,
  }
end
