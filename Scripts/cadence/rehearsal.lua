-- cadence.rehearsal: a role play against a scripted counterpart, then
-- feedback per rule of the negotiation practice, quoting your own lines.
-- The command (`cadence rehearse APP`) reads your answers; a test pipes them.
--
--   local rehearsal = require "cadence.rehearsal"
--   local r = rehearsal.start(cadence.app("initech"), { seed = 7 })
--   print(r:line())           -- what the counterpart says
--   r:answer("I'd rather hear your proposal first")
--   ... until r:line() is nil; then print(r:feedback())
local cadence = require "cadence"
local negotiation = require "cadence.negotiation"

local rehearsal = {}
local Session = {}
Session.__index = Session

-- A small seeded generator (the same seed, the same session, whatever Lua's own random does).
local function generator(seed)
  local state = seed % 2147483647
  if state <= 0 then state = state + 2147483646 end
  return function(n)
    state = state * 48271 % 2147483647
    return state % n + 1
  end
end

-- The figures in what you said: "35k", "£35,000", "35000", "the mid-thirties" (as 35,000).
local DECADES = { twenties = 20, thirties = 30, forties = 40, fifties = 50, sixties = 60, seventies = 70, eighties = 80, nineties = 90 }
local function figures(text)
  local found = {}
  local lower = text:lower()
  for number, k in lower:gmatch("(%d[%d,%.]*)%s*(k?)") do
    local n = tonumber((number:gsub(",", "")))
    if n then
      if k == "k" then n = n * 1000 end
      if n >= 1000 then found[#found + 1] = math.tointeger(n * 100 // 1) end
    end
  end
  for where, decade in lower:gmatch("(%a+)%-?%s*(%a+ties)") do
    local base = DECADES[decade]
    if base then
      local part = where == "low" and 2 or (where == "mid" and 5 or (where == "high" and 8 or 5))
      found[#found + 1] = (base + part) * 100000
    end
  end
  return found
end

local TIME_WORDS = { "time", "think", "consider", "get back", "come back", "sleep on", "tomorrow", "monday", "tuesday",
                     "wednesday", "thursday", "friday", "next week" }
local ACCEPT_WORDS = { "i accept", "i'll take it", "i will take it", "deal", "sounds great, yes", "yes, i'm in", "i'm in" }
local CASE_WORDS = { "you need", "you mentioned", "i can help", "help you with", "your problem", "you said" }
local PACKAGE_WORDS = { "holiday", "pension", "bonus", "start date", "moving", "relocation", "benefit", "remote", "study",
                        "training", "sign-on", "signing", "equity", "shares", "package" }

local function has(text, words)
  local lower = text:lower()
  for _, w in ipairs(words) do if lower:find(w, 1, true) then return true end end
  return false
end

--- Starts a rehearsal for `app`: options.seed (default: from the clock), options.counterpart (a module).
function rehearsal.start(app, options)
  options = options or {}
  local s = negotiation.situation(app, negotiation.load())
  local seed = options.seed or os.time() % 100000
  local cp = options.counterpart or require "negotiation.counterpart"
  local currency = s.targets and s.targets.going.currency or "GBP"
  local function money(minor) return cadence.money_text({ minorUnits = minor, currency = currency }) end
  local self = setmetatable({ app = app, situation = s, seed = seed, random = generator(seed), counterpart = cp,
                              transcript = {}, answers = {}, money = money }, Session)
  self.scenes = cp.scenes(s, money)
  self.scene = self.scenes[self.scenes.start]
  self.scene_name = self.scenes.start
  self:say()
  return self
end

--- A rehearsal for the application `name`, as `cadence rehearse` drives it:
--- { seed, line() (the counterpart's next line, or nil at the end),
--- answer(text), text() (the transcript with feedback) }. options: seed,
--- counterpart (the path of a Lua file returning a counterpart).
function rehearsal.open(name, options)
  options = options or {}
  local counterpart = options.counterpart and cadence.script(options.counterpart)
  if options.counterpart and not counterpart then error(options.counterpart .. ": no such file", 0) end
  local session = rehearsal.start(cadence.command_app(name), { seed = options.seed, counterpart = counterpart })
  return { seed = session.seed,
           line = function() return session:line() end,
           answer = function(text) return session:answer(text) end,
           text = function() return session:text() end }
end

-- The counterpart says the current scene's line.
function Session:say(answer)
  local scene = self.scene
  if not scene then self.current = nil return end
  local lines = scene.lines_for and scene.lines_for(answer) or scene.lines
  self.current = { who = scene.who, says = lines[self.random(#lines)] }
  self.transcript[#self.transcript + 1] = ("%s: %s"):format(self.current.who, self.current.says)
end

--- What the counterpart says now ("Recruiter: …"), or nil when the role play is over.
function Session:line()
  return self.current and ("%s: %s"):format(self.current.who, self.current.says) or nil
end

--- Your answer to the current line.
function Session:answer(text)
  if not self.current then return end
  local answer = { text = text, scene = self.scene_name, numbers = figures(text), accepts = has(text, ACCEPT_WORDS),
                   time = has(text, TIME_WORDS), case = has(text, CASE_WORDS), package = has(text, PACKAGE_WORDS) }
  self.answers[#self.answers + 1] = answer
  self.transcript[#self.transcript + 1] = "You: " .. text
  local next_name = self.scene.react(answer, self)
  self.scene_name = next_name
  self.scene = next_name and self.scenes[next_name]
  self:say(answer)
end

local function quote(a) return ("\"%s\""):format(a.text) end

--- Feedback per rule of the practice, quoting your lines.
function Session:feedback()
  local s, lines, money = self.situation, {}, self.money
  local t = s.targets
  local function by_scene(name)
    for _, a in ipairs(self.answers) do if a.scene == name then return a end end
  end
  local function note(ok, rule, text) lines[#lines + 1] = ("%s %s: %s"):format(ok and "✓" or "✗", rule, text) end
  local first = by_scene("salary")
  if first then
    if first.numbers[1] then
      note(false, "rule 2", ("you gave the first number: %s. Deflect: no figure yet, you look forward to their proposal, "
        .. "and you want a real step up in responsibility and pay."):format(quote(first)))
    else
      note(true, "rule 2", ("no number first: %s"):format(quote(first)))
    end
  end
  local pushed = by_scene("push")
  if pushed and t then
    local low = pushed.numbers[1]
    if not low then
      note(true, "rule 4", ("pushed, you still named no figure: %s (if pushed again, a range a little above %s)")
        :format(quote(pushed), money(t.going.minorUnits)))
    elseif #pushed.numbers == 1 and not pushed.text:lower():find("ties") then
      local example = require("negotiation.standard").words.range(s)
      note(false, "rule 4", ("one figure, %s: give a range a little above your going rate (%s), such as \"%s\"")
        :format(quote(pushed), money(t.going.minorUnits), example))
    elseif low < t.bottom.minorUnits then
      note(false, "rule 4", ("%s starts below your bottom line of %s"):format(quote(pushed), money(t.bottom.minorUnits)))
    elseif low < t.going.minorUnits then
      note(false, "rule 4", ("%s starts below your going rate of %s: aim a little above it"):format(quote(pushed), money(t.going.minorUnits)))
    else
      note(true, "rule 4", ("a range a little above your going rate: %s"):format(quote(pushed)))
    end
  end
  local case
  for _, a in ipairs(self.answers) do if a.case and not case then case = a end end
  if case then
    note(true, "rule 3", ("you tied what they need to what you bring: %s"):format(quote(case)))
  else
    local points = negotiation.talking_points(self.app)
    note(false, "rule 3", "you did not make your case" .. (#points > 0 and (": for instance, \"" .. points[1] .. "\"") or
      " (record their needs with app edit --need, your strengths with candidate edit --strength)"))
  end
  local offer = by_scene("offer")
  if offer then
    if offer.accepts then
      note(false, "rule 5", ("you accepted on the call: %s. Always ask for time, and agree when you will answer."):format(quote(offer)))
    elseif offer.time then
      note(true, "rule 5", ("you asked for time: %s"):format(quote(offer)))
    else
      note(false, "rule 5", ("%s: ask for time to consider the offer, with a day and hour to answer"):format(quote(offer)))
    end
  end
  local fixed = by_scene("fixed")
  if fixed then
    if fixed.package then
      note(true, "rule 6", ("with base fixed, you turned to the package: %s"):format(quote(fixed)))
    elseif fixed.numbers[1] and t and fixed.numbers[#fixed.numbers] > t.top.minorUnits then
      note(false, "rule 6", ("%s asks above your top of %s"):format(quote(fixed), money(t.top.minorUnits)))
    else
      note(false, "rule 6", ("%s: when base is fixed there is often room on benefits, the start date and a moving allowance"):format(quote(fixed)))
    end
  end
  return table.concat(lines, "\n")
end

--- The whole exchange and the feedback, as saved to the workspace.
function Session:text()
  return ("Rehearsal with %s for %s, %s (seed %d)\n\n%s\n\nFeedback\n%s\n"):format(self.counterpart.name, self.app.company,
    self.app.role, self.seed, table.concat(self.transcript, "\n"), self:feedback())
end

return rehearsal
