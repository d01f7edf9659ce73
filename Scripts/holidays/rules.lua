-- holidays.rules: what a holiday calendar is made of.
--
-- Each of Cadence's holiday calendars (holidays.us, holidays.gb, ...) is a
-- module returning { code, name, first, last, days = function(year) }, where
-- days(year) lists that year's public holidays in date order:
--
--   { { date = "2026-11-26", name = "Thanksgiving Day" }, ... }
--
-- They are computed by rule, never looked up in a table of dates, so they
-- hold for every year they cover (1900-2200): Easter by the Gregorian
-- computus, "the 4th Thursday of November", "the last Monday of May", and
-- the substitute ("observed") days a country gives when a holiday falls on
-- a weekend. A year a holiday began, moved or ended is written where the
-- rule is. Days declared once (a coronation, a state funeral) are listed as
-- what they are: facts, not rules.
--
-- Copy one to make your own (a regional day, your employer's closures):
--
--   local rules = require "holidays.rules"
--   local us = require "holidays.us"
--   return rules.calendar{ code = "us-acme", name = "Acme's US days", first = 1900, last = 2200,
--     rules = function(y)
--       for _, day in ipairs(us.days(y.year)) do y:add(rules.parse(day.date), day.name) end
--       y:add(rules.nth(y.year, 11, "thursday", 4) + 1, "Day after Thanksgiving")
--     end }
--
-- Days here are whole numbers (days since 1970-01-01) so that rules can add
-- and compare them; `rules.iso` writes one as "YYYY-MM-DD".

local rules = {}

local floor = math.floor

--- The day number of a date of the proleptic Gregorian calendar
--- (H. Hinnant's days_from_civil).
function rules.day(year, month, day)
  local y = month <= 2 and year - 1 or year
  local era = floor(y / 400)
  local yoe = y - era * 400
  local mp = (month + 9) % 12
  local doy = floor((153 * mp + 2) / 5) + day - 1
  local doe = yoe * 365 + floor(yoe / 4) - floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
end

--- The year, month and day of day number `n` (civil_from_days).
function rules.civil(n)
  n = n + 719468
  local era = floor(n / 146097)
  local doe = n - era * 146097
  local yoe = floor((doe - floor(doe / 1460) + floor(doe / 36524) - floor(doe / 146096)) / 365)
  local doy = doe - (365 * yoe + floor(yoe / 4) - floor(yoe / 100))
  local mp = floor((5 * doy + 2) / 153)
  local d = doy - floor((153 * mp + 2) / 5) + 1
  local m = mp < 10 and mp + 3 or mp - 9
  return yoe + era * 400 + (m <= 2 and 1 or 0), m, d
end

--- "YYYY-MM-DD" for day number `n`.
function rules.iso(n)
  return ("%04d-%02d-%02d"):format(rules.civil(n))
end

--- The day number of "YYYY-MM-DD".
function rules.parse(text)
  local y, m, d = tostring(text):match("^(%d%d%d%d)-(%d%d)-(%d%d)$")
  if not y then error(("holidays: %q is not a date written YYYY-MM-DD"):format(tostring(text)), 2) end
  return rules.day(tonumber(y), tonumber(m), tonumber(d))
end

local WEEKDAYS = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }
local NUMBER = {}
for i, name in ipairs(WEEKDAYS) do NUMBER[name] = i end

--- The weekday of day number `n`: "monday" ... "sunday".
function rules.weekday(n)
  -- 1970-01-01 was a Thursday (the 4th day of an ISO week).
  return WEEKDAYS[(n + 3) % 7 + 1]
end

local function number_of(weekday)
  return NUMBER[weekday] or error(("holidays: %q is not a weekday"):format(tostring(weekday)), 3)
end

--- The `n`th `weekday` of `month` ("the 4th Thursday of November"); a
--- negative `n` counts from the end (-1: "the last Monday of May").
function rules.nth(year, month, weekday, n)
  local want = number_of(weekday)
  if n > 0 then
    local first = rules.day(year, month, 1)
    local offset = (want - ((first + 3) % 7 + 1)) % 7
    return first + offset + 7 * (n - 1)
  end
  local last = rules.day(month == 12 and year + 1 or year, month == 12 and 1 or month + 1, 1) - 1
  local offset = (((last + 3) % 7 + 1) - want) % 7
  return last - offset + 7 * (n + 1)
end

--- The first `weekday` on or after day `n` ("the Monday on or after 24 May").
function rules.on_or_after(n, weekday)
  return n + (number_of(weekday) - ((n + 3) % 7 + 1)) % 7
end

--- The first `weekday` on or before day `n`.
function rules.on_or_before(n, weekday)
  return n - (((n + 3) % 7 + 1) - number_of(weekday)) % 7
end

--- Easter Sunday of `year` by the Gregorian computus (the anonymous
--- algorithm published in Nature, 1876, and by Butcher).
function rules.easter(year)
  local a = year % 19
  local b, c = floor(year / 100), year % 100
  local d, e = floor(b / 4), b % 4
  local f = floor((b + 8) / 25)
  local g = floor((b - f + 1) / 3)
  local h = (19 * a + b - d - g + 15) % 30
  local i, k = floor(c / 4), c % 4
  local l = (32 + 2 * e + 2 * i - h - k) % 7
  local m = floor((a + 11 * h + 22 * l) / 451)
  local month = floor((h + l - 7 * m + 114) / 31)
  local day = (h + l - 7 * m + 114) % 31 + 1
  return rules.day(year, month, day)
end

--- Whether day `n` is a Saturday or a Sunday.
function rules.weekend(n)
  return (n + 3) % 7 >= 5
end

---------------------------------------------------------------------------
-- A year being filled: its rules add days, and substitutes for some.
---------------------------------------------------------------------------

local Year = {}
Year.__index = Year

--- Adds `name` on day `n` (a day number). Returns `n`, for `observe`.
function Year:add(n, name)
  if type(n) ~= "number" then error("holidays: add takes a day number (rules.day, rules.nth, ...)", 2) end
  local list = self.days
  list[#list + 1] = { n = n, name = name, order = #list }
  self.taken[n] = true
  return n
end

--- Whether day `n` is already a holiday of this year's calendar.
function Year:holds(n) return self.taken[n] == true end

--- The substitute day for holiday `name` on day `n` when `shift` moves it,
--- named "NAME (observed)". `shift` maps a weekday to a number of days
--- ({ saturday = -1, sunday = 1 }: a Saturday's holiday is observed the
--- Friday before, a Sunday's the Monday after), or to "next free" (the
--- first day after it that is neither a weekend nor a holiday already).
--- Returns the substitute day, or nil when the holiday stays where it is.
function Year:observe(n, name, shift)
  local by = shift[rules.weekday(n)]
  if by == nil then return nil end
  local day
  if by == "next free" then
    day = n + 1
    while rules.weekend(day) or self.taken[day] do day = day + 1 end
  else
    day = n + by
  end
  self:add(day, name .. " (observed)")
  return day
end

--- The days added, in date order (as added, on one day), as the calendar
--- gives them: { date = "YYYY-MM-DD", name = ... }. Only days of the year
--- itself (a substitute may fall in the next one, or the last).
function Year:list()
  local list = {}
  for _, d in ipairs(self.days) do list[#list + 1] = d end
  table.sort(list, function(a, b)
    if a.n ~= b.n then return a.n < b.n end
    return a.order < b.order
  end)
  local days = {}
  for _, d in ipairs(list) do
    if rules.civil(d.n) == self.year then days[#days + 1] = { date = rules.iso(d.n), name = d.name } end
  end
  return days
end

--- A calendar module from its description: code, name, first and last
--- year covered, and `rules`, a function filling a year (`y.year`, y:add,
--- y:observe). Its `days(year)` lists the year's holidays; a year outside
--- first..last is an error (the rules were not checked there).
function rules.calendar(spec)
  for _, field in ipairs({ "code", "name", "first", "last", "rules" }) do
    if spec[field] == nil then error("holidays: a calendar needs " .. field, 2) end
  end
  local module = { code = spec.code, name = spec.name, first = spec.first, last = spec.last }
  local cache = {}
  function module.days(year)
    if math.type(year) ~= "integer" then
      error(("holidays.%s: days takes a year (a whole number), not %s"):format(spec.code, tostring(year)), 2)
    end
    if year < spec.first or year > spec.last then
      error(("holidays.%s covers %d to %d, not %d"):format(spec.code, spec.first, spec.last, year), 2)
    end
    if not cache[year] then
      local y = setmetatable({ year = year, days = {}, taken = {} }, Year)
      spec.rules(y)
      cache[year] = y:list()
    end
    -- A copy: a caller may change its list without changing the calendar's.
    local copy = {}
    for i, d in ipairs(cache[year]) do copy[i] = { date = d.date, name = d.name } end
    return copy
  end
  return module
end

--- Shifts used by several countries.
rules.SATURDAY_FRIDAY_SUNDAY_MONDAY = { saturday = -1, sunday = 1 }
rules.SUNDAY_MONDAY = { sunday = 1 }
rules.WEEKEND_MONDAY = { saturday = 2, sunday = 1 }
rules.WEEKEND_NEXT_FREE = { saturday = "next free", sunday = "next free" }

return rules
