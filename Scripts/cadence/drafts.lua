-- cadence.drafts: the words of each follow-up. A workspace can replace any of
-- them with its own scripts/drafts.lua returning a table of the same functions.
-- Cadence never sends anything: these are drafts to edit and send yourself.

local cadence = require "cadence"

local drafts = {}

local TITLES = { mr = true, mrs = true, ms = true, miss = true, mx = true, dr = true, prof = true, professor = true,
                 sir = true, dame = true }

-- "Dear Helen," for "Helen Jones"; "Dear Ms. Jones," when a title is part of
-- the name; "Hello," when there is no one to name (never "Dear there,").
local function greeting(full)
  local first = full and full:match("^%s*(%S+)")
  if not first then return "Hello," end
  if TITLES[first:lower():gsub("%.$", "")] then return "Dear " .. full:match("^%s*(.-)%s*$") .. "," end
  return "Dear " .. first .. ","
end

-- "a Data Analyst role", "an Analytics Manager role".
local function a_role(role) return (role:match("^[AEIOUaeiou]") and "an " or "a ") .. role .. " role" end

local function sign(candidate) return "\n\nBest regards,\n" .. (candidate and candidate.name or "") end

-- "Hi Helen," for a short message: no "Dear", no letter form.
local function hi(full)
  local first = full and full:match("^%s*(%S+)")
  if not first then return "Hi," end
  if TITLES[first:lower():gsub("%.$", "")] then return "Hi " .. full:match("^%s*(.-)%s*$") .. "," end
  return "Hi " .. first .. ","
end

-- The channels by name (the host's Channel): the form a draft takes on each.
local CHANNELS = cadence.channels()

--- The form a draft takes on `channel` (default email): "letter" (email,
--- post), "message" (LinkedIn, text: short, no subject, no letter form),
--- "talking-points" (a call) or "task".
function drafts.form(channel)
  local c = CHANNELS[channel or "email"]
  return c and c.form or "letter"
end

-- One message in the form its channel (f.channel) gives it. `m.letter` is
-- the body of a letter (between greeting and sign-off); `m.short`, the same
-- in a line or two (default: the letter's body); `m.points`, what to say on
-- a call. A text ends with your first name, as a text from a number they
-- may not have saved should; a LinkedIn message shows your name already.
local function compose(f, m)
  local form = drafts.form(f.channel)
  if form == "message" then
    local name = f.channel == "text" and f.candidate and f.candidate.name and f.candidate.name:match("^%s*(%S+)")
    return hi(f.to) .. " " .. (m.short or m.letter) .. (name and (" – " .. name) or "")
  end
  if form == "talking-points" then
    local lines = { ("Call %s at %s about the %s role:"):format(f.to or "your contact", f.app.company, f.app.role) }
    for _, point in ipairs(m.points) do lines[#lines + 1] = "  - " .. point end
    return table.concat(lines, "\n")
  end
  return greeting(f.to) .. "\n\n" .. m.letter .. sign(f.candidate)
end

-- The points given, those that are nil left out.
local function points_of(...)
  local points = {}
  for i = 1, select("#", ...) do
    local point = select(i, ...)
    if point then points[#points + 1] = point end
  end
  return points
end

--- Rule 2 and 3: short and positive, personalised with what the person said,
--- tying one strength to one need when interested; a brief thanks when not.
--- f.met: when you met, as the letter says it ("today", the default;
--- "yesterday"; "on Mon 30 Nov"): a thank-you sent late says so truly.
function drafts.thank_you(f)
  local met = f.met or "today"
  local discussed = f.contact and f.contact.discussed
  local about = discussed and (" I especially enjoyed our conversation about " .. discussed .. ".") or ""
  if f.interested then
    local link, point = "", nil
    if f.need and f.strength then
      link = (" When you mentioned %s, I thought of my experience in %s: it is exactly where I can help."):format(f.need, f.strength)
      point = ("link what they need to what you bring: %s, through %s"):format(f.need, f.strength)
    end
    return compose(f, {
      letter = ("Thank you for your time %s.%s%s I remain very interested in the %s role at %s and look forward to the next step.")
        :format(met, about, link, f.app.role, f.app.company),
      short = ("thank you for your time %s. I remain very interested in the %s role and look forward to the next step.")
        :format(met, f.app.role),
      points = points_of("thank them for their time " .. met, discussed and ("mention what you talked about: " .. discussed),
                         point, "say you remain very interested and look forward to the next step"),
    })
  end
  return compose(f, {
    letter = ("Thank you for your time %s and for telling me about the %s role."):format(met, f.app.role),
    short = ("thank you for your time %s and for telling me about the %s role."):format(met, f.app.role),
    points = { "thank them for their time and for telling you about the role" },
  })
end

--- Rule 5: a weekly status note: interest restated, no pressure.
function drafts.status(f)
  return compose(f, {
    letter = ("I hope you are well. I wanted to check in on the %s role: I remain very interested, and I would be glad to send anything that helps your decision.")
      :format(f.app.role),
    short = ("checking in on the %s role: I remain very interested, and glad to send anything that helps.")
      :format(f.app.role),
    points = { "restate your interest in one sentence", "ask where the decision stands, and when to expect news",
               "offer anything that helps their decision" },
  })
end

--- Rule 4: following up when they said to.
function drafts.promised(f)
  return compose(f, {
    letter = ("When we spoke you suggested I get in touch around now about the %s role, so I am following up as promised. Is there any news on the next step?")
      :format(f.app.role),
    short = ("following up on the %s role as you suggested: is there any news on the next step?"):format(f.app.role),
    points = { "remind them they suggested you get in touch around now", "ask about the next step, and when" },
  })
end

--- Rule 4: they asked for a call: not a letter but what to say on the phone.
function drafts.promised_call(f)
  local lines = { ("Call %s at %s about the %s role, as they asked (%q):"):format(f.to or "your contact", f.app.company,
    f.app.role, f.promise or "call me") }
  lines[#lines + 1] = "  - thank them for taking the call, and remind them when you last spoke"
  lines[#lines + 1] = "  - restate your interest in one sentence"
  if f.app.needs and f.app.needs[1] and f.candidate and f.candidate.strengths and f.candidate.strengths[1] then
    lines[#lines + 1] = ("  - link what they need to what you bring: %s, through %s"):format(f.app.needs[1], f.candidate.strengths[1])
  end
  lines[#lines + 1] = "  - ask where the decision stands and what the next step is, and when"
  lines[#lines + 1] = "  - before you hang up, agree the date you will next hear or call (rule 4)"
  return table.concat(lines, "\n")
end

--- Rule 6: one polite inquiry after a decision date passed in silence
--- (f.promise: their words, when the date was their promise).
function drafts.deadline_inquiry(f)
  local day = f.deadline.short and f.deadline:short() or tostring(f.deadline)
  local expected = f.promise and ("When we last spoke you expected to get back to me by %s about the %s role."):format(day, f.app.role)
    or ("I understood a decision on the %s role was expected around %s."):format(f.app.role, day)
  return compose(f, {
    letter = expected .. " I remain keen on the position and wondered whether there is any news, or a new timeline.",
    short = ("is there any news on the %s role? I understood you hoped to decide by %s, and I remain keen."):format(f.app.role, day),
    points = { ("remind them of the date they gave: %s"):format(day), "say you remain keen on the role",
               "ask whether there is news, or a new timeline" },
  })
end

--- Rule 9: gracious after a rejection; ask to be considered if the hire does not work out.
function drafts.rejection_thanks(f)
  return compose(f, {
    letter = ("Thank you for letting me know, and for the time you and the team gave me. I enjoyed learning about %s; if the situation changes, I would be glad to be considered again.")
      :format(f.app.company),
    short = ("thank you for letting me know, and for your time. If the situation changes, I would be glad to be considered again."),
    points = { "thank them for letting you know, and for their time", "ask to be considered if the situation changes" },
  })
end

--- Rule 8: ask for feedback.
function drafts.feedback_request(f)
  return compose(f, {
    letter = ("Could you share any feedback on my application for the %s role? It would help me a great deal in my search.")
      :format(f.app.role),
    short = ("could you share any feedback on my application for the %s role? It would help me a great deal."):format(f.app.role),
    points = { "thank them again for their time", "ask what would have made your application stronger" },
  })
end

--- Rule 9: stay in touch over the long term.
function drafts.stay_in_touch(f)
  return compose(f, {
    letter = ("It has been a few months since we spoke about the %s role; I hope things are going well at %s. I would be glad to stay in touch about future openings.")
      :format(f.app.role, f.app.company),
    short = ("I hope things are going well at %s. I would be glad to stay in touch about future openings."):format(f.app.company),
    points = { "ask how things are going at " .. f.app.company, "say you would be glad to hear of future openings" },
  })
end

--- Rule 7: not a message: the two questions to answer before moving on.
function drafts.move_on(f)
  return ("Before you mark %s ghosted and move on (a reply later revives it), answer for yourself:\n"
    .. "  1. Do you still want the %s role?\n  2. On what terms would you accept it (pay, hours, location)?\n"
    .. "If yes, one last short note restating interest does no harm."):format(f.app.company, f.app.role)
end

--- Rule 1: the plan for after a meeting, written before it.
function drafts.plan_ahead(f)
  local lines = { ("Before the %s on %s:"):format(f.meeting.kind, f.meeting.day:short()) }
  if f.app.needs and #f.app.needs > 0 then
    lines[#lines + 1] = "  - their needs you know of: " .. table.concat(f.app.needs, "; ")
  end
  if f.candidate and f.candidate.strengths and #f.candidate.strengths > 0 then
    lines[#lines + 1] = "  - the strengths to link to them: " .. table.concat(f.candidate.strengths, "; ")
  end
  lines[#lines + 1] = "  - note each person's name and what they talked about: the thank-you uses it"
  lines[#lines + 1] = "  - before leaving, ask what happens next and when (rule 4)"
  if #f.steps > 0 then
    lines[#lines + 1] = "Then, as your cadence.lua stands:"
    for _, step in ipairs(f.steps) do lines[#lines + 1] = "  - " .. step end
  end
  return table.concat(lines, "\n")
end

--- Rule 10: ask a reference before they are needed.
function drafts.reference_request(f)
  return compose(f, {
    letter = ("I am in the final stages for %s at %s. Would you be willing to act as a reference? They may be in touch in the next few weeks; I would be glad to send you the job description and a note on what I would most like them to hear.")
      :format(a_role(f.app.role), f.app.company),
    short = ("I am in the final stages for %s at %s: would you be willing to act as a reference?"):format(a_role(f.app.role), f.app.company),
    points = { ("say you are in the final stages for %s at %s"):format(a_role(f.app.role), f.app.company),
               "ask whether they would act as a reference", "offer to send the job description and what you would like them to stress" },
  })
end

--- Rule 10: ask someone who knows the interviewer to put in a word, with care.
function drafts.put_in_a_word(f)
  return compose(f, {
    letter = ("I interviewed for the %s role at %s on %s and came away keen. If it feels natural, a word from you to the team would mean a lot; please do not feel any obligation.")
      :format(f.app.role, f.app.company, f.meeting.day:short()),
    short = ("I interviewed for the %s role at %s and came away keen. If it feels natural, a word from you would mean a lot; no obligation.")
      :format(f.app.role, f.app.company),
    points = { ("say you interviewed on %s and came away keen"):format(f.meeting.day:short()),
               "ask, lightly, whether they would put in a word", "make clear there is no obligation" },
  })
end

--- Rule 11: a preparation task.
function drafts.prepare(f)
  return ("To do for %s, ready by %s: %s\n  - what problem of theirs does it address? (%s)\n  - rehearse it aloud once, and time it")
    :format(f.app.company, f.target:short(), f.task, f.app.needs and f.app.needs[1] or "ask yourself what they need")
end

--- Rule 12: unknowns, as questions to ask.
function drafts.questions(f)
  local lines = { ("Questions for %s:"):format(f.app.company) }
  for _, q in ipairs(f.questions) do lines[#lines + 1] = "  - " .. q end
  return table.concat(lines, "\n")
end

-- A term or a name of the user's as one line of plain text: terminal escapes
-- and bidirectional controls left out, line breaks and other controls as a
-- space, so that it can neither break the letter nor turn its text around.
local plain = require "cadence.plain"

local function money(m, period)
  if type(m) ~= "table" or not m.minorUnits then return nil end
  return cadence.money_text(m, period)
end

-- 0.5 as "0.5", 3 as "3", 2000 as "2,000".
local function number(n)
  if math.type(n) == "integer" or (type(n) == "number" and n == math.floor(n) and math.abs(n) < 2^53) then
    local digits = ("%d"):format(n)
    repeat
      local before = digits
      digits = digits:gsub("^(%-?%d+)(%d%d%d)", "%1,%2")
    until digits == before
    return digits
  end
  return (("%g"):format(n))
end

local MONTHS = { "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December" }
local WEEKDAYS = { Mon = "Monday", Tue = "Tuesday", Wed = "Wednesday", Thu = "Thursday", Fri = "Friday",
                   Sat = "Saturday", Sun = "Sunday" }

-- A date in a letter, as it is written where the candidate is: "Monday,
-- January 11, 2027" in the US, "Monday 11 January 2027" elsewhere.
local function written_date(date, region)
  if type(date) ~= "table" and type(date) ~= "userdata" then return plain(date) end
  local y, m, d = tostring(date:iso()):match("^(%-?%d+)%-(%d+)%-(%d+)$")
  if not y then return tostring(date) end
  local weekday = WEEKDAYS[date:short():match("^(%a+)")] or ""
  m, d = MONTHS[tonumber(m)], tonumber(d)
  if region and region.date_order == "mdy" then return ("%s, %s %d, %s"):format(weekday, m, d, y) end
  return ("%s %d %s %s"):format(weekday, d, m, y)
end

-- The equity grant as agreed: "RSUs worth 120,000 USD, vesting over 4 years
-- with a 12-month cliff, then every 3 months".
local function grant_terms(g)
  local what
  if g.kind == "options" then
    what = ("options over %s shares"):format(number(g.shares or 0)) .. (g.strike and (" at a strike of " .. money(g.strike)) or "")
  else
    what = g.grantValue and ("RSUs worth " .. money(g.grantValue))
      or ("%s RSUs"):format(number(g.shares or 0)) .. (g.sharePrice and (" (at " .. money(g.sharePrice) .. " a share)") or "")
  end
  local months = g.vestingMonths or 0
  local vesting = months % 12 == 0 and ("%d year%s"):format(months // 12, months == 12 and "" or "s")
    or ("%d months"):format(months)
  local cliff = (g.cliffMonths or 0) > 0 and (" with a %d-month cliff"):format(g.cliffMonths) or ""
  local every = g.everyMonths and (g.everyMonths == 1 and ", then every month" or (", then every %d months"):format(g.everyMonths)) or ""
  local schedule = ""
  if type(g.schedule) == "table" and #g.schedule > 0 then
    local parts = {}
    for i, p in ipairs(g.schedule) do parts[i] = number(p) .. "%" end
    schedule = " (" .. table.concat(parts, "/") .. ")"
  end
  return ("%s, vesting over %s%s%s%s"):format(what, vesting, cliff, every, schedule)
end

--- Every term of `o` as agreed, each a line "name: terms", in the words of
--- `region` (PTO and a 401(k) match in the US; holiday and a pension in the
--- UK): those stored as figures and those stored in the offer's words alike.
function drafts.terms(o, region)
  local words = region and region.benefits or {}
  local terms = {}
  local function term(name, value) if value then terms[#terms + 1] = plain(name) .. ": " .. plain(value) end end
  term("base salary", money(o.base, o.period))
  local bonus = o.bonus_percent and (cadence.percent_text(o.bonus_percent) .. " of base"
      .. (o.bonus_amount and (" (" .. money(o.bonus_amount) .. ")") or ""))
    or money(o.bonus)
  -- A bonus recorded as nothing (--bonus 0) is the term "no bonus", not "0 GBP, a target".
  if o.bonus and o.bonus.minorUnits == 0 then term("bonus", "none")
  else term("bonus", bonus and (bonus .. (o.bonus_guaranteed and ", guaranteed" or ", a target"))) end
  term("sign-on bonus", o.sign_on and (money(o.sign_on)
    .. (o.clawback_months and (", to be repaid if I leave within %d months"):format(o.clawback_months) or "")))
  if type(o.grant) == "table" then term("equity", grant_terms(o.grant)) end
  if o.equity then term(o.grant and "equity, as the offer words it" or "equity", o.equity) end
  term("equity refresher", money(o.refresher, "year"))
  local v = o.benefit_values or {}
  term(words.paid_leave or "paid leave", v.holidayDays and (number(v.holidayDays) .. " days a year"))
  term(words.retirement or "retirement contribution", v.pensionMatch and (cadence.percent_text(v.pensionMatch) .. " of base"
    .. (v.pensionCap and (", up to " .. money(v.pensionCap, "year")) or "")))
  term(words.health or "health cover", money(v.healthCover, "year"))
  term("remote working", v.remoteDaysPerWeek and (number(v.remoteDaysPerWeek) .. " days a week"))
  term("in the office", v.officeDaysPerWeek and (number(v.officeDaysPerWeek) .. " days a week"))
  term("study budget", money(v.studyBudget, "year"))
  term("moving allowance", money(v.movingAllowance))
  term("travel", money(v.travel, "year"))
  term("gym", money(v.gym, "year"))
  local names = {}
  for name in pairs(v.other or {}) do names[#names + 1] = name end
  table.sort(names)
  for _, name in ipairs(names) do term(name, money(v.other[name], "year")) end
  names = {}
  for name in pairs(o.benefits or {}) do names[#names + 1] = name end
  table.sort(names)
  for _, name in ipairs(names) do term(name, o.benefits[name]) end
  if o.start then term("start date", written_date(o.start, region)) end
  return terms
end

-- The people met, by name: the application's contacts who are at the company
-- (not a reference, nor whoever referred you), then those you were
-- interviewed by or screened with as the timeline names them, each once.
local function people_met(f)
  local contacts, events = f.contacts, f.timeline
  if not contacts and f.app and type(f.app.contacts) == "function" then contacts = f.app:contacts() end
  if not events and f.app and type(f.app.timeline) == "function" then events = f.app:timeline() end
  local met, seen = {}, {}
  local function add(name, role)
    name = plain(name)
    if name ~= "" and not seen[name:lower()] then
      seen[name:lower()] = true
      met[#met + 1] = { name = name, role = role }
    end
  end
  for _, c in ipairs(contacts or {}) do
    if c.role ~= "reference" and c.role ~= "referrer" and not c.archived_at then add(c.name, c.role) end
  end
  for _, e in ipairs(events or {}) do
    if e.kind == "interview" or e.kind == "screen" then
      for _, name in ipairs(e.with or {}) do add(name, "interviewer") end
    end
  end
  return met
end

-- Whom a letter about an offer is to: `f.to`, else the hiring manager, else the recruiter met.
local function addressee(f, met)
  if f.to then return plain(f.to) end
  for _, role in ipairs{ "hiring-manager", "recruiter" } do
    for _, c in ipairs(met) do if c.role == role then return c.name end end
  end
end

-- "Sam Lee" after "Best regards,"; nothing after it when no name is recorded.
local function signed(candidate)
  local name = candidate and plain(candidate.name) or ""
  return "\n\nBest regards," .. (name ~= "" and ("\n" .. name) or "")
end

-- "a, b and c".
local function and_listed(items)
  if #items <= 1 then return items[1] or "" end
  return table.concat(items, ", ", 1, #items - 1) .. " and " .. items[#items]
end

-- The others met besides the reader, by name.
local function others_met(to, met)
  local others = {}
  for _, c in ipairs(met) do if not to or c.name:lower() ~= to:lower() then others[#others + 1] = c.name end end
  return others
end

-- Thanks through the reader: to the others met by name, and to everyone else.
local function pass_thanks(to, met)
  local others = others_met(to, met)
  if #others == 0 then return "please pass my thanks on to everyone I met" end
  return ("please pass my thanks on to %s, and to everyone else I met"):format(and_listed(others))
end

--- Accepting (rule 9): glad, in writing, every term spelt out as understood
--- (f.offer, in the words of the candidate's region), the people met thanked
--- by name and the others through the reader, and a request to say if any
--- term is misunderstood. f: { app, offer?, to?, contacts?, candidate? }.
function drafts.acceptance(f)
  local met = people_met(f)
  local to = addressee(f, met)
  local region = f.region or (f.app and cadence.region(f.app)) or nil
  local role, company = plain(f.app.role), plain(f.app.company)
  local body = { ("I'm delighted to accept your offer for the %s role at %s, and I'm really glad we have arrived at terms "
    .. "that work for us both."):format(role, company) }
  local terms = f.offer and drafts.terms(f.offer, region) or {}
  if #terms > 0 then
    local lines = {}
    for i, t in ipairs(terms) do lines[i] = "  - " .. t end
    body[#body + 1] = "To confirm the terms as I understand them:\n" .. table.concat(lines, "\n")
    body[#body + 1] = "If I have misunderstood any of these, please do let me know."
  else
    body[#body + 1] = "Could you confirm the terms in writing? If I have misunderstood anything we agreed, please do let me know."
  end
  -- Rule 9: what the offer leaves out is asked for in the same letter, so that nothing is agreed unsaid.
  if f.offer and not f.offer.start then body[#body + 1] = "Could you confirm the start date in writing?" end
  body[#body + 1] = "Thank you for your time and help throughout the process; " .. pass_thanks(to, met) .. "."
  local start = f.offer and f.offer.start and (" on " .. written_date(f.offer.start, region)) or ""
  body[#body + 1] = ("I'm looking forward to starting%s and to joining the team."):format(start)
  return greeting(to) .. "\n\n" .. table.concat(body, "\n\n") .. signed(f.candidate)
end

--- Declining (rule 9): courteous, thankful, no reason owed, and the door
--- left open. f: { app, to?, contacts?, candidate? }.
function drafts.decline(f)
  local met = people_met(f)
  local to = addressee(f, met)
  local role, company = plain(f.app.role), plain(f.app.company)
  return greeting(to) .. "\n\n"
    .. ("Thank you very much for the offer for the %s role at %s, and for the time you and the team gave me. After "
      .. "careful thought I have decided to decline."):format(role, company) .. "\n\n"
    .. ("I have enjoyed getting to know %s; %s. I'd be glad to stay in touch, and I hope our paths cross again.")
      :format(company, pass_thanks(to, met))
    .. signed(f.candidate)
end

local SUBJECTS = {
  ["thank-you"] = "Thank you: %s",
  ["status"] = "Following up: %s",
  ["promised-follow-up"] = "Following up as promised: %s",
  ["deadline-inquiry"] = "Any news? %s",
  ["post-rejection-thanks"] = "Thank you: %s",
  ["feedback-request"] = "Feedback on my application: %s",
  ["stay-in-touch"] = "Staying in touch",
  ["reference-request"] = "Would you be a reference? (%s)",
  ["put-in-a-word"] = "A favour: %s",
  ["acceptance-in-writing"] = "Accepting the offer: %s",
  ["decline"] = "Your offer: %s",
}

--- The subject line of a message of `kind` about `app` (for .eml drafts).
function drafts.subject(kind, app)
  return (SUBJECTS[kind] or (kind:gsub("^%l", string.upper) .. ": %s")):format(app.role .. ", " .. app.company)
end

--- Words as a letter to `to` (a name, or nil) from `candidate`: the greeting
--- by first name, the words, the sign-off. Words already in letter form keep
--- theirs, but a greeting to no one ("Hello,") names `to` when there is one.
function drafts.letter(words, to, candidate)
  to = to and plain(to)
  local greeted, rest = words:match("^(%a+)[^\n]*,\n\n(.*)$")
  if greeted == "Dear" or greeted == "Hello" or greeted == "Hi" then
    if words:match("^Hello,\n") and to and to ~= "" then words = greeting(to) .. "\n\n" .. rest end
  else
    words = greeting(to) .. "\n\n" .. words
  end
  if not words:find("\n\nBest regards,\n?[^\n]*$") then words = words .. signed(candidate) end
  return words
end

--- `cadence negotiate --eml`'s call: each of `options.words` (by step) as a
--- letter to `options.to` from the candidate named `options.from`.
function drafts.letters(options)
  local out = {}
  for step, words in pairs(options.words) do
    out[step] = drafts.letter(words, options.to, options.from and { name = options.from })
  end
  return out
end

-- The workspace's own drafts (scripts/drafts.lua beside its cadence.lua)
-- replace these, function by function. A mistake in that file is an error
-- naming its line, not a silent fall back to these.
local own, path = cadence.workspace_script("scripts/drafts.lua")
if path then
  if type(own) ~= "table" then error(path .. ": returns a table of draft functions, not " .. type(own), 0) end
  for name, fn in pairs(own) do drafts[name] = fn end
end

return drafts
