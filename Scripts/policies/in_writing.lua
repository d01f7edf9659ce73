-- Accepting and declining (the negotiation practice, rule 9): accept in
-- writing, spelling out the terms as understood; decline courteously, with
-- no obligation to explain.
local check = require("cadence.options").check
local drafts = require "cadence.drafts"

--- options: only / except.
return function(options)
  options = check("in_writing", options, { only = "list", except = "list" })
  return {
    name = "in-writing",
    rule = "Negotiation 9. Accept in writing with the terms; decline courteously",
    only = options.only, except = options.except,
    plan = function(app, ctx)
      local offers = ctx:offers()
      local offer = offers[#offers]
      local to
      for _, c in ipairs(ctx.contacts) do if not to and c.role == "hiring-manager" then to = c.name end end
      to = to or ctx:person_met()
      local accepted = app.stage == "accepted" and ctx:last("acceptance")
      if accepted and ctx:sent("acceptance-in-writing", accepted.day) == 0 then
        ctx:propose{
          kind = "acceptance-in-writing", due = accepted.day, to = to, key = "accept|" .. tostring(accepted.day),
          reason = ("you accepted on %s: confirm it in writing, spelling out the terms as you understood them"):format(accepted.day:short()),
          draft = drafts.acceptance{ app = app, to = to, offer = offer, contacts = ctx.contacts, candidate = ctx.candidate },
        }
      end
      local declined = app.stage == "declined" and ctx:last("decline")
      if declined and ctx:sent("decline", declined.day) == 0 then
        ctx:propose{
          kind = "decline", due = declined.day, to = to, key = "decline|" .. tostring(declined.day),
          reason = ("you declined on %s: say so courteously, in writing; no need to explain"):format(declined.day:short()),
          draft = drafts.decline{ app = app, to = to, contacts = ctx.contacts, candidate = ctx.candidate },
        }
      end
    end,
  }
end
