-- cadence.simulate: what your policies would do for one application over the
-- coming weeks, if you do every item on the day it is due and the other side
-- behaves as you assume ("no reply", "reply on day 10", "rejection on
-- 2026-03-20"). Nothing is written: the simulated events live in a copy of
-- the timeline. This is how to see a script's behaviour before trusting it.

local cadence = require "cadence"
local policy = require "cadence.policy"
local calendar = require "cadence.calendar"
local host = require "cadence.host"

local simulate = {}

-- What the other side can do, by the words people use.
local HAPPENINGS = {
  reply = "reply-received", ["reply-received"] = "reply-received", answer = "reply-received",
  call = "follow-up-call", ["follow-up-call"] = "follow-up-call",
  rejection = "rejection", rejected = "rejection", reject = "rejection",
  offer = "offer-received", ["offer-received"] = "offer-received",
  interview = "interview", screen = "screen",
  deadline = "deadline-set", ["next-step"] = "next-step",
}

--- Reads assumptions: "no reply", "reply on day 10", "rejection on 2026-03-20",
--- "interview on day 5". Day numbers count from the start (day 0). Returns a
--- list of { day = Date, kind = event kind, words = the text }, or raises
--- naming the one it cannot read.
function simulate.assumptions(texts, start)
  local found = {}
  for _, text in ipairs(texts or {}) do
    local words = text:lower():gsub("^%s+", ""):gsub("%s+$", "")
    if words ~= "no reply" and words ~= "silence" and words ~= "" then
      local what, when = words:match("^([%a%-]+)%s+on%s+(.+)$")
      local kind = what and HAPPENINGS[what]
      if not kind then
        error(("cannot read the assumption %q: write it as \"reply on day 10\", \"rejection on 2026-03-20\" or \"no reply\" (events: reply, call, interview, offer, rejection)"):format(text), 0)
      end
      local n = when:match("^day%s+(%d+)$")
      local ok, day = pcall(function() return n and start + tonumber(n) or cadence.date(when, start) end)
      if not ok then error(("the assumption %q: cannot read the day %q"):format(text, when), 0) end
      found[#found + 1] = { day = day, kind = kind, words = text }
    end
  end
  table.sort(found, function(a, b) return a.day < b.day end)
  return found
end

--- Runs the simulation. options: from (a date; default today), days (default
--- 56), assume (a list of texts), calendar (settings), candidates.
--- Returns { lines = { { day, who = "you"/"they"/"note", text, reason } }, ended = reasons }.
function simulate.run(app, policies, options)
  options = options or {}
  local from = options.from and cadence.date(options.from) or cadence.today()
  local last_day = from + (options.days or 56)
  local happenings = simulate.assumptions(options.assume, from)
  local timeline = {}
  for _, e in ipairs(app:timeline()) do timeline[#timeline + 1] = e end
  local contacts, offers = app:contacts(), app:offers()
  local candidates = options.candidates
  if not candidates then
    candidates = {}
    for _, c in ipairs(cadence.candidates()) do candidates[c.id] = c end
  end
  local cal = calendar.new(options.calendar)
  local state = { stage = app.stage }
  local sim_app = setmetatable(state, { __index = app })
  -- Simulated events get ids after every real one, so they sort last on their day.
  local done, lines, next_id = {}, {}, 1000000000000

  -- Adds an event on `day`, after the events of that day and before later
  -- ones; the stage follows, by the host's own rules, from what has happened.
  local function add(event)
    next_id = next_id + 1
    event.id = next_id
    local at = #timeline + 1
    for i, e in ipairs(timeline) do
      if e.day > event.day then at = i; break end
    end
    table.insert(timeline, at, event)
    local happened = {}
    for _, e in ipairs(timeline) do if e.day <= event.day then happened[#happened + 1] = e end end
    state.stage = cadence.stage_of(happened)
  end

  local exits
  for offset = 0, last_day - from do
    local today = from + offset
    for _, h in ipairs(happenings) do
      if h.day == today then
        add({ kind = h.kind, day = today, with = {}, due = h.kind == "deadline-set" and today + 7 or nil })
        lines[#lines + 1] = { day = today, who = "they", text = h.kind, reason = "assumed: " .. h.words }
      end
    end
    local decisions = {}
    for key in pairs(done) do decisions[key] = { status = "done", due = today } end
    local items
    items, exits = policy.plan(sim_app, policies, today, {
      timeline = timeline, contacts = contacts, offers = offers, candidates = candidates, calendar = cal,
      decisions = { [app.id] = decisions }, policies = policies,
    })
    table.sort(items, function(a, b) return a.key < b.key end)
    for _, item in ipairs(items) do
      if item.due <= today and not done[item.key] then
        done[item.key] = true
        lines[#lines + 1] = { day = today, who = item.failed and "error" or "you",
                              text = item.kind .. (item.to and (" to " .. item.to) or ""), reason = item.reason,
                              late = item.due < today and item.due or nil }
        local kind, details = policy.done_event(item, today)
        if kind then
          add({ kind = kind, day = today, with = { item.to }, message_kind = details.message_kind, channel = details.channel })
        end
      end
    end
  end
  return { lines = lines, ended = exits or {}, from = from, last = last_day, app = sim_app }
end

--- The simulation as a dated timeline a person reads. The company, role,
--- assumptions and what the policies propose are the user's words: each
--- kept on its line (host.terminal_line), a reason's lines indented under
--- it (host.terminal_lines), so none starts a line of its own.
function simulate.render(result, assumptions)
  local one = host.terminal_line
  local out = { one(("%s: %s, from %s to %s, assuming %s"):format(result.app.company, result.app.role,
    result.from:short(), result.last:short(),
    (assumptions and #assumptions > 0) and table.concat(assumptions, ", ") or "no reply")) }
  if #result.lines == 0 then out[#out + 1] = "  nothing would happen" end
  for _, line in ipairs(result.lines) do
    out[#out + 1] = ("  %-10s  %-5s %s%s"):format(line.day:short(), line.who, one(tostring(line.text)),
      line.late and (" (was due " .. line.late:short() .. ")") or "")
    if line.reason then out[#out + 1] = ("  %-10s        %s"):format("", host.terminal_lines(tostring(line.reason), (" "):rep(20))) end
  end
  if #result.ended > 0 then
    out[#out + 1] = "Then:"
    for _, why in ipairs(result.ended) do out[#out + 1] = "  " .. host.terminal_lines(tostring(why), "    ") end
  end
  out[#out + 1] = ("Stage at the end: %s"):format(result.app.stage)
  return table.concat(out, "\n")
end

--- What `cadence simulate` shows, in one call: { text, data = { timeline,
--- ended, stage } }. options: path (the cadence.lua), app (a name), days, assume (texts).
function simulate.report(options)
  local cadence = require "cadence"
  local policy = require "cadence.policy"
  local app = cadence.command_app(options.app)
  -- Your cadence.lua's policies: an installed package plans in its worker, over the
  -- workspace as it is, so a simulation's made-up events do not reach it.
  local policies, settings = policy.load(options.path)
  local result = simulate.run(app, policies, { days = options.days, assume = options.assume, calendar = settings.calendar })
  local data = {}
  for i, line in ipairs(result.lines) do
    data[i] = { day = tostring(line.day), who = line.who, what = line.text, reason = line.reason }
  end
  return { text = simulate.render(result, options.assume), data = { timeline = data, ended = result.ended, stage = result.app.stage } }
end

return simulate
