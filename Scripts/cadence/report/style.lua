-- cadence.report.style: the page's frame: its head (type, colours for light,
-- dark and print, a compact header with a way to each part), the few lines of
-- script the page itself runs, and its foot.
--
-- The parts write their rules (part.css) in this file's vocabulary only:
--   colours  --bg --fg --muted --line --card, one accent --accent, and the
--            states --danger (overdue, an end) --warn (today, soon) --ok
--            (good news); the timeline marks --theirs --yours --meeting --end
--            --plan. Each state has a soft ground for pills: --danger-bg,
--            --warn-bg, --ok-bg, --accent-bg.
--   type     one scale: --step--1 (small print, labels), --step-0 (body),
--            --step-1 (a part's heading), --step-2 (the page's title).
--   classes  .pill (a status) with .overdue .today .soon .ok .closed;
--            .num / td.num (figures: right-aligned, tabular); .muted; .empty
--            (nothing to show, and what to do about it); .more (a "+N more"
--            fold, a <details>).
-- Every colour pair used for text is at least 4.5:1 in light and dark (the
-- look tests compute it in the page), and print has its own: black on white,
-- no buttons or navigation, each item whole on a page, links with their address.

local text = require "cadence.report.text"

local style = {}

local STYLE = [[
:root { color-scheme: light dark;
  --bg: #ffffff; --fg: #1a2130; --muted: #566072; --line: #d5dbe4; --card: #f3f5f8;
  --accent: #1f58b8; --accent-bg: #e7eefb; --danger: #b3261e; --danger-bg: #fcebe9;
  --warn: #8a5200; --warn-bg: #fcf1de; --ok: #1a7336; --ok-bg: #e5f3e9;
  --theirs: #1f6fb2; --yours: #2e7d32; --meeting: #8e44ad; --end: #b3261e; --plan: #a35f00;
  --step--1: .8125rem; --step-0: .9375rem; --step-1: 1.1875rem; --step-2: 1.5rem; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #12161d; --fg: #e4e8ef; --muted: #a2acbb; --line: #343c48; --card: #1b2129;
    --accent: #8ab4ff; --accent-bg: #1c2b47; --danger: #ff8f86; --danger-bg: #3b1d1d;
    --warn: #f2b85c; --warn-bg: #3a2b12; --ok: #72d08e; --ok-bg: #163322;
    --theirs: #6cb4f0; --yours: #79c47d; --meeting: #c99ae0; --end: #ff8f86; --plan: #f2b85c; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem 1.25rem 3rem; background: var(--bg); color: var(--fg);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK JP", sans-serif;
  font-size: var(--step-0); line-height: 1.45; overflow-wrap: break-word; }
/* User text (isolated: <bdi>, dir=auto) may break anywhere, so a 500-character name neither
   overflows nor widens its table column or card; the page's own words break only between words
   (overflow-wrap: anywhere on them would shrink a table's columns to a letter's width). */
bdi, [dir="auto"] { overflow-wrap: anywhere; }
h1, h2, h3, h4 { line-height: 1.25; font-weight: 650; }
h1 { font-size: var(--step-2); margin: 0; }
h2 { font-size: var(--step-1); margin: 2.25rem 0 .6rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); scroll-margin-top: 1rem; }
h3 { font-size: var(--step-0); margin: 1.25rem 0 .4rem; }
h4, small, figcaption, caption { font-size: var(--step--1); }
p { margin: .4rem 0; }
a { color: var(--accent); text-underline-offset: .15em; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
.muted { color: var(--muted); }
code, kbd, pre { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: var(--step--1); }
code { background: var(--card); border-radius: .25rem; padding: 0 .25rem; }
button { font: inherit; font-size: var(--step--1); font-weight: 600; color: var(--accent); background: var(--bg);
  border: 1px solid var(--accent); border-radius: .35rem; padding: .15rem .6rem; cursor: pointer; }
button:hover { background: var(--accent-bg); }
summary { cursor: pointer; }
svg text { fill: var(--fg); font-size: var(--step--1); }

.page-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: .2rem 1.25rem; padding-bottom: .6rem;
  border-bottom: 3px solid var(--accent); }
.page-head p { margin: 0; font-size: var(--step--1); }
nav.parts { flex-basis: 100%; display: flex; flex-wrap: wrap; gap: .35rem; margin-top: .4rem; }
nav.parts a { font-size: var(--step--1); font-weight: 600; padding: .15rem .65rem; border-radius: 999px;
  background: var(--accent-bg); color: var(--accent); text-decoration: none; }
nav.parts a:hover { text-decoration: underline; }

table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { font-size: var(--step--1); font-weight: 600; color: var(--muted); vertical-align: bottom; border-bottom: 2px solid var(--line); }
tbody tr:hover { background: var(--card); }
.num, td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead th.num { white-space: normal; }

.pill { display: inline-block; font-size: var(--step--1); font-weight: 600; line-height: 1.35; padding: 0 .55rem;
  border: 1px solid currentColor; border-radius: 999px; white-space: nowrap; font-variant-numeric: tabular-nums;
  color: var(--muted); background: var(--card); }
.pill.overdue { color: var(--danger); background: var(--danger-bg); }
.pill.today { color: var(--warn); background: var(--warn-bg); }
.pill.soon { color: var(--warn); background: var(--bg); border-style: dashed; }
.pill.ok { color: var(--ok); background: var(--ok-bg); }
.pill.closed { color: var(--muted); background: var(--card); border-style: dotted; }

details.more { margin: .3rem 0; }
.more > summary { color: var(--accent); font-size: var(--step--1); font-weight: 600; }
.empty { color: var(--muted); background: var(--card); border: 1px dashed var(--line); border-radius: .4rem; padding: .6rem .8rem; }
.welcome { color: var(--fg); border-color: var(--accent); }
.welcome ol { margin: .3rem 0; padding-left: 1.4rem; } .welcome code { background: var(--bg); overflow-wrap: anywhere; }
.problems { color: var(--danger); }

@media (max-width: 600px) {
  body { padding: .6rem .6rem 2rem; }
  table { display: block; overflow-x: auto; }
  th, td { padding: .3rem .4rem; }
  nav.parts { gap: .25rem; } nav.parts a { padding: .15rem .5rem; }
}
@media print {
  :root { color-scheme: light; --bg: #ffffff; --fg: #000000; --muted: #4a5261; --line: #b9c0cb; --card: #ffffff;
    --accent: #1f58b8; --accent-bg: #ffffff; --danger: #a3221b; --danger-bg: #ffffff; --warn: #7a4800; --warn-bg: #ffffff;
    --ok: #176330; --ok-bg: #ffffff; --theirs: #1f6fb2; --yours: #2e7d32; --meeting: #8e44ad; --end: #a3221b; --plan: #a35f00; }
  @page { margin: 14mm 12mm; }
  body { max-width: none; padding: 0; }
  nav, button, .copy { display: none !important; }
  .page-head { border-bottom-color: var(--fg); }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .item, .card, tr, li, pre, figure, svg, .empty, .pill, details.more > summary { break-inside: avoid; page-break-inside: avoid; }
  tbody tr:hover { background: none; }
  table { display: table; }
  svg { max-width: 100%; height: auto; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  a { color: var(--fg); }
  a[href^="http"]::after, a[href^="mailto:"]::after { content: " (" attr(href) ")"; font-size: var(--step--1); color: var(--muted); overflow-wrap: anywhere; }
  details::details-content { content-visibility: visible; height: auto; }
}
]]

-- The page's own script: print opens every <details> (drafts, reasons, a
-- coach's clients) so that folded text reaches paper, and closes again
-- afterwards those it opened. Not the "+N more" folds (class "more"): at
-- 2,000 applications they would print hundreds of pages; their line says
-- how many more there are, and `cadence agenda` lists them. A fold marked
-- "print-open" (the offers past the first three) is printed open. Plain ES5; it runs before the parts' scripts, so one
-- failing there cannot keep the page from printing whole.
local SCRIPT = [[
(function () {
  var opened = null;
  function open() {
    if (opened) { return; }
    opened = [];
    var all = document.querySelectorAll("details:not(.more), details.more.print-open");
    for (var i = 0; i < all.length; i++) { if (!all[i].open) { all[i].open = true; opened.push(all[i]); } }
  }
  function restore() {
    if (!opened) { return; }
    for (var i = 0; i < opened.length; i++) { opened[i].open = false; }
    opened = null;
  }
  window.addEventListener("beforeprint", open);
  window.addEventListener("afterprint", restore);
  if (window.matchMedia) {
    var print = window.matchMedia("print");
    var changed = function (m) { if (m.matches) { open(); } else { restore(); } };
    if (print.addEventListener) { print.addEventListener("change", changed); } else if (print.addListener) { print.addListener(changed); }
  }
})();
]]

-- The parts of one search's page, in the order the page shows them, by the
-- id (after the prefix) of each part's heading.
local PARTS = {
  { "week", "Actions" }, { "pipeline", "Board" }, { "timelines", "Timelines" }, { "offers", "Offers" }, { "funnel", "Funnel" },
}

--- What an empty workspace's page says instead of empty parts: how to start, in commands to copy.
function style.welcome()
  return '<div class="empty welcome">\n<p><strong>No applications yet.</strong> Three commands and this page fills:</p>\n<ol>'
    .. '<li>Add the first: <code>cadence app add "Company" "Role" --applied today</code></li>'
    .. '<li>Log what happens: <code>cadence log interview --app company --with "Name" --at tomorrow</code></li>'
    .. "<li>Make this page again: <code>cadence report</code></li></ol>\n"
    .. '<p>To see a whole search first, try the demo in a folder of its own: <code>cadence demo --workspace demo</code></p>\n</div>'
end

--- The opening of a "+N more" fold (the <details> the page's script leaves
--- closed in print, unless `print_open`): `n` more `what` (page words, or
--- nil). The caller adds what it holds and "</details>".
function style.more(n, what, print_open)
  return ('<details class="more%s"><summary>+%d more%s</summary>'):format(print_open and " print-open" or "", n,
    what and (" " .. text.e(what)) or "")
end

--- The navigation to one search's parts, their ids prefixed with `p`
--- ("" on a page for one search; "c3-" for a coach's client). `links`, if
--- given, replaces the parts: a list of { id, label } (label: user text).
function style.nav(p, links)
  local out = {}
  for _, link in ipairs(links or PARTS) do
    -- The parts' names are the page's own words; other labels are user text, isolated.
    out[#out + 1] = ('<a href="#%s%s">%s</a>'):format(text.e(p or ""), text.e(link[1]), links and text.u(link[2]) or text.e(link[2]))
  end
  if #out == 0 then return "" end
  return '<nav class="parts" aria-label="Parts of this page">' .. table.concat(out) .. "</nav>"
end

--- The page's head and its compact header: the window's title and the
--- heading (`title`, `heading`: HTML, escaped and isolated already), the day
--- it is made for and a way to each part. `css`: the parts' own
--- rules, after the base. `links`: the navigation's links if not one
--- search's parts (a coach's page: the clients), as for style.nav.
function style.head(add, title, heading, as_of, css, links)
  add('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">')
  add('<meta name="color-scheme" content="light dark">\n<title>' .. title .. "</title>\n<style>" .. STYLE .. (css or "") .. "</style>\n</head>\n<body>")
  add(('<header class="page-head">\n<h1>%s</h1>\n<p class="muted">As of %s. Made by Cadence from your workspace; nothing in this page reaches the network.</p>\n%s\n</header>')
    :format(heading, text.e(text.day(as_of) .. " " .. text.year(as_of)), style.nav("", links)))
end

--- The page's end, with the page's own script and the parts' (`scripts`, a
--- list): each in a <script> of its own, so that one that throws stops no other.
function style.foot(add, scripts)
  add("<script>" .. SCRIPT .. "</script>")
  for _, script in ipairs(scripts or {}) do add("<script>" .. script .. "</script>") end
  add("</body>\n</html>\n")
end

return style
