-- The standard negotiation script: the negotiation practice's rules 1-9 as
-- plain Lua. `cadence negotiate APP` runs it over the situation (the
-- application, its offer, your three numbers, the needs they named and your
-- strengths) and prints the decision, the rule that led to it, the figures
-- and the words. Copy it to your workspace as negotiate.lua to change any
-- rule: the numbers you are most likely to change come first.
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

local function money(minor, currency) return cadence.money_text({ minorUnits = minor, currency = currency }) end

-- "a, b and c".
local function listed(items)
  if #items <= 1 then return items[1] or "" end
  return table.concat(items, ", ", 1, #items - 1) .. " and " .. items[#items]
end

-- "the mid-thirties" for 35,000, "the high 180s" for 189,750: how people
-- say a figure in a range, at any scale from 20,000 to 999,999.
local function spoken(minor, currency)
  local thousands = minor // 100000
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
  return money(minor, currency)
end

-- Round to the nearest 500 in whole units, as a counter is said.
local function round(minor) return (minor + 25000) // 50000 * 50000 end

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

--- The words, by step.
rules.words = {}

--- Rule 2 and 3: the salary question before an offer: no figure yet, then the case.
function rules.words.deflect(s, points)
  local case = #points > 0 and (" " .. table.concat(points, " ")) or ""
  return ("I'd rather not put a number on it before we both know the role is right; I'm looking forward to your "
    .. "proposal. What matters to me is a real step up in responsibility and in pay.%s"):format(case)
end

--- Rule 4: pushed again, a range a little above the target.
function rules.words.range(s)
  local t = s.targets
  local low = round(cadence.percent_of(t.going.minorUnits, 100 + rules.range_above_target[1]))
  local high = round(cadence.percent_of(t.going.minorUnits, 100 + rules.range_above_target[2]))
  -- Never above your own top: a range said is a range you could be held to.
  if high > t.top.minorUnits then high = t.top.minorUnits end
  if low >= high then low = round((t.going.minorUnits + high) // 2) end
  if low >= high then
    return ("Given the scope of the role, I'd expect around %s."):format(money(high, t.going.currency)), high, high
  end
  return ("Given the scope of the role, I'd expect something in %s: roughly %s to %s."):format(
    spoken((low + high) // 2, t.going.currency), money(low, t.going.currency), money(high, t.going.currency)), low, high
end

--- Rule 5: asking for time, with the day and hour you will answer.
function rules.words.time(s, when)
  return ("Thank you, I'm delighted to have the offer. I'd like a little time to consider it properly; "
    .. "may I come back to you on %s at %s?"):format(when.day:short(), rules.answer_at)
end

--- Rule 5, late: their date passed unanswered; an apology and a new day, asked at once.
function rules.words.extension(s, when)
  return ("Thank you again for the offer, and I'm sorry not to have answered by %s. I'm still very keen on the %s role "
    .. "and want to give the offer the careful answer it deserves: could I have until %s at %s?"):format(
    when.passed:short(), s.app.role, when.day:short(), rules.answer_at)
end

--- Rule 9: a call for what the written offer leaves out.
function rules.words.call(s, missing)
  return ("Call to ask about what the offer does not say: %s. Ask for the answers in writing."):format(listed(missing))
end

--- Rules 6 and 8: the counter, with the case.
function rules.words.counter(s, figure, points, benefits_only)
  local case = #points > 0 and (" " .. table.concat(points, " ")) or ""
  if benefits_only then
    return ("Thank you for the offer; I'm keen to make it work. The base is close to what I had in mind, so rather than "
      .. "the salary, could we look at %s?%s"):format(benefits_only, case)
  end
  return ("Thank you for the offer; I'm keen to make it work. Given what the role asks, I was hoping for a base of %s. "
    .. "Is there room to get there?%s"):format(money(figure, s.targets.going.currency), case)
end

--- Rule 7: below the bottom line, decline politely and leave the door open.
function rules.words.below_bottom(s)
  return ("Thank you for the offer and for your time. At %s it is below what I can accept, so I have to decline as it "
    .. "stands; if there is any flexibility, I would be glad to talk again."):format(cadence.money_text(s.offer.annual_base))
end

-- What a written offer should say, and what it is when it does not (rule 9).
local COMPONENTS = {
  { "start date", function(o) return o.start end },
  { "holiday", function(o) return (o.benefit_values or {}).holidayDays or (o.benefits or {}).holiday end },
  { "pension", function(o) return (o.benefit_values or {}).pensionMatch or (o.benefits or {}).pension end },
  { "bonus", function(o) return o.bonus_amount or (o.benefits or {}).bonus end },
  { "the date to answer by", function(o) return o.respond_by end },
}

--- The decision: { action, rule, reason, facts = { … }, counter?, points, words = { … } }.
function rules.decide(s)
  local points = rules.talking_points(s)
  local t, o = s.targets, s.offer
  local d = { points = points, words = {}, facts = {} }
  if not t then
    d.action, d.rule = "set-targets", "rule 1: know your three numbers before any offer"
    d.reason = "no bottom line, going rate and top recorded: cadence candidate edit NAME --targets \"28000,30000,35000 GBP\""
    return d
  end
  d.facts[#d.facts + 1] = ("your numbers: %s"):format(s.targets_text)
  for _, fact in ipairs(case.facts(rules.case(s))) do d.facts[#d.facts + 1] = fact end   -- rule 3: the pairs, and needs unanswered
  if not o then
    d.action, d.rule = "prepare", "rules 2-4: before an offer, do not give the first number"
    d.reason = "no offer yet: when asked for a figure, deflect and make your case; pushed again, give a range a little above your target"
    d.words.deflect = rules.words.deflect(s, points)
    d.words.range = rules.words.range(s)
    return d
  end
  local base = s.base_in_target_currency
  d.facts[#d.facts + 1] = ("the offer: %s a year base (%s a year valued whole)"):format(money(base, t.going.currency),
    money(s.valuation.average, s.valuation.currency))
  if base < t.bottom.minorUnits then
    d.action, d.rule = "decline", "rule 7: below the bottom line, decline politely; an increased offer may follow"
    d.reason = ("the base is %s below your bottom line of %s"):format(money(t.bottom.minorUnits - base, t.going.currency),
      cadence.money_text(t.bottom))
    d.words.decline = rules.words.below_bottom(s)
    return d
  end
  if o.respond_by and o.respond_by < s.today and not s.time_asked then
    -- Their date passed before you even asked for time: ask for more now, by phone, with the day you will answer.
    local day = s.today + 1
    while day:is_weekend() do day = day + 1 end
    d.action, d.rule = "ask-for-extension", "rule 5: their date to answer by has passed: ask at once for a little more time, with a day and hour"
    d.reason = ("their date %s passed %d day%s ago with no answer from you: call today, apologise, and ask to answer on %s at %s"):format(
      o.respond_by:short(), s.today - o.respond_by, s.today - o.respond_by == 1 and "" or "s", day:short(), rules.answer_at)
    d.answer_on = day
    d.words.extension = rules.words.extension(s, { day = day, passed = o.respond_by })
    return d
  end
  if not s.time_asked then
    local day = s.today + 1
    for _ = 2, rules.days_to_consider do day = day + 1 end
    while day:is_weekend() do day = day + 1 end
    if o.respond_by and day > o.respond_by then day = o.respond_by end
    d.action, d.rule = "ask-for-time", "rule 5: always ask for time to consider an offer, with a day and hour agreed"
    d.reason = ("the offer has not been considered yet: answer on %s at %s%s"):format(day:short(), rules.answer_at,
      o.respond_by and (", before their date " .. o.respond_by:short()) or "")
    d.answer_on = day
    d.words.time = rules.words.time(s, { day = day })
    return d
  end
  local missing = {}
  for _, c in ipairs(COMPONENTS) do if not c[2](o) then missing[#missing + 1] = c[1] end end
  if #missing > 0 and not s.missing_asked then
    d.action, d.rule = "ask-missing", "rule 9: a written offer leaves things out: ask by phone"
    d.reason = "the offer does not say: " .. listed(missing)
    d.missing = missing
    d.words.call = rules.words.call(s, missing)
    return d
  end
  local going, top = t.going.minorUnits, t.top.minorUnits
  if base >= top then
    d.action, d.rule = "accept", "rules 1 and 9: the offer meets your top; accept in writing, spelling out the terms"
    d.reason = ("the base of %s is at or above your top of %s"):format(money(base, t.going.currency), cadence.money_text(t.top))
    d.words.accept = require("cadence.drafts").acceptance{ app = s.app, offer = o, candidate = s.candidate }
    return d
  end
  -- The counter: above the offer by the rule's margin, at least the going rate, at most your top.
  local figure = round(cadence.percent_of(base, 100 + rules.counter_above_offer))
  if figure < going then figure = round(going) end
  if figure > top then figure = top end
  local small = cadence.percent_of(going, rules.small_gap)
  if going - base > 0 and going - base <= small or figure - base <= small then
    local asks = {}
    if not (o.benefit_values or {}).movingAllowance then asks[#asks + 1] = "a moving allowance" end
    asks[#asks + 1] = "the start date"
    if not (o.benefit_values or {}).studyBudget then asks[#asks + 1] = "a study budget" end
    d.action, d.rule = "counter-benefits", "rules 6 and 8: no quibbling over a small gap; employers have more room on benefits"
    d.reason = going > base
      and ("the base is %s under the going rate, within %s: not worth a salary counter"):format(money(going - base, t.going.currency), cadence.percent_text(rules.small_gap))
      or ("the base is within %s of the most you could ask: ask about the package, not the salary"):format(cadence.percent_text(rules.small_gap))
    d.words.counter = rules.words.counter(s, nil, points, listed(asks))
    return d
  end
  d.action, d.rule = "counter", ("rule 6: counter between the going rate and your top, %s above the offer"):format(cadence.percent_text(rules.counter_above_offer))
  d.reason = ("the base of %s leaves room below your top of %s"):format(money(base, t.going.currency), cadence.money_text(t.top))
  d.counter = figure
  d.facts[#d.facts + 1] = ("the counter: %s (the offer + %s, at least the going rate, at most the top)"):format(
    money(figure, t.going.currency), cadence.percent_text(rules.counter_above_offer))
  d.words.counter = rules.words.counter(s, figure, points)
  return d
end

return rules
