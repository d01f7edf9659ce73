-- holidays.ie: Ireland's public holidays, 1900-2200.
--
-- The Organisation of Working Time Act 1997 and the acts before it. An
-- Irish public holiday on a weekend moves nowhere by law (the employee is
-- owed a day's pay or leave instead), so there are no substitute days here.
-- Good Friday is no public holiday, though many close: add it if you do.

local rules = require "holidays.rules"
local day, nth = rules.day, rules.nth

-- Days declared once: facts, not rules.
local declared = {
  [1999] = { { 12, 31, "Millennium Celebrations" } },
  [2011] = { { 9, 14, "National Day of Mourning" } },
  [2022] = { { 3, 18, "Day of Remembrance and Recognition" } },
}

return rules.calendar{
  code = "ie", name = "Ireland", first = 1900, last = 2200,
  rules = function(y)
    local year = y.year
    if year >= 1975 then y:add(day(year, 1, 1), "New Year's Day") end
    -- From 2023: 1 February when it is a Friday, else the first Monday of February.
    if year >= 2023 then
      local feb1 = day(year, 2, 1)
      y:add(rules.weekday(feb1) == "friday" and feb1 or rules.on_or_after(feb1, "monday"), "Saint Brigid's Day")
    end
    if year >= 1903 then y:add(day(year, 3, 17), "Saint Patrick's Day") end
    local easter = rules.easter(year)
    y:add(easter + 1, "Easter Monday")
    -- From 1994 (8 May in 1995, for VE Day's 50th anniversary).
    if year >= 1994 then y:add(year == 1995 and day(year, 5, 8) or nth(year, 5, "monday", 1), "May Bank Holiday") end
    -- Whit Monday until 1973 replaced it with the first Monday of June.
    if year >= 1973 then y:add(nth(year, 6, "monday", 1), "June Bank Holiday")
    else y:add(easter + 50, "Whit Monday") end
    y:add(nth(year, 8, "monday", 1), "August Bank Holiday")
    if year >= 1977 then y:add(nth(year, 10, "monday", -1), "October Bank Holiday") end
    for _, d in ipairs(declared[year] or {}) do y:add(day(year, d[1], d[2]), d[3]) end
    y:add(day(year, 12, 25), "Christmas Day")
    y:add(day(year, 12, 26), "Saint Stephen's Day")
  end,
}
