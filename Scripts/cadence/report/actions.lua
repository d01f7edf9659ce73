-- cadence.report.actions: what to do, at the top of the page: overdue and
-- today, then the rest of the week, each with its draft.

local cadence = require "cadence"
local text = require "cadence.report.text"
local e, u = text.e, text.u

local actions = {}

--- The agenda's entries up to the horizon (ctx.horizon).
function actions.data(ctx)
  local list = {}
  for _, en in ipairs(ctx.entries) do
    if cadence.date(en.due) <= ctx.horizon then list[#list + 1] = en end
  end
  return { items = list }
end

function actions.html(data, page)
  local add, p = page.add, page.p
  add('<h2 id="' .. p .. 'week">This week</h2>')
  if #data.items == 0 then add("<p>Nothing due.</p>") end
  local heading
  for i, item in ipairs(data.items) do
    local section = item.overdue and "Overdue" or (item.due == page.as_of and "Today" or text.day(item.due))
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
end

return actions
