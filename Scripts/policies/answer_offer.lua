-- Negotiation rule 5: always ask for time to consider an offer, with a day
-- and hour agreed, and get back exactly then, to the person you asked. The
-- day is the one you agreed when you asked for time
-- (cadence log message-sent --message-kind ask-for-time --due "wednesday 10am" --to NAME),
-- else the offer's own respond-by date. The draft is what the negotiation
-- script (cadence negotiate) decides for that day: the item, its recipient
-- and its draft read one record of the time agreed, so they never disagree.
local cadence = require "cadence"
local check = require("cadence.options").check
local negotiation = require "cadence.negotiation"

-- Whom you get back to: the person asked for time, else the hiring manager, else the recruiter.
local function recipient(agreed, ctx)
  if agreed and agreed.to then return agreed.to end
  for _, role in ipairs{ "hiring-manager", "recruiter" } do
    for _, c in ipairs(ctx.contacts) do if c.role == role then return c.name end end
  end
end

-- A name as one line of the draft: a line break or a control in it is a space.
local function one_line(text) return (text:gsub("%c+", " ")) end

-- "Wed 25 Mar at 10:00", or "Wed 25 Mar" with no hour agreed.
local function when(day, time) return day:short() .. (time and (" at " .. time) or "") end

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
      -- One record of the time agreed, read by the item and by the script that words its draft.
      local ok, s = pcall(function() return negotiation.situation(app, (negotiation.load()), { live_offers = ctx:live_offers() }) end)
      if not ok then s = nil end
      -- Read apart from the situation, so that a situation that cannot be made (no rate for the offer's
      -- currency) still leaves the day agreed on the agenda.
      local agreed = s and s.time_agreed or negotiation.time_agreed(app)
      local due, at, why, slide
      if agreed then
        -- A day agreed with them stays that day: a weekend or a holiday does not move it.
        due, at, slide = agreed.day, agreed.time, "keep"
        why = agreed.asked_on
          and ("you asked for time on %s and agreed to answer on %s"):format(agreed.asked_on:short(), when(due, at))
          or ("you agreed to answer on %s"):format(when(due, at))
        why = why .. ": get back exactly then"
        if open.respond_by and open.respond_by < due then
          -- The offer as recorded wants an answer sooner: the day agreed holds only if they agreed to wait.
          why = why .. ("; their date to answer by, %s, comes before it: unless they agreed to wait, call %s"):format(
            open.respond_by:short(), open.respond_by < ctx.today and "today to confirm they will" or "before it passes to confirm they will")
        end
      elseif open.respond_by then
        due, slide = open.respond_by, "back"
        why = ("they want an answer by %s: get back by then"):format(open.respond_by:short())
        if open.respond_by < ctx.today then
          why = ("their date to answer by, %s, passed %d day%s ago with no answer: call today, apologise and ask for a"
            .. " little more time"):format(open.respond_by:short(), ctx.today - open.respond_by,
            ctx.today - open.respond_by == 1 and "" or "s")
        end
      else
        return ctx:exit("answer-offer: no day agreed to answer on; cadence negotiate suggests one")
      end
      -- The day the item lands on (their date on a weekend moves back to the Friday): the draft names that day.
      if slide ~= "keep" then due = ctx.calendar:adjust(due, slide) end
      local to = recipient(agreed, ctx)
      -- What to say then: the negotiation script's decision for the day of the
      -- answer (today, when that day has passed), so the words name no day before it.
      -- `words`: what to say to them, apart from the notes around it (what a page's "Copy" copies).
      local draft, words, notes
      local on = due < ctx.today and ctx.today or due
      local whom = to and one_line(to) or "them"
      local heading = due < ctx.today and ("Get back to %s today: the day was %s."):format(whom, when(due, at))
        or ("Get back to %s on %s%s."):format(whom, when(due, at), agreed and ", as agreed" or "")
      if not agreed then
        -- Rule 5 asks for time with a day agreed: once logged, this moves to that day and hour.
        heading = heading .. ("\nNo time asked for yet: ask now, then log the day agreed (cadence log message-sent --app %s"
          .. " --message-kind ask-for-time --due \"DAY HOUR\" --to NAME)."):format(app.id)
      end
      -- Its error is cadence negotiate's to show, with the file and line when the script is yours.
      local failed = ("%s\nThe negotiation script failed: cadence negotiate %s says why."):format(heading, app.id)
      if not s then
        draft = failed
      else
        s.today = on
        local decided, decision = pcall(function() return negotiation.rules().decide(s) end)
        if decided then
          local steps = {}
          for step, words in pairs(decision.words) do steps[#steps + 1] = ("%s:\n%s"):format(step, words) end
          table.sort(steps)
          notes = ("%s\nThe negotiation script decides: %s (%s)."):format(heading, decision.action, decision.rule)
          draft = ("%s\n\n%s"):format(notes, table.concat(steps, "\n\n"))
          -- One step's words alone; several, each under its name as in the draft.
          local only = next(decision.words)
          words = #steps == 1 and decision.words[only] or (#steps > 1 and table.concat(steps, "\n\n") or nil)
        else
          draft = failed
        end
      end
      if not agreed and s and due >= ctx.today then
        -- Rule 5 asks for time now, not on their date: an item today, with the words the script decides
        -- today, until the day agreed is logged (then the answer moves to that day and this one goes).
        s.today = ctx.today
        local decided, decision = pcall(function() return negotiation.rules().decide(s) end)
        if decided and decision.action == "ask-for-time" then
          local only = next(decision.words)
          ctx:propose{
            kind = "ask-for-time", channel = "phone", due = ctx.today, slide = "keep", key = "ask-time|" .. open.id, logs = false,
            to = to, missing_role = not to and "hiring-manager" or nil,
            reason = ("negotiation rule 5: they want an answer by %s; ask now for time to consider it, with a day and hour,"
              .. " then log the day agreed (cadence log message-sent --app %s --message-kind ask-for-time --due \"DAY HOUR\" --to NAME)")
              :format(open.respond_by and open.respond_by:short() or due:short(), app.id),
            draft = only and decision.words[only] or nil,
          }
        end
      end
      ctx:propose{
        kind = "answer-offer", channel = "phone", due = due, at = at, slide = slide, key = "answer|" .. open.id, logs = false,
        to = to, missing_role = not to and "hiring-manager" or nil,
        reason = "negotiation rule 5: " .. why,
        draft = draft, words = words, notes = notes,
      }
    end,
  }
end
