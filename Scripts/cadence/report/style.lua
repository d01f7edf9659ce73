-- cadence.report.style: the page's frame: its head (type, colours for light,
-- dark and print), the few lines of script it runs, and its foot.

local text = require "cadence.report.text"

local style = {}

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


--- What an empty workspace's page says instead of empty parts.
style.empty = "No applications yet. Add the first: cadence app add \"Company\" \"Role\" --applied today; "
  .. "then log what happens (cadence log interview --app company --with \"Name\" --at tomorrow) and make this page again."

--- The page's head and its first heading (`title`, user text) with the day it is made for.
function style.head(add, title, as_of)
  add('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">')
  add('<meta name="color-scheme" content="light dark">\n<title>' .. text.e(title) .. "</title>\n<style>" .. STYLE .. "</style>\n</head>\n<body>")
  add(("<h1>%s</h1>\n<p class=\"muted\">As of %s. Made by Cadence from your workspace; nothing in this page reaches the network.</p>")
    :format(text.u(title), text.e(text.day(as_of))))
end

--- The page's script and its end.
function style.foot(add)
  add("<script>" .. SCRIPT .. "</script>\n</body>\n</html>\n")
end

return style
