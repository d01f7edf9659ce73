-- holidays.gb: the bank holidays all of the United Kingdom shares, 1900-2200.
--
-- The days common to England, Wales, Scotland and Northern Ireland (the
-- Banking and Financial Dealings Act 1971 and its royal proclamations).
-- England and Wales also close on Easter Monday and the last Monday of
-- August: holidays.gb_eng has them, and is the one to name there:
--
--   calendar = { holidays = require "holidays.gb_eng" }
--
-- Scotland closes on 2 January, the first Monday of August and St Andrew's
-- Day; Northern Ireland on St Patrick's Day and 12 July. Add yours:
--
--   calendar = { holidays = { "2027-01-04", "2027-08-02" } }       -- added to these
--
-- Substitute days: a holiday on a weekend is observed the next weekday
-- (Christmas Day and Boxing Day both on the weekend: the Monday and Tuesday).

local rules = require "holidays.rules"
local day, nth = rules.day, rules.nth

-- The Spring Bank Holiday moved for a royal jubilee (the jubilee day itself is declared below).
local spring_moved = { [2002] = { 6, 4 }, [2012] = { 6, 4 }, [2022] = { 6, 2 } }

-- Days declared once by royal proclamation: facts, not rules.
local declared = {
  [1977] = { { 6, 7, "Silver Jubilee of Elizabeth II" } },
  [1981] = { { 7, 29, "Wedding of Charles and Diana" } },
  [1999] = { { 12, 31, "Millennium Celebrations" } },
  [2002] = { { 6, 3, "Golden Jubilee of Elizabeth II" } },
  [2011] = { { 4, 29, "Wedding of William and Catherine" } },
  [2012] = { { 6, 5, "Diamond Jubilee of Elizabeth II" } },
  [2022] = { { 6, 3, "Platinum Jubilee of Elizabeth II" }, { 9, 19, "State Funeral of Queen Elizabeth II" } },
  [2023] = { { 5, 8, "Coronation of Charles III" } },
}

return rules.calendar{
  code = "gb", name = "the United Kingdom", first = 1900, last = 2200,
  rules = function(y)
    local year = y.year
    -- New Year's Day became a bank holiday in 1975 (1974 by proclamation).
    if year >= 1975 then
      y:observe(y:add(day(year, 1, 1), "New Year's Day"), "New Year's Day", rules.WEEKEND_MONDAY)
    end
    y:add(rules.easter(year) - 2, "Good Friday")
    -- The Early May bank holiday from 1978, moved to 8 May for VE Day's 50th and 75th anniversaries.
    if year >= 1978 then
      if year == 1995 or year == 2020 then y:add(day(year, 5, 8), "May Day")
      else y:add(nth(year, 5, "monday", 1), "May Day") end
    end
    if year >= 1971 then
      local moved = spring_moved[year]
      y:add(moved and day(year, moved[1], moved[2]) or nth(year, 5, "monday", -1), "Spring Bank Holiday")
    end
    for _, d in ipairs(declared[year] or {}) do y:add(day(year, d[1], d[2]), d[3]) end
    -- Since 1875, Christmas Day or Boxing Day on a weekend gives a substitute two days later.
    local christmas, boxing = y:add(day(year, 12, 25), "Christmas Day"), y:add(day(year, 12, 26), "Boxing Day")
    y:observe(christmas, "Christmas Day", { saturday = 2, sunday = 2 })
    y:observe(boxing, "Boxing Day", { saturday = 2, sunday = 2 })
  end,
}
