-- Rule 10: prepare three professional references and ask them before they
-- are needed (before the final round); ask contacts who know the interviewer
-- to put in a word, with care: once, after an interview.
local cadence = require "cadence"
local check = require("cadence.options").check
local drafts = require "cadence.drafts"

--- The name in a reference such as "Dana Whitfield, former manager".
local function name_of(reference) return (reference:match("^%s*([^,(]-)%s*[,(]") or reference):match("^%s*(.-)%s*$") end

--- options: references (how many to have ready; default 3), days_before (the final round; default 3), only / except.
return function(options)
  options = check("references", options, { references = { "integer", 1, 10 }, days_before = { "integer", 0, 30 }, only = "list", except = "list" })
  local wanted = options.references or 3
  local before = options.days_before or 3
  return {
    name = "references",
    rule = "10. References and outside help",
    only = options.only, except = options.except,
    plan = function(app, ctx)
      local interviewing = cadence.stages.interview_rounds[app.stage]
      if not interviewing and #ctx:upcoming("interview") == 0 then return end
      -- When they are needed: a final round on the calendar, or reached.
      local final
      for _, e in ipairs(ctx:upcoming("interview")) do
        if not final and e.round and e.round:lower():find("final", 1, true) then final = e end
      end
      local due, why
      if final then
        due, why = final.day - before, ("the final round on %s"):format(final.day:short())
      elseif app.stage == "final" and app.stage_since and ctx.today - app.stage_since <= 14 then
        -- Reached lately: they may be called any day now.
        due, why = app.stage_since, "you reached the final round on " .. app.stage_since:short()
      end
      if due then
        -- The candidate's references and the contacts marked as one: a person on both lists is one reference.
        local references, named = {}, {}
        local function add(reference)
          local key = name_of(reference):lower()
          if not named[key] then references[#references + 1], named[key] = reference, true end
        end
        for _, r in ipairs(ctx.candidate and ctx.candidate.references or {}) do add(r) end
        for _, c in ipairs(ctx.contacts) do if c.role == "reference" then add(c.name) end end
        for _, reference in ipairs(references) do
          local name = name_of(reference)
          if ctx:sent("reference-request", nil, name) == 0 then
            ctx:propose{
              kind = "reference-request", due = due, slide = "back", to = name, key = "reference|" .. name,
              reason = ("rule 10: ask %s before they are needed: %s"):format(
                reference == name and name or ("%s (%s)"):format(name, reference:sub(#name + 1):match("^[%s,(]*(.-)[%s)]*$")), why),
              draft = drafts.reference_request{ app = app, to = name, candidate = ctx.candidate },
            }
          end
        end
        if #references < wanted then
          ctx:propose{
            kind = "line-up-references", channel = "task", due = due, slide = "back", key = "references-count",
            reason = ("rule 10: have %d professional references ready before %s; you have %d"):format(wanted, why, #references),
          }
        end
      end
      -- Outside help: someone who knows the people you met.
      local meeting = ctx:last("interview")
      if meeting and interviewing then
        for _, c in ipairs(ctx.contacts) do
          if (c.role == "insider" or c.role == "referrer") and ctx:sent("put-in-a-word", meeting.day, c.name) == 0 then
            ctx:propose{
              kind = "put-in-a-word", due = meeting.day + 1, to = c.name, key = ("word|%s|%s"):format(c.name, meeting.day),
              reason = ("rule 10: %s knows people at %s: ask them, with care and once, to put in a word after the interview on %s")
                :format(c.name, app.company, meeting.day:short()),
              draft = drafts.put_in_a_word{ app = app, to = c.name, contact = c, meeting = meeting, candidate = ctx.candidate },
            }
          end
        end
      end
    end,
  }
end
