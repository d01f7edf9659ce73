-- cadence.policy: turns applications' timelines into planned follow-ups.
--
-- A policy is a table with a name, the rule of the practice it encodes, and a
-- plan function that looks at one application and proposes follow-ups:
--
--   return {
--     name = "thank-you", rule = "2. Thank-you the same day",
--     plan = function(app, ctx)
--       for _, e in ipairs(ctx:events("interview")) do
--         ctx:propose{ kind = "thank-you", due = e.day, to = e.with[1], reason = "..." }
--       end
--     end,
--   }
--
-- Planning is a pure function of (policies, data, as-of date): it writes
-- nothing, and the same inputs give the same agenda.

local cadence = require "cadence"

local policy = {}

---------------------------------------------------------------------------
-- What a plan function sees: the application's facts, and ctx:propose.
---------------------------------------------------------------------------

local Context = {}
Context.__index = Context

--- Events of `kind` (or of any of the kinds in a list), oldest first.
function Context:events(kind)
  local kinds = type(kind) == "table" and kind or { kind }
  local wanted = {}
  for _, k in ipairs(kinds) do wanted[k] = true end
  local found = {}
  for _, e in ipairs(self.timeline) do
    if kind == nil or wanted[e.kind] then found[#found + 1] = e end
  end
  return found
end

--- The latest event of `kind` (or of the kinds listed), or nil.
function Context:last(kind)
  local found = self:events(kind)
  return found[#found]
end

--- Messages of a kind (thank-you, status…) sent on or after `since`, to `to` if given.
function Context:sent(message_kind, since, to)
  local count = 0
  for _, e in ipairs(self:events("message-sent")) do
    local to_match = to == nil
    for _, person in ipairs(e.with or {}) do if person == to then to_match = true end end
    if e.messageKind == message_kind and (since == nil or e.day >= since) and to_match then count = count + 1 end
  end
  return count
end

--- Whether they replied, offered or rejected on or after `since`.
function Context:answered_since(since)
  for _, e in ipairs(self:events{ "reply-received", "offer-received", "rejection", "follow-up-call" }) do
    if e.day >= since then return true end
  end
  return false
end

--- The first person met at the latest interview or screen, or nil: whom a
--- follow-up goes to.
function Context:person_met()
  local meeting = self:last{ "interview", "screen" }
  return meeting and meeting.with and meeting.with[1]
end

--- The contact named `name`, or nil.
function Context:contact(name)
  for _, c in ipairs(self.contacts) do if c.name == name then return c end end
end

--- Proposes a follow-up: kind, due (a date), to, channel, reason, draft, and
--- key: what makes it the same follow-up from one day to the next (for
--- calendar UIDs); by default its kind, person and first due date.
function Context:propose(item)
  assert(item.kind and item.due, "a follow-up needs a kind and a due date")
  item.due = cadence.date(item.due)
  item.key = item.key or table.concat({ item.kind, item.to or "", tostring(item.due) }, "|")
  if self.options.weekdays_only then
    while item.due:is_weekend() do item.due = item.due + 1 end
  end
  item.app, item.policy, item.rule = self.app, self.current.name, self.current.rule
  item.channel = item.channel or "email"
  self.proposed[#self.proposed + 1] = item
end

---------------------------------------------------------------------------
-- Planning
---------------------------------------------------------------------------

local CLOSED = { accepted = true, declined = true, withdrawn = true }

--- The follow-ups `policies` propose for `app`, as of `today`. A policy that
--- raises does not stop the others: its failure is returned as an item.
function policy.plan(app, policies, today, options)
  options = options or {}
  local candidate = options.candidates and options.candidates[app.candidateID]
  local ctx = setmetatable({
    app = app, today = today, timeline = app:timeline(), contacts = app:contacts(),
    candidate = candidate, options = options, proposed = {},
  }, Context)
  if CLOSED[app.stage] then return {} end
  for _, p in ipairs(policies) do
    ctx.current = p
    local ok, err = pcall(p.plan, app, ctx)
    if not ok then
      ctx.proposed[#ctx.proposed + 1] = { app = app, policy = p.name, rule = p.rule, failed = true,
        kind = "policy-error", due = today, reason = ("policy '%s' failed on %s: %s"):format(p.name, app.company, tostring(err)) }
    end
  end
  return ctx.proposed
end

--- Everything due up to `today + days` for the open applications, overdue
--- first, then by day; each item with its reason and draft.
function policy.agenda(policies, options)
  options = options or {}
  local today = options.as_of and cadence.date(options.as_of) or cadence.today()
  local horizon = today + (options.days or 7)
  local items = {}
  options.candidates = {}
  for _, c in ipairs(cadence.candidates()) do options.candidates[c.id] = c end
  for _, app in ipairs(cadence.apps()) do
    for _, item in ipairs(policy.plan(app, policies, today, options)) do
      if item.due <= horizon then
        item.overdue = item.due < today
        items[#items + 1] = item
      end
    end
  end
  table.sort(items, function(a, b)
    if a.due ~= b.due then return a.due < b.due end
    if a.app.company ~= b.app.company then return a.app.company < b.app.company end
    return (a.to or "") < (b.to or "")
  end)
  return items, today
end

--- The policies of a personal cadence.lua at `path`, or the standard ones
--- with their defaults when there is none.
function policy.load(path)
  local file = path and io.open(path)
  if not file then
    local standard = require "policies"
    return { standard.thank_you(), standard.weekly_status(), standard.deadline_passed(), standard.after_rejection() }
  end
  file:close()
  local policies = dofile(path)
  if type(policies) ~= "table" then error(path .. " must return a list of policies", 0) end
  for i, p in ipairs(policies) do
    if type(p) ~= "table" or type(p.plan) ~= "function" then
      error(("%s: policy %d has no plan function"):format(path, i), 0)
    end
    p.name = p.name or ("policy " .. i)
    p.rule = p.rule or "(no rule named)"
  end
  return policies
end

--- The agenda as text a person reads.
function policy.render(items, today)
  if #items == 0 then return "Nothing due. " .. "(as of " .. tostring(today) .. ")" end
  local lines = {}
  local heading
  for _, item in ipairs(items) do
    local section = item.overdue and "Overdue" or (item.due == today and "Today" or
      (item.due.weekday:gsub("^%l", string.upper) .. " " .. tostring(item.due)))
    if section ~= heading then
      lines[#lines + 1] = (heading and "\n" or "") .. section
      heading = section
    end
    local who = item.to and (" to " .. item.to) or ""
    local when = item.overdue and (" (due " .. tostring(item.due) .. ")") or ""
    lines[#lines + 1] = ("  %s: %s%s%s"):format(item.app.company, item.kind, who, when)
    lines[#lines + 1] = "    why: " .. item.reason
    if item.draft then
      local first = true
      for text in (item.draft .. "\n"):gmatch("(.-)\n") do
        lines[#lines + 1] = (first and "    draft: " or (text == "" and "" or "           ")) .. text
        first = false
      end
    end
  end
  return table.concat(lines, "\n")
end

--- The agenda as plain data (for --json).
function policy.data(items)
  local out = {}
  for i, item in ipairs(items) do
    out[i] = { application = item.app.id, key = item.key, company = item.app.company, kind = item.kind,
               due = tostring(item.due), overdue = item.overdue, to = item.to, channel = item.channel,
               policy = item.policy, rule = item.rule, reason = item.reason, draft = item.draft,
               failed = item.failed }
  end
  return out
end

return policy
