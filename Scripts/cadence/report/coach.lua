-- cadence.report.coach: a coach's page. It starts with a triage table, a row
-- per client, the client who needs the coach most first; then each client's
-- own page, folded (<details>) under a summary that repeats their row, so
-- that twenty clients with a hundred applications each stay one screen of
-- summaries to scan. Following a client's link in the table opens their
-- page; printing opens them all.

local cadence = require "cadence"
local text = require "cadence.report.text"
local style = require "cadence.report.style"
local e, u = text.e, text.u

local coach = {}

--- An active application is stalled when nothing passed between the client
--- and the employer, either way, for this many days, and no meeting is booked.
coach.STALLED_DAYS = 14

-- What counts as a word from either side: the kinds of event that move
-- `last_from_them` and `last_by_you` (the host's LogDigest owns the list).
local TOUCHES = require("cadence.host").touch_kinds()

-- Stages an application is under way in: applied up to negotiating. Saved
-- is not yet begun; the closed stages (over, or gone quiet) are not under way.
local function active(stage)
  return stage ~= "saved" and not cadence.stages.closed[stage]
end

-- The last day anything passed either way on an application, as of the day
-- (the events it had by then; `ctx.happened`), or nil.
local function last_touch(events)
  local last
  for _, ev in ipairs(events or {}) do
    if TOUCHES[ev.kind] and (not last or ev.day > last) then last = ev.day end
  end
  return last
end

-- One client's triage row from their context.
local function row_of(ctx)
  local c = ctx.person
  local row = { id = c.id, name = c.name, time_zone = c.time_zone, applications = #ctx.apps, active = 0,
                overdue = 0, due_week = 0, days = ctx.days, week_ends = tostring(ctx.horizon),
                stalled = 0, stalled_apps = {}, offers = {}, stages = {}, by_stage = {}, closed = 0 }
  for _, en in ipairs(ctx.entries) do
    if en.overdue then
      row.overdue = row.overdue + 1
      -- How late the oldest is: a thank-you two weeks late says more than a count.
      row.late = math.max(row.late or 0, ctx.today - cadence.date(en.due))
    elseif cadence.date(en.due) <= ctx.horizon then row.due_week = row.due_week + 1 end
  end
  for _, app in ipairs(ctx.apps) do
    row.stages[app.stage] = (row.stages[app.stage] or 0) + 1
    if active(app.stage) then
      row.active = row.active + 1
      local last = last_touch(ctx.happened[app.id])
      local quiet = last and (ctx.today - last) or nil
      if (quiet == nil or quiet >= coach.STALLED_DAYS) and #(ctx.booked[app.id] or {}) == 0 then
        row.stalled_apps[#row.stalled_apps + 1] = { application = app.id, company = app.company, role = app.role,
          stage = app.stage, last = last and tostring(last), quiet = quiet }
      end
      -- Offers still to answer, each in its latest round, as they stood on the day (ctx.live).
      for _, o in ipairs(ctx.live[app.id] or {}) do
        row.offers[#row.offers + 1] = { application = app.id, offer = o.id, company = app.company, role = app.role,
          status = o.status, respond_by = o.respond_by and tostring(o.respond_by),
          days_left = o.respond_by and (o.respond_by - ctx.today) or nil }
      end
    elseif app.stage ~= "saved" then
      row.closed = row.closed + 1
    end
  end
  row.stalled = #row.stalled_apps
  -- The longest quiet first; never touched (no date) before all.
  table.sort(row.stalled_apps, function(a, b)
    if (a.quiet or math.huge) ~= (b.quiet or math.huge) then return (a.quiet or math.huge) > (b.quiet or math.huge) end
    return a.application < b.application
  end)
  -- The soonest date to answer by first; an offer with none last.
  table.sort(row.offers, function(a, b)
    if (a.respond_by or "~") ~= (b.respond_by or "~") then return (a.respond_by or "~") < (b.respond_by or "~") end
    return a.offer < b.offer
  end)
  -- An offer to answer within the page's week (or already past its date) is "soon".
  local first = row.offers[1]
  row.offer_soon = first and first.respond_by and cadence.date(first.respond_by) <= ctx.horizon and first.respond_by or nil
  for _, stage in ipairs(cadence.stages) do
    if row.stages[stage] and active(stage) then
      row.by_stage[#row.by_stage + 1] = { stage = stage, name = text.stage(stage), count = row.stages[stage] }
    end
  end
  return row
end

--- Who needs the coach first: the most overdue actions; then an offer to
--- answer soonest (by the page's horizon); then the most stalled applications;
--- then the most due this week; then by name.
function coach.needs_first(a, b)
  if a.overdue ~= b.overdue then return a.overdue > b.overdue end
  if (a.offer_soon or "~") ~= (b.offer_soon or "~") then return (a.offer_soon or "~") < (b.offer_soon or "~") end
  if a.stalled ~= b.stalled then return a.stalled > b.stalled end
  if (a.late or 0) ~= (b.late or 0) then return (a.late or 0) > (b.late or 0) end
  if a.due_week ~= b.due_week then return a.due_week > b.due_week end
  local an, bn = a.name:lower(), b.name:lower()
  if an ~= bn then return an < bn end
  return a.id < b.id
end

--- The triage: a row per client, the one who needs the coach most first
--- (coach.needs_first). Each row: { id, name, time_zone, applications,
--- active, overdue, late (days the oldest overdue is late), due_week (due by week_ends, not overdue), days,
--- week_ends, stalled, stalled_apps = { application, company, role, stage,
--- last, quiet }, offers = { application, offer, company, role, status,
--- respond_by, days_left } (the soonest first), offer_soon, stages = {
--- stage = count }, by_stage = { stage, name, count } (active stages, in
--- order), closed }. `slices` are the clients' contexts (report.slice).
function coach.data(whole, slices)
  local rows = {}
  for _, ctx in ipairs(slices) do
    if ctx.person then rows[#rows + 1] = row_of(ctx) end
  end
  table.sort(rows, coach.needs_first)
  return rows
end

--- The page's title for a coach's rows.
function coach.title(rows)
  return ("Coach's overview: %s"):format(text.count(#rows, "client"))
end

-- An offer's date to answer by, as a pill: passed, today, within three days, or later (no state).
local function respond_pill(offer)
  if not offer.respond_by then return '<span class="muted">no date to answer by</span>' end
  local kind = text.urgency(offer.days_left)
  return ('<span class="pill%s">%s, %s</span>'):format(kind and (" " .. kind) or "", e(text.day(offer.respond_by)), e(text.from_today(offer.days_left)))
end

-- A count as a table cell: right-aligned; a zero muted.
-- `label` names the column where a phone shows each row as a block.
local function num(n, label, pill)
  if n == 0 then return ('<td class="num muted" data-label="%s">0</td>'):format(label) end
  if pill then return ('<td class="num" data-label="%s"><span class="pill %s">%d</span></td>'):format(label, pill, n) end
  return ('<td class="num" data-label="%s">%d</td>'):format(label, n)
end

-- The overdue count, and how late the oldest one is.
local function overdue_cell(row)
  if row.overdue == 0 then return num(0, "Overdue") end
  return ('<td class="num" data-label="Overdue"><span class="pill overdue">%d</span> <span class="muted late">oldest %s late</span></td>')
    :format(row.overdue, e(text.count(row.late or 0, "day")))
end

-- A client's name is cut in the table and in their page's summary (their
-- page, opened, has it whole).
local NAME_CHARS, SUMMARY_CHARS = 60, 80
-- Offers listed in a row; the rest are "+N more" (the client's page lists all).
local OFFERS_SHOWN = 2
-- Stalled applications named in a client's section.
local STALLED_SHOWN = 8

local function stages_line(row)
  local parts = {}
  for _, s in ipairs(row.by_stage) do parts[#parts + 1] = ("%s %d"):format(e(s.name), s.count) end
  if row.closed > 0 then parts[#parts + 1] = ('<span class="muted">closed %d</span>'):format(row.closed) end
  if #parts == 0 then return '<span class="muted">none yet</span>' end
  return table.concat(parts, " · ")
end

function coach.html(rows, page)
  local add = page.add
  local first = rows[1]
  add('<h2 id="overview">Clients, who needs you first</h2>')
  if first then
    add(('<p class="muted triage-note">Sorted by overdue actions, then the soonest offer to answer by %s, '
      .. 'then stalled applications, then how late the oldest overdue action is, then what is due by then. Stalled: an application under way '
      .. 'with nothing from either side for %d days or more and no meeting booked.</p>'):format(e(text.day(first.week_ends)), coach.STALLED_DAYS))
  end
  local due = (not first or first.days == 7) and "Due this week" or ("Due in " .. text.count(first.days, "day"))
  add('<div class="triage-scroll"><table class="triage"><thead><tr><th scope="col">Client</th><th scope="col" class="num">Overdue</th>'
    .. '<th scope="col" class="num">' .. e(due) .. '</th>'
    .. ('<th scope="col" class="num">Stalled <span class="muted">(%d+ days)</span></th>'):format(coach.STALLED_DAYS)
    .. '<th scope="col">Live offers: answer by</th><th scope="col">Under way, by stage</th></tr></thead><tbody>')
  for _, c in ipairs(rows) do
    local offers = {}
    for i, o in ipairs(c.offers) do
      if i > OFFERS_SHOWN then
        offers[#offers + 1] = ('<span class="more">+%d more</span>'):format(#c.offers - OFFERS_SHOWN)
        break
      end
      offers[#offers + 1] = ("<span>%s %s</span>"):format(u(text.cut(o.company, 40)), respond_pill(o))
    end
    add(('<tr><th scope="row"><a href="#c%d">%s</a></th>%s%s%s<td class="offers" data-label="Offers">%s</td>'
      .. '<td class="stages" data-label="Under way">%s</td></tr>')
      :format(c.id, u(text.cut(c.name, NAME_CHARS)), overdue_cell(c), num(c.due_week, due),
        num(c.stalled, "Stalled", "soon"),
        #offers > 0 and table.concat(offers, "<br>") or '<span class="muted">none</span>', stages_line(c)))
  end
  add("</tbody></table></div>")
end

-- The counts a folded client repeats in their summary.
local function counts_line(row)
  local parts = {}
  if row.overdue > 0 then parts[#parts + 1] = ('<span class="pill overdue">%d overdue</span>'):format(row.overdue) end
  parts[#parts + 1] = ("%d due by %s"):format(row.due_week, e(text.day(row.week_ends)))
  parts[#parts + 1] = ("%d stalled"):format(row.stalled)
  if #row.offers > 0 then
    local o = row.offers[1]
    parts[#parts + 1] = e(text.count(#row.offers, "live offer")) .. (o.respond_by and (", first to answer by " .. e(text.day(o.respond_by))) or "")
  end
  parts[#parts + 1] = ("%s, %d under way"):format(e(text.count(row.applications, "application")), row.active)
  return table.concat(parts, " · ")
end

--- The start of a client's own page, folded under a summary that repeats
--- their triage row (`row`), then their stalled applications.
function coach.client_open(client, row, page)
  local add = page.add
  local name = text.cut(row.name, SUMMARY_CHARS)
  add(('<details class="client" id="c%d">\n<summary><h2 class="client-name">%s</h2> <span class="muted">%s</span>'
    .. '<span class="client-counts">%s</span></summary>'):format(row.id, u(name), e(row.time_zone or ""), counts_line(row)))
  if name ~= row.name then add('<p class="client-whole">' .. u(row.name) .. "</p>") end
  if row.stalled > 0 then
    local shown, rest = {}, {}
    for i, s in ipairs(row.stalled_apps) do
      local list = i <= STALLED_SHOWN and shown or rest
      list[#list + 1] = ("<li>%s, %s: %s (%s)</li>"):format(u(text.cut(s.company, 60)), u(text.cut(s.role, 60)), e(text.stage(s.stage)),
        s.last and ("last word either way " .. e(text.day(s.last)) .. ", " .. e(text.count(s.quiet, "day")) .. " ago") or "nothing logged either way")
    end
    add(('<h3 id="%sstalled">Stalled: nothing either way for %d days or more</h3>\n<ul class="stalled">%s</ul>')
      :format(page.p, coach.STALLED_DAYS, table.concat(shown)))
    if #rest > 0 then
      add(style.more(#rest) .. '<ul class="stalled">' .. table.concat(rest) .. "</ul></details>")
    end
  end
end

function coach.client_close(page)
  page.add('<p class="back"><a href="#overview">Back to the clients</a></p>\n</details>')
end

-- The part's own rules, in the page's variables (cadence.report.style).
coach.css = [[
.triage-scroll { overflow-x: auto; }
table.triage th[scope=row] { font-weight: 600; max-width: 16rem; }
table.triage td.offers span { white-space: nowrap; } table.triage td.offers bdi { white-space: normal; }
table.triage td.stages { font-size: var(--step--1); }
details.client { border-top: 1px solid var(--line); margin: 0; }
details.client > summary { cursor: pointer; padding: .5rem 0; }
details.client > summary h2.client-name { display: inline; font-size: var(--step-1); border: 0; margin: 0 .5rem 0 0; }
details.client > summary .client-counts { display: block; font-size: var(--step--1); }
details.client[open] > summary { border-bottom: 1px solid var(--line); margin-bottom: .5rem; }
details.client[open] { padding-bottom: 1rem; }
ul.stalled { margin: .2rem 0; padding-left: 1.2rem; }
@media (max-width: 600px) {
  table.triage, table.triage tbody { display: block; overflow: visible; }
  table.triage thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.triage tr { display: flex; flex-wrap: wrap; align-items: baseline; gap: .15rem 1rem; padding: .5rem 0; border-bottom: 1px solid var(--line); }
  table.triage th[scope=row] { flex-basis: 100%; max-width: none; }
  table.triage th, table.triage td { display: block; border: 0; padding: 0; }
  table.triage td.offers, table.triage td.stages { flex-basis: 100%; }
  table.triage td::before { content: attr(data-label) " "; color: var(--muted); font-size: var(--step--1); }
}
@media print { .back { display: none; } }
]]

-- Following a client's link (or any link into their page) opens their
-- folded page first, so that the browser scrolls to something shown; so
-- does opening the page at such a link, and going back and forth. (The
-- page's own script opens every <details> for print, the clients too.)
coach.script = [[
(function () {
  function clientOf(hash) {
    if (!hash || hash.length < 2) return null;
    var node = document.getElementById(decodeURIComponent(hash.slice(1)));
    var target = node;
    for (; node; node = node.parentNode) {
      if (node.tagName === "DETAILS" && node.classList.contains("client")) { node.open = true; return target; }
    }
    return null;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href^='#']");
    if (link) clientOf(link.getAttribute("href"));
  });
  window.addEventListener("hashchange", function () { clientOf(location.hash); });
  var target = clientOf(location.hash);
  if (target) target.scrollIntoView();
})();
]]

return coach
