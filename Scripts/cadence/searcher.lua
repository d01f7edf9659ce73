-- The module searcher the host installs when it opens a workspace (run
-- once, before `require "cadence"` works; not a module to require).
--
-- A workspace holds a cadence.lua (the personal policies): run from there,
-- "./?.lua" would find it first. So `cadence` is preloaded from Cadence's
-- own Scripts/, and Cadence's other modules are pinned there too: a
-- policies.lua or drafts.lua in the working folder cannot stand in for
-- them. Every other name resolves as under lua5.4.
--
-- Arguments: the path of cadence/init.lua, the Scripts/ folder, and the
-- host's test of whether a name is one of Cadence's modules (CadenceModules).

local file, scripts, ours = ...

package.preload["cadence"] = function(name) return assert(loadfile(file))(name, file) end

table.insert(package.searchers, 2, function(name)
  if not ours(name) then return nil end
  local path = package.searchpath(name, scripts .. "/?.lua;" .. scripts .. "/?/init.lua")
  if not path then
    -- A folder of Cadence's that is no module itself (negotiation) leaves its bare name to the others.
    if not name:find(".", 1, true) then return nil end
    return "\n\tno Cadence module '" .. name .. "' in " .. scripts
  end
  local chunk, why = loadfile(path)
  if not chunk then error(why, 0) end
  return chunk, path
end)
