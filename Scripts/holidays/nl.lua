-- holidays.nl: the Netherlands' public holidays (feestdagen), 1900-2200.
--
-- The days of the Algemene termijnenwet. Liberation Day (5 May) is listed
-- every fifth year (2025, 2030...), the lustrum most collective labour
-- agreements give off; if yours gives it every year, add it.
--
-- The monarch's day does not fall on a Sunday: King's Day (27 April, from
-- 2014) and Queen's Day (30 April, 1949-2013) move to the Saturday before
-- (to the Monday after, until 1980). Before 1949 Queen's Day was Queen
-- Wilhelmina's birthday, 31 August (moved the same way). Years before 1966
-- are not checked against the tests' reference calendar, which begins then.

local rules = require "holidays.rules"
local day = rules.day

local function monarchs_day(y)
  local year = y.year
  local date, name
  if year >= 2014 then date, name = day(year, 4, 27), "King's Day"
  elseif year >= 1949 then date, name = day(year, 4, 30), "Queen's Day"
  elseif year >= 1891 then date, name = day(year, 8, 31), "Queen's Day"
  else return end
  if rules.weekday(date) == "sunday" then date = year >= 1980 and date - 1 or date + 1 end
  y:add(date, name)
end

return rules.calendar{
  code = "nl", name = "the Netherlands", first = 1900, last = 2200,
  rules = function(y)
    local year = y.year
    local easter = rules.easter(year)
    y:add(day(year, 1, 1), "New Year's Day")
    y:add(easter - 2, "Good Friday")
    y:add(easter, "Easter Sunday")
    y:add(easter + 1, "Easter Monday")
    monarchs_day(y)
    if year >= 1945 and year % 5 == 0 then y:add(day(year, 5, 5), "Liberation Day") end
    y:add(easter + 39, "Ascension Day")
    y:add(easter + 49, "Pentecost")
    y:add(easter + 50, "Pentecost Monday")
    y:add(day(year, 12, 25), "Christmas Day")
    y:add(day(year, 12, 26), "Second Day of Christmas")
  end,
}
