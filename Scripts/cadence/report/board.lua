-- cadence.report.board: the applications as cards in a column per stage.

local cadence = require "cadence"
local text = require "cadence.report.text"
local e, u = text.e, text.u

local board = {}

--- The columns, one per stage in order, each { stage, apps = { card… } }; and the closed stages.
function board.data(ctx)
  local columns, by_stage = {}, {}
  for _, stage in ipairs(cadence.stages) do
    by_stage[stage] = { stage = stage, name = text.stage(stage), apps = {} }
    columns[#columns + 1] = by_stage[stage]
  end
  for _, app in ipairs(ctx.apps) do
    local since = app.stage_since
    table.insert(by_stage[app.stage].apps, { id = app.id, company = app.company, role = app.role,
      since = since and tostring(since), days = since and (ctx.today - since) or nil })
  end
  return columns, {}
end

function board.html(pipeline, page)
  local add, p = page.add, page.p
  add('<h2 id="' .. p .. 'pipeline">Pipeline</h2>\n<div class="board">')
  for _, column in ipairs(pipeline.columns) do
    if #column.apps > 0 then
      add(('<section class="column" data-stage="%s" aria-label="%s: %d"><h3><span>%s</span><span>%d</span></h3>')
        :format(e(column.stage), e(column.name), #column.apps, e(column.name), #column.apps))
      for _, app in ipairs(column.apps) do
        add(('<div class="card" data-app="%d"><strong>%s</strong><span class="role">%s</span>%s</div>'):format(app.id, u(app.company), u(app.role),
          app.days and ('<span class="days">' .. text.count(app.days, "day") .. " in stage</span>") or ""))
      end
      add("</section>")
    end
  end
  add("</div>")
end

-- The part's own rules, in the page's variables (cadence.report.style).
board.css = [[
.board { display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: .5rem; }
.column { background: var(--card); border-radius: .4rem; padding: .5rem; min-height: 4rem; }
.column h3 { font-size: .9rem; margin: 0 0 .4rem; display: flex; justify-content: space-between; }
.card { background: var(--bg); border: 1px solid var(--line); border-radius: .3rem; padding: .3rem .4rem; margin-bottom: .3rem; font-size: .85rem; }
.card .role, .card .days { color: var(--muted); display: block; }
]]

return board
