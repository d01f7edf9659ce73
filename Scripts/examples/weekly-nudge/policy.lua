-- weekly-nudge: a short status note to the person you met, a week after the
-- interview, then a week after each note, `weeks` notes at most, until they
-- answer. One note is planned at a time: the next one waits for this one.
-- A package's policy file is called with its options and returns a policy.
local cadence = require "cadence"
local options = ...

return {
  name = "weekly nudge",
  rule = "4. Weekly status after an interview",
  plan = function(app, ctx)
    if cadence.stages.terminal[app.stage] or app.stage == "ghosted" then return end
    local interview = ctx:last("interview")
    if not interview then return end
    if ctx:answered_since(interview.day) then return ctx:exit("they answered after the interview") end
    local sent = ctx:sent("status", interview.day)
    if sent >= options.weeks then return ctx:exit(("all %d notes sent"):format(options.weeks)) end
    local last = ctx:last("message-sent")
    local since = (last and last.day > interview.day) and last.day or interview.day
    local to = interview.with and interview.with[1]
    ctx:propose{
      kind = "status", due = since + 7, to = to,
      reason = ("note %d of %d: a week since %s, no answer yet"):format(sent + 1, options.weeks,
        since == interview.day and ("the interview on " .. interview.day:short()) or ("your last message on " .. since:short())),
      draft = ("%s\n\nA short note to say I remain very interested in the %s role at %s. "
               .. "Is there anything I can send to help your decision?\n")
        :format(to and ("Dear " .. to:match("^%S+") .. ",") or "Hello,", app.role, app.company),
    }
  end,
}
