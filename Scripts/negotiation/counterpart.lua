-- The standard counterpart for `cadence rehearse`: a recruiter and a hiring
-- manager at the company you applied to, who ask the salary question early,
-- push for a figure (twice, in other words, if you give none), make the
-- offer you recorded (or one a little under your going rate when none is
-- recorded), say the budget for base is fixed and answer a counter with
-- what they can stretch to. Each scene says one of a few lines, chosen by
-- the seeded random function, then reads your answer. Write a tougher one
-- as a file returning the same shape and pass it with
-- `cadence rehearse APP --counterpart tough.lua`.
--
-- A scene: { who, lines = { … } or lines_for = function(answer) return { … } end,
--            react = function(answer, session) return next-scene-name (nil: the end) end }.
-- An answer, as the rehearsal heard it: text; figures (each { low, high, range, said },
-- money in the targets' currency); asked (the figure you asked for: the low end of a
-- range); accepts, declines, time (asked for time), day, hour; package (a benefit
-- named; package_figures: figures said of it, "a 10k sign-on"); strengths (the recorded
-- strengths you used).
local cadence = require "cadence"

local counterpart = {}

counterpart.name = "a recruiter and a hiring manager"

-- How far they can stretch above their offer, at most, and never above your top (rule 1's
-- numbers are yours; a counterpart who knew them would not pay past them either).
counterpart.stretch = 4            -- percent above the offer
counterpart.stretch_above_top = false

-- When nothing is recorded, they offer this share of your going rate.
counterpart.unrecorded_offer = 95  -- percent of the going rate

-- Round to a whole 500 (of the currency), as people say an offer.
local function round(minor) return (minor + 25000) // 50000 * 50000 end

--- What the company offers and can stretch to, in minor units of `currency`:
--- the recorded open offer's base when there is one; its stretch bounded by your top.
function counterpart.figures(s)
  local t = s.targets
  local offered
  if s.offer and s.base_in_target_currency then offered = s.base_in_target_currency
  elseif s.offer then offered = s.offer.annual_base.minorUnits
  elseif t then offered = round(cadence.percent_of(t.going.minorUnits, counterpart.unrecorded_offer))
  end
  if not offered then return nil end
  local stretch = round(cadence.percent_of(offered, 100 + counterpart.stretch))
  if t and not counterpart.stretch_above_top and stretch > t.top.minorUnits then stretch = t.top.minorUnits end
  -- A "final" offer has no stretch at all; and they never stretch below their own offer.
  if (s.offer and s.offer.final) or stretch < offered then stretch = offered end
  return offered, stretch
end

--- The scenes for the situation `s` (your numbers, the offer, the needs they named);
--- `say` says a figure as people do ("$172,000", "£31,000"), `said` the extras of the offer.
function counterpart.scenes(s, say)
  local company, role = s.app.company, s.app.role
  local offered, stretch = counterpart.figures(s)
  -- With no offer and no numbers recorded there is no figure to name: the offer comes "in writing".
  local function base() return offered and say(offered) or "what HR will send you" end
  local extras = {}
  if s.offer then
    if s.offer.bonus_amount then extras[#extras + 1] = "a bonus" end
    if s.offer.equity or s.offer.grant then extras[#extras + 1] = "equity" end
    if s.offer.sign_on then extras[#extras + 1] = ("a sign-on of %s"):format(say(s.offer.sign_on.minorUnits)) end
  end
  local plus = #extras > 0 and (", with " .. table.concat(extras, " and ")) or ""
  local final = s.offer and s.offer.final
  -- A round before this one, where you asked for more: they say what they moved to.
  local earlier
  if s.offer and s.offer.revises then
    for _, o in ipairs(s.app:offers()) do if o.id == s.offer.revises and o.asked then earlier = o end end
  end
  local moved = earlier and offered and ("You asked for %s; we've come up to %s. "):format(say(earlier.asked), say(offered)) or ""
  -- Pushes, in other words each time: the second comes only if you still named no figure.
  local pushes = 0
  local function after_offer(answer)
    if answer.accepts then return "welcome" end
    if answer.declines then return "below" end
    if answer.time then return "when" end
    if answer.asked then return "counter" end
    if answer.package then return "package" end
    return "fixed"
  end
  return {
    start = "salary",
    salary = {
      who = "Recruiter",
      lines = { ("Before we go further on the %s role, what are your salary expectations?"):format(role),
                ("Just so I can take it to the hiring manager at %s: what did you have in mind, salary-wise?"):format(company),
                ("What sort of figure are you looking for in the %s role?"):format(role) },
      react = function(answer)
        if answer.figures[1] then return "offer" end
        return "push"
      end,
    },
    push = {
      who = "Recruiter",
      lines_for = function()
        pushes = pushes + 1
        if pushes == 1 then
          return { ("I understand, but I really need a number to take to Finance at %s."):format(company),
                   "I hear you, but roughly what range would work for you?" }
        end
        return { "I do need something to work with. Even a ballpark?",
                 ("Help me out here: the budget conversation at %s starts with your number. What range?"):format(company) }
      end,
      react = function(answer)
        if answer.figures[1] or pushes >= 2 then return "offer" end
        return "push"
      end,
    },
    offer = {
      who = "Hiring manager",
      lines = offered
        and { ("%sWe'd like to offer you the %s role at %s: a base of %s%s. How does that sound?"):format(moved, role, company, base(), plus),
              ("%sWe're pleased to offer you %s as the base for the %s role%s. Shall I tell HR you're in?"):format(moved, base(), role, plus) }
        or { ("We'd like to offer you the %s role at %s; HR will send the figures in writing. How does that sound?"):format(role, company) },
      react = after_offer,
    },
    when = {
      who = "Hiring manager",
      lines_for = function(answer)
        if answer.day and answer.hour then
          return { "Of course, take the time. Before you go: is there anything in the offer you'd want us to look at?" }
        end
        return { "Of course. When will you come back to us?", "That's fine. When can we expect your answer?" }
      end,
      react = function(answer)
        if answer.accepts then return "welcome" end
        if answer.asked then return "counter" end
        if answer.package then return "package" end
        return "fixed"
      end,
    },
    fixed = {
      who = "Hiring manager",
      lines = final and { ("I have to be clear: %s is our final offer on base."):format(base()) }
        or { ("I have to be honest: the budget for base is fixed at %s."):format(base()),
             "That's the best we can do on base, I'm afraid; there are other candidates." },
      react = function(answer)
        if answer.accepts then return "welcome" end
        if answer.declines then return "below" end
        if answer.asked then return "counter" end
        if answer.package then return "package" end
        return "close"
      end,
    },
    counter = {
      who = "Hiring manager",
      lines_for = function(answer)
        local asked = answer.asked
        local lines
        if not offered then
          lines = { ("%s? Let me take that to Finance and come back to you."):format(say(asked)) }
        elseif asked <= offered then
          lines = { ("%s is what we offered, so we're agreed on base. Anything else?"):format(say(offered)) }
        elseif asked <= stretch then
          lines = { ("Let me see… we could go to %s. Can we agree on that?"):format(say(asked)),
                    ("I think I can get %s approved. Shall we settle there?"):format(say(asked)) }
        elseif stretch > offered then
          lines = { ("%s is beyond our range; %s is as far as I can stretch."):format(say(asked), say(stretch)),
                    ("I can't get to %s. I could go to %s, and that's the top of the band."):format(say(asked), say(stretch)) }
        else
          lines = { ("I can't move on base from %s, I'm afraid; it really is the number."):format(say(offered)) }
        end
        -- A case made with your strengths is heard: they say so before the figure.
        if answer.strengths and answer.strengths[1] then
          for i, line in ipairs(lines) do lines[i] = ("You make a fair point about %s. %s"):format(answer.strengths[1], line) end
        end
        return lines
      end,
      react = function(answer)
        if answer.accepts then return "welcome" end
        if answer.package then return "package" end
        return "close"
      end,
    },
    package = {
      who = "Hiring manager",
      lines = { "That's something we have more room on. Let me take it to HR and come back to you.",
                "We can look at that. Put it in writing and I'll see what I can do." },
      react = function() return "close" end,
    },
    below = {
      who = "Hiring manager",
      lines = { "I'm sorry to hear that. Let me see whether there's any flexibility, and I'll come back to you.",
                ("Understood. I'd rather not lose you for the %s role; let me talk to Finance."):format(role) },
      react = function() return nil end,
    },
    welcome = {
      who = "Hiring manager",
      lines = { ("Wonderful! Welcome to %s. I'll have HR send the paperwork."):format(company) },
      react = function() return nil end,
    },
    close = {
      who = "Hiring manager",
      lines_for = function(answer)
        if answer.time and answer.day then return { "Good, we'll speak then. Thanks for your time.", "Perfect. Talk then." } end
        return { "Thanks. When can you let us know?", "Good. What happens next on your side?" }
      end,
      react = function() return nil end,
    },
  }
end

return counterpart
