-- Rule 5: without a given schedule, follow up once a week by email, for at
-- least 4 and at most 7 weeks, stopping at the first reply, offer or rejection.
-- Rule 4: a promised next step, logged on any event, overrides the cadence.
-- Yours ("call me in two weeks") is an action on its day, then the weekly
-- cadence resumes from that touch; theirs ("we'll get back to you by
-- Friday") is their decision date: nothing until it, then rule 6's one
-- inquiry (deadline_passed), and weekly resumes from that.
-- Rule 7: when the touches run out, it is time to move on (ghosted, reversible).
local cadence = require "cadence"
local check = require("cadence.options").check
local sequence = require "cadence.sequence"
local drafts = require "cadence.drafts"

--- options: weeks (1 to 7, default 7: the practice says 4 to 7, and fewer is
--- yours to choose), channel (default email: "linkedin" drafts a short
--- message), only / except (applications).
return function(options)
  options = check("weekly_status", options, { weeks = { "integer", 1, 7 }, channel = "text", only = "list", except = "list" })
  local channel = require("cadence.options").channel("weekly_status", options.channel)
  local weeks = options.weeks or 7
  return sequence{
    name = "weekly-status", cite = "rule 5",
    rule = ("5. Weekly status for %d weeks; 4. wait as promised; 7. then move on"):format(weeks),
    trigger = { "interview", "screen" },
    -- Only while they are assessing you: an offer, a decision or silence already marked leaves nothing to chase.
    stages = cadence.stages.being_assessed,
    steps = { { kind = "status", label = "weekly status", after = 7, every = 7, times = weeks } },
    at_least = 4,
    channel = channel,
    promises = true,            -- rule 4: theirs hold it until their date, yours are actions on the day
    wait_for_deadline = true,   -- a decision date is a given schedule: rule 6 follows it up
    exhausted = {
      kind = "move-on", after = 7, cite = "rule 7", logs = "ghosted", draft = drafts.move_on,
      reason = "{sent} weekly follow-ups since {since} went unanswered: mark it ghosted (reversible) and keep "
        .. "searching; first ask yourself whether the role is still wanted, and on what terms you would accept",
    },
    only = options.only, except = options.except,
  }
end
