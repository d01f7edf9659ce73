-- The standard negotiation script: the negotiation practice's rules 1-9 as
-- plain Lua. `cadence negotiate APP` runs it over the situation (the
-- application, its offer and the rounds so far, your three numbers, the
-- needs they named and your strengths, your other live offers) and prints
-- the decision, the rule that led to it, the figures and the words. Copy it
-- to your workspace as negotiate.lua to change any rule: the numbers you are
-- most likely to change come first.
local cadence = require "cadence"

local rules = {}

-- Counter this far above the offer (rule 6)…
rules.counter_above_offer = 10      -- percent
-- …but never below the going rate nor above your top (rule 1).
-- A gap this small to the going rate is not worth a salary counter (rule 8).
rules.small_gap = 3                 -- percent of the going rate
-- When pushed for a figure before an offer, name a range this far above your going rate (rule 4).
rules.range_above_target = { 10, 20 }   -- percent, low and high end
-- Ask for this many working days to consider an offer, answering at this hour (rule 5).
rules.days_to_consider = 2
rules.answer_at = "10:00"
-- The concession plan across rounds (rules 6 and 8): the first ask; then, if
-- they come back below it, where you would settle, this far of the way from
-- your first ask down to the going rate; after that the package, not the base.
rules.settle_toward_going = 50      -- percent of the way from the first ask to the going rate
-- An early salary review to ask for, this many months in, when base is stuck.
rules.early_review_months = 6
-- The package to ask for, in this order, when base is stuck or the gap is
-- small (rule 6: employers have more room on benefits, start date and moving
-- allowance than on base); the words name this many of them.
rules.levers_in_words = 3

local function money(minor, currency) return cadence.money_text({ minorUnits = minor, currency = currency }) end

-- "a, b and c".
local function listed(items)
  if #items <= 1 then return items[1] or "" end
  return table.concat(items, ", ", 1, #items - 1) .. " and " .. items[#items]
end

-- Minor units in one whole unit of `currency`, as the domain counts them:
-- asked of Money (one unit read as an amount), never assumed here.
local units_of = {}
local function unit_of(currency)
  local unit = units_of[currency]
  if not unit then
    local one = cadence.money("1 " .. currency)
    unit = one and one.minorUnits or 100
    units_of[currency] = unit
  end
  return unit
end

-- Whole units as a round figure is said: "190k", "187.5k", "1.2 million",
-- "3 billion"; under a thousand, the figure itself.
local SCALES = { { 1000000000, " billion" }, { 1000000, " million" }, { 1000, "k" } }
local function said(units)
  for _, scale in ipairs(SCALES) do
    local tenths = (units * 10 + scale[1] // 2) // scale[1]
    if tenths >= 10 then
      return (tenths % 10 == 0 and tostring(tenths // 10) or ("%d.%d"):format(tenths // 10, tenths % 10)) .. scale[2]
    end
  end
  return tostring(units)
end

--- "around 190k (USD)": a figure as it is said aloud, at any scale; the exact
--- figure is given beside it once, where it matters.
function rules.around(minor, currency)
  local units = minor // unit_of(currency)
  if units < 1000 then return money(minor, currency) end
  return ("around %s (%s)"):format(said(units), currency)
end

--- "28k", "1.2 million": a figure as you would say it to yourself; under a thousand, the figure.
function rules.short(minor, currency)
  local units = minor // unit_of(currency)
  if units < 1000 then return money(minor, currency) end
  return said(units)
end

--- "the mid-thirties (GBP)" for 34,000, "the high 180s (USD)" for 189,750:
--- how people say where a figure lies, from 20,000 to 999,999; outside that,
--- "around 1.2 million (USD)".
function rules.spoken(minor, currency)
  local thousands = minor // unit_of(currency) // 1000
  if thousands >= 20 and thousands < 1000 then
    local tens = thousands // 10 * 10
    local part = thousands % 10
    local where = part <= 3 and "low" or (part <= 6 and "mid" or "high")
    if thousands < 100 then
      local names = { [20] = "twenties", [30] = "thirties", [40] = "forties", [50] = "fifties", [60] = "sixties",
                      [70] = "seventies", [80] = "eighties", [90] = "nineties" }
      return ("the %s-%s (%s)"):format(where, names[tens], currency)
    end
    return ("the %s %ds (%s)"):format(where, tens, currency)
  end
  return rules.around(minor, currency)
end
local spoken = rules.spoken

-- A figure rounded as a counter is said (to 500 of a currency's units from
-- 20,000, to 100 from 2,000, to 10 from 200; smaller figures exactly), kept
-- within `low`..`high`: rounding never takes it past a limit.
local function round(minor, currency, low, high)
  local unit = unit_of(currency)
  local units = minor // unit
  local step = (units >= 20000 and 500 or units >= 2000 and 100 or units >= 200 and 10 or 0) * unit
  local r = step > 0 and (minor + step // 2) // step * step or minor
  if high and r > high then r = step > 0 and high // step * step or high end
  if low and r < low then r = low end
  if high and r > high then r = high end
  return r
end

-- Rule 3, the case: each need they named (app edit --need) is answered by the
-- strength of yours (candidate edit --strength) that says the most about it,
-- matched by meaning (negotiation/case.lua); `cadence negotiate` shows each
-- pair under Facts. To choose a pair yourself, name the need as recorded and
-- the strength to answer it with (false leaves a need unsaid):
--   rules.pairs = { ["scaling the payments team"] = "grew the platform team from 4 to 12" }
rules.pairs = {}

local case = require "negotiation.case"

--- The case for `s`: its needs matched to its strengths, rules.pairs first
--- ({ pairs, unanswered, left_out, unknown }: negotiation/case.lua's match).
function rules.case(s)
  return case.match(s.app.needs or {}, s.candidate and s.candidate.strengths or {}, rules.pairs)
end

--- Rule 3: "You mentioned [need]; I [strength] and can do the same for you.", a
--- sentence for each strength that answers a need, best first; none invented
--- when none are recorded. The deflection and the counter end with them.
function rules.talking_points(s)
  return case.points(rules.case(s))
end

-- The words of the candidate's region for leave and retirement (PTO and a
-- 401(k) match in the US, holiday and a pension in Britain), else plain ones.
local function region_words(s)
  local ok, region = pcall(cadence.region, s.app)
  local b = ok and region and region.benefits or {}
  return { paid_leave = b.paid_leave or "paid leave", retirement = b.retirement or "retirement contribution",
           typical_leave_days = b.typical_leave_days or 20 }
end

-- Whether the offer's words (a benefit's name or what it says) mention any of `words`.
local function offer_says(o, ...)
  for name, text in pairs(o.benefits or {}) do
    local said = (tostring(name) .. " " .. tostring(text)):lower()
    for _, w in ipairs{ ... } do if said:find(w, 1, true) then return true end end
  end
  return false
end

local function values(o) return o.benefit_values or {} end

--- Every lever of a package besides base and a sign-on, in the order to ask
--- for them (rule 6: employers have more room on benefits, start date and
--- moving allowance than on base). `has(offer, s, w)` says the offer has it
--- already, so it is not asked for; `words(s, w)` says it in the region's
--- terms (w: paid_leave, retirement); `risk`, when set, is stated as a fact.
rules.levers = {
  { name = "start date", has = function() return false end,
    words = function() return "some flexibility on the start date" end },
  { name = "relocation", has = function(o) return values(o).movingAllowance or offer_says(o, "relocat", "moving") end,
    words = function() return "a relocation allowance" end },
  { name = "paid leave", label = function(w) return w.paid_leave end, has = function(o, s, w) local days = values(o).holidayDays return days and days >= w.typical_leave_days end,
    words = function(s, w) return ("a few more days of %s"):format(w.paid_leave) end },
  { name = "remote days", has = function(o)
      local v = values(o)
      return (v.remoteDaysPerWeek and v.remoteDaysPerWeek >= 2) or (v.officeDaysPerWeek and v.officeDaysPerWeek <= 3)
        or offer_says(o, "remote", "hybrid")
    end,
    words = function() return "a day or two a week working remotely" end },
  { name = "study budget", has = function(o) return values(o).studyBudget or offer_says(o, "study", "training", "learning") end,
    words = function() return "a study budget for courses and certifications" end },
  { name = "early salary review", has = function(o) return offer_says(o, "review") end,
    words = function() return ("a salary review after %d months, on what I have delivered"):format(rules.early_review_months) end },
  { name = "title or level", has = function(o) return offer_says(o, "title", "level") end,
    words = function() return "a title and level that match the scope of the role" end },
  { name = "bonus", has = function(o) return o.bonus_amount or offer_says(o, "bonus") end,
    words = function() return "a performance bonus" end },
  { name = "equity", has = function(o) return o.grant or o.equity end,
    words = function() return "an equity grant" end,
    risk = "equity, if you ask for it: shares in a private company may be worth nothing (or twice what is assumed) until a sale or listing, so never trade base for them one for one" },
  { name = "retirement", label = function(w) return w.retirement end, has = function(o) return values(o).pensionMatch or offer_says(o, "pension", "401", "retirement") end,
    words = function(s, w) return ("a %s"):format(w.retirement) end },
  { name = "notice buyout", has = function(o) return offer_says(o, "notice", "buyout") end,
    words = function() return "a buyout of my notice period, so that I can start sooner" end },
}

--- The levers the offer does not have yet, in the order to ask: { { name, words, risk } }.
function rules.open_levers(s)
  local w, open = region_words(s), {}
  for _, lever in ipairs(rules.levers) do
    if not lever.has(s.offer, s, w) then
      open[#open + 1] = { name = lever.label and lever.label(w) or lever.name, words = lever.words(s, w), risk = lever.risk }
    end
  end
  return open
end

--- What every counter carries (rules 5 and 8): trust in being treated fairly, and a result both sides are glad of.
rules.assurance = "I trust you to treat me fairly, and I'd like us to reach something we are both glad of."

-- "Initech's", "Lumen Labs'": a company's, as it is written.
local function of_company(name) return name:match("s$") and (name .. "'") or (name .. "'s") end

-- A name of yours or theirs inside a sentence: on one line, whatever it holds.
local function one_line(text) return (tostring(text):gsub("%c+", " ")) end

local function case_of(points) return #points > 0 and (" " .. table.concat(points, " ")) or "" end

--- The words, by step.
rules.words = {}

--- Rule 2 and 3: the salary question before an offer: no figure yet, then the case.
function rules.words.deflect(s, points)
  return ("I'd rather not put a number on it before we both know the role is right; I'm looking forward to your "
    .. "proposal. What matters to me is a real step up in responsibility and in pay.%s"):format(case_of(points))
end

--- Rule 4: pushed again, a range a little above the target, never above your
--- top nor below what you asked in an earlier round. Returns the words, low and high.
function rules.words.range(s)
  local t = s.targets
  local cur, going, top = t.going.currency, t.going.minorUnits, t.top.minorUnits
  local floor = math.max(going, s.asked_before or 0)
  local low = round(cadence.percent_of(going, 100 + rules.range_above_target[1]), cur, floor, top)
  local high = round(cadence.percent_of(going, 100 + rules.range_above_target[2]), cur, low, top)
  -- Cut by your top: the range runs from halfway between the going rate and the top, up to the top.
  if low >= high then low = round((floor + high) // 2, cur, floor, high) end
  if low >= high then
    return ("Given the scope of the role, I'd expect %s."):format(rules.around(high, cur)), high, high
  end
  return ("Given the scope of the role, I'd expect something in %s: roughly %s to %s."):format(
    spoken((low + high) // 2, cur), money(low, cur), money(high, cur)), low, high
end

--- Rule 5: asking for time, with the day and hour you will answer.
function rules.words.time(s, when)
  return ("Thank you, I'm delighted to have the offer. I'd like a little time to consider it properly; "
    .. "may I come back to you on %s at %s?"):format(when.day:short(), when.time or rules.answer_at)
end

--- Rule 5 with two offers: the earlier asked to wait until the later one's date, honestly.
function rules.words.wait(s, when)
  return ("Thank you, I'm delighted to have the offer. To be open with you, I have another offer, which I need to answer by "
    .. "%s, and I'd like to give yours the same careful thought: could you give me until %s at %s?"):format(
    when.other.respond_by:short(), when.day:short(), when.time or rules.answer_at)
end

--- Rule 5, late: their date passed unanswered; an apology and a new day, asked at once.
function rules.words.extension(s, when)
  return ("Thank you again for the offer, and I'm sorry not to have answered by %s. I'm still very keen on the %s role "
    .. "and want to give the offer the careful answer it deserves: could I have until %s at %s?"):format(
    when.passed:short(), one_line(s.app.role), when.day:short(), rules.answer_at)
end

--- Rule 5, late after asking for time: the day agreed (or their date) passed; an apology, then the answer.
function rules.words.late(s, late)
  return ("I'm sorry I didn't come back to you %s as %s. I'm still very keen on the %s role: is the offer still open? "
    .. "If it is, I'm ready to give you my answer now."):format(
    late.time and ("on %s at %s"):format(late.day:short(), late.time) or ("by %s"):format(late.day:short()),
    late.agreed and "we agreed" or "you asked", one_line(s.app.role))
end

--- Waiting for their answer to what you asked: a check-in that keeps the door warm.
function rules.words.follow_up(s)
  return "Thank you again for considering my request. I wanted to check whether you have had a chance to look at it; "
    .. "I'm happy to talk it through whenever suits you."
end

--- Rule 9: a call for what the written offer leaves out.
function rules.words.call(s, missing)
  return ("Call to ask about what the offer does not say: %s. Ask for the answers in writing."):format(listed(missing))
end

-- An amount of your targets' currency as said to them: in the offer's
-- currency when it has another (by your rate, rounded as a counter is said),
-- "around 190k (USD), that is 190,000 USD a year"; `exact` says only the figure.
local function to_them(s, minor)
  local cur, theirs = s.targets.going.currency, s.offer and s.offer.base.currency or s.targets.going.currency
  if theirs == cur or not s.rate or s.rate.target <= 0 then return minor, cur end
  -- Rounded down: said in their currency, a figure never passes the limit it was kept within in yours.
  local amount = cadence.share_of(minor, s.rate.offer, s.rate.target)
  return round(amount, theirs, nil, amount), theirs
end

local function said_base(s, minor)
  local amount, cur = to_them(s, minor)
  local around, exact = rules.around(amount, cur), money(amount, cur)
  if around == exact then return exact .. " a year" end
  return ("%s, that is %s a year"):format(around, exact)
end

-- " (39,500 EUR to them, at your rate)" when the offer has another currency, else "".
local function theirs_too(s, minor)
  local amount, cur = to_them(s, minor)
  if cur == s.targets.going.currency then return "" end
  return (" (%s to them, at your rate)"):format(money(amount, cur))
end

local function said_money(s, minor)
  local amount, cur = to_them(s, minor)
  return money(amount, cur)
end

--- Rules 6 and 8: the counter, with the case and the assurance. `figure`: the
--- base asked (minor units a year), else `package` (the package asked for
--- instead, in words). `how`: { earlier = minor } when you asked before
--- (then the figure holds it, or concedes and says so).
function rules.words.counter(s, figure, points, package, how)
  local rounds = s.rounds or {}
  local moved = #rounds > 1 and rounds[#rounds].base_in > rounds[#rounds - 1].base_in
  local opening = moved and "Thank you for coming back to me; I appreciate the move. "
    or #rounds > 1 and "Thank you for coming back to me. "
    or "Thank you for the offer; I'm keen to make it work. "
  local ask
  if not figure then
    ask = ("The base is close to what I had in mind, so rather than the salary, could we look at %s?"):format(package)
  elseif how and how.earlier and figure < how.earlier then
    ask = ("I've thought carefully about where we are and, to meet you part way, I can come down from the %s I asked "
      .. "to a base of %s. Could we agree on that?"):format(said_money(s, how.earlier), said_base(s, figure))
  elseif how and how.earlier then
    ask = ("I'd still hope for the base I asked, %s; is there room to get there?"):format(said_base(s, figure))
  else
    ask = ("Given what the role asks, I was hoping for a base of %s. Is there room to get there?"):format(said_base(s, figure))
  end
  return opening .. ask .. case_of(points) .. " " .. rules.assurance
end

--- Base is stuck (a final offer, or the plan's last step): the package, with
--- a one-off sign-on to close the gap, asked once. `gap`: minor units a year, or nil.
function rules.words.package(s, gap, levers, final, when)
  local asks = {}
  if gap and gap > 0 then
    asks[1] = (s.offer.sign_on and "adding %s to the sign-on, a one-off to close the gap on base"
      or "a one-off sign-on of %s to close the gap on base"):format(said_money(s, gap))
  end
  for i = 1, math.min(#levers, rules.levers_in_words) do asks[#asks + 1] = levers[i].words end
  local opening = final
    and "Thank you for telling me this is your final offer; I respect that, and I won't push further on the base. "
      .. "May I ask once about the rest of the package: "
    or "Thank you for coming back to me. Rather than push further on the base, could we close the gap another way: "
  local close = final and when and (" Either way, I'll give you my answer on %s at %s."):format(when.day:short(), when.time)
    or ""
  return opening .. (#asks > 0 and listed(asks) or "whatever flexibility there is in the package") .. "? "
    .. rules.assurance .. close
end

--- Rule 7: below the bottom line, decline politely and leave the door open.
function rules.words.below_bottom(s)
  return ("Thank you for the offer and for your time. At %s it is below what I can accept, so I have to decline as it "
    .. "stands; if there is any flexibility, I would be glad to talk again."):format(cadence.money_text(s.offer.annual_base))
end

-- What a written offer should say, and what it is called when it does not
-- (rule 9), in the region's words: holiday or PTO, a pension or a 401(k) match.
local COMPONENTS = {
  { function() return "start date" end, function(o) return o.start end },
  { function(w) return w.paid_leave end,
    function(o) return values(o).holidayDays or offer_says(o, "holiday", "pto", "leave", "vacation") end },
  { function(w) return w.retirement end,
    function(o) return values(o).pensionMatch or offer_says(o, "pension", "401", "retirement", "superannuation") end },
  -- Said, even as none (--bonus 0): only a bonus never mentioned is missing.
  { function() return "bonus" end, function(o) return o.bonus or o.bonus_percent or offer_says(o, "bonus") end },
  { function() return "the date to answer by" end, function(o) return o.respond_by end },
}

-- The next working day from `day` on (today counts when it is one): no
-- weekend and no public holiday of the candidate's region.
local function working(s, day)
  return require("cadence.calendar").new():for_app(s.app):working_day(day)
end

local function days_text(n) return ("%d day%s"):format(n, n == 1 and "" or "s") end

-- The facts every decision on an offer shows: the rounds, the walk-away
-- point, the deadlines of your live offers lined up, and whether another
-- offer may be mentioned.
local function offer_facts(s, d)
  local t, cur = s.targets, s.targets.going.currency
  for _, r in ipairs(s.rounds or {}) do
    d.facts[#d.facts + 1] = ("round %d: offer %d%s: %s%s%s"):format(r.round, r.id, r.came and (" came on " .. r.came:short()) or "",
      cadence.money_text(r.base), r.final and " (their final offer)" or "",
      r.asked and ("; you asked %s%s"):format(cadence.money_text(r.asked), r.asked_on and (" on " .. r.asked_on:short()) or "") or "")
  end
  d.walk_away = t.bottom.minorUnits
  d.facts[#d.facts + 1] = ("walk-away point: below %s a year (\"under %s\", your bottom line): decline politely, leaving the door open"):format(
    money(t.bottom.minorUnits, cur), rules.short(t.bottom.minorUnits, cur))
  if s.others and #s.others > 0 then
    local lined = { { label = ("this offer (%s)"):format(s.app.company), respond_by = s.offer.respond_by } }
    for _, other in ipairs(s.others) do
      lined[#lined + 1] = { label = ("%s offer %d"):format(other.company, other.offer_id), respond_by = other.respond_by }
    end
    table.sort(lined, function(a, b)
      if a.respond_by and b.respond_by then return a.respond_by < b.respond_by end
      return a.respond_by ~= nil and b.respond_by == nil
    end)
    local said = {}
    for _, l in ipairs(lined) do said[#said + 1] = l.label .. (l.respond_by and (" by " .. l.respond_by:short()) or ": no date") end
    d.facts[#d.facts + 1] = "deadlines, earliest first: " .. table.concat(said, "; ")
    for _, other in ipairs(s.others) do
      if other.would_take then
        d.facts[#d.facts + 1] = ("%s offer is one you would take (%s): when you ask for time you may say you have another offer%s, never more than it is, and never to press for more money"):format(
          of_company(other.company), other.why, other.respond_by and (" and its date (" .. other.respond_by:short() .. ")") or "")
      else
        d.facts[#d.facts + 1] = ("%s offer is not one you would take (%s): do not use it as leverage"):format(of_company(other.company), other.why)
      end
      if other.respond_by and s.offer.respond_by and other.respond_by < s.offer.respond_by and other.respond_by >= s.today then
        d.facts[#d.facts + 1] = ("%s date comes first (%s): ask them to wait (cadence negotiate %s)"):format(
          of_company(other.company), other.respond_by:short(), other.app_id)
      end
    end
  end
end

-- The plan across rounds (rules 6 and 8): the first ask, where you would
-- settle, then the package; from what you did ask, where you asked.
local function plan_of(s)
  local t, cur = s.targets, s.targets.going.currency
  local base, going, top = s.base_in_target_currency, t.going.minorUnits, t.top.minorUnits
  local asks, package_rounds = {}, 0
  for i = 1, #(s.rounds or {}) - 1 do
    local r = s.rounds[i]
    if r.asked_in then asks[#asks + 1] = r.asked_in; package_rounds = 0 else package_rounds = package_rounds + 1 end
  end
  local first = asks[1] or round(cadence.percent_of(base, 100 + rules.counter_above_offer), cur, going, top)
  local settle = first
  if first > going then
    settle = round(first - cadence.percent_of(first - going, rules.settle_toward_going), cur, going, math.min(first, top))
  end
  return { first = first, settle = settle, asks = asks, package_rounds = package_rounds, step = #asks + 1 }
end

local function plan_fact(s, plan, now)
  local cur = s.targets.going.currency
  local steps = {
    ("1. ask %s%s"):format(money(plan.first, cur), plan.asks[1] and " (asked)" or
      (" (the offer + %s, at least the going rate, at most the top)"):format(cadence.percent_text(rules.counter_above_offer))),
    plan.settle > s.base_in_target_currency and ("2. settle at %s"):format(money(plan.settle, cur))
      or ("2. take what they come back with (the offer is already above where you would settle, %s)"):format(money(plan.settle, cur)),
    "3. then the package, not the base (a one-off sign-on for the gap, then the levers)",
  }
  if now then steps[now] = steps[now] .. " ← now" end
  return "the plan across rounds: " .. table.concat(steps, "; ")
end

local function accept(s, d, rule, reason)
  d.action, d.rule, d.reason = "accept", rule, reason
  d.words.accept = require("cadence.drafts").acceptance{ app = s.app, offer = s.offer, candidate = s.candidate }
  return d
end

-- The package step: levers (and a sign-on for `gap`) asked for instead of base.
local function package_facts(s, d, levers)
  local names, risks = {}, {}
  for _, l in ipairs(levers) do names[#names + 1] = l.name; if l.risk then risks[#risks + 1] = l.risk end end
  d.levers = names
  d.facts[#d.facts + 1] = #names > 0 and ("levers the offer does not have yet, in the order to ask: %s"):format(table.concat(names, ", "))
    or "the offer has every lever already: ask only about the sign-on"
  if s.offer.grant and s.offer.grant.kind == "options" then
    d.facts[#d.facts + 1] = "the equity is options: in a private company they may be worth nothing (or twice what you assume): never trade base for them one for one"
  end
  for _, risk in ipairs(risks) do d.facts[#d.facts + 1] = risk end
end

-- The decision on the figures, once time was asked and nothing is missing.
local function figures(s, d, when)
  local t, o = s.targets, s.offer
  local cur = t.going.currency
  local base, going, top = s.base_in_target_currency, t.going.minorUnits, t.top.minorUnits
  local small = cadence.percent_of(going, rules.small_gap)
  local plan = plan_of(s)
  d.plan = { first = plan.first, settle = plan.settle }
  local highest = s.asked_before
  local levers = rules.open_levers(s)
  if base >= top then
    return accept(s, d, "rules 1 and 9: the offer meets your top; accept in writing, spelling out the terms",
      ("the base of %s is at or above your top of %s"):format(money(base, cur), cadence.money_text(t.top)))
  end
  if highest and base >= highest then
    return accept(s, d, "rules 8 and 9: they met what you asked; accept in writing, spelling out the terms",
      ("the base of %s meets the %s you asked"):format(money(base, cur), money(highest, cur)))
  end
  if s.final then
    -- A final offer is final: no counter on base. Accept, decline, or ask once for the package.
    local earlier_final = false
    for i = 1, #s.rounds - 1 do if s.rounds[i].final then earlier_final = true end end
    -- What a final offer is measured against: where you would settle (or your last ask, when lower).
    local aim = math.min(plan.settle, plan.asks[#plan.asks] or plan.settle)
    local gap = aim - base
    if earlier_final or plan.package_rounds > 0 or gap <= small then
      return accept(s, d, "rules 8 and 9: a final offer is accepted or declined, not countered; above your bottom line, accept in writing",
        gap > small and ("their final offer of %s is above your bottom line, and you have asked once about the package already: accept it, or decline courteously"):format(money(base, cur))
          or ("their final offer of %s is %s from where you would settle (%s), within %s: accept it, or decline courteously"):format(
            money(base, cur), money(math.max(gap, 0), cur), money(aim, cur), cadence.percent_text(rules.small_gap)))
    end
    package_facts(s, d, levers)
    d.action, d.rule = "ask-package-once", "rules 6 and 8: a final offer is final: no counter on base; ask once for the package, then accept or decline"
    d.reason = ("they said %s is their final offer, %s below where you would settle (%s): ask once for a one-off sign-on and the package, then accept or decline"):format(
      money(base, cur), money(gap, cur), money(aim, cur))
    d.words.package = rules.words.package(s, gap, levers, true, when)
    return d
  end
  if plan.package_rounds > 0 or plan.step >= 3 then
    -- The plan's last step: base is done; the package once, then the answer.
    local last = plan.asks[#plan.asks] or plan.first
    if plan.package_rounds > 0 then
      return accept(s, d, "rule 8: no quibbling: you asked about the package and they came back; above your bottom line, accept in writing",
        ("the base of %s is above your bottom line and the package was asked for already"):format(money(base, cur)))
    end
    d.facts[#d.facts + 1] = plan_fact(s, plan, 3)
    package_facts(s, d, levers)
    d.action, d.rule = "counter-package", "rules 6 and 8: after two asks on base, the package: a one-off sign-on to close the gap, and benefits"
    d.reason = ("you have asked twice on base (last %s); they came back at %s: close the gap another way"):format(money(last, cur), money(base, cur))
    -- A gap is closed up to your top at most, whatever was asked (an ask above it is said as a fact).
    if last > top then
      d.facts[#d.facts + 1] = ("you asked %s, above your top of %s: the gap is counted to your top"):format(money(last, cur), money(top, cur))
      last = top
    end
    d.words.counter = rules.words.package(s, last - base, levers, false)
    return d
  end
  local figure, how = plan.first, nil
  -- At the smallest scales rounding can land on the offer itself: a counter is always above it, within the top.
  if figure <= base and top > base and not plan.asks[1] then figure = math.min(top, base + unit_of(cur)) end
  if plan.step == 2 then
    if base >= plan.settle then
      return accept(s, d, "rule 8: they came back at or above where you would settle; accept in writing",
        ("the base of %s is at or above your settling point of %s"):format(money(base, cur), money(plan.settle, cur)))
    end
    figure, how = plan.settle, { earlier = highest }
  end
  if (going > base and going - base <= small) or figure - base <= small then
    d.facts[#d.facts + 1] = ("the plan: the package first, the base as it is (the gap of %s is within %s: rule 8)"):format(
      money((going > base and going - base <= small) and going - base or figure - base, cur), cadence.percent_text(rules.small_gap))
    package_facts(s, d, levers)
    local asks = {}
    for i = 1, math.min(#levers, rules.levers_in_words) do asks[#asks + 1] = levers[i].words end
    d.action, d.rule = "counter-benefits", "rules 6 and 8: no quibbling over a small gap; employers have more room on benefits"
    d.reason = going > base
      and ("the base is %s under the going rate, within %s: not worth a salary counter"):format(money(going - base, cur), cadence.percent_text(rules.small_gap))
      or ("the base is %s from %s of %s, within %s: ask about the package, not the salary"):format(money(figure - base, cur),
        plan.step == 2 and "where you would settle" or "the counter", money(figure, cur), cadence.percent_text(rules.small_gap))
    d.words.counter = rules.words.counter(s, nil, d.points, #asks > 0 and listed(asks) or "the package as a whole")
    return d
  end
  d.facts[#d.facts + 1] = plan_fact(s, plan, plan.step)
  d.action = "counter"
  d.counter = figure
  if how and how.earlier and figure < how.earlier then
    d.rule = "rules 6 and 8: the plan's second step: come down once, to where you would settle, and say so"
    d.reason = ("they came back at %s, below the %s you asked: concede once, to %s, and say it is a move"):format(
      money(base, cur), money(how.earlier, cur), money(figure, cur))
    d.facts[#d.facts + 1] = ("the counter: %s%s, a concession of %s from your ask of %s, said as one"):format(
      money(figure, cur), theirs_too(s, figure), money(how.earlier - figure, cur), money(how.earlier, cur))
  elseif how and how.earlier then
    d.rule = "rules 6 and 8: hold what you asked: never ask more than before"
    d.reason = ("they came back at %s, below the %s you asked, and that is where you would settle"):format(money(base, cur), money(how.earlier, cur))
    d.facts[#d.facts + 1] = ("the counter: %s%s, what you asked before"):format(money(figure, cur), theirs_too(s, figure))
  else
    d.rule = ("rule 6: counter between the going rate and your top, %s above the offer"):format(cadence.percent_text(rules.counter_above_offer))
    d.reason = ("the base of %s leaves room below your top of %s"):format(money(base, cur), cadence.money_text(t.top))
    d.facts[#d.facts + 1] = ("the counter: %s%s (the offer + %s, at least the going rate, at most the top)"):format(
      money(figure, cur), theirs_too(s, figure), cadence.percent_text(rules.counter_above_offer))
  end
  d.words.counter = rules.words.counter(s, figure, d.points, nil, how)
  return d
end

-- What follows once time was asked: the call about what is missing, then the figures.
local function after_time(s, d, when)
  local w = region_words(s)
  local missing = {}
  for _, c in ipairs(COMPONENTS) do if not c[2](s.offer) then missing[#missing + 1] = c[1](w) end end
  if #missing > 0 and not s.missing_asked then
    d.action, d.rule = "ask-missing", "rule 9: a written offer leaves things out: ask by phone"
    d.reason = "the offer does not say: " .. listed(missing)
    d.missing = missing
    d.words.call = rules.words.call(s, missing)
    return d
  end
  return figures(s, d, when)
end

-- A later live offer you would take, whose date is after `day`: the one to ask this offer to wait for.
local function later_offer(s, day)
  local later
  for _, other in ipairs(s.others or {}) do
    if other.would_take and other.respond_by and other.respond_by > day and (not later or other.respond_by < later.respond_by) then
      later = other
    end
  end
  return later
end

--- The decision: { action, rule, reason, facts = { … }, counter?, points, words = { … }, … }.
function rules.decide(s)
  local points = rules.talking_points(s)
  local t, o = s.targets, s.offer
  local d = { points = points, words = {}, facts = {} }
  if not t then
    d.action, d.rule = "set-targets", "rule 1: know your three numbers before any offer"
    d.reason = "no bottom line, going rate and top recorded: cadence candidate edit NAME --targets \"28000,30000,35000 GBP\""
    -- Rule 2 needs no figure: asked meanwhile, still give none.
    d.words.deflect = rules.words.deflect(s, points)
    return d
  end
  local cur = t.going.currency
  d.facts[#d.facts + 1] = ("your numbers: %s"):format(s.targets_text)
  for _, fact in ipairs(case.facts(rules.case(s))) do d.facts[#d.facts + 1] = fact end   -- rule 3: the pairs, and needs unanswered
  if not o then
    if s.closed then
      d.action, d.rule = "closed", "rule 9: an offer answered is settled: confirm it in writing, and keep to it"
      d.reason = ("offer %d is %s: there is no open offer to negotiate (a new one: cadence offer add)"):format(s.closed.id, s.closed.status)
      -- Your answer in writing: the acceptance spelling out the terms, or the courteous decline.
      local drafts = require "cadence.drafts"
      local letter = { app = s.app, offer = s.closed, candidate = s.candidate, contacts = s.app:contacts() }
      if s.closed.status == "accepted" then d.words.accept = drafts.acceptance(letter)
      elseif s.closed.status == "declined" then d.words.decline = drafts.decline(letter) end
      return d
    end
    d.action, d.rule = "prepare", "rules 2-4: before an offer, do not give the first number"
    d.reason = "no offer yet: when asked for a figure, deflect and make your case; pushed again, give a range a little above your target"
    d.words.deflect = rules.words.deflect(s, points)
    d.words.range = rules.words.range(s)
    return d
  end
  local base = s.base_in_target_currency
  d.facts[#d.facts + 1] = ("the offer: %s a year base (%s%s a year valued whole)%s"):format(
    cadence.money_text(o.annual_base), o.annual_base.currency ~= cur and (money(base, cur) .. " at your rate; ") or "",
    cadence.whole_text(s.valuation.average) .. " " .. s.valuation.currency, s.final and ", their final offer" or "")
  offer_facts(s, d)
  if s.awaiting then
    d.action, d.rule = "await-reply", "rule 8: you have made your ask: give them time to answer, and ask nothing more meanwhile"
    d.reason = ("you asked %s in answer to offer %d%s; their answer is not recorded yet: when it comes, cadence offer revise %d --base … (--final if they say so)"):format(
      money(s.awaiting, cur), o.id, s.awaiting_on and (" on " .. s.awaiting_on:short()) or "", o.id)
    d.words.follow_up = rules.words.follow_up(s)
    return d
  end
  if base < t.bottom.minorUnits then
    d.action, d.rule = "decline", "rule 7: below the bottom line, decline politely; an increased offer may follow"
    d.reason = ("the base is %s below your bottom line of %s%s"):format(money(t.bottom.minorUnits - base, cur),
      cadence.money_text(t.bottom), s.final and ", and they said it is final" or "")
    d.words.decline = rules.words.below_bottom(s)
    return d
  end
  -- Their date counts from the round it came with: a later round's copy of an earlier date is not a deadline passed.
  local came = s.rounds and s.rounds[#s.rounds] and s.rounds[#s.rounds].came
  local respond_by = o.respond_by and not (came and o.respond_by < came) and o.respond_by or nil
  if respond_by and respond_by < s.today and not s.time_asked then
    -- Their date passed before you even asked for time: ask for more now, by phone, with the day you will answer.
    local day = working(s, s.today + 1)
    d.action, d.rule = "ask-for-extension", "rule 5: their date to answer by has passed: ask at once for a little more time, with a day and hour"
    d.reason = ("their date %s passed %s ago with no answer from you: call today, apologise, and ask to answer on %s at %s"):format(
      respond_by:short(), days_text(s.today - respond_by), day:short(), rules.answer_at)
    d.answer_on = day
    d.words.extension = rules.words.extension(s, { day = day, passed = respond_by })
    return d
  end
  if not s.time_asked then
    local day = working(s, s.today + rules.days_to_consider)
    -- Never after their date; their date on a weekend or holiday is the working day before it.
    if respond_by and day > respond_by then
      day = require("cadence.calendar").new():for_app(s.app):adjust(respond_by, "back")
      if day < s.today then day = s.today end
    end
    local other = later_offer(s, respond_by or day)
    if other then
      -- Two offers: ask this one, whose date comes first, to wait until the other's.
      day = other.respond_by
      d.action, d.rule = "ask-for-time", "rule 5: ask for time, with a day and hour; with two offers, ask the earlier one to wait"
      d.reason = ("%s offer, one you would take, is due by %s%s: ask to answer this one on %s at %s too"):format(
        of_company(other.company), other.respond_by:short(), respond_by and (", after this one's " .. respond_by:short()) or "",
        day:short(), rules.answer_at)
      d.answer_on = day
      d.words.wait = rules.words.wait(s, { day = day, other = other })
      return d
    end
    d.action, d.rule = "ask-for-time", "rule 5: always ask for time to consider an offer, with a day and hour agreed"
    d.reason = ("the offer has not been considered yet: answer on %s at %s%s"):format(day:short(), rules.answer_at,
      respond_by and (", before their date " .. respond_by:short()) or "")
    d.answer_on = day
    d.words.time = rules.words.time(s, { day = day })
    return d
  end
  -- Time was asked: the day you owe an answer is the one agreed, else their date.
  local agreed = s.time_agreed
  local owed = agreed and agreed.day or respond_by
  local owed_time = agreed and agreed.day and (agreed.time or rules.answer_at) or nil
  local when = owed and owed >= s.today and { day = owed, time = owed_time or rules.answer_at } or nil
  if agreed and respond_by and respond_by < s.today and agreed.day >= s.today then
    d.facts[#d.facts + 1] = ("their date %s has passed, but you agreed to answer on %s at %s%s: that day holds"):format(
      respond_by:short(), agreed.day:short(), owed_time, agreed.to and (" with " .. agreed.to) or "")
  elseif agreed and agreed.day >= s.today then
    d.facts[#d.facts + 1] = ("you agreed to answer on %s at %s%s: get back exactly then"):format(agreed.day:short(), owed_time,
      agreed.to and (" (to " .. agreed.to .. ")") or "")
  end
  if owed and owed < s.today then
    -- The day passed after you asked for time: call today, apologise, ask whether the offer stands, and answer.
    after_time(s, d, { day = s.today, time = rules.answer_at })
    local next_action, next_reason = d.action, d.reason
    d.next_action = next_action
    d.action = "answer-late"
    d.rule = "rule 5: get back exactly when agreed; the day has passed: call today, apologise, and give your answer"
    d.reason = ("%s %s, passed %s ago with no answer from you: call %stoday, apologise, ask whether the offer still stands, and if it does: %s (%s)"):format(
      agreed and "the day you agreed to answer," or "their date,", owed:short(), days_text(s.today - owed),
      agreed and agreed.to and (agreed.to .. " ") or "", next_action, next_reason)
    d.words.late = rules.words.late(s, { day = owed, time = owed_time, agreed = agreed ~= nil })
    d.answer_on = s.today
    return d
  end
  return after_time(s, d, when)
end

return rules
