-- Negotiation rule 5: always ask for time to consider an offer, with a day
-- agreed, and get back exactly then. The day is the one you agreed when you
-- asked for time (cadence log message-sent --kind ask-for-time --due DAY),
-- else the offer's own respond-by date. The draft is what the negotiation
-- script (cadence negotiate) decides to say.
local cadence = require "cadence"
local check = require("cadence.options").check
local negotiation = require "cadence.negotiation"

--- options: only / except.
return function(options)
  options = check("answer_offer", options, { only = "list", except = "list" })
  return {
    name = "answer-offer",
    rule = "negotiation 5. Ask for time to consider an offer, then answer exactly when agreed",
    only = options.only, except = options.except,
    plan = function(app, ctx)
      if not cadence.stages.with_offer[app.stage] then return end
      local current = negotiation.current(ctx:offers(), true)
      local open = current[#current]
      if not open then return end
      local arrived = ctx:last{ "offer-received", "negotiation-round" }
      local asked
      for _, e in ipairs(ctx:events("message-sent")) do
        if e.message_kind == "ask-for-time" and e.due and (not arrived or e.day >= arrived.day) then asked = e end
      end
      local due, why
      if asked then
        due, why = asked.due, ("you asked for time on %s and agreed to answer on %s"):format(asked.day:short(), asked.due:short())
      elseif open.respond_by then
        due, why = open.respond_by, ("they want an answer by %s"):format(open.respond_by:short())
      else
        return ctx:exit("answer-offer: no day agreed to answer on; cadence negotiate suggests one")
      end
      -- What to say then: the negotiation script's decision and words.
      local ok, decision = pcall(negotiation.decide, app)
      local draft
      if ok then
        local steps = {}
        for step, words in pairs(decision.words) do steps[#steps + 1] = ("%s:\n%s"):format(step, words) end
        table.sort(steps)
        draft = ("The negotiation script decides: %s (%s).\n\n%s"):format(decision.action, decision.rule, table.concat(steps, "\n\n"))
      end
      ctx:propose{
        kind = "answer-offer", channel = "phone", due = due, slide = "back", key = "answer|" .. open.id, logs = false,
        reason = ("negotiation rule 5: %s: get back exactly then"):format(why),
        draft = draft,
      }
    end,
  }
end
