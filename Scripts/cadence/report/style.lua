-- cadence.report.style: the page's frame: its head (type, colours for light,
-- dark and print), the few lines of script it runs, and its foot.

local text = require "cadence.report.text"

local style = {}

-- The page's base: its colours (light and dark), type and tables. Each part
-- brings its own rules (part.css) in these variables.
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
section.person { margin-top: 3rem; border-top: 3px solid var(--line); } svg text { fill: var(--fg); font-size: 11px; }
.problems { color: var(--end); }
@media (max-width: 600px) { table { display: block; overflow-x: auto; } body { padding: .5rem; } }
@media print { button.copy { display: none; } body { max-width: none; } }
]]



--- What an empty workspace's page says instead of empty parts.
style.empty = "No applications yet. Add the first: cadence app add \"Company\" \"Role\" --applied today; "
  .. "then log what happens (cadence log interview --app company --with \"Name\" --at tomorrow) and make this page again."

--- The page's head and its first heading (`title`, user text) with the day it is made for.
--- `css`: the parts' own rules, after the base.
function style.head(add, title, as_of, css)
  add('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">')
  add('<meta name="color-scheme" content="light dark">\n<title>' .. text.e(title) .. "</title>\n<style>" .. STYLE .. (css or "") .. "</style>\n</head>\n<body>")
  add(("<h1>%s</h1>\n<p class=\"muted\">As of %s. Made by Cadence from your workspace; nothing in this page reaches the network.</p>")
    :format(text.u(title), text.e(text.day(as_of))))
end

--- The page's end, with the parts' scripts (`scripts`, one text).
function style.foot(add, scripts)
  add("<script>" .. (scripts or "") .. "</script>\n</body>\n</html>\n")
end

return style
