-- cadence.report.offers: the live offers, valued and compared.

local cadence = require "cadence"
local text = require "cadence.report.text"
local e, u, iso, cut = text.e, text.u, text.iso, text.cut

local offers = {}

--- { compared = the valuation's comparison entries, note = why there are none }.
function offers.data(ctx)
  return { compared = ctx.comparison, note = ctx.offers_note }
end

local function bars_svg(entries, p)
  local width, row, label = 700, 34, 170
  local best = 0
  for _, en in ipairs(entries) do best = math.max(best, en.year1 or 0, en.average or 0) end
  if best <= 0 then return "" end
  local out = { ('<svg role="img" aria-labelledby="%sof-title" viewBox="0 0 %d %d" width="100%%">'):format(p, width, 20 + row * #entries),
                ('<title id="%sof-title">Offers: first year and yearly average, in whole units; the table below gives the same figures</title>'):format(p) }
  for i, en in ipairs(entries) do
    local y = 10 + row * (i - 1)
    local w1 = (width - label - 150) * (en.year1 or 0) / best
    local w2 = (width - label - 150) * (en.average or 0) / best
    out[#out + 1] = ('<text x="0" y="%g">%s</text>'):format(y + 14, iso(cut(en.label, 28)))
    out[#out + 1] = ('<rect class="bar" x="%d" y="%g" width="%g" height="12"><title>first year %s</title></rect><text x="%g" y="%g">year 1: %s</text>')
      :format(label, y, w1, cadence.whole_text(en.year1 or 0), label + w1 + 4, y + 10, cadence.whole_text(en.year1 or 0))
    out[#out + 1] = ('<rect class="bar2" x="%d" y="%g" width="%g" height="12"><title>yearly average %s</title></rect><text x="%g" y="%g">average: %s</text>')
      :format(label, y + 14, w2, cadence.whole_text(en.average or 0), label + w2 + 4, y + 24, cadence.whole_text(en.average or 0))
  end
  out[#out + 1] = "</svg>"
  return table.concat(out, "\n")
end


function offers.html(offers, page)
  local add, p = page.add, page.p
    add('<h2 id="' .. p .. 'offers">Offers</h2>')
    if #offers.compared > 0 then
      add(bars_svg(offers.compared, p))
      add("<table><thead><tr><th>Offer</th><th>Year 1</th><th>Yearly average</th><th>Overall score</th></tr></thead><tbody>")
      local assumptions, seen = {}, {}
      for _, en in ipairs(offers.compared) do
        add(("<tr><td>%s</td><td>%s %s</td><td>%s %s</td><td>%.1f</td></tr>"):format(u(en.label), cadence.whole_text(en.year1 or 0), e(en.currency),
          cadence.whole_text(en.average or 0), e(en.currency), en.overall or 0))
        for _, line in ipairs(en.assumptions or {}) do
          if not seen[line] then seen[line], assumptions[#assumptions + 1] = true, line end
        end
      end
      add("</tbody></table>\n<h3>Assumptions</h3>\n<ul>")
      for _, line in ipairs(assumptions) do add("<li>" .. u(line) .. "</li>") end
      add("</ul>")
    else
      add('<p class="muted">' .. e(offers.note or "No offers yet.") .. "</p>")
    end
end

-- The part's own rules, in the page's variables (cadence.report.style).
offers.css = [[
.bar { fill: var(--theirs); } .bar2 { fill: var(--yours); }
]]

return offers
