-- Rule 12: before an offer, make sure you know the office, hours, location,
-- contract, benefits, salary-increase policy, moving expenses, the community
-- and schools, and the drawbacks. Unknowns become questions for the next
-- contact. What is known: `cadence app edit APP --fact hours="9 to 5"`.
local check = require("cadence.options").check
local cadence = require "cadence"
local drafts = require "cadence.drafts"

-- The topics in order, each with the names a fact about it is recorded
-- under, the words that show a question of yours already asks about it,
-- and the question to ask in the words of the candidate's region (the
-- workspace keeps the list: FactTopic). Asked once per candidate.
local by_candidate = {}
local function topics_for(app)
  -- By candidate: asking the workspace for each application's region would be a query each.
  local id = app.candidate_id or 0
  local topics = by_candidate[id]
  if not topics then
    topics = cadence.fact_topics(app)
    by_candidate[id] = topics
  end
  return topics
end

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
      local stage = app.stage
      if not (cadence.stages.being_assessed[stage] or cadence.stages.with_offer[stage]) then return end
      local facts = app.facts or {}
      local function known(topic)
        local name = topic.name
        if facts[name] then return true end
        for _, alias in ipairs(topic.aliases) do if facts[alias] then return true end end
        if name == "location" and app.location then return true end
        if name == "benefits" or name == "contract" then
          for _, offer in ipairs(ctx:offers()) do
            if name == "benefits" and next(offer.benefits or {}) then return true end
          end
        end
        return false
      end
      local questions = {}
      local mine = table.concat(app.questions or {}, " "):lower()
      for _, q in ipairs(app.questions or {}) do questions[#questions + 1] = q end
      for _, topic in ipairs(topics_for(app)) do
        local covered = false
        for _, w in ipairs(topic.covered_by) do if mine:find(w, 1, true) then covered = true end end
        if (not chosen or chosen[topic.name]) and not covered and not known(topic) then
          questions[#questions + 1] = topic.question
        end
      end
      if #questions == 0 then return ctx:exit("missing-info: everything on the checklist is known") end
      -- Ask at the next meeting; with an offer in hand, before answering it.
      local meeting = ctx:upcoming{ "interview", "screen", "follow-up-call" }[1]
      local due, when, key, slide = nil, nil, nil, "back"
      if meeting then
        due, when, key = meeting.day, ("at the %s on %s"):format(meeting.kind, meeting.day:short()), "questions|" .. tostring(meeting.day)
      elseif cadence.stages.with_offer[stage] then
        -- After the offer arrived (never before it), on a day open for sending,
        -- and before the day they want an answer.
        local received = ctx:last("offer-received")
        local arrived = received and received.day or app.stage_since or ctx.today
        due, slide, when, key = arrived, "forward", "before you answer the offer", "questions|offer"
        local respond_by
        for _, offer in ipairs(ctx:offers()) do
          if offer.respond_by and (not respond_by or offer.respond_by < respond_by) then respond_by = offer.respond_by end
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
