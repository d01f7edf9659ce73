-- cadence.report.actions: what to do, at the top of the page. Overdue and
-- today first, one compact line per action (the company, the action in
-- plain words, to whom, how, by when, and why), each draft folded under its
-- line with a button that copies it; then the rest of the week, by day.
-- Each group shows its first few lines and folds the rest behind "+N more",
-- so that a search of 2,000 applications still opens on a page, not a list.

local cadence = require "cadence"
local text = require "cadence.report.text"
local style = require "cadence.report.style"
local e, u = text.e, text.u

local actions = {}

-- Lines shown in a group before "+N more" (the week's days share one count).
local SHOWN = 10
-- Lines a group's fold holds: past these the page says how many more
-- `cadence agenda` lists, rather than carry hundreds nobody scrolls through.
local HELD = 100

-- What a draft is, named on its copy button ("Copy the thank-you to …").
local DRAFTS = {
  ["thank-you"] = "the thank-you", ["post-rejection-thanks"] = "the thank-you note",
  ["feedback-request"] = "the feedback request", ["stay-in-touch"] = "the note to stay in touch",
  ["status"] = "the follow-up", ["move-on"] = "the closing note", ["deadline-inquiry"] = "the question about their decision",
  ["line-up-references"] = "the reference list", ["reference-request"] = "the reference request",
  ["put-in-a-word"] = "the request to put in a word", ["questions"] = "the questions", ["prepare"] = "the preparation list",
  ["plan-follow-up"] = "the follow-up plan", ["answer-offer"] = "what to say", ["acceptance-in-writing"] = "the acceptance",
  ["decline"] = "the decline", ["promised-call"] = "the call's notes", ["promised-follow-up"] = "the follow-up",
}

--- The agenda's entries, as the page groups them: { overdue, today, later
--- = { { day = "YYYY-MM-DD", items }… } (the days after today up to the
--- horizon), next (the first entry after the horizon, or nil) }.
function actions.data(ctx)
  local today = tostring(ctx.today)
  -- How far ahead "later" looks, in words: "this week" for the usual 7 days, else "in the next N days".
  local ahead = ctx.days == 7 and "this week" or ("in the next " .. text.count(ctx.days, "day"))
  local data, days = { overdue = {}, today = {}, later = {}, ahead = ahead }, {}
  for _, en in ipairs(ctx.entries) do
    local due = cadence.date(en.due)
    if en.overdue or due < ctx.today then data.overdue[#data.overdue + 1] = en
    elseif en.due == today then data.today[#data.today + 1] = en
    elseif due <= ctx.horizon then
      if not days[en.due] then
        days[en.due] = { day = en.due, items = {} }
        data.later[#data.later + 1] = days[en.due]
      end
      local items = days[en.due].items
      items[#items + 1] = en
    elseif not data.next or en.due < data.next.due then
      data.next = en
    end
  end
  table.sort(data.later, function(a, b) return a.day < b.day end)
  return data
end

---------------------------------------------------------------------------
-- The page
---------------------------------------------------------------------------

-- How many characters of a name (a company, a person) and of a reason a
-- line shows: a long one is cut with "…", and whole on hover and in the draft.
local NAME, REASON = 60, 280

-- User text on a line, isolated, cut to `n` characters; whole in its title when cut.
local function cut(s, n)
  local short = text.cut(s, n)
  if short == text.visible(s) then return u(s) end
  return ('<bdi title="%s">%s</bdi>'):format(e(s), e(short))
end

-- The pill before an overdue line: how late (today's group says "Today" once, in its heading).
local function pill(item, as_of)
  if item.due < as_of then
    local late = cadence.date(as_of) - cadence.date(item.due)
    return '<span class="pill overdue">' .. e(text.count(late, "day")) .. " late</span>"
  end
  return ""
end

-- A draft's button's name, unique on the page: what it copies, to whom, where.
local function button_name(item, names)
  local name = "Copy " .. (DRAFTS[item.kind] or "the draft")
    .. (item.to and (" to " .. text.cut(item.to, 60) .. " at ") or " for ") .. text.cut(item.company, 60)
  if names[name] then name = name .. ", due " .. text.day(item.due) end
  while names[name] do name = name .. "." end
  names[name] = true
  return name
end

-- One action: its line, its reason, and its draft folded under it.
local function line(item, page, dated)
  local add, as_of, state = page.add, page.as_of, page.actions
  local late = item.due < as_of
  local parts = { pill(item, as_of), '<strong class="co">' .. cut(item.company, NAME) .. "</strong>",
                  '<span class="what">' .. e(item.action or text.action(item.kind)) .. "</span>" }
  if item.to then parts[#parts + 1] = '<span class="to">to ' .. cut(item.to, NAME) .. "</span>" end
  if item.by then parts[#parts + 1] = '<span class="by">' .. e(item.by) .. "</span>" end
  local when = {}
  if dated then when[#when + 1] = (late and "was due " or "due ") .. ('<time datetime="%s">%s</time>'):format(e(item.due), e(text.day(item.due))) end
  if item.at then when[#when + 1] = "at " .. e(item.at) end
  if #when > 0 then parts[#parts + 1] = '<span class="when">' .. table.concat(when, " ") .. "</span>" end
  add(('<li class="act%s">\n<p class="line">%s</p>'):format(late and " overdue" or "", table.concat(parts, " ")))
  local why, rule = item.why, item.rule
  if why == nil then why, rule = text.reason(item.reason) end
  local said = {}
  if why ~= "" then said[#said + 1] = cut(why, REASON) end
  if rule then said[#said + 1] = '<span class="rule">' .. e(rule) .. "</span>" end
  if item.source then said[#said + 1] = '<span class="rule">from ' .. u(item.source) .. "</span>" end
  if #said > 0 then add('<p class="why">' .. table.concat(said, " ") .. "</p>") end
  if item.draft then
    state.n = state.n + 1
    local id = ("%sdraft-%d"):format(page.p, state.n)
    -- An answer to an offer carries its words apart from the notes around them: Copy takes the words alone.
    local words, notes = item.draft, nil
    if item.words and item.words ~= "" then words, notes = item.words, item.notes end
    add(('<details class="draft"><summary>%s</summary>'):format(words ~= item.draft and "What to say" or "Draft"))
    if notes then add('<p class="notes" dir="auto">' .. e(notes) .. "</p>") end
    add(('<pre class="draft" dir="auto" id="%s">%s</pre>'):format(id, e(words)))
    add(('<button class="copy" type="button" data-copy="%s" aria-label="%s">Copy</button>'):format(id, e(button_name(item, state.names))))
    add("</details>")
  end
  add("</li>")
end

-- A group's lines: the first `shown`, then the rest folded behind "+N more"
-- (up to HELD of them; past those, how many more the agenda lists).
local function lines(items, page, shown, dated, label)
  local add = page.add
  if shown > 0 then
    add('<ul class="acts">')
    for i = 1, math.min(shown, #items) do line(items[i], page, dated) end
    add("</ul>")
  end
  local rest = #items - shown
  if rest <= 0 then return end
  add(style.more(rest, label) .. '\n<ul class="acts">')
  for i = shown + 1, math.min(#items, shown + HELD) do line(items[i], page, dated) end
  add("</ul>")
  if rest > HELD then
    add(('<p class="muted">%d more not on this page: <code>cadence agenda</code> lists every one.</p>'):format(rest - HELD))
  end
  add("</details>")
end

-- What comes next when nothing is due today: "Next, on Tue 8 Dec: Acme: Prepare."
local function next_one(data, ahead)
  local en = data.later[1] and data.later[1].items[1] or data.next
  if not en then return "Nothing is planned in the next " .. e(text.span(ahead)) .. "." end
  return ("Next, on %s: %s: %s%s."):format(e(text.day(en.due)), cut(en.company, NAME), e(en.action or text.action(en.kind)),
    en.to and (" to " .. cut(en.to, NAME)) or "")
end

function actions.html(data, page)
  local add, p = page.add, page.p
  page.actions = page.actions or { n = 0, names = {} }
  local later = 0
  for _, day in ipairs(data.later) do later = later + #day.items end
  add(('<section class="actions" aria-labelledby="%sweek">\n<h2 id="%sweek">Actions</h2>'):format(p, p))
  local counts = {}
  if #data.overdue > 0 then counts[#counts + 1] = ('<span class="pill overdue">%d overdue</span>'):format(#data.overdue) end
  if #data.today > 0 then counts[#counts + 1] = ('<span class="pill today">%d today</span>'):format(#data.today) end
  if later > 0 then counts[#counts + 1] = ("%d more %s"):format(later, e(data.ahead or "this week")) end
  if #counts > 0 then add('<p class="counts">' .. table.concat(counts, " · ") .. "</p>") end
  if #data.overdue == 0 and #data.today == 0 then
    add('<p class="empty">Nothing to do today. ' .. next_one(data, page.ahead) .. "</p>")
  end
  if #data.overdue > 0 then
    add(('<h3 id="%soverdue">Overdue</h3>'):format(p))
    lines(data.overdue, page, SHOWN, true, "overdue")
  end
  if #data.today > 0 then
    add(('<h3 id="%stoday">Today</h3>'):format(p))
    lines(data.today, page, SHOWN, true, "today")
  end
  if later > 0 then
    add(('<h3 id="%slater">%s</h3>'):format(p, e((data.ahead or "this week"):gsub("^%l", string.upper))))
    local left = SHOWN
    for _, day in ipairs(data.later) do
      add(('<div class="day"><h4><time datetime="%s">%s</time> <span class="muted">%s</span></h4>')
        :format(e(day.day), e(text.day(day.day)), e(text.count(#day.items, "action"))))
      lines(day.items, page, left, false, "on " .. text.day(day.day))
      left = math.max(0, left - #day.items)
      add("</div>")
    end
  end
  add("</section>")
end

-- The part's own rules, in the page's variables (cadence.report.style).
actions.css = [[
section.actions h3 { margin: 1rem 0 .3rem; }
section.actions h4 { margin: .6rem 0 .2rem; }
.actions .counts { margin: .2rem 0 .6rem; }
ul.acts { list-style: none; margin: 0; padding: 0; }
li.act { display: grid; grid-template-columns: minmax(0, 1fr) auto; column-gap: .75rem; align-items: baseline;
  border-left: 3px solid var(--warn); padding: .15rem .6rem; margin: .3rem 0; break-inside: avoid; }
li.act.overdue { border-left-color: var(--danger); }
.act .line { grid-column: 1 / -1; margin: 0; min-width: 0; }
.act .line > * { margin-right: .3rem; }
.act .co::after { content: ":"; }
.act .to, .act .by, .act .when { color: var(--muted); }
.act .when { white-space: nowrap; }
.act .why { grid-column: 1; margin: 0; font-size: var(--step--1); color: var(--muted); min-width: 0; }
.act .rule { font-size: var(--step--1); opacity: .85; margin-left: .3rem; }
.act details.draft { grid-column: 2; grid-row: 2; font-size: var(--step--1); }
.act details.draft[open] { grid-column: 1 / -1; grid-row: auto; }
.act details.draft > summary { cursor: pointer; color: var(--accent); }
.act .notes { color: var(--muted); margin: .3rem 0; white-space: pre-line; }
pre.draft { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--card); padding: .5rem; border-radius: .3rem;
  font: inherit; font-size: var(--step-0); margin: .3rem 0; }
button.copy { font: inherit; cursor: pointer; padding: .2rem .8rem; }
.actions details.more > summary { cursor: pointer; color: var(--accent); margin: .2rem 0; }
.copy-status { position: fixed; left: 50%; bottom: 1rem; transform: translateX(-50%); max-width: calc(100% - 2rem);
  background: var(--fg); color: var(--bg); padding: .4rem .9rem; border-radius: .4rem; }
.copy-status:empty { padding: 0; }
@media print { .copy-status, button.copy { display: none; } li.act { break-inside: avoid; } .act details.draft { grid-column: 1 / -1; grid-row: auto; } }
]]

-- A draft's "Copy": the clipboard; where the browser refuses it (a page
-- opened from disk may not have it), the draft selected and copied the old
-- way; where that fails too, the draft left selected with what to press.
-- Each outcome is said in one polite live region for the whole page.
actions.script = [[
(function () {
  var buttons = document.querySelectorAll("button.copy");
  if (!buttons.length) return;
  var status = document.createElement("p");
  status.className = "copy-status"; status.setAttribute("role", "status"); status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);
  var timer;
  function say(words) {
    // The same words twice still change the region, so they are said again.
    status.textContent = status.textContent === words ? words + "\u00a0" : words;
    clearTimeout(timer); timer = setTimeout(function () { status.textContent = ""; }, 4000);
  }
  function select(node) {
    var range = document.createRange(); range.selectNodeContents(node);
    var selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);
  }
  function byHand(node) {
    select(node);
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    if (copied) { say("Copied"); return; }
    select(node);
    say(/Mac|iPhone|iPad/.test(navigator.platform) ? "Press \u2318C to copy" : "Press Ctrl+C to copy");
  }
  Array.prototype.forEach.call(buttons, function (button) {
    button.addEventListener("click", function () {
      var node = document.getElementById(button.getAttribute("data-copy"));
      if (!node) return;
      var clipboard = navigator.clipboard;
      if (!clipboard || !clipboard.writeText) { byHand(node); return; }
      var settled = false;
      var fallBack = function () { if (!settled) { settled = true; byHand(node); } };
      // A promise that never settles must not leave the click unanswered.
      var wait = setTimeout(fallBack, 1500);
      try {
        clipboard.writeText(node.textContent).then(function () {
          clearTimeout(wait); if (!settled) { settled = true; say("Copied"); }
        }, function () { clearTimeout(wait); fallBack(); });
      } catch (error) { clearTimeout(wait); fallBack(); }
    });
  });
})();
]]

return actions
