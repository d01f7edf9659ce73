-- cadence.valuation: an offer valued year by year, every component priced
-- and every assumption stated (negotiation practice, rule 6: look at the
-- whole package; a strong package can outweigh a smaller salary), and
-- several offers compared. What `cadence offer value` and `cadence offer
-- compare` print.
--
--   local valuation = require "cadence.valuation"
--   local assumptions = valuation.load()               -- your negotiation.lua, over the defaults
--   local v = valuation.value(cadence.app("initech"):offers()[1], assumptions)
--   print(valuation.render(v))
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

local valuation = {}

--- What a valuation assumes unless your workspace's negotiation.lua says otherwise:
---   return { assumptions = { commute_day = "12 GBP", rates = { USD = "0.79" } } }
valuation.defaults = {
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
function valuation.assumptions(options)
  options = check("negotiation assumptions", options, SPEC)
  local a = {}
  for k, v in pairs(valuation.defaults) do a[k] = v end
  for k, v in pairs(options) do a[k] = v end
  return a
end

--- The workspace's negotiation.lua (or `path`): its assumptions over the defaults, and its
--- settings (weights, score) as a second result. Without the file, the defaults.
function valuation.load(path)
  local settings
  if path then settings = cadence.script(path) else settings = cadence.workspace_script("negotiation.lua") end
  settings = check("negotiation.lua", settings or {}, SETTINGS)
  return valuation.assumptions(settings.assumptions), settings
end

--- The offers that stand: each the latest round (no later offer revises it),
--- and only those still open (received or negotiating) when `open` is set.
function valuation.current(offers, open)
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
function valuation.in_currency(money, assumptions)
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

function valuation.value(offer, assumptions)
  local a = valuation.assumptions(assumptions)
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
function valuation.compare(entries, settings)
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

local amount = cadence.whole_text

--- Several valuations in one table: components as rows, offers as columns (year 1 and the
--- average over the years), with the difference of each from the first.
function valuation.render_comparison(comparison)
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
function valuation.render(v, title)
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

--- `cadence offer value`'s call: valuation.value_report for the
--- application named `options.app`.
function valuation.value_report_on(options)
  return valuation.value_report(cadence.command_app(options.app), options.app)
end

--- `cadence offer compare`'s call: valuation.comparison_report for
--- `options.candidate` (all candidates when nil).
function valuation.comparison_report_on(options)
  return valuation.comparison_report(options.candidate)
end

--- `cadence offer value APP`: each offer of `app` that stands, valued by the
--- workspace's assumptions: { text = the tables, data = one entry an offer }.
--- `name` is how the user named the application, for the hint when it has none.
function valuation.value_report(app, name)
  local assumptions = valuation.load()
  local texts, data = {}, {}
  for _, o in ipairs(valuation.current(app:offers())) do
    local v = valuation.value(o, assumptions)
    texts[#texts + 1] = valuation.render(v, ("%s, %s: offer %d (%s)"):format(app.company, app.role, o.id, o.status))
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
function valuation.comparison_report(who)
  local assumptions, settings = valuation.load()
  local entries, person = {}, nil
  for _, c in ipairs(cadence.candidates()) do
    if who == nil or c.name:lower() == tostring(who):lower() or tostring(c.id) == tostring(who) then person = person or c end
  end
  local absent = {}
  for _, app in ipairs(cadence.apps()) do
    if not person or app.candidate_id == person.id then
      for _, o in ipairs(valuation.current(app:offers())) do
        if o.status == "received" or o.status == "negotiating" then
          assumptions.currency = assumptions.currency or o.base.currency
          entries[#entries + 1] = { label = app.company .. " #" .. o.id, offer = o, app = app,
                                    valuation = valuation.value(o, assumptions) }
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
    entries[#entries + 1] = { label = "current job", valuation = valuation.value(current, assumptions) }
  end
  local comparison = valuation.compare(entries, settings)
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
  return { text = valuation.render_comparison(comparison) .. "\n" .. joined(stated)
             .. (#absent > 0 and ("\n" .. joined(absent)) or ""), data = data }
end

return valuation
