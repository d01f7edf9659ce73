-- cadence.rehearsal: a role play against a scripted counterpart, then
-- feedback per rule of the negotiation practice (rules 2-8), quoting your own
-- lines and the strengths you recorded, with how you did in your last
-- rehearsals. The command (`cadence rehearse APP`) reads your answers; a test
-- pipes them.
--
--   local rehearsal = require "cadence.rehearsal"
--   local r = rehearsal.start(cadence.app("initech"), { seed = 7 })
--   print(r:line())           -- what the counterpart says
--   r:answer("I'd rather hear your proposal first")
--   ... until r:line() is nil; then print(r:feedback())
local cadence = require "cadence"
local host = require "cadence.host"
local negotiation = require "cadence.negotiation"

local rehearsal = {}
local Session = {}
Session.__index = Session

-- The rules scored, in the order the feedback gives them, with what each asks.
rehearsal.rules = {
  { 1, "three numbers" }, { 2, "no first number" }, { 3, "the case" }, { 4, "a range above the going rate when pushed" },
  { 5, "time, with a day and hour" }, { 6, "the package when base is fixed" }, { 7, "the bottom line" },
  { 8, "no quibbling" },
}
-- How many rehearsals "your last" counts, this one included.
rehearsal.progress_window = 5

-- A small seeded generator (the same seed, the same session, whatever Lua's own random does).
local function generator(seed)
  local state = seed % 2147483647
  if state <= 0 then state = state + 2147483646 end
  return function(n)
    state = state * 48271 % 2147483647
    return state % n + 1
  end
end

-- Words that say what an answer does. Each is looked for as words, in lower case.
-- Each is looked for where a word starts ("benefit" finds "benefits"; "deal" is not in "ideally").
local TIME_WORDS = { "time to", "some time", "a little time", "more time", "the time", "think it over", "think about it",
                     "think it through", "to think", "consider", "get back to you", "come back to you", "get back", "come back",
                     "sleep on", "mull", "reflect", "talk it over", "discuss it with", "a few days", "a day or two",
                     "let you know", "by tomorrow", "next week", "answer by", "answer on" }
local DAYS = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tomorrow", "mon", "tue",
               "tues", "wed", "thu", "thur", "thurs", "fri" }
-- Accepting, said as a whole phrase ("deal", not "dealing").
local ACCEPT_WORDS = { "i accept", "accept it", "accept the offer", "i'll take it", "i will take it", "it's a deal", "that's a deal",
                       "we have a deal", "you have a deal", "count me in",
                       "sign me up", "let's do it", "happy to accept", "yes please", "yes, please", "when do i start" }
local NOT_WORDS = { "not", "n't", "cannot", "before i", "won't", "never" }
local DECLINE_WORDS = { "decline", "below what i can", "walk away", "have to say no", "have to pass", "turn it down",
                        "can't accept", "cannot accept", "not able to accept" }
local CASE_WORDS = { "you need", "you mentioned", "i can help", "help you with", "your problem", "you said" }
local PACKAGE_WORDS = { "holiday", "pension", "bonus", "start date", "moving", "relocation", "relocate", "benefit", "remote",
                        "study", "training", "learning", "sign-on", "signing", "sign on", "equity", "shares", "stock", "rsu",
                        "package", "pto", "vacation", "401(k)", "401k", "job title", "seniority", "salary review",
                        "notice period", "buyout", "flexible working", "flexible hours", "working from home", "wfh", "days off", "annual leave",
                        "parental leave", "health", "insurance", "allowance" }
-- Words too common to show a strength was used.
local COMMON = { ["with"] = true, ["that"] = true, ["this"] = true, ["from"] = true, ["have"] = true, ["your"] = true,
                 ["years"] = true, ["work"] = true, ["experience"] = true, ["team"] = true, ["teams"] = true, ["good"] = true }

-- The first of `words` in `lower` where a word starts (and, with `whole`, ends there too).
local function has(lower, words, whole)
  for _, w in ipairs(words) do
    local at = 1
    while true do
      local from, to = lower:find(w, at, true)
      if not from then break end
      local starts = from == 1 or not lower:sub(from - 1, from - 1):match("[%w']")
      local ends = not whole or not lower:sub(to + 1, to + 1):match("%w")
      if starts and ends then return w end
      at = from + 1
    end
  end
end

-- The words of `text` in lower case, letters only.
local function words_of(text)
  local list = {}
  for w in text:lower():gmatch("%a+") do list[#list + 1] = w end
  return list
end

-- A word's stem, so that "reporting" uses "reports" and "automated" uses "automation": its first five letters.
local function stem(word) return word:sub(1, 5) end

-- The stems of `text` that can show it was used: words of four letters or more, not common ones.
local function stems(text)
  local set = {}
  for _, w in ipairs(words_of(text)) do
    if #w >= 4 and not COMMON[w] then set[stem(w)] = w end
  end
  return set
end

-- Whether the answer says a day and an hour ("Thursday at 10", "Monday 10am", "tomorrow at noon", "Fri 14:00").
local function day_and_hour(lower)
  local day
  for w in lower:gmatch("%a+") do
    for _, d in ipairs(DAYS) do if w == d then day = d end end
  end
  if not day and (lower:find("%d+ ?[/%-%.] ?%d+") or lower:find("%d+ ?[sntr][tdh]")) then day = "date" end
  local hour = lower:find("%d ?[ap]%.?m") or lower:find("%d:%d%d") or lower:find("at %d") or lower:find("noon")
    or lower:find("o'clock") or lower:find("at %a+ o") or lower:find("midday")
  return day ~= nil, hour ~= nil
end

-- Words that make a figure said next to them part of the package, not the base ("a 10k sign-on", "a bonus of 10k").
local PACKAGE_FIGURE = { signon = true, bonus = true, relocation = true, moving = true, allowance = true, equity = true,
                         rsu = true, rsus = true, stock = true, shares = true, options = true, pension = true, budget = true,
                         stipend = true, holiday = true, pto = true, vacation = true }
local LINKS = { of = true, ["for"] = true, to = true, ["in"] = true, as = true, at = true, say = true, like = true,
                about = true, around = true, a = true, an = true, extra = true, more = true }

-- The words of a piece of an answer, "sign-on" and "sign on" as one.
local function plain_words(piece)
  local list = {}
  for w in piece:gsub("sign%-on", "signon"):gsub("sign on", "signon"):gmatch("[%w']+") do list[#list + 1] = w end
  return list
end

-- Whether the figure said at `from`..`to` of `lower` names a part of the package: the next word
-- after it or before it, past at most two small words ("in", "of", "say"…), is one of the package's.
local function package_figure(lower, from, to)
  local before, after = plain_words(lower:sub(1, from - 1)), plain_words(lower:sub(to + 1))
  local function near(words, first, step)
    local i = first
    for _ = 1, 3 do
      local w = words[i]
      if not w then return false end
      if PACKAGE_FIGURE[w] then return true end
      if not LINKS[w] then return false end
      i = i + step
    end
    return false
  end
  return near(after, 1, 1) or near(before, #before, -1)
end

--- What an answer says, as the rehearsal hears it (fields in counterpart.lua's comment).
function Session:hear(text)
  local lower = text:lower()
  local figures, package_figures = {}, {}
  local at = 1
  for _, f in ipairs(host.spoken_figures(text, self.currency, self.around)) do
    local from, to = text:find(f.said, at, true)
    if from then at = to + 1 end
    if from and package_figure(lower, from, to) then package_figures[#package_figures + 1] = f else figures[#figures + 1] = f end
  end
  local said_no = has(lower, NOT_WORDS) or lower:find("n't", 1, true)
  local a = { text = text, figures = figures, numbers = {} }
  for _, f in ipairs(figures) do
    a.numbers[#a.numbers + 1] = f.low.minorUnits
    if f.range then a.numbers[#a.numbers + 1] = f.high.minorUnits end
  end
  -- What you asked for: the counterpart hears a range's low end, so that is what you asked.
  local first = figures[#figures]
  if first and first.low.currency == self.currency then a.asked = first.low.minorUnits end
  a.range = first and first.range
  a.time = has(lower, TIME_WORDS) ~= nil
  a.day, a.hour = day_and_hour(lower)
  if a.day and not a.time and (lower:find("come back") or lower:find("get back") or lower:find("answer")) then a.time = true end
  a.declines = has(lower, DECLINE_WORDS) ~= nil
  a.accepts = not a.declines and not a.time and not said_no
    and (has(lower, ACCEPT_WORDS, true) ~= nil or lower:match("^%s*deal%p*%s*$") ~= nil or lower:match("^%s*yes%p*%s*$") ~= nil)
  a.package = has(lower, PACKAGE_WORDS)
  a.package_figures = package_figures
  -- The case: an answer that uses a recorded strength (by its words), tied to a need when it names one too.
  local mine = stems(text)
  a.strengths, a.needs = {}, {}
  local s = self.situation
  for _, strength in ipairs(s.candidate and s.candidate.strengths or {}) do
    for st in pairs(stems(strength)) do
      if mine[st] then a.strengths[#a.strengths + 1] = strength break end
    end
  end
  for _, need in ipairs(s.app.needs or {}) do
    for st in pairs(stems(need)) do
      if mine[st] then a.needs[#a.needs + 1] = need break end
    end
  end
  a.case = #a.strengths > 0 or has(lower, CASE_WORDS) ~= nil
  return a
end

--- Starts a rehearsal for `app`: options.seed (default: from the clock), options.counterpart
--- (a module), options.history (earlier rehearsals' scores, oldest first: { { rules = { ["2"] = true, … } }, … }).
function rehearsal.start(app, options)
  options = options or {}
  local s = negotiation.situation(app, negotiation.load())
  local seed = options.seed or os.time() % 100000
  local cp = options.counterpart or require "negotiation.counterpart"
  if type(cp) ~= "table" or type(cp.scenes) ~= "function" then
    error((options.counterpart_path or "the counterpart") .. ": a counterpart returns a table with scenes(s, say) "
      .. "(see Scripts/negotiation/counterpart.lua)", 0)
  end
  local region = cadence.region()
  local currency = s.targets and s.targets.going.currency or (s.offer and s.offer.annual_base.currency)
    or (region and region.currency) or "USD"
  local around = s.targets and s.targets.going.minorUnits or (s.offer and s.base_in_target_currency)
  local self = setmetatable({ app = app, situation = s, seed = seed, random = generator(seed), counterpart = cp,
                              transcript = {}, answers = {}, currency = currency, around = around,
                              history = options.history or {} }, Session)
  self.money = function(minor) return cadence.money_text({ minorUnits = minor, currency = currency }) end
  self.say = function(amount) return rehearsal.say(amount, currency) end
  self.scenes = cp.scenes(s, self.say)
  if type(self.scenes) ~= "table" or type(self.scenes[self.scenes.start]) ~= "table" then
    error((options.counterpart_path or "the counterpart") .. ": scenes(s, say) returns { start = NAME, NAME = scene, … }", 0)
  end
  self.scene = self.scenes[self.scenes.start]
  self.scene_name = self.scenes.start
  self:say_line()
  return self
end

-- "$172,000", "£31,000", "€45,000"; another currency as "45,000 CHF": a figure as a person says it.
local SIGNS = { USD = "$", GBP = "£", EUR = "€", INR = "₹" }
function rehearsal.say(amount, currency)
  if type(amount) == "table" then amount, currency = amount.minorUnits, amount.currency end
  local whole = cadence.whole_text(amount)
  if amount % 100 ~= 0 then return cadence.money_text({ minorUnits = amount, currency = currency }) end
  return SIGNS[currency] and (SIGNS[currency] .. whole) or (whole .. " " .. currency)
end

--- A rehearsal for the application `name`, as `cadence rehearse` drives it:
--- { seed, line() (the counterpart's next line, or nil at the end),
--- answer(text), text() (the transcript with feedback), scores() (rule number → kept) }.
--- options: seed, counterpart (the path of a Lua file returning a counterpart), history.
function rehearsal.open(name, options)
  options = options or {}
  local app = cadence.command_app(name)
  local counterpart = options.counterpart and cadence.script(options.counterpart)
  if options.counterpart and not counterpart then error(options.counterpart .. ": no such file", 0) end
  local session = rehearsal.start(app, { seed = options.seed, counterpart = counterpart, history = options.history,
                                         counterpart_path = options.counterpart })
  return { seed = session.seed, app_id = app.id, app = ("%s, %s"):format(app.company, app.role),
           line = function() return session:line() end,
           answer = function(text) return session:answer(text) end,
           text = function() return session:text() end,
           scores = function() return session:scores() end }
end

-- The counterpart says the current scene's line.
function Session:say_line(answer)
  local scene = self.scene
  if not scene then self.current = nil return end
  local lines = scene.lines_for and scene.lines_for(answer or {}, self) or scene.lines
  if type(lines) ~= "table" or #lines == 0 then
    error(("the counterpart's scene %s has no lines to say"):format(tostring(self.scene_name)), 0)
  end
  -- The lines quote the company, the role and your own words: kept on one line, controls shown, here as in the file.
  self.current = { who = host.terminal_line(tostring(scene.who)), says = host.terminal_line(tostring(lines[self.random(#lines)])) }
  self.transcript[#self.transcript + 1] = ("%s: %s"):format(self.current.who, self.current.says)
end

--- What the counterpart says now ("Recruiter: …"), or nil when the role play is over.
function Session:line()
  return self.current and ("%s: %s"):format(self.current.who, self.current.says) or nil
end

--- Your answer to the current line.
function Session:answer(text)
  if not self.current then return end
  local answer = self:hear(text)
  answer.scene = self.scene_name
  self.answers[#self.answers + 1] = answer
  self.transcript[#self.transcript + 1] = "You: " .. host.terminal_line(text)
  local next_name = self.scene.react(answer, self)
  if next_name ~= nil and type(self.scenes[next_name]) ~= "table" then
    error(("the counterpart's scene %s leads to '%s', which is no scene"):format(self.scene_name, tostring(next_name)), 0)
  end
  self.scene_name = next_name
  self.scene = next_name and self.scenes[next_name]
  self:say_line(answer)
end

-- A line of yours as the feedback quotes it: on one line, cut if long.
local function quote(a)
  local text = a.text
  if #text > 160 then text = text:sub(1, 157):gsub("[\128-\191]*$", ""):gsub("[\192-\255]$", "") .. "…" end
  return ("\"%s\""):format(host.terminal_line(text))
end

--- Each rule of the practice, scored: { { rule = 2, kept = true|false|nil (not reached), text }, … }.
function Session:scored()
  if self.results then return self.results end
  local s, money = self.situation, self.money
  local t = s.targets
  local results = {}
  local function note(rule, kept, text) results[#results + 1] = { rule = rule, kept = kept, text = text } end
  if not t then
    -- Rule 1 comes before any conversation: without the three numbers, figures cannot be judged.
    note(1, false, "no three numbers recorded: know your bottom line, going rate and top before you talk "
      .. "(cadence candidate edit NAME --targets \"28000,30000,35000 GBP\")")
  end
  local function in_scene(name)
    local list = {}
    for _, a in ipairs(self.answers) do if a.scene == name then list[#list + 1] = a end end
    return list
  end
  local function first_in(...)
    for _, name in ipairs{ ... } do
      for _, a in ipairs(self.answers) do if a.scene == name then return a end end
    end
  end
  local offered, stretch
  if self.counterpart.figures then offered, stretch = self.counterpart.figures(s) end
  -- An answer once the offer is on the table (not to the salary question or a push for a figure).
  local function after_offer(a) return a.scene ~= "salary" and a.scene ~= "push" end

  -- Rule 2: the salary question, before an offer.
  local first = first_in("salary")
  if not first then
    note(2, nil, "the salary question was not answered")
  elseif first.figures[1] then
    note(2, false, ("you gave the first number: %s; deflect instead: no figure yet, you look forward to their proposal, "
      .. "and you want a real step up in responsibility and pay."):format(quote(first)))
  else
    note(2, true, ("no number first: %s"):format(quote(first)))
  end

  -- Rule 3: the case, by the strengths you recorded (or, with none recorded, by its words).
  local case
  for _, a in ipairs(self.answers) do if not case and #a.strengths > 0 then case = a end end
  if not case then for _, a in ipairs(self.answers) do if not case and a.case then case = a end end end
  if case and #case.strengths > 0 then
    local tied = #case.needs > 0 and (" for their need \"" .. host.terminal_line(case.needs[1]) .. "\"") or ""
    note(3, true, ("you made your case with your strength \"%s\"%s: %s"):format(host.terminal_line(case.strengths[1]), tied, quote(case)))
  elseif case then
    note(3, true, ("you tied what they need to what you bring: %s"):format(quote(case)))
  elseif #self.answers > 0 then
    local points = require("negotiation.standard").talking_points(s)
    note(3, false, "you did not make your case" .. (#points > 0 and (": for instance, \"" .. host.terminal_line(points[1]) .. "\"") or
      " (record their needs with app edit --need, your strengths with candidate edit --strength)"))
  else
    note(3, nil, "no answer to score")
  end

  -- Rule 4: pushed for a figure, a range a little above the going rate (and not above your top).
  local pushes = in_scene("push")
  local pushed
  for _, a in ipairs(pushes) do if not pushed and a.figures[1] then pushed = a end end
  if #pushes == 0 then
    note(4, nil, first and first.figures[1] and "not pushed: you named a figure first" or "not pushed for a figure")
  elseif not pushed then
    note(4, true, ("pushed %s, you still named no figure: %s%s"):format(#pushes > 1 and "twice" or "once", quote(pushes[#pushes]),
      t and (" (if pushed again, a range a little above " .. money(t.going.minorUnits) .. ")") or ""))
  elseif not t then
    note(4, nil, ("%s: with no three numbers recorded there is nothing to compare it with"):format(quote(pushed)))
  else
    local f = pushed.figures[1]
    local low, high = f.low.minorUnits, f.high.minorUnits
    local example = require("negotiation.standard").words.range(s)
    if f.low.currency ~= t.going.currency then
      note(4, false, ("%s is in %s; your numbers are in %s"):format(quote(pushed), f.low.currency, t.going.currency))
    elseif not f.range then
      note(4, false, ("one figure, %s: give a range a little above your going rate (%s), such as \"%s\"")
        :format(quote(pushed), money(t.going.minorUnits), example))
    elseif low < t.bottom.minorUnits then
      note(4, false, ("%s starts below your bottom line of %s"):format(quote(pushed), money(t.bottom.minorUnits)))
    elseif low < t.going.minorUnits then
      note(4, false, ("%s starts below your going rate of %s: aim a little above it"):format(quote(pushed), money(t.going.minorUnits)))
    elseif low > t.top.minorUnits then
      note(4, false, ("%s starts above your top of %s: a range said is a range you can be held to, and one out of reach ends the talk")
        :format(quote(pushed), money(t.top.minorUnits)))
    else
      -- The practice's own example (going 30k, "the mid-thirties") reaches past a top of 35k: the high end may, the low end is what you get.
      note(4, true, ("a range a little above your going rate: %s (%s)%s"):format(quote(pushed), host.terminal_line(f.said),
        high > t.top.minorUnits and (", expect to be held to its low end, " .. money(low)) or ""))
    end
  end

  -- Rule 5: time to consider the offer, with a day and an hour agreed; before accepting anything.
  local offer_answer = first_in("offer")
  local asked_time, accepted_first
  local offer_made = false
  for _, a in ipairs(self.answers) do
    if a.scene == "offer" then offer_made = true end
    if offer_made and not asked_time and not accepted_first then
      if a.accepts then accepted_first = a elseif a.time then asked_time = a end
    end
  end
  if not offer_answer then
    note(5, nil, "the offer was not made")
  elseif accepted_first then
    note(5, false, ("you accepted on the spot: %s; always ask for time, and agree when you will answer"):format(quote(accepted_first)))
  elseif asked_time then
    local when = (asked_time.day and asked_time.hour) and asked_time or nil
    for _, a in ipairs(self.answers) do
      if not when and a.day and a.hour and after_offer(a) then when = a end
    end
    local late = asked_time ~= offer_answer and " (better at once, when the offer is made)" or ""
    if when then
      note(5, true, ("you asked for time: %s%s%s"):format(quote(asked_time),
        when ~= asked_time and (", and said when: " .. quote(when)) or "", late))
    else
      note(5, false, ("you asked for time (%s) but agreed no day and hour: say when, \"may I come back to you on Thursday at 10?\"")
        :format(quote(asked_time)))
    end
  else
    note(5, false, ("%s: ask for time to consider the offer, with a day and hour to answer"):format(quote(offer_answer)))
  end

  -- Rule 6: base fixed, the package.
  local fixed = first_in("fixed")
  local package
  for _, a in ipairs(self.answers) do if not package and a.package and after_offer(a) then package = a end end
  if fixed and fixed.package then
    note(6, true, ("with base fixed, you turned to the package: %s"):format(quote(fixed)))
  elseif fixed and fixed.accepts then
    note(6, false, ("%s: when base is fixed, ask about the package before you accept: benefits, the start date, a moving allowance"):format(quote(fixed)))
  elseif fixed and fixed.asked and t and fixed.asked > t.top.minorUnits then
    note(6, false, ("%s asks above your top of %s; when base is fixed, turn to the package"):format(quote(fixed), money(t.top.minorUnits)))
  elseif fixed then
    note(6, false, ("%s: when base is fixed there is often room on benefits, the start date and a moving allowance"):format(quote(fixed)))
  elseif package then
    note(6, true, ("you raised the package: %s"):format(quote(package)))
  else
    note(6, nil, "they did not say base was fixed")
  end

  -- Rule 7: the bottom line: nothing named or accepted below it; an offer below it declined.
  if not t then
    note(7, nil, "no bottom line recorded (cadence candidate edit NAME --targets \"28000,30000,35000 GBP\")")
  else
    local below
    for _, a in ipairs(self.answers) do
      for _, f in ipairs(a.figures) do
        if not below and f.low.currency == t.bottom.currency and f.low.minorUnits < t.bottom.minorUnits then below = a end
      end
    end
    local accepted
    for _, a in ipairs(self.answers) do if not accepted and a.accepts and after_offer(a) then accepted = a end end
    local declined
    for _, a in ipairs(self.answers) do if not declined and a.declines then declined = a end end
    if below then
      note(7, false, ("%s names a figure below your bottom line of %s"):format(quote(below), money(t.bottom.minorUnits)))
    elseif offered and offered < t.bottom.minorUnits and accepted then
      note(7, false, ("you accepted %s, below your bottom line of %s: %s"):format(money(offered), money(t.bottom.minorUnits), quote(accepted)))
    elseif offered and offered < t.bottom.minorUnits and declined then
      note(7, true, ("below your bottom line, you declined politely: %s"):format(quote(declined)))
    elseif offered and offered < t.bottom.minorUnits and offer_answer then
      note(7, false, ("the offer of %s is below your bottom line of %s: decline politely; an increased offer may follow"):format(money(offered), money(t.bottom.minorUnits)))
    elseif #self.answers > 0 then
      note(7, true, ("nothing you said or accepted went below your bottom line of %s"):format(money(t.bottom.minorUnits)))
    else
      note(7, nil, "no answer to score")
    end
  end

  -- Rule 8: no quibbling over a small amount once they have made an offer.
  local countered = {}
  for _, a in ipairs(self.answers) do
    if a.asked and after_offer(a) then countered[#countered + 1] = a end
  end
  if #countered == 0 or not offered then
    note(8, #self.answers > 0 and offer_answer and true or nil, offer_answer and "no haggling over small amounts" or "no offer to haggle over")
  else
    local small = t and cadence.percent_of(t.going.minorUnits, 3) or cadence.percent_of(offered, 3)
    local quibble
    for _, a in ipairs(countered) do
      if not quibble and a.asked > offered and a.asked - offered <= small then quibble = a end
    end
    if quibble then
      note(8, false, ("%s asks %s more than their %s: too small to argue over; ask about the package instead"):format(
        quote(quibble), money(quibble.asked - offered), money(offered)))
    else
      local a = countered[1]
      local most = stretch or offered
      local where = a.asked <= most and ("within what they could do (%s)"):format(money(most))
        or most > offered and ("above their stretch of " .. money(most)) or ("above what they could do (%s)"):format(money(most))
      local final = s.offer and s.offer.final and "; their offer was final, though: the room is in the package" or ""
      note(8, true, ("your counter, %s, was worth asking: %s%s"):format(quote(a), where, final))
    end
  end
  self.results = results
  return results
end

--- The scores of this rehearsal, for its progress record: { ["2"] = true, ["3"] = false, … } (unreached rules absent).
function Session:scores()
  local scores = {}
  for _, r in ipairs(self:scored()) do if r.kept ~= nil then scores[tostring(r.rule)] = r.kept end end
  return scores
end

-- "rule 2: kept 3 of your last 4 rehearsals", from the history and this rehearsal's scores.
local function progress_line(history, scores, rule, window)
  local kept, counted = 0, 0
  local list = {}
  for i = math.max(1, #history - window + 2), #history do list[#list + 1] = history[i] end
  list[#list + 1] = { rules = scores }
  for _, h in ipairs(list) do
    local k = (h.rules or {})[tostring(rule)]
    if k ~= nil then
      counted = counted + 1
      if k then kept = kept + 1 end
    end
  end
  if counted < 2 then return nil end
  return ("kept %d of your last %d rehearsals"):format(kept, counted)
end

--- Feedback per rule of the practice, quoting your lines; with earlier rehearsals, how you did over them.
function Session:feedback()
  local lines = {}
  local scores = self:scores()
  for _, r in ipairs(self:scored()) do
    local mark = r.kept == true and "✓" or (r.kept == false and "✗" or "–")
    local progress = r.kept ~= nil and progress_line(self.history, scores, r.rule, rehearsal.progress_window)
    lines[#lines + 1] = ("%s rule %d: %s%s"):format(mark, r.rule, r.text, progress and (" (" .. progress .. ")") or "")
  end
  return table.concat(lines, "\n")
end

--- The whole exchange and the feedback, as saved to the workspace.
function Session:text()
  return ("Rehearsal with %s for %s, %s (seed %d)\n\n%s\n\nFeedback\n%s\n"):format(host.terminal_line(tostring(self.counterpart.name or "a counterpart")),
    host.terminal_line(self.app.company), host.terminal_line(self.app.role), self.seed,
    table.concat(self.transcript, "\n"), self:feedback())
end

--- Progress over the rehearsals kept (`records`, oldest first, each { at, app_id, app, rules }),
--- for one application (`name`) or all: per rule, how often it was kept, and the latest marks.
function rehearsal.progress(records, name)
  local app = name and cadence.command_app(name)
  local chosen = {}
  for _, r in ipairs(records or {}) do
    if not app or r.app_id == app.id then chosen[#chosen + 1] = r end
  end
  local title = app and ("%s, %s"):format(host.terminal_line(app.company), host.terminal_line(app.role)) or "all applications"
  if #chosen == 0 then
    return ("No rehearsals kept for %s yet: cadence rehearse %s"):format(title, app and "APP" or "APP")
  end
  local lines = { ("Rehearsals for %s: %d kept, the latest %s"):format(title, #chosen, host.terminal_line(chosen[#chosen].at or "?")), "" }
  for _, rule in ipairs(rehearsal.rules) do
    local kept, counted, marks = 0, 0, {}
    for _, r in ipairs(chosen) do
      local k = (r.rules or {})[tostring(rule[1])]
      marks[#marks + 1] = k == true and "✓" or (k == false and "✗" or "–")
      if k ~= nil then
        counted = counted + 1
        if k then kept = kept + 1 end
      end
    end
    local last = {}
    for i = math.max(1, #marks - 9), #marks do last[#last + 1] = marks[i] end
    -- A rule none of them reached (rule 1, once your numbers are recorded) is left out.
    if counted > 0 then
      lines[#lines + 1] = ("rule %d, %s: kept %d of %d  %s"):format(rule[1], rule[2], kept, counted, table.concat(last, " "))
    end
  end
  return table.concat(lines, "\n") .. "\n"
end

return rehearsal
