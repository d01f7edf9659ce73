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
local host = require "cadence.host"

local valuation = require "cadence.valuation"
local joined = valuation.joined

local negotiation = {}

-- The valuation's names, for scripts that reach them through this module.
for name, value in pairs(valuation) do negotiation[name] = value end

-- The versions of `offer`, oldest first, by `revises`.
local function chain_of(offer, offers)
  local by_id = {}
  for _, o in ipairs(offers) do by_id[o.id] = o end
  local chain, o = {}, offer
  while o and #chain <= #offers do
    table.insert(chain, 1, o)
    o = o.revises and by_id[o.revises]
  end
  return chain
end

-- "Helen Park", "Helen Park and Sam Lee", or nil.
local function names(list)
  if not list or #list == 0 then return nil end
  if #list == 1 then return list[1] end
  return table.concat(list, ", ", 1, #list - 1) .. " and " .. list[#list]
end

-- The candidate's other applications with a live offer: { company, role,
-- app_id, offer_id, respond_by, would_take, why }. One you would take is at
-- or above its own bottom line; without a bottom line (or a rate to compare
-- by), it is not one to use as leverage.
-- `live`: every live offer as { { app, offer } } when the caller has them (an
-- agenda run reads them once for all applications); else asked here.
local function live_offers()
  local live, by_app = {}, cadence.all_offers()
  for _, other in ipairs(cadence.apps()) do
    for _, o in ipairs(negotiation.current(by_app[other.id] or {}, true)) do live[#live + 1] = { app = other, offer = o } end
  end
  return live
end

-- Whether you would take `o`, the offer of `other`: at or above its own
-- bottom line. Kept on its entry of `live`, which an agenda run shares
-- across all its applications, so each offer is weighed once a run.
local function judged(pair, assumptions)
  if pair.entry then return pair.entry end
  local other, o = pair.app, pair.offer
  local entry = { company = other.company, role = other.role, app_id = other.id, offer_id = o.id, respond_by = o.respond_by }
  local t = cadence.targets(other)
  if not t then
    entry.would_take, entry.why = false, "no bottom line recorded for it"
  else
    local bottom = cadence.yearly(t.bottom, t.period or "year")
    local a = negotiation.assumptions(assumptions)
    a.currency = bottom.currency
    local ok, base = pcall(negotiation.in_currency, o.annual_base, a)
    if not ok then
      entry.would_take, entry.why = false, ("no rate from %s to %s to compare it by"):format(o.annual_base.currency, bottom.currency)
    elseif base >= bottom.minorUnits then
      entry.would_take, entry.why = true, ("at or above its bottom line of %s"):format(cadence.money_text(bottom))
    else
      entry.would_take, entry.why = false, ("below its bottom line of %s"):format(cadence.money_text(bottom))
    end
  end
  pair.entry = entry
  return entry
end

local function other_offers(app, assumptions, today, live)
  local others = {}
  for _, pair in ipairs(live or live_offers()) do
    local other, o = pair.app, pair.offer
    -- The same candidate's other applications; as of a day gone by, an offer that came later was not there yet.
    if other.id ~= app.id and other.candidate_id == app.candidate_id and not (o.came and o.came > today) then
      others[#others + 1] = judged(pair, assumptions)
    end
  end
  return others
end

--- The day (and hour) you agreed to answer the open offer on, and to whom:
--- the latest message-sent of kind ask-for-time with a due day, sent since
--- the offer (or its last round) arrived: { day, time = "10:00" or nil,
--- to = the person asked or nil, asked_on = the day you asked }, or nil.
--- The agenda's answer-offer item and the decision's words read this one record.
function negotiation.time_agreed(app, timeline)
  timeline = timeline or app:timeline()
  local arrived, agreed
  for _, e in ipairs(timeline) do if e.kind == "offer-received" or e.kind == "negotiation-round" then arrived = e.day end end
  for _, e in ipairs(timeline) do
    if e.kind == "message-sent" and e.message_kind == "ask-for-time" and e.due and (not arrived or e.day >= arrived) then
      agreed = { day = e.due, time = e.due_time, to = names(e.with), asked_on = e.day }
    end
  end
  return agreed
end

--- What a negotiation script decides on: the application, its candidate, the
--- open offer (the latest round) valued, the three numbers (a year), and today;
--- the rounds so far (`rounds`: each version, what came, what you asked in
--- answer, and when), `asked_before` (the highest you asked), `awaiting` (what
--- you asked in answer to the latest version, their reply not recorded yet),
--- `final` (they said the latest is final), whether time was asked for
--- (`time_asked`) and the day and hour agreed (`time_agreed`: negotiation.time_agreed),
--- whether the missing items were asked about, and your other live offers
--- (`others`, with their dates and whether you would take them).
--- `known.live_offers`, when given, is every live offer of the search as
--- { { app, offer } } (an agenda run has them read already).
function negotiation.situation(app, assumptions, known)
  local s = { app = app, today = cadence.today(), rounds = {}, others = {} }
  for _, c in ipairs(cadence.candidates()) do if c.id == app.candidate_id then s.candidate = c end end
  local t = cadence.targets(app)
  if t then
    local function yearly(m) return cadence.yearly(m, t.period or "year") end
    s.targets = { bottom = yearly(t.bottom), going = yearly(t.going), top = yearly(t.top), period = "year" }
    s.targets_text = ("bottom %s, going %s, top %s"):format(cadence.money_text(s.targets.bottom),
      cadence.money_text(s.targets.going), cadence.money_text(s.targets.top, "year"))
  end
  local offers = app:offers()
  local open = negotiation.current(offers, true)
  s.offer = open[#open]
  -- None open: the one answered or gone, so the title can say why (accepted, declined…).
  local standing = negotiation.current(offers)
  if not s.offer then s.closed = standing[#standing] end
  if s.offer then
    local a = negotiation.assumptions(assumptions)
    a.currency = s.targets and s.targets.going.currency or s.offer.base.currency
    s.valuation = negotiation.value(s.offer, a)
    s.base_in_target_currency = negotiation.in_currency(s.offer.annual_base, a)
    s.final = s.offer.final == true
    -- An offer in another currency: your rate, to say a figure of yours in theirs.
    if s.offer.base.currency ~= a.currency then
      s.rate = { offer = 100000000, target = negotiation.in_currency({ minorUnits = 100000000, currency = s.offer.base.currency }, a) }
    end
    local timeline = app:timeline()
    for i, o in ipairs(chain_of(s.offer, offers)) do
      local r = { round = i, id = o.id, base = o.annual_base, base_in = negotiation.in_currency(o.annual_base, a),
                  came = o.came, final = o.final == true, asked = o.asked, asked_on = o.asked and o.asked_on }
      if o.asked then
        r.asked_in = negotiation.in_currency(o.asked, a)
        if not s.asked_before or r.asked_in > s.asked_before then s.asked_before = r.asked_in end
      end
      s.rounds[i] = r
    end
    local latest = s.rounds[#s.rounds]
    if latest.asked_in then s.awaiting, s.awaiting_on = latest.asked_in, latest.asked_on end
    -- What you did since the offer came: a message or a call (time asked for), a call or a new round (missing items asked).
    local arrived = latest.came
    if not arrived then
      for _, e in ipairs(timeline) do if e.kind == "offer-received" or e.kind == "negotiation-round" then arrived = e.day end end
    end
    for _, e in ipairs(timeline) do
      if arrived and e.day >= arrived then
        if e.kind == "message-sent" or e.kind == "follow-up-call" then s.time_asked = true end
        if e.kind == "follow-up-call" then s.missing_asked = true end
      end
    end
    s.time_agreed = negotiation.time_agreed(app, timeline)
    if s.offer.status == "negotiating" then s.time_asked = true end
    if s.offer.revises then s.missing_asked = true end
  end
  s.others = other_offers(app, assumptions, s.today, known and known.live_offers)
  return s
end

--- Answers one question in the moment (`cadence negotiate APP --question "…"`): the rule, the words, the
--- kind of question and its label. negotiation.questions reads the question by what it means and holds each kind's answer;
--- a negotiate.lua's `rules.answers.KIND = function(s, rules, question)` replaces one.
function negotiation.answer(rules, s, question)
  if type(question) ~= "string" or not question:find("%S") then
    error("--question is empty: write the question as it was asked, such as --question \"what did you have in mind?\"", 0)
  end
  return require("negotiation.questions").answer(rules, s, question)
end

--- The negotiation script in force: the workspace's negotiate.lua, else the standard one.
-- The standard script's settings by type, taken before a negotiate.lua of
-- one's own can change them (it may start from the standard table itself).
-- Taken on first use, not at load: an installed policy's worker loads this
-- module (through the answer-offer policy) but may not load negotiation.*.
local standard_types

function negotiation.rules()
  local standard = require "negotiation.standard"
  if not standard_types then
    standard_types = {}
    for name, value in pairs(standard) do standard_types[name] = type(value) end
  end
  local mine, path = cadence.workspace_script("negotiate.lua")
  negotiation.rules_path = path     -- whose decisions `checked` names
  if not path then return standard end
  -- A script of one's own is checked against the standard one's shape, so that
  -- a slip says which setting is wrong in which file, not "attempt to call a number".
  if type(mine) ~= "table" then
    error(("%s: returns the rules (a table, as Scripts/negotiation/standard.lua does), not %s"):format(path, type(mine)), 0)
  end
  if type(mine.decide) ~= "function" then
    error(("%s: rules.decide is a function(s) returning the decision, not %s"):format(path, type(mine.decide)), 0)
  end
  for name, kind in pairs(standard_types) do
    local theirs = mine[name]
    if theirs ~= nil and type(theirs) ~= kind then
      error(("%s: rules.%s is a %s, as in the standard script, not a %s%s"):format(path, name, kind, type(theirs),
        type(theirs) == "string" and (" (%q)"):format(theirs) or ""), 0)
    end
  end
  return mine
end

-- A decision as the commands print it, checked: a script of one's own that
-- returns something else is told which field, in its own file's name.
local function checked(d)
  local who = (negotiation.rules_path or "negotiate.lua") .. ": rules.decide"
  local function fail(what) error(("%s returned a decision whose %s"):format(who, what), 0) end
  if type(d) ~= "table" then error(("%s returns a decision (a table), not %s"):format(who, type(d)), 0) end
  for _, field in ipairs{ "action", "rule", "reason" } do
    if type(d[field]) ~= "string" then fail(("%s is %s, not text"):format(field, type(d[field]))) end
  end
  d.facts, d.points, d.words = d.facts or {}, d.points or {}, d.words or {}
  for _, field in ipairs{ "facts", "points" } do
    if type(d[field]) ~= "table" then fail(("%s is %s, not a list of sentences"):format(field, type(d[field]))) end
    for i, line in ipairs(d[field]) do
      if type(line) ~= "string" then fail(("%s[%d] is %s, not text"):format(field, i, type(line))) end
    end
  end
  if type(d.words) ~= "table" then fail(("words is %s, not a table of texts by step"):format(type(d.words))) end
  for step, text in pairs(d.words) do
    if type(step) ~= "string" or type(text) ~= "string" then
      fail(("words[%s] is %s, not text"):format(tostring(step), type(text)))
    end
  end
  if d.counter ~= nil and math.type(d.counter) ~= "integer" then
    fail(("counter is %s, not whole minor units"):format(tostring(d.counter)))
  end
  return d
end

--- The decision for `app` by the script in force (or `rules`): { action, rule, reason, facts,
--- counter?, points, words }. What `cadence negotiate APP` prints.
function negotiation.decide(app, rules)
  rules = rules or negotiation.rules()
  return checked(rules.decide(negotiation.situation(app, (negotiation.load()))))
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
    local rule, words, kind, label = negotiation.answer(rules, s, question)
    return { text = joined({ title, "Q: " .. question, "Kind: " .. label, "Why: " .. rule })
               .. "\nSay: " .. host.terminal_lines(words, "     "),
             data = { question = question, kind = kind, rule = rule, words = words } }
  end
  local d = checked(rules.decide(s))
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
  -- Whom a letter goes to: the person you agreed to answer, else the hiring manager, else the recruiter.
  local to
  local agreed = s.time_agreed and s.time_agreed.to and s.time_agreed.to:lower()
  for _, c in ipairs(app:contacts()) do if agreed and not to and c.name:lower() == agreed then to = c end end
  for _, role in ipairs{ "hiring-manager", "recruiter" } do
    for _, c in ipairs(app:contacts()) do if not to and c.role == role then to = c end end
  end
  local text = joined(lines)
  if #words > 0 then text = text .. "\n" .. table.concat(words, "\n") end
  return { text = text, data = negotiation.data(s, d, to) }
end

-- A day as JSON has it: "2026-03-02", or nil.
local function iso(day) return day and tostring(day) or nil end

--- The decision as `cadence negotiate --json` gives it (every field is in the
--- README's negotiate section): amounts are minor units a year of your
--- targets' currency, days "YYYY-MM-DD".
function negotiation.data(s, d, to)
  local rounds = {}
  for i, r in ipairs(s.rounds or {}) do
    rounds[i] = { round = r.round, offer = r.id, base = r.base_in, came = iso(r.came), asked = r.asked_in,
                  asked_on = iso(r.asked_on), final = r.final }
  end
  local others = {}
  for i, o in ipairs(s.others or {}) do
    others[i] = { company = o.company, role = o.role, offer = o.offer_id, respond_by = iso(o.respond_by),
                  would_take = o.would_take, why = o.why }
  end
  local agreed = s.time_agreed
  return { action = d.action, rule = d.rule, reason = d.reason, facts = d.facts, points = d.points,
           counter = d.counter, words = d.words, answer_on = iso(d.answer_on), next_action = d.next_action,
           currency = s.targets and s.targets.going.currency, walk_away = d.walk_away, plan = d.plan, levers = d.levers,
           missing = d.missing, rounds = rounds, asked_before = s.asked_before, final = s.final or false,
           time_agreed = agreed and { day = iso(agreed.day), time = agreed.time, to = agreed.to },
           others = others,
           company = s.app.company, role = s.app.role, to = to and to.name, email = to and to.email,
           from = s.candidate and s.candidate.name, from_email = s.candidate and s.candidate.email }
end

return negotiation
