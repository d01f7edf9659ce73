-- holidays.gb_eng: the bank holidays of England and Wales, 1900-2200.
--
-- The United Kingdom's (holidays.gb) with the two England and Wales add:
-- Easter Monday, and the Late Summer Bank Holiday (the last Monday of
-- August, from 1971; Whit Monday before). If you work in England or
-- Wales, name it in cadence.lua:
--
--   calendar = { holidays = require "holidays.gb_eng" }

local rules = require "holidays.rules"
local gb = require "holidays.gb"

return rules.calendar{
  code = "gb_eng", name = "England and Wales", first = 1900, last = 2200,
  rules = function(y)
    for _, day in ipairs(gb.days(y.year)) do y:add(rules.parse(day.date), day.name) end
    local easter = rules.easter(y.year)
    y:add(easter + 1, "Easter Monday")
    if y.year >= 1971 then y:add(rules.nth(y.year, 8, "monday", -1), "Late Summer Bank Holiday")
    else y:add(easter + 50, "Whit Monday") end
  end,
}
