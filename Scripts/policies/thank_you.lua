-- Rule 2: thank each person met, the same day as the interview.
-- Rule 3: when interested, tie one of your strengths to one need they named.
local cadence = require "cadence"
local check = require("cadence.options").check
local drafts = require "cadence.drafts"

--- options: within_days (older interviews are past thanking; default 7),
--- channel (default email), only / except.
return function(options)
  options = check("thank_you", options, { within_days = { "integer", 0, 30 }, channel = "text", only = "list", except = "list" })
  local channel = require("cadence.options").channel("thank_you", options.channel)
  local window = options.within_days or 7   -- older interviews are past thanking
  return {
    name = "thank-you",
    rule = "2. Thank-you the same day, to each person met",
    only = options.only, except = options.except,
    plan = function(app, ctx)
      if cadence.stages.ended_by_you[app.stage] then return end
      -- Only the last days' interviews: walk back from the newest event.
      local timeline, recent = ctx.timeline, {}
      for i = #timeline, 1, -1 do
        local e = timeline[i]
        if ctx.today - e.day > window then break end
        if e.kind == "interview" then table.insert(recent, 1, e) end
      end
      for _, interview in ipairs(recent) do
        for _, person in ipairs(interview.with or {}) do
          if ctx:sent("thank-you", interview.day, person) == 0 then
            local interested = (app.interest or 3) >= 3
            ctx:propose{
              kind = "thank-you", due = interview.day, slide = "keep", to = person, key = ("thank-you|%s|%s"):format(person, interview.day),
              follows = interview,   -- done is never logged before the interview it thanks for
              channel = channel,
              reason = ("rule 2: you met %s at the interview on %s; thank them the same day%s")
                :format(person, interview.day:short(), interested and "" or " (briefly: you are not keen)"),
              draft = drafts.thank_you{ app = app, to = person, contact = ctx:contact(person), candidate = ctx.candidate, channel = channel,
                                        -- Sent after the day (the item overdue), the letter says when you met.
                                        met = ctx.today <= interview.day and "today" or ctx.today - interview.day == 1 and "yesterday"
                                          or "on " .. interview.day:short(),
                                        interested = interested, need = app.needs and app.needs[1],
                                        strength = ctx.candidate and ctx.candidate.strengths and ctx.candidate.strengths[1] },
            }
          end
        end
      end
    end,
  }
end
