-- cadence.help: help() and help(thing). Functions, methods and the shapes a
-- policy works with (a proposal, the calendar's settings) are read from the
-- annotations in cadence/types.lua, so that editors and the REPL say the
-- same thing; a record's fields from the host (RecordSchema in Swift), the
-- one list that reading, writing and "did you mean" use too.

local host = require "cadence.host"

local entries, order, classes = {}, {}, {}

-- "Application:log" reads as "app:log", "cadence.apps" as "apps".
local function short_name(name)
  name = name:gsub("^cadence%.", "")
  return (name:gsub("^Application:", "app:"):gsub("^Date([:.])", "date%1"):gsub("^Context:", "ctx:"))
end

local function load_entries()
  if #order > 0 then return end
  local path = package.searchpath("cadence.types", package.path)
  local file = path and io.open(path)
  if not file then return end
  local doc, class = {}, nil
  for line in file:lines() do
    local text = line:match("^%-%-%-(.*)$")
    if text and text:match("^@class") then
      -- "@class cadence.Proposal": help("proposal") lists its fields, with the words before it.
      local name = text:match("^@class%s+cadence%.([%w_]+)")
      if name then
        class = { name = name, doc = doc, fields = {} }
        classes[name:lower()] = class
      end
      doc = {}
    elseif text and text:match("^@field") and class then
      local name, optional, kind, what = text:match("^@field%s+([%w_]+)(%??)%s+(%S+)%s*(.*)$")
      if name then class.fields[#class.fields + 1] = { name = name, optional = optional == "?", kind = kind, what = what } end
    elseif text and not text:match("^@") then
      doc[#doc + 1] = text:gsub("^ ", "")
    elseif text and text:match("^@param") then
      -- "@param from? string|cadence.Date the day…" reads as "  from (optional): the day…".
      local name, optional, _, what = text:match("^@param%s+([%w_]+)(%??)%s+(%S+)%s*(.*)$")
      if name then
        doc[#doc + 1] = ("  %s%s: %s"):format(name, optional == "?" and " (optional)" or "", what ~= "" and what or "")
      end
    elseif text and text:match("^@return") then
      local kind, what = text:match("^@return%s+(%S+)%s*(.*)$")
      if kind then doc[#doc + 1] = "  returns " .. (what ~= "" and what or kind) end
    elseif line:match("^function ") then
      local name, args = line:match("^function ([%w_.:]+)(%b())")
      if name then
        name = short_name(name)
        entries[name] = { signature = name .. args, doc = doc }
        order[#order + 1] = name
      end
      doc, class = {}, nil
    elseif line:match("^cadence%.[%w_]+ = ") then
      -- A value the module exports (cadence.stages): its words, under its name.
      local name = line:match("^cadence%.([%w_]+)")
      entries[name] = { signature = name, doc = doc }
      order[#order + 1] = name
      doc, class = {}, nil
    elseif not text then
      doc, class = {}, nil
    end
  end
  file:close()
end

local function summary(name)
  local entry = entries[name]
  local first = entry.doc[1] or ""
  return ("  %-34s %s"):format(entry.signature, first)
end

-- The records, by what a person may call them: help("app"), help("application"), help(a).
local RECORDS = host.record_fields()
local RECORD_ORDER = { "application", "event", "contact", "offer", "candidate", "decision" }
local RECORD_NAMES = { app = "application", Application = "application", Event = "event", Contact = "contact",
                       Offer = "offer", Candidate = "candidate", Decision = "decision" }
for _, record in ipairs(RECORD_ORDER) do RECORD_NAMES[record] = record end

local function record_help(record)
  local fields = RECORDS[record]
  local width = 0
  for _, name in ipairs(fields.names) do width = math.max(width, #name) end
  local lines = { ("%s%s: its fields, read and written by these names (any other is an error):"):format(
    fields.article:sub(1, 1):upper(), fields.article:sub(2)) }
  for _, name in ipairs(fields.names) do
    lines[#lines + 1] = ("  %-" .. width .. "s  %s"):format(name, fields.help[name])
  end
  if record == "application" then
    lines[#lines + 1] = "Methods:"
    for _, n in ipairs(order) do if n:match("^app:") then lines[#lines + 1] = summary(n) end end
  end
  return table.concat(lines, "\n")
end

local function class_help(class)
  local lines = {}
  for _, line in ipairs(class.doc) do lines[#lines + 1] = line end
  if #lines == 0 then lines[1] = class.name end
  for _, f in ipairs(class.fields) do
    lines[#lines + 1] = ("  %s%s: %s"):format(f.name, f.optional and " (optional)" or "", f.what ~= "" and f.what or f.kind)
  end
  if class.name == "Date" then
    for _, n in ipairs(order) do if n:match("^date[:.]") then lines[#lines + 1] = summary(n) end end
  end
  return table.concat(lines, "\n")
end

local help = {}

--- Every name help() knows: functions and values of the module ("apps",
--- "stages"), methods ("app:log", "date:iso", "ctx:propose"), records
--- ("application") and their fields ("application.deadline"), and the
--- shapes of types.lua ("proposal", "calendar"). For the test that holds
--- help() to what the module exports.
function help.has(name)
  load_entries()
  if entries[name] or RECORD_NAMES[name] or classes[tostring(name):lower()] then return true end
  local record, field = tostring(name):match("^([%w_]+)%.([%w_]+)$")
  record = record and RECORD_NAMES[record]
  return record ~= nil and RECORDS[record].help[field] ~= nil
end

--- help() lists what there is; help("apps") or help(apps) explains one thing.
function help.text(thing, names)
  load_entries()
  if thing == nil then
    local lines = { "Functions (help(name) for more):" }
    for _, name in ipairs(order) do
      if not name:match("^ctx:") and not name:match("^date[:.]") then lines[#lines + 1] = summary(name) end
    end
    lines[#lines + 1] = "Records: " .. table.concat(RECORD_ORDER, ", ")
      .. " (help('application') lists an application's fields; help('application.deadline') one field)"
    lines[#lines + 1] = "Dates: help('date'); what a policy proposes (due, to, slide…): help('proposal');"
    lines[#lines + 1] = "  the days follow-ups go out on (weekends, holidays, send_on, send_at): help('calendar')"
    lines[#lines + 1] = "In the REPL: agenda(days) and simulate(app, weeks, \"reply on day 10\", ...) under your cadence.lua;"
    lines[#lines + 1] = "  done(ref [, day]), skip(ref), snooze(ref, until) act on an agenda item"
    lines[#lines + 1] = "Writing a policy: help('ctx') for what plan(app, ctx) is given"
    lines[#lines + 1] = "Regions and holidays: help('region'); help('holidays') for the calendars (require \"holidays.us\")"
    lines[#lines + 1] = "REPL commands: :help, :load FILE, :reload, :undo (what the last input wrote), :quit"
    return table.concat(lines, "\n")
  end
  if thing == "holidays" then
    return table.concat({
      "Public holidays, as Lua calendars computed by rule for 1900-2200 (Scripts/holidays/*.lua):",
      "  local us = require \"holidays.us\"   -- also ca, gb (gb_eng: England and Wales), ie, de, fr, nl, in, au",
      "  us.days(2026)                       -- { { date = \"2026-01-01\", name = \"New Year's Day\" }, ... }",
      "  cadence.region(app).holidays(2026)  -- the days of the application's candidate's region",
      "Planning skips the candidate's region's days unless cadence.lua's calendar says otherwise:",
      "  calendar = { holidays = { \"2026-12-24\" } }                   -- the region's, and these",
      "  calendar = { holidays = { require \"holidays.de\", \"2026-12-24\" } }  -- this calendar instead",
      "  calendar = { holidays = false }                             -- none",
      "ctx.calendar:holidays_of(2026) lists the days a policy's calendar skips.",
      "Write your own with require \"holidays.rules\" (Easter, nth weekdays, substitute days): see its comments.",
    }, "\n")
  end
  if thing == "ctx" then
    local lines = { "What a policy's plan(app, ctx) is given: ctx.today, ctx.timeline, ctx.future, ctx.contacts,",
                    "ctx.candidate, ctx.calendar, and these methods:" }
    for _, n in ipairs(order) do if n:match("^ctx:") then lines[#lines + 1] = summary(n) end end
    return table.concat(lines, "\n")
  end
  -- A record, its class, or a value of it.
  local mt = type(thing) == "table" and getmetatable(thing)
  local record = RECORD_NAMES[thing] or (names and RECORD_NAMES[names[thing]])
    or (type(mt) == "table" and RECORD_NAMES[rawget(mt, "__name")])
  if record then return record_help(record) end
  if type(mt) == "table" and rawget(mt, "__name") == "Date" then return class_help(classes.date) end
  local name = type(thing) == "string" and thing or (names and names[thing])
  if name and entries[name] then return entries[name].signature .. "\n" .. table.concat(entries[name].doc, "\n") end
  local of, field = tostring(name):match("^([%w_]+)%.([%w_]+)$")
  of = of and RECORD_NAMES[of]
  if of then
    local fields = RECORDS[of]
    if fields.help[field] then return ("%s.%s: %s"):format(of, field, fields.help[field]) end
    return host.unknown_field(of, field)
  end
  local class = name and classes[name:lower()]
  if class then return class_help(class) end
  return "no help for " .. host.terminal_line(tostring(thing):sub(1, 200)) .. "; help() lists what there is"
end

return setmetatable(help, { __call = function(_, thing, names) return help.text(thing, names) end })
