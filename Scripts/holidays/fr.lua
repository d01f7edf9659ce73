-- holidays.fr: France's public holidays (jours fériés), 1900-2200.
--
-- The eleven days of the Code du travail (article L3133-1) and the years
-- each was made, renamed, dropped or restored. Alsace and Moselle add Good
-- Friday and St Stephen's Day (26 December); add them if you work there:
--
--   calendar = { holidays = { require "holidays.fr", "2027-03-26", "2027-12-26" } }
--
-- Nothing moves off a weekend. Pentecost Monday was the "journée de
-- solidarité" (a working day) in 2005-2007 and is listed again from 2008,
-- though many employers still work it.

local rules = require "holidays.rules"
local day = rules.day

return rules.calendar{
  code = "fr", name = "France", first = 1900, last = 2200,
  rules = function(y)
    local year = y.year
    local easter = rules.easter(year)
    y:add(day(year, 1, 1), "New Year's Day")
    y:add(easter + 1, "Easter Monday")
    -- 1 May: a day off from 1919, named as Vichy named it in 1941-1945, "Fête du Travail" from 1948.
    if year >= 1919 then
      local name = year >= 1948 and "Labor Day" or (year >= 1941 and year <= 1945) and "Labor and Social Concord Day" or "May Day"
      y:add(day(year, 5, 1), name)
    end
    -- 8 May: a holiday in 1953-1959, dropped by decree, restored in 1982.
    if (year >= 1953 and year <= 1959) or year >= 1982 then y:add(day(year, 5, 8), "Victory Day") end
    y:add(easter + 39, "Ascension Day")
    if year < 2005 or year > 2007 then y:add(easter + 50, "Pentecost Monday") end
    y:add(day(year, 7, 14), "National Day")
    y:add(day(year, 8, 15), "Assumption Day")
    y:add(day(year, 11, 1), "All Saints' Day")
    -- 11 November from 1922.
    if year >= 1922 then y:add(day(year, 11, 11), "Armistice Day") end
    y:add(day(year, 12, 25), "Christmas Day")
  end,
}
