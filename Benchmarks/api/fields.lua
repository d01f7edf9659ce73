-- The "api" benchmark's two sides: a few fields of every application read
-- through the cadence API, and the same loop over plain tables holding the
-- same data (what the API's objects cost).

local fields = {}

-- The applications as plain tables: every field copied, no metatables.
function fields.plain(apps)
  local plain = {}
  for i, a in ipairs(apps) do local t = {} for k, v in pairs(a) do t[k] = v end plain[i] = t end
  return plain
end

-- The loop timed on both sides.
function fields.read(list)
  local n = 0
  for _, a in ipairs(list) do
    if a.stage == 'applied' and a.interest >= 3 then n = n + #a.company end
    n = n + a.id
  end
  return n
end

return fields
