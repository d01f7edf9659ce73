-- cadence.report.board: the open applications as cards, a column per active
-- stage in one row, and the closed ones folded to a count per stage.
--
-- A card says what to do next and by when: the company and role, the next
-- action (its words, to whom, its day, "overdue" when late), what is fixed
-- on their side (a meeting booked, an offer's respond-by, the day they said
-- they would decide), the days in the stage and the posting's link. A column
-- shows its most urgent cards; the rest are one line each in a "+N more"
-- fold, so that 2,000 applications keep the board about a screen tall while
-- every open one stays on it with its next action.

local cadence = require "cadence"
local text = require "cadence.report.text"
local style = require "cadence.report.style"
local e, u, iso, cut = text.e, text.u, text.iso, text.cut

local board = {}

--- Cards a column shows before its "+N more" fold.
board.CAP = 8

-- How long a company, a role or a person's name may run on a card (in
-- characters).
local COMPANY, ROLE, NAME = 60, 80, 40

-- Closed: the application is over, or they went silent (cadence.stages.closed).
-- A ghosted one asks nothing of the board until a reply revives it.
local function closed(stage) return cadence.stages.closed[stage] end

-- A posting's address, when it is one a browser opens as a page: http or
-- https, in a URL's own ASCII characters (a look-alike letter could hide
-- where a link goes). Else nil, and the card shows what was typed as text.
local function web_address(url)
  if type(url) ~= "string" then return nil end
  local scheme = url:match("^(%a+)://[%w%-%._~:/%?#%[%]@!%$&'%(%)%*%+,;=%%]+$")
  return scheme and (scheme:lower() == "http" or scheme:lower() == "https") and url or nil
end

-- Each application's next action: of its agenda items, the one due first
-- (the agenda's own order between those due the same day). `others`: how
-- many more it has.
local function next_actions(entries)
  local first, count = {}, {}
  for _, en in ipairs(entries) do
    local id = en.application
    count[id] = (count[id] or 0) + 1
    if not first[id] or en.due < first[id].due then first[id] = en end
  end
  local next = {}
  for id, en in pairs(first) do
    next[id] = { action = en.action, kind = en.kind, to = en.to, due = en.due, overdue = en.overdue == true,
                 by = en.by, ref = en.ref, others = count[id] - 1 }
  end
  return next
end

-- What is fixed on their side, soonest first: meetings booked ahead, a
-- standing offer's respond-by, the day they said they would decide.
local function dates_of(app, ctx)
  local dates = {}
  for _, ev in ipairs(ctx.booked[app.id] or {}) do
    dates[#dates + 1] = { kind = ev.kind, what = text.event(ev.kind), day = tostring(ev.day) }
  end
  for _, o in ipairs(ctx.live[app.id] or {}) do
    if o.respond_by then dates[#dates + 1] = { kind = "respond-by", what = "Respond by", day = tostring(o.respond_by) } end
  end
  if app.deadline then dates[#dates + 1] = { kind = "decision", what = "They decide by", day = tostring(app.deadline) } end
  table.sort(dates, function(a, b) return a.day < b.day end)
  return dates
end

-- The board's order in a column: an overdue next action first, then the
-- soonest; then, with nothing due, the longest in the stage.
local function more_urgent(a, b)
  local x, y = a.next, b.next
  if (x ~= nil) ~= (y ~= nil) then return x ~= nil end
  if x and x.due ~= y.due then return x.due < y.due end
  if (a.days or -1) ~= (b.days or -1) then return (a.days or -1) > (b.days or -1) end
  return a.id < b.id
end

--- Every stage's column in order, each { stage, name, closed (true for a
--- closed stage), apps = { card… } }: an active stage's cards most urgent
--- first, a closed stage's most recently closed first. And the closed
--- stages that hold any, as counts: { { stage, name, count } }. A card:
--- { id, company, role, stage, since, days, next = { action, to, due,
--- overdue, by, others } or nil, dates = { { kind, what, day } }, url (http
--- or https), url_text (another address, as typed) }.
function board.data(ctx)
  local next = next_actions(ctx.entries)
  local columns, by_stage = {}, {}
  for _, stage in ipairs(cadence.stages) do
    by_stage[stage] = { stage = stage, name = text.stage(stage), closed = closed(stage) or nil, apps = {} }
    columns[#columns + 1] = by_stage[stage]
  end
  for _, app in ipairs(ctx.apps) do
    local since = app.stage_since
    local url = web_address(app.url)
    table.insert(by_stage[app.stage].apps, {
      id = app.id, company = app.company, role = app.role, stage = app.stage,
      since = since and tostring(since), days = since and (ctx.today - since) or nil,
      next = next[app.id], dates = closed(app.stage) and {} or dates_of(app, ctx),
      url = url, url_text = not url and app.url ~= nil and app.url ~= "" and app.url or nil })
  end
  local counts = {}
  for _, column in ipairs(columns) do
    if not column.closed then
      table.sort(column.apps, more_urgent)
    elseif #column.apps > 0 then
      table.sort(column.apps, function(a, b)
        if (a.since or "") ~= (b.since or "") then return (a.since or "") > (b.since or "") end
        return a.id < b.id
      end)
      counts[#counts + 1] = { stage = column.stage, name = column.name, count = #column.apps }
    end
  end
  return columns, counts
end

---------------------------------------------------------------------------
-- The page
---------------------------------------------------------------------------

-- The pill a day gets beside an action: overdue, or today.
local function due_pill(next, as_of)
  if next.overdue then return ' <span class="pill overdue">overdue</span>' end
  if next.due == as_of then return ' <span class="pill today">today</span>' end
  return ""
end

-- "Thank them for the interview · Rita Gomez": the action and to whom, each isolated.
local function action_words(next)
  local words = e(next.action)
  if next.to and next.to ~= "" then words = words .. ' <span class="to">· ' .. u(cut(next.to, NAME)) .. "</span>" end
  return words
end

local function card(app, as_of, ahead)
  -- A long name may be cut, or clamped to two lines: its title holds more.
  local long = #tostring(app.company) > 30 or #tostring(app.role or "") > 40
  local title = long and (' title="%s"'):format(iso(cut(app.company, 200)) .. " — " .. iso(cut(app.role, 200))) or ""
  local out = { ('<article class="card" data-app="%d"%s><strong>%s</strong>'):format(app.id, title, u(cut(app.company, COMPANY))) }
  if app.role and app.role ~= "" then out[#out + 1] = '<span class="role">' .. u(cut(app.role, ROLE)) .. "</span>" end
  local next = app.next
  if next then
    out[#out + 1] = ('<p class="next"><span class="label">Next:</span> %s <time datetime="%s">%s</time>%s%s</p>'):format(
      action_words(next), e(next.due), e(text.day(next.due)), due_pill(next, as_of),
      next.others > 0 and (' <span class="muted">(and %d more)</span>'):format(next.others) or "")
  else
    out[#out + 1] = '<p class="next muted">Nothing due in the next ' .. e(text.span(ahead)) .. "</p>"
  end
  for _, d in ipairs(app.dates) do
    local late = d.day < as_of and ' <span class="pill overdue">passed</span>'
      or d.day == as_of and ' <span class="pill today">today</span>' or ""
    out[#out + 1] = ('<p class="date">%s <time datetime="%s">%s</time>%s</p>'):format(e(d.what), e(d.day), e(text.day(d.day)), late)
  end
  local foot = {}
  if app.days then foot[#foot + 1] = e(text.count(app.days, "day")) .. " in stage" end
  if app.url then
    foot[#foot + 1] = ('<a href="%s" target="_blank" rel="noopener noreferrer">Posting</a>'):format(e(app.url))
  elseif app.url_text then
    foot[#foot + 1] = '<span class="address">' .. u(cut(app.url_text, 40)) .. "</span>"
  end
  if #foot > 0 then out[#out + 1] = '<p class="foot">' .. table.concat(foot, " · ") .. "</p>" end
  out[#out + 1] = "</article>"
  return table.concat(out)
end

-- One line for an application in a fold: company, role, and the next action and its day.
local function line(app, as_of)
  local s = '<li data-app="' .. app.id .. '"><strong>' .. u(cut(app.company, COMPANY)) .. "</strong>"
  if app.role and app.role ~= "" then s = s .. ' <span class="muted">' .. u(cut(app.role, 40)) .. "</span>" end
  local next = app.next
  if next then
    s = s .. (' — %s, <time datetime="%s">%s</time>%s'):format(action_words(next), e(next.due), e(text.day(next.due)), due_pill(next, as_of))
  end
  return s .. "</li>"
end

-- An active stage's column: its most urgent cards, the rest under "+N more".
local function column_html(column, as_of, ahead)
  local out = {}
  local function add(x) out[#out + 1] = x end
  local n = #column.apps
  add(('<section class="column%s" data-stage="%s"><h3><span>%s</span> <span class="num">%d</span></h3>')
    :format(n == 0 and " none" or "", e(column.stage), e(column.name), n))
  if n == 0 then add('<p class="muted">none</p>') end
  for i = 1, math.min(n, board.CAP) do add(card(column.apps[i], as_of, ahead)) end
  if n > board.CAP then
    local rest = {}
    for i = board.CAP + 1, n do rest[#rest + 1] = line(column.apps[i], as_of) end
    add(style.more(n - board.CAP) .. "<ul>" .. table.concat(rest) .. "</ul></details>")
  end
  add("</section>")
  return table.concat(out, "\n")
end

function board.html(pipeline, page)
  local add, p, as_of = page.add, page.p, page.as_of
  -- An empty search has no board: the page says how to start instead.
  local any = false
  for _, column in ipairs(pipeline.columns) do any = any or #column.apps > 0 end
  if not any then return end
  add('<h2 id="' .. p .. 'pipeline">Board</h2>')
  add(('<div class="board" role="region" tabindex="0" aria-label="The board: open applications by stage">'))
  local folded = {}
  for _, column in ipairs(pipeline.columns) do
    if not column.closed then
      add(column_html(column, as_of, page.ahead))
    elseif #column.apps > 0 then
      folded[#folded + 1] = column
    end
  end
  add("</div>")
  if #folded > 0 then
    add('<div class="closed-stages"><span class="muted">Closed:</span>')
    for _, stage in ipairs(folded) do
      local rest = {}
      for _, app in ipairs(stage.apps) do rest[#rest + 1] = line(app, as_of) end
      add(('<section data-stage="%s"><details><summary><span class="pill closed">%s <span class="num">%d</span></span></summary><ul>%s</ul></details></section>')
        :format(e(stage.stage), e(stage.name), #stage.apps, table.concat(rest)))
    end
    add("</div>")
  end
end

-- The part's own rules, in the page's variables (cadence.report.style). The
-- board's row keeps to the page's column of text, like every other part: it
-- scrolls sideways inside itself and never wraps (an empty stage is a slim
-- column); a column and a card never grow for their text (min-width: 0; long
-- words break).
board.css = [[
.board { display: flex; gap: .5rem; overflow-x: auto; scroll-snap-type: x proximity; align-items: flex-start; padding-bottom: .3rem; }
.board .column { flex: 1 0 10.5rem; min-width: 0; max-width: 22rem; scroll-snap-align: start; background: var(--card); border-radius: .4rem; padding: .4rem; }
.board .column.none { flex: 0 0 auto; }
.column.none h3 { white-space: nowrap; }
.column h3 { font-size: var(--step-0); margin: 0 0 .4rem; display: flex; justify-content: space-between; gap: .3rem; }
.column > p.muted { margin: 0; font-size: var(--step--1); }
.card { background: var(--bg); border: 1px solid var(--line); border-radius: .3rem; padding: .3rem .4rem; margin: 0 0 .3rem;
  font-size: var(--step--1); line-height: 1.35; min-width: 0; overflow-wrap: anywhere; }
.card strong { font-size: var(--step-0); }
.card .role, .card .foot { color: var(--muted); display: block; }
.card strong, .card .role { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; }
.card p { margin: .2rem 0 0; }
.card .label { color: var(--muted); }
.card .foot a { color: var(--accent); }
.board details.more summary, .closed-stages summary { cursor: pointer; font-size: var(--step--1); }
.board details ul, .closed-stages ul { margin: .3rem 0 0; padding: 0; list-style: none; font-size: var(--step--1);
  max-height: 24rem; overflow-y: auto; }
.board details li, .closed-stages li { padding: .15rem 0; border-top: 1px solid var(--line); overflow-wrap: anywhere; }
.closed-stages { display: flex; flex-wrap: wrap; gap: .4rem; align-items: flex-start; margin-top: .5rem; }
.closed-stages section { display: contents; }
.closed-stages details { min-width: 0; max-width: 100%; }
.closed-stages details[open] { flex-basis: 100%; }
@media print { .board { flex-wrap: wrap; overflow: visible; } .board .column { flex: 1 1 10rem; }
  .board details ul, .closed-stages ul { max-height: none; overflow: visible; } .card { break-inside: avoid; }
  .card strong, .card .role { -webkit-line-clamp: none; } }
]]

return board
