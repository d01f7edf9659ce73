-- cadence.report: the search on one page. `cadence report` writes it; a
-- script can too, for each of a coach's clients:
--
--   local report = require "cadence.report"
--   local page = report.html{ candidate = "Alex Morgan" }
--   local file = assert(io.open("alex.html", "w")); file:write(page); file:close()
--
-- report.data gives the same as plain data (what `cadence report --json` prints).
-- The page is one file with its styles, script and drawings inside: it opens
-- from disk, with no network. Charts are plain SVG, each with a text
-- alternative; shapes and labels, not colour alone, tell marks apart; the
-- page follows the reader's dark mode and prints.

local cadence = require "cadence"
local host = require "cadence.host"
local policy = require "cadence.policy"

local report = {}

-- How each channel is said (the host's Channel).
local CHANNELS = cadence.channels()

-- The stages an application moves through, in order, for the funnel.
local FUNNEL = { "applied", "screening", "interviewing", "final", "offer", "accepted" }
local FUNNEL_RANK = { saved = 0, applied = 1, screening = 2, interviewing = 3, final = 4, offer = 5, negotiating = 5, accepted = 6 }

-- How each kind of event is drawn on a timeline: a shape and a short label.
local MARKS = {
  applied = { "circle", "applied" }, saved = { "circle", "saved" }, screen = { "diamond", "screen" },
  interview = { "diamond", "interview" }, ["follow-up-call"] = { "diamond", "call" },
  ["message-sent"] = { "square", "you wrote" }, ["reply-received"] = { "circle", "they replied" },
  ["next-step"] = { "circle", "next step promised" }, ["deadline-set"] = { "circle", "deadline" },
  ["offer-received"] = { "star", "offer" }, ["negotiation-round"] = { "star", "negotiation" },
  rejection = { "cross", "rejection" }, withdrawal = { "cross", "withdrawn" }, acceptance = { "star", "accepted" },
  decline = { "cross", "declined" }, ghosted = { "cross", "gone quiet" }, note = { "circle", "note" },
  correction = { "circle", "correction" },
}

local function median(list)
  if #list == 0 then return nil end
  table.sort(list)
  return list[(#list + 1) // 2]
end

---------------------------------------------------------------------------
-- The data
---------------------------------------------------------------------------

--- The report as plain data: { as_of, candidate, candidates (the coach's
--- overview), pipeline = { columns, conversion, dwell }, timelines, week,
--- offers }. options: as_of, candidate (a name or id), days (the agenda's
--- horizon, 7), weeks (how far back timelines reach, 8).
function report.data(options)
  options = options or {}
  local today = options.as_of and cadence.date(options.as_of) or cadence.today()
  local days, weeks = options.days or 7, options.weeks or 8
  local person
  if options.candidate then
    for _, c in ipairs(cadence.candidates()) do
      if c.name:lower() == tostring(options.candidate):lower() or tostring(c.id) == tostring(options.candidate) then person = c end
    end
    if not person then error(("no candidate named '%s'"):format(tostring(options.candidate)), 0) end
  end
  local search = cadence.search()
  local apps = {}
  for _, app in ipairs(search.apps) do
    if not person or app.candidate_id == person.id then apps[#apps + 1] = app end
  end

  -- The pipeline: a column per stage, how far applications got, how long they stayed.
  local columns, by_stage = {}, {}
  for _, stage in ipairs(cadence.stages) do
    by_stage[stage] = { stage = stage, apps = {} }
    columns[#columns + 1] = by_stage[stage]
  end
  local reached, dwell, still = {}, {}, {}
  for _, stage in ipairs(FUNNEL) do reached[stage] = 0 end
  for _, app in ipairs(apps) do
    -- How far it got by today: an interview booked for next week is not reached yet, and with
    -- --as-of a day gone by, what happened later did not happen yet.
    local happened = {}
    for _, e in ipairs(search.timelines[app.id] or {}) do if e.day <= today then happened[#happened + 1] = e end end
    local history = host.stage_history(happened)
    local top = 0
    for i, change in ipairs(history) do
      top = math.max(top, FUNNEL_RANK[change.stage] or 0)
      local from = cadence.date(change.day)
      local to = history[i + 1] and cadence.date(history[i + 1].day) or today
      dwell[change.stage] = dwell[change.stage] or {}
      table.insert(dwell[change.stage], math.max(0, to - from))
    end
    for rank, stage in ipairs(FUNNEL) do if top >= rank then reached[stage] = reached[stage] + 1 end end
    -- Still in the stage it reached last (an offer not yet answered): pending, not "did not go on".
    local last = history[#history]
    if last and FUNNEL_RANK[last.stage] then still[last.stage] = (still[last.stage] or 0) + 1 end
    local since = app.stage_since
    table.insert(by_stage[app.stage].apps, { id = app.id, company = app.company, role = app.role,
      since = since and tostring(since), days = since and (today - since) or nil })
  end
  local conversion = {}
  for i = 1, #FUNNEL - 1 do
    local from, to = FUNNEL[i], FUNNEL[i + 1]
    -- The rate is of those that have moved on or stopped: the ones still there are counted apart.
    local pending = still[from] or 0
    local decided = reached[from] - pending
    conversion[i] = { from = from, to = to, reached = reached[from], went_on = reached[to], pending = pending,
                      stopped = decided - reached[to], rate = decided > 0 and reached[to] / decided or nil }
  end
  local dwell_rows = {}
  for _, stage in ipairs(cadence.stages) do
    if dwell[stage] then dwell_rows[#dwell_rows + 1] = { stage = stage, median_days = median(dwell[stage]), count = #dwell[stage] } end
  end

  -- What is due: this week in detail; four weeks ahead on the timelines.
  local items, _, _, failures = policy.run{ days = math.max(days, 28), as_of = tostring(today) }
  local week, planned = {}, {}
  local horizon = today + days
  local wanted = {}
  for _, app in ipairs(apps) do wanted[app.id] = true end
  for _, item in ipairs(items) do
    if wanted[item.app.id] then
      local entry = { ref = item.ref, application = item.app.id, company = item.app.company, kind = item.kind,
                      to = item.to or (item.missing_role and ("the " .. item.missing_role:gsub("%-", " ") .. " (none on file)")),
                      due = tostring(item.due), overdue = item.overdue, reason = item.reason,
                      draft = item.draft, policy = item.policy, source = item.source,
                      -- How it goes, in words ("on LinkedIn"); a task goes nowhere.
                      by = item.channel ~= "task" and CHANNELS[item.channel].said or nil }
      planned[item.app.id] = planned[item.app.id] or {}
      table.insert(planned[item.app.id], entry)
      if item.due <= horizon then week[#week + 1] = entry end
    end
  end

  -- Timelines: each live application over the weeks, what happened and what is planned.
  local timelines, first = {}, today - 7 * weeks
  for _, app in ipairs(apps) do
    local events = {}
    for _, e in ipairs(search.timelines[app.id] or {}) do
      if e.day >= first and e.day <= today + 28 then
        events[#events + 1] = { day = tostring(e.day), kind = e.kind, with = e.with and #e.with > 0 and table.concat(e.with, ", ") or nil,
                                what = e.message_kind, note = e.notes }
      end
    end
    timelines[#timelines + 1] = { id = app.id, company = app.company, role = app.role, stage = app.stage,
                                  events = events, planned = planned[app.id] or {} }
  end

  -- Offers: valued and compared when the workspace's negotiation settings allow, else as recorded.
  local offers
  local ok, comparison = pcall(require("cadence.negotiation").comparison_report, person and person.id or nil)
  if ok then
    offers = { compared = comparison.data }
  else
    local why = tostring(comparison)
    offers = { compared = {}, note = why:find("no offer to compare", 1, true) and "No offers yet (received or negotiating)." or why }
  end

  -- The coach's overview: each candidate's applications by stage, and what is due.
  local candidates = {}
  for _, c in ipairs(cadence.candidates()) do
    if not person or c.id == person.id then
      local counts, due = {}, 0
      for _, app in ipairs(search.apps) do
        if app.candidate_id == c.id then counts[app.stage] = (counts[app.stage] or 0) + 1 end
      end
      for _, item in ipairs(items) do
        if item.app.candidate_id == c.id and item.due <= horizon then due = due + 1 end
      end
      candidates[#candidates + 1] = { id = c.id, name = c.name, stages = counts, due = due }
    end
  end

  return { as_of = tostring(today), candidate = person and person.name or nil, candidates = candidates,
           pipeline = { columns = columns, conversion = conversion, dwell = dwell_rows },
           timelines = timelines, first = tostring(first), last = tostring(today + 28), week = week, offers = offers,
           problems = policy.failure_lines(failures) }
end

---------------------------------------------------------------------------
-- The page
---------------------------------------------------------------------------

local ESCAPES = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;", ["'"] = "&#39;" }

-- What user text may not bring into the page: the scalars the terminal
-- hides (policy.hidden, as UTF-8 patterns). A NEL (U+0085) and the line and
-- paragraph separators U+2028/9 are bidi paragraph separators, which end
-- every isolate around them.
local HIDDEN = policy.hidden

--- `text` safe inside HTML, as text or as an attribute's value. C0
--- controls but tab and line feed, and DEL, are dropped: HTML holds none.
--- So are C1 controls and every bidi control: the page's own isolates
--- (<bdi>, FSI…PDI) give each field its direction, and a control of the
--- text's own, unbalanced or not, could only reorder what is around it
--- (or, in a draft, what "Copy draft" copies). A NEL, U+2028 or U+2029
--- becomes a space: it separated words, and a space keeps them apart.
--- A page is for reading; the workspace keeps the text exact.
function report.escape(text)
  text = tostring(text or ""):gsub("[%z\1-\8\11-\31\127]", ""):gsub("\194\133", " "):gsub(HIDDEN.separators, " ")
  for _, name in ipairs{ "c1", "arabic_mark", "marks", "isolates" } do text = text:gsub(HIDDEN[name], "") end
  return (text:gsub("[&<>\"']", ESCAPES))
end
local e = report.escape

--- User text as an element's content, escaped and isolated (<bdi>; or
--- dir="auto" on the element that holds only it): its own direction stays
--- inside it. Each field a line composes is isolated on its own.
local function u(text) return "<bdi>" .. e(text) .. "</bdi>" end

--- User text for SVG <text> or a <title>, which hold no <bdi>: escaped, and
--- between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE. The isolates are
--- the page's own, added after escaping (which drops the text's).
local function iso(text) return "\u{2068}" .. e(text) .. "\u{2069}" end

-- Scalars that belong to the character before them: combining marks,
-- joiners, variation selectors, skin tones and tags. A cut never falls before one.
local function joins(code)
  return code and ((code >= 0x300 and code <= 0x36F) or code == 0x200D or (code >= 0xFE00 and code <= 0xFE0F)
    or (code >= 0x1F3FB and code <= 0x1F3FF) or (code >= 0xE0020 and code <= 0xE007F)
    or (code >= 0x1AB0 and code <= 0x1AFF) or (code >= 0x20D0 and code <= 0x20FF) or (code >= 0x3099 and code <= 0x309A))
end

--- `text` cut to at most `n` characters, the last an ellipsis "…" when it
--- was longer: counted in UTF-8 code points and never cut inside one, nor
--- between a character and the marks that join it.
function report.cut(text, n)
  text = tostring(text or "")
  if not utf8.len(text) then text = text:gsub("[\128-\255]", "\u{FFFD}") end  -- not UTF-8: each stray byte a replacement
  if utf8.len(text) <= n then return text end
  local at = utf8.offset(text, n)  -- where the ellipsis goes
  while at > 1 do
    local before = utf8.offset(text, -1, at)
    -- A mark joins the character before it; a joiner, the one after it.
    if not (joins(utf8.codepoint(text, at)) or utf8.codepoint(text, before) == 0x200D) then break end
    at = before
  end
  return text:sub(1, at - 1) .. "…"
end
local cut = report.cut

local STYLE = [[
:root { --bg: #ffffff; --fg: #1d2430; --muted: #5b6678; --line: #d5dae3; --card: #f4f6f9;
  --theirs: #1f6fb2; --yours: #2e7d32; --meeting: #8e44ad; --end: #b23b3b; --plan: #b26a00; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #14181f; --fg: #e6e9ef; --muted: #a3acbb; --line: #39414d; --card: #1d232c;
    --theirs: #6cb4f0; --yours: #79c47d; --meeting: #c99ae0; --end: #ef8a8a; --plan: #f0b45a; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem; background: var(--bg); color: var(--fg);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); }
.muted { color: var(--muted); } table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.board { display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: .5rem; }
.column { background: var(--card); border-radius: .4rem; padding: .5rem; min-height: 4rem; }
.column h3 { font-size: .9rem; margin: 0 0 .4rem; display: flex; justify-content: space-between; }
.card { background: var(--bg); border: 1px solid var(--line); border-radius: .3rem; padding: .3rem .4rem; margin-bottom: .3rem; font-size: .85rem; }
.card .role, .card .days { color: var(--muted); display: block; }
.timeline { overflow-x: auto; } .timeline svg { min-width: 720px; }
section.person { margin-top: 3rem; border-top: 3px solid var(--line); } svg text { fill: var(--fg); font-size: 11px; }
svg .axis { stroke: var(--line); } svg .today { stroke: var(--end); stroke-dasharray: 3 3; }
.m-theirs { fill: var(--theirs); } .m-yours { fill: var(--yours); } .m-meeting { fill: var(--meeting); }
.m-end { fill: var(--end); } .m-plan { fill: none; stroke: var(--plan); stroke-width: 2; stroke-dasharray: 2 2; }
.bar { fill: var(--theirs); } .bar2 { fill: var(--yours); }
.day h3 { font-size: 1rem; margin: 1rem 0 .3rem; } .item { border-left: 3px solid var(--plan); padding: .2rem .6rem; margin: .4rem 0; }
.item.overdue { border-left-color: var(--end); } .item .why { color: var(--muted); }
pre.draft { white-space: pre-wrap; background: var(--card); padding: .5rem; border-radius: .3rem; font: inherit; margin: .3rem 0; }
button.copy { font: inherit; font-size: .8rem; cursor: pointer; }
.legend span { margin-right: 1rem; white-space: nowrap; } .problems { color: var(--end); }
@media (max-width: 600px) { table { display: block; overflow-x: auto; } body { padding: .5rem; } }
@media print { button.copy { display: none; } body { max-width: none; } .column { break-inside: avoid; } }
]]

local SCRIPT = [[
document.querySelectorAll("button.copy").forEach(function (button) {
  button.addEventListener("click", function () {
    var text = document.getElementById(button.dataset.copy).textContent;
    var done = function () { button.textContent = "Copied"; setTimeout(function () { button.textContent = "Copy draft"; }, 1500); };
    if (navigator.clipboard) { navigator.clipboard.writeText(text).then(done, function () {}); }
    else { var r = document.createRange(); r.selectNodeContents(document.getElementById(button.dataset.copy));
      var s = window.getSelection(); s.removeAllRanges(); s.addRange(r); document.execCommand("copy"); done(); }
  });
});
]]

-- A mark at (x, y): its shape says what it is, besides its colour.
local function mark(shape, class, x, y, title)  -- title: escaped already
  local t = "<title>" .. title .. "</title>"
  if shape == "square" then
    return ('<rect class="%s" x="%g" y="%g" width="9" height="9">%s</rect>'):format(class, x - 4.5, y - 4.5, t)
  elseif shape == "diamond" then
    return ('<path class="%s" d="M%g %gl5 5l-5 5l-5 -5z">%s</path>'):format(class, x, y - 5, t)
  elseif shape == "star" then
    return ('<path class="%s" d="M%g %gl2 4.5l4.5 .5l-3.5 3l1 4.5l-4 -2.5l-4 2.5l1 -4.5l-3.5 -3l4.5 -.5z">%s</path>'):format(class, x, y - 6, t)
  elseif shape == "cross" then
    return ('<path class="%s" d="M%g %gl3 3l3 -3l2 2l-3 3l3 3l-2 2l-3 -3l-3 3l-2 -2l3 -3l-3 -3z">%s</path>'):format(class, x - 5, y - 5, t)
  elseif shape == "planned" then
    return ('<circle class="m-plan" cx="%g" cy="%g" r="5">%s</circle>'):format(x, y, t)
  end
  return ('<circle class="%s" cx="%g" cy="%g" r="4.5">%s</circle>'):format(class, x, y, t)
end

local CLASS = { ["message-sent"] = "m-yours", interview = "m-meeting", screen = "m-meeting", ["follow-up-call"] = "m-meeting",
                rejection = "m-end", withdrawal = "m-end", decline = "m-end", ghosted = "m-end" }

local function timelines_svg(data, p)
  local first, last = cadence.date(data.first), cadence.date(data.last)
  local span = last - first
  local label_width, width, row = 190, 900, 22
  local plot = width - label_width - 30
  local function x(day) return label_width + plot * ((cadence.date(day) - first) / span) end
  local rows = data.timelines
  local height = 30 + row * #rows
  local out = { ('<svg role="img" aria-labelledby="%stl-title %stl-desc" viewBox="0 0 %d %d" width="100%%" preserveAspectRatio="xMinYMin meet">'):format(p, p, width, height),
                ('<title id="%stl-title">Timelines</title>'):format(p),
                ('<desc id="%stl-desc">One row per application from %s to %s: events that happened (each mark says what on hover) and follow-ups planned (hollow dashed circles, with why). This week and the pipeline give the same facts in text.</desc>'):format(p, data.first, data.last) }
  for w = 0, span // 7 do
    local day = first + 7 * w
    local px = x(tostring(day))
    local label = day:short():gsub("^%a+ ", "")  -- "8 Oct": a week's mark needs no weekday
    out[#out + 1] = ('<line class="axis" x1="%g" y1="18" x2="%g" y2="%d"/><text x="%g" y="12" text-anchor="middle">%s</text>'):format(px, px, height, px, e(label))
  end
  local today_x = x(data.as_of)
  out[#out + 1] = ('<line class="today" x1="%g" y1="14" x2="%g" y2="%d"><title>today, %s</title></line>'):format(today_x, today_x, height, e(data.as_of))
  for i, t in ipairs(rows) do
    local y = 18 + row * i - row / 2 + 4
    out[#out + 1] = ('<text x="4" y="%g">%s</text>'):format(y + 4, iso(cut(t.company, math.max(8, 31 - #t.stage))) .. " · " .. e(t.stage))
    for _, ev in ipairs(t.events) do
      local m = MARKS[ev.kind] or { "circle", ev.kind }
      local title = ("%s: %s%s%s"):format(e(ev.day), e(m[2]), ev.with and (" with " .. iso(ev.with)) or "", ev.what and (" (" .. iso(ev.what) .. ")") or "")
      out[#out + 1] = mark(m[1], CLASS[ev.kind] or "m-theirs", x(ev.day), y, title)
    end
    for _, p in ipairs(t.planned) do
      out[#out + 1] = mark("planned", nil, x(p.due), y, ("planned %s: %s%s. Why: %s"):format(e(p.due), iso(p.kind), p.to and (" to " .. iso(p.to)) or "", iso(p.reason or "")))
    end
  end
  out[#out + 1] = "</svg>"
  return table.concat(out, "\n")
end

local function bars_svg(entries, p)
  local width, row, label = 700, 34, 170
  local best = 0
  for _, en in ipairs(entries) do best = math.max(best, en.year1 or 0, en.average or 0) end
  if best <= 0 then return "" end
  local out = { ('<svg role="img" aria-labelledby="%sof-title" viewBox="0 0 %d %d" width="100%%">'):format(p, width, 20 + row * #entries),
                ('<title id="%sof-title">Offers: first year and yearly average, in whole units; the table below gives the same figures</title>'):format(p) }
  for i, en in ipairs(entries) do
    local y = 10 + row * (i - 1)
    local w1 = (width - label - 150) * (en.year1 or 0) / best
    local w2 = (width - label - 150) * (en.average or 0) / best
    out[#out + 1] = ('<text x="0" y="%g">%s</text>'):format(y + 14, iso(cut(en.label, 28)))
    out[#out + 1] = ('<rect class="bar" x="%d" y="%g" width="%g" height="12"><title>first year %s</title></rect><text x="%g" y="%g">year 1: %s</text>')
      :format(label, y, w1, cadence.whole_text(en.year1 or 0), label + w1 + 4, y + 10, cadence.whole_text(en.year1 or 0))
    out[#out + 1] = ('<rect class="bar2" x="%d" y="%g" width="%g" height="12"><title>yearly average %s</title></rect><text x="%g" y="%g">average: %s</text>')
      :format(label, y + 14, w2, cadence.whole_text(en.average or 0), label + w2 + 4, y + 24, cadence.whole_text(en.average or 0))
  end
  out[#out + 1] = "</svg>"
  return table.concat(out, "\n")
end

local function percent(rate) return rate and (("%d%%"):format(math.floor(rate * 100 + 0.5))) or "–" end

-- The page's parts for one search (`data`), ids prefixed with `p` so that a
-- coach's page can hold one set per candidate.
local function body(data, add, p)
    add('<h2 id="' .. p .. 'pipeline">Pipeline</h2>\n<div class="board">')
    for _, column in ipairs(data.pipeline.columns) do
      if #column.apps > 0 or FUNNEL_RANK[column.stage] then
        add(('<section class="column" data-stage="%s" aria-label="%s: %d"><h3><span>%s</span><span>%d</span></h3>')
          :format(e(column.stage), e(column.stage), #column.apps, e(column.stage), #column.apps))
        for _, app in ipairs(column.apps) do
          add(('<div class="card" data-app="%d"><strong>%s</strong><span class="role">%s</span>%s</div>'):format(app.id, u(app.company), u(app.role),
            app.days and ('<span class="days">' .. app.days .. (app.days == 1 and " day" or " days") .. " in stage</span>") or ""))
        end
        add("</section>")
      end
    end
    add("</div>\n<h3>From each stage to the next</h3>\n<table><thead><tr><th>From</th><th>To</th><th>Reached</th><th>Went on</th><th>Still there</th><th>Did not go on</th><th>Rate</th></tr></thead><tbody>")
    for _, c in ipairs(data.pipeline.conversion) do
      add(("<tr><td>%s</td><td>%s</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%s</td></tr>"):format(e(c.from), e(c.to), c.reached,
        c.went_on, c.pending, c.stopped, percent(c.rate)))
    end
    add("</tbody></table>\n<h3>How long applications stay in each stage</h3>\n<table><thead><tr><th>Stage</th><th>Median days</th><th>Times entered</th></tr></thead><tbody>")
    for _, d in ipairs(data.pipeline.dwell) do
      add(("<tr><td>%s</td><td>%d</td><td>%d</td></tr>"):format(e(d.stage), d.median_days, d.count))
    end
    add("</tbody></table>")

    add('<h2 id="' .. p .. 'timelines">Timelines</h2>\n<p class="legend muted"><span>● their side</span><span>■ you wrote</span><span>◆ a meeting</span><span>★ an offer</span><span>✕ an end</span><span>◌ planned by your cadence.lua (hover for why)</span></p>')
    add('<div class="timeline">' .. timelines_svg(data, p) .. "</div>")

    add('<h2 id="' .. p .. 'week">This week</h2>')
    if #data.week == 0 then add("<p>Nothing due.</p>") end
    local heading
    for i, item in ipairs(data.week) do
      local section = item.overdue and "Overdue" or (item.due == data.as_of and "Today" or cadence.date(item.due):short())
      if section ~= heading then
        if heading then add("</div>") end
        add('<div class="day"><h3>' .. e(section) .. "</h3>")
        heading = section
      end
      add(('<div class="item%s"><strong>%s</strong>: %s%s%s%s<div class="why">Why: %s%s</div>'):format(item.overdue and " overdue" or "",
        u(item.company), u(item.kind), item.to and (" to " .. u(item.to)) or "", item.by and (" " .. e(item.by)) or "",
        item.overdue and (" (due " .. e(item.due) .. ")") or "",
        u(item.reason), item.source and (" — from " .. u(item.source)) or ""))
      if item.draft then
        add(('<pre class="draft" dir="auto" id="%sdraft-%d">%s</pre><button class="copy" type="button" data-copy="%sdraft-%d">Copy draft</button>')
          :format(p, i, e(item.draft), p, i))
      end
      add("</div>")
    end
    if heading then add("</div>") end

    add('<h2 id="' .. p .. 'offers">Offers</h2>')
    if #data.offers.compared > 0 then
      add(bars_svg(data.offers.compared, p))
      add("<table><thead><tr><th>Offer</th><th>Year 1</th><th>Yearly average</th><th>Overall score</th></tr></thead><tbody>")
      local assumptions, seen = {}, {}
      for _, en in ipairs(data.offers.compared) do
        add(("<tr><td>%s</td><td>%s %s</td><td>%s %s</td><td>%.1f</td></tr>"):format(u(en.label), cadence.whole_text(en.year1 or 0), e(en.currency),
          cadence.whole_text(en.average or 0), e(en.currency), en.overall or 0))
        for _, line in ipairs(en.assumptions or {}) do
          if not seen[line] then seen[line], assumptions[#assumptions + 1] = true, line end
        end
      end
      add("</tbody></table>\n<h3>Assumptions</h3>\n<ul>")
      for _, line in ipairs(assumptions) do add("<li>" .. u(line) .. "</li>") end
      add("</ul>")
    else
      add('<p class="muted">' .. e(data.offers.note or "No offers yet.") .. "</p>")
    end
end

--- What `cadence report` makes: { html } (the page), or { data } with
--- options.json. options: as for report.data.
function report.made(options)
  if options.json then return { data = report.data(options) } end
  return { html = report.html(options) }
end

--- The report as one self-contained HTML page (options: as for report.data).
--- With several candidates and none chosen, an overview, then each one's page.
function report.html(options)
  local data = report.data(options)
  local out = {}
  local function add(text) out[#out + 1] = text end
  local title = "Job search" .. (data.candidate and (": " .. data.candidate) or "")
  add('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">')
  add('<meta name="color-scheme" content="light dark">\n<title>' .. e(title) .. "</title>\n<style>" .. STYLE .. "</style>\n</head>\n<body>")
  add(("<h1>%s</h1>\n<p class=\"muted\">As of %s. Made by Cadence from your workspace; nothing in this page reaches the network.</p>")
    :format(data.candidate and ("Job search: " .. u(data.candidate)) or "Job search", e(data.as_of)))
  for _, line in ipairs(data.problems) do add('<p class="problems">' .. u(line) .. "</p>") end

  if #data.candidates > 1 and not data.candidate then
    add('<h2 id="overview">Candidates</h2>\n<table><thead><tr><th>Candidate</th><th>Applications by stage</th><th>Due this week</th></tr></thead><tbody>')
    for _, c in ipairs(data.candidates) do
      local parts = {}
      for _, stage in ipairs(cadence.stages) do
        if c.stages[stage] then parts[#parts + 1] = ("%s %d"):format(stage, c.stages[stage]) end
      end
      add(('<tr><td dir="auto"><a href="#c%d">%s</a></td><td>%s</td><td>%d</td></tr>'):format(c.id, e(c.name), e(table.concat(parts, ", ")), c.due))
    end
    add("</tbody></table>")
    -- Then each candidate's own page, one after the other.
    for _, c in ipairs(data.candidates) do
      add(('<section class="person" id="c%d">\n<h1>%s</h1>'):format(c.id, u(c.name)))
      body(report.data{ candidate = c.id, as_of = data.as_of, days = (options or {}).days, weeks = (options or {}).weeks }, add, "c" .. c.id .. "-")
      add("</section>")
    end
  else
    body(data, add, "")
  end

  add("<script>" .. SCRIPT .. "</script>\n</body>\n</html>\n")
  return table.concat(out, "\n")
end

return report
