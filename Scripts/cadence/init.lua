-- cadence: your job search, from Lua.
--
--   local cadence = require "cadence"
--   for _, a in ipairs(cadence.apps{ stage = "interviewing", quiet = "2 weeks" }) do
--     print(a, a:quiet_days())
--   end
--   cadence.app("Acme"):log("reply-received")
--
-- The host (Swift) keeps the data; this file turns it into objects, dates
-- and queries. A script's writes are atomic: they land together when it
-- ends, and an error anywhere undoes all of them.

local host = require "cadence.host"

local cadence = {}

---------------------------------------------------------------------------
-- Dates: calendar days you can compare, add days to, and subtract.
--   cadence.date("2026-03-02") + 14      --> 2026-03-16
--   cadence.date("2026-03-16") - cadence.date("2026-03-02")   --> 14
--   cadence.date("next monday"), cadence.date("2 weeks"), cadence.today()
---------------------------------------------------------------------------

-- A Date holds only its day number (days since 1970-01-01, Swift's
-- LocalDate.dayNumber). Planning makes a Date for every event and every
-- sum, and a table of one field costs a third of one with five. The
-- calendar is the host's (LocalDate owns it): a day's year, month, weekday
-- and texts are asked for once and kept. Nothing outside this file reads the
-- field: dates compare, add, subtract and print.
local Date = {}
Date.__name = "Date"

-- The one constructor: every Date in Lua is made here (the host makes the
-- workspace's and the worker's request's in the same shape: ObjectClasses.date).
local function from_number(n) return setmetatable({ number = n }, Date) end

-- The days a date may be, as the workspace keeps them (LocalDate.years).
local FIRST_DAY, LAST_DAY = host.date_range()

-- The Date of day `n`, or, when it lies beyond the range, an error at stack
-- `level` naming it in words (`format` of the rest: made only then).
local function in_range(n, level, format, ...)
  if n < FIRST_DAY or n > LAST_DAY then error(host.beyond_dates(format:format(...)), level + 1) end
  return from_number(n)
end

-- `a op b` as a date, or an error at the caller's caller (the script's line).
local function arithmetic(n, a, op, b)
  local d = in_range(n, 3, "%s %s %d", a, op, b)  -- not a tail call: levels count
  return d
end

-- Each day's parts, by day number: { year, month, day, weekday, iso, short, weekend }.
-- Read as `parts_of[n] or parts(n)`: a day already asked for costs a lookup.
local parts_of = {}

local function parts(n)
  local p = table.pack(host.date_parts(n))
  parts_of[n] = p
  return p
end

local FIELD = { year = 1, month = 2, day = 3, weekday = 4 }

function Date.__index(d, key)
  local method = Date[key]
  if method ~= nil then return method end
  local which = FIELD[key]
  if which then return (parts_of[d.number] or parts(d.number))[which] end
end

-- Day numbers of texts already read: a search's log repeats a few hundred
-- days across thousands of events. (Numbers, not Dates: each Date is its own table.)
local day_numbers = {}

-- The Date of "YYYY-MM-DD", or nil (another text, or a day beyond the range: the host says why).
local function parse_iso(text)
  local n = day_numbers[text]
  if n then return from_number(n) end
  n = host.day_number(tostring(text))
  if not n then return nil end
  if type(text) == "string" then day_numbers[text] = n end
  return from_number(n)
end

--- "2026-03-02" (as tostring gives it).
function Date:iso() return (parts_of[self.number] or parts(self.number))[5] end
Date.__tostring = Date.iso
-- A date is a value: the workspace gives all events of a day the same one.
function Date.__newindex() error("a date cannot be changed: it is a value (make another with + or -)", 2) end
function Date.__eq(a, b) return a.number == b.number end
-- Both sides of < and <= are Dates, or the error is at the script's line.
local function both_dates(a, b)
  if getmetatable(a) ~= Date or getmetatable(b) ~= Date then
    error(("a date compares with a date, not with %s"):format(getmetatable(a) == Date and type(b) or type(a)), 3)
  end
end
function Date.__lt(a, b) both_dates(a, b) return a.number < b.number end
function Date.__le(a, b) both_dates(a, b) return a.number <= b.number end
function Date.__concat(a, b) return tostring(a) .. tostring(b) end

-- date + days, days + date
function Date.__add(a, b)
  if type(a) == "number" then a, b = b, a end
  if math.type(b) ~= "integer" then error("a date plus a whole number of days, got " .. tostring(b), 2) end
  local sum = arithmetic(a.number + b, a, "+", b)  -- not a tail call: the error names the script's line
  return sum
end

-- date - date is a number of days; date - days is a date
function Date.__sub(a, b)
  if getmetatable(b) == Date then return a.number - b.number end
  if math.type(b) ~= "integer" then error("a date minus a date or a whole number of days", 2) end
  local difference = arithmetic(a.number - b, a, "-", b)  -- not a tail call, as in __add
  return difference
end

function Date:is_weekend() return (parts_of[self.number] or parts(self.number))[7] end

--- The date as people write it in a sentence: "Mon 2 Mar".
function Date:short() return (parts_of[self.number] or parts(self.number))[6] end

--- Days since 1970-01-01 (negative before it): how a date travels in the
--- isolated worker's request (the worker's Swift side makes the Date again).
function Date:day_number() return self.number end

--- The date `n` days after 1970-01-01 (the inverse of Date:day_number).
function Date.from_day_number(n)
  if math.type(n) ~= "integer" then error("a date's day number is a whole number, got " .. tostring(n), 2) end
  local d = in_range(n, 2, "day %d from 1970-01-01", n)
  return d
end

--- The date of `value`: a Date, "YYYY-MM-DD", or words as people say them:
--- "friday", "next friday", "friday next week", "in 10 days", "a fortnight",
--- "next month", "end of the month", "the 15th", "12/3" (counted from today,
--- or from `from`). Numeric dates are read in the candidate's order (their
--- region's; where none decides, 03/04/2026 is an error naming both
--- readings). `lean` "past" reads a bare weekday as the last one.
function cadence.date(value, from, lean)
  if getmetatable(value) == Date then return value end
  local iso = parse_iso(value)
  if iso then return iso end
  -- Numbers are read in the candidate's order, weeks from their first day (none in an isolated worker).
  local order, week_start
  if host.date_reading then order, week_start = host.date_reading() end
  local day, why = host.date(tostring(value), from and tostring(cadence.date(from)) or host.today(), lean, order, week_start)
  if day then return parse_iso(day) end
  error(why, 2)
end

--- An amount as people write it ("£1,200", "12 GBP", or "12" with `currency`), exact:
--- { minorUnits = 120000, currency = "GBP" }.
function cadence.money(text, currency)
  if type(text) == "table" and text.minorUnits then return text end
  local money, why = host.money(tostring(text), currency)
  if not money then error(why, 2) end
  return money
end

-- Money's words and shares, as the domain (Money, PayPeriod, Percent) works them out;
-- nothing in Lua formats an amount or rounds a share of one by itself:
--   money_text(money[, period])   "1,200.50 GBP", "-1.50 GBP", "25 GBP an hour"
--   whole_text(amount)            "1,200": whole units, rounded half up (1,199.50 is "1,200")
--   per_words(period)             "a year", "an hour"
--   percent_text(percent)         "7.5%" (a number of percent, or { basisPoints = 750 })
--   yearly(amount, period)        the amount over a working year of that period
--   percent_of(amount, percent)   half up to the minor unit
--   share_of(amount, part, whole) amount × part / whole, half up to the minor unit
--   total(amounts)                the sum of a list of amounts (of one currency)
--   average(amounts)              the mean of a list of minor units, half up (never too large)
-- An amount is a Money table or bare minor units, and comes back as it went in; a
-- result too large to count is an error, never a wrapped number.
for _, name in ipairs{ "money_text", "whole_text", "per_words", "percent_text", "yearly", "percent_of", "share_of", "total", "average" } do
  cadence[name] = host[name]
end

--- The stages in order ("saved" … "ghosted"), and named sets of them, as the
--- workspace derives them (`if cadence.stages.with_offer[app.stage] then`):
---   terminal          the application is over: accepted, declined, rejected, withdrawn
---   ended_by_you      over by your own decision: accepted, declined, withdrawn
---   being_assessed    screening, interviewing, final
---   interview_rounds  interviewing, final
---   with_offer        offer, negotiating
---   decided           with_offer and terminal: no decision left to wait for
---   closed            terminal and ghosted: not under way (a reply revives a ghosted one)
-- Read-only views: a policy that changed a set would change it for every
-- policy planned after it in the same run. A view prints what it holds (the
-- REPL's printer runs no __index or __pairs, only __tostring): the stages in
-- order, then the names of the sets; a set's stages, sorted.
local function read_only(t, what)
  local function text()
    local parts, names = {}, {}
    for i = 1, #t do parts[i] = t[i] end
    for k in pairs(t) do if type(k) == "string" then names[#names + 1] = k end end
    table.sort(names)
    if #parts == 0 then return "{ " .. table.concat(names, ", ") .. " }" end
    return "{ " .. table.concat(parts, ", ") .. "; sets: " .. table.concat(names, ", ") .. " }"
  end
  return setmetatable({}, {
    __index = t,
    __newindex = function() error(what .. " is Cadence's rule, not to be changed (copy it to change it)", 2) end,
    __pairs = function() return next, t, nil end,
    __len = function() return #t end,
    __tostring = text,
  })
end
do
  local stages = host.stages()
  for name, set in pairs(stages) do
    if type(set) == "table" then stages[name] = read_only(set, "cadence.stages." .. name) end
  end
  cadence.stages = read_only(stages, "cadence.stages")
end

--- What the Lua file at `path` returns, and its path; nothing when there is no
--- such file. A mistake in it is an error naming its file and line, never a
--- silent default. The host reads the file; it is compiled as text (no
--- bytecode), so that loading a user's scripts needs neither io nor dofile.
function cadence.script(path)
  local text = host.script_text(path)
  if not text then return nil end
  local chunk, why = load(text, "@" .. path, "t")
  if not chunk then error(why, 0) end
  return chunk(), path
end

--- What a script of the workspace (`name`, such as "negotiate.lua" or
--- "scripts/drafts.lua") returns, as cadence.script does; nothing outside one.
function cadence.workspace_script(name)
  local folder = cadence.workspace()
  if not folder then return nil end
  return cadence.script(folder .. "/" .. name)
end

--- The one of `candidates` (a list of texts) that `word` nearly spells, or nil.
function cadence.nearest(word, candidates) return host.nearest(tostring(word), candidates) end

--- The figures said in `text` as people say them ("about thirty thousand", "33-36k",
--- "$185k", "the mid-thirties"), in order, each { low = money, high = money, range = boolean,
--- said = the words }: exact, in `currency` unless the words name another. `around` (money
--- or minor units) is the scale of the conversation: a bare "thirty" is 30,000 only near it.
function cadence.spoken_figures(text, currency, around) return host.spoken_figures(text, currency, around) end

--- Rule 12's topics, in the order missing_info asks about them, each
--- { name = "relocation", aliases = { "moving", ... } (other names a fact is
--- recorded under), covered_by = { "moving", "relocat" } (words that show a
--- question of yours asks about it), question = "Would moving expenses be
--- covered?" }; each also found by its name: cadence.fact_topics().relocation.
--- The questions are in the words of a region (`which`, as cadence.region
--- takes it; by default the first candidate's): "401(k) match, health
--- insurance premium, PTO" in the US.
function cadence.fact_topics(which)
  local topics = host.fact_topics(cadence.region_code(which))
  for _, topic in ipairs(topics) do topics[topic.name] = topic end
  return topics
end

--- Who acts when a promise's day comes, from its words: { actor = "you"
--- (call me, email me, I'll send: act on the day) or "them" (we'll get back
--- to you, let you know, decision by, hear from us, circle back: their
--- decision date), call = true when your part is a call, cue = the words
--- that decided (nil when none did) }. The host owns the rule (Promise).
function cadence.promise(words) return host.promise(tostring(words)) end

-- The channels, in order: the host owns them (Channel).
local CHANNELS = host.channels()

--- The channels a follow-up goes by, in order, each { name = "linkedin",
--- form = "message" (letter, message, talking-points or task), said = "on
--- LinkedIn", mail = false (only email becomes a mail draft) }; each also
--- found by its name: cadence.channels().linkedin.
function cadence.channels()
  -- A copy each time: what one caller changes, no other sees.
  local copy = {}
  for i, c in ipairs(CHANNELS) do
    copy[i] = { name = c.name, form = c.form, said = c.said, mail = c.mail }
    copy[c.name] = copy[i]
  end
  return copy
end

--- The channel `word` names ("e-mail", "LinkedIn" …) as its name; an error
--- naming the channels (and the one it nearly spells) for any other word.
function cadence.channel(word)
  local name, why = host.channel(tostring(word))
  if not name then error(why, 2) end
  return name
end

--- The contact role `word` names ("recruiter", "hiring manager" …), or nil.
function cadence.contact_role(word) return host.contact_role(tostring(word)) end

--- Today, in the candidate's time zone.
function cadence.today() return parse_iso(host.today()) end

--- The stage a list of events gives, by the same rules as the workspace's
--- (for simulations, which add events without writing them).
function cadence.stage_of(events) return host.stage(events) end

--- The workspace's folder (where its cadence.lua lives), or nil.
function cadence.workspace() return host.workspace() end

--- Numbers of days, to add to dates: today() + weeks(2).
-- A length in `unit`s as days: whole, and no longer than the dates Cadence
-- keeps (so no sum with a date can wrap around).
local SPAN = LAST_DAY - FIRST_DAY
local function length(n, unit, days)
  if math.type(n) ~= "integer" or n > SPAN // days or n < -(SPAN // days) then
    error(("%ss(n) is a whole number of %ss within the dates Cadence keeps, not %s"):format(unit, unit, tostring(n)), 3)
  end
  return n * days
end
-- (Not tail calls: an error names the script's line.)
function cadence.days(n) local days = length(n, "day", 1) return days end
function cadence.weeks(n) local days = length(n, "week", 7) return days end

-- A length of time as a number of days: 14, "14 days", "2 weeks".
local function as_days(value)
  if math.type(value) == "integer" then return value end
  local today = cadence.today()
  return cadence.date(value, today) - today
end

---------------------------------------------------------------------------
-- Lists print one item a line.
---------------------------------------------------------------------------

local List = {}
List.__index = List
List.__name = "List"

function List.__tostring(list)
  local lines = {}
  for i, item in ipairs(list) do lines[i] = tostring(item) end
  return #lines == 0 and "(none)" or table.concat(lines, "\n")
end

local function list(items) return setmetatable(items, List) end

--- The items for which `keep(item)` is true.
function List:filter(keep)
  local kept = {}
  for _, item in ipairs(self) do if keep(item) then kept[#kept + 1] = item end end
  return list(kept)
end

---------------------------------------------------------------------------
-- Objects: plain tables with a metatable, so reading a field costs what a
-- table field costs; methods go back to the host.
---------------------------------------------------------------------------

local Application, Event, Contact, Offer, Candidate, Decision = {}, {}, {}, {}, {}, {}

-- Records are strict: a name that is not one of the record's fields
-- (host.record_fields, RecordSchema in Swift) is an error at the script's
-- line with the nearest name (`a.srouce`: "no field 'srouce' on an
-- application (did you mean 'source'?)"), never a silent nil. A field that
-- exists but is unset is still nil. A field held costs what a table field
-- costs: only a miss in the object and its class reaches the function.
local RECORDS = host.record_fields()

local function strict(class, record)
  local known = {}
  for _, name in ipairs(RECORDS[record].names) do known[name] = true end
  setmetatable(class, { __index = function(_, key)
    if known[key] then return nil end
    local message
    if type(key) == "string" then
      message = host.unknown_field(record, key)
    else
      message = host.unknown_field(record, math.type(key) and tostring(key) or type(key), true)
    end
    error(message, 2)
  end })
end

for name, class in pairs{ Application = Application, Event = Event, Contact = Contact,
                          Offer = Offer, Candidate = Candidate, Decision = Decision } do
  class.__index = class
  class.__name = name
  class.__eq = function(a, b) return a.id == b.id end
  strict(class, name:lower())
end

-- Applications and events arrive as objects already: the host is given
-- these classes (CLASSES below) and makes them itself. Other records arrive
-- as plain rows; these are their fields that hold days (as text).
local DATE_FIELDS = {
  [Offer] = { "start", "respond_by", "came", "asked_on" }, [Decision] = { "due" }, [Contact] = {}, [Candidate] = {},
}

local function object(class, fields)
  local dates = DATE_FIELDS[class]
  for i = 1, #dates do
    local key = dates[i]
    local text = fields[key]
    if type(text) == "string" then fields[key] = parse_iso(text) end
  end
  return setmetatable(fields, class)
end

local function objects(class, rows)
  for i, row in ipairs(rows) do rows[i] = object(class, row) end
  return list(rows)
end

function Application:__tostring()
  local since = self.stage_since and (" since " .. tostring(self.stage_since)) or ""
  return ("%s: %s (%s%s)"):format(self.company, self.role, self.stage, since)
end

-- What the host makes its objects with.
local CLASSES = { Application, Event, Date, List }

--- The application's events, oldest first.
function Application:timeline() return host.events(self.id, table.unpack(CLASSES)) end
function Application:contacts() return objects(Contact, host.contacts(self.id)) end
function Application:offers() return objects(Offer, host.offers(self.id)) end

--- Days since anyone was last in touch (or since the stage began).
function Application:quiet_days()
  local last = self.last_from_them or self.stage_since
  return last and (cadence.today() - last) or nil
end

-- Puts what the host returned (the application as it now is) into this object.
local function refresh(app, fresh)
  for key in pairs(app) do app[key] = nil end
  for key, value in pairs(fresh) do app[key] = value end
  return app
end

--- Adds an event to the timeline and refreshes this object:
---   a:log("interview", { with = { "Ms. Jones" }, next_step = "call me in two weeks" })
--- details: with, to, channel, message_kind, round, next_step, due, at, stage, corrects, notes,
--- as_written (log a name that nearly spells a contact's as it is)
function Application:log(kind, details)
  local plain = {}
  for key, value in pairs(details or {}) do
    plain[key] = getmetatable(value) == Date and tostring(value) or value
  end
  local logged, message = host.log(self.id, kind, plain, table.unpack(CLASSES))
  if not logged then error(message, 2) end
  refresh(self, logged.application)
  return logged.event
end

--- Changes this application's details (not its stage: log an event) and refreshes it:
---   a:edit{ notes = "…", tags = { "remote" }, facts = { moving = "paid in full" } }
--- fields: company, role, source, location, url, salary, deadline, interest, needs,
--- questions, tags, notes, facts (a fact set to false or "" is forgotten).
function Application:edit(fields)
  local fresh, message = host.edit_app(self.id, fields or {}, table.unpack(CLASSES))
  if not fresh then error(message, 2) end
  return refresh(self, fresh)
end

--- Hides this application from lists and the agenda (archive(false) brings it back).
function Application:archive(archived)
  local fresh, message = host.archive_app(self.id, archived ~= false, table.unpack(CLASSES))
  if not fresh then error(message, 2) end
  return refresh(self, fresh)
end

--- Adds a contact: app:add_contact{ name = "Helen Jones", role = "hiring-manager", discussed = "…" }
--- fields: name, title, role, email, phone, discussed.
function Application:add_contact(fields)
  local contact, message = host.add_contact(self.id, fields or {})
  if not contact then error(message, 2) end
  return setmetatable(contact, Contact)
end

--- Records an offer (and logs its arrival):
---   app:add_offer{ base = "54000 GBP", bonus = "10%", benefits = { holiday = "28 days" }, respond_by = "friday" }
--- fields: base, period, bonus, equity, sign_on, benefits, start, respond_by, at.
function Application:add_offer(fields)
  local offer, message = host.add_offer(self.id, fields or {})
  if not offer then error(message, 2) end
  return setmetatable(offer, Offer)
end

function Event:__tostring()
  local text = ("%s  %s"):format(tostring(self.day), self.kind)
  if self.with and #self.with > 0 then text = text .. " with " .. table.concat(self.with, ", ") end
  if self.next_step then text = text .. (': "%s"'):format(self.next_step) end
  if self.due then text = text .. " -> " .. tostring(self.due) end
  if self.notes then text = text .. " - " .. self.notes end
  return text
end

function Contact:__tostring()
  return ("%s (%s)%s"):format(self.name, self.role, self.discussed and (": " .. self.discussed) or "")
end

function Offer:__tostring()
  return ("offer %d: %s (%s)"):format(self.id, cadence.money_text(self.base, self.period), self.status)
end

function Candidate:__tostring() return self.name end

function Decision:__tostring()
  return ("%s %s (application %d): %s%s"):format(self.status, self.kind, self.application_id, tostring(self.due),
    self.recipient and (" to " .. self.recipient) or "")
end

---------------------------------------------------------------------------
-- Queries
---------------------------------------------------------------------------

local function matches_stage(wanted, stage)
  if wanted == nil then return true end
  if type(wanted) == "table" then
    for _, s in ipairs(wanted) do if s == stage then return true end end
    return false
  end
  return wanted == stage
end

-- A stage the workspace has no name for would match nothing, silently: it
-- is an error at the script's line, with the name it was near.
local STAGE_NAMES, IS_STAGE = {}, {}
for i, stage in ipairs(cadence.stages) do STAGE_NAMES[i], IS_STAGE[stage] = stage, true end

local function check_stages(wanted)
  if wanted == nil then return end
  for _, name in ipairs(type(wanted) == "table" and wanted or { wanted }) do
    if not IS_STAGE[name] then
      local near = type(name) == "string" and cadence.nearest(name, STAGE_NAMES)
      error(("no stage named '%s'%s (the stages: %s)"):format(tostring(name),
        near and (" (did you mean '" .. near .. "'?)") or "", table.concat(STAGE_NAMES, ", ")), 3)
    end
  end
end

--- Applications, filtered: apps{ stage = "interviewing" },
--- apps{ stage = { "final", "offer" } }, apps{ company = "acme" },
--- apps{ tag = "priority" }, apps{ quiet = "2 weeks" } (no contact for that long),
--- apps{ open = true } (leaves out accepted, declined, rejected, withdrawn).
function cadence.apps(filter)
  filter = filter or {}
  check_stages(filter.stage)
  local quiet = filter.quiet and as_days(filter.quiet)
  local company = filter.company and filter.company:lower()
  local closed = cadence.stages.terminal
  local found = {}
  for _, a in ipairs(host.applications(table.unpack(CLASSES))) do
    local keep = matches_stage(filter.stage, a.stage)
      and (not company or a.company:lower():find(company, 1, true) ~= nil)
      and (not filter.candidate or a.candidate == filter.candidate)
      and (not filter.open or not closed[a.stage])
      and (not quiet or (a:quiet_days() or 0) >= quiet)
    if keep and filter.tag then
      keep = false
      for _, t in ipairs(a.tags or {}) do if t == filter.tag then keep = true end end
    end
    if keep then found[#found + 1] = a end
  end
  return list(found)
end

--- One application, by id, company or "company/role".
function cadence.app(name)
  local app, message = host.application(tostring(name), table.unpack(CLASSES))
  if not app then error(message, 2) end
  return app
end

--- The application a command names (`cadence negotiate NAME`): as cadence.app,
--- but a wrong name is refused in the refusal's words alone, with no line of
--- Cadence's own scripts (the person typed it, not a script).
function cadence.command_app(name)
  local app, message = host.application(tostring(name), table.unpack(CLASSES))
  if not app then error(message, 0) end
  return app
end

function cadence.candidates() return objects(Candidate, host.candidates()) end

--- The region code of `which`, or nil when it has none: a code or a name
--- ("de", "uk", "Germany"), a candidate, an application (its candidate's),
--- or nothing (the first candidate's).
local function region_code(which)
  if type(which) == "string" then
    local info, why = host.region_info(which)
    if not info then error(why, 3) end
    return info.code
  end
  -- A candidate (as the workspace gives one, or a row with its time zone and no application's candidate_id).
  if type(which) == "table" and (getmetatable(which) == Candidate
      or (rawget(which, "candidate_id") == nil and rawget(which, "time_zone") ~= nil)) then
    return rawget(which, "region") or (rawget(which, "time_zone") and host.region_of_zone(rawget(which, "time_zone")))
  end
  if which ~= nil and type(which) ~= "table" then
    error("cadence.region: give a region code, a candidate or an application, not a " .. type(which), 3)
  end
  return host.region_of(which and which.id)
end

function cadence.region_code(which) return (region_code(which)) end

--- Where a candidate searches, and what that decides (nil when no region is
--- chosen and the time zone says none); `which` as cadence.region_code takes it:
---   local r = cadence.region(app)
---   r.code, r.name          -- "us", "the United States"
---   r.currency              -- "USD": a bare amount's
---   r.date_order            -- "mdy", "dmy", or nil (both are common: 03/04 is asked)
---   r.week_start            -- "sunday" or "monday"
---   r.holiday_module        -- "holidays.us"; r.holidays(2026) lists its days
---   r.benefits              -- { paid_leave = "PTO", typical_leave_days = 15, statutory_leave_days,
---                           --   retirement = "401(k) match", health = "health insurance premium" }
function cadence.region(which)
  local code = region_code(which)
  if not code then return nil end
  local info = host.region_info(code)
  --- The public holidays of `year`: { { date = "YYYY-MM-DD", name = "..." }, ... }.
  function info.holidays(year) return (require(info.holiday_module)).days(year) end
  return info
end

--- Every region Cadence knows, by code: { "us", "ca", "gb", ... }.
function cadence.regions() return host.region_codes() end

--- The three numbers that hold for `app`: its own, else its candidate's, else nil.
function cadence.targets(app)
  if app.targets then return app.targets end
  for _, c in ipairs(cadence.candidates()) do
    if c.id == app.candidate_id then return c.targets end
  end
end

--- Adds an application (and logs it applied, or saved):
---   cadence.add_app{ company = "Acme", role = "Analyst", applied = "last friday", tags = { "remote" } }
--- fields: company, role, candidate, applied, saved, again (the same company and role
--- once more), and those of app:edit.
function cadence.add_app(fields)
  local app, message = host.add_app(fields or {}, table.unpack(CLASSES))
  if not app then error(message, 2) end
  return app
end

--- Every application's timeline at once, by application id (one query for
--- the whole search instead of one per application). The host makes the
--- objects itself, given the classes.
function cadence.timelines() return host.timelines(table.unpack(CLASSES)) end

--- The whole search in one read, as planning needs it: { apps = every
--- application, timelines = their events by application id }.
function cadence.search()
  local search = host.search(table.unpack(CLASSES))
  return { apps = search.applications, timelines = search.timelines }
end

--- Every application's contacts at once, by application id.
function cadence.all_contacts()
  local by_app = host.all_contacts()
  for id, rows in pairs(by_app) do by_app[id] = objects(Contact, rows) end
  return by_app
end

--- Every application's offers at once, by application id.
function cadence.all_offers()
  local by_app = host.all_offers()
  for id, rows in pairs(by_app) do by_app[id] = objects(Offer, rows) end
  return by_app
end

--- What was decided about agenda items: done, skipped, or snoozed (to `due`).
function cadence.decisions() return objects(Decision, host.decisions()) end

--- Records a decision on the agenda item `decision.key` of `app`
--- (policy.act does this; fields: key, status, kind, due, to, channel, event…).
function cadence.decide(app, decision)
  local ok, message = host.decide(app.id, decision)
  if ok == nil and message then error(message, 2) end
end

--- Runs `fn`; if it raises, its writes are undone (and the error raised on).
--- A script is already one transaction: this is for parts of it, and for the REPL.
function cadence.transaction(fn)
  local savepoint = host.begin()
  -- The body cannot yield: two transactions interleaved through coroutines
  -- would nest their savepoints, and one's rollback would undo the other's
  -- reported success.
  local results = table.pack(pcall(host.atomic, fn))
  host.finish(savepoint, results[1])
  if not results[1] then
    local message = results[2]
    if type(message) == "string" and message:find("attempt to yield across a C-call boundary", 1, true) then
      message = "cadence.transaction: a transaction cannot yield (finish it, then yield); nothing of it was written"
    end
    error(message, 0)
  end
  return table.unpack(results, 2, results.n)
end

-- os.exit ends the process at once, as under lua5.4: the script's writes
-- land first when it ends well (true, 0 or nothing), and are undone otherwise.
if os and os.exit then
  local exit = os.exit
  os.exit = function(code, close)
    host.exiting(code == nil or code == true or code == 0)
    return exit(code, close)
  end
end

cadence.Date, cadence.Application, cadence.Event = Date, Application, Event

return cadence
