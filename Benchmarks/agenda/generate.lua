-- Generates a job search of N applications (about ten events each) twice:
-- as SQL for a Cadence workspace, and as a plain Lua data file for the
-- baseline. Deterministic: the same N gives the same search.
--
--   lua5.4 generate.lua N sql-file data-file [clients]      (all dated around 2026-03-02)
--
-- With `clients`, a coach's workspace: that many candidates, each with a
-- name and a time zone, the applications shared out among them in turn
-- (application i is client ((i - 1) % clients) + 1's), and about one in fourteen
-- holding an open offer (every eleventh not rejected or replied to first; 145 of
-- 2,000) to answer within days of 2026-03-02. Without it,
-- one candidate in UTC and no offers: the agenda benchmark's search, byte
-- for byte.

local n, sql_path, data_path = tonumber(arg[1]), arg[2], arg[3]
local clients = arg[4] and math.tointeger(tonumber(arg[4]))
assert(n and sql_path and data_path and (arg[4] == nil or (clients and clients >= 1)),
  "usage: lua5.4 generate.lua N sql-file data-file [clients]")

-- A small linear congruential generator: the same sequence on every machine.
local seed = 42
local function random(k)
  seed = (seed * 6364136223846793005 + 1442695040888963407) & 0x7fffffffffffffff
  return (seed >> 33) % k + 1
end

local function day_number(y, m, d)
  if m <= 2 then y = y - 1 end
  local era = y // 400
  local yoe = y - era * 400
  local doy = (153 * ((m + 9) % 12) + 2) // 5 + d - 1
  return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468
end
local function iso(number)
  number = number + 719468
  local era = number // 146097
  local doe = number - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local d = doy - (153 * mp + 2) // 5 + 1
  local m = mp < 10 and mp + 3 or mp - 9
  return ("%04d-%02d-%02d"):format(yoe + era * 400 + (m <= 2 and 1 or 0), m, d)
end
local today = day_number(2026, 3, 2)

local sql, data = assert(io.open(sql_path, "w")), assert(io.open(data_path, "w"))
sql:write("BEGIN;\n")
-- A coach's clients: names and the time zones they live in, repeated with a number past the list.
local NAMES = { "Ana Costa", "Ben Okafor", "Chloe Martin", "Dev Patel", "Elif Yilmaz", "Finn Murphy", "Grace Kim",
                "Hugo Lambert", "Ines Silva", "Jonas Berg", "Kemi Adeyemi", "Liam Walsh", "Mei Tanaka", "Nora Fischer",
                "Omar Haddad", "Priya Nair", "Quinn Taylor", "Rosa Alvarez", "Sami Virtanen", "Tom Novak" }
local ZONES = { "Europe/London", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "America/Los_Angeles",
                "Australia/Sydney", "Asia/Tokyo" }
if clients then
  for c = 1, clients do
    local name = NAMES[(c - 1) % #NAMES + 1] .. (c > #NAMES and (" " .. ((c - 1) // #NAMES + 1)) or "")
    sql:write(("INSERT INTO candidate (id, name, timeZone) VALUES (%d, '%s', '%s');\n"):format(c, name, ZONES[(c - 1) % #ZONES + 1]))
  end
else
  sql:write("INSERT INTO candidate (id, name, timeZone) VALUES (1, 'Bench Candidate', 'UTC');\n")
end
local event_lines, app_lines = {}, {}

local event_id = 0
local function event(app, kind, day, fields)
  event_id = event_id + 1
  fields = fields or {}
  local with = fields.with and ('["' .. fields.with .. '"]') or "[]"
  local function q(v) return v and ("'" .. v .. "'") or "NULL" end
  sql:write(("INSERT INTO event (id, applicationID, kind, at, \"with\", messageKind, nextStep, due) VALUES (%d, %d, '%s', '%s 12:00:00.000', '%s', %s, %s, %s);\n")
    :format(event_id, app, kind, iso(day), with, q(fields.messageKind), q(fields.nextStep), q(fields.due and iso(fields.due))))
  event_lines[#event_lines + 1] = (("  { app = %d, id = %d, kind = %q, day = %q%s%s%s%s },\n"):format(app, event_id, kind, iso(day),
    fields.with and (", with = { %q }"):format(fields.with) or "",
    fields.messageKind and (", messageKind = %q"):format(fields.messageKind) or "",
    fields.nextStep and (", nextStep = %q"):format(fields.nextStep) or "",
    fields.due and (", due = %q"):format(iso(fields.due)) or ""))
end

local apps = {}
for id = 1, n do
  local company = ("Company %d"):format(id)
  local person = ("Person %d"):format(id)
  local start = today - 20 - random(80)
  local deadline = random(6) == 1 and (start + 20 + random(30)) or nil
  apps[id] = { id = id, company = company, deadline = deadline and iso(deadline), interest = random(5) }
  app_lines[#app_lines + 1] = ("  { id = %d, company = %q, role = \"Analyst\", interest = %d%s },\n")
    :format(id, company, apps[id].interest, deadline and (", decisionDeadline = %q"):format(iso(deadline)) or "")
  sql:write(("INSERT INTO application (id, candidateID, company, role, interest, decisionDeadline) VALUES (%d, %d, '%s', 'Analyst', %d, %s);\n")
    :format(id, clients and (id - 1) % clients + 1 or 1, company, apps[id].interest, deadline and ("'" .. iso(deadline) .. "'") or "NULL"))
  event(id, "applied", start)
  local day = start + random(10)
  event(id, "screen", day, { with = person })
  day = day + random(10)
  event(id, "interview", day, { with = person })
  local interview = day
  if random(2) == 1 then event(id, "message-sent", interview, { with = person, messageKind = "thank-you" }) end
  if random(4) == 1 then event(id, "next-step", interview, { with = person, nextStep = "call me in two weeks", due = interview + 14 }) end
  local statuses = random(6) - 1
  for week = 1, statuses do
    if interview + 7 * week <= today then
      event(id, "message-sent", interview + 7 * week, { with = person, messageKind = "status" })
    end
  end
  local ending = random(10)
  if ending == 1 and day + 12 <= today then event(id, "rejection", day + 12)
  elseif ending == 2 and day + 10 <= today then event(id, "reply-received", day + 10, { with = person })
  elseif clients and id % 11 == 0 then
    -- An open offer, come in the week before the day, to answer from two days ago to ten days ahead.
    local came, respond_by = today - 1 - id % 7, today - 2 + id % 13
    event(id, "offer-received", came, { with = person, due = respond_by })
    sql:write(("INSERT INTO offer (applicationID, base, period, respondBy, status, receivedOn) VALUES (%d, '{\"currency\":\"GBP\",\"minorUnits\":%d}', 'year', '%s', 'received', '%s');\n")
      :format(id, (40000 + 500 * (id % 40)) * 100, iso(respond_by), iso(came)))
  end
  -- Filler the policies read past: notes, as real logs have.
  while event_id < id * 10 do event(id, "note", start + random(20)) end
end
sql:write("COMMIT;\n")
data:write("return {\napps = {\n", table.concat(app_lines), "},\nevents = {\n", table.concat(event_lines), "},\n}\n")
sql:close()
data:close()
io.stderr:write(("generated %d applications, %d events\n"):format(n, event_id))
