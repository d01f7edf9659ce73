-- holidays.in: India's national holidays that follow the Gregorian
-- calendar, 1900-2200.
--
-- The three national holidays (Republic Day, Independence Day, Gandhi
-- Jayanti) and the central government's fixed-date gazetted holidays.
--
-- What this calendar cannot give: the festivals of the lunar and lunisolar
-- calendars (Holi, Ram Navami, Mahavir Jayanti, Buddha Purnima,
-- Janmashtami, Dussehra, Diwali, Guru Nanak Jayanti, Maha Shivaratri; Id-
-- ul-Fitr, Id-ul-Zuha, Muharram, Milad-un-Nabi). Their days are fixed each
-- year from sightings of the moon and almanacs, and the government
-- publishes them in its list of holidays: add this year's from that list.
--
--   calendar = { holidays = { require "holidays.in", ["2026-11-08"] = "Diwali", ["2026-03-04"] = "Holi" } }
--
-- Nothing moves off a weekend.

local rules = require "holidays.rules"
local day = rules.day

return rules.calendar{
  code = "in", name = "India", first = 1900, last = 2200,
  rules = function(y)
    local year = y.year
    -- The constitution came into force on 26 January 1950.
    if year >= 1950 then y:add(day(year, 1, 26), "Republic Day") end
    y:add(rules.easter(year) - 2, "Good Friday")
    y:add(day(year, 4, 14), "Dr. B. R. Ambedkar's Jayanti")
    if year >= 1947 then y:add(day(year, 8, 15), "Independence Day") end
    y:add(day(year, 10, 2), "Mahatma Gandhi's Jayanti")
    y:add(day(year, 12, 25), "Christmas")
  end,
}
