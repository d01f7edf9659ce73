-- Rule 12: before an offer, make sure you know the office, hours, location,
-- contract, benefits, salary-increase policy, moving expenses, the community
-- and schools, and the drawbacks. Unknowns become questions for the next
-- contact. What is known: `cadence app edit APP --fact hours="9 to 5"`.
local check = require("cadence.options").check
local cadence = require "cadence"
local drafts = require "cadence.drafts"

-- Each topic, the words that show a question of yours already covers it,
-- and the question to ask.
local TOPICS = {
  { "office", { "office" }, "Where would I be working day to day, and what is the office like?" },
  { "hours", { "hours", "flexib" }, "What are the usual working hours, and how much flexibility is there?" },
  { "location", { "location", "remote", "hybrid" }, "Where is the role based, and how much remote work is possible?" },
  { "contract", { "contract", "permanent", "notice" }, "Is the contract permanent, and what is the notice period?" },
  { "benefits", { "benefit", "pension", "holiday", "health" }, "What benefits come with the role: pension, health care, holiday?" },
  { "raises", { "raise", "salary-increase", "salary increase", "review" }, "How and when are salaries reviewed?" },
  { "relocation", { "moving", "relocat" }, "Would moving expenses be covered?" },
  { "community", { "community", "school", "area" }, "What is the area like to live in: the community, the schools?" },
  { "drawbacks", { "drawback", "hardest", "why is it open" }, "What is hardest about this role, and why is it open?" },
}

local BEFORE_OFFER = { screening = true, interviewing = true, final = true, offer = true, negotiating = true }

--- options: topics (a list of topic names to ask about; default all), only / except.
return function(options)
  options = check("missing_info", options, { topics = "list", only = "list", except = "list" })
  local chosen
  if options.topics then
    chosen = {}
    for _, t in ipairs(options.topics) do chosen[t] = true end
  end
  return {
    name = "missing-info",
    rule = "12. Missing information: unknowns become questions",
    only = options.only, except = options.except,
    plan = function(app, ctx)
      if not BEFORE_OFFER[app.stage] then return end
      local facts = app.facts or {}
      local names = cadence.fact_topics()
      local function known(topic)
        if facts[topic] then return true end
        for _, name in ipairs(names[topic] or {}) do if facts[name] then return true end end
        if topic == "location" and app.location then return true end
        if topic == "benefits" or topic == "contract" then
          for _, offer in ipairs(ctx:offers()) do
            if topic == "benefits" and next(offer.benefits or {}) then return true end
          end
        end
        return false
      end
      local questions = {}
      local mine = table.concat(app.questions or {}, " "):lower()
      for _, q in ipairs(app.questions or {}) do questions[#questions + 1] = q end
      for _, topic in ipairs(TOPICS) do
        local name, words, question = topic[1], topic[2], topic[3]
        local covered = false
        for _, w in ipairs(words) do if mine:find(w, 1, true) then covered = true end end
        if (not chosen or chosen[name]) and not covered and not known(name) then questions[#questions + 1] = question end
      end
      if #questions == 0 then return ctx:exit("missing-info: everything on the checklist is known") end
      -- Ask at the next meeting; with an offer in hand, before answering it.
      local meeting = ctx:upcoming{ "interview", "screen", "follow-up-call" }[1]
      local due, when, key, slide = nil, nil, nil, "back"
      if meeting then
        due, when, key = meeting.day, ("at the %s on %s"):format(meeting.kind, meeting.day:short()), "questions|" .. tostring(meeting.day)
      elseif app.stage == "offer" or app.stage == "negotiating" then
        -- After the offer arrived (never before it), on a day open for sending,
        -- and before the day they want an answer.
        local received = ctx:last("offer-received")
        local arrived = received and received.day or app.stageSince or ctx.today
        due, slide, when, key = arrived, "forward", "before you answer the offer", "questions|offer"
        local respond_by
        for _, offer in ipairs(ctx:offers()) do
          if offer.respondBy and (not respond_by or offer.respondBy < respond_by) then respond_by = offer.respondBy end
        end
        if respond_by and respond_by >= arrived and ctx.calendar:adjust(arrived, "forward") > respond_by then
          due, slide = respond_by, "back"
        end
        if respond_by then when = ("before you answer the offer (by %s)"):format(respond_by:short()) end
      else
        return ctx:exit("missing-info: no meeting on the calendar to ask at")
      end
      ctx:propose{
        kind = "questions", channel = "task", due = due, slide = slide, key = key,
        reason = ("rule 12: %d thing%s still unknown; ask %s"):format(#questions, #questions == 1 and " is" or "s are", when),
        draft = drafts.questions{ app = app, questions = questions, candidate = ctx.candidate },
      }
    end,
  }
end
