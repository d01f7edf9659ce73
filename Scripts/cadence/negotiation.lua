-- cadence.negotiation: an offer valued year by year, every component priced
-- and every assumption stated (negotiation practice, rule 6: look at the
-- whole package; a strong package can outweigh a smaller salary).
--
--   local negotiation = require "cadence.negotiation"
--   local assumptions = negotiation.load()              -- your negotiation.lua, over the defaults
--   local v = negotiation.value(cadence.app("initech"):offers()[1], assumptions)
--   print(negotiation.render(v))
--
-- Money is exact: integers of minor units (pence, cents), never floats.
-- The figures the domain works out (base a year, the bonus in money, what
-- equity vests each year) come with the offer; this file only adds them up.
-- Shares of an amount (percentages, a day of a year, a rate) and the words
-- for an amount are the domain's too: cadence.percent_of, share_of, money_text.
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

local negotiation = {}

--- What a valuation assumes unless your workspace's negotiation.lua says otherwise:
---   return { assumptions = { commute_day = "12 GBP", rates = { USD = "0.79" } } }
negotiation.defaults = {
  working_days = 260,       -- a holiday day is worth base / 260
  target_bonus_paid = 100,  -- percent of a target (not guaranteed) bonus counted
  health_cover = nil,       -- what health cover is worth a year where the offer puts no figure on it ("1200 GBP")
  commute_day = nil,        -- what a day in the office costs you ("12 GBP"): travel, lunch
  office_weeks = 46,        -- weeks a year in the office
  years = 4,                -- years to value: the usual vesting
  currency = nil,           -- the currency to value in (default: the offer's)
  rates = {},               -- { USD = "0.79" }: one USD is 0.79 of that currency
}

local SPEC = { working_days = { "integer", 200, 366 }, target_bonus_paid = { "integer", 0, 100 }, health_cover = "text",
               commute_day = "text", office_weeks = { "integer", 0, 52 }, years = { "integer", 1, 10 },
               currency = "text", rates = "table" }

-- What negotiation.lua may hold besides assumptions: criteria of your own, and how to score them.
local SETTINGS = { assumptions = "table", weights = "table", score = "function" }

--- The assumptions: `options` (or the workspace's negotiation.lua) over the defaults.
function negotiation.assumptions(options)
  options = check("negotiation assumptions", options, SPEC)
  local a = {}
  for k, v in pairs(negotiation.defaults) do a[k] = v end
  for k, v in pairs(options) do a[k] = v end
  return a
end

--- The workspace's negotiation.lua (or `path`): its assumptions over the defaults, and its
--- settings (weights, score) as a second result. Without the file, the defaults.
function negotiation.load(path)
  local settings
  if path then settings = cadence.script(path) else settings = cadence.workspace_script("negotiation.lua") end
  settings = check("negotiation.lua", settings or {}, SETTINGS)
  return negotiation.assumptions(settings.assumptions), settings
end

--- The offers that stand: each the latest round (no later offer revises it),
--- and only those still open (received or negotiating) when `open` is set.
function negotiation.current(offers, open)
  local superseded, current = {}, {}
  for _, o in ipairs(offers) do if o.revises then superseded[o.revises] = true end end
  for _, o in ipairs(offers) do
    if not superseded[o.id] and (not open or o.status == "received" or o.status == "negotiating") then
      current[#current + 1] = o
    end
  end
  return current
end

-- A rate written as a decimal ("0.79") as a fraction, so conversion stays exact.
local function fraction(text)
  local whole, decimals = tostring(text):match("^(%d+)%.?(%d*)$")
  if not whole then error(("a rate is a decimal such as \"0.79\", not %q"):format(tostring(text)), 0) end
  local den = 1
  for _ = 1, #decimals do den = den * 10 end
  return math.tointeger(tonumber(whole .. decimals)), den
end

-- `money` in the currency of the valuation, by the rate the assumptions give.
local function convert(money, a, used)
  if money.currency == a.currency then return money.minorUnits end
  local rate = a.rates[money.currency]
  if not rate then
    error(("no rate from %s to %s: add rates = { %s = \"…\" } to your negotiation.lua (one %s in %s)")
      :format(money.currency, a.currency, money.currency, money.currency, a.currency), 0)
  end
  local num, den = fraction(rate)
  used[money.currency] = ("1 %s = %s %s (your rate)"):format(money.currency, rate, a.currency)
  return cadence.share_of(money.minorUnits, num, den)
end

--- `money` as minor units of the valuation's currency (the assumptions'), by your rates.
function negotiation.in_currency(money, assumptions)
  return convert(money, assumptions, {})
end

--- The offer valued year by year: { currency, years = n, rows = { { name, how, amounts = { y1, y2, … } } },
--- totals = { … }, average, assumptions = { "a holiday day is worth …", … } }.
-- The words of the offer's candidate's region for leave and retirement
-- (PTO and 401(k) match in the US; holiday and pension in Britain), else those.
local function benefit_words(offer)
  local b = {}
  if offer.application_id then
    local region = cadence.region(cadence.app(offer.application_id))
    b = region and region.benefits or {}
  end
  return { leave = b.paid_leave or "holiday", retirement = b.retirement or "pension" }
end

function negotiation.value(offer, assumptions)
  local a = negotiation.assumptions(assumptions)
  local said = benefit_words(offer)
  a.currency = a.currency or offer.base.currency
  local used, rows, stated = {}, {}, {}
  local function money(value) return cadence.money(value, offer.base.currency) end
  local function row(name, how, amount, years)
    local amounts = {}
    for y = 1, a.years do amounts[y] = (years == nil or years[y]) and amount or 0 end
    rows[#rows + 1] = { name = name, how = how, amounts = amounts }
  end
  local every = nil
  local first = { true }
  local base = convert(offer.annual_base, a, used)
  row("base", cadence.money_text(offer.annual_base, "year"), base, every)

  if offer.bonus_amount then
    local share = offer.bonus_guaranteed and 100 or a.target_bonus_paid
    local how = offer.bonus_percent and (cadence.percent_text(offer.bonus_percent) .. " of base") or "stated"
    row("bonus", how .. (offer.bonus_guaranteed and ", guaranteed" or (", a target counted at %s"):format(cadence.percent_text(share))),
        cadence.percent_of(convert(offer.bonus_amount, a, used), share), every)
    if not offer.bonus_guaranteed then stated[#stated + 1] = ("a target bonus is counted at %s of itself"):format(cadence.percent_text(share)) end
  end
  if offer.sign_on then
    row("sign-on", "year 1 only" .. (offer.clawback_months and (", repaid if you leave within %d months")
        :format(offer.clawback_months) or ""), convert(offer.sign_on, a, used), first)
  end
  if offer.equity_by_year then
    local amounts = {}
    for y = 1, a.years do
      amounts[y] = convert({ minorUnits = offer.equity_by_year[y] or 0, currency = offer.equity_currency }, a, used)
    end
    local g = offer.grant
    local what = g.kind == "options" and ("options: %d × (%s assumed − %s strike)"):format(g.shares,
      cadence.money_text(g.valuePerShare), cadence.money_text(g.strike)) or "RSUs"
    rows[#rows + 1] = { name = "equity", amounts = amounts,
                        how = ("%s vesting over %d years, %d-month cliff"):format(what, g.vestingMonths // 12, g.cliffMonths) }
    if g.kind == "options" then stated[#stated + 1] = "options are worth the value per share you assume, less the strike" end
  end
  if offer.refresher then
    local yearly = convert(offer.refresher, a, used)
    local amounts = {}
    -- Each year's refresher vests over four years: by year y, y - 1 grants are vesting a quarter each.
    for y = 1, a.years do amounts[y] = cadence.share_of(yearly, math.min(y - 1, 4), 4) end
    rows[#rows + 1] = { name = "refreshers", how = cadence.money_text(offer.refresher) .. " granted a year from year 2, each vesting over 4 years",
                        amounts = amounts }
  end
  local b = offer.benefit_values or {}
  if b.holidayDays then
    row(said.leave, ("%d days × base / %d"):format(b.holidayDays, a.working_days),
        cadence.share_of(base, b.holidayDays, a.working_days), every)
    stated[#stated + 1] = ("a day of %s is worth base / %d (%s)"):format(said.leave, a.working_days,
      cadence.money_text({ minorUnits = cadence.share_of(base, 1, a.working_days), currency = a.currency }))
  end
  if b.pensionMatch then
    local match = cadence.percent_of(base, b.pensionMatch)
    local cap = b.pensionCap and convert(b.pensionCap, a, used)
    if cap and match > cap then match = cap end
    row(said.retirement, ("%s of base%s"):format(cadence.percent_text(b.pensionMatch),
        b.pensionCap and (", up to " .. cadence.money_text(b.pensionCap)) or ""), match, every)
  end
  if b.healthCover then
    row("health cover", "the offer's figure", convert(b.healthCover, a, used), every)
  elseif a.health_cover and (offer.benefits or {})["health"] then
    row("health cover", "your assumption", convert(money(a.health_cover), a, used), every)
    stated[#stated + 1] = "health cover is worth " .. a.health_cover .. " a year (your figure)"
  end
  for _, item in ipairs{ { "studyBudget", "study budget" }, { "travel", "travel" }, { "gym", "gym" } } do
    if b[item[1]] then row(item[2], "a year", convert(b[item[1]], a, used), every) end
  end
  local others = {}
  for name in pairs(b.other or {}) do others[#others + 1] = name end
  table.sort(others)
  for _, name in ipairs(others) do row(name, "a year, as you put it", convert(b.other[name], a, used), every) end
  if b.movingAllowance then row("moving allowance", "year 1 only", convert(b.movingAllowance, a, used), first) end
  if b.officeDaysPerWeek and b.officeDaysPerWeek > 0 then
    if a.commute_day then
      local day = convert(money(a.commute_day), a, used)
      row("commute", ("%d days a week × %d weeks × %s"):format(b.officeDaysPerWeek, a.office_weeks, a.commute_day),
          cadence.share_of(day, -b.officeDaysPerWeek * a.office_weeks, 1), every)
      stated[#stated + 1] = ("a day in the office costs you %s, %d weeks a year"):format(a.commute_day, a.office_weeks)
    else
      stated[#stated + 1] = "commuting is not counted: set commute_day in negotiation.lua to price it"
    end
  end

  -- A sum too large to count names the offer and the year, not only the amounts.
  local function total(amounts, what)
    local ok, sum = pcall(cadence.total, amounts)
    if not ok and tostring(sum):find("too large to count", 1, true) then
      error(("offer %s: %s is too large to count"):format(offer.id or "", what), 0)
    elseif not ok then
      error(sum, 0)
    end
    return sum
  end
  local totals = {}
  for y = 1, a.years do
    local column = {}
    for i, r in ipairs(rows) do column[i] = r.amounts[y] end
    totals[y] = total(column, ("year %d's total"):format(y))
  end
  for _, line in pairs(used) do stated[#stated + 1] = line end
  return { offer = offer, currency = a.currency, years = a.years, rows = rows, totals = totals,
           average = cadence.share_of(total(totals, ("the %d years' total"):format(a.years)), 1, a.years), assumptions = stated }
end

--- Several valuations side by side, ranked. Money is one criterion, scored 1 to 5 by the
--- average over the years (the best offer 5, the others in proportion); `settings.score(offer, app)`
--- returns your own criteria scored 1 to 5 ({ growth = 4, team = 3 }), and `settings.weights`
--- weighs them all ({ money = 3, growth = 2 }; money 1 and the rest 1 unless said).
--- Returns { entries = { { label, valuation, scores, overall } ranked }, explanation = { lines } }.
function negotiation.compare(entries, settings)
  settings = settings or {}
  local weights = settings.weights or {}
  local best = 0
  for _, e in ipairs(entries) do if e.valuation.average > best then best = e.valuation.average end end
  for _, e in ipairs(entries) do
    e.scores = { money = best > 0 and 5 * e.valuation.average / best or 0 }
    if settings.score and e.offer then
      for name, value in pairs(settings.score(e.offer, e.app) or {}) do
        if type(value) ~= "number" or value < 1 or value > 5 then
          error(("negotiation.lua: score for %s: %s is 1 to 5, not %s"):format(e.label, name, tostring(value)), 0)
        end
        e.scores[name] = value
      end
    end
    local sum, weight = 0, 0
    for name, value in pairs(e.scores) do
      local w = weights[name] or 1
      sum, weight = sum + w * value, weight + w
    end
    e.overall = sum / weight
  end
  table.sort(entries, function(a, b)
    if a.overall ~= b.overall then return a.overall > b.overall end
    return a.label < b.label
  end)
  local lines = {}
  for i, e in ipairs(entries) do
    local parts, names = {}, {}
    for name in pairs(e.scores) do names[#names + 1] = name end
    table.sort(names)
    for _, name in ipairs(names) do parts[#parts + 1] = ("%s %.1f × %g"):format(name, e.scores[name], weights[name] or 1) end
    lines[#lines + 1] = ("%d. %s: %.2f (%s)"):format(i, e.label, e.overall, table.concat(parts, ", "))
  end
  return { entries = entries, explanation = lines }
end

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

--- Rule 3's talking points for `app`: its needs paired with your strengths.
function negotiation.talking_points(app, rules)
  rules = rules or negotiation.rules()
  return rules.talking_points(negotiation.situation(app, negotiation.load()))
end

--- The words for `app`'s next step, by step name ("deflect", "range", "time", "call", "counter", "decline", "accept").
function negotiation.words(app, rules)
  return negotiation.decide(app, rules).words
end

local amount = cadence.whole_text

--- Several valuations in one table: components as rows, offers as columns (year 1 and the
--- average over the years), with the difference of each from the first.
function negotiation.render_comparison(comparison)
  local entries = comparison.entries
  local lines = {}
  local header = ("  %-18s"):format("")
  for _, e in ipairs(entries) do header = header .. ("%24s"):format(e.label:sub(1, 22)) end
  lines[#lines + 1] = header
  local sub = ("  %-18s"):format("")
  for _ = 1, #entries do sub = sub .. ("%12s%12s"):format("year 1", "average") end
  lines[#lines + 1] = sub
  local names, seen = {}, {}
  for _, e in ipairs(entries) do
    for _, r in ipairs(e.valuation.rows) do
      if not seen[r.name] then names[#names + 1], seen[r.name] = r.name, true end
    end
  end
  local function cells(e, name)
    for _, r in ipairs(e.valuation.rows) do
      if r.name == name then
        return r.amounts[1], cadence.share_of(cadence.total(r.amounts), 1, e.valuation.years)
      end
    end
    return 0, 0
  end
  for _, name in ipairs(names) do
    local text = ("  %-18s"):format(name)
    for _, e in ipairs(entries) do
      local first, average = cells(e, name)
      text = text .. ("%12s%12s"):format(amount(first), amount(average))
    end
    lines[#lines + 1] = text
  end
  local total = ("  %-18s"):format("total")
  local diff = ("  %-18s"):format("against the first")
  for _, e in ipairs(entries) do
    total = total .. ("%12s%12s"):format(amount(e.valuation.totals[1]), amount(e.valuation.average))
    diff = diff .. ("%12s%12s"):format(amount(e.valuation.totals[1] - entries[1].valuation.totals[1]),
                                       amount(e.valuation.average - entries[1].valuation.average))
  end
  lines[#lines + 1] = total
  lines[#lines + 1] = diff
  lines[#lines + 1] = "Ranking (each criterion scored 1 to 5, times its weight):"
  for _, line in ipairs(comparison.explanation) do lines[#lines + 1] = "  " .. line end
  return joined(lines)
end

--- A valuation as a table a person reads: components as rows, years as columns.
function negotiation.render(v, title)
  local lines = { (title or ("offer %d"):format(v.offer.id)) .. (", valued in %s (whole units)"):format(v.currency) }
  local header = ("  %-18s"):format("")
  for y = 1, v.years do header = header .. ("%12s"):format("year " .. y) end
  lines[#lines + 1] = header .. "   how"
  local function line(name, amounts, how)
    local text = ("  %-18s"):format(name)
    for y = 1, v.years do text = text .. ("%12s"):format(amount(amounts[y])) end
    lines[#lines + 1] = text .. (how and ("   " .. how) or "")
  end
  for _, r in ipairs(v.rows) do line(r.name, r.amounts, r.how) end
  line("total", v.totals)
  lines[#lines + 1] = ("  average over %d years: %s %s"):format(v.years, amount(v.average), v.currency)
  if #v.assumptions > 0 then
    lines[#lines + 1] = "Assumptions:"
    for _, s in ipairs(v.assumptions) do lines[#lines + 1] = "  - " .. s end
  end
  return joined(lines)
end

--- `cadence offer value`'s call: negotiation.value_report for the
--- application named `options.app`.
function negotiation.value_report_on(options)
  return negotiation.value_report(cadence.command_app(options.app), options.app)
end

--- `cadence offer compare`'s call: negotiation.comparison_report for
--- `options.candidate` (all candidates when nil).
function negotiation.comparison_report_on(options)
  return negotiation.comparison_report(options.candidate)
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

--- `cadence offer value APP`: each offer of `app` that stands, valued by the
--- workspace's assumptions: { text = the tables, data = one entry an offer }.
--- `name` is how the user named the application, for the hint when it has none.
function negotiation.value_report(app, name)
  local assumptions = negotiation.load()
  local texts, data = {}, {}
  for _, o in ipairs(negotiation.current(app:offers())) do
    local v = negotiation.value(o, assumptions)
    texts[#texts + 1] = negotiation.render(v, ("%s, %s: offer %d (%s)"):format(app.company, app.role, o.id, o.status))
    local rows = {}
    for i, r in ipairs(v.rows) do rows[i] = { name = r.name, how = r.how, amounts = r.amounts } end
    data[#data + 1] = { offer = o.id, currency = v.currency, rows = rows, totals = v.totals,
                        average = v.average, assumptions = v.assumptions }
  end
  if #texts == 0 then
    error(("%s has no offer to value (cadence offer add --app %s ...)"):format(app.company, name or app.id), 0)
  end
  return { text = table.concat(texts, "\n\n"), data = data }
end

--- `cadence offer compare`: the open offers (of the candidate `who`, a name or
--- id, when given) and the current job, ranked by the workspace's settings:
--- { text = the table, ranking and assumptions, data = one entry an offer }.
function negotiation.comparison_report(who)
  local assumptions, settings = negotiation.load()
  local entries, person = {}, nil
  for _, c in ipairs(cadence.candidates()) do
    if who == nil or c.name:lower() == tostring(who):lower() or tostring(c.id) == tostring(who) then person = person or c end
  end
  local absent = {}
  for _, app in ipairs(cadence.apps()) do
    if not person or app.candidate_id == person.id then
      for _, o in ipairs(negotiation.current(app:offers())) do
        if o.status == "received" or o.status == "negotiating" then
          assumptions.currency = assumptions.currency or o.base.currency
          entries[#entries + 1] = { label = app.company .. " #" .. o.id, offer = o, app = app,
                                    valuation = negotiation.value(o, assumptions) }
        else
          -- Answered or gone: said, not weighed.
          absent[#absent + 1] = ("  - %s #%d: %s"):format(app.company, o.id, o.status)
        end
      end
    end
  end
  if #entries == 0 then
    error("no offer to compare (received or negotiating): cadence offer add --app APP ..."
      .. (#absent > 0 and ("\nNot compared, no longer open:\n" .. table.concat(absent, "\n")) or ""), 0)
  end
  -- Your current job, as the baseline, when its pay is recorded.
  if person and person.current_pay then
    local current = { id = 0, base = person.current_pay, annual_base = person.current_pay, period = "year", benefit_values = {} }
    entries[#entries + 1] = { label = "current job", valuation = negotiation.value(current, assumptions) }
  end
  local comparison = negotiation.compare(entries, settings)
  local data = {}
  for i, e in ipairs(comparison.entries) do
    data[i] = { label = e.label, offer = e.offer and e.offer.id, year1 = e.valuation.totals[1],
                average = e.valuation.average, currency = e.valuation.currency, scores = e.scores,
                overall = e.overall, assumptions = e.valuation.assumptions }
  end
  -- Each assumption once, though several offers rest on it.
  local stated, seen = {}, {}
  for _, e in ipairs(comparison.entries) do
    for _, line in ipairs(e.valuation.assumptions) do
      if not seen[line] then stated[#stated + 1], seen[line] = "  - " .. line, true end
    end
  end
  table.insert(stated, 1, "Assumptions (valued in " .. assumptions.currency .. ", whole units):")
  if #absent > 0 then table.insert(absent, 1, "Not compared, no longer open:") end
  return { text = negotiation.render_comparison(comparison) .. "\n" .. joined(stated)
             .. (#absent > 0 and ("\n" .. joined(absent)) or ""), data = data }
end

return negotiation
