-- cadence.report.funnel: how far applications got, stage to stage, and how
-- long they stayed in each. Only what has happened by the report's day
-- counts: a final round booked for next week is not reached yet, and an
-- offer not yet answered is still there, not "did not go on".

local cadence = require "cadence"
local host = require "cadence.host"
local text = require "cadence.report.text"
local e = text.e

local funnel = {}

-- The stages an application moves through, in order, for the funnel.
local FUNNEL = { "applied", "screening", "interviewing", "final", "offer", "accepted" }
local FUNNEL_RANK = { saved = 0, applied = 1, screening = 2, interviewing = 3, final = 4, offer = 5, negotiating = 5, accepted = 6 }

local function median(list)
  if #list == 0 then return nil end
  table.sort(list)
  return list[(#list + 1) // 2]
end

--- The conversion, a step per pair of stages { from, to, reached, went_on,
--- pending, stopped, rate }, and the time in each stage { stage, median_days, count }.
function funnel.data(ctx)
  local reached, dwell, still = {}, {}, {}
  for _, stage in ipairs(FUNNEL) do reached[stage] = 0 end
  for _, app in ipairs(ctx.apps) do
    local history = host.stage_history(ctx.happened[app.id])
    local top = 0
    for i, change in ipairs(history) do
      top = math.max(top, FUNNEL_RANK[change.stage] or 0)
      local from = cadence.date(change.day)
      local to = history[i + 1] and cadence.date(history[i + 1].day) or ctx.today
      dwell[change.stage] = dwell[change.stage] or {}
      table.insert(dwell[change.stage], math.max(0, to - from))
    end
    for rank, stage in ipairs(FUNNEL) do if top >= rank then reached[stage] = reached[stage] + 1 end end
    -- Still in the stage it reached last (an offer not yet answered): pending, not "did not go on".
    local last = history[#history]
    if last and FUNNEL_RANK[last.stage] then still[last.stage] = (still[last.stage] or 0) + 1 end
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
  return conversion, dwell_rows
end

local function percent(rate) return rate and (("%d%%"):format(math.floor(rate * 100 + 0.5))) or "–" end

function funnel.html(pipeline, page)
  local add = page.add
  add('<h2 id="' .. page.p .. 'funnel">From each stage to the next</h2>')
  add("<table><thead><tr><th>From</th><th>To</th><th>Reached</th><th>Went on</th><th>Still there</th><th>Did not go on</th><th>Rate</th></tr></thead><tbody>")
  for _, c in ipairs(pipeline.conversion) do
    add(("<tr><td>%s</td><td>%s</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%s</td></tr>"):format(e(text.stage(c.from)), e(text.stage(c.to)),
      c.reached, c.went_on, c.pending, c.stopped, percent(c.rate)))
  end
  add("</tbody></table>\n<h3>How long applications stay in each stage</h3>\n<table><thead><tr><th>Stage</th><th>Median days</th><th>Times entered</th></tr></thead><tbody>")
  for _, d in ipairs(pipeline.dwell) do
    add(("<tr><td>%s</td><td>%d</td><td>%d</td></tr>"):format(e(text.stage(d.stage)), d.median_days, d.count))
  end
  add("</tbody></table>")
end

return funnel
