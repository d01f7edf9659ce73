-- cadence.report: the search on one page. `cadence report` writes it; a
-- script can too, for each of a coach's clients:
--
--   local report = require "cadence.report"
--   local page = report.html{ candidate = "Alex Morgan" }
--   local file = assert(io.open("alex.html", "w")); file:write(page); file:close()
--
-- report.data gives the same as plain data (what `cadence report --json` prints).
-- The page is one file with its styles, script and drawings inside: it opens
-- from disk, with no network. It reads top down as a person acts: what to do
-- (overdue, today, then the week), the board, the timelines, the offers, and
-- how the search converts. A coach's page starts with a triage table, a row
-- per client, then each client's page.
--
-- The parts, one file each under cadence/report/, share one shape: part.data(ctx)
-- makes plain data from the context this file gathers once (one read of the
-- log, one run of the policies), and part.html(data, page) adds the part's
-- HTML through page.add. Every user text goes through cadence.report.text.

local cadence = require "cadence"
local host = require "cadence.host"
local policy = require "cadence.policy"
local negotiation = require "cadence.negotiation"
local text = require "cadence.report.text"
local style = require "cadence.report.style"
local actions = require "cadence.report.actions"
local board = require "cadence.report.board"
local funnel = require "cadence.report.funnel"
local timelines = require "cadence.report.timelines"
local offers = require "cadence.report.offers"
local coach = require "cadence.report.coach"

local report = {}

-- The parts, in the order they bring their styles and scripts.
local PARTS = { actions, board, timelines, offers, funnel, coach }

report.escape, report.cut = text.escape, text.cut

-- How each channel is said (the host's Channel).
local CHANNELS = cadence.channels()

-- The kinds of event that may be logged before their day (an interview booked for next week).
local BOOKABLE = host.bookable_kinds()

-- How far ahead the page reads the agenda (its actions, cards and timelines), in days,
-- whatever "This week" shows: a card's next action may be three weeks off.
local AHEAD = 28

---------------------------------------------------------------------------
-- The context: the workspace read once for the whole page
---------------------------------------------------------------------------

local function find_candidate(name)
  local names = {}
  for _, c in ipairs(cadence.candidates()) do
    if c.name:lower() == tostring(name):lower() or tostring(c.id) == tostring(name) then return c end
    names[#names + 1] = c.name
  end
  local near = cadence.nearest(tostring(name), names)
  error(("no candidate named '%s'%s"):format(tostring(name), near and (" (did you mean '%s'?)"):format(near) or ""), 0)
end

-- An agenda item as the page and --json give it.
local function entry_of(item)
  local why, rule = text.reason(item.reason)
  return { ref = item.ref, application = item.app.id, candidate_id = item.app.candidate_id, company = item.app.company,
           role = item.app.role, kind = item.kind, action = text.action(item.kind),
           to = item.to or (item.missing_role and ("the " .. item.missing_role:gsub("%-", " ") .. " (none on file)")),
           due = tostring(item.due), at = item.at, overdue = item.overdue, reason = item.reason, why = why, rule = rule,
           draft = item.draft, words = item.words, notes = item.notes, policy = item.policy, source = item.source,
           -- How it goes, in words ("by email"); a task goes nowhere.
           by = item.channel ~= "task" and CHANNELS[item.channel] and CHANNELS[item.channel].said or nil }
end

-- The search as it was on `today`: each timeline without the events after
-- it, but for meetings booked ahead (an event of any other kind cannot be
-- logged before its day, so on today's report this leaves out nothing).
local function as_it_was(search, today)
  for id, timeline in pairs(search.timelines) do
    local kept = setmetatable({}, getmetatable(timeline))
    for _, ev in ipairs(timeline) do
      if ev.day <= today or BOOKABLE[ev.kind] then kept[#kept + 1] = ev end
    end
    search.timelines[id] = kept
  end
  return search
end

--- Everything the page reads, read once: { today, days, weeks, search,
--- entries (agenda items `ahead` days ahead, as entries), failures, offers
--- (every application's offers, by application id),
--- candidates }. options: as for report.data.
function report.gather(options)
  options = options or {}
  local today = options.as_of and cadence.date(options.as_of) or cadence.today()
  local days = options.days or 7
  text.for_day(today)
  -- The page reaches `weeks` back (the timelines) and four weeks or `days` ahead (the agenda): both ends must be days Cadence keeps.
  local weeks = options.weeks or 8
  local ahead = math.max(days, AHEAD)
  if not pcall(function() return today - 7 * weeks, today + ahead end) then
    error(("a report of %s reaches %d weeks before it and %d days after it, past the years Cadence keeps (1900 to 2200):"
      .. " choose a day inside them, or fewer --days"):format(tostring(today), weeks, ahead), 0)
  end
  local whole = { today = today, days = days, weeks = weeks, horizon = today + days, ahead = ahead,
                  search = as_it_was(cadence.search(), today), candidates = cadence.candidates(), offers = cadence.all_offers(),
                  entries = {} }
  if options.candidate then whole.person = find_candidate(options.candidate) end
  -- The policies plan from the same search: on a day gone by, a rejection that came later plans no thank-you yet.
  local items, _, _, failures = policy.run{ days = ahead, as_of = tostring(today), search = whole.search }
  for _, item in ipairs(items) do whole.entries[#whole.entries + 1] = entry_of(item) end
  whole.failures = failures
  return whole
end

-- An application's offers as they stood on `today`: the latest round of each
-- that had come by then (an offer records the day it came; one recorded
-- before that field counts once an offer-received or negotiation-round event
-- had happened).
local function offers_then(list, happened, today)
  local any = false
  for _, ev in ipairs(happened) do
    if ev.kind == "offer-received" or ev.kind == "negotiation-round" then any = true end
  end
  local came = {}
  for _, o in ipairs(list) do
    if (o.came and o.came <= today) or (not o.came and any) then came[#came + 1] = o end
  end
  return negotiation.current(came)
end

-- An offer still to answer. Its status is today's: the workspace keeps no
-- history of it, so an offer answered after an --as-of day shows as answered.
local function live(o) return o.status == "received" or o.status == "negotiating" end

--- One search's context out of `whole`: `person`'s (nil: everyone's). Its
--- applications are those that existed by the day (one event on or before
--- it), each in the stage it had then; `happened[id]` their events up to the
--- day, `booked[id]` the meetings booked after it. A later event of any other
--- kind had not happened yet, so the page shows the search as it was.
--- `offers[id]` the latest round of each offer come by the day, `live[id]`
--- those still to answer: the one reading of offers the parts share.
function report.slice(whole, person)
  local ctx = { today = whole.today, days = whole.days, weeks = whole.weeks, horizon = whole.horizon, ahead = whole.ahead, person = person,
                apps = {}, happened = {}, booked = {}, entries = {}, candidates = whole.candidates, offers = {}, live = {} }
  local wanted = {}
  for _, app in ipairs(whole.search.apps) do
    if not person or app.candidate_id == person.id then
      local happened, booked = {}, {}
      for _, ev in ipairs(whole.search.timelines[app.id] or {}) do
        if ev.day <= whole.today then happened[#happened + 1] = ev else booked[#booked + 1] = ev end
      end
      if #happened == 0 then ctx.made_later = (ctx.made_later or 0) + 1 end
      if #happened > 0 then
        ctx.apps[#ctx.apps + 1] = app
        ctx.happened[app.id], ctx.booked[app.id], wanted[app.id] = happened, booked, true
        local standing, open = offers_then(whole.offers[app.id] or {}, happened, whole.today), {}
        for _, o in ipairs(standing) do if live(o) then open[#open + 1] = o end end
        ctx.offers[app.id], ctx.live[app.id] = standing, open
      end
    end
  end
  for _, en in ipairs(whole.entries) do
    if wanted[en.application] then ctx.entries[#ctx.entries + 1] = en end
  end
  -- Offers: valued and compared when the workspace's negotiation settings allow, else as recorded.
  local ok, comparison = pcall(negotiation.comparison_report, person and person.id or nil)
  if ok then
    ctx.comparison, ctx.unvalued = comparison.data, comparison.unvalued
  else
    local why = tostring(comparison)
    ctx.comparison, ctx.offers_note = {}, why:find("no offer to compare", 1, true) and "No offers yet (received or negotiating)." or why
  end
  return ctx
end

-- One search's data: each part's, and the agenda's week as a flat list.
local function search_data(ctx)
  local week = {}
  for _, en in ipairs(ctx.entries) do
    if cadence.date(en.due) <= ctx.horizon then week[#week + 1] = en end
  end
  local columns, closed = board.data(ctx)
  local conversion, dwell = funnel.data(ctx)
  local drawn = timelines.data(ctx)
  return { as_of = tostring(ctx.today), candidate = ctx.person and ctx.person.name or nil, ahead = ctx.ahead,
           applications = #ctx.apps, made_later = ctx.made_later, actions = actions.data(ctx), week = week,
           pipeline = { columns = columns, closed = closed, conversion = conversion, dwell = dwell },
           timelines = drawn.rows, first = drawn.first, last = drawn.last, timelines_left_out = drawn.left_out,
           offers = offers.data(ctx) }
end

---------------------------------------------------------------------------
-- The data
---------------------------------------------------------------------------

--- The report as plain data. For one search (one candidate's, or a
--- workspace with one): { as_of, candidate, applications, actions, week,
--- pipeline = { columns, closed, conversion, dwell }, timelines, first,
--- last, offers, candidates, problems }. For a coach's workspace (several
--- candidates, none chosen): { as_of, candidates (the triage, a row each),
--- clients (each one's search data, as above), problems }.
--- options: as_of, candidate (a name or id), days (the agenda's horizon, 7),
--- weeks (how far back timelines reach, 8).
function report.data(options)
  local whole = report.gather(options)
  local problems = policy.failure_lines(whole.failures)
  local person = whole.person or (#whole.candidates == 1 and whole.candidates[1] or nil)
  if person or #whole.candidates == 0 then
    local ctx = report.slice(whole, person)
    local data = search_data(ctx)
    data.candidates, data.problems = coach.data(whole, { ctx }), problems
    return data
  end
  local slices, clients = {}, {}
  for _, c in ipairs(whole.candidates) do
    slices[#slices + 1] = report.slice(whole, c)
    clients[#clients + 1] = search_data(slices[#slices])
    clients[#clients].id = c.id
  end
  return { as_of = tostring(whole.today), candidates = coach.data(whole, slices), clients = clients, problems = problems }
end

---------------------------------------------------------------------------
-- The page
---------------------------------------------------------------------------

-- One search's parts, ids prefixed with `p` so that a coach's page can hold one set per client.
local function body(data, add, p)
  local page = { add = add, p = p, as_of = data.as_of, candidate = data.candidate, ahead = data.ahead }
  if data.applications == 0 and (data.made_later or 0) > 0 then
    -- The workspace has a search, all of it after the page's day.
    add(('<p class="empty">Nothing yet on %s: the %s in this workspace came later. Make the page for a later day'
      .. " (<code>--as-of</code>), or for today.</p>"):format(text.e(text.day(data.as_of) .. " " .. text.year(data.as_of)),
      text.e(text.count(data.made_later, "application"))))
  elseif data.applications == 0 then
    add(style.welcome())
  end
  actions.html(data.actions, page)
  board.html(data.pipeline, page)
  timelines.html(data, page)
  offers.html(data.offers, page)
  funnel.html(data.pipeline, page)
end

--- What `cadence report` makes: { html } (the page), or { data } with
--- options.json. options: as for report.data.
function report.made(options)
  if options.json then return { data = report.data(options) } end
  return { html = report.html(options) }
end

--- The report as one self-contained HTML page (options: as for report.data).
--- With several candidates and none chosen, a triage table, then each one's page.
function report.html(options)
  local data = report.data(options)
  local out = {}
  local function add(s) out[#out + 1] = s end
  -- The title as text (the window's) and as HTML (the heading), a candidate's name isolated on its own:
  -- a right-to-left name cannot carry "'s job search" along with it.
  local title = data.candidate and (data.candidate .. "'s job search") or (data.clients and coach.title(data.candidates)) or "Job search"
  local heading = data.candidate and (text.u(data.candidate) .. "&#39;s job search") or text.e(title)
  title = data.candidate and (text.iso(data.candidate) .. "&#39;s job search") or text.e(title)
  local css, scripts = {}, {}
  for _, part in ipairs(PARTS) do css[#css + 1], scripts[#scripts + 1] = part.css, part.script end
  -- An empty page has no parts to lead to.
  -- A coach's page leads to the triage table and to each client; one search's page, to its parts.
  local links
  if data.clients then
    links = { { "overview", "Clients" } }
    for _, row in ipairs(data.candidates) do links[#links + 1] = { "c" .. row.id, text.cut(row.name, 24) } end
  elseif data.applications == 0 then
    links = {}
  end
  style.head(add, title, heading, data.as_of, table.concat(css, "\n"), links)
  for _, line in ipairs(data.problems) do add('<p class="problems">' .. text.u(line) .. "</p>") end
  if data.clients then
    coach.html(data.candidates, { add = add, p = "", as_of = data.as_of })
    -- Each client's page in the triage table's order: the one needing the coach first.
    local by_id = {}
    for _, client in ipairs(data.clients) do by_id[client.id] = client end
    for _, row in ipairs(data.candidates) do
      local client = by_id[row.id]
      coach.client_open(client, row, { add = add, p = "c" .. client.id .. "-", as_of = data.as_of })
      body(client, add, "c" .. client.id .. "-")
      coach.client_close({ add = add })
    end
  else
    body(data, add, "")
  end
  style.foot(add, scripts)
  return table.concat(out, "\n")
end

return report
