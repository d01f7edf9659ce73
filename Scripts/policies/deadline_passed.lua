-- Rule 6: if a known decision date passes in silence, wait several days to a
-- week, then send one polite inquiry.
-- Their decision date is the application's deadline, a deadline they set,
-- or their word on any event ("we'll get back to you by next Friday", as
-- `cadence log call --next "..."` logs it): who acts in a promise is the
-- host's rule (cadence.promise), read for this policy and weekly_status
-- alike (cadence.promises). A date they promised to answer by is followed
-- up the next working day after it: they said they would answer by then.
local cadence = require "cadence"
local check = require("cadence.options").check
local promises = require "cadence.promises"
local sequence = require "cadence.sequence"

--- options: wait_days (after a decision date; default 5), after_promise_days
--- (after the date of their word; default 1: the next working day), channel
--- (default email), only / except.
return function(options)
  options = check("deadline_passed", options, { wait_days = { "integer", 1, 30 }, after_promise_days = { "integer", 1, 30 },
                                                channel = "text", only = "list", except = "list" })
  local wait, after_promise = options.wait_days or 5, options.after_promise_days or 1
  local channel = require("cadence.options").channel("deadline_passed", options.channel)

  -- The decision date, known ahead: the inquiry is on the agenda from the
  -- day the date is known, and any answer on or after it stops it.
  -- A date given before the last interview or screen was overtaken by it,
  -- as weekly_status reads it too.
  local known = setmetatable({}, { __mode = "k" })   -- by ctx: both sequences below ask
  local function decision(app, ctx, by_promise)
    local date = known[ctx]
    if date == nil then
      date = promises.decision_date(app, ctx, ctx:last{ "interview", "screen" }) or false
      known[ctx] = date
    end
    if date and (date.promise ~= nil) == by_promise then
      -- The inquiry goes to whoever gave their word, else as any follow-up does.
      return { day = date.day, kind = "decision date", promise = date.promise and date.promise.words, said = date.promise,
               with = date.promise and date.promise.event.with }
    end
  end

  local function steps(after, reason)
    return { { kind = "deadline-inquiry", after = after, reason = reason } }
  end

  local common = { name = "deadline-passed", cite = "rule 6", channel = channel,
                   skip_stages = cadence.stages.decided }   -- an offer came, or it is over
  local function with(fields)
    for k, v in pairs(common) do fields[k] = v end
    return sequence(fields)
  end

  local by_date = with{
    trigger = function(app, ctx) return decision(app, ctx, false) end,
    steps = steps(wait, function(facts)
      local passed = facts.since < facts.today
      return ("their decision date %s %s; %s %d days, then one polite inquiry"):format(facts.since:short(),
        passed and "passed with no word" or "is the schedule", passed and "wait" or "with no word by then, wait", facts.after)
    end),
  }
  local by_word = with{
    trigger = function(app, ctx) return decision(app, ctx, true) end,
    steps = steps(after_promise, function(facts)
      local said = facts.trigger.said
      local words = ('they said "%s" on %s'):format(said.words, said.day:short())
      if facts.since < facts.today then
        return ("%s: their date, %s, passed with no word: one polite inquiry"):format(words, facts.since:short())
      end
      return ("%s: their date is %s; nothing until then, and with no word by then, one polite inquiry after it")
        :format(words, facts.since:short())
    end),
  }
  return {
    name = "deadline-passed",
    rule = "6. Deadline passed in silence: one inquiry, several days later",
    only = options.only, except = options.except,
    plan = function(app, ctx)
      by_date.plan(app, ctx)
      by_word.plan(app, ctx)
    end,
  }
end
