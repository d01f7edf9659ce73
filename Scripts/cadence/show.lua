-- cadence.show: how the REPL prints values.
--
-- A list of records prints as an aligned table; an object with __tostring as
-- its summary; other tables nested, cut at a depth and a width, with cycles
-- marked. Printing never runs __index or __pairs, and a __tostring that
-- raises is reported in place instead of failing the whole print. A cell
-- is one line, its controls shown as escapes by the terminal's owner
-- (host.terminal_line), and cut by characters, never inside one.

local host = require "cadence.host"

local MAX_DEPTH, MAX_ITEMS, MAX_ROWS = 3, 20, 50

local show

-- tostring, protected: "<error in __tostring: ...>" if it raises.
local function describe(value)
  local ok, text = pcall(tostring, value)
  if ok and type(text) == "string" then return text end
  return "<error in __tostring: " .. tostring(text) .. ">"
end

local function has_tostring(value)
  local mt = getmetatable(value)
  return type(mt) == "table" and rawget(mt, "__tostring") ~= nil
end

local function sorted_keys(t)
  local keys = {}
  for k in next, t do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    local ta, tb = type(a), type(b)
    if ta ~= tb then return ta < tb end
    if ta == "number" or ta == "string" then return a < b end
    return tostring(a) < tostring(b)
  end)
  return keys
end

local function key_text(k)
  if type(k) == "string" and k:match("^[%a_][%w_]*$") then return k end
  return "[" .. show(k, 1, {}) .. "]"
end

-- Columns worth showing for a list of records: id first, then short scalar
-- fields common to most rows, in a readable order.
local PREFERRED = { "id", "company", "role", "name", "stage", "stage_since", "last_from_them", "last_by_you",
                    "kind", "day", "with", "next_step", "due", "status", "deadline", "notes" }

-- A list of strings (people met, tags) fits in a cell.
local function is_string_list(v)
  if type(v) ~= "table" or getmetatable(v) then return false end
  local n = rawlen(v)
  for i = 1, n do if type(rawget(v, i)) ~= "string" then return false end end
  return n > 0 and next(v, n > 0 and n or nil) == nil
end

local function columns_of(rows)
  local counts = {}
  for _, row in ipairs(rows) do
    for k, v in next, row do
      if type(k) == "string" and (type(v) ~= "table" or has_tostring(v) or is_string_list(v)) then
        counts[k] = (counts[k] or 0) + 1
      end
    end
  end
  -- The columns a reader looks for show when any row has them; others when most do.
  local columns = {}
  for _, k in ipairs(PREFERRED) do
    if counts[k] then columns[#columns + 1] = k; counts[k] = nil end
  end
  if #columns < 2 then
    for _, k in ipairs(sorted_keys(counts)) do
      if #columns >= 6 then break end
      if counts[k] * 2 >= #rows then columns[#columns + 1] = k end
    end
  end
  return columns
end

local function is_record_list(t)
  local n = rawlen(t)
  if n == 0 then return false end
  for i = 1, n do
    local row = rawget(t, i)
    if type(row) ~= "table" then return false end
  end
  for k in next, t do
    if math.type(k) ~= "integer" then return false end
  end
  return #columns_of(t) >= 2
end

local function cell(value)
  if value == nil then return "" end
  if type(value) == "table" and not has_tostring(value) then
    local parts = {}
    for i = 1, rawlen(value) do parts[i] = tostring(rawget(value, i)) end
    return table.concat(parts, ", ")
  end
  return describe(value)
end

local function record_table(rows)
  local columns = columns_of(rows)
  local widths, lines = {}, {}
  local shown = math.min(#rows, MAX_ROWS)
  local cells = {}
  for i, name in ipairs(columns) do widths[i] = #name end
  for r = 1, shown do
    cells[r] = {}
    for i, name in ipairs(columns) do
      local text = host.terminal_line(cell(rawget(rows[r], name)))
      if utf8.len(text) and utf8.len(text) > 40 then text = text:sub(1, utf8.offset(text, 40) - 1) .. "…" end
      cells[r][i] = text
      widths[i] = math.max(widths[i], utf8.len(text) or #text)
    end
  end
  local function line(values)
    local out = {}
    for i, v in ipairs(values) do
      out[i] = i == #values and v or v .. string.rep(" ", widths[i] - (utf8.len(v) or #v))
    end
    return table.concat(out, "  ")
  end
  lines[1] = line(columns)
  local rule = {}
  for i, w in ipairs(widths) do rule[i] = string.rep("-", w) end
  lines[2] = line(rule)
  for r = 1, shown do lines[#lines + 1] = line(cells[r]) end
  if #rows > shown then lines[#lines + 1] = ("… %d more"):format(#rows - shown) end
  return table.concat(lines, "\n")
end

function show(value, depth, seen)
  local kind = type(value)
  -- %q writes a line break as a backslash and a real one: shown as \n instead.
  if kind == "string" then return depth == 0 and value or (("%q"):format(value):gsub("\\\n", "\\n")) end
  if kind ~= "table" then return describe(value) end
  local mt = getmetatable(value)
  local is_list = type(mt) == "table" and rawget(mt, "__name") == "List"
  if has_tostring(value) and not is_list then return describe(value) end
  if seen[value] then return "<cycle>" end
  if depth == 0 and is_record_list(value) then return record_table(value) end
  if depth >= MAX_DEPTH then return "{…}" end
  seen[value] = true
  local parts, count, n = {}, 0, rawlen(value)
  for i = 1, n do
    count = count + 1
    if count > MAX_ITEMS then break end
    parts[#parts + 1] = show(rawget(value, i), depth + 1, seen)
  end
  for _, k in ipairs(sorted_keys(value)) do
    if not (math.type(k) == "integer" and k >= 1 and k <= n) then
      count = count + 1
      if count > MAX_ITEMS then break end
      parts[#parts + 1] = key_text(k) .. " = " .. show(rawget(value, k), depth + 1, seen)
    end
  end
  seen[value] = nil
  local total = n
  for k in next, value do if not (math.type(k) == "integer" and k >= 1 and k <= n) then total = total + 1 end end
  if total > MAX_ITEMS then parts[#parts + 1] = ("… %d more"):format(total - MAX_ITEMS) end
  if #parts == 0 then return "{}" end
  return "{ " .. table.concat(parts, ", ") .. " }"
end

return function(value) return show(value, 0, {}) end
