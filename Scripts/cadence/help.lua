-- cadence.help: help() and help(thing), read from the annotations in
-- cadence/types.lua, so that editors and the REPL say the same thing.

local entries, order = {}, {}

local function load_entries()
  if #order > 0 then return end
  local path = package.searchpath("cadence.types", package.path)
  local file = path and io.open(path)
  if not file then return end
  local doc = {}
  for line in file:lines() do
    local text = line:match("^%-%-%-(.*)$")
    if text and not text:match("^@") then
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
        name = name:gsub("^cadence%.", ""):gsub("^Application:", "app:"):gsub("^Date:", "date:"):gsub("^Context:", "ctx:")
        entries[name] = { signature = name .. args, doc = doc }
        order[#order + 1] = name
      end
      doc = {}
    elseif not text then
      doc = {}
    end
  end
  file:close()
end

local function summary(name)
  local entry = entries[name]
  local first = entry.doc[1] or ""
  return ("  %-34s %s"):format(entry.signature, first)
end

--- help() lists what there is; help("apps") or help(apps) explains one thing.
return function(thing, names)
  load_entries()
  if thing == nil then
    local lines = { "Functions (help(name) for more):" }
    for _, name in ipairs(order) do if not name:match("^ctx:") then lines[#lines + 1] = summary(name) end end
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
  local name = type(thing) == "string" and thing or (names and names[thing])
  if type(thing) == "table" and getmetatable(thing) and getmetatable(thing).__name == "Application" then
    local lines = { "An application. Methods:" }
    for _, n in ipairs(order) do if n:match("^app:") then lines[#lines + 1] = summary(n) end end
    return table.concat(lines, "\n")
  end
  local entry = name and entries[name]
  if not entry then return "no help for " .. tostring(thing) .. "; help() lists what there is" end
  return entry.signature .. "\n" .. table.concat(entry.doc, "\n")
end
