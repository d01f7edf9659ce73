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
      local next_change = history[i + 1]
      -- A closed stage it still sits in has no length: the days since a rejection are not time spent in "Rejected".
      if next_change or not cadence.stages.closed[change.stage] then
        local to = next_change and cadence.date(next_change.day) or ctx.today
        dwell[change.stage] = dwell[change.stage] or {}
        table.insert(dwell[change.stage], math.max(0, to - from))
      end
    end
    for rank, stage in ipairs(FUNNEL) do if top >= rank then reached[stage] = reached[stage] + 1 end end
    -- Still in the step it reached last (an offer not yet answered, or being negotiated): pending, not "did not go on".
    local last = history[#history]
    local step = last and FUNNEL[FUNNEL_RANK[last.stage] or 0]
    if step then still[step] = (still[step] or 0) + 1 end
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

-- A step's rate drawn as a short bar beside its figure; the figure says it, so the bar is hidden from screen readers.
local function rate_cell(rate)
  local bar = rate and ('<span class="rate-bar" aria-hidden="true"><span style="width:%d%%"></span></span>'):format(math.floor(rate * 100 + 0.5)) or ""
  return '<td class="num rate">' .. bar .. percent(rate) .. "</td>"
end

function funnel.html(pipeline, page)
  local add = page.add
  add('<h2 id="' .. page.p .. 'funnel">Funnel: from each stage to the next</h2>')
  add('<table class="funnel"><thead><tr><th scope="col">Step</th><th scope="col" class="num">Reached</th><th scope="col" class="num">Went on</th>'
    .. '<th scope="col" class="num">Still there</th><th scope="col" class="num">Did not go on</th><th scope="col" class="num">Rate</th></tr></thead><tbody>')
  for _, c in ipairs(pipeline.conversion) do
    add(('<tr><th scope="row">%s <span class="muted">→</span> %s</th><td class="num">%d</td><td class="num">%d</td><td class="num">%d</td><td class="num">%d</td>%s</tr>')
      :format(e(text.stage(c.from)), e(text.stage(c.to)), c.reached, c.went_on, c.pending, c.stopped, rate_cell(c.rate)))
  end
  add('</tbody></table>\n<p class="muted note">The rate is of those that went on or stopped; those still in the stage are counted apart.</p>')
  add('<h3>How long applications stay in each stage</h3>\n<table class="dwell"><thead><tr><th scope="col">Stage</th>'
    .. '<th scope="col" class="num">Median days</th><th scope="col" class="num">Times entered</th></tr></thead><tbody>')
  for _, d in ipairs(pipeline.dwell) do
    add(('<tr><th scope="row">%s</th><td class="num">%d</td><td class="num">%d</td></tr>'):format(e(text.stage(d.stage)), d.median_days, d.count))
  end
  if #pipeline.dwell == 0 then add('<tr><td colspan="3" class="empty">No stage entered yet.</td></tr>') end
  add("</tbody></table>")
end

-- The part's own rules, in the page's variables (cadence.report.style).
funnel.css = [[
table.funnel tbody th, table.dwell tbody th { font-weight: 600; white-space: nowrap; }
table.funnel, table.dwell { max-width: 46rem; }
.rate-bar { display: inline-block; width: 4rem; height: .5rem; margin-right: .5rem; vertical-align: middle; background: var(--card);
  border: 1px solid var(--line); border-radius: 999px; overflow: hidden; }
.rate-bar span { display: block; height: 100%; background: var(--accent); print-color-adjust: exact; -webkit-print-color-adjust: exact; }
p.note { font-size: var(--step--1); margin-top: -.6rem; }
@media (max-width: 600px) {
  .rate-bar { display: none; }
  table.funnel tbody th { white-space: normal; }
  table.funnel th, table.funnel td { padding-left: .25rem; padding-right: .25rem; }
}
]]

return funnel
