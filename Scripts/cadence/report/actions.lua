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

-- The part's own rules, in the page's variables (cadence.report.style).
actions.css = [[
.day h3 { font-size: 1rem; margin: 1rem 0 .3rem; } .item { border-left: 3px solid var(--plan); padding: .2rem .6rem; margin: .4rem 0; }
.item.overdue { border-left-color: var(--end); } .item .why { color: var(--muted); }
pre.draft { white-space: pre-wrap; background: var(--card); padding: .5rem; border-radius: .3rem; font: inherit; margin: .3rem 0; }
button.copy { font: inherit; font-size: .8rem; cursor: pointer; }
]]

-- "Copy draft": the clipboard, or the draft selected for copying by hand.
actions.script = [[
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

return actions
