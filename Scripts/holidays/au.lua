-- holidays.au: the public holidays all of Australia shares, 1900-2200.
--
-- The days every state and territory observes. Each also has its own: the
-- King's Birthday (the 2nd Monday of June in most states), Labour Day (on
-- dates that differ by state), Melbourne Cup Day, and the substitute days
-- each state's act gives for a holiday on a weekend (which differ too, so
-- none is listed here). Add your state's in cadence.lua's calendar.

local rules = require "holidays.rules"
local day = rules.day

-- Days declared once: facts, not rules.
local declared = {
  [2022] = { { 9, 22, "National Day of Mourning for Queen Elizabeth II" } },
}

return rules.calendar{
  code = "au", name = "Australia", first = 1900, last = 2200,
  rules = function(y)
    local year = y.year
    y:add(day(year, 1, 1), "New Year's Day")
    -- Australia Day as a national public holiday from 1935.
    if year >= 1935 then y:add(day(year, 1, 26), "Australia Day") end
    local easter = rules.easter(year)
    y:add(easter - 2, "Good Friday")
    y:add(easter + 1, "Easter Monday")
    -- ANZAC Day from 1921.
    if year >= 1921 then y:add(day(year, 4, 25), "ANZAC Day") end
    -- The sovereign's birthday was one day for the whole Commonwealth until
    -- 1935: Edward VII's (9 November) from 1902, George V's (3 June) from 1912.
    if year >= 1912 and year <= 1935 then y:add(day(year, 6, 3), "King's Birthday")
    elseif year >= 1902 and year <= 1911 then y:add(day(year, 11, 9), "King's Birthday") end
    for _, d in ipairs(declared[year] or {}) do y:add(day(year, d[1], d[2]), d[3]) end
    y:add(day(year, 12, 25), "Christmas Day")
    y:add(day(year, 12, 26), "Boxing Day")
  end,
}
