-- cadence.report.timelines: each application over the weeks, what happened
-- and what is planned.

local cadence = require "cadence"
local text = require "cadence.report.text"
local e, iso, cut = text.e, text.iso, text.cut

local timelines = {}

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


--- { first, last, rows = { { id, company, role, stage, events, planned } }, left_out }.
function timelines.data(ctx)
  local first = ctx.today - 7 * ctx.weeks
  local planned = {}
  for _, en in ipairs(ctx.entries) do
    planned[en.application] = planned[en.application] or {}
    table.insert(planned[en.application], en)
  end
  local rows = {}
  for _, app in ipairs(ctx.apps) do
    local events = {}
    for _, list in ipairs{ ctx.happened[app.id], ctx.booked[app.id] } do
      for _, ev in ipairs(list) do
        if ev.day >= first and ev.day <= ctx.today + 28 then
          events[#events + 1] = { day = tostring(ev.day), kind = ev.kind, with = ev.with and #ev.with > 0 and table.concat(ev.with, ", ") or nil,
                                  what = ev.message_kind, note = ev.notes }
        end
      end
    end
    rows[#rows + 1] = { id = app.id, company = app.company, role = app.role, stage = app.stage,
                        events = events, planned = planned[app.id] or {} }
  end
  return { first = tostring(first), last = tostring(ctx.today + 28), rows = rows, left_out = 0 }
end

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


function timelines.html(data, page)
  local add, p = page.add, page.p
  add('<h2 id="' .. p .. 'timelines">Timelines</h2>\n<p class="legend muted"><span>● their side</span><span>■ you wrote</span><span>◆ a meeting</span><span>★ an offer</span><span>✕ an end</span><span>◌ planned by your cadence.lua (hover for why)</span></p>')
  add('<div class="timeline">' .. timelines_svg(data, p) .. "</div>")
end

-- The part's own rules, in the page's variables (cadence.report.style).
timelines.css = [[
.timeline { overflow-x: auto; } .timeline svg { min-width: 720px; }
svg .axis { stroke: var(--line); } svg .today { stroke: var(--end); stroke-dasharray: 3 3; }
.m-theirs { fill: var(--theirs); } .m-yours { fill: var(--yours); } .m-meeting { fill: var(--meeting); }
.m-end { fill: var(--end); } .m-plan { fill: none; stroke: var(--plan); stroke-width: 2; stroke-dasharray: 2 2; }
.legend span { margin-right: 1rem; white-space: nowrap; }
]]

return timelines
