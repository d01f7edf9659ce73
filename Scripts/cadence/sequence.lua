-- cadence.sequence: a policy written as data instead of a plan function.
--
--   local sequence = require "cadence.sequence"
--   return sequence{
--     name = "weekly-status", cite = "rule 5",
--     trigger = { "interview", "screen" },        -- the latest of these starts it
--     steps = { { kind = "status", label = "weekly status", after = 7, every = 7, times = 7 } },
--     at_least = 4,                                -- for the reason: "status 3 of 4-7"
--     stop = { "reply-received", "offer-received", "rejection" },
--     exhausted = { kind = "move-on", after = 7, logs = "ghosted", reason = "..." },
--   }
--
-- Steps run one after another: each is due `after` days after the previous
-- touch (the trigger for the first), and a touch is a message of the step's
-- kind sent, or a skipped item. With `parallel = true` every step is
-- independent and due `after` days after the trigger. Anywhere the data is
-- not enough, a function does instead: trigger(app, ctx) returns the event
-- (or { day = date, kind = "..." }) that starts it; stop(app, ctx, anchor)
-- returns why it stopped; to(app, ctx, anchor) and reason(facts) likewise.
--
-- `to` names a contact, or a role ("recruiter", "hiring manager"): the
-- contact of that role, and when nobody holds it, nobody: the item says so
-- and how to add one, never another person. `channel` (email, phone,
-- linkedin, text, letter; cadence.channels()) shapes each step's draft.
-- `promises = true` (rule 4) reads the latest promise, on any event, with
-- cadence.promises: theirs is a decision date the steps wait for (rule 6
-- inquires after it); yours is an action on its day, in any open stage.

local cadence = require "cadence"
local drafts = require "cadence.drafts"
local promises = require "cadence.promises"

-- A reply, an offer, a rejection (or the end of the application) stops a sequence.
local DEFAULT_STOP = { "reply-received", "follow-up-call", "offer-received", "rejection", "withdrawal",
                       "acceptance", "decline" }

local FIELDS = { name = true, rule = true, cite = true, trigger = true, steps = true, stop = true,
                 at_least = true, exhausted = true, parallel = true, stages = true, skip_stages = true,
                 promises = true, wait_for_deadline = true, to = true, channel = true, only = true,
                 except = true }
local STEP_FIELDS = { kind = true, label = true, after = true, every = true, times = true, draft = true,
                      to = true, channel = true, reason = true, logs = true }

local MEETINGS = { "interview", "screen", "follow-up-call" }
-- Whom a follow-up goes to when nobody was named: the one who decides first.
local FALLBACK_ROLES = { "hiring-manager", "recruiter", "interviewer", "referrer", "insider" }

local RESUMING = { ["follow-up-call"] = true, ["message-sent"] = true }

-- Whether a table has any key, through __pairs (cadence.stages' sets are read-only views).
local function has_keys(t)
  local step, state, first = pairs(t)
  return step(state, first) ~= nil
end

-- A list ({ "offer", "negotiating" }), one name, or a set already ({ offer = true }, such as cadence.stages.with_offer).
local function set_of(list)
  if type(list) == "table" and list[1] == nil and has_keys(list) then return list end
  local set = {}
  for _, v in ipairs(type(list) == "table" and list or { list }) do set[v] = true end
  return set
end

-- Templates such as "{label} {n} of {of}" become, once, a Lua function that
-- joins the text and the facts in one concatenation (a sequence fills one
-- for every application it plans). An unknown name stays as written.
local compiled = {}

local function shown(facts, name)
  local value = facts[name]
  if value == nil then return "{" .. name .. "}" end
  if type(value) == "table" and value.short then return value:short() end
  return tostring(value)
end

local function compile(template)
  local parts, at = {}, 1
  for before, name, after in template:gmatch("()({[%w_]+})()") do
    parts[#parts + 1] = ("%q"):format(template:sub(at, before - 1))
    parts[#parts + 1] = ("shown(facts, %q)"):format(name:sub(2, -2))
    at = after
  end
  parts[#parts + 1] = ("%q"):format(template:sub(at))
  -- One concatenation takes a register per part: a long template joins a table.
  local joined = #parts <= 50 and table.concat(parts, " .. ") or "table.concat({ " .. table.concat(parts, ", ") .. " })"
  local source = "local shown = ...; return function(facts) return " .. joined .. " end"
  local filler = assert(load(source, "=(reason template)", "t"))(shown)
  compiled[template] = filler
  return filler
end

--- The template with the facts filled in.
local function fill(template, facts)
  return (compiled[template] or compile(template))(facts)
end

local function check(spec)
  local where = ("sequence '%s'"):format(tostring(spec.name or "?"))
  if type(spec.name) ~= "string" then error("a sequence needs a name", 3) end
  for key in pairs(spec) do
    if not FIELDS[key] then error(("%s: unknown field '%s'"):format(where, tostring(key)), 3) end
  end
  if spec.trigger == nil then error(where .. ": needs a trigger (event kinds, or a function)", 3) end
  if type(spec.steps) ~= "table" or #spec.steps == 0 then error(where .. ": needs at least one step", 3) end
  -- A channel is one Cadence knows (a misspelt one is named here, at the cadence.lua's line).
  local function channel(value, whose)
    if value == nil then return end
    local ok, why = pcall(cadence.channel, value)
    if not ok then error(("%s: %s%s"):format(where, whose, why), 4) end
  end
  channel(spec.channel, "")
  for i, step in ipairs(spec.steps) do
    channel(step.channel, ("step %d: "):format(i))
    for key in pairs(step) do
      if not STEP_FIELDS[key] then error(("%s: step %d: unknown field '%s'"):format(where, i, tostring(key)), 3) end
    end
    if type(step.kind) ~= "string" then error(("%s: step %d needs a kind"):format(where, i), 3) end
    for _, field in ipairs{ "after", "every", "times" } do
      if step[field] ~= nil and math.type(step[field]) ~= "integer" then
        error(("%s: step %d: %s is a whole number of days"):format(where, i, field), 3)
      end
    end
  end
end

--- The steps with repeats written out, one per touch.
local function flatten(steps)
  local flat = {}
  for _, step in ipairs(steps) do
    for t = 1, step.times or 1 do
      flat[#flat + 1] = setmetatable({ after = t == 1 and (step.after or 0) or (step.every or step.after or 7) },
                                     { __index = step })
    end
  end
  return flat
end

return function(spec)
  check(spec)
  local steps = flatten(spec.steps)
  local kinds = {}
  for _, step in ipairs(steps) do kinds[step.kind] = true end
  local most = #steps
  local least = math.min(spec.at_least or most, most)
  local range = least == most and tostring(most) or ("%d–%d"):format(least, most)
  local cite = spec.cite and (spec.cite .. ": ") or ""
  -- Without a say, a sequence leaves alone applications you have ended (a rejection still has its steps).
  local stages = spec.stages and set_of(spec.stages)
  local skip_stages = set_of(spec.skip_stages or (not spec.stages and cadence.stages.ended_by_you) or {})
  local stop_kinds = type(spec.stop) ~= "function" and set_of(spec.stop or DEFAULT_STOP)

  local function anchor_of(app, ctx)
    if type(spec.trigger) == "function" then return spec.trigger(app, ctx) end
    return ctx:last(spec.trigger)
  end

  -- Why the sequence has stopped since `anchor`, or nil.
  local function stopped(app, ctx, anchor)
    if type(spec.stop) == "function" then return spec.stop(app, ctx, anchor) end
    local e = ctx:first_after(anchor, stop_kinds)
    if e then return ("%s on %s"):format(e.kind, e.day:short()) end
  end

  -- Whom a step goes to: a contact by name or by role, "met" (the person
  -- met), or, with nobody named, the person met, else the contact whose
  -- place it is to answer. A role nobody on the application holds is
  -- said, never guessed: nil and the role.
  local function recipient(who, app, ctx, anchor)
    if type(who) == "function" then return who(app, ctx, anchor) end
    if who and who ~= "met" then
      for _, c in ipairs(ctx.contacts) do if c.name == who then return c.name end end
      local role = cadence.contact_role(who)
      if not role then return who end           -- a person not on file, as named
      for _, c in ipairs(ctx.contacts) do if c.role == role then return c.name end end
      return nil, role
    end
    local met = anchor.with and anchor.with[1] or ctx:person_met()
    if met then return met end
    -- Nobody named at the event: the contact whose place it is to answer.
    for _, role in ipairs(FALLBACK_ROLES) do
      for _, c in ipairs(ctx.contacts) do if c.role == role then return c.name end end
    end
  end

  -- "(no recruiter on file: cadence contact add NAME --app Lonestar --role recruiter)"
  local function unaddressed(app, role)
    local company = app.company or tostring(app.id)
    if not company:match("^[%w._/-]+$") then company = "'" .. company:gsub("'", "'\\''") .. "'" end
    return (" (no %s on file for %s: add one with cadence contact add NAME --app %s --role %s)")
      :format(role:gsub("%-", " "), app.company or ("application " .. tostring(app.id)), company, role)
  end

  local function draft_of(step, fields)
    local draft = step.draft
    if draft == false then return nil end
    if type(draft) == "function" then return draft(fields) end
    local named = drafts[draft or step.kind:gsub("%-", "_")]
    return named and named(fields)
  end

  local function propose(app, ctx, anchor, step, facts)
    local to, role = recipient(step.to or spec.to, app, ctx, anchor)
    facts.to, facts.label = to, step.label or step.kind
    local reason = step.reason or (spec.parallel and "{label}, {after} days after {the_anchor}"
      or "{label} {n} of {of}: last touch {last}, no reply since {the_anchor}")
    local channel = cadence.channel(step.channel or spec.channel or "email")
    ctx:propose{
      kind = step.kind, due = facts.due, to = to, channel = channel, key = facts.key,
      logs = step.logs, follows = anchor, missing_role = role,
      reason = cite .. (type(reason) == "function" and reason(facts) or fill(reason, facts)) .. (role and unaddressed(app, role) or ""),
      draft = draft_of(step, { app = app, to = to, contact = to and ctx:contact(to), candidate = ctx.candidate,
                               anchor = anchor, n = facts.n, deadline = anchor.day, promise = rawget(anchor, "promise"),
                               channel = channel }),
    }
  end

  -- Rule 4, a promise of yours: an action on its day (a call when they
  -- asked for one), unless it is done. Returns the touch that did it.
  local function yours(app, ctx, promise, anchor)
    local resumed = ctx:first_after(promise.event, RESUMING, function(e)
      return e.kind == "follow-up-call" or kinds[e.message_kind] or e.message_kind == "promised-follow-up"
        or e.message_kind == "promised-call"
    end)
    if resumed then return resumed end
    local to, role = promise.to, nil
    if not to then to, role = recipient(spec.to, app, ctx, anchor) end
    local channel = promise.call and "phone" or cadence.channel(spec.channel or "email")
    local fields = { app = app, to = to, contact = to and ctx:contact(to), candidate = ctx.candidate,
                     promise = promise.words, channel = channel }
    ctx:propose{
      kind = promise.call and "promised-call" or "promised-follow-up", due = promise.due, to = to,
      key = "promised|" .. tostring(promise.day), channel = channel, missing_role = role,
      reason = ('rule 4: on %s they said "%s": wait until %s, then %s'):format(
        promise.day:short(), promise.words, promise.due:short(), promise.call and "call them" or "follow up")
        .. (role and unaddressed(app, role) or ""),
      draft = promise.call and drafts.promised_call(fields) or drafts.promised(fields),
    }
  end

  local function plan(app, ctx)
    if skip_stages[app.stage] then return end
    local anchor = anchor_of(app, ctx)
    local trigger = anchor
    -- Rule 4: a promise made since the sequence started, on any event, is
    -- where it counts from. One of yours holds while the application is
    -- open, in any stage; the sequence itself runs in its stages only.
    local promise = spec.promises and promises.latest(ctx)
    if promise and anchor and not promises.after(ctx, promise.event, anchor) then promise = nil end
    local mine = promise and promise.actor == "you" and not cadence.stages.terminal[app.stage]
    local in_stage = not stages or stages[app.stage]
    if not in_stage and not mine then return end
    if promise then
      anchor = { id = promise.event.id, day = promise.day, kind = "next-step", label = "promise",
                 with = promise.event.with, promise = promise.words }
    end
    if not anchor then return end
    local what = rawget(anchor, "label") or anchor.kind  -- an event has no label: only a made anchor does
    -- "the interview on Mon 2 Mar", but "you applied on Mon 2 Mar".
    local the_anchor = (what == "applied" and "you applied on " or ("the " .. what .. " on ")) .. anchor.day:short()
    local facts = { anchor = what, since = anchor.day, of = range, the_anchor = the_anchor, today = ctx.today, trigger = anchor }
    local why = stopped(app, ctx, anchor)
    -- A promise of yours holds though the sequence has stopped since (an offer
    -- came after the call where you said you would email): you said you would.
    if why and not mine then return ctx:exit(spec.name .. " stopped: " .. why) end

    local start, counted = anchor.day, kinds
    local meeting = spec.promises and #ctx.future > 0 and ctx:upcoming(MEETINGS)[1]
    if meeting then
      return ctx:exit(("%s waits: the %s on %s is already arranged"):format(spec.name, meeting.kind, meeting.day:short()))
    end
    if mine then
      local resumed = yours(app, ctx, promise, anchor)
      if why then return ctx:exit(spec.name .. " stopped: " .. why) end
      if not resumed or not in_stage then return end
      start = resumed.day
    end

    -- Their decision date (a deadline, or their word: "we'll get back to you
    -- by Friday") is the schedule: nothing until it; rule 6 sends one
    -- inquiry once it has passed, and silence after that is silence like
    -- any other, so the cadence resumes from the inquiry (counted as its
    -- first touch) and rule 7 still ends it.
    local decision = (spec.wait_for_deadline or spec.promises) and promises.decision_date(app, ctx, trigger or anchor)
    if decision and (spec.wait_for_deadline or decision.promise) then
      local their = decision.promise
      local date = decision.day
      if date >= ctx.today then
        return ctx:exit(their and ('%s waits: they said "%s" on %s: nothing until %s'):format(spec.name, their.words, their.day:short(), date:short())
          or ("%s waits: their decision date %s is the schedule"):format(spec.name, date:short()))
      end
      local inquiry = ctx:first_after({ day = date }, RESUMING, function(e) return e.message_kind == "deadline-inquiry" end)
      if not inquiry then
        return ctx:exit(("%s waits: their decision date %s passed; rule 6 inquires first"):format(spec.name, date:short()))
      end
      if inquiry.day > start then start = inquiry.day end
      counted = setmetatable({ ["deadline-inquiry"] = true }, { __index = kinds })
    end

    if spec.parallel then
      for i, step in ipairs(steps) do
        if ctx:sent(step.kind, anchor.day) == 0 then
          facts.after, facts.due, facts.n = step.after, anchor.day + step.after, i
          facts.key = step.kind .. "|" .. tostring(anchor.day)
          propose(app, ctx, anchor, step, facts)
        end
      end
      return
    end

    -- Touches so far: messages of this sequence's kinds since the start,
    -- then items skipped in their place.
    local n, last = 0, start
    for _, e in ipairs(ctx.timeline) do
      if e.kind == "message-sent" and counted[e.message_kind] and e.day >= start then n, last = n + 1, e.day end
    end
    local function key(i) return ("%s %d|%s"):format(steps[math.min(i, most)].kind, i, tostring(start)) end
    if next(ctx.decisions) ~= nil then
      for i = 1, most do
        local decision = ctx:decision(key(i))
        if decision and decision.status == "skipped" then
          n = n + 1
          if decision.due > last then last = decision.due end
        end
      end
    end
    facts.last, facts.n, facts.sent = last, n + 1, n

    if n >= most then
      local out = spec.exhausted
      if not out then return ctx:exit(("%s finished: %d touches since %s"):format(spec.name, n, start:short())) end
      local reason = out.reason or "{sent} touches since {since} went unanswered"
      local out_cite = out.cite and (out.cite .. ": ") or cite
      return ctx:propose{
        kind = out.kind or "move-on", due = last + (out.after or 7), to = out.to, key = (out.kind or "move-on") .. "|" .. tostring(start),
        channel = out.channel or "task", logs = out.logs,
        reason = out_cite .. (type(reason) == "function" and reason(facts) or fill(reason, facts)),
        draft = out.draft and out.draft{ app = app, candidate = ctx.candidate, sent = n },
      }
    end
    local step = steps[n + 1]
    facts.due, facts.key, facts.after = last + step.after, key(n + 1), step.after
    propose(app, ctx, anchor, step, facts)
  end

  return { name = spec.name, rule = spec.rule or spec.cite, plan = plan, only = spec.only, except = spec.except,
           sequence = spec }
end
