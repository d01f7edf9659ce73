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

-- help(apps) needs to know a function's name.
local names = {}
for name, value in pairs(cadence) do names[value] = name end
_G.help = function(thing) print(help(thing, names)) end

local repl = {}

--- Runs `chunk`; returns true and the printed results, or false and the error.
function repl.run(chunk)
  local results = table.pack(xpcall(chunk, function(message)
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

return repl
