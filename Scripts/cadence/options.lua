-- cadence.options: a policy's options checked as sequence{} checks its
-- fields, so that a misspelt or mistyped option in a cadence.lua is an
-- error at its line instead of a default silently used.
--
--   local options = require "cadence.options"
--   return function(given)
--     given = options.check("weekly_status", given, { weeks = { "integer", 4, 7 }, only = "list", except = "list" })
--     ...
--   end

local cadence = require "cadence"
local host = require "cadence.host"

local options = {}

-- How each type is checked. The types and their words are a package
-- manifest's (the host's list: PolicyManifest.OptionType), and two only Lua
-- values have: a table and a function.
local CHECKS = {
  integer = function(v) return math.type(v) == "integer" end,
  number = function(v) return type(v) == "number" end,
  text = function(v) return type(v) == "string" end,
  boolean = function(v) return type(v) == "boolean" end,
  list = function(v) return type(v) == "table" end,
}
local KINDS = {
  table = function(v) return type(v) == "table" end,
  ["function"] = function(v) return type(v) == "function" end,
}
local DESCRIBED = { table = "a table", ["function"] = "a function" }
for _, t in ipairs(host.option_types()) do
  KINDS[t.name] = CHECKS[t.name] or error("cadence.options: no check for the option type '" .. t.name .. "'")
  DESCRIBED[t.name] = t.said
end

--- Returns `given` (or an empty table) once every option in it is one
--- `spec` knows, of its type and within its range; else raises an error
--- at the line that called the policy (the cadence.lua). `spec` maps a
--- name to a kind ("integer", "text", "list"…) or { kind, low, high }.
function options.check(policy, given, spec)
  given = given == nil and {} or given
  if type(given) ~= "table" then
    error(("%s: options are a table ({ name = value }), not %s"):format(policy, type(given)), 3)
  end
  local known = {}
  for name in pairs(spec) do known[#known + 1] = name end
  table.sort(known)
  for name, value in pairs(given) do
    local rule = spec[name]
    if rule == nil then
      local near = type(name) == "string" and cadence.nearest(name, known)
      error(("%s: unknown option '%s'%s; known: %s"):format(policy, tostring(name),
        near and (" (did you mean '" .. near .. "'?)") or "", table.concat(known, ", ")), 3)
    end
    local kind, low, high = rule, nil, nil
    if type(rule) == "table" then kind, low, high = rule[1], rule[2], rule[3] end
    if not KINDS[kind] then
      -- Lua calls text a string; Cadence's types say text, as a package's manifest does.
      local hint = kind == "string" and " ('text' is Cadence's word for a string)" or ""
      error(("%s: option %s has the unknown type '%s'%s (the types: %s)"):format(policy, name, tostring(kind), hint, options.types()), 3)
    end
    if not KINDS[kind](value) then
      error(("%s: %s is %s, not %s"):format(policy, name, DESCRIBED[kind], type(value) == "string" and ("%q"):format(value) or type(value)), 3)
    end
    if (low and value < low) or (high and value > high) then
      error(("%s: %s is %s to %s, not %s"):format(policy, name, tostring(low), tostring(high), tostring(value)), 3)
    end
  end
  return given
end

--- A `channel` option's one name (nil stays nil): an unknown channel is an
--- error at the line that called the policy, with the channel it nearly spells.
function options.channel(policy, value)
  if value == nil then return nil end
  local ok, name = pcall(cadence.channel, value)
  if not ok then error(("%s: %s"):format(policy, name), 3) end
  return name
end

--- The types an option may have, in a line.
function options.types()
  local names = {}
  for name in pairs(KINDS) do names[#names + 1] = name end
  table.sort(names)
  return table.concat(names, ", ")
end

return options
