-- cadence.report.timelines: the open applications over the weeks, the one
-- that moved last first: what happened, the meetings booked ahead, and the
-- follow-ups your cadence plans.
--
-- A row is a <details>: its summary names the application and draws its
-- marks; opened, it lists every mark in words (day, what, with whom, and
-- why a follow-up is planned). The marks are a picture for the eye; the
-- list is what a keyboard, a finger, a screen reader and a printer reach.
-- The marks of a row are laid out in lanes so that none covers another,
-- however many fall on the same day. The date axis sticks to the top of the
-- window while the rows scroll under it.

local cadence = require "cadence"
local text = require "cadence.report.text"
local e, u, iso, cut, day = text.e, text.u, text.iso, text.cut, text.day

local timelines = {}

--- How many applications get a row: the rest, quieter, are counted in one line
--- (the board has them all). Twenty rows keep the part within a few screens.
timelines.cap = 20

-- How each kind of event's mark looks (its words are text.event's):
-- a shape (so that colour is never the only difference) and a colour class.
local KINDS = {
  saved = { "square", "m-yours" },
  applied = { "square", "m-yours" },
  screen = { "diamond", "m-meeting" },
  interview = { "diamond", "m-meeting" },
  ["follow-up-call"] = { "diamond", "m-meeting" },
  ["message-sent"] = { "square", "m-yours" },
  ["reply-received"] = { "circle", "m-theirs" },
  ["next-step"] = { "circle", "m-theirs" },
  ["deadline-set"] = { "circle", "m-theirs" },
  ["offer-received"] = { "star", "m-theirs" },
  ["negotiation-round"] = { "star", "m-yours" },
  rejection = { "cross", "m-end" },
  withdrawal = { "cross", "m-end" },
  acceptance = { "star", "m-ok" },
  decline = { "cross", "m-end" },
  ghosted = { "cross", "m-end" },
  note = { "circle", "m-note" },
  correction = { "circle", "m-note" },
}

-- A kind's mark: its shape, its class, and its words (text.event).
local function kind_of(k)
  local mark = KINDS[k] or { "circle", "m-theirs" }
  return { mark[1], mark[2], text.event(k) }
end

---------------------------------------------------------------------------
-- The data
---------------------------------------------------------------------------

-- An event as the part gives it: plain fields, the day as "YYYY-MM-DD".
local function event_of(ev, booked)
  return { day = tostring(ev.day), kind = ev.kind, what = kind_of(ev.kind)[3],
           with = ev.with and #ev.with > 0 and table.concat(ev.with, ", ") or nil,
           message = ev.message_kind, next_step = ev.next_step, due = ev.due and tostring(ev.due) or nil,
           note = ev.notes, booked = booked or nil }
end

-- A follow-up the policies plan, as the part gives it (its draft is the actions' part).
local function planned_of(en)
  return { ref = en.ref, due = en.due, kind = en.kind, action = en.action, to = en.to, by = en.by,
           why = en.why, rule = en.rule, overdue = en.overdue or nil }
end

--- { first, last, rows = { { id, company, role, stage, stage_since, last,
--- events, planned, earlier, later } }, left_out }: the open applications
--- (not over, not ghosted), the one with the latest event up to the day first,
--- at most timelines.cap of them; `left_out` counts the open ones not drawn.
--- Events run from `weeks` before the day to `ahead` days after it (the
--- meetings booked ahead); `earlier`/`later` count those outside.
function timelines.data(ctx)
  local first, last = ctx.today - 7 * ctx.weeks, ctx.today + ctx.ahead
  local closed = cadence.stages.closed
  local planned = {}
  for _, en in ipairs(ctx.entries) do
    planned[en.application] = planned[en.application] or {}
    table.insert(planned[en.application], planned_of(en))
  end
  -- Which open applications moved last: each one's latest event up to the day.
  local open = {}
  for _, app in ipairs(ctx.apps) do
    -- Closed: over, or gone quiet (a reply would revive a ghosted one; until then it is not moving).
    if not closed[app.stage] then
      local happened = ctx.happened[app.id] or {}
      -- A correction sets aside the event it corrects: that one did not happen.
      local set_aside = {}
      for _, ev in ipairs(happened) do if ev.corrects then set_aside[ev.corrects] = true end end
      local latest
      for i = #happened, 1, -1 do  -- in time order: the last not set aside
        if not set_aside[happened[i].id] then latest = happened[i].day; break end
      end
      open[#open + 1] = { app = app, last = latest and tostring(latest) or "", set_aside = set_aside }
    end
  end
  -- The latest first ("YYYY-MM-DD" sorts as days do); a tie in the order of the workspace.
  table.sort(open, function(a, b)
    if a.last ~= b.last then return a.last > b.last end
    return a.app.id < b.app.id
  end)
  local rows = {}
  for i = 1, math.min(#open, timelines.cap) do
    local app, set_aside = open[i].app, open[i].set_aside
    local row = { id = app.id, company = app.company, role = app.role, stage = app.stage,
                  stage_since = app.stage_since and tostring(app.stage_since) or nil, last = open[i].last ~= "" and open[i].last or nil,
                  events = {}, planned = planned[app.id] or {}, earlier = 0, later = 0 }
    for _, list in ipairs{ { ctx.happened[app.id] or {}, false }, { ctx.booked[app.id] or {}, true } } do
      for _, ev in ipairs(list[1]) do
        if not set_aside[ev.id] then
          if ev.day < first then row.earlier = row.earlier + 1
          elseif ev.day > last then row.later = row.later + 1
          else row.events[#row.events + 1] = event_of(ev, list[2]) end
        end
      end
    end
    rows[i] = row
  end
  return { first = tostring(first), last = tostring(last), rows = rows, left_out = #open - #rows }
end

---------------------------------------------------------------------------
-- The drawing
---------------------------------------------------------------------------

-- The geometry of a row, in SVG units (one unit a CSS pixel where the chart
-- is not scaled): a day is DAY wide; a mark fits in a 12-unit square, so
-- marks GAP apart in x, or in lanes LANE apart in y, never touch.
local DAY, PAD, GAP, LANE, TOP = 10, 8, 14, 14, 4

local function width_of(span) return 2 * PAD + (span + 1) * DAY end

-- A mark centred at (x, y): its shape says what it is, besides its colour.
-- `title` (escaped already) is what a mouse's hover shows.
local function mark(shape, class, x, y, title)
  local t, c = "<title>" .. title .. "</title>", "mark " .. class
  if shape == "square" then
    return ('<rect class="%s" x="%g" y="%g" width="9" height="9">%s</rect>'):format(c, x - 4.5, y - 4.5, t)
  elseif shape == "diamond" then
    return ('<path class="%s" d="M%g %gl5.5 5.5l-5.5 5.5l-5.5 -5.5z">%s</path>'):format(c, x, y - 5.5, t)
  elseif shape == "star" then
    local points = {}
    for i = 0, 9 do
      local r, a = (i % 2 == 0) and 6 or 2.6, math.pi * (i / 5 - 0.5)
      points[#points + 1] = ("%.2f,%.2f"):format(x + r * math.cos(a), y + 0.6 + r * math.sin(a))
    end
    return ('<polygon class="%s" points="%s">%s</polygon>'):format(c, table.concat(points, " "), t)
  elseif shape == "cross" then
    return ('<path class="%s" d="M%g %gl1.5 -1.5l3.5 3.5l3.5 -3.5l1.5 1.5l-3.5 3.5l3.5 3.5l-1.5 1.5l-3.5 -3.5l-3.5 3.5l-1.5 -1.5l3.5 -3.5z">%s</path>')
      :format(c, x - 5, y - 3.5, t)
  elseif shape == "booked" then
    return ('<path class="%s" d="M%g %gl5 5l-5 5l-5 -5z">%s</path>'):format(c, x, y - 5, t)
  end
  return ('<circle class="%s" cx="%g" cy="%g" r="%g">%s</circle>'):format(c, x, y, shape == "planned" and 4.5 or 5, t)
end

-- Gives each mark a lane: the first whose last mark is at least GAP to its
-- left. Marks are sorted by x (then in the order given); returns how many lanes.
local function spread(marks)
  for i, m in ipairs(marks) do m.order = i end
  table.sort(marks, function(a, b) if a.x ~= b.x then return a.x < b.x end return a.order < b.order end)
  local ends = {}
  for _, m in ipairs(marks) do
    local lane = 1
    while ends[lane] and m.x - ends[lane] < GAP do lane = lane + 1 end
    ends[lane], m.lane = m.x, lane
  end
  return math.max(1, #ends)
end

-- What an event was, in words: "Interview with Helen Jones", and what it said.
-- `title`: for a <title> (FSI…PDI isolates); else HTML (<bdi>).
local function said(ev, title)
  local user = title and iso or u
  local words = { e(ev.what) }
  if ev.with then words[#words + 1] = (ev.kind == "message-sent" and " to " or " with ") .. user(cut(ev.with, 80)) end
  if ev.message then words[#words + 1] = " (" .. e(text.action(ev.message):lower()) .. ")" end
  if ev.next_step then words[#words + 1] = ": “" .. user(cut(ev.next_step, 120)) .. "”" end
  if ev.due then words[#words + 1] = ", by " .. e(day(ev.due)) end
  if ev.note then words[#words + 1] = (title and ". " or " — ") .. user(cut(ev.note, title and 120 or 300)) end
  if ev.booked then words[#words + 1] = " (booked)" end
  return table.concat(words)
end

-- A planned follow-up in words: "Thank them for the interview, to Helen Jones, by email".
local function planned_said(pl, title)
  local user = title and iso or u
  local words = { e(pl.action) }
  if pl.to then words[#words + 1] = ", to " .. user(cut(pl.to, 80)) end
  if pl.by then words[#words + 1] = ", " .. e(pl.by) end
  if pl.overdue then words[#words + 1] = title and " (overdue)" or ' <span class="pill overdue">overdue</span>' end
  return table.concat(words)
end

-- The row's marks: an SVG the list below it says in words (hidden from screen readers).
local function marks_svg(row, x, width, today_x)
  local marks = {}
  for _, ev in ipairs(row.events) do
    local k = kind_of(ev.kind)
    marks[#marks + 1] = { x = x(ev.day), shape = ev.booked and "booked" or k[1], class = ev.booked and "m-booked" or k[2],
                          title = e(day(ev.day)) .. ": " .. said(ev, true) }
  end
  for _, pl in ipairs(row.planned) do
    marks[#marks + 1] = { x = x(pl.due), shape = "planned", class = "m-plan",
                          title = e(day(pl.due)) .. ", planned: " .. planned_said(pl, true) .. (pl.why and (". Why: " .. iso(cut(pl.why, 200))) or "") }
  end
  local lanes = spread(marks)
  local height = 2 * TOP + lanes * LANE
  local out = { ('<svg class="tl-marks" viewBox="0 0 %d %d" aria-hidden="true" focusable="false">'):format(width, height),
                ('<line class="today" x1="%g" y1="0" x2="%g" y2="%d"/>'):format(today_x, today_x, height) }
  for _, m in ipairs(marks) do
    out[#out + 1] = mark(m.shape, m.class, m.x, TOP + (m.lane - 0.5) * LANE, m.title)
  end
  out[#out + 1] = "</svg>"
  return table.concat(out)
end

-- The axis: a tick each week, on the report's weekday ("30 Nov"), the
-- report's day itself said in full ("Mon 7 Dec") and marked.
local function axis_svg(first, span, x, as_of)
  local width = width_of(span)
  local out = { ('<svg class="tl-scale" viewBox="0 0 %d 24" aria-hidden="true" focusable="false">'):format(width) }
  for w = 0, span // 7 do
    local d = tostring(first + 7 * w)
    local px, today = x(d), d == as_of
    -- A tick has room for its day and month only ("4 Jan", even in the next year: the caption gives both ends' years).
    local label = today and day(d) or cadence.date(d):short():gsub("^%S+ ", "")
    local anchor = w == 0 and "start" or w == span // 7 and "end" or "middle"
    local at = anchor == "start" and px - DAY / 2 or anchor == "end" and px + DAY / 2 or px
    out[#out + 1] = ('<line class="%s" x1="%g" y1="17" x2="%g" y2="24"/><text x="%g" y="12" text-anchor="%s"%s>%s</text>')
      :format(today and "today" or "tick", px, px, at, anchor, today and ' class="today"' or "", e(label))
  end
  out[#out + 1] = "</svg>"
  return table.concat(out)
end

-- The row's events and plans in words: what the marks show, for everyone.
local function row_list(row, add)
  add('<div class="tl-list">')
  local head = { u(cut(row.company, 200)), row.role and (" — " .. u(cut(row.role, 200))) or "", ": ", e(text.stage(row.stage)) }
  if row.stage_since then head[#head + 1] = " since " .. e(day(row.stage_since)) end
  add('<p class="tl-full">' .. table.concat(head) .. ".</p>")
  if row.earlier > 0 then add('<p class="muted">' .. e(text.count(row.earlier, "earlier event")) .. ", not drawn.</p>") end
  if #row.events > 0 then
    add('<ol class="tl-events">')
    for _, ev in ipairs(row.events) do
      add(('<li%s><time datetime="%s">%s</time> %s</li>'):format(ev.booked and ' class="booked"' or "", e(ev.day), e(day(ev.day)), said(ev)))
    end
    add("</ol>")
  end
  if row.later > 0 then add('<p class="muted">' .. e(text.count(row.later, "more meeting")) .. " booked later.</p>") end
  if #row.planned > 0 then
    add('<p class="tl-h">Planned by your cadence</p>\n<ul class="tl-planned">')
    for _, pl in ipairs(row.planned) do
      add(('<li><time datetime="%s">%s</time> %s%s</li>'):format(e(pl.due), e(day(pl.due)), planned_said(pl),
        pl.why and ('<br><span class="tl-why">Why: ' .. u(cut(pl.why, 280)) .. (pl.rule and (' <span class="muted">(' .. e(pl.rule) .. ")</span>") or "") .. "</span>") or ""))
    end
    add("</ul>")
  end
  add("</div>")
end

-- A mark for the legend: the same shapes and colours, in a small SVG of its own.
local function sample(shape, class)
  return '<svg class="tl-sample" viewBox="-7 -7 14 14" aria-hidden="true" focusable="false">' .. mark(shape, class, 0, 0, ""):gsub("<title></title>", "") .. "</svg>"
end

local LEGEND = {
  { "circle", "m-theirs", "from their side" }, { "square", "m-yours", "you applied or wrote" }, { "diamond", "m-meeting", "a meeting" },
  { "booked", "m-booked", "a meeting booked ahead" }, { "star", "m-theirs", "an offer" }, { "cross", "m-end", "an end" }, { "circle", "m-note", "a note" },
  { "planned", "m-plan", "a follow-up your cadence plans" },
}

function timelines.html(data, page)
  local add, p = page.add, page.p
  local rows = data.timelines
  add('<h2 id="' .. p .. 'timelines">Timelines</h2>')
  if #rows == 0 then
    add('<p class="empty">No open applications to draw: the board lists the closed ones.</p>')
    return
  end
  local first = cadence.date(data.first)
  local span = cadence.date(data.last) - first
  -- A day's x; a follow-up overdue since before the first day is drawn at it.
  local function x(d) return PAD + DAY / 2 + DAY * math.max(0, math.min(span, cadence.date(d) - first)) end
  local width = width_of(span)
  local items = {}
  for _, l in ipairs(LEGEND) do items[#items + 1] = "<li>" .. sample(l[1], l[2]) .. " " .. e(l[3]) .. "</li>" end
  add(('<p class="muted">The open applications, the one that moved last first, from %s to %s.<span class="tl-open"> Open a row for what happened, with whom, and why each follow-up is planned.</span></p>')
    :format(e(day(data.first)), e(day(data.last))))
  add('<ul class="tl-legend" aria-label="What the marks are">' .. table.concat(items) .. "</ul>")
  add(('<div class="tl" style="--tl-width: %dpx">'):format(width))
  add('<div class="tl-axis"><span class="tl-corner muted">Weeks</span>' .. axis_svg(first, span, x, data.as_of) .. "</div>")
  for _, row in ipairs(rows) do
    add(('<details class="tl-row" id="%stl-%d">'):format(p, row.id))
    local sub = e(text.stage(row.stage)) .. (row.role and (" · " .. u(cut(row.role, 40))) or "")
    local count = text.count(#row.events, "event") .. ", " .. text.count(#row.planned, "follow-up") .. " planned"
    add(('<summary><span class="tl-label"><span class="tl-name">%s</span><span class="tl-sub muted">%s</span><span class="tl-sr">: %s</span></span>%s</summary>')
      :format(u(cut(row.company, 40)), sub, e(count), marks_svg(row, x, width, x(data.as_of))))
    row_list(row, add)
    add("</details>")
  end
  add("</div>")
  local left = data.timelines_left_out
  if left > 0 then
    add(('<p class="more">%d more open %s, quieter, %s not drawn: <a href="#%spipeline">the board</a> has them all.</p>')
      :format(left, left == 1 and "application" or "applications", left == 1 and "is" or "are", p))
  end
end

-- On a window too narrow for the weeks, the chart scrolls sideways inside its
-- box: it starts with the report's day in view, the recent weeks to its left.
timelines.script = [[
(function () {
  var charts = document.querySelectorAll(".tl");
  for (var i = 0; i < charts.length; i++) {
    var chart = charts[i], today = chart.querySelector(".tl-scale line.today"), corner = chart.querySelector(".tl-corner");
    if (!today || !corner || chart.scrollWidth <= chart.clientWidth) continue;
    var label = corner.getBoundingClientRect().width, box = chart.getBoundingClientRect();
    var x = today.getBoundingClientRect().left - box.left + chart.scrollLeft;
    chart.scrollLeft = Math.max(0, x - label - (chart.clientWidth - label) * 0.7);
  }
})();
]]

-- The part's own rules, in the page's variables (cadence.report.style). The
-- label column and the marks share one grid, so that the axis and every row
-- line up. A wide window fits the weeks in (the drawing scales, marks and all,
-- so none comes to cover another); on a narrow one the chart keeps its size and
-- scrolls inside its own box, its axis at the box's top and its labels at its
-- left, and the opened lists stay the window's width. Printed, it fits the page.
timelines.css = [[
.tl-legend { list-style: none; padding: 0; margin: .25rem 0 .5rem; display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: var(--step--1); }
.tl-legend li { display: inline-flex; align-items: center; gap: .3rem; }
.tl-sample { width: 14px; height: 14px; flex: none; }
.tl { --tl-label: 13rem; }
.tl-axis, .tl-row > summary { display: grid; grid-template-columns: var(--tl-label) minmax(0, 1fr); align-items: center; }
.tl-axis { position: sticky; top: 0; z-index: 2; background: var(--bg); border-bottom: 1px solid var(--line); }
.tl-corner { font-size: var(--step--1); padding-left: .25rem; }
.tl svg { display: block; width: 100%; height: auto; overflow: visible; }
.tl-scale text { fill: var(--muted); font-size: 11px; } .tl-scale text.today { fill: var(--fg); font-weight: bold; }
.tl-scale .tick { stroke: var(--line); } .tl line.today { stroke: var(--end); stroke-dasharray: 3 3; }
.tl-row { border-bottom: 1px solid var(--line); }
.tl-row > summary { list-style: none; cursor: pointer; padding: .15rem 0; }
.tl-row > summary::-webkit-details-marker { display: none; }
.tl-row > summary:focus-visible { outline: 2px solid var(--accent); outline-offset: -2px; }
.tl-label { display: grid; grid-template-columns: 1rem minmax(0, 1fr); align-content: center; min-width: 0; padding: 0 .5rem 0 .2rem; position: relative; background: var(--bg); }
.tl-label::before { content: "▸"; grid-row: 1; grid-column: 1; color: var(--muted); }
.tl-name, .tl-sub { grid-column: 2; }
.tl-row[open] > summary .tl-label::before { content: "▾"; }
.tl-name, .tl-sub { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.tl-sub { font-size: var(--step--1); }
.tl-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.tl-list { padding: .25rem .5rem .75rem 1.1rem; max-width: 48rem; }
.tl-list p { margin: .25rem 0; } .tl-list ol, .tl-list ul { margin: .25rem 0; padding-left: 1.25rem; }
.tl-list time { font-variant-numeric: tabular-nums; font-weight: 600; margin-right: .25rem; }
.tl-h { font-weight: 600; } .tl-why { color: var(--muted); }
.m-theirs { fill: var(--theirs); } .m-yours { fill: var(--yours); } .m-meeting { fill: var(--meeting); }
.m-end { fill: var(--end); } .m-note { fill: var(--muted); } .m-ok { fill: var(--ok); }
.m-booked { fill: var(--bg); stroke: var(--meeting); stroke-width: 1.5; stroke-dasharray: 2 1.5; }
.m-plan { fill: none; stroke: var(--plan); stroke-width: 2; stroke-dasharray: 2 2; }
@media (max-width: 70rem) {
  .tl { --tl-label: 9.5rem; overflow: auto; max-height: 85vh; overscroll-behavior-x: contain; border: 1px solid var(--line); }
  .tl-axis, .tl-row > summary { grid-template-columns: var(--tl-label) minmax(var(--tl-width), 1fr); }
  .tl-axis, .tl-row { width: calc(var(--tl-label) + var(--tl-width)); min-width: 100%; }
  .tl-label, .tl-corner { position: sticky; left: 0; z-index: 1; align-self: stretch; }
  .tl-corner { background: var(--bg); display: flex; flex-direction: column; justify-content: center; }
  .tl-list { position: sticky; left: 0; width: min(48rem, calc(100vw - 2rem)); }
}
@media print {
  .tl { overflow: visible; max-height: none; border: 0; --tl-label: 10rem; }
  .tl-axis, .tl-row > summary { grid-template-columns: var(--tl-label) minmax(0, 1fr); }
  .tl-axis, .tl-row { width: auto; min-width: 0; }
  .tl-axis, .tl-label, .tl-corner, .tl-list { position: static; width: auto; }
  .tl-row { break-inside: avoid; }
  .tl-open { display: none; }  /* printed, every row is open */
  .tl-legend, .tl-axis, .tl + p, h2 + p.muted { break-after: avoid; }
}
]]

return timelines
