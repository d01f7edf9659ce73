-- cadence.negotiation: what a negotiation script decides on (the situation:
-- your three numbers, the open offer valued, the rounds so far) and the
-- decision of the script in force, with its words. What `cadence negotiate`
-- prints. The valuation of offers is cadence.valuation's; its names are
-- here too, so that scripts written against this module keep working.
--
--   local negotiation = require "cadence.negotiation"
--   local d = negotiation.decide(cadence.app("initech"))
--   print(d.action, d.rule, d.words.counter)
local cadence = require "cadence"
local check = require("cadence.options").check
local host = require "cadence.host"

-- Lines a person reads, each a line of Cadence's that may quote the user's
-- words (a company, a role, a benefit's name, a talking point): every
-- control in them, a line feed or a tab too, shown as an escape
-- (host.terminal_line), so that no field starts a line of its own.
local function joined(lines)
  local shown = {}
  for i, line in ipairs(lines) do shown[i] = host.terminal_line(line) end
  return table.concat(shown, "\n")
end

local valuation = require "cadence.valuation"

local negotiation = {}

-- The valuation's names, for scripts that reach them through this module.
for name, value in pairs(valuation) do negotiation[name] = value end

--- What a negotiation script decides on: the application, its candidate, the
--- open offer (the latest round) valued, the three numbers (a year), whether
--- time was asked for and the missing items asked about, and today.
function negotiation.situation(app, assumptions)
  local s = { app = app, today = cadence.today() }
  for _, c in ipairs(cadence.candidates()) do if c.id == app.candidate_id then s.candidate = c end end
  local t = cadence.targets(app)
  if t then
    local function yearly(m) return cadence.yearly(m, t.period or "year") end
    s.targets = { bottom = yearly(t.bottom), going = yearly(t.going), top = yearly(t.top), period = "year" }
    s.targets_text = ("bottom %s, going %s, top %s"):format(cadence.money_text(s.targets.bottom),
      cadence.money_text(s.targets.going), cadence.money_text(s.targets.top, "year"))
  end
  local open = negotiation.current(app:offers(), true)
  s.offer = open[#open]
  -- None open: the one answered or gone, so the title can say why (accepted, declined…).
  local standing = negotiation.current(app:offers())
  if not s.offer then s.closed = standing[#standing] end
  if s.offer then
    local a = negotiation.assumptions(assumptions)
    a.currency = s.targets and s.targets.going.currency or s.offer.base.currency
    s.valuation = negotiation.value(s.offer, a)
    s.base_in_target_currency = negotiation.in_currency(s.offer.annual_base, a)
    -- What you did since the offer came: a message or a call (time asked for), a call or a new round (missing items asked).
    local arrived
    local timeline = app:timeline()
    for _, e in ipairs(timeline) do if e.kind == "offer-received" or e.kind == "negotiation-round" then arrived = e.day end end
    for _, e in ipairs(timeline) do
      if arrived and e.day >= arrived then
        if e.kind == "message-sent" or e.kind == "follow-up-call" then s.time_asked = true end
        if e.kind == "follow-up-call" then s.missing_asked = true end
      end
    end
    if s.offer.status == "negotiating" then s.time_asked = true end
    if s.offer.revises then s.missing_asked = true end
  end
  return s
end

-- What kind of question it is, by its words: the salary question, a push for a
-- figure, "the budget is fixed", or another.
local QUESTIONS = {
  { "fixed", { "budget is fixed", "no room", "can't go higher", "cannot go higher", "best we can do", "final offer" } },
  { "push", { "need a number", "ballpark", "give me a number", "a figure", "range", "push", "roughly" } },
  { "salary", { "have in mind", "expect", "salary", "how much", "looking for", "compensation", "what would it take" } },
}

--- Answers one question in the moment (`cadence negotiate APP --question "…"`), by the script's words.
function negotiation.answer(rules, s, question)
  local q = question:lower()
  local kind
  for _, entry in ipairs(QUESTIONS) do
    for _, words in ipairs(entry[2]) do if not kind and q:find(words, 1, true) then kind = entry[1] end end
  end
  local points = rules.talking_points(s)
  if kind == "fixed" then
    return "rule 6: employers have more room on benefits, start date and moving allowance than on base",
      rules.words.counter(s, nil, points, "a moving allowance, the start date and a study budget")
  elseif kind == "push" and s.targets then
    return "rule 4: pushed for a figure, give a range a little above your target", (rules.words.range(s))
  elseif kind == "salary" and s.targets and not s.offer then
    return "rules 2 and 3: don't give the first number; make your case", rules.words.deflect(s, points)
  elseif kind == "salary" and s.offer then
    local d = rules.decide(s)
    return d.rule, d.words.counter or d.words.time or d.words.extension or d.words.call or d.words.decline or d.reason
  end
  return "no rule of the script answers this question", "No prepared answer: " .. question
end

--- The negotiation script in force: the workspace's negotiate.lua, else the standard one.
function negotiation.rules()
  local mine, path = cadence.workspace_script("negotiate.lua")
  if path then return mine end
  return require "negotiation.standard"
end

--- The decision for `app` by the script in force (or `rules`): { action, rule, reason, facts,
--- counter?, points, words }. What `cadence negotiate APP` prints.
function negotiation.decide(app, rules)
  rules = rules or negotiation.rules()
  return rules.decide(negotiation.situation(app, negotiation.load()))
end

--- The counter figure for `app` (minor units of your targets' currency), or nil when the script does not counter.
function negotiation.counter(app, rules)
  return negotiation.decide(app, rules).counter
end

--- Rule 3's talking points for `app`: its needs matched to your strengths by
--- meaning, a sentence for each strength; and, when the script has one
--- (rules.case), the match itself: { pairs = { { need, strength, score, shared } },
--- unanswered, left_out, unknown }.
function negotiation.talking_points(app, rules)
  rules = rules or negotiation.rules()
  local s = negotiation.situation(app, negotiation.load())
  return rules.talking_points(s), rules.case and rules.case(s) or nil
end

--- The words for `app`'s next step, by step name ("deflect", "range", "time", "call", "counter", "decline", "accept").
function negotiation.words(app, rules)
  return negotiation.decide(app, rules).words
end

--- `cadence negotiate`'s call: negotiation.report for the application
--- named `options.app` (an id, company, or company/role).
function negotiation.report_on(options)
  return negotiation.report(cadence.command_app(options.app), options.question)
end

--- `cadence negotiate APP [--question Q]`: the decision of the script in force
--- for `app` and its words, or the answer to `question`: { text, data }.
function negotiation.report(app, question)
  local rules = negotiation.rules()
  local s = negotiation.situation(app, negotiation.load())
  local title = ("%s, %s"):format(app.company, app.role)
    .. (s.offer and (": offer %d (%s)"):format(s.offer.id, cadence.money_text(s.offer.annual_base, "year"))
        or s.closed and (": offer %d %s, none open"):format(s.closed.id, s.closed.status) or ": no offer yet")
  if question then
    local rule, words = negotiation.answer(rules, s, question)
    return { text = joined({ title, "Q: " .. question, "Why: " .. rule }) .. "\nSay: " .. host.terminal_lines(words, "     "),
             data = { question = question, rule = rule, words = words } }
  end
  local d = rules.decide(s)
  local lines = { title, ("Decision: %s"):format(d.action), "Rule: " .. d.rule, "Why: " .. d.reason }
  if #d.facts > 0 then
    lines[#lines + 1] = "Facts:"
    for _, f in ipairs(d.facts) do lines[#lines + 1] = "  - " .. f end
  end
  if #d.points > 0 then
    lines[#lines + 1] = "Talking points (their needs, your strengths):"
    for _, p in ipairs(d.points) do lines[#lines + 1] = "  - " .. p end
  else
    lines[#lines + 1] = "Talking points: none recorded (app edit --need, candidate edit --strength)"
  end
  local steps = {}
  for step in pairs(d.words) do steps[#steps + 1] = step end
  table.sort(steps)
  -- The words are a letter of several lines: each kept, and indented.
  local words = {}
  for _, step in ipairs(steps) do words[#words + 1] = ("Words (%s):\n  %s"):format(host.terminal_line(step), host.terminal_lines(d.words[step], "  ")) end
  -- Whom a letter goes to: the hiring manager, else the recruiter.
  local to
  for _, role in ipairs{ "hiring-manager", "recruiter" } do
    for _, c in ipairs(app:contacts()) do if not to and c.role == role then to = c end end
  end
  local text = joined(lines)
  if #words > 0 then text = text .. "\n" .. table.concat(words, "\n") end
  return { text = text,
           data = { action = d.action, rule = d.rule, reason = d.reason, facts = d.facts, points = d.points,
                    counter = d.counter, words = d.words, answer_on = d.answer_on and tostring(d.answer_on),
                    company = app.company, role = app.role, to = to and to.name, email = to and to.email,
                    from = s.candidate and s.candidate.name, from_email = s.candidate and s.candidate.email } }
end

return negotiation
