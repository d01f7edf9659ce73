-- cadence.report.coach: a coach's page: a triage table, a row per client,
-- then each client's own page.

local cadence = require "cadence"
local text = require "cadence.report.text"
local e, u = text.e, text.u

local coach = {}

--- A row per client: { id, name, stages = { stage = count }, due }.
--- `slices` are the clients' contexts (cadence.report's), in the order of whole.candidates.
function coach.data(whole, slices)
  local rows = {}
  for _, ctx in ipairs(slices) do
    local c = ctx.person
    if c then
      local counts, due = {}, 0
      for _, app in ipairs(ctx.apps) do counts[app.stage] = (counts[app.stage] or 0) + 1 end
      for _, en in ipairs(ctx.entries) do
        if cadence.date(en.due) <= ctx.horizon then due = due + 1 end
      end
      rows[#rows + 1] = { id = c.id, name = c.name, stages = counts, due = due }
    end
  end
  return rows
end

function coach.html(rows, page)
  local add = page.add
  add('<h2 id="overview">Clients</h2>\n<table><thead><tr><th>Client</th><th>Applications by stage</th><th>Due this week</th></tr></thead><tbody>')
  for _, c in ipairs(rows) do
    local parts = {}
    for _, stage in ipairs(cadence.stages) do
      if c.stages[stage] then parts[#parts + 1] = ("%s %d"):format(text.stage(stage), c.stages[stage]) end
    end
    add(('<tr><td dir="auto"><a href="#c%d">%s</a></td><td>%s</td><td>%d</td></tr>'):format(c.id, e(c.name), e(table.concat(parts, ", ")), c.due))
  end
  add("</tbody></table>")
end

--- The start of a client's own page (`row`: theirs in the triage table).
function coach.client_open(client, row, page)
  page.add(('<section class="person" id="c%d">\n<h1>%s</h1>'):format(client.id, u(row.name)))
end

function coach.client_close(page)
  page.add("</section>")
end

return coach
