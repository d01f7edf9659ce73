-- cadence.calendar: on which days a follow-up can go out.
--
-- A cadence.lua sets it beside its policies:
--
--   return {
--     calendar = {
--       weekends = "slide",                 -- "slide" to Monday (default), "back" to Friday, or "keep"
--       holidays = { "2026-12-24", ["2026-12-31"] = "office closed" },  -- added to your region's
--       send_on = { "tuesday", "wednesday", "thursday" },   -- only these weekdays
--       send_at = "09:30",                  -- the time of day, in the candidate's zone (calendar files)
--     },
--     standard.thank_you(), ...
--   }
--
-- Public holidays: by default each candidate's region's calendar (the Lua
-- module holidays.<code>, such as holidays.us: `cadence candidate show`
-- names it), and the dates `holidays` lists are added to it. `holidays`
-- may instead name calendars, which then replace the region's:
--
--   holidays = require "holidays.de"                            -- Germany's, whoever the candidate
--   holidays = { require "holidays.gb", "2027-03-29" }          -- the UK's, and Easter Monday
--   holidays = { acme }                                         -- your own, beside cadence.lua, read above
--                                                               -- the list: local acme = cadence.workspace_script "acme-days.lua"
--   holidays = false                                            -- none at all
--
-- A calendar is any table with `days(year)` giving { { date = "YYYY-MM-DD",
-- name = "..." }, ... } (see Scripts/holidays/rules.lua to write one).

local cadence = require "cadence"

local calendar = {}
local Calendar = {}
Calendar.__index = Calendar

local WEEKDAYS = { monday = true, tuesday = true, wednesday = true, thursday = true, friday = true,
                   saturday = true, sunday = true }
-- `regions` is Cadence's own: each candidate's region, as the agenda sends
-- it to an isolated worker ({ { candidate = 1, region = "us" }, ... }), or
-- false for none.
local KNOWN = { weekends = true, holidays = true, send_on = true, send_at = true, regions = true }

local function fail(message) error("calendar: " .. message, 0) end

-- Whether `value` is a holiday calendar: a table with a days function.
local function is_calendar(value)
  return type(value) == "table" and type(value.days) == "function"
end

--- A calendar from the options of a cadence.lua (all optional); given a
--- calendar already made, that calendar.
function calendar.new(options)
  if getmetatable(options) == Calendar then return options end
  options = options or {}
  for key in pairs(options) do
    if not KNOWN[key] then fail(("unknown setting '%s' (known: weekends, holidays, send_on, send_at)"):format(tostring(key))) end
  end
  local self = setmetatable({ weekends = options.weekends or "slide", holidays = {}, send_on = nil,
                              send_at = options.send_at, sources = nil, off = false, regions = nil,
                              by_region = {}, years = {} }, Calendar)
  if options.regions == false then
    self.regions = false
  elseif type(options.regions) == "table" then
    self.regions = {}
    for _, r in ipairs(options.regions) do self.regions[r.candidate] = r.region end
  end
  if self.weekends ~= "slide" and self.weekends ~= "back" and self.weekends ~= "keep" then
    fail(("weekends is \"slide\", \"back\" or \"keep\", not %q"):format(tostring(self.weekends)))
  end
  -- Holidays: false for none; a calendar (a table with days); or a list of
  -- dates, of calendars, or both, and a map of date to name.
  local given = options.holidays
  if given == false then
    self.off = true
  elseif is_calendar(given) then
    self.sources = { given }
  elseif given ~= nil and type(given) ~= "table" then
    fail(("holidays is a list of dates, a calendar (require \"holidays.us\") or false, not %s"):format(type(given)))
  else
    for key, value in pairs(given or {}) do
      if math.type(key) == "integer" and is_calendar(value) then
        self.sources = self.sources or {}
        self.sources[#self.sources + 1] = value
      elseif math.type(key) == "integer" then
        self.holidays[cadence.date(value):iso()] = "a holiday"
      else
        self.holidays[cadence.date(key):iso()] = tostring(value)
      end
    end
  end
  if options.send_on then
    self.send_on = {}
    for _, day in ipairs(options.send_on) do
      local name = tostring(day):lower()
      if not WEEKDAYS[name] then fail(("send_on: %q is not a weekday name"):format(tostring(day))) end
      self.send_on[name] = true
    end
    if next(self.send_on) == nil then fail("send_on names no day") end
  end
  if self.send_at and not tostring(self.send_at):match("^%d%d?:%d%d$") then
    fail(("send_at is a time such as \"09:30\", not %q"):format(tostring(self.send_at)))
  end
  return self
end

--- This calendar for a candidate of region `code` ("us"; nil for none):
--- the region's public holidays join the dates listed, unless the settings
--- named their own calendars or turned holidays off.
function Calendar:for_region(code)
  if self.off or self.sources or code == nil or self.regions == false then return self end
  local made = self.by_region[code]
  if made then return made end
  made = {}
  for k, v in pairs(self) do made[k] = v end
  made.region, made.years, made.by_region = code, {}, {}
  made.sources = { (require(cadence.region(code).holiday_module)) }   -- the module Region names
  setmetatable(made, Calendar)
  self.by_region[code] = made
  return made
end

--- This calendar for application `app`: its candidate's region's.
function Calendar:for_app(app)
  if self.off or self.sources or self.regions == false then return self end
  local code
  if self.regions then
    code = self.regions[app.candidate_id]
  else
    -- Asked of the workspace once per candidate.
    local known = self.candidate_regions or {}
    self.candidate_regions = known
    local id = app.candidate_id or 0
    if known[id] == nil then known[id] = cadence.region_code(app) or false end
    code = known[id] or nil
  end
  return self:for_region(code)
end

-- The holidays of `year` from the calendars in use, by day: computed once a year.
function Calendar:year_days(year)
  local days = self.years[year]
  if days then return days end
  days = {}
  for _, source in ipairs(self.sources or {}) do
    if year >= (source.first or 1900) and year <= (source.last or 2200) then
      -- A calendar may be the user's own: what it gives is checked, and named when wrong.
      local list = source.days(year)
      local function wrong(what)
        fail(("holidays: %s's days(%d) %s"):format(tostring(source.code or source.name or "a calendar"), year, what))
      end
      if type(list) ~= "table" then wrong("gave " .. type(list) .. ", not a list of { date, name }") end
      for i, day in ipairs(list) do
        local date = type(day) == "table" and day.date
        if type(date) ~= "string" or not date:match("^%d%d%d%d%-%d%d%-%d%d$") then
          wrong(("item %d has no date written YYYY-MM-DD"):format(i))
        end
        days[date] = days[date] or tostring(day.name or "a holiday")
      end
    end
  end
  self.years[year] = days
  return days
end

--- The public holidays of `year` this calendar skips, listed and named,
--- as { { date = "YYYY-MM-DD", name = "..." }, ... } in date order.
function Calendar:holidays_of(year)
  local all = {}
  for iso, name in pairs(self:year_days(year)) do all[iso] = name end
  for iso, name in pairs(self.holidays) do
    if tonumber(iso:sub(1, 4)) == year then all[iso] = name end
  end
  local list = {}
  for iso, name in pairs(all) do list[#list + 1] = { date = iso, name = name } end
  table.sort(list, function(a, b) return a.date < b.date end)
  return list
end

--- Why `date` is no day to send on, or nil when it is one.
function Calendar:closed(date)
  local iso = tostring(date)
  local holiday = self.holidays[iso] or (self.sources and self:year_days(date.year)[iso])
  if holiday then return holiday end
  if self.weekends ~= "keep" and date:is_weekend() then return "a weekend" end
  if self.send_on and not self.send_on[date.weekday] then return "not one of your sending days" end
end

--- The settings as an isolated worker can be sent them (plain data, as
--- JSON carries it): the calendars named are listed as their days of the
--- years `first`..`last`, and `regions` lists each candidate's region
--- (`regions_of` maps candidate ids to codes), so that a package plans on
--- the days the agenda does.
function calendar.portable(options, first, last, regions_of)
  local self = calendar.new(options)
  local out = { weekends = self.weekends, send_at = self.send_at }
  if self.send_on then
    out.send_on = {}
    for name in pairs(self.send_on) do out.send_on[#out.send_on + 1] = name end
    table.sort(out.send_on)
  end
  if self.off then
    out.holidays = false
    return out
  end
  local dates = {}
  for iso, name in pairs(self.holidays) do dates[iso] = name end
  -- Names as given: one JSON cannot carry (a function) stops the package, as it says.
  if type(options) == "table" and type(options.holidays) == "table" and not is_calendar(options.holidays) then
    for key, value in pairs(options.holidays) do
      if math.type(key) ~= "integer" then dates[cadence.date(key):iso()] = value end
    end
  end
  if self.sources then
    for year = first, last do
      for iso, name in pairs(self:year_days(year)) do dates[iso] = dates[iso] or name end
    end
    out.regions = false
  else
    out.regions = {}
    for id, code in pairs(regions_of or {}) do out.regions[#out.regions + 1] = { candidate = id, region = code } end
    table.sort(out.regions, function(a, b) return a.candidate < b.candidate end)
  end
  out.holidays = dates
  return out
end

--- The `n`th open day after `date` (`n` 0 or nil: `date` itself when it is
--- open, else the next open day), over this calendar's weekends and holidays:
--- the day to offer an answer on is one the other side is at work.
function Calendar:working_day(date, n)
  local day = date
  for _ = 1, n or 0 do
    day = day + 1
    while self:closed(day) do day = day + 1 end
  end
  for _ = 1, 366 do
    if not self:closed(day) then return day end
    day = day + 1
  end
  fail("no day in a year is open for sending: check holidays and send_on")
end

--- The first day on or after `date` to send on (on or before it when
--- `direction` is "back"), and why it moved, or nil when it did not.
--- `direction` "keep" leaves the date as it is (a thank-you is due the day
--- of the interview, weekend or not).
function Calendar:adjust(date, direction)
  if direction == "keep" then return date, nil end
  local step = (direction == "back" or (direction == nil and self.weekends == "back")) and -1 or 1
  local why = self:closed(date)
  if not why then return date, nil end
  local day = date
  for _ = 1, 366 do
    day = day + step
    if not self:closed(day) then
      return day, ("%s is %s: moved to %s"):format(date:short(), why, day:short())
    end
  end
  fail("no day in a year is open for sending: check holidays and send_on")
end

return calendar
