-- cadence.sharing: policies other people wrote, run isolated.
--
-- An installed package's policy never runs in the process that holds the
-- workspace. The agenda sends a worker process only what the package's
-- manifest says it reads (`reads`), gets proposals back, checks them, and
-- plans with them as if they came from a policy of its own, each item
-- naming the package, version and hash it came from.
--
-- The same module builds a package's test fixtures inside the worker, so
-- that a test sees exactly what the policy would see on real data.

local cadence = require "cadence"
local host = require "cadence.host"

local sharing = {}

-- The fields a package may declare it reads, by record, and those every
-- package gets, declared or not (which application; each event's kind, day,
-- and what it corrects): the host's lists (Swift's ReadableFields), as sets.
local FIELDS = host.readable_fields()
local ALWAYS = {}
for record, names in pairs(FIELDS.always) do
  ALWAYS[record] = {}
  for _, name in ipairs(names) do ALWAYS[record][name] = true end
end

-- The fields a package gets of `record`: those always given, then those it reads.
local function fields_of(record, reads)
  local list = {}
  for key in pairs(ALWAYS[record]) do list[#list + 1] = key end
  table.sort(list)
  for _, key in ipairs(reads and reads[record] or {}) do
    if not ALWAYS[record][key] then list[#list + 1] = key end
  end
  return list
end

--- The fields of `row` the package may read: those always given, and those `reads[record]` lists.
function sharing.filter(row, record, reads)
  local copy = {}
  for _, key in ipairs(fields_of(record, reads)) do copy[key] = row[key] end
  return copy
end

---------------------------------------------------------------------------
-- Lua source for people: the tests.lua files Cadence writes (Dates as their
-- text, "2026-03-02", as a person writes them in a test).
---------------------------------------------------------------------------

local format, concat = string.format, table.concat

local function literal(value, out, depth)
  local t = type(value)
  if t == "string" then
    out[#out + 1] = format("%q", value)
  elseif math.type(value) == "integer" then
    out[#out + 1] = format("%d", value)
  elseif t == "number" then
    out[#out + 1] = value ~= value and "0/0" or format("%.17g", value):gsub("^inf$", "1/0"):gsub("^%-inf$", "-1/0")
  elseif t == "boolean" then
    out[#out + 1] = value and "true" or "false"
  elseif getmetatable(value) == cadence.Date then
    out[#out + 1] = format("%q", tostring(value))
  elseif t == "table" then
    if depth > 8 then error("the data sent to a package is nested too deeply", 0) end
    out[#out + 1] = "{"
    local n = #value
    for i = 1, n do
      literal(value[i], out, depth + 1)
      out[#out + 1] = ","
    end
    for k, v in pairs(value) do
      if not (math.type(k) == "integer" and k >= 1 and k <= n) then
        out[#out + 1] = "["
        literal(k, out, depth + 1)
        out[#out + 1] = "]="
        literal(v, out, depth + 1)
        out[#out + 1] = ","
      end
    end
    out[#out + 1] = "}"
  else
    out[#out + 1] = "nil"
  end
  return out
end

--- `value` as Lua source (Dates as their text).
function sharing.literal(value) return concat(literal(value, {}, 0)) end

-- Whether a table holds only plain values (it is written on one line).
local function flat(t)
  for _, v in pairs(t) do if type(v) == "table" then return false end end
  return true
end

-- The order a person reads a test case's fields in; others follow, alphabetically.
local KEY_ORDER = { name = 1, as_of = 2, company = 3, role = 4, kind = 5, day = 6, due = 7, to = 8, with = 9,
                    apps = 19, events = 20, contacts = 21, expect = 30, exact = 31 }

--- `value` as Lua source a person reads: keys in order, one entry a line
--- (tables of plain values on one line). For files Cadence writes.
function sharing.pretty(value, indent)
  indent = indent or ""
  if type(value) ~= "table" then return sharing.literal(value) end
  local keys, n = {}, #value
  for k in pairs(value) do
    if not (math.type(k) == "integer" and k >= 1 and k <= n) then keys[#keys + 1] = k end
  end
  table.sort(keys, function(a, b)
    local pa, pb = KEY_ORDER[a] or 99, KEY_ORDER[b] or 99
    if pa ~= pb then return pa < pb end
    return tostring(a) < tostring(b)
  end)
  local parts = {}
  for i = 1, n do parts[#parts + 1] = sharing.pretty(value[i], indent .. "  ") end
  for _, k in ipairs(keys) do
    local name = type(k) == "string" and k:match("^[%a_][%w_]*$") and k or ("[" .. sharing.literal(k) .. "]")
    parts[#parts + 1] = name .. " = " .. sharing.pretty(value[k], indent .. "  ")
  end
  if #parts == 0 then return "{}" end
  if flat(value) then return "{ " .. concat(parts, ", ") .. " }" end
  return "{\n" .. indent .. "  " .. concat(parts, ",\n" .. indent .. "  ") .. ",\n" .. indent .. "}"
end

-- The package as the worker needs it: its files, entry, options and reads.
local function package_part(package)
  return { name = package.name, version = package.version, entry = package.entry, tests = package.tests,
           select = package.select, files = package.files, options = package.options, reads = package.reads }
end

-- A copy of `value` with its Dates as ISO text, keys too (the calendar's
-- holidays: calendar.new reads either). What JSON cannot carry as it is (a
-- function, numbered entries that are not a list, a number that is not
-- finite) is refused here rather than lost on the way.
local function plain(value, depth)
  if getmetatable(value) == cadence.Date then return tostring(value) end
  local kind = type(value)
  if kind == "number" and (value ~= value or value == math.huge or value == -math.huge) then
    error("the data sent to a package holds " .. tostring(value) .. ", which is no number JSON carries", 0)
  end
  if kind == "function" or kind == "userdata" or kind == "thread" then
    error("the data sent to a package holds a " .. kind .. ": only text, numbers, booleans and tables travel", 0)
  end
  if kind ~= "table" then return value end
  if depth > 8 then error("the data sent to a package is nested too deeply", 0) end
  local copy, n = {}, #value
  for k, v in pairs(value) do
    if math.type(k) == "integer" and (k < 1 or k > n) then
      error("the data sent to a package has numbered entries that are not a list (" .. k .. ")", 0)
    end
    copy[getmetatable(k) == cadence.Date and tostring(k) or k] = plain(v, depth + 1)
  end
  return copy
end

-- Lists of rows (`lists`: one list per application, or one list) as
-- columns of only `fields`: { counts = rows per list, columns = { field = {
-- values, rows } } }, `rows` naming which rows (counted across the lists)
-- hold a value when not all do; Dates as day numbers. The host reads this
-- into its types (Swift's ReadableFields); the worker makes rows of it again.
local function columns_of(lists, fields)
  local Date, nfields = cadence.Date, #fields
  local values, rows, counts, n = {}, {}, {}, 0
  for j = 1, nfields do values[j], rows[j] = {}, {} end
  local filled = {}
  for j = 1, nfields do filled[j] = 0 end
  for l = 1, #lists do
    local list = lists[l] or {}
    counts[l] = #list
    for _, row in ipairs(list) do
      n = n + 1
      for j = 1, nfields do
        local value = row[fields[j]]
        if value ~= nil then
          if getmetatable(value) == Date then value = value:day_number() end
          local k = filled[j] + 1
          filled[j] = k
          values[j][k], rows[j][k] = value, n
        end
      end
    end
  end
  local columns = {}
  for j = 1, nfields do
    if filled[j] > 0 then columns[fields[j]] = { values = values[j], rows = filled[j] < n and rows[j] or nil } end
  end
  return { counts = counts, columns = columns }
end

--- What the worker is sent to plan: the package, today, the calendar, and
--- the search with only the fields the package reads, as columns (each
--- application's events, contacts and offers in the applications' order).
--- A table, which the host reads into its type (Swift's WorkerRequest) and
--- sends as JSON. It lists every decision by the key it is kept under; the
--- host sends on only those on the package's own items (their keys begin
--- with its identity), by the keys the package proposed.
function sharing.request(package, search, contacts, decisions, today, calendar)
  local reads = package.reads
  -- Each application's rows of `record`, in the applications' order (none when it is not read).
  local function by_app(record, rows_of_app)
    if record ~= "events" and not reads[record] then return nil end
    local lists = {}
    for i, app in ipairs(search.apps) do lists[i] = rows_of_app(app) or {} end
    return columns_of(lists, fields_of(record, reads))
  end
  local all = {}
  for app_id, by_key in pairs(decisions) do
    for key, d in pairs(by_key) do
      all[#all + 1] = { application = app_id, key = key, status = d.status, due = d.due and d.due:day_number() }
    end
  end
  return {
    mode = "plan", as_of = tostring(today), package = package_part(package), calendar = plain(calendar, 0), decisions = all,
    apps = columns_of({ search.apps }, fields_of("application", reads)),
    timelines = by_app("events", function(app) return search.timelines[app.id] end),
    contacts = by_app("contacts", function(app) return contacts[app.id] end),
    offers = by_app("offers", function(app) return app:offers() end),
    candidates = columns_of({ reads.candidate and cadence.candidates() or {} }, fields_of("candidate", reads)),
  }
end

--- What the worker is sent to run the package's own tests.
function sharing.test_request(package)
  return { mode = "test", as_of = tostring(cadence.today()), package = package_part(package) }
end

---------------------------------------------------------------------------
-- Test fixtures (in the worker): a case's applications as the workspace
-- would give them, through the same filter.
---------------------------------------------------------------------------

--- A case's search: { apps, timelines, contacts, offers, candidates } as a
--- request holds them: ids given, days read, stages worked out from the
--- events, only the fields the package reads.
function sharing.fixture(case, reads)
  local apps, timelines, people, offers, event_id = {}, {}, {}, {}, 0
  for i, given in ipairs(case.apps or {}) do
    local app = { id = i, candidate_id = 1, company = given.company or ("Company " .. i), role = given.role or "Role" }
    for k, v in pairs(given) do if k ~= "events" and k ~= "contacts" and k ~= "offers" then app[k] = v end end
    local events = {}
    for j, e in ipairs(given.events or {}) do
      event_id = event_id + 1
      local copy = { id = event_id, application_id = i, with = {} }
      for k, v in pairs(e) do copy[k] = v end
      copy.day = cadence.date(e.day or error(("apps[%d].events[%d]: no day"):format(i, j), 0))
      copy.at = copy.at or tostring(copy.day)
      if copy.due then copy.due = cadence.date(copy.due) end
      events[j] = copy
    end
    table.sort(events, function(a, b) return a.day < b.day or (a.day == b.day and a.id < b.id) end)
    app.stage = app.stage or cadence.stage_of(events)
    apps[i] = sharing.filter(app, "application", reads)
    timelines[i] = {}
    for j, e in ipairs(events) do timelines[i][j] = sharing.filter(e, "events", reads) end
    -- Contacts and offers as the workspace keeps them (ids, defaults), if the package reads them.
    local function rows(record, given_rows, defaults)
      local list = {}
      for j, row in ipairs(reads[record] and given_rows or {}) do
        local full = { id = j, application_id = i }
        for k, v in pairs(defaults) do full[k] = v end
        for k, v in pairs(row) do full[k] = v end
        list[j] = sharing.filter(full, record, reads)
      end
      return list
    end
    people[i] = rows("contacts", given.contacts, { role = "other" })
    offers[i] = rows("offers", given.offers, { status = "open" })
  end
  local candidate = { id = 1, name = "Sam Example", time_zone = "UTC", strengths = {}, references = {} }
  for k, v in pairs(case.candidate or {}) do candidate[k] = v end
  return { apps = apps, timelines = timelines, contacts = people, offers = offers,
           candidates = { sharing.filter(candidate, "candidate", reads) } }
end

---------------------------------------------------------------------------
-- In the agenda: an installed package as a policy.
---------------------------------------------------------------------------

--- "weekly-nudge 1.2.0 (sha256 1a2b3c4d5e6f)": where an item came from.
function sharing.provenance(package)
  return ("%s %s (sha256 %s)"):format(package.name, package.version, package.sha256:sub(1, 12))
end

-- The people a message may go to: the application's contacts and those its events name.
local function people_of(app_id, timeline, contacts)
  local known = {}
  for _, c in ipairs(contacts[app_id] or {}) do known[c.name] = true end
  for _, e in ipairs(timeline or {}) do
    for _, name in ipairs(e.with or {}) do known[name] = true end
  end
  return known
end

--- Starts `p` (a package policy) planning the search in its worker; the
--- agenda plans its own policies meanwhile. Returns true, or nil and why
--- the package cannot run.
function sharing.start(p, search, contacts, decisions, today, calendar)
  local package = p.package
  p.by_app, p.notes, p.worker = {}, {}, nil
  if package.problem then return nil, package.problem end
  -- A request that cannot be made (a calendar holding what JSON cannot carry) stops this package only.
  local made, request = pcall(sharing.request, package, search, contacts, decisions, today, calendar)
  if not made then return nil, tostring(request) end
  local worker, why = host.start_isolated(package.name, request)
  if not worker then return nil, why end
  p.worker = worker
  return true
end

--- Waits for `p`'s worker and keeps what it proposed by application. The
--- host has checked the answer (left out what lies, with why; counted what
--- passed the caps): that is said (p.notes), and so are proposals to a
--- person the application does not know, which are left out here. Returns
--- true, or nil and why the package did not run.
function sharing.finish(p, search, contacts)
  if not p.worker then return nil, "it did not start" end
  local answer, why = host.finish_isolated(p.worker)
  p.worker = nil
  if not answer then return nil, why end
  local apps = {}
  for _, app in ipairs(search.apps) do apps[app.id] = app end
  local people, left_out = {}, 0
  -- What is left out is said, the first few times; then counted.
  local function note(text)
    left_out = left_out + 1
    if left_out <= 5 then p.notes[#p.notes + 1] = text end
  end
  for _, why in ipairs(answer.left_out) do note(why) end
  left_out = left_out + answer.left_out_count - #answer.left_out
  for _, item in ipairs(answer.proposals) do
    -- The host kept only proposals for applications the worker was sent.
    local app = apps[item.application]
    people[app.id] = people[app.id] or people_of(app.id, search.timelines[app.id], contacts)
    if item.to and not people[app.id][item.to] then
      note(("it proposed %s to '%s', whom %s does not know: left out"):format(item.kind, item.to, app.company))
    else
      local list = p.by_app[app.id] or {}
      list[#list + 1] = item
      p.by_app[app.id] = list
    end
  end
  if left_out > 5 then p.notes[#p.notes + 1] = ("and %d more proposals left out"):format(left_out - 5) end
  if answer.over_cap > 0 then
    p.notes[#p.notes + 1] = ("proposed %d more items than allowed; ignored"):format(answer.over_cap)
  end
  local failures = answer.failures or {}
  for i = 1, math.min(3, #failures) do
    p.notes[#p.notes + 1] = failures[i].message  -- "policy '…' failed on Acme: …"
  end
  if (answer.failed or 0) > math.min(3, #failures) then
    p.notes[#p.notes + 1] = ("it failed on %d applications in all"):format(answer.failed)
  end
  return true
end

--- A policy that proposes what the package's worker proposed for each
--- application (sharing.finish fills it before it plans): an item's
--- fields, as the host checked them, and nothing else (its keys are those
--- the host keeps its items under, which begin with its identity).
function sharing.policy(package)
  local source = sharing.provenance(package)
  local p = { name = package.name, rule = package.summary, package = package, source = source, by_app = {} }
  function p.plan(app, ctx)
    for _, proposed in ipairs(p.by_app[app.id] or {}) do
      ctx:propose{ kind = proposed.kind, due = cadence.date(proposed.due), key = proposed.key, to = proposed.to,
                   channel = proposed.channel, reason = proposed.reason, draft = proposed.draft, subject = proposed.subject,
                   rule = proposed.rule, slide = proposed.slide, source = source }
    end
  end
  return p
end

--- Why a package may not be called `name` beside `policies` (those of a
--- cadence.lua), or nil: a policy of the user's reserves its name. (The
--- host reserves Cadence's own policies' names.)
function sharing.name_taken(policies, name)
  for _, p in ipairs(policies) do
    if not p.package and p.name == name then
      return ("%s is the name of a policy in your cadence.lua: a package may not take it"):format(name)
    end
  end
end

--- The workspace's installed packages, as policies (verified by the host;
--- one that fails verification is kept, to be reported, not run).
function sharing.installed()
  local policies = {}
  for i, package in ipairs(host.packages()) do policies[i] = sharing.policy(package) end
  return policies
end

---------------------------------------------------------------------------
-- What `cadence policy test|try` run.
---------------------------------------------------------------------------

--- The package at `path` (a folder or a file), read by the host, or an error.
function sharing.package_at(path)
  local package, why = host.package_at(path)
  if not package then error(why, 0) end
  return package
end

--- Runs the package's own tests in its worker: a list of { name, passed, message }.
function sharing.test(package)
  local cases, why = host.test_isolated(package.name, sharing.test_request(package))
  if not cases then error(("%s did not run its tests: %s"):format(package.name, why), 0) end
  return cases
end

--- The package's tests as text, and whether all passed.
function sharing.test_report(package)
  local cases = sharing.test(package)
  local lines, passed = {}, 0
  for _, c in ipairs(cases) do
    if c.passed then passed = passed + 1 end
    lines[#lines + 1] = ("  %s %s"):format(c.passed and "pass" or "FAIL", host.terminal_line(tostring(c.name)))
    if not c.passed and c.message then lines[#lines + 1] = "       " .. host.terminal_message(tostring(c.message)) end
  end
  if #cases == 0 then
    lines[#lines + 1] = ("%s %s has no tests: nothing shows what it proposes (add a tests.lua)"):format(package.name, package.version)
  else
    lines[#lines + 1] = ("%d of %d passed"):format(passed, #cases)
  end
  return table.concat(lines, "\n"), #cases > 0 and passed == #cases, #cases
end

--- `cadence policy test PATH`: the tests of the package at
--- `options.package` (a path), run: { report (text), passed (all of them), count }.
--- With `options.installing`, a package named like a policy of the
--- workspace's cadence.lua (`options.path`) is refused first, as the agenda would.
function sharing.test_summary(options)
  local package = sharing.package_at(options.package)
  if options.installing then
    local taken = sharing.name_taken((require "cadence.policy").all(options.path), package.name)
    if taken then error(taken, 0) end
  end
  local report, passed, count = sharing.test_report(package)
  return { report = report, passed = passed, count = count }
end

-- An item as a line of the difference: a package's words through the terminal's owner.
local line, why = host.terminal_line, function(reason) return host.terminal_lines(reason or "", "           ") end
local function item_line(mark, item)
  return ("  %s [%s] %s: %s%s, %s\n      why: %s"):format(mark, item.ref, line(item.app.company), line(item.kind),
    item.to and (" to " .. line(item.to)) or "", item.due:short(), why(item.reason))
end

--- The agenda with and without `package` (replacing an installed one of
--- the same name): what it would add, remove and move, with reasons.
--- options: path, days, as_of. Writes nothing.
function sharing.try(package, options)
  local policy = require "cadence.policy"
  local function without(list)
    local kept = {}
    for _, p in ipairs(list) do if p.name ~= package.name then kept[#kept + 1] = p end end
    return kept
  end
  local base_policies, settings = policy.all(options.path)
  local taken = sharing.name_taken(base_policies, package.name)
  if taken then error(taken, 0) end
  local with_policies = without(base_policies)
  with_policies[#with_policies + 1] = sharing.policy(package)
  local agenda_options = { days = options.days or 14, as_of = options.as_of, calendar = settings.calendar }
  local before, today = policy.agenda(base_policies, agenda_options)
  local after, _, failures = policy.agenda(with_policies, agenda_options)
  local function index(items)
    local by = {}
    for _, item in ipairs(items) do by[item.app.id .. "|" .. item.key] = item end
    return by
  end
  local old, new = index(before), index(after)
  local lines, added, removed, moved = {}, 0, 0, 0
  lines[1] = ("Trying %s on your search, as of %s, %d days ahead (nothing is written):"):format(
    sharing.provenance(package), tostring(today), agenda_options.days)
  for _, f in ipairs(failures) do
    if f.policy == package.name then lines[#lines + 1] = "  it did not run cleanly: " .. host.terminal_message(tostring(f.reason)) end
  end
  for _, item in ipairs(after) do
    local was = old[item.app.id .. "|" .. item.key]
    if not was then
      added = added + 1
      lines[#lines + 1] = item_line("+", item)
    elseif was.due ~= item.due then
      moved = moved + 1
      lines[#lines + 1] = ("  ~ [%s] %s: %s moves from %s to %s\n      why: %s"):format(item.ref, line(item.app.company), line(item.kind),
        was.due:short(), item.due:short(), why(item.reason))
    end
  end
  for _, item in ipairs(before) do
    if not new[item.app.id .. "|" .. item.key] then
      removed = removed + 1
      lines[#lines + 1] = item_line("-", item)
    end
  end
  lines[#lines + 1] = ("%d added, %d removed, %d moved."):format(added, removed, moved)
  return table.concat(lines, "\n"), { added = added, removed = removed, moved = moved }
end

--- `cadence policy try`: sharing.try for the package at `options.package`,
--- as { text }. options: path (the cadence.lua), package, days, as_of.
function sharing.try_at(options)
  return { text = (sharing.try(sharing.package_at(options.package), options)) }
end

---------------------------------------------------------------------------
-- What `cadence policy pack` runs: a policy of the user's own, turned into
-- a package, with what it reads found by watching it plan.
---------------------------------------------------------------------------

-- A stand-in for `row` that notes each field read (as `record`.field) and
-- answers as the row would. Methods (app:timeline()) come through too.
local function watched(row, record, seen)
  if type(row) ~= "table" then return row end
  return setmetatable({}, {
    __index = function(_, key)
      seen[record .. "." .. tostring(key)] = true
      local value = row[key]
      if type(value) == "function" then return function(self, ...) return value(self == _ and row or self, ...) end end
      return value
    end,
    __tostring = function() return tostring(row) end,
    __name = getmetatable(row) and getmetatable(row).__name,
  })
end

local function watched_list(list, record, seen)
  local copy = {}
  for i, row in ipairs(list or {}) do copy[i] = watched(row, record, seen) end
  return copy
end

-- The canonical timelines a packed policy's tests are recorded on: made up,
-- so that no one's search travels with a package.
local FIXTURES = {
  { name = "applied two weeks ago, no answer", as_of = "2026-03-20",
    apps = { { company = "Example Co", role = "Analyst", events = { { kind = "applied", day = "2026-03-06" } } } } },
  { name = "an interview last week, nothing since", as_of = "2026-03-16",
    apps = { { company = "Example Co", role = "Analyst",
               events = { { kind = "applied", day = "2026-02-20" }, { kind = "interview", day = "2026-03-09", with = { "Robin Example" } } },
               contacts = { { name = "Robin Example", role = "hiring-manager", email = "robin@example.com" } } } } },
  { name = "an interview, then their reply", as_of = "2026-03-20",
    apps = { { company = "Example Co", role = "Analyst",
               events = { { kind = "interview", day = "2026-03-09", with = { "Robin Example" } }, { kind = "reply-received", day = "2026-03-12", with = { "Robin Example" } } },
               contacts = { { name = "Robin Example", role = "hiring-manager" } } } } },
  { name = "a promise: call me in two weeks", as_of = "2026-03-18",
    apps = { { company = "Example Co", role = "Analyst",
               events = { { kind = "interview", day = "2026-03-02", with = { "Robin Example" } },
                          { kind = "next-step", day = "2026-03-02", due = "2026-03-16", next_step = "call me in two weeks", with = { "Robin Example" } } },
               contacts = { { name = "Robin Example", role = "hiring-manager" } } } } },
  { name = "rejected after the final round", as_of = "2026-03-20",
    apps = { { company = "Example Co", role = "Analyst",
               events = { { kind = "interview", day = "2026-03-02", round = "final", with = { "Robin Example" } }, { kind = "rejection", day = "2026-03-16" } },
               contacts = { { name = "Robin Example", role = "hiring-manager" } } } } },
}

--- The fields a policy reads, by record, found by planning the whole
--- search with it while watching every field it touches; and the kinds of
--- item it proposed (a set).
function sharing.watch_reads(p)
  local policy = require "cadence.policy"
  local seen = {}
  local search, contacts = cadence.search(), cadence.all_contacts()
  local candidates = {}
  for _, c in ipairs(cadence.candidates()) do candidates[c.id] = watched(c, "candidate", seen) end
  local today = cadence.today()
  local kinds = {}
  for _, app in ipairs(search.apps) do
    local options = { candidates = candidates, decisions = {}, policies = { p },
                      timeline = watched_list(search.timelines[app.id], "events", seen),
                      contacts = watched_list(contacts[app.id], "contacts", seen) }
    local offers = {}
    options.offers = setmetatable({}, { __index = function(_, k)
      if #offers == 0 then offers = watched_list(app:offers(), "offers", seen) end
      return offers[k]
    end, __len = function() if #offers == 0 then offers = watched_list(app:offers(), "offers", seen) end return #offers end })
    for _, item in ipairs((policy.propose(watched(app, "application", seen), { p }, today, options))) do
      if not item.failed then kinds[item.kind] = true end
    end
  end
  local reads = {}
  for record, fields in pairs(FIELDS.declarable) do
    local known = {}
    for _, f in ipairs(fields) do known[f] = true end
    for key in pairs(seen) do
      local r, field = key:match("^([^.]+)%.(.+)$")
      if r == record and known[field] and not ALWAYS[record][field] then
        reads[record] = reads[record] or {}
        reads[record][#reads[record] + 1] = field
      end
    end
    if reads[record] then table.sort(reads[record]) end
  end
  return reads, kinds
end

--- Personal data in `text`: the user's companies, contacts' names and
--- e-mail addresses, and candidates' names, each found once.
function sharing.personal_data(text)
  local found, said = {}, {}
  local lower = text:lower()
  local function look(value, what)
    if type(value) ~= "string" or #value < 3 or said[value:lower()] then return end
    if lower:find(value:lower(), 1, true) then
      said[value:lower()] = true
      found[#found + 1] = ("%s '%s'"):format(what, value)
    end
  end
  for _, c in ipairs(cadence.candidates()) do look(c.name, "your name"); look(c.email, "your e-mail address") end
  local search, contacts = cadence.search(), cadence.all_contacts()
  for _, app in ipairs(search.apps) do
    look(app.company, "the company")
    for _, c in ipairs(contacts[app.id] or {}) do look(c.name, "the contact"); look(c.email, "the e-mail address") end
  end
  for address in text:gmatch("[%w%.%-_+]+@[%w%-]+%.[%w%.%-]+") do look(address, "the e-mail address") end
  return found
end

--- What packing the policy `options.name` of the file at `options.file`
--- needs: its rule, what it reads, the personal data in the file, the
--- modules it requires that a package cannot have, and the file's text.
function sharing.pack(options)
  local path, name = options.file, options.name
  local policy = require "cadence.policy"
  local text = host.script_text(path)
  if not text then error(path .. ": no such file", 0) end
  local policies = policy.load(path)
  local chosen, names = nil, {}
  for _, p in ipairs(policies) do
    names[#names + 1] = p.name
    if p.name == name then chosen = p end
  end
  if not chosen then
    error(("%s has no policy named '%s' (its policies: %s)"):format(path, name, table.concat(names, ", ")), 0)
  end
  -- The modules a package's worker has: those of Cadence's own folders a package may require (CadenceModules).
  local foreign = {}
  for module in text:gmatch("require%s*%(?%s*[\"']([^\"']+)[\"']") do
    if not host.is_cadence_module(module, "packages") then foreign[#foreign + 1] = module end
  end
  local reads, kinds = sharing.watch_reads(chosen)
  local kind_list = {}
  for kind in pairs(kinds) do kind_list[#kind_list + 1] = kind end
  table.sort(kind_list)
  local candidate = cadence.candidates()[1]
  return { rule = chosen.rule, reads = reads, kinds = kind_list, personal = sharing.personal_data(text),
           foreign = foreign, text = text, single = #policies == 1,
           author = candidate and (candidate.name .. (candidate.email and (" <" .. candidate.email .. ">") or "")) }
end

--- The made-up cases a packed policy's tests are recorded on.
function sharing.fixtures() return FIXTURES end

--- tests.lua for a package: each case with what the policy proposed on it
--- (`recorded`: proposals by case, as the worker gave them), exactly.
function sharing.tests_text(recorded)
  local cases = {}
  for i, case in ipairs(FIXTURES) do
    local expect = {}
    for _, item in ipairs(recorded[i] or {}) do expect[#expect + 1] = { kind = item.kind, due = item.due, to = item.to } end
    local copy = {}
    for k, v in pairs(case) do copy[k] = v end
    copy.expect, copy.exact = expect, true
    cases[i] = copy
  end
  return "-- What this policy proposes on made-up timelines, recorded by 'cadence policy pack'.\n"
    .. "-- Each case: as_of (the day planned on), apps (their events and contacts), expect\n"
    .. "-- (proposals by kind, due and to), exact (nothing else proposed).\n"
    .. "return " .. sharing.pretty(cases) .. "\n"
end

--- Records what the package proposes on the fixtures, in its worker: a list of proposals by case.
function sharing.record(package)
  local seeing_all = package_part(package)
  seeing_all.reads = FIELDS.declarable
  -- The worker plans its own copy of the fixtures (this module's, there).
  local request = { mode = "record", as_of = tostring(cadence.today()), package = seeing_all }
  local recorded, why = host.record_isolated(package.name, request)
  if not recorded then error(why, 0) end
  return recorded
end

--- `cadence policy pack`'s tests for the package at `options.package`: {
--- tests (the text of tests.lua), kinds (what it proposed on the made-up timelines) }.
function sharing.pack_tests(options)
  local recorded = sharing.record(sharing.package_at(options.package))
  local seen, kinds = {}, {}
  for _, items in pairs(recorded) do
    for _, item in ipairs(items) do
      if not seen[item.kind] then seen[item.kind], kinds[#kinds + 1] = true, item.kind end
    end
  end
  return { tests = sharing.tests_text(recorded), kinds = kinds }
end

return sharing
