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

local valuation = {}

--- Lines a person reads, joined: each a line of Cadence's that may quote the
--- user's words (a company, a role, a benefit's name, a talking point), every
--- control in it, a line feed or a tab too, shown as an escape
--- (host.terminal_line), so that no field starts a line of its own.
function valuation.joined(lines)
  local shown = {}
  for i, line in ipairs(lines) do shown[i] = host.terminal_line(line) end
  return table.concat(shown, "\n")
end
local joined = valuation.joined

--- What a valuation assumes unless your workspace's negotiation.lua says otherwise:
---   return { assumptions = { commute_day = "12 GBP", rates = { USD = "0.79" } } }
valuation.defaults = {
  working_days = 260,       -- a day off is worth base / 260
  target_bonus_paid = 100,  -- percent of a target (not guaranteed) bonus counted
  bonus_history = nil,      -- what the bonus paid in past years, said with that share ("80%, 100%, 90% of target, 2023-2025")
  health_cover = nil,       -- what health cover is worth a year where the offer puts no figure on it ("1200 GBP")
  commute_day = nil,        -- what a day in the office costs you ("12 GBP"): travel, lunch; a remote day saves it
  office_weeks = 46,        -- weeks a year in the office
  workweek = 5,             -- days in a full-time week: with only remote days recorded, the rest are in the office
  leave_baseline = nil,     -- days off a year an offer's are measured from (default: your current job's, else the region's usual)
  years = 4,                -- years to value: the usual vesting
  currency = nil,           -- the currency to value in (default: the offer's)
  rates = {},               -- { USD = "0.79" }: one USD is 0.79 of that currency
}

local SPEC = { working_days = { "integer", 200, 366 }, target_bonus_paid = { "integer", 0, 100 }, bonus_history = "text",
               health_cover = "text", commute_day = "text", office_weeks = { "integer", 0, 52 }, workweek = { "integer", 1, 7 },
               leave_baseline = { "integer", 0, 366 }, years = { "integer", 1, 10 }, currency = "text", rates = "table" }

-- What negotiation.lua may hold besides assumptions: criteria of your own, and how to score them.
local SETTINGS = { assumptions = "table", weights = "table", score = "function" }

--- The assumptions: `options` (or the workspace's negotiation.lua) over the defaults.
function valuation.assumptions(options)
  options = check("negotiation.lua: assumptions", options, SPEC)
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

-- `word` as one shell word in a command to copy: in double quotes, or, when
-- it holds what a shell expands there ($, `, \, ", !), in single quotes, so
-- that a benefit's name typed or imported by anyone runs nothing when pasted.
local function shell_word(word)
  if not word:find('[%$`"\\!]') then return '"' .. word .. '"' end
  return "'" .. word:gsub("'", "'\\''") .. "'"
end

-- A rate written as a decimal ("0.79") as a fraction, so conversion stays exact.
local function fraction(text)
  local whole, decimals = tostring(text):match("^(%d+)%.?(%d*)$")
  -- A rate of nothing would value every amount at nothing: refused as a rate that is no number is.
  if not whole or #whole + #decimals > 15 or not (whole .. decimals):find("[1-9]") then
    error(("negotiation.lua: rates: a rate is a decimal above zero such as \"0.79\", not %q"):format(tostring(text)), 0)
  end
  local den = 1
  for _ = 1, #decimals do den = den * 10 end
  return math.tointeger(tonumber(whole .. decimals)), den
end

-- `money` in the currency of the valuation, by the rate the assumptions give.
local function convert(money, a, used)
  if money.currency == a.currency then return money.minorUnits end
  local rate = a.rates[money.currency]
  if not rate then
    error(("no rate from %s to %s: add rates = { %s = \"…\" } to the assumptions in your workspace's negotiation.lua (what one %s is in %s)")
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

-- "3", "2.5": days as people write them (half days kept, no "3.0").
local function days_text(days)
  if math.type(days) == "integer" or days == math.floor(days) then return ("%d"):format(math.floor(days)) end
  return ("%g"):format(days)
end

-- What a benefit worded in the offer is, by the words of its name: the
-- figure that values it, and the flag that records that figure.
local KINDS = {
  { field = "holidayDays", flag = "--holiday-days DAYS", words = { "holiday", "pto", "leave", "vacation", "days off", "time off" } },
  { field = "pensionMatch", flag = "--pension PERCENT", words = { "pension", "401", "retirement", "rrsp", "super", "provident" } },
  { field = "healthCover", flag = "--health-cover AMOUNT", words = { "health", "medical", "dental", "vision" } },
  { field = "officeDaysPerWeek", also = "remoteDaysPerWeek", flag = "--remote-days DAYS", words = { "remote", "hybrid", "home", "office", "wfh" } },
  { field = "studyBudget", flag = "--study-budget AMOUNT", words = { "study", "training", "learning", "education", "conference" } },
  { field = "movingAllowance", flag = "--moving-allowance AMOUNT", words = { "moving", "relocat" } },
  { field = "travel", flag = "--travel AMOUNT", words = { "travel", "car", "transport" } },
  { field = "gym", flag = "--gym AMOUNT", words = { "gym", "fitness" } },
}

local function kind_of(name)
  local lower = name:lower()
  for _, k in ipairs(KINDS) do
    for _, word in ipairs(k.words) do if lower:find(word, 1, true) then return k end end
  end
end

-- The words of a region for leave and retirement (PTO and 401(k) match in
-- the US; holiday and pension in Britain), else plain ones.
local function benefit_words(region)
  local b = region and region.benefits or {}
  return { leave = b.paid_leave or "paid leave", retirement = b.retirement or "retirement contribution",
           typical = b.typical_leave_days, place = region and region.name }
end

-- "25 days holiday", "pension 5%", "gym 300 GBP a year": a current job's
-- benefit as the candidate wrote it, read as a figure where it says one.
local function read_benefit(text, currency)
  local kind = kind_of(text)
  local lower = text:lower()
  if kind and kind.field == "holidayDays" then
    local days = lower:match("(%d+)%s*days?")
    if days and tonumber(days) <= 366 then return "holidayDays", math.tointeger(tonumber(days)) end
  elseif kind and kind.field == "officeDaysPerWeek" then
    -- "3 days in the office", "2 remote days", "fully remote": where the current job's week is spent.
    if lower:find("fully remote", 1, true) or lower:find("all remote", 1, true) then return "remoteDaysPerWeek", 5 end
    local days, rest = lower:match("(%d+%.?%d*)%s*(.*)")
    days = tonumber(days)
    if days and days <= 7 and (rest:find("office", 1, true) or rest:find("on site", 1, true)) then return "officeDaysPerWeek", days end
    if days and days <= 7 then return "remoteDaysPerWeek", days end
  elseif kind and kind.field == "pensionMatch" then
    local whole, part = lower:match("(%d+)%.?(%d?%d?)%s*%%")
    if whole and #whole <= 3 then
      return "pensionMatch", { basisPoints = math.tointeger(tonumber(whole) * 100 + tonumber(((part or "") .. "00"):sub(1, 2))) }
    end
  end
  -- Days off, a share of pay or days a week with no figure read are not an amount: left unvalued, named.
  if kind and (kind.field == "holidayDays" or kind.field == "pensionMatch" or kind.field == "officeDaysPerWeek") then return nil end
  -- An amount in the words ("300 GBP", "£1,200", "$300"): the benefit's worth a year.
  for token, after in text:gmatch("(%S*%d[%d,%.]*[kK]?)%s*(%a*)") do
    local m = (#after == 3 and cadence.money(token .. " " .. after)) or cadence.money(token, currency)
    if m and m.minorUnits > 0 then return "other", m end
  end
end

--- The current job as an offer to value: its pay, and its benefits read from
--- how the candidate wrote them ("25 days holiday", "pension 5%", "gym 300
--- GBP"); what gives no figure is left to the valuation's "not valued".
function valuation.current_job(candidate)
  local pay = candidate.current_pay
  local b, words = { other = {} }, {}
  for _, text in ipairs(candidate.current_benefits or {}) do
    local field, value
    if text:find("%S") then field, value = read_benefit(text, pay.currency) else field = "blank" end
    if field == "other" then b.other[text] = value
    elseif field == "blank" then -- an empty entry (how the list is cleared) says nothing
    elseif field and b[field] == nil then b[field] = value
    else words[text] = text end
  end
  return { base = pay, annual_base = pay, period = "year", benefit_values = b, benefits = words, current = true,
           candidate = candidate }
end

-- The leave an offer is measured from, and whose it is: yours in
-- negotiation.lua, your current job's, else the region's usual.
local function leave_baseline(a, context, said)
  if a.leave_baseline then return a.leave_baseline, ("your leave_baseline of %d days"):format(a.leave_baseline) end
  local current = context.current
  if current and current.benefit_values.holidayDays then
    local days = current.benefit_values.holidayDays
    return days, ("your current job's %d days"):format(days)
  end
  if said.typical then return said.typical, ("the %d days usual in %s"):format(said.typical, said.place) end
  return 20, "20 days (no region set: cadence candidate edit NAME --region CODE)"
end

-- Where a valuation's offer stands: its candidate, the region whose words
-- and usual leave it takes, and the current job its leave is measured from.
local function context_of(offer)
  if rawget(offer, "current") then
    local c = rawget(offer, "candidate")
    return { region = cadence.region(c), current = offer, candidate = c }
  end
  if not offer.application_id then return {} end
  local app = cadence.app(offer.application_id)
  local person
  for _, c in ipairs(cadence.candidates()) do if c.id == app.candidate_id then person = c end end
  return { region = cadence.region(app), candidate = person, app = app,
           current = person and person.current_pay and valuation.current_job(person) or nil }
end

-- An assumption's amount ("12 GBP"), or an error naming where it is set.
local function assumed(name, text, currency)
  local m, why = cadence.money(text, currency)
  if not m then error(("negotiation.lua: %s: %s"):format(name, why), 0) end
  return m
end

--- The offer valued year by year, what is paid kept apart from what is worth
--- something but is not paid: { currency, years = n, rows = { { name, kind =
--- "paid" or "worth", how, amounts = { y1, y2, … } } }, totals, average (both
--- together), paid = { totals, average }, worth = { totals, average },
--- equity_scenarios = { { multiple, totals, average } } (private shares at 0×,
--- 1×, 2×), not_valued = { { name, terms, how } }, assumptions = { lines } }.
--- The region (its words, its usual leave) and the current job are the offer's candidate's.
-- (Two arguments only: valuation.value(o, valuation.load()) passes load's settings too.)
function valuation.value(offer, assumptions)
  local a = valuation.assumptions(assumptions)
  local context = context_of(offer)
  local said = benefit_words(context.region)
  a.currency = a.currency or offer.base.currency
  local used, rows, stated, not_valued = {}, {}, {}, {}
  local function money(name, value) return assumed(name, value, offer.base.currency) end
  local function row(kind, name, how, amount, years)
    local amounts = {}
    for y = 1, a.years do amounts[y] = (years == nil or years[y]) and amount or 0 end
    rows[#rows + 1] = { name = name, kind = kind, how = how, amounts = amounts }
    return rows[#rows]
  end
  local every = nil
  local first = { true }
  local base = convert(offer.annual_base, a, used)
  row("paid", "base", cadence.money_text(offer.annual_base, "year"), base, every)

  if offer.bonus_amount then
    local share = offer.bonus_guaranteed and 100 or a.target_bonus_paid
    local how = offer.bonus_percent and (cadence.percent_text(offer.bonus_percent) .. " of base") or "stated"
    row("paid", "bonus", how .. (offer.bonus_guaranteed and ", guaranteed"
        or (", a target counted at %s"):format(cadence.percent_text(share))),
        cadence.percent_of(convert(offer.bonus_amount, a, used), share), every)
    if not offer.bonus_guaranteed then
      stated[#stated + 1] = ("a target bonus is counted at %s of itself (target_bonus_paid)%s"):format(cadence.percent_text(share),
        a.bonus_history and ("; paid in past years: " .. a.bonus_history)
          or ": it is not guaranteed; ask what it paid the last three years")
    end
  end
  if offer.sign_on then
    row("paid", "sign-on", "year 1 only" .. (offer.clawback_months and (", repaid if you leave within %d months")
        :format(offer.clawback_months) or ""), convert(offer.sign_on, a, used), first)
  end
  local shares = {}   -- the rows whose worth is the shares' (private shares are scenarios)
  local private = false
  if offer.equity_by_year then
    local amounts = {}
    for y = 1, a.years do
      amounts[y] = convert({ minorUnits = offer.equity_by_year[y] or 0, currency = offer.equity_currency }, a, used)
    end
    local g = offer.grant
    private = g.kind == "options" or g.sharePrice == nil
    local what = g.kind == "options" and ("options: %d × (%s assumed − %s strike)"):format(g.shares,
      cadence.money_text(g.valuePerShare), cadence.money_text(g.strike))
      or (g.sharePrice and ("RSUs: %d at %s"):format(g.shares, cadence.money_text(g.sharePrice)) or "RSUs by the grant's value")
    rows[#rows + 1] = { name = "equity", kind = "paid", amounts = amounts,
                        how = ("%s, vesting over %d years, %d-month cliff"):format(what, g.vestingMonths // 12, g.cliffMonths) }
    shares[#shares + 1] = rows[#rows]
    if g.kind == "options" then stated[#stated + 1] = "options are worth the value per share you assume, less the strike" end
  end
  if offer.refresher then
    local yearly = convert(offer.refresher, a, used)
    local amounts = {}
    -- Each year's refresher vests over four years: by year y, y - 1 grants are vesting a quarter each.
    for y = 1, a.years do amounts[y] = cadence.share_of(yearly, math.min(y - 1, 4), 4) end
    rows[#rows + 1] = { name = "refreshers", kind = "paid", amounts = amounts,
                        how = cadence.money_text(offer.refresher) .. " granted a year from year 2, each vesting over 4 years" }
    shares[#shares + 1] = rows[#rows]
  end
  local b = offer.benefit_values or {}
  if b.pensionMatch then
    local match = cadence.percent_of(base, b.pensionMatch)
    local cap = b.pensionCap and convert(b.pensionCap, a, used)
    if cap and match > cap then match = cap end
    row("paid", said.retirement, ("%s of base%s"):format(cadence.percent_text(b.pensionMatch),
        b.pensionCap and (", up to " .. cadence.money_text(b.pensionCap)) or ""), match, every)
  end
  if b.travel then row("paid", "travel", "allowance a year", convert(b.travel, a, used), every) end
  if b.movingAllowance then row("paid", "moving allowance", "year 1 only", convert(b.movingAllowance, a, used), first) end

  -- Worth something, not paid: each valued by a stated assumption.
  if b.holidayDays then
    local baseline, whose = leave_baseline(a, context, said)
    local beyond = b.holidayDays - baseline
    row("worth", said.leave, ("%d days: %s %s, each %s (base / %d)"):format(b.holidayDays,
        beyond == 0 and "as many as" or (("%d %s than"):format(math.abs(beyond), beyond > 0 and "more" or "fewer")), whose, cadence.money_text({ minorUnits = cadence.share_of(base, 1, a.working_days),
        currency = a.currency }), a.working_days), cadence.share_of(base, beyond, a.working_days), every)
    stated[#stated + 1] = ("%s is not paid: only the days beyond %s count, each worth a day's base (base / %d)")
      :format(said.leave, whose, a.working_days)
  end
  -- The benefits worded in the offer, by name (so that which is read first never varies).
  local worded = {}
  for name in pairs(offer.benefits or {}) do worded[#worded + 1] = name end
  table.sort(worded)
  local health_words
  for _, name in ipairs(worded) do
    local k = kind_of(name)
    if k and k.field == "healthCover" and not health_words then health_words = name end
  end
  if b.healthCover then
    row("worth", "health cover", "the offer's figure, a year", convert(b.healthCover, a, used), every)
  elseif a.health_cover and health_words then
    row("worth", "health cover", ("your health_cover, for \"%s\""):format(offer.benefits[health_words]),
        convert(money("health_cover", a.health_cover), a, used), every)
    stated[#stated + 1] = ("health cover worded with no figure is worth %s a year (your health_cover)"):format(a.health_cover)
  end
  if b.studyBudget then row("worth", "study budget", "a year, to spend on learning", convert(b.studyBudget, a, used), every) end
  if b.gym then row("worth", "gym", "a year", convert(b.gym, a, used), every) end
  local others = {}
  for name in pairs(b.other or {}) do others[#others + 1] = name end
  table.sort(others)
  for _, name in ipairs(others) do row("worth", name, "a year, as you put it", convert(b.other[name], a, used), every) end

  -- Remote days save the commute a day in the office costs.
  local office, remote = b.officeDaysPerWeek, b.remoteDaysPerWeek
  if office == nil and remote ~= nil then office = math.max(a.workweek - remote, 0) end
  if remote == nil and office ~= nil then remote = math.max(a.workweek - office, 0) end
  if office ~= nil and a.commute_day then
    local day = convert(money("commute_day", a.commute_day), a, used)
    -- Counted in half days, so that a half day in the office is exact.
    local function halves(days) return math.tointeger(math.floor(days * 2 + 0.5)) end
    local saved = cadence.share_of(day, halves(remote) * a.office_weeks, 2)
    row("worth", "commute", ("%s days a week in the office × %d weeks × %s%s"):format(days_text(office), a.office_weeks, a.commute_day,
        remote > 0 and ("; %s remote days save %s"):format(days_text(remote), cadence.whole_text(saved)) or ""),
        cadence.share_of(day, -halves(office) * a.office_weeks, 2), every)
    stated[#stated + 1] = ("a day in the office costs you %s (commute_day), %d weeks a year: each remote day saves it")
      :format(a.commute_day, a.office_weeks)
  elseif office ~= nil then
    stated[#stated + 1] = ("remote days are worth the commute they save, not counted until you say what a day in the office costs you: "
      .. "commute_day = \"12 %s\" in negotiation.lua's assumptions"):format(a.currency)
  elseif a.commute_day and rawget(offer, "current") then
    stated[#stated + 1] = "the current job's days in the office are not recorded, so its commute is not counted: "
      .. "--current-benefit \"3 days in the office\" (or \"fully remote\") on cadence candidate edit"
  end

  -- Benefits in words with no figure: said, never counted as nothing without a word.
  for _, name in ipairs(worded) do
    local k = kind_of(name)
    local valued = (b.other or {})[name] or (k and (b[k.field] ~= nil or (k.also and b[k.also] ~= nil)))
      or (k and k.field == "healthCover" and a.health_cover)
    if not valued then
      local how
      if rawget(offer, "current") then
        how = ("give its worth a year in its words: cadence candidate edit \"%s\" --current-benefit \"%s 1200 %s\" "
          .. "(with the others again: the list is replaced)"):format(rawget(offer, "candidate").name, name, a.currency)
      elseif k and k.field == "healthCover" then
        how = ("cadence offer edit %d %s, or health_cover = \"…\" in negotiation.lua"):format(offer.id, k.flag)
      elseif k then
        how = ("cadence offer edit %d %s"):format(offer.id, k.flag)
      else
        how = ("cadence offer edit %d --worth %s (its worth a year)"):format(offer.id, shell_word(name .. "=AMOUNT"))
      end
      not_valued[#not_valued + 1] = { name = name, terms = offer.benefits[name], how = how }
    end
  end

  -- A sum too large to count names the offer and the year, not only the amounts.
  local function total(amounts, what)
    local ok, sum = pcall(cadence.total, amounts)
    if not ok and tostring(sum):find("too large to count", 1, true) then
      error(("%s: %s is too large to count"):format(rawget(offer, "current") and "the current job" or ("offer " .. tostring(offer.id)), what), 0)
    elseif not ok then
      error(sum, 0)
    end
    return sum
  end
  local function totals_of(kind, factor)
    local out = {}
    for y = 1, a.years do
      local column = {}
      for _, r in ipairs(rows) do
        if kind == nil or r.kind == kind then
          local amount = r.amounts[y]
          for _, s in ipairs(shares) do if s == r and factor then amount = cadence.share_of(amount, factor, 1) end end
          column[#column + 1] = amount
        end
      end
      out[y] = total(column, ("year %d's %s"):format(y, kind == "paid" and "pay" or (kind == "worth" and "worth" or "total")))
    end
    return out, cadence.average(out)
  end
  local paid_totals, paid_average = totals_of("paid")
  local worth_totals, worth_average = totals_of("worth")
  local totals, average = totals_of(nil)
  local scenarios = {}
  if private then
    for _, k in ipairs{ 0, 1, 2 } do
      local t, avg = totals_of(nil, k)
      scenarios[#scenarios + 1] = { multiple = k, totals = t, average = avg }
    end
    stated[#stated + 1] = "shares with no market price (options, or RSUs by value) may be worth nothing, or more: valued at the "
      .. "value assumed (1×), with 0× and 2× shown (RSUs of a listed company: --shares and --share-price)"
  end
  local rates = {}
  for _, line in pairs(used) do rates[#rates + 1] = line end
  table.sort(rates)
  for _, line in ipairs(rates) do stated[#stated + 1] = line end
  return { offer = offer, currency = a.currency, years = a.years, rows = rows, totals = totals, average = average,
           paid = { totals = paid_totals, average = paid_average }, worth = { totals = worth_totals, average = worth_average },
           equity_scenarios = scenarios, not_valued = not_valued, assumptions = stated }
end

-- A score as shown: to a tenth. The overall is worked from the scores shown,
-- so that the breakdown printed adds up to it.
local function tenth(x) return math.floor(x * 10 + 0.5) / 10 end
local function hundredth(x) return math.floor(x * 100 + 0.5) / 100 end

--- Several valuations side by side, ranked. Money is one criterion, scored up to 5 by the
--- package's average over the years (the best offer 5, the others in proportion); `settings.score(offer, app)`
--- returns your own criteria scored 1 to 5 ({ growth = 4, team = 3 }), and `settings.weights`
--- weighs them all ({ money = 3, growth = 2 }; money 1 and the rest 1 unless said).
--- Returns { entries = { { label, valuation, scores, overall, breakdown } ranked }, explanation = { lines } }.
function valuation.compare(entries, settings)
  settings = settings or {}
  local weights = settings.weights or {}
  for name, w in pairs(weights) do
    if type(w) ~= "number" or w ~= w or w <= 0 or w == math.huge then
      error(("negotiation.lua: weights: %s is a number above zero and finite, not %s"):format(tostring(name), tostring(w)), 0)
    end
  end
  local best = 0
  for _, e in ipairs(entries) do if e.valuation.average > best then best = e.valuation.average end end
  for _, e in ipairs(entries) do
    e.scores = { money = best > 0 and math.max(tenth(5 * e.valuation.average / best), 0) or 0 }
    if settings.score and e.offer then
      for name, value in pairs(settings.score(e.offer, e.app) or {}) do
        if type(value) ~= "number" or value ~= value or value < 1 or value > 5 then
          error(("negotiation.lua: score for %s: %s is 1 to 5, not %s"):format(e.label, tostring(name), tostring(value)), 0)
        end
        e.scores[name] = tenth(value)
      end
    end
    local names = {}
    for name in pairs(e.scores) do names[#names + 1] = name end
    -- Money first, then your criteria by name.
    table.sort(names, function(x, y)
      if x == "money" or y == "money" then return x == "money" and y ~= "money" end
      return x < y
    end)
    local sum, weight, parts = 0, 0, {}
    for _, name in ipairs(names) do
      local w = weights[name] or 1
      sum, weight = sum + w * e.scores[name], weight + w
      parts[#parts + 1] = ("%s %.1f × %g"):format(name, e.scores[name], w)
    end
    e.overall = hundredth(sum / weight)
    e.breakdown = ("(%s) / %g = %.2f"):format(table.concat(parts, " + "), weight, e.overall)
  end
  table.sort(entries, function(a, b)
    if a.overall ~= b.overall then return a.overall > b.overall end
    return a.label < b.label
  end)
  local lines = {}
  for i, e in ipairs(entries) do lines[#lines + 1] = ("%d. %s: %s"):format(i, e.label, e.breakdown) end
  return { entries = entries, explanation = lines }
end

local amount = cadence.whole_text

-- A cell of a table: the user's words escaped, cut to `width` characters
-- (with "…"), padded by characters rather than bytes so the columns hold.
local function cell(text, width, right)
  text = host.terminal_line(text)
  local n = utf8.len(text) or #text
  if n > width then
    text = text:sub(1, (utf8.offset(text, width) or width) - 1) .. "…"
    n = width
  end
  local pad = (" "):rep(width - n)
  return right and (pad .. text) or (text .. pad)
end

-- Rows of a kind, with their subtotal.
local function section(v, kind)
  local out = {}
  for _, r in ipairs(v.rows) do if r.kind == kind then out[#out + 1] = r end end
  return out
end

--- Several valuations in one table: components as rows, offers as columns (year 1 and the
--- average over the years), paid and worth apart, with the difference of each from the first.
function valuation.render_comparison(comparison)
  local entries = comparison.entries
  local lines = {}
  local header = "  " .. cell("", 18)
  for _, e in ipairs(entries) do header = header .. "  " .. cell(e.label, 22, true) end
  lines[#lines + 1] = header
  local sub = "  " .. cell("", 18)
  for _ = 1, #entries do sub = sub .. ("  %10s%12s"):format("year 1", "average") end
  lines[#lines + 1] = sub
  -- An offer's year 1 and average for a component; rows of one name (your --worth "gym=…"
  -- beside --gym) are added, so that the column still adds up to its total.
  local function cells(e, kind, name)
    local firsts, averages = {}, {}
    for _, r in ipairs(e.valuation.rows) do
      if r.kind == kind and r.name == name then
        firsts[#firsts + 1], averages[#averages + 1] = r.amounts[1], cadence.average(r.amounts)
      end
    end
    if #firsts > 0 then return cadence.total(firsts), cadence.total(averages) end
  end
  local function line(name, pick)
    local text = "  " .. cell(name, 18)
    for _, e in ipairs(entries) do
      local first, average = pick(e)
      text = text .. (first and ("  %10s%12s"):format(amount(first), amount(average)) or ("  " .. cell("–", 10, true) .. cell("–", 12, true)))
    end
    lines[#lines + 1] = text
  end
  for _, kind in ipairs{ "paid", "worth" } do
    lines[#lines + 1] = kind == "paid" and "Paid" or "Worth something, not paid"
    local names, seen = {}, {}
    for _, e in ipairs(entries) do
      for _, r in ipairs(section(e.valuation, kind)) do
        if not seen[r.name] then names[#names + 1], seen[r.name] = r.name, true end
      end
    end
    for _, name in ipairs(names) do line(name, function(e) return cells(e, kind, name) end) end
    line(kind == "paid" and "total paid" or "total not paid", function(e) return e.valuation[kind].totals[1], e.valuation[kind].average end)
  end
  line("whole package", function(e) return e.valuation.totals[1], e.valuation.average end)
  -- The difference of the figures as shown (each rounded to whole units first), so that the row adds up on the page.
  local function shown(minor) return cadence.share_of(minor, 1, 100) * 100 end
  line("against the first", function(e)
    return shown(e.valuation.totals[1]) - shown(entries[1].valuation.totals[1]),
           shown(e.valuation.average) - shown(entries[1].valuation.average)
  end)
  lines[#lines + 1] = "Ranking (each criterion scored 1 to 5, times its weight, over the weights):"
  for _, text in ipairs(comparison.explanation) do lines[#lines + 1] = "  " .. text end
  return joined(lines)
end

--- A valuation as a table a person reads: components as rows, years as columns,
--- what is paid apart from what is worth something but is not paid.
function valuation.render(v, title)
  local lines = { (title or ("offer %d"):format(v.offer.id)) .. (", valued in %s (whole units, rounded)"):format(v.currency) }
  local header = "  " .. cell("", 18)
  for y = 1, v.years do header = header .. ("%12s"):format("year " .. y) end
  lines[#lines + 1] = header .. "   how"
  local function line(name, amounts, how)
    local text = "  " .. cell(name, 18)
    for y = 1, v.years do text = text .. ("%12s"):format(amount(amounts[y])) end
    lines[#lines + 1] = text .. (how and ("   " .. host.terminal_line(how)) or "")
  end
  lines[#lines + 1] = "Paid"
  for _, r in ipairs(section(v, "paid")) do line(r.name, r.amounts, r.how) end
  line("total paid", v.paid.totals)
  local worth = section(v, "worth")
  if #worth > 0 then
    lines[#lines + 1] = "Worth something, not paid"
    for _, r in ipairs(worth) do line(r.name, r.amounts, r.how) end
    line("total not paid", v.worth.totals)
  end
  line("whole package", v.totals)
  lines[#lines + 1] = ("  average a year over %d years: %s %s paid%s"):format(v.years, amount(v.paid.average), v.currency,
    #worth > 0 and ("; %s with what is not paid"):format(amount(v.average)) or "")
  if #v.equity_scenarios > 0 then
    local parts = {}
    for _, s in ipairs(v.equity_scenarios) do parts[#parts + 1] = ("%d× %s"):format(s.multiple, amount(s.average)) end
    lines[#lines + 1] = ("  if the shares are worth 0×, 1× or 2× the value assumed, the package's average a year: %s %s")
      :format(table.concat(parts, ", "), v.currency)
  end
  if #v.not_valued > 0 then
    lines[#lines + 1] = "Not valued (worded in the offer, no figure):"
    for _, n in ipairs(v.not_valued) do
      lines[#lines + 1] = ("  - %s%s: %s"):format(n.name, n.terms ~= n.name and (" (\"" .. n.terms .. "\")") or "", n.how)
    end
  end
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

-- A valuation as --json gives it: one shape always (lists stay lists, empty or not).
local function data_of(v)
  local rows = {}
  for i, r in ipairs(v.rows) do rows[i] = { name = r.name, kind = r.kind, how = r.how, amounts = r.amounts } end
  local not_valued = {}
  for i, n in ipairs(v.not_valued) do not_valued[i] = { name = n.name, terms = n.terms, how = n.how } end
  return { currency = v.currency, years = v.years, rows = rows, totals = v.totals, average = v.average,
           paid = v.paid, worth = v.worth, equity_scenarios = v.equity_scenarios, not_valued = not_valued,
           assumptions = v.assumptions }
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
    local d = data_of(v)
    d.offer, d.company, d.role, d.status = o.id, app.company, app.role, o.status
    data[#data + 1] = d
  end
  if #texts == 0 then
    error(("%s has no offer to value (cadence offer add --app %s ...)"):format(app.company, name or app.id), 0)
  end
  return { text = table.concat(texts, "\n\n"), data = data }
end

-- Labels by company; the role, then the offer, only where two would read alike.
local function label(entries)
  local count = {}
  for _, e in ipairs(entries) do count[e.app.company] = (count[e.app.company] or 0) + 1 end
  local seen = {}
  for _, e in ipairs(entries) do
    e.label = count[e.app.company] > 1 and (e.app.company .. ", " .. e.app.role) or e.app.company
    seen[e.label] = (seen[e.label] or 0) + 1
  end
  for _, e in ipairs(entries) do
    if seen[e.label] > 1 then e.label = ("%s (offer %d)"):format(e.app.company, e.offer.id) end
  end
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
  if who ~= nil and not person then error(("no candidate %q (cadence candidate list)"):format(tostring(who)), 0) end
  local absent = {}
  -- Valued in the currency of the person's own pay when it is known (not whichever offer came first).
  if person and person.current_pay then assumptions.currency = assumptions.currency or person.current_pay.currency end
  for _, app in ipairs(cadence.apps()) do
    if not person or app.candidate_id == person.id then
      for _, o in ipairs(valuation.current(app:offers())) do
        if o.status == "received" or o.status == "negotiating" then
          assumptions.currency = assumptions.currency or o.base.currency
          entries[#entries + 1] = { offer = o, app = app }
        else
          -- Answered or gone: said, not weighed.
          absent[#absent + 1] = ("  - %s, offer %d: %s"):format(app.company, o.id, o.status)
        end
      end
    end
  end
  if #entries == 0 then
    error("no offer to compare (received or negotiating): cadence offer add --app APP ..."
      .. (#absent > 0 and ("\nNot compared, no longer open:\n" .. table.concat(absent, "\n")) or ""), 0)
  end
  label(entries)
  -- Each offer valued on its own: one that cannot be (a currency with no rate) is said apart, with
  -- what to set, and the others are still compared. None valued: that offer's sentence is the error.
  local valued, unvalued = {}, {}
  for _, e in ipairs(entries) do
    local ok, v = pcall(valuation.value, e.offer, assumptions)
    if ok then
      e.valuation, valued[#valued + 1] = v, e
    else
      unvalued[#unvalued + 1] = { offer = e.offer.id, company = e.app.company, role = e.app.role, label = e.label, why = tostring(v) }
    end
  end
  if #valued == 0 then error(unvalued[1].why, 0) end
  entries = valued
  -- Your current job, as the baseline, when its pay is recorded: valued with its benefits.
  local notes = {}
  person = person or (function()
    for _, c in ipairs(cadence.candidates()) do if c.id == entries[1].app.candidate_id then return c end end
  end)()
  if person and person.current_pay then
    local current = valuation.current_job(person)
    entries[#entries + 1] = { label = "current job", current = true, valuation = valuation.value(current, assumptions) }
    local recorded = 0
    for _, text in ipairs(person.current_benefits or {}) do if text:find("%S") then recorded = recorded + 1 end end
    if recorded == 0 then
      notes[#notes + 1] = ("the current job's benefits are not recorded, so it is valued on pay alone: "
        .. "cadence candidate edit %q --current-benefit \"25 days holiday\" --current-benefit \"pension 5%%\"…"):format(person.name)
    end
  elseif person then
    notes[#notes + 1] = ("no current job to compare with: cadence candidate edit %q --current-pay AMOUNT"):format(person.name)
  end
  local comparison = valuation.compare(entries, settings)
  local data = {}
  for i, e in ipairs(comparison.entries) do
    local d = data_of(e.valuation)
    d.rank, d.label, d.current = i, e.label, e.current == true
    d.offer, d.company, d.role = e.offer and e.offer.id, e.app and e.app.company, e.app and e.app.role
    d.year1, d.scores, d.overall, d.breakdown = e.valuation.totals[1], e.scores, e.overall, e.breakdown
    data[i] = d
  end
  -- An assumption all rest on, once; one only some rest on, with whose it is.
  local order, holders = {}, {}
  for _, e in ipairs(comparison.entries) do
    for _, line in ipairs(e.valuation.assumptions) do
      if not holders[line] then order[#order + 1], holders[line] = line, {} end
      table.insert(holders[line], e.label)
    end
  end
  local stated = { "Assumptions (valued in " .. assumptions.currency .. ", whole units, rounded):" }
  for _, line in ipairs(order) do
    local who_holds = #holders[line] == #comparison.entries and "" or (table.concat(holders[line], ", ") .. ": ")
    stated[#stated + 1] = "  - " .. who_holds .. line
  end
  for _, line in ipairs(notes) do stated[#stated + 1] = "  - " .. line end
  local extra = {}
  for _, e in ipairs(comparison.entries) do
    local v = e.valuation
    if #v.equity_scenarios > 0 then
      local parts = {}
      for _, s in ipairs(v.equity_scenarios) do parts[#parts + 1] = ("%d× %s"):format(s.multiple, amount(s.average)) end
      extra[#extra + 1] = ("  - %s: if its shares are worth 0×, 1× or 2× the value assumed, the average a year: %s")
        :format(e.label, table.concat(parts, ", "))
    end
    for _, n in ipairs(v.not_valued) do
      extra[#extra + 1] = ("  - %s: %s%s not valued: %s"):format(e.label, n.name,
        n.terms ~= n.name and (" (\"" .. n.terms .. "\")") or "", n.how)
    end
  end
  if #extra > 0 then
    local shares, unvalued = false, false
    for _, e in ipairs(comparison.entries) do
      shares = shares or #e.valuation.equity_scenarios > 0
      unvalued = unvalued or #e.valuation.not_valued > 0
    end
    table.insert(extra, 1, shares and unvalued and "Private shares, and what is not valued:"
      or (shares and "Private shares:" or "Not valued (worded, no figure):"))
  end
  if #absent > 0 then table.insert(absent, 1, "Not compared, no longer open:") end
  local cannot = {}
  for _, u in ipairs(unvalued) do cannot[#cannot + 1] = ("  - %s: %s"):format(u.label, u.why) end
  if #cannot > 0 then table.insert(cannot, 1, "Not compared, not valued yet:") end
  local parts = { valuation.render_comparison(comparison), joined(stated) }
  if #extra > 0 then parts[#parts + 1] = joined(extra) end
  if #cannot > 0 then parts[#parts + 1] = joined(cannot) end
  if #absent > 0 then parts[#parts + 1] = joined(absent) end
  return { text = table.concat(parts, "\n"), data = data, unvalued = unvalued }
end

return valuation
