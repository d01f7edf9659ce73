-- The standard counterpart for `cadence rehearse`: a recruiter and a hiring
-- manager who ask the salary question early, push for a figure, make an
-- offer, say the budget is fixed and answer a counter. Each scene says its
-- line (one of a few, chosen by the seeded random function), then reads your
-- answer. Write a tougher one as a file returning the same shape and pass it
-- with `cadence rehearse APP --counterpart tough.lua`.
--
-- A scene: { who, lines = { … }, react = function(answer, state) return next-scene-name end }.
local cadence = require "cadence"

local counterpart = {}

counterpart.name = "a recruiter and a hiring manager"

--- The scenes, in the order they can come, for the situation `s` (your
--- numbers, the needs they named) and `say`, which fills a figure into a line.
function counterpart.scenes(s, money)
  local going = s.targets and s.targets.going.minorUnits or 3000000
  local offered = cadence.percent_of(going, 95) // 50000 * 50000
  local stretch = cadence.percent_of(going, 103) // 50000 * 50000
  return {
    start = "salary",
    salary = {
      who = "Recruiter",
      lines = { "Before we go further, what are your salary expectations?",
                "Just so I can take it to the hiring manager: what did you have in mind, salary-wise?",
                "What sort of figure are you looking for?" },
      react = function(answer) return answer.numbers[1] and "offer" or "push" end,
    },
    push = {
      who = "Recruiter",
      lines = { "I understand, but I really need a number to take to Finance.",
                "I hear you, but roughly what range would work for you?" },
      react = function() return "offer" end,
    },
    offer = {
      who = "Hiring manager",
      lines = { ("We'd like to offer you the role at %s. How does that sound?"):format(money(offered)),
                ("We're pleased to offer %s as the base. Shall I tell HR you're in?"):format(money(offered)) },
      react = function(answer)
        if answer.accepts then return nil end
        return "fixed"
      end,
    },
    fixed = {
      who = "Hiring manager",
      lines = { "I have to be honest: the budget for base is fixed.",
                "That's the best we can do on base, I'm afraid; there are other candidates." },
      react = function(answer)
        if answer.numbers[1] then return "counter" end
        return "close"
      end,
    },
    counter = {
      who = "Hiring manager",
      lines_for = function(answer)
        local asked = answer.numbers[#answer.numbers]
        if asked <= stretch then return { ("Let me see… we could go to %s. Can we agree on that?"):format(money(asked)) } end
        return { ("%s is beyond our range; %s is as far as I can stretch."):format(money(asked), money(stretch)) }
      end,
      react = function() return "close" end,
    },
    close = {
      who = "Hiring manager",
      lines = { "Thanks. When can you let us know?", "Good. What happens next on your side?" },
      react = function() return nil end,
    },
  }
end

return counterpart
