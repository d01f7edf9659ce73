-- The policy both sides of the isolation benchmark run: a status note a
-- week after each interview, to the person met, for three weeks, unless
-- they answered. In-process it is a line of cadence.lua; isolated, it is
-- this package, installed.
return {
  name = "weekly-nudge", rule = "4. Weekly status after an interview",
  plan = function(app, ctx)
    local interview = ctx:last("interview")
    if not interview or ctx:answered_since(interview.day) then return end
    for week = 1, 3 do
      ctx:propose{ kind = "status", due = interview.day + 7 * week, to = interview.with and interview.with[1],
                   reason = ("week %d after the interview on %s"):format(week, interview.day:short()) }
    end
  end,
}
