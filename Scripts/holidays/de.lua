-- holidays.de: Germany's nationwide public holidays, 1900-2200.
--
-- Public holidays are the Länder's law; these are the days all sixteen
-- keep. Most Länder add some: Epiphany (6 January: BW, BY, ST), Corpus
-- Christi (BW, BY, HE, NW, RP, SL), Reformation Day (31 October: the
-- north and east), All Saints' Day (1 November: BW, BY, NW, RP, SL)...
-- Add yours:
--
--   calendar = { holidays = { require "holidays.de", "2027-01-06", "2027-05-27" } }
--
-- Nothing moves off a weekend: a holiday on a Sunday is simply lost.
-- Before reunification (3 October 1990) the days are West Germany's, with
-- 17 June as its Day of German Unity (1954-1990); the Day of Repentance and
-- Prayer was a nationwide holiday until 1994, when it was given up to pay
-- for long-term care insurance. Years before 1991 are not checked against
-- the tests' reference calendar, which begins then.

local rules = require "holidays.rules"
local day = rules.day

-- Days declared once: facts, not rules.
local declared = {
  [2017] = { { 10, 31, "Reformation Day" } },   -- the Reformation's 500th anniversary, in every Land
}

return rules.calendar{
  code = "de", name = "Germany", first = 1900, last = 2200,
  rules = function(y)
    local year = y.year
    local easter = rules.easter(year)
    y:add(day(year, 1, 1), "New Year's Day")
    y:add(easter - 2, "Good Friday")
    y:add(easter + 1, "Easter Monday")
    if year >= 1933 then y:add(day(year, 5, 1), "Labor Day") end
    y:add(easter + 39, "Ascension Day")
    y:add(easter + 50, "Pentecost Monday")
    if year >= 1954 and year <= 1990 then y:add(day(year, 6, 17), "Day of German Unity") end
    if year >= 1990 then y:add(day(year, 10, 3), "German Unity Day") end
    for _, d in ipairs(declared[year] or {}) do y:add(day(year, d[1], d[2]), d[3]) end
    -- The Wednesday before 23 November (11 days before the first Sunday of Advent).
    if year >= 1990 and year <= 1994 then
      y:add(rules.on_or_before(day(year, 11, 22) - 1, "wednesday"), "Repentance and Prayer Day")
    end
    y:add(day(year, 12, 25), "Christmas Day")
    y:add(day(year, 12, 26), "Second Day of Christmas")
  end,
}
