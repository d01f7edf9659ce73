-- cadence.worker: what the isolated worker process runs (`cadence policy-worker`).
--
-- The worker is a separate process, behind the operating system's walls and
-- in the Lua sandbox. It was sent one request (JSON, which its Swift side
-- reads and `take_request` hands over as tables: the package's files, its
-- options, today, and the data its manifest declared it reads). It
-- answers with one table, handed to `deliver`: the proposals ("plan",
-- "record"), or the results of the package's own tests ("test"); the
-- worker's Swift side reads it into its answer's type and writes that as
-- JSON.
--
-- Nothing here trusts the package: its files are compiled as text, it gets
-- only Cadence's own modules, and what it proposes is copied into plain,
-- bounded values before it leaves (the host checks everything again).

local pure, sources, take_request, caps, deliver = ...

-- Captured before any package code runs: a package may replace globals.
local load, pcall, error, type, pairs, ipairs, tostring, setmetatable =
  load, pcall, error, type, pairs, ipairs, tostring, setmetatable
local format, sort, concat, utf8len = string.format, table.sort, table.concat, utf8.len

-- The worker's standard output carries its answer: a package that printed
-- would spoil it, so print says why instead (the reason of a proposal is
-- where a package explains itself).
print = function()
  error("a package may not print: the worker's output is its answer (say it in a proposal's reason)", 2)
end

-- What a package may propose: at most this much, in these sizes (the host's
-- figures, which it checks again; it reads at most 16 MiB of answer).
local MAX_PER_APP, MAX_FAILURES, MAX_TEXT = caps.per_application, caps.failures, caps.text

---------------------------------------------------------------------------
-- Modules: Cadence's own, compiled from the texts read before the walls went up.
---------------------------------------------------------------------------

local loaded = {}
local function require(name)
  if type(name) ~= "string" then error("require: a module name is text", 2) end
  local value = loaded[name]
  if value ~= nil then return value end
  local source = sources[name]
  if not source then
    -- The folders of the modules it was given: the host sent those a package may require.
    local folders, names = {}, {}
    for module in pairs(sources) do folders[module:match("^[^.]+")] = true end
    for folder in pairs(folders) do names[#names + 1] = folder .. ", " .. folder .. ".*" end
    table.sort(names)
    error(format("module '%s' is not available to an installed policy: it may require Cadence's own modules "
      .. "(%s), nothing else", name, table.concat(names, ", ")), 2)
  end
  local chunk = load(source.text, "@" .. source.path, "t")
  value = chunk(name, source.path)
  if value == nil then value = true end
  loaded[name] = value
  return value
end
_G.require = require

local request = {}
loaded["cadence.host"] = require("cadence.isolated").host(pure, request)
local cadence = require "cadence"
local policy = require "cadence.policy"
local sharing = require "cadence.sharing"
local Date = cadence.Date

-- The request, written by the worker's Swift side from the JSON it was sent
-- (days as Dates, one per day, as the workspace's host gives them).
for k, v in pairs(take_request(Date)) do request[k] = v end

---------------------------------------------------------------------------
-- The package's policies
---------------------------------------------------------------------------

local function fail(message) return { error = message } end

-- A text the package gave, checked: text (or nil), valid UTF-8, at most
-- MAX_TEXT[limit] bytes (`field` names it in the error).
local function text(value, field, limit, optional)
  if value == nil and optional then return nil end
  local max = MAX_TEXT[limit]
  if type(value) ~= "string" then error(format("%s is text, not %s", field, type(value)), 0) end
  if #value > max then error(format("%s is %d bytes (at most %d)", field, #value, max), 0) end
  if not utf8len(value) then error(field .. " is not valid UTF-8 text", 0) end
  return value
end

-- What a proposal may carry out of the worker, as plain values. Not
-- `logs`: a proposal carries no writes (what marking a package's item done
-- logs is the host's record of it).
local function plain(item, app_id)
  return {
    application = app_id, kind = text(item.kind, "kind", "kind"), due = tostring(item.due), key = text(item.key, "key", "key"),
    to = text(item.to, "to", "to", true), channel = text(item.channel, "channel", "channel", true),
    reason = text(item.reason, "reason", "reason", true), draft = text(item.draft, "draft", "draft", true),
    subject = text(item.subject, "subject", "subject", true), rule = text(item.rule, "rule", "rule", true),
    slide = text(item.slide, "slide", "slide", true),
  }
end

-- The policies a package's entry file returns: one policy, or a list of them
-- (a cadence.lua), of which the manifest may select one by name.
local function policies_of(package)
  local entry = package.files[package.entry]
  local chunk, why = load(entry, "@" .. package.name .. "/" .. package.entry, "t")
  if not chunk then error(why, 0) end
  local result = chunk(package.options)
  if type(result) ~= "table" then error(package.entry .. " must return a policy (a table with a plan function) or a list of them", 0) end
  local list = type(result.plan) == "function" and { result } or result
  local found = {}
  for i, p in ipairs(list) do
    if type(p) ~= "table" or type(p.plan) ~= "function" then error(format("%s: policy %d has no plan function", package.entry, i), 0) end
    if package.select == nil or p.name == package.select then found[#found + 1] = p end
  end
  if #found == 0 then
    error(package.select and format("%s has no policy named '%s'", package.entry, package.select) or (package.entry .. " returns no policy"), 0)
  end
  for _, p in ipairs(found) do
    p.rule = p.rule or "(no rule named)"
    p.name = p.name or package.name
  end
  return found
end

-- Apps and events become objects, as the workspace's host makes them.
local function objects(search)
  for _, app in ipairs(search.apps) do
    for _, e in ipairs(search.timelines[app.id] or {}) do
      e.application_id = app.id
      setmetatable(e, cadence.Event)
    end
    setmetatable(app, cadence.Application)
  end
end

-- Every application planned under the package's policies: proposals and failures.
local function plan(policies, search, today)
  local candidates = {}
  for _, c in ipairs(cadence.candidates()) do candidates[c.id] = c end
  local options = { candidates = candidates, decisions = search.decisions or {}, policies = policies,
                    calendar = require("cadence.calendar").new(search.calendar) }
  local proposals, failures, failed = {}, {}, 0
  for _, app in ipairs(search.apps) do
    options.timeline, options.contacts = search.timelines[app.id] or {}, app:contacts()
    local items = policy.propose(app, policies, today, options)
    if #items > MAX_PER_APP then
      error(format("it proposed %d items for one application (at most %d)", #items, MAX_PER_APP), 0)
    end
    for _, item in ipairs(items) do
      if item.failed then
        failed = failed + 1
        if #failures < MAX_FAILURES then failures[#failures + 1] = { application = app.id, message = item.reason } end
      else
        local ok, copy = pcall(plain, item, app.id)
        if not ok then error(format("its proposal for application %s: %s", tostring(app.id), copy), 0) end
        proposals[#proposals + 1] = copy
      end
    end
  end
  return { proposals = proposals, failures = failures, failed = failed }
end

---------------------------------------------------------------------------
-- The package's tests: fixture timelines with the proposals expected.
---------------------------------------------------------------------------

-- Whether `item` is what `want` describes (the fields `want` gives).
local function matches(item, want)
  for k, v in pairs(want) do
    if k == "due" then
      if tostring(item.due) ~= tostring(cadence.date(v)) then return false end
    elseif k == "says" then
      if not (item.draft or ""):find(v, 1, true) and not (item.reason or ""):find(v, 1, true) then return false end
    elseif item[k] ~= v then
      return false
    end
  end
  return true
end

local function describe(item)
  return format("%s%s on %s", item.kind, item.to and (" to " .. item.to) or "", tostring(item.due))
end

-- What the policies propose on a case's made-up applications, seeing only `reads`.
local function plan_case(policies, case, reads)
  if type(case) ~= "table" or type(case.name) ~= "string" then error("each test case is a table with a name", 0) end
  local today = cadence.date(case.as_of or error("as_of: the day the case is planned on", 0))
  request.as_of = tostring(today)
  local search = sharing.fixture(case, reads)
  for k, v in pairs(search) do request[k] = v end
  objects(search)
  return plan(policies, search, today)
end

local function run_case(policies, case, reads)
  local result = plan_case(policies, case, reads)
  if result.failed > 0 then return false, "the policy failed: " .. result.failures[1].message end
  local got = result.proposals
  local problems = {}
  for _, want in ipairs(case.expect or {}) do
    local hit = false
    for _, item in ipairs(got) do if matches(item, want) then hit = true; break end end
    if not hit then
      local w = {}
      for k, v in pairs(want) do w[#w + 1] = k .. " = " .. tostring(v) end
      sort(w)
      problems[#problems + 1] = "expected { " .. concat(w, ", ") .. " }"
    end
  end
  for _, unwanted in ipairs(case.absent or {}) do
    for _, item in ipairs(got) do
      if matches(item, unwanted) then problems[#problems + 1] = "did not expect " .. describe(item) end
    end
  end
  if case.exact and #got ~= #(case.expect or {}) then
    problems[#problems + 1] = format("expected exactly %d proposals, got %d", #(case.expect or {}), #got)
  end
  if #problems == 0 then return true end
  local proposed = {}
  for i, item in ipairs(got) do proposed[i] = describe(item) end
  return false, concat(problems, "; ") .. "; proposed: " .. (#proposed > 0 and concat(proposed, ", ") or "nothing")
end

local function test(package, policies)
  local source = package.files[package.tests or ""]
  if not source then return { cases = {} } end
  local chunk, why = load(source, "@" .. package.name .. "/" .. package.tests, "t")
  if not chunk then error(why, 0) end
  local cases = chunk()
  if type(cases) ~= "table" then error(package.tests .. " must return a list of test cases", 0) end
  local results = {}
  for i, case in ipairs(cases) do
    local ok, passed, message = pcall(run_case, policies, case, package.reads)
    if not ok then passed, message = false, tostring(passed) end
    results[i] = { name = type(case) == "table" and tostring(case.name) or ("case " .. i), passed = passed, message = message }
  end
  return { cases = results }
end

-- The proposals on each case, seeing every field (`cadence policy pack`
-- records them as the expectations of the tests it writes).
local function record(policies, cases, reads)
  local proposals = {}
  for i, case in ipairs(cases) do
    local result = plan_case(policies, case, reads)
    if result.failed > 0 then error(format("on '%s' the policy failed: %s", case.name, result.failures[1].message), 0) end
    for _, item in ipairs(result.proposals) do
      item.application = i
      proposals[#proposals + 1] = item
    end
  end
  return { proposals = proposals, failures = {}, failed = 0 }
end

---------------------------------------------------------------------------

local function answer()
  local package = request.package
  local ok, policies = pcall(policies_of, package)
  if not ok then return fail(tostring(policies)) end
  local result
  if request.mode == "test" then
    ok, result = pcall(test, package, policies)
  elseif request.mode == "record" then
    ok, result = pcall(record, policies, sharing.fixtures(), package.reads)
  else
    objects(request)
    ok, result = pcall(plan, policies, request, cadence.date(request.as_of))
  end
  if not ok then return fail(tostring(result)) end
  return result
end

-- The worker's Swift side reads the answer where it lies, into its type, and writes it as JSON.
deliver(answer())
