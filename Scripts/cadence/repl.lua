-- cadence.repl: what the REPL does with each evaluated chunk.
-- The Swift side reads lines and compiles them; this runs them, keeps the
-- first result in `_`, and prints every result with cadence.show.

local show = require "cadence.show"
local help = require "cadence.help"
local cadence = require "cadence"

-- The workspace in globals: apps{…}, app "Acme", date "2 weeks", …
for _, name in ipairs{ "apps", "app", "candidates", "date", "today", "days", "weeks", "transaction" } do
  _G[name] = cadence[name]
end
_G.cadence, _G.show = cadence, show

-- The agenda and simulations, as `cadence agenda` and `cadence simulate` show
-- them, under the workspace's cadence.lua (read afresh each time, so an edit
-- shows). Each returns its items, which print as the command prints them.
function _G.agenda(days)
  local policy = require "cadence.policy"
  local items, today, _, failures = policy.run{ days = days }
  return setmetatable(items, { __name = "Agenda", __tostring = function() return policy.render(items, today, failures) end })
end

function _G.simulate(name, weeks, ...)
  local policy, simulation = require "cadence.policy", require "cadence.simulate"
  local policies, settings = policy.load()
  local assume = { ... }
  local result = simulation.run(cadence.app(name), policies, { days = 7 * (weeks or 8), assume = assume,
                                                               calendar = settings.calendar })
  return setmetatable(result, { __name = "Simulation", __tostring = function() return simulation.render(result, assume) end })
end

-- Acting on an agenda item by its ref, as `cadence agenda done|skip|snooze`
-- does; :undo takes it back.
local function act(action, ref, options)
  local policy = require "cadence.policy"
  local policies, settings = policy.all()  -- with the installed packages, whose items have refs too
  options.calendar = settings.calendar
  local _, said = policy.act(policies, tostring(ref), action, options)
  return said
end
function _G.done(ref, on) return act("done", ref, { on = on }) end
function _G.skip(ref) return act("skipped", ref, {}) end
function _G.snooze(ref, till) return act("snoozed", ref, { ["until"] = till }) end

-- help(apps) needs to know a function's name.
local names = {}
for name, value in pairs(cadence) do names[value] = name end
_G.help = function(thing) print(help(thing, names)) end

local repl = {}

--- Runs `chunk`; returns true and the printed results, or false and the error.
function repl.run(chunk)
  local results = table.pack(xpcall(chunk, function(message)
    -- Ctrl-C stops whatever runs, Cadence's own code included: say so, not where.
    if type(message) == "string" and message:match("interrupted$") then return "interrupted" end
    if type(message) == "string" then return message end
    local ok, text = pcall(tostring, message)
    return ok and text or ("(error object is a " .. type(message) .. " value)")
  end))
  if not results[1] then return false, results[2] end
  if results.n > 1 then _G._ = results[2] end
  local lines = {}
  for i = 2, results.n do lines[#lines + 1] = show(results[i]) end
  return true, table.concat(lines, "\n")
end

--- :reload: Cadence's modules and the workspace's scripts read afresh from
--- disk (edited since start-up); the host's own functions (cadence.host) stay.
function repl.reload()
  for name in pairs(package.loaded) do
    if name:match('^cadence%.') and name ~= 'cadence.host' or name == 'cadence' then package.loaded[name] = nil end
  end
  require 'cadence.repl'
end

-- Completion never runs user code: it reads tables with rawget and next, and
-- follows metatables (through debug.getmetatable, which no __metatable
-- hides) only to __index tables, never __index functions.
local function members(value, into, depth)
  if depth > 3 then return end
  if type(value) == "table" then
    for key in next, value do
      if type(key) == "string" then into[key] = rawget(value, key) end
    end
  end
  local mt = debug.getmetatable(value)
  if type(mt) == "table" and type(rawget(mt, "__index")) == "table" then
    members(rawget(mt, "__index"), into, depth + 1)
  end
end

local function member(value, name)
  local found = {}
  members(value, found, 0)
  return found[name]
end

--- Names that complete `text`: "app" -> "apps", "cadence.tr" -> "cadence.transaction",
--- "a:ti" -> "a:timeline" (methods only after ':').
function repl.complete(text)
  local path, separator, last = text:match("^(.-)([.:]?)([%w_]*)$")
  local scope = _G
  if separator ~= "" then
    for name in path:gmatch("[^.]+") do
      scope = member(scope, name)
      if scope == nil then return {} end
    end
  end
  local found, matches = {}, {}
  members(scope, found, 0)
  for name, value in pairs(found) do
    -- Metamethods (__index, __tostring) and the classes behind the objects
    -- (cadence.Application) are the machinery, not the API: not offered.
    local internal = name:match("^__") or (scope ~= _G and name:match("^%u"))
    if not internal and name:sub(1, #last) == last and name:match("^[%a_][%w_]*$")
       and (separator ~= ":" or type(value) == "function") then
      matches[#matches + 1] = path .. separator .. name
    end
  end
  table.sort(matches)
  return matches
end

return repl
