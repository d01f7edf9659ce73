-- cadence.report.offers: the live offers, each with the day to answer by,
-- its components and its years, valued and compared (cadence.valuation).
--
-- An offer is live while it is received or negotiating; one answered or gone
-- is named, not weighed. The comparison leads (one row an offer, your
-- current job among them as the baseline), then one block an offer, labelled
-- by company and role: when to answer (the offer's date, and the day and
-- hour you agreed when you asked for time), what is paid and what is worth
-- something but is not paid, each component with how it was valued, and the
-- years: said once when every year is the same, else year by year. The
-- assumptions come once, at the end. Without a valuation (the workspace's
-- negotiation settings do not allow one) the offers are shown as recorded,
-- with what to set.

local cadence = require "cadence"
local negotiation = require "cadence.negotiation"
local text = require "cadence.report.text"
local style = require "cadence.report.style"
local e, u, cut = text.e, text.u, text.cut

local offers = {}

-- Blocks shown open; the rest of a long list folds under "+N more".
local OPEN_BLOCKS = 3

-- How a day to answer by stands on `today`: the words, and the pill's class
-- when it asks for attention now (text.urgency).
local function standing(day, today)
  return text.from_today(day - today), text.urgency(day - today)
end

--- The part's data, what `cadence report --json` gives as `offers`:
--- { compared = the valuation's comparison entries for the offers live by
--- the day (ranked, the current job among them), note = why there is none,
--- live = { { application, offer, company, role, status, base (as recorded,
--- "54,000 GBP a year"), respond_by, start ("YYYY-MM-DD" or nil), agreed =
--- { day, time, to } or nil, benefits = { { name, terms } } } },
--- closed = { { application, offer, company, role, status } } (answered or gone),
--- problem = why the live offers could not be valued, or nil }.
function offers.data(ctx)
  local live, closed, here = {}, {}, {}
  for _, app in ipairs(ctx.apps) do
    local happened = ctx.happened[app.id]
    local open = {}
    for _, o in ipairs(ctx.live[app.id] or {}) do open[o] = true end
    for _, o in ipairs(ctx.offers[app.id] or {}) do
      if open[o] then
        local agreed = negotiation.time_agreed(app, happened or {})
        local words = {}
        for name, terms in pairs(o.benefits or {}) do words[#words + 1] = { name = name, terms = terms } end
        table.sort(words, function(a, b) return a.name < b.name end)
        live[#live + 1] = { application = app.id, offer = o.id, company = app.company, role = app.role, status = o.status,
                            base = cadence.money_text(o.base, o.period), respond_by = o.respond_by and tostring(o.respond_by),
                            start = o.start and tostring(o.start), benefits = words,
                            agreed = agreed and { day = tostring(agreed.day), time = agreed.time, to = agreed.to } }
        here[o.id] = true
      else
        closed[#closed + 1] = { application = app.id, offer = o.id, company = app.company, role = app.role, status = o.status }
      end
    end
  end
  -- The valuation ranks every offer open now; as of a day gone by, those not there yet are left out.
  local compared = {}
  for _, en in ipairs(ctx.comparison or {}) do
    if en.current or here[en.offer] then compared[#compared + 1] = en end
  end
  if #compared == 1 and compared[1].current then compared = {} end
  -- Ranked again among those left (a shallow copy: the valuation's entries stay as they are).
  if #compared < #(ctx.comparison or {}) then
    for i, en in ipairs(compared) do
      local copy = {}
      for k, v in pairs(en) do copy[k] = v end
      copy.rank, compared[i] = i, copy
    end
  end
  -- Live offers and no valuation: the valuation refused (its words say what to set). Some valued:
  -- each of the others says why it is not (ctx.unvalued), and is shown as recorded.
  local problem = #live > 0 and #compared == 0 and ctx.offers_note or nil
  local why_not = {}
  for _, u in ipairs(ctx.unvalued or {}) do why_not[u.offer] = u.why end
  for _, o in ipairs(live) do o.not_valued = #compared > 0 and why_not[o.offer] or nil end
  return { compared = compared, note = ctx.offers_note, live = live, closed = closed, problem = problem }
end

---------------------------------------------------------------------------
-- The page
---------------------------------------------------------------------------

local whole = cadence.whole_text

-- A figure in a cell: right-aligned tabular digits (td.num), the currency after it when given.
local function num(minor, currency)
  return '<td class="num">' .. e(whole(minor or 0)) .. (currency and (' <span class="of-cur">' .. e(currency) .. "</span>") or "") .. "</td>"
end

-- A component's name as a heading of its row: "base" → "Base" (a name of the person's own kept as written).
local function named(name)
  return u((tostring(name):gsub("^%l", string.upper)))
end

-- Consecutive years of one amount, run together: { { from, to, amount } }.
local function runs(amounts)
  local out = {}
  for y, amount in ipairs(amounts) do
    local last = out[#out]
    if last and last.amount == amount then last.to = y else out[#out + 1] = { from = y, to = y, amount = amount } end
  end
  return out
end

-- Every year alike: the package's, and each component's (one column then says it all).
local function same_each_year(en)
  if #runs(en.totals or {}) > 1 then return false end
  for _, r in ipairs(en.rows or {}) do if #runs(r.amounts or {}) > 1 then return false end end
  return true
end

-- A score as the valuation works it out, to a hundredth, without a trailing zero: "5.0", "4.5", "4.45".
local function score(x) return (("%.2f"):format(x or 0):gsub("(%.%d)0$", "%1")) end

-- "Initech" and the role, muted: how an offer is named on the page.
-- Cut by characters (`width` for the company, more for the role): a name of
-- 500 characters neither widens the page nor stretches its row.
local function title(company, role, width)
  width = width or 80
  return "<strong>" .. u(cut(company, width)) .. "</strong>"
    .. (role and (' <span class="of-role">' .. u(cut(role, width + 20)) .. "</span>") or "")
end

-- When to answer: the offer's date, and the day and hour agreed when time
-- was asked for (in a line of the comparison, `short`: the one that counts,
-- the day agreed when there is one).
local function answer_by(offer, today, short)
  local parts = {}
  local function dated(label, day, tail)
    local words, pill = standing(cadence.date(day), today)
    parts[#parts + 1] = label .. "<strong>" .. e(text.day(day)) .. "</strong>" .. (tail or "") .. " "
      .. (pill and ('<span class="pill ' .. pill .. '">' .. e(words) .. "</span>") or ('<span class="muted">' .. e(words) .. "</span>"))
  end
  local agreed = offer.agreed
  -- In a line, the day that counts: the one agreed, unless the offer's own comes first.
  if short and agreed and offer.respond_by and offer.respond_by < agreed.day then agreed = nil end
  if agreed then
    local at = agreed.time and (", " .. e(agreed.time)) or ""
    if short then dated("Answer by ", agreed.day, at .. " (agreed)")
    else dated("You agreed to answer by ", agreed.day, at .. (agreed.to and (" (to " .. u(cut(agreed.to, 60)) .. ")") or "")) end
  end
  if offer.respond_by and not (short and agreed) then
    dated(agreed and "the offer's date: " or "Answer by ", offer.respond_by)
  end
  if #parts == 0 then return '<span class="muted">No date to answer by recorded.</span>' end
  return table.concat(parts, "; ")
end

-- The comparison: one row an offer (and the current job), ranked, with the
-- figures a year and a bar for each package's average (one bar a row). The
-- currency is said in the column's head, so that a row fits a phone.
local function comparison(data, page, live_by_offer, today)
  local add, p = page.add, page.p
  local entries = data.compared
  local constant, best = true, 0
  for _, en in ipairs(entries) do
    constant = constant and same_each_year(en)
    best = math.max(best, en.average or 0)
  end
  local first = entries[1]
  local cur = e(first.currency)
  -- Money alone (no criteria of your own in negotiation.lua): the score is the average a year's, said once here.
  local criteria = 0
  for _ in pairs(first.scores or {}) do criteria = criteria + 1 end
  local over = ("Valued in %s over %s (whole units, rounded)"):format(cur, e(text.count(first.years, "year")))
  -- One offer and nothing to weigh it against: its block says it all.
  if #entries == 1 then return add('<p class="muted">' .. over .. ".</p>") end
  add(('<p class="muted">%s and ranked %s.</p>'):format(over, criteria > 1 and "by your criteria, each score out of 5"
    or "on money alone: the best average a year scores 5, the others in proportion"))
  add('<table class="of-table of-compare"><thead><tr><th scope="col">Offer <span class="of-note">and when to answer</span></th>'
    .. (constant and ('<th scope="col" class="num">%s a year <span class="of-note">(every year alike)</span></th>'):format(cur)
        or ('<th scope="col" class="num">Year 1, %s</th><th scope="col" class="num">Average a year, %s</th>'):format(cur, cur))
    .. '<th scope="col" class="num">Score</th></tr></thead><tbody>')
  for _, en in ipairs(entries) do
    local offer = not en.current and live_by_offer[en.offer]
    local name = en.current and '<span class="muted">Your current job</span>'
      or (('<a href="#%soffer-%d">%s</a>'):format(p, en.offer, title(en.company, en.role, 48))
          .. '<span class="of-by">' .. answer_by(offer, today, true) .. "</span>")
    local bar = best > 0 and ('<span class="of-bar" aria-hidden="true" style="width:%d%%"></span>')
      :format(math.max(0, math.min(100, math.floor(100 * (en.average or 0) / best + 0.5)))) or ""
    local average = '<td class="num">' .. e(whole(en.average or 0)) .. bar .. "</td>"
    add("<tr" .. (en.current and ' class="of-current"' or "") .. "><th scope=\"row\">" .. name .. "</th>"
      .. (constant and average or (num(en.year1) .. average))
      .. '<td class="num">' .. score(en.overall) .. "</td></tr>")
  end
  add("</tbody></table>")
end

-- One offer's block: when to answer, its components (paid, then worth something
-- but not paid, each with how it was valued), its years, its score.
local function block(en, offer, rank, count, with_current, page, today)
  local add, p = page.add, page.p
  local constant = same_each_year(en)
  add(('<article class="of-offer" id="%soffer-%d" aria-labelledby="%soffer-%d-h">'):format(p, en.offer, p, en.offer))
  add(('<h3 id="%soffer-%d-h">%s</h3>'):format(p, en.offer, title(en.company, en.role)))
  add('<p class="of-when">' .. answer_by(offer, today, false) .. "</p>")
  if offer.start then add('<p class="of-start muted">Start date: ' .. e(text.day(offer.start)) .. ".</p>") end
  -- The breakdown says something only when criteria of your own are weighed beside money.
  local criteria = 0
  for _ in pairs(en.scores or {}) do criteria = criteria + 1 end
  -- A rank says something beside another: one offer alone (no current job recorded) has none.
  if count > 1 then add(('<p class="of-score">Ranked %d of %d%s, score <strong>%s</strong>%s</p>')
    :format(rank, count, with_current and " with your current job" or "", score(en.overall),
      criteria > 1 and (' <span class="muted">' .. e(en.breakdown or "") .. "</span>") or "")) end
  local columns = constant and 2 or 3
  add('<table class="of-table of-parts"><thead><tr><th scope="col">Component <span class="of-note">(how valued)</span></th>'
    .. (constant and ('<th scope="col" class="num">A year</th>')
        or '<th scope="col" class="num">Year 1</th><th scope="col" class="num">Average</th>')
    .. "</tr></thead><tbody>")
  local function figures(amounts, currency)
    if constant then return num(amounts[1], currency) end
    return num(amounts[1], currency) .. num(cadence.average(amounts), currency)
  end
  for _, kind in ipairs{ "paid", "worth" } do
    local rows = {}
    for _, r in ipairs(en.rows or {}) do if r.kind == kind then rows[#rows + 1] = r end end
    if #rows > 0 then
      add(('<tr class="of-group"><th scope="colgroup" colspan="%d">%s</th></tr>')
        :format(columns, kind == "paid" and "Paid" or "Worth something, not paid"))
      for _, r in ipairs(rows) do
        add('<tr><th scope="row">' .. named(cut(r.name, 60)) .. (r.how and ('<span class="of-how">' .. u(cut(r.how, 200)) .. "</span>") or "")
          .. "</th>" .. figures(r.amounts) .. "</tr>")
      end
      add('<tr class="of-total"><th scope="row">' .. (kind == "paid" and "Total paid" or "Total not paid") .. "</th>"
        .. figures(en[kind].totals, en.currency) .. "</tr>")
    end
  end
  add('<tr class="of-total of-package"><th scope="row">Whole package</th>' .. figures(en.totals, en.currency) .. "</tr>")
  add("</tbody></table>")
  -- The years: said once when alike; else each run of equal years once, with a bar, and the average.
  local spans = runs(en.totals or {})
  if constant then
    add(('<p class="of-years">The same each of the %s: <strong>%s %s</strong> a year.</p>')
      :format(e(text.count(en.years, "year")), e(whole(en.totals[1] or 0)), e(en.currency)))
  else
    local top = 0
    for _, s in ipairs(spans) do top = math.max(top, s.amount) end
    add(('<table class="of-table of-years"><caption>Year by year, %s</caption><tbody>'):format(e(en.currency)))
    for _, s in ipairs(spans) do
      local label = s.from == s.to and ("Year %d"):format(s.from) or ("Years %d–%d, each"):format(s.from, s.to)
      local width = top > 0 and math.max(0, math.min(100, math.floor(100 * s.amount / top + 0.5))) or 0
      add(('<tr><th scope="row">%s</th><td class="of-track"><span class="of-bar" aria-hidden="true" style="width:%d%%"></span></td>%s</tr>')
        :format(label, width, num(s.amount)))
    end
    add(('<tr class="of-total"><th scope="row">Average a year</th><td></td>%s</tr>'):format(num(en.average)))
    add("</tbody></table>")
  end
  if #(en.equity_scenarios or {}) > 0 then
    local parts = {}
    for _, s in ipairs(en.equity_scenarios) do parts[#parts + 1] = ("%d× %s"):format(s.multiple, whole(s.average)) end
    add(('<p class="of-line">If the shares are worth 0×, 1× or 2× the value assumed, the average a year: %s %s.</p>')
      :format(e(table.concat(parts, ", ")), e(en.currency)))
  end
  if #(en.not_valued or {}) > 0 then
    add('<p class="of-line">Not valued (worded in the offer, no figure):</p><ul class="of-list">')
    for _, n in ipairs(en.not_valued) do
      add("<li>" .. u(cut(n.name, 60)) .. (n.terms ~= n.name and (" “" .. u(cut(n.terms, 120)) .. "”") or "")
        .. ': <span class="muted">' .. u(cut(n.how, 200)) .. "</span></li>")
    end
    add("</ul>")
  end
  -- The benefits as worded in the offer, but for those named just above as not valued.
  local unvalued = {}
  for _, n in ipairs(en.not_valued or {}) do unvalued[n.name] = true end
  local words = {}
  for _, b in ipairs(offer.benefits) do
    if not unvalued[b.name] then words[#words + 1] = u(cut(b.name, 60)) .. ": " .. u(cut(b.terms, 120)) end
  end
  if #words > 0 then
    add('<p class="of-line of-words">In the offer’s words: ' .. table.concat(words, "; ") .. ".</p>")
  end
  add("</article>")
end

-- The offers as recorded, when they could not be valued: base, when to
-- answer, and what to set (the valuation's own words name it). `live`: the
-- offers to show (all of them, or those left out of a comparison).
local function recorded(data, page, today, live)
  local add = page.add
  add('<table class="of-table of-compare"><thead><tr><th scope="col">Offer <span class="of-note">and when to answer</span></th>'
    .. '<th scope="col" class="num">Base, as recorded</th></tr></thead><tbody>')
  for _, o in ipairs(live) do
    add('<tr><th scope="row">' .. title(o.company, o.role, 48) .. '<span class="of-by">' .. answer_by(o, today, true) .. "</span>"
      .. (o.not_valued and ('<span class="of-problem">Not valued yet: ' .. u(o.not_valued) .. "</span>") or "") .. "</th>"
      .. '<td class="num">' .. e(o.base) .. "</td></tr>")
  end
  add("</tbody></table>")
  if data.problem then add('<p class="of-problem">Not valued yet: ' .. u(data.problem) .. "</p>") end
end

-- What the comparison assumes, once: an assumption only some entries rest on names them.
local function assumptions(entries, add)
  local order, holders = {}, {}
  for _, en in ipairs(entries) do
    for _, line in ipairs(en.assumptions or {}) do
      if not holders[line] then order[#order + 1], holders[line] = line, {} end
      local who = holders[line]
      who[#who + 1] = en.current and "your current job" or en.label
    end
  end
  if #order == 0 then return end
  add('<h3 class="of-assume-h">Assumptions</h3><ul class="of-list of-assume">')
  for _, line in ipairs(order) do
    local who = holders[line]
    local whose = ""
    if #who < #entries then
      local named_ = {}
      for i, name in ipairs(who) do named_[i] = u(cut(name, 48)) end
      whose = "<strong>" .. table.concat(named_, ", ") .. "</strong>: "
    end
    add("<li>" .. whose .. u((line:gsub("^%l", string.upper))) .. "</li>")
  end
  add("</ul>")
end

-- Answered or gone, said in a line: not weighed.
local function closed_line(data, add)
  if #data.closed == 0 then return end
  local parts = {}
  for _, o in ipairs(data.closed) do parts[#parts + 1] = u(cut(o.company, 48)) .. " (" .. e(o.status) .. ")" end
  add('<p class="muted of-closed">Answered or gone, not compared: ' .. table.concat(parts, ", ") .. ".</p>")
end

function offers.html(data, page)
  local add, p = page.add, page.p
  local today = cadence.date(page.as_of)
  add(('<section class="of" aria-labelledby="%soffers"><h2 id="%soffers">Offers</h2>'):format(p, p))
  local live_by_offer = {}
  for _, o in ipairs(data.live) do live_by_offer[o.offer] = o end
  if #data.live == 0 then
    -- With none live, why the valuation could not run (a rate for an answered offer's currency) does not matter here.
    add('<p class="empty">' .. (#data.closed > 0 and "None live: every offer is answered or gone."
      or "No offers yet (received or negotiating).") .. "</p>")
    closed_line(data, add)
  elseif #data.compared == 0 then
    recorded(data, page, today, data.live)
    closed_line(data, add)
  else
    comparison(data, page, live_by_offer, today)
    local shown = {}
    for _, en in ipairs(data.compared) do if not en.current then shown[#shown + 1] = en end end
    add('<div class="of-offers">')
    for i, en in ipairs(shown) do
      if i == OPEN_BLOCKS + 1 then
        local more = #shown - OPEN_BLOCKS
        -- Printed open: a few offers, each worth its page.
        add("</div>" .. style.more(more, more == 1 and "offer" or "offers", true) .. '<div class="of-offers">')
      end
      block(en, live_by_offer[en.offer], en.rank, #data.compared, #shown < #data.compared, page, today)
    end
    add(#shown > OPEN_BLOCKS and "</div></details>" or "</div>")
    assumptions(data.compared, add)
    -- Live offers the valuation could not take (a currency with no rate): as recorded, each with what to set.
    local left = {}
    for _, o in ipairs(data.live) do if o.not_valued then left[#left + 1] = o end end
    if #left > 0 then
      add('<h3 class="of-assume-h">Not compared yet</h3>')
      recorded(data, page, today, left)
    end
    closed_line(data, add)
  end
  add("</section>")
end

-- A link of the comparison to an offer folded under "+N more" opens the fold.
offers.script = [[
(function () {
  function reveal() {
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!target || !target.classList.contains("of-offer")) return;
    for (var up = target.parentNode; up; up = up.parentNode) if (up.tagName === "DETAILS") up.open = true;
    target.scrollIntoView();
  }
  window.addEventListener("hashchange", reveal);
  reveal();
})();
]]

-- The part's own rules, in the page's variables (cadence.report.style).
offers.css = [[
.of .of-table { display: table; width: 100%; table-layout: auto; }
.of th.num { overflow-wrap: normal; }
.of .of-compare tbody th { font-weight: normal; }
.of .of-by { display: block; font-size: var(--step--1); }
.of .of-cur, .of .of-note, .of .of-role, .of .of-how, .of .of-score .muted, .of caption { color: var(--muted); font-size: var(--step--1); font-weight: normal; }
.of .of-how { display: block; }
.of .of-role { display: block; }
.of .of-bar { display: block; height: .35rem; margin-top: .2rem; margin-left: auto; background: var(--accent); border-radius: 2px; }
.of .of-current td { color: var(--muted); }
.of .of-offers { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr)); gap: 1rem; margin-top: 1rem; }
.of .of-offer { min-width: 0; border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; background: var(--card); }
.of .of-offer h3 { margin: 0 0 .25rem; font-size: var(--step-1); }
.of .of-offer p { margin: .25rem 0; }
.of .of-group th { padding-top: .6rem; border-bottom: 0; font-size: var(--step--1); text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.of .of-total th, .of .of-total td { font-weight: 600; }
.of .of-package th, .of .of-package td { border-top: 2px solid var(--line); }
.of .of-years caption { text-align: left; caption-side: top; padding: .5rem 0 .2rem; }
.of .of-years th { white-space: nowrap; font-weight: normal; }
.of .of-years .of-track { width: 55%; }
.of .of-years .of-bar { margin: .5rem 0 0; }
.of .of-list { margin: .25rem 0; padding-left: 1.2rem; }
.of .of-assume { font-size: var(--step--1); }
.of .of-problem { color: var(--danger); }
@media print { .of .of-offer { break-inside: avoid; } .of .of-offers { display: block; } }
]]

return offers
