-- The case (the negotiation practice, rule 3): each need they named in the
-- interviews paired with the strength of yours that answers it, by what the
-- two say rather than by where they stand in their lists. Words are
-- normalised (case, punctuation, simple stems: "scaling", "scaled" and
-- "scale" are one word) and a small table of job-search vocabulary joins
-- words that mean the same thing there ("reporting" and "dashboards",
-- "on-call" and "incidents", "scale" and "grew"). The strength with the most
-- in common answers a need; one strength may answer several; a need that none
-- answers is said, never dropped and never paired with whatever comes next.
-- The order of either list changes nothing.
--
--   local case = require "negotiation.case"
--   local m = case.match(app.needs, candidate.strengths, { ["on-call load"] = "reduced incidents by 40%" })
--   for _, point in ipairs(case.points(m)) do print(point) end

local case = {}

-- Words that say nothing about what a need or a strength is about.
local STOP = {}
for w in ([[a an the of for to and or in on at by with from into onto over under as is are was were be been being
  it its this that these those their them they our us we you your my me i mine his her he she there here than then
  so very really more most less least much many some any all each every both about across around through via
  per up down out off also just only still yet not no can could would should will shall may might must do does did
  have has had get got make makes need needs needed want wants wanted help helps helped someone somebody who what
  which when where why how new better good great strong lot lots able ability experience experienced]]):gmatch("%S+") do
  STOP[w] = true
end

-- Words that are about something, but about too many things to pair a need
-- with a strength alone ("team"; "improve", which any need and strength may
-- say): they count a little. Kept as stems, filled in below.
local WEAK_WORDS = [[team work project system company business role job process group org organisation organization
  thing area part improve increase reduce decrease lower raise build create drive own run handle deal]]
local WEAK = {}

-- Past tenses that do not end in -ed, to their present: a strength is often
-- said as what you did ("grew the team", "built dashboards", "led").
local IRREGULAR = {
  grew = "grow", grown = "grow", built = "build", rebuilt = "rebuild", led = "lead", ran = "run", made = "make",
  wrote = "write", written = "write", took = "take", taken = "take", drove = "drive", driven = "drive", won = "win",
  brought = "bring", sold = "sell", taught = "teach", spun = "spin", began = "begin", begun = "begin", kept = "keep",
  cut = "cut", set = "set", shrank = "shrink", bought = "buy", found = "find", founded = "found", held = "hold",
  overhauled = "overhaul", saw = "see", oversaw = "oversee", overseen = "oversee", undertook = "undertake",
  stood = "stand", rode = "ride", sped = "speed", fought = "fight", thought = "think", split = "split",
}

-- Said as one word wherever it is written as two (as whole words): matched before the words are split.
local PHRASES = {
  { "on[%s%-]*call", "oncall" }, { "month[%s%-]*end", "monthend" }, { "head[%s%-]*count", "headcount" },
  { "power[%s%-]*bi", "powerbi" }, { "ci[%s/%-]*cd", "cicd" }, { "machine[%s%-]+learning", "ml" },
  { "time[%s%-]+to[%s%-]+market", "timetomarket" }, { "follow[%s%-]+the[%s%-]+sun", "oncall" },
  { "post[%s%-]*mortem", "postmortem" }, { "cross[%s%-]*functional", "crossfunctional" }, { "e[%s%-]*commerce", "ecommerce" },
  { "soc[%s%-]*2", "soc2" }, { "iso[%s%-]*27001", "iso27001" }, { "a/b", "abtest" },
}

-- The words joined above, as a person writes them.
local SAID = { oncall = "on-call", monthend = "month-end", headcount = "headcount", powerbi = "Power BI", cicd = "CI/CD",
               timetomarket = "time to market", crossfunctional = "cross-functional", soc2 = "SOC 2", iso27001 = "ISO 27001",
               abtest = "A/B tests" }

-- Stems: "scaling", "scaled", "scales" and "scale" are all "scal"; "grew" is "grow".
local SUFFIXES = { "isations", "izations", "isation", "ization", "ations", "ation", "ments", "ment", "ings", "ing",
                   "ship", "ers", "er", "ies", "ied", "es", "ed", "al", "ly", "s" }

--- The stem of a lower-case word.
function case.stem(word)
  word = IRREGULAR[word] or word
  if #word <= 3 then return word end
  for _, suffix in ipairs(SUFFIXES) do
    if #word - #suffix >= 3 and word:sub(-#suffix) == suffix and not (suffix == "s" and word:sub(-2) == "ss") then
      word = word:sub(1, -#suffix - 1)
      if suffix == "ies" or suffix == "ied" then word = word .. "y" end
      break
    end
  end
  if #word > 3 and word:sub(-1) == "e" then word = word:sub(1, -2) end
  -- "shipp" from "shipped", "runn" from "running": one of a doubled last consonant.
  local last = word:sub(-1)
  if #word > 3 and last == word:sub(-2, -2) and last:match("[bdfgkmnprt]") then word = word:sub(1, -2) end
  return word
end

for w in WEAK_WORDS:gmatch("%S+") do WEAK[case.stem(w)] = true end

-- What words mean in a job search: each topic, the words that speak of it.
-- A need and a strength that speak of the same topic answer each other
-- ("scale the payments team" and "grew a team from 4 to 12": growing a team).
case.TOPICS = {
  ["growing a team"] = "scale scaling grow expand hire hiring recruit recruiting headcount double triple onboard staff "
    .. "staffing talent interview interviewing",
  ["reporting"] = "report reporting dashboard analytics analytic metric kpi insight visualisation visualization tableau "
    .. "powerbi looker bi sql chart excel spreadsheet",
  ["reliability"] = "oncall incident outage reliability reliable uptime pager pagerduty sre alert alerting downtime stability "
    .. "stable postmortem availability resilience resilient firefighting escalation monitoring observability sla slo",
  ["delivery"] = "deliver delivery ship release deploy deployment velocity cicd sprint agile deadline launch timetomarket "
    .. "roadmap cadence throughput",
  ["automation"] = "automate automation manual script scripting workflow toil streamline efficiency efficient tooling",
  ["cost"] = "cost costs spend spending budget saving savings save expense cheaper margin waste",
  ["the platform"] = "migrate migration cloud aws gcp azure legacy modernise modernize replatform kubernetes infrastructure "
    .. "platform architecture microservice monolith",
  ["people"] = "mentor mentoring coach coaching manage manager management people career retention retain attrition morale "
    .. "culture engagement lead leadership turnover develop development wellbeing burnout",
  ["customers"] = "customer client user churn satisfaction nps support complaint experience ux onboarding",
  ["revenue"] = "revenue sales sell deal arr mrr conversion pricing monetise monetize upsell commercial pipeline",
  ["security"] = "security secure compliance compliant audit gdpr soc2 pci risk vulnerability penetration privacy "
    .. "regulation regulatory governance certification certified iso27001 threat",
  ["quality"] = "quality test testing bug defect regression qa coverage review error errors",
  ["speed"] = "latency performance slow fast faster speed throughput optimise optimize quicker turnaround hours days week",
  ["data"] = "data pipeline etl elt warehouse lake dbt spark airflow ingestion modelling modeling database",
  ["machine learning"] = "ml ai model models prediction predict forecast forecasting recommendation",
  ["stakeholders"] = "stakeholder board executive executives communicate communication present presentation alignment "
    .. "crossfunctional exec",
  ["finance"] = "payment payments billing checkout invoice invoicing transaction finance financial accounting monthend "
    .. "close ledger reconciliation fintech",
  ["the product"] = "product roadmap feature discovery prioritise prioritize strategy vision",
}

-- Topics that are a field rather than something you do ("payments" and
-- "finance" are one field): sharing one says less than sharing a thing done.
case.FIELDS = { ["finance"] = true, ["the product"] = true }

-- Each stem, the topics it speaks of.
local TOPIC_OF = {}
for topic, words in pairs(case.TOPICS) do
  for w in words:gmatch("[%w]+") do
    local s = case.stem(w)
    TOPIC_OF[s] = TOPIC_OF[s] or {}
    TOPIC_OF[s][topic] = true
  end
end

--- `text` as one line of plain words (cadence.plain): what a need or a
--- strength says, with nothing that could end a line or turn text around.
case.plain = require "cadence.plain"

-- The words of `text` that say something, each { surface, stem, weight }:
-- 3 for a word, 1 for a weak one; stop words and numbers left out.
local function words_of(text)
  local lower = case.plain(text):lower()
  for _, p in ipairs(PHRASES) do lower = lower:gsub("%f[%w]" .. p[1] .. "%f[^%w]", p[2]) end
  local out, seen = {}, {}
  for w in lower:gmatch("[%w\128-\255']+") do
    w = w:gsub("'s$", ""):gsub("'", "")
    if not STOP[w] and not w:match("^%d+$") and #w > 1 then
      local s = case.stem(w)
      if not seen[s] then
        seen[s] = true
        out[#out + 1] = { surface = w, stem = s, weight = WEAK[s] and 1 or 3 }
      end
    end
  end
  return out
end

--- How much `need` and `strength` have in common: a score (3 for each word
--- they share, 1 for a weak one such as "team", 2 for each topic both speak
--- of, 1.5 for a field) and what they share, words first, then topics, each once.
function case.score(need, strength)
  local nw, sw = words_of(need), words_of(strength)
  local score, shared = 0, {}
  local stems, topics_s = {}, {}
  for _, w in ipairs(sw) do
    stems[w.stem] = true
    for topic in pairs(TOPIC_OF[w.stem] or {}) do topics_s[topic] = true end
  end
  local topics_n = {}
  for _, w in ipairs(nw) do
    if stems[w.stem] then score = score + w.weight; shared[#shared + 1] = SAID[w.surface] or w.surface end
    for topic in pairs(TOPIC_OF[w.stem] or {}) do topics_n[topic] = true end
  end
  local both = {}
  for topic in pairs(topics_n) do if topics_s[topic] then both[#both + 1] = topic end end
  table.sort(both)
  local said = {}
  for _, word in ipairs(shared) do said[word] = true end
  for _, topic in ipairs(both) do
    score = score + (case.FIELDS[topic] and 1.5 or 2)
    if not said[topic] then shared[#shared + 1] = topic end
  end
  return score, shared
end

--- The least score at which a strength answers a need: a word in common, a
--- topic or a field; a weak word alone ("team") is not enough.
case.least_score = 1.5

-- The key two texts are compared by: the same need typed twice, or in
-- another case, is one need.
local function key(text) return case.plain(text):lower() end

-- A list of texts: each once, empty ones left out, in a fixed order (by key) so
-- that the order they were recorded in decides nothing.
local function distinct(list)
  local all, out, seen = {}, {}, {}
  for _, item in ipairs(list or {}) do
    local text = case.plain(item)
    if text ~= "" then all[#all + 1] = text end
  end
  table.sort(all, function(a, b) if key(a) ~= key(b) then return key(a) < key(b) end return a < b end)
  for _, text in ipairs(all) do
    if not seen[key(text)] then seen[key(text)] = true; out[#out + 1] = text end
  end
  return out
end

--- The case for `needs` and `strengths` (lists of text), with `chosen`, the
--- pairs a person set (need → strength, or false to leave a need unsaid;
--- rules.pairs in negotiate.lua), over the match:
---   { pairs = { { need, strength, score, shared = { … }, chosen = true? }, … },  -- best first
---     unanswered = { need, … }, left_out = { need, … }, unknown = { need named in `chosen` but not recorded, … } }
function case.match(needs, strengths, chosen)
  chosen = chosen or {}
  if type(chosen) ~= "table" then error("rules.pairs is a table of need = strength, not " .. type(chosen), 0) end
  local by_key = {}
  for need, strength in pairs(chosen) do
    if type(need) ~= "string" or not (type(strength) == "string" or strength == false) then
      error(("rules.pairs: each pair is [\"a need\"] = \"the strength that answers it\" (or false to leave the need out), not [%s] = %s")
        :format(type(need) == "string" and ("%q"):format(case.plain(need)) or type(need), type(strength)), 0)
    end
    by_key[key(need)] = { need = need, strength = strength }
  end
  local m = { pairs = {}, unanswered = {}, left_out = {}, unknown = {} }
  local recorded = distinct(strengths)
  local named = {}
  for _, need in ipairs(distinct(needs)) do
    named[key(need)] = true
    local set = by_key[key(need)]
    if set and set.strength == false then
      m.left_out[#m.left_out + 1] = need
    elseif set and case.plain(set.strength) ~= "" then
      m.pairs[#m.pairs + 1] = { need = need, strength = case.plain(set.strength), score = math.huge, shared = {}, chosen = true }
    else
      local best, best_score, best_shared = nil, 0, nil
      for _, strength in ipairs(recorded) do   -- in a fixed order: the first of equals wins, whatever the recorded order
        local score, shared = case.score(need, strength)
        if score > best_score then best, best_score, best_shared = strength, score, shared end
      end
      if best and best_score >= case.least_score then
        m.pairs[#m.pairs + 1] = { need = need, strength = best, score = best_score, shared = best_shared }
      else
        m.unanswered[#m.unanswered + 1] = need
      end
    end
  end
  for k, set in pairs(by_key) do if not named[k] then m.unknown[#m.unknown + 1] = case.plain(set.need) end end
  table.sort(m.unknown)
  -- Best first: a pair you chose, then the most in common; equals by the need's words.
  table.sort(m.pairs, function(a, b)
    if a.score ~= b.score then return a.score > b.score end
    return key(a.need) < key(b.need) or key(a.need) == key(b.need) and a.need < b.need
  end)
  return m
end

-- "Scaling the payments team" mid-sentence is "scaling the payments team",
-- "Grew the team" is "grew the team"; a word that may be a name ("SQL",
-- "Python", "Kubernetes") keeps its capital.
local function mid_sentence(text)
  text = text:gsub("[%.;,:!]+$", "")
  local word = text:match("^%u%l+%f[^%a]")
  if word then
    local w = word:lower()
    if STOP[w] or IRREGULAR[w] or w:match("ing$") or w:match("ed$") then return w .. text:sub(#word + 1) end
  end
  return text
end

-- "a, b and c".
local function listed(items)
  if #items <= 1 then return items[1] or "" end
  return table.concat(items, ", ", 1, #items - 1) .. " and " .. items[#items]
end

--- Whether a strength is said as something you did ("grew the team from 4
--- to 12", "built dashboards", "reduced incidents"): it then follows "I".
function case.is_deed(strength)
  local first = strength:match("^[Ii] (%a+)") or strength:match("^(%a+)")
  if not first then return false end
  first = first:lower()
  return (IRREGULAR[first] ~= nil and IRREGULAR[first] ~= first) or (#first > 4 and first:sub(-2) == "ed")
    or first == "led" or first == "cut" or first == "set" or first == "ran"
end

--- The sentence for `needs` (a list) answered by one `strength`:
---   "You mentioned scaling the payments team; I grew the platform team from 4 to 12 and can do the same for you."
---   "You mentioned month-end reporting; I can help with that through SQL reporting."
---   "You mentioned reporting that takes a week; I can help with that by turning monthly reporting into dashboards."
function case.sentence(needs, strength)
  local said = {}
  for i, need in ipairs(needs) do said[i] = mid_sentence(case.plain(need)) end
  strength = case.plain(strength)
  if case.is_deed(strength) then
    local deed = mid_sentence((strength:gsub("^[Ii] ", "")))
    return ("You mentioned %s; I %s and can do the same for you."):format(listed(said), deed)
  end
  local which = #needs == 1 and "that" or (#needs == 2 and "both" or "each of them")
  -- "turning reporting into dashboards" is how: "by"; "SQL reporting" is what: "through".
  local how = strength:match("^%a+ing%f[^%a]") and "by" or "through"
  return ("You mentioned %s; I can help with %s %s %s."):format(listed(said), which, how, mid_sentence(strength))
end

--- The talking points of a match: one sentence for each strength, with every
--- need it answers, best first.
function case.points(m)
  local order, needs_of = {}, {}
  for _, p in ipairs(m.pairs) do
    local k = key(p.strength)
    if not needs_of[k] then needs_of[k] = { strength = p.strength }; order[#order + 1] = k end
    table.insert(needs_of[k], p.need)
  end
  local points = {}
  for _, k in ipairs(order) do points[#points + 1] = case.sentence(needs_of[k], needs_of[k].strength) end
  return points
end

--- The facts of a match, as a negotiation prints them: each pair and why,
--- each need no strength answers, each pair set for a need not recorded.
function case.facts(m)
  local facts = {}
  for _, p in ipairs(m.pairs) do
    facts[#facts + 1] = ("the case: %q answered by %q (%s)"):format(p.need, p.strength,
      p.chosen and "your pair, rules.pairs" or ("in common: " .. table.concat(p.shared, ", ")))
  end
  for _, need in ipairs(m.unanswered) do
    facts[#facts + 1] = ("a need to address: %s, no strength recorded answers it (add one with candidate edit --strength, "
      .. "or pair it in negotiate.lua: rules.pairs)"):format(need)
  end
  for _, need in ipairs(m.left_out) do
    facts[#facts + 1] = ("a need left unsaid, as rules.pairs asks: %s"):format(need)
  end
  for _, need in ipairs(m.unknown) do
    facts[#facts + 1] = ("rules.pairs names a need not recorded for this application: %s (app edit --need)"):format(need)
  end
  return facts
end

return case
