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
-- or declaratively, with cadence.sequence (triggers, steps, stop conditions).
-- Planning is a pure function of (policies, data, decisions, as-of date): it
-- writes nothing, and the same inputs give the same agenda. Acting on an item
-- (policy.act: done, skipped, snoozed) is the one write, and it goes through
-- the timeline, so the cadence moves on by itself.

local cadence = require "cadence"
local host = require "cadence.host"
local calendar = require "cadence.calendar"
local drafts = require "cadence.drafts"
local sharing = require "cadence.sharing"

local policy = {}

-- The channels by name (the host's Channel): how each is said, and whether it is mail.
local CHANNELS = cadence.channels()

-- The scalars the terminal's owner (TerminalText.isHidden) hides that take
-- more than one byte, as UTF-8 patterns (each lead byte starts only these, so
-- a match never falls inside another scalar); the others are C0 and DEL.
-- Lua's one copy of that set, checked scalar by scalar against the host:
-- the agenda shows plain text without asking, and the report drops these.
local HIDDEN = {
  c1 = "\194[\128-\159]",                -- C1 controls, U+0085 (NEL) and U+009B (CSI) among them
  arabic_mark = "\216\156",               -- U+061C
  marks = "\226\128[\142\143\170-\174]",   -- U+200E/F, U+202A-202E
  separators = "\226\128[\168\169]",      -- U+2028/9, line and paragraph separators
  isolates = "\226\129[\166-\169]",       -- U+2066-2069
}
policy.hidden = HIDDEN

-- Whether `text` holds none of those scalars, nor a C0 control (but line
-- feeds, with `newlines`) or DEL. Only a speed-up: what it passes is what
-- the host would give back unchanged.
local function plain(text, newlines)
  if text:find(newlines and "[%z\1-\9\11-\31\127]" or "[%z\1-\31\127]") then return false end
  if not text:find("[\194\216\226]") then return true end
  for _, pattern in pairs(HIDDEN) do
    if text:find(pattern) then return false end
  end
  return true
end

-- Text a user or a package wrote, as the terminal shows it (TerminalText):
-- controls and bidi controls as escapes; `indent` given, its lines kept and
-- each after the first indented (an empty one stays empty), else on one
-- line. Plain text, nearly all of it, does not need the host.
local function shown(text, indent)
  text = tostring(text)
  if not plain(text, indent ~= nil) then
    return indent and host.terminal_lines(text, indent) or host.terminal_line(text)
  end
  if indent and text:find("\n", 1, true) then return (text:gsub("\n([^\n])", "\n" .. indent:gsub("%%", "%%%%") .. "%1")) end
  return text
end

--- A field as the agenda shows it (see `shown`): exported for its test.
policy.shown = shown

---------------------------------------------------------------------------
-- What a plan function sees: the application's facts, and ctx:propose.
---------------------------------------------------------------------------

local Context = {}
Context.__index = Context

-- Whether an event's kind is `kind`: nil (any), a kind, or a list of kinds.
-- (Planning asks this of every event of every application: no tables made.)
local function is(kind, wanted)
  if wanted == nil or wanted == kind then return true end
  if type(wanted) == "table" then
    for i = 1, #wanted do if wanted[i] == kind then return true end end
  end
  return false
end

--- Events up to today of `kind` (or of any of the kinds in a list), oldest first.
function Context:events(kind)
  local found = {}
  for _, e in ipairs(self.timeline) do
    if is(e.kind, kind) then found[#found + 1] = e end
  end
  return found
end

--- The latest event up to today of `kind` (or of the kinds listed), or nil.
function Context:last(kind)
  local timeline = self.timeline
  if kind == nil then return timeline[#timeline] end
  -- Planning asks this of every application: a kind, or a short list of
  -- kinds, is compared in the loop itself, without a call per event.
  local a, b, c, more = kind, nil, nil, false
  if type(kind) == "table" then a, b, c, more = kind[1], kind[2], kind[3], #kind > 3 end
  for i = #timeline, 1, -1 do
    local k = timeline[i].kind
    if k == a or k == b or k == c or (more and is(k, kind)) then return timeline[i] end
  end
end

--- Events dated after today (a scheduled interview, say), of `kind` if given.
function Context:upcoming(kind)
  local found = {}
  for _, e in ipairs(self.future) do
    if is(e.kind, kind) then found[#found + 1] = e end
  end
  return found
end

--- The first event after `anchor` (in timeline order; for an anchor that is
--- not an event, on or after its day) whose kind is in the set `kinds` and
--- for which `test(e)`, if given, is true; or nil. Nothing is allocated:
--- sequences ask this of every application.
function Context:first_after(anchor, kinds, test)
  local timeline = self.timeline
  local from = 1
  if anchor.id ~= nil then
    from = #timeline + 1
    for i = #timeline, 1, -1 do
      if timeline[i].id == anchor.id then from = i + 1; break end
    end
  end
  for i = from, #timeline do
    local e = timeline[i]
    if kinds[e.kind] and (anchor.id ~= nil or e.day >= anchor.day) and (test == nil or test(e)) then return e end
  end
end

--- Messages of a kind (thank-you, status…) sent on or after `since`, to `to` if given.
function Context:sent(message_kind, since, to)
  local count = 0
  for _, e in ipairs(self.timeline) do
    if e.kind == "message-sent" and e.message_kind == message_kind and (since == nil or e.day >= since) then
      local to_match = to == nil
      for _, person in ipairs(e.with or {}) do if person == to then to_match = true end end
      if to_match then count = count + 1 end
    end
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

--- Every live offer of the search (received or negotiating, the latest round),
--- as { { app = …, offer = … } }: read from what the agenda has already read,
--- once a run, so that a policy weighing one offer against the others asks
--- nothing more of the workspace (nil outside an agenda run).
function Context:live_offers()
  local o = self.options
  if not (o.every_app and o.every_offer) then return nil end
  if not o.live_offers then
    local live, current = {}, require("cadence.valuation").current
    for _, app in ipairs(o.every_app) do
      for _, offer in ipairs(current(o.every_offer[app.id] or {}, true)) do live[#live + 1] = { app = app, offer = offer } end
    end
    o.live_offers = live
  end
  return o.live_offers
end

--- The application's offers (asked of the workspace once, then kept).
function Context:offers()
  if not self.offer_list then self.offer_list = self.options.offers or self.app:offers() end
  return self.offer_list
end

--- What the person decided about the item `key` of this application (a
--- table with status "done", "skipped" or "snoozed", and due), or nil.
function Context:decision(key) return self.decisions[key] end

--- Notes why a policy proposes nothing (stopped by a reply, waiting for a
--- date): simulations and explanations show it.
function Context:exit(reason) self.exits[#self.exits + 1] = reason end

--- Proposes a follow-up: kind, due (a date), to, channel, reason, draft;
--- words: what to say, when the draft holds notes around it (a report's
--- "Copy" copies these alone), and notes: those notes, shown apart;
--- key: what makes it the same item from one day to the next (decisions and
--- calendar UIDs hang on it), by default its kind, person and due date;
--- logs: the event marking it done logs (default: the message sent, or a
--- note for a task; false for none), for Cadence's own policies and the
--- user's only (an installed package's item logs the host's record of it:
--- see policy.done_event); slide = "back" for items that must not move
--- later (preparation before a meeting); follows: the event it answers
--- (the interview a thank-you is for): marking it done on a day before that
--- event is refused, and on its day logs it at that event's moment, after it;
--- at: the hour it is due ("10:00", the time agreed with them), shown on the
--- agenda and given to calendars instead of the calendar's send time.
function Context:propose(item)
  if not item.kind or not item.due then error("a follow-up needs a kind and a due date", 2) end
  item.due = cadence.date(item.due)
  if item.at ~= nil then
    local h, m = tostring(item.at):match("^(%d%d):(%d%d)$")
    if not h or tonumber(h) > 23 or tonumber(m) > 59 then
      error(("a follow-up's at is an hour such as \"10:00\", not %s"):format(host.terminal_line(tostring(item.at))), 2)
    end
  end
  item.key = item.key or table.concat({ item.kind, item.to or "", tostring(item.due) }, "|")
  local moved, why = self.calendar:adjust(item.due, item.slide)
  -- Moving earlier must not move into the past: then it is due today.
  if why and moved < self.today and item.due >= self.today then moved, why = self.today, nil end
  if why then
    item.due = moved
    item.reason = (item.reason or "") .. " (" .. why .. ")"
  end
  item.app, item.policy, item.rule = self.app, self.current.name, item.rule or self.current.rule
  -- Which installed package made it, if one did: the policy says, not the item.
  item.package = self.current.package
  -- A channel Cadence knows, by its one name: a misspelt one fails the
  -- policy, at the line of its plan that proposed it.
  local known, channel = pcall(cadence.channel, item.channel or "email")
  if not known then error(channel, 2) end
  item.channel = channel
  self.proposed[#self.proposed + 1] = item
end

---------------------------------------------------------------------------
-- Planning
---------------------------------------------------------------------------

--- A short name for an item that stays the same from day to day: what
--- `cadence agenda done REF` takes. (FNV-1a of the application and key.)
function policy.ref(app_id, key, digits) return host.ref(tostring(app_id) .. "|" .. key, digits) end

local function applies(p, app)
  local function named(list)
    for _, name in ipairs(type(list) == "table" and list or { list }) do
      if name == app.id or tostring(name):lower() == app.company:lower() then return true end
    end
    return false
  end
  return (p.only == nil or named(p.only)) and (p.except == nil or not named(p.except))
end

-- Nothing scheduled, no offers: shared by every application that has none.
local NONE = setmetatable({}, { __newindex = function() error("this empty list is shared, and read-only: make a list of your own", 2) end })

--- Splits a timeline (in time order) into what happened up to `today` and
--- what is scheduled after. Events a correction set aside (a mistake
--- logged long ago) are in neither: they did not happen.
local function split(timeline, today)
  local set_aside
  for i = 1, #timeline do
    local corrects = timeline[i].corrects
    if corrects then set_aside = set_aside or {}; set_aside[corrects] = true end
  end
  local last = timeline[#timeline]
  if set_aside == nil and (last == nil or last.day <= today) then return timeline, NONE end  -- the usual case
  local past, future = {}, {}
  for _, e in ipairs(timeline) do
    if not (set_aside and set_aside[e.id]) then
      if e.day <= today then past[#past + 1] = e else future[#future + 1] = e end
    end
  end
  return past, #future > 0 and future or NONE
end

--- What `policies` propose for `app`, as of `today`, before the person's
--- decisions are applied (an isolated worker sends these; the agenda
--- applies decisions to them). A policy that raises does not stop the
--- others: its failure is an item. options: as for policy.plan.
--- Returns the items, the reasons policies gave for proposing nothing, and
--- the context (its decisions and candidate).
function policy.propose(app, policies, today, options)
  options = options or {}
  local past, future = split(options.timeline or app:timeline(), today)
  local ctx = setmetatable({
    app = app, today = today, timeline = past, future = future, contacts = options.contacts or app:contacts(),
    candidate = options.candidates and options.candidates[app.candidate_id],
    decisions = options.decisions and options.decisions[app.id] or {},
    -- The days its candidate's region closes, with the user's own.
    calendar = (options.calendar or calendar.new()):for_app(app), options = options, proposed = {}, exits = {},
  }, Context)
  for _, p in ipairs(policies) do
    if applies(p, app) then
      ctx.current = p
      local ok, err = pcall(p.plan, app, ctx)
      if not ok then
        ctx.proposed[#ctx.proposed + 1] = { app = app, policy = p.name, rule = p.rule, failed = true, key = "error|" .. p.name,
          kind = "policy-error", due = today, channel = "task",
          -- A package that does not read the company is told the application's number.
          reason = ("policy '%s' failed on %s: %s"):format(p.name, app.company or ("application " .. tostring(app.id)), tostring(err)) }
      end
    end
  end
  return ctx.proposed, ctx.exits, ctx
end

--- The follow-ups `policies` propose for `app`, as of `today`, with the
--- person's decisions applied (done and skipped items go, snoozed ones wait).
--- A policy that raises does not stop the others: its failure is an item.
--- options: candidates (by id), calendar, decisions (by application id,
--- then key), timeline, contacts and offers (instead of asking the
--- workspace), policies (all of them, for policies that plan ahead).
--- Returns the items, and the reasons policies gave for proposing nothing.
function policy.plan(app, policies, today, options)
  local proposed, exits, ctx = policy.propose(app, policies, today, options)
  local kept = {}
  for _, item in ipairs(proposed) do
    item.candidate, item.contact = ctx.candidate, item.to and ctx:contact(item.to)
    local decision = ctx.decisions[item.key]
    if decision and decision.status == "snoozed" then
      if decision.due > item.due then
        item.reason = ("%s (snoozed to %s)"):format(item.reason or "", decision.due:short())
        item.due, item.snoozed = decision.due, true
      end
      kept[#kept + 1] = item
    elseif not decision or item.failed then
      kept[#kept + 1] = item
    end
  end
  return kept, exits
end

--- Decisions from the workspace, by application and key.
local function load_decisions()
  local by_app = {}
  for _, d in ipairs(cadence.decisions()) do
    by_app[d.application_id] = by_app[d.application_id] or {}
    by_app[d.application_id][d.key] = d
  end
  return by_app
end

-- Items sort by due day, company, person and key. Each gets one text that
-- sorts that way, so that table.sort compares strings itself instead of
-- calling a Lua function per comparison. (Days as YYYY-MM-DD sort as they
-- fall; a NUL separator sorts a company before any longer name it begins.)
local function sort_key(item)
  return ("%s\0%s\0%s\0%s"):format(item.due, item.app.company, item.to or "", item.key)
end

--- Everything due up to `today + days` for the open applications, overdue
--- first, then by day; each item with its reason and draft.
--- options: days, as_of, calendar (settings or a calendar), app (only this one),
--- search (the search already read, as cadence.search() gives it: the report
--- passes the search as it was on a day gone by). Returns the items, today, and the installed packages that did not run or
--- whose proposals were left out ({ policy, source, reason }).
function policy.agenda(policies, options)
  options = options or {}
  local today = options.as_of and cadence.date(options.as_of) or cadence.today()
  local horizon = today + (options.days or 7)
  local plan_options = { candidates = {}, decisions = load_decisions(), policies = policies,
                         calendar = calendar.new(options.calendar) }
  local regions = {}
  for _, c in ipairs(cadence.candidates()) do plan_options.candidates[c.id] = c; regions[c.id] = cadence.region_code(c) end
  -- What an isolated worker is sent: the same days, as data (its horizon, and a year either side for slides).
  local portable = calendar.portable(options.calendar, today.year - 1, math.min(horizon.year + 1, 2200), regions)
  local items, refs = {}, {}
  -- The whole search in three calls, not three per application.
  local search, contacts, offers = options.search or cadence.search(), cadence.all_contacts(), cadence.all_offers()
  -- Every application and its offers, for a policy that weighs one offer against the others (ctx:live_offers()).
  plan_options.every_app, plan_options.every_offer = search.apps, offers
  -- One application's plan reads the same search without changing the caller's (options.search).
  if options.app then search = { apps = { options.app }, timelines = search.timelines } end
  -- Installed packages plan in their workers while the agenda plans its own
  -- policies here; their proposals join each application's afterwards.
  local failures, own, packaged = {}, {}, {}
  for _, p in ipairs(policies) do
    if p.package then
      local started, why = sharing.start(p, search, contacts, plan_options.decisions, today, portable)
      if started then packaged[#packaged + 1] = p
      else failures[#failures + 1] = { policy = p.name, source = p.source, reason = why } end
    else
      own[#own + 1] = p
    end
  end
  -- What planning `app` under `list` gives, from the search already read.
  local function plan_from_search(app, list)
    plan_options.timeline, plan_options.contacts = search.timelines[app.id] or {}, contacts[app.id] or {}
    plan_options.offers = offers[app.id] or NONE
    return (policy.plan(app, list, today, plan_options))
  end
  local planned = {}
  for i, app in ipairs(search.apps) do planned[i] = plan_from_search(app, own) end
  local ran = {}
  for _, p in ipairs(packaged) do
    local finished, why = sharing.finish(p, search, contacts)
    if finished then ran[#ran + 1] = p
    else failures[#failures + 1] = { policy = p.name, source = p.source, reason = why } end
    for _, note in ipairs(p.notes or {}) do failures[#failures + 1] = { policy = p.name, source = p.source, reason = note } end
  end
  for i, app in ipairs(search.apps) do
    local list = planned[i]
    local proposed = false
    for _, p in ipairs(ran) do if p.by_app[app.id] then proposed = true; break end end
    if proposed then
      for _, item in ipairs(plan_from_search(app, ran)) do list[#list + 1] = item end
    end
    local seen = {}
    for _, item in ipairs(list) do
      -- One key is one item (decisions hang on it): proposed twice, it is listed once.
      if item.due <= horizon and not seen[item.key] then
        seen[item.key] = true
        item.overdue = item.due < today
        items[#items + 1] = item
      end
    end
  end
  -- Every ref names one item: where two items' short refs collide (likely
  -- only in a search of thousands), the later one gets a longer ref.
  for _, item in ipairs(items) do
    local ref = policy.ref(item.app.id, item.key)
    if refs[ref] then ref = policy.ref(item.app.id, item.key, 8) end
    while refs[ref] do ref = ref .. "x" end
    item.ref, refs[ref] = ref, true
  end
  local keys, by_key = {}, {}
  for i, item in ipairs(items) do
    local key = sort_key(item)
    if by_key[key] then key = key .. "\0" .. i end  -- the same item twice stays twice
    keys[i], by_key[key] = key, item
  end
  table.sort(keys)
  for i, key in ipairs(keys) do items[i] = by_key[key] end
  return items, today, failures
end

--- The policies of a personal cadence.lua at `path` (by default the
--- workspace's; the standard ones with their defaults when there is none),
--- and its settings (calendar).
function policy.load(path)
  path = path or (cadence.workspace() and cadence.workspace() .. "/cadence.lua")
  local chunk = path and cadence.script(path)
  if chunk == nil then
    local standard = require "policies"
    return standard.defaults(), {}
  end
  if type(chunk) ~= "table" then error(path .. " must return a list of policies", 0) end
  local policies = {}
  for i, p in ipairs(chunk) do
    if type(p) ~= "table" or type(p.plan) ~= "function" then
      error(("%s: policy %d has no plan function"):format(path, i), 0)
    end
    p.name = p.name or ("policy " .. i)
    p.rule = p.rule or "(no rule named)"
    policies[i] = p
  end
  local settings = { calendar = chunk.calendar }
  return policies, settings
end

--- The item of the agenda whose ref starts with `ref` (planning a year
--- ahead, so an item can be done early), or nil and why.
function policy.find(policies, ref, options)
  ref = tostring(ref):lower()
  if #ref < 3 then return nil, "give at least 3 characters of the item's ref" end
  local items = policy.agenda(policies, { as_of = options.as_of, days = 366, calendar = options.calendar })
  local found = {}
  for _, item in ipairs(items) do
    if item.ref:sub(1, #ref) == ref then found[#found + 1] = item end
  end
  if #found == 1 then return found[1] end
  if #found == 0 then return nil, ("no item %s on the agenda (run 'cadence agenda' for the refs)"):format(ref) end
  local names = {}
  for i, item in ipairs(found) do names[i] = ("%s (%s: %s)"):format(item.ref, item.app.company, item.kind) end
  return nil, ("%s could be %s: give more of it"):format(ref, table.concat(names, " or "))
end

--- What marking `item` done on the day `on` logs. An installed package's
--- item logs the host's record of it, whatever the package proposed: the
--- message sent (a note, for a task) of its kind (one its manifest
--- declared), to its recipient, on its channel, dated `on`, naming the
--- package, version and hash; never a stage, a date, a kind or a note of
--- the package's choosing. Cadence's own policies and the user's log the
--- message sent, a note for a task, or what the policy said (item.logs: a
--- kind, or { kind, details }; false for nothing).
function policy.done_event(item, on)
  local at = tostring(on)
  if item.package then
    local from = "from " .. sharing.provenance(item.package)
    if item.channel == "task" then return "note", { at = at, notes = ("done: %s (%s)"):format(item.kind, from) } end
    return "message-sent", { at = at, message_kind = item.kind, to = item.to, channel = item.channel, notes = from }
  end
  if item.logs == false then return nil end
  if type(item.logs) == "string" then return item.logs, { at = at, notes = "agenda: " .. item.kind } end
  if type(item.logs) == "table" then
    local details = { at = at }
    for k, v in pairs(item.logs) do if k ~= 1 then details[k] = v end end
    return item.logs[1], details
  end
  if item.channel == "task" then return "note", { at = at, notes = "done: " .. item.kind } end
  return "message-sent", { at = at, message_kind = item.kind, to = item.to, channel = item.channel }
end

--- Acts on the item `ref`: "done" (logs the event, so the cadence moves on),
--- "skipped", or "snoozed" to `until`. Returns the item and a sentence.
--- options: as_of, on (the day it was done), until, calendar.
-- A day as every reply of a write says it: "Thu 3 Dec 2026" (LocalDate.spoken's words).
local function spoken(day) return ("%s %d"):format(day:short(), day.year) end

function policy.act(policies, ref, action, options)
  local item, why = policy.find(policies, ref, options)
  if not item then error(why, 0) end
  local today = options.as_of and cadence.date(options.as_of) or cadence.today()
  local decision = { key = item.key, kind = item.kind, due = tostring(item.due), to = item.to, channel = item.channel,
                     policy = item.policy, reason = item.reason, draft = item.draft }
  local said
  if action == "done" then
    local ok, on = pcall(cadence.date, options.on or today, today, "past")
    if not ok then error("the day it was done: " .. tostring(on), 0) end
    if on > today then error(("%s is in the future: mark an item done once it is"):format(spoken(on)), 0) end
    -- What a step follows (the interview a thank-you is for) came first: a day before it is a mistake.
    local follows = item.follows
    if follows and follows.day and on < follows.day then
      error(("%s is before the %s on %s that this follows: say the day it was done (%s or later)"):format(
        spoken(on), rawget(follows, "label") or follows.kind or "event", spoken(follows.day), spoken(follows.day)), 0)
    end
    local kind, details = policy.done_event(item, on)
    -- Done on the day of what it follows: logged at that moment (after it in the
    -- timeline), not at the day's noon, which may be before it.
    if kind and follows and follows.day == on and type(follows.at) == "string" then details.at = follows.at end
    if kind then
      local event = item.app:log(kind, details)
      decision.event = event.id
      said = ("logged %s on %s"):format(kind .. (details.message_kind and (" (" .. details.message_kind .. ")") or ""), spoken(on))
    else
      said = "nothing to log"
    end
    decision.status = "done"
  elseif action == "skipped" then
    decision.status = "skipped"
    said = "it will not come back"
  elseif action == "snoozed" then
    local ok, to = pcall(cadence.date, options["until"] or "", today)
    if not ok then error("snooze until: " .. tostring(to), 0) end
    -- Snoozing puts an item off: never earlier than it was due, never to a closed day.
    local after = item.due > today and item.due or today
    if to <= after then
      error(("snooze until %s: that is not after %s (it %s); snooze to a later day"):format(to:short(), after:short(),
        after == today and "is today" or "is due then"), 0)
    end
    local days = calendar.new(options.calendar):for_app(item.app)
    local moved
    to, moved = days:adjust(to)
    decision.status, decision.due = "snoozed", tostring(to)
    said = "back on " .. spoken(to) .. (moved and (" (" .. moved .. ")") or "")
  else
    error(("unknown action '%s' (done, skipped, snoozed)"):format(tostring(action)), 0)
  end
  cadence.decide(item.app, decision)
  return item, ("%s %s: %s: %s%s; %s"):format(action:gsub("^%l", string.upper), item.ref, shown(item.app.company), shown(item.kind),
    item.to and (" to " .. shown(item.to)) or "", said)
end

--- The policies of the cadence.lua at `path` (as policy.load reads it) and
--- the workspace's installed packages (unless `packages` is false), then
--- `extra` ones (a package being tried); and the file's settings.
function policy.all(path, packages, extra)
  local policies, settings = policy.load(path)
  -- A package named like a policy of the file does not run (its name is the file's).
  local function add(p)
    local taken = p.package and not p.package.problem and sharing.name_taken(policies, p.name)
    if taken then p.package.problem = taken end
    policies[#policies + 1] = p
  end
  if packages ~= false then
    for _, p in ipairs(sharing.installed()) do add(p) end
  end
  for _, p in ipairs(extra or {}) do add(p) end
  return policies, settings
end

--- The agenda under a cadence.lua and the installed packages, in one call:
--- what the command, the REPL, simulations and the tests all run.
--- options: path (default: the workspace's cadence.lua), days (default 7),
--- as_of, packages (false: without the installed ones), extra (more
--- policies), search (see policy.agenda). Returns the items, today, the file's settings (its calendar)
--- and the packages that failed (see policy.agenda).
function policy.run(options)
  options = options or {}
  local policies, settings = policy.all(options.path, options.packages, options.extra)
  local items, today, failures = policy.agenda(policies, { days = options.days or 7, as_of = options.as_of,
                                                           calendar = settings.calendar, search = options.search })
  return items, today, settings, failures
end

--- What `cadence agenda` shows, in one call: { text (unless options.text
--- is false), data (policy.data, when options.data), today, send_at (the
--- calendar's time for messages), failures (a line for each installed
--- package that did not run cleanly) }. options: as for policy.run.
function policy.report(options)
  local items, today, settings, failures = policy.run(options)
  return { text = options.text ~= false and policy.render(items, today, failures) or nil,
           data = options.data and policy.data(items) or nil, today = tostring(today),
           send_at = settings.calendar and settings.calendar.send_at, failures = policy.failure_lines(failures) }
end

--- Acts on an agenda item, in one call: what `cadence agenda done|skip|snooze`
--- runs. options: path, ref, action, on, until. Returns a sentence.
function policy.act_on(options)
  local policies, settings = policy.all(options.path)
  local _, said = policy.act(policies, options.ref, options.action,
                             { on = options.on, ["until"] = options["until"], calendar = settings.calendar })
  return said
end

--- A line for each installed package that did not run, or whose proposals
--- were left out (`failures`: see policy.agenda): "package NAME VERSION (sha256 …): why".
function policy.failure_lines(failures)
  local lines = {}
  for i, f in ipairs(failures or {}) do
    -- One line each: a line of its own, however indented, could pose as an item below.
    lines[i] = ("package %s: %s"):format(shown(f.source or f.policy), host.terminal_message(tostring(f.reason)))
  end
  return lines
end

--- The agenda as text a person reads (`failures`: see policy.agenda), what
--- did not run said first.
function policy.render(items, today, failures)
  local lines = {}
  for i, line in ipairs(policy.failure_lines(failures)) do lines[i] = line:gsub("^%l", string.upper) end
  if #lines > 0 then lines[#lines + 1] = "" end
  if #items == 0 then
    lines[#lines + 1] = "Nothing due. " .. "(as of " .. tostring(today) .. ")"
    return table.concat(lines, "\n")
  end
  local heading
  for _, item in ipairs(items) do
    local section = item.overdue and "Overdue" or (item.due == today and "Today" or item.due:short())
    if section ~= heading then
      lines[#lines + 1] = (heading and "\n" or "") .. section
      heading = section
    end
    local who = item.to and (" to " .. shown(item.to))
      or (item.missing_role and (" to the %s (none on file)"):format(item.missing_role:gsub("%-", " "))) or ""
    local hour = item.at and (" at " .. item.at) or ""
    local when = item.overdue and (" (due " .. item.due:short() .. hour .. ")") or hour
    -- How it goes: "by email", "on LinkedIn", "by phone"; a task goes nowhere.
    local channel = CHANNELS[item.channel]
    local by = channel and channel.form ~= "task" and (" " .. channel.said) or ""
    lines[#lines + 1] = ("  [%s] %s: %s%s%s%s"):format(item.ref, shown(item.app.company), shown(item.kind), who, by, when)
    -- A failed policy's reason quotes its error: cut, as every error is.
    lines[#lines + 1] = "    why: " .. (item.failed and host.terminal_message(tostring(item.reason))
                                        or shown(item.reason, "         "))
    if item.source then lines[#lines + 1] = "    from: " .. shown(item.source) end
    if item.draft then lines[#lines + 1] = "    draft: " .. shown(item.draft, "           ") end
  end
  return table.concat(lines, "\n")
end

--- The agenda as plain data (for --json, calendars and mail drafts).
function policy.data(items)
  local out = {}
  for i, item in ipairs(items) do
    local contact = item.contact
    out[i] = { ref = item.ref, application = item.app.id, key = item.key, company = item.app.company,
               role = item.app.role, kind = item.kind, due = tostring(item.due), at = item.at, overdue = item.overdue,
               to = item.to, email = contact and contact.email, channel = item.channel, policy = item.policy,
               rule = item.rule, reason = item.reason, draft = item.draft,
               -- Only an email has a subject: a LinkedIn message, a text or a call has none.
               subject = (CHANNELS[item.channel] or {}).mail and (item.subject or (item.draft and drafts.subject(item.kind, item.app))) or nil,
               missing_role = item.missing_role,
               failed = item.failed, snoozed = item.snoozed, source = item.source,
               zone = item.candidate and item.candidate.time_zone,
               from = item.candidate and item.candidate.name, from_email = item.candidate and item.candidate.email }
  end
  return out
end

return policy
