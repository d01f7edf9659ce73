-- holidays.us: the federal holidays of the United States, 1900-2200.
--
-- The days the federal government closes (5 U.S.C. 6103), which most
-- employers follow. States add their own (and a few drop some): add yours
-- in cadence.lua's calendar, or copy this file.
--
-- Substitute days: since 1953 a holiday on a Sunday is observed the Monday
-- after; since 1966 one on a Saturday is observed the Friday before (so New
-- Year's Day on a Saturday is observed on 31 December).

local rules = require "holidays.rules"
local day, nth = rules.day, rules.nth

local function observed(y)
  if y.year >= 1966 then return rules.SATURDAY_FRIDAY_SUNDAY_MONDAY end
  if y.year >= 1953 then return rules.SUNDAY_MONDAY end
  return {}
end

-- Thanksgiving was proclaimed each year until 1941: the last Thursday of
-- November, but the third in 1939-1941 (Roosevelt's "Franksgiving"); the
-- 4th Thursday since 1942 (H.J. Res. 41, as amended).
local thanksgiving_moved = { [1939] = 23, [1940] = 21, [1941] = 20 }

return rules.calendar{
  code = "us", name = "the United States", first = 1900, last = 2200,
  rules = function(y)
    local year, shift = y.year, observed(y)
    y:observe(y:add(day(year, 1, 1), "New Year's Day"), "New Year's Day", shift)
    if year >= 1967 then y:observe(day(year + 1, 1, 1), "New Year's Day", shift) end
    if year >= 1986 then y:add(nth(year, 1, "monday", 3), "Martin Luther King Jr. Day") end
    -- 22 February until the Uniform Monday Holiday Act (1971) made it the 3rd Monday.
    if year >= 1971 then y:add(nth(year, 2, "monday", 3), "Washington's Birthday")
    else y:add(day(year, 2, 22), "Washington's Birthday") end
    -- 30 May ("Decoration Day") until 1971, then the last Monday of May.
    if year >= 1971 then y:add(nth(year, 5, "monday", -1), "Memorial Day")
    else y:add(day(year, 5, 30), "Memorial Day") end
    if year >= 2021 then
      y:observe(y:add(day(year, 6, 19), "Juneteenth National Independence Day"), "Juneteenth National Independence Day", shift)
    end
    y:observe(y:add(day(year, 7, 4), "Independence Day"), "Independence Day", shift)
    y:add(nth(year, 9, "monday", 1), "Labor Day")
    -- Columbus Day: 12 October from 1937, the 2nd Monday of October from 1971.
    if year >= 1971 then y:add(nth(year, 10, "monday", 2), "Columbus Day")
    elseif year >= 1937 then y:add(day(year, 10, 12), "Columbus Day") end
    -- Armistice Day from 1938, Veterans Day from 1954; the 4th Monday of October in 1971-1977.
    if year >= 1938 then
      local name = year >= 1954 and "Veterans Day" or "Armistice Day"
      if year >= 1971 and year <= 1977 then y:add(nth(year, 10, "monday", 4), name)
      else y:observe(y:add(day(year, 11, 11), name), name, shift) end
    end
    if thanksgiving_moved[year] then y:add(day(year, 11, thanksgiving_moved[year]), "Thanksgiving Day")
    elseif year >= 1942 then y:add(nth(year, 11, "thursday", 4), "Thanksgiving Day")
    else y:add(nth(year, 11, "thursday", -1), "Thanksgiving Day") end
    y:observe(y:add(day(year, 12, 25), "Christmas Day"), "Christmas Day", shift)
  end,
}
