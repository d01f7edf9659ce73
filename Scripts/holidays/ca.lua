-- holidays.ca: the statutory holidays all of Canada shares, 1900-2200.
--
-- The days every province and territory observes. Federally regulated
-- workplaces (banks, telecoms, the federal service) also close on Victoria
-- Day, Thanksgiving (the 2nd Monday of October), Remembrance Day, Boxing
-- Day and, since 2021, the National Day for Truth and Reconciliation (30
-- September); each province adds its own (Family Day, Civic Holiday, Saint-
-- Jean-Baptiste...). Add yours in cadence.lua's calendar.
--
-- Substitute days: New Year's Day and Christmas Day on a weekend are
-- observed the Monday after. (Canada Day on a Sunday moves to the Monday
-- in law, but the national calendar lists only the day itself.)

local rules = require "holidays.rules"
local day, nth = rules.day, rules.nth

return rules.calendar{
  code = "ca", name = "Canada", first = 1900, last = 2200,
  rules = function(y)
    local year = y.year
    y:observe(y:add(day(year, 1, 1), "New Year's Day"), "New Year's Day", rules.WEEKEND_MONDAY)
    y:add(rules.easter(year) - 2, "Good Friday")
    -- Dominion Day until it was renamed in 1982 (in force 1983).
    y:add(day(year, 7, 1), year >= 1983 and "Canada Day" or "Dominion Day")
    y:add(nth(year, 9, "monday", 1), "Labour Day")
    y:observe(y:add(day(year, 12, 25), "Christmas Day"), "Christmas Day", rules.WEEKEND_MONDAY)
  end,
}
