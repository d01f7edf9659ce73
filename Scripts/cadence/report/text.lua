-- cadence.report.text: how the report puts a user's text on the page, and
-- the page's own words for what the workspace stores as slugs.
--
-- Every field a person typed (a company, a role, a name, a draft, a note)
-- reaches the page through one of three doors:
--   text.e(s)   escaped, for text or an attribute's value;
--   text.u(s)   escaped and isolated for direction (<bdi>), as content;
--   text.iso(s) escaped and isolated with FSI…PDI, for SVG and <title>,
--               which hold no <bdi>.
-- A right-to-left override in a company's name then reorders that name
-- alone, never the page's words around it.

local policy = require "cadence.policy"

local text = {}

local ESCAPES = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;", ["'"] = "&#39;" }

-- What user text may not bring into the page: the scalars the terminal
-- hides (policy.hidden, as UTF-8 patterns). A NEL (U+0085) and the line and
-- paragraph separators U+2028/9 are bidi paragraph separators, which end
-- every isolate around them.
local HIDDEN = policy.hidden

--- `s` safe inside HTML, as text or as an attribute's value. C0
--- controls but tab and line feed, and DEL, are dropped: HTML holds none.
--- So are C1 controls and every bidi control: the page's own isolates
--- (<bdi>, FSI…PDI) give each field its direction, and a control of the
--- text's own, unbalanced or not, could only reorder what is around it
--- (or, in a draft, what "Copy" copies). A NEL, U+2028 or U+2029 becomes
--- a space: it separated words, and a space keeps them apart. A page is
--- for reading; the workspace keeps the text exact.
function text.escape(s)
  return (text.visible(s):gsub("[&<>\"']", ESCAPES))
end

--- `s` as the page shows it, before escaping: without the scalars
--- text.escape drops, and a separator as a space. text.cut counts these.
function text.visible(s)
  s = tostring(s or ""):gsub("[%z\1-\8\11-\31\127]", ""):gsub("\194\133", " "):gsub(HIDDEN.separators, " ")
  for _, name in ipairs{ "c1", "arabic_mark", "marks", "isolates" } do s = s:gsub(HIDDEN[name], "") end
  return s
end
local e = text.escape
text.e = e

--- User text as an element's content, escaped and isolated (<bdi>; or
--- dir="auto" on the element that holds only it): its own direction stays
--- inside it. Each field a line composes is isolated on its own.
function text.u(s) return "<bdi>" .. e(s) .. "</bdi>" end

--- User text for SVG <text> or a <title>, which hold no <bdi>: escaped, and
--- between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE. The isolates are
--- the page's own, added after escaping (which drops the text's).
function text.iso(s) return "\u{2068}" .. e(s) .. "\u{2069}" end

-- Scalars that belong to the character before them: combining marks,
-- joiners, variation selectors, skin tones and tags, a Hangul syllable's
-- vowel and final consonant jamo, Devanagari's vowel signs and marks. A cut
-- never falls before one.
local function joins(code)
  return code and ((code >= 0x300 and code <= 0x36F) or code == 0x200D or (code >= 0xFE00 and code <= 0xFE0F)
    or (code >= 0x1F3FB and code <= 0x1F3FF) or (code >= 0xE0020 and code <= 0xE007F)
    or (code >= 0x1AB0 and code <= 0x1AFF) or (code >= 0x20D0 and code <= 0x20FF) or (code >= 0x3099 and code <= 0x309A)
    or (code >= 0x1160 and code <= 0x11FF) or (code >= 0xD7B0 and code <= 0xD7FF)
    or (code >= 0x0900 and code <= 0x0903) or (code >= 0x093A and code <= 0x094F) or (code >= 0x0951 and code <= 0x0957)
    or (code >= 0x0962 and code <= 0x0963))
end

-- A regional indicator: two of them make one flag (🇬🇧), never cut apart.
local function regional(code) return code and code >= 0x1F1E6 and code <= 0x1F1FF end

--- `s` cut to at most `n` characters as the page shows them (text.visible:
--- a control the page drops takes no room), the last an ellipsis "…" when it
--- was longer: counted in UTF-8 code points and never cut inside one, nor
--- between a character and the marks that join it, nor inside a flag.
function text.cut(s, n)
  s = tostring(s or "")
  if not utf8.len(s) then s = s:gsub("[\128-\255]", "\u{FFFD}") end  -- not UTF-8: each stray byte a replacement
  s = text.visible(s)
  if utf8.len(s) <= n then return s end
  local at = utf8.offset(s, n)  -- where the ellipsis goes
  while at > 1 do
    local before = utf8.offset(s, -1, at)
    -- A mark joins the character before it; a joiner, the one after it.
    if not (joins(utf8.codepoint(s, at)) or utf8.codepoint(s, before) == 0x200D) then break end
    at = before
  end
  -- A flag is two regional indicators: count those just before the cut, and keep them in pairs.
  local flags, k = 0, at
  while k > 1 do
    local before = utf8.offset(s, -1, k)
    if not regional(utf8.codepoint(s, before)) then break end
    flags, k = flags + 1, before
  end
  if flags % 2 == 1 and regional(utf8.codepoint(s, at)) then at = utf8.offset(s, -1, at) end
  return s:sub(1, at - 1) .. "…"
end

--- "1 day", "3 days".
function text.count(n, one, many)
  return ("%d %s"):format(n, n == 1 and one or (many or one .. "s"))
end

-- The year of the day the page is made for: a day in another year says its own.
local page_year

--- The page being made is for `day` (a Date): text.day names the year of a
--- day in any other year. cadence.report sets it before making a page.
function text.for_day(day) page_year = day.year end

--- A span of days in words: "4 weeks" for 28, "10 days" for 10.
function text.span(days)
  if days % 7 == 0 then return text.count(days // 7, "week") end
  return text.count(days, "day")
end

--- A day as the page says it everywhere: "Tue 1 Dec", and "Tue 1 Dec 2025"
--- in a year other than the page's (a Date or "2026-12-01").
function text.day(d)
  if d == nil then return nil end
  if type(d) == "string" then d = require("cadence").date(d) end
  if page_year and d.year ~= page_year then return d:short() .. " " .. d.year end
  return d:short()
end

--- A day's year ("2026"): the page's header says it once.
function text.year(d)
  if type(d) == "string" then d = require("cadence").date(d) end
  return tostring(d.year)
end

--- How far a day is from the page's day, in words (`days`: the day less
--- the page's): "today", "tomorrow", "in 3 days", "passed yesterday",
--- "passed 2 days ago".
function text.from_today(days)
  if days == 0 then return "today" elseif days == 1 then return "tomorrow" elseif days == -1 then return "passed yesterday" end
  if days > 0 then return "in " .. text.count(days, "day") end
  return "passed " .. text.count(-days, "day") .. " ago"
end

--- The pill a day to meet asks for (`days` as for text.from_today):
--- "overdue" once gone by, "today", "soon" within three days, nil later.
function text.urgency(days)
  if days < 0 then return "overdue" elseif days == 0 then return "today" elseif days <= 3 then return "soon" end
  return nil
end

-- What each kind of event was, in words: a timeline's list and a card's dates.
local EVENTS = {
  saved = "Saved the posting",
  applied = "Applied",
  screen = "Screening call",
  interview = "Interview",
  ["follow-up-call"] = "Follow-up call",
  ["message-sent"] = "You wrote",
  ["reply-received"] = "They replied",
  ["next-step"] = "They promised a next step",
  ["deadline-set"] = "They set a date for their decision",
  ["offer-received"] = "Offer received",
  ["negotiation-round"] = "Negotiation round",
  rejection = "Rejected",
  withdrawal = "You withdrew",
  acceptance = "You accepted",
  decline = "You declined",
  ghosted = "Gone quiet",
  note = "Note",
  correction = "Correction",
}

--- An event's kind in words ("interview" → "Interview", "screen" → "Screening call").
function text.event(kind)
  return EVENTS[kind] or (tostring(kind):gsub("%-", " "):gsub("^%l", string.upper))
end

-- Stages as people write them on a board.
local STAGES = {
  saved = "Saved", applied = "Applied", screening = "Screening", interviewing = "Interviewing", final = "Final round",
  offer = "Offer", negotiating = "Negotiating", accepted = "Accepted", declined = "Declined", rejected = "Rejected",
  withdrawn = "Withdrawn", ghosted = "Ghosted",
}

--- A stage's name as people write it ("final" → "Final round").
function text.stage(stage)
  return STAGES[stage] or (tostring(stage):gsub("%-", " "):gsub("^%l", string.upper))
end

-- The actions the standard policies propose, in plain words. A kind of a
-- person's own cadence.lua is said as its slug with spaces.
local ACTIONS = {
  ["thank-you"] = "Thank them for the interview",
  ["post-rejection-thanks"] = "Thank them after the rejection",
  ["feedback-request"] = "Ask for feedback",
  ["stay-in-touch"] = "Get back in touch",
  ["status"] = "Ask how it is going",
  ["move-on"] = "Move on: no reply after weeks of follow-ups",
  ["deadline-inquiry"] = "Ask about the decision they promised",
  ["line-up-references"] = "Line up your references",
  ["reference-request"] = "Ask for a reference",
  ["put-in-a-word"] = "Ask them to put in a word",
  ["questions"] = "Ask what is still unknown",
  ["prepare"] = "Prepare",
  ["plan-follow-up"] = "Plan the follow-up",
  ["answer-offer"] = "Answer the offer",
  ["ask-for-time"] = "Ask for time to consider the offer",
  ["acceptance-in-writing"] = "Accept in writing",
  ["decline"] = "Decline in writing",
  ["promised-call"] = "Call them, as they asked",
  ["promised-follow-up"] = "Follow up, as they asked",
  ["policy-error"] = "Fix your cadence.lua",
}

--- What an agenda item's kind asks of you, in plain words.
function text.action(kind)
  return ACTIONS[kind] or (tostring(kind):gsub("%-", " "):gsub("^%l", string.upper))
end

--- An item's reason without the rule it cites ("rule 9: thank them…" →
--- "Thank them…"), and the rule apart ("rule 9"), for a page that speaks
--- to people rather than to the policy's author.
function text.reason(reason)
  reason = tostring(reason or "")
  local rule, rest = reason:match("^(%a*%s*rule %d+):%s*(.*)$")
  if not rule then return reason, nil end
  return (rest:gsub("^%l", string.upper)), rule
end

return text
