-- cadence.calendar: on which days a follow-up can go out.
--
-- A cadence.lua sets it beside its policies:
--
--   return {
--     calendar = {
--       weekends = "slide",                 -- "slide" to Monday (default), "back" to Friday, or "keep"
--       holidays = { "2026-12-25", ["2026-12-26"] = "Boxing Day" },
--       send_on = { "tuesday", "wednesday", "thursday" },   -- only these weekdays
--       send_at = "09:30",                  -- the time of day, in the candidate's zone (calendar files)
--     },
--     standard.thank_you(), ...
--   }

local cadence = require "cadence"

local calendar = {}
local Calendar = {}
Calendar.__index = Calendar

local WEEKDAYS = { monday = true, tuesday = true, wednesday = true, thursday = true, friday = true,
                   saturday = true, sunday = true }
local KNOWN = { weekends = true, holidays = true, send_on = true, send_at = true }

local function fail(message) error("calendar: " .. message, 0) end

--- A calendar from the options of a cadence.lua (all optional); given a
--- calendar already made, that calendar.
function calendar.new(options)
  if getmetatable(options) == Calendar then return options end
  options = options or {}
  for key in pairs(options) do
    if not KNOWN[key] then fail(("unknown setting '%s' (known: weekends, holidays, send_on, send_at)"):format(tostring(key))) end
  end
  local self = setmetatable({ weekends = options.weekends or "slide", holidays = {}, send_on = nil,
                              send_at = options.send_at }, Calendar)
  if self.weekends ~= "slide" and self.weekends ~= "back" and self.weekends ~= "keep" then
    fail(("weekends is \"slide\", \"back\" or \"keep\", not %q"):format(tostring(self.weekends)))
  end
  -- Holidays as a list of dates, a map of date to name, or both.
  for key, value in pairs(options.holidays or {}) do
    if math.type(key) == "integer" then
      self.holidays[cadence.date(value):iso()] = "a holiday"
    else
      self.holidays[cadence.date(key):iso()] = tostring(value)
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

--- Why `date` is no day to send on, or nil when it is one.
function Calendar:closed(date)
  local holiday = next(self.holidays) ~= nil and self.holidays[tostring(date)]
  if holiday then return holiday end
  if self.weekends ~= "keep" and date:is_weekend() then return "a weekend" end
  if self.send_on and not self.send_on[date.weekday] then return "not one of your sending days" end
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
