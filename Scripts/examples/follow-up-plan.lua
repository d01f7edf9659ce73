-- follow-up-plan.lua: a plain Lua sketch of what a cadence policy does.
-- Runs the same under lua5.4 and under `cadence run`.
--
-- An interview on Monday 2 March: the thank-you is due the same day (rule 2),
-- then a weekly status follow-up for at least 4 and at most 7 weeks (rule 5),
-- unless the hiring manager gave a date ("call me in two weeks", rule 4).

local DAY = 24 * 60 * 60

local function date_of(y, m, d) return os.time{ year = y, month = m, day = d, hour = 12 } end
local function show(t) return os.date("%a %d %b", t) end

local interview = {
  company = "Acme Analytics", when = date_of(2026, 3, 2),
  met = { "Ms. Jones (hiring manager)", "Mr. Okafor (team lead)" },
  promised = 14 * DAY,   -- "call me in two weeks"
}

local plan = {}
for _, person in ipairs(interview.met) do
  plan[#plan + 1] = { due = interview.when, what = "thank-you to " .. person,
                      why = "rule 2: thank each person the same day" }
end

local first = interview.when + (interview.promised or 7 * DAY)
plan[#plan + 1] = { due = first, what = "follow-up call as promised",
                    why = "rule 4: a promised date overrides the cadence" }
for week = 1, 4 do
  plan[#plan + 1] = { due = first + week * 7 * DAY, what = ("status email %d of 4-7"):format(week),
                      why = "rule 5: weekly, stop at the first reply" }
end

print(("Follow-up plan for %s (interview %s)"):format(interview.company, show(interview.when)))
for _, step in ipairs(plan) do
  print(("  %-10s  %-42s  %s"):format(show(step.due), step.what, step.why))
end
