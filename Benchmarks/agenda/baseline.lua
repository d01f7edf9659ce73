-- The baseline: the rules of the four standard policies (thank-you, weekly
-- status with promises and moving on, deadline passed, after a rejection)
-- written directly in plain Lua over plain tables, as someone would without
-- Cadence. Run by lua5.4 on the file generate.lua writes:
--
--   lua5.4 baseline.lua data.lua      (as of 2026-03-02, seven days ahead)
--
-- Prints how many items of each kind are due; Cadence's run must print the same.

local data = dofile(arg[1])

local function day_number(text)
  local y, m, d = text:match("^(%d+)%-(%d+)%-(%d+)$")
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  if m <= 2 then y = y - 1 end
  local era = y // 400
  local yoe = y - era * 400
  local doy = (153 * ((m + 9) % 12) + 2) // 5 + d - 1
  return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468
end
local function weekend(n) local w = (n + 3) % 7 return w == 5 or w == 6 end
local function slide(n) while weekend(n) do n = n + 1 end return n end

local today = day_number("2026-03-02")
local horizon = today + 7

-- Events by application, in time order, with day numbers.
local timelines = {}
for _, e in ipairs(data.events) do
  e.n = day_number(e.day)
  if e.due then e.due_n = day_number(e.due) end
  local t = timelines[e.app]
  if not t then t = {}; timelines[e.app] = t end
  t[#t + 1] = e
end

local STAGE_OF = { applied = "applied", screen = "screening", interview = "interviewing", ["offer-received"] = "offer",
                   rejection = "rejected", withdrawal = "withdrawn", acceptance = "accepted", decline = "declined" }
local RANK = { saved = 0, applied = 1, screening = 2, interviewing = 3 }
local STOP = { ["reply-received"] = true, ["follow-up-call"] = true, ["offer-received"] = true, rejection = true,
               withdrawal = true, acceptance = true, decline = true }

local counts = {}
local function propose(kind, due)
  if due <= horizon then counts[kind] = (counts[kind] or 0) + 1 end
end

for _, app in ipairs(data.apps) do
  local timeline = timelines[app.id] or {}
  table.sort(timeline, function(a, b) if a.n ~= b.n then return a.n < b.n end return a.id < b.id end)
  -- The stage, as the log says.
  local stage = "saved"
  for _, e in ipairs(timeline) do
    local next = STAGE_OF[e.kind]
    if next and (RANK[next] == nil or RANK[stage] == nil or RANK[next] > RANK[stage]) then stage = next end
  end
  local ended = stage == "accepted" or stage == "declined" or stage == "withdrawn"

  -- Rule 2: thank each person met at an interview in the last week.
  if not ended then
    for _, interview in ipairs(timeline) do
      if interview.kind == "interview" and today - interview.n <= 7 then
        for _, person in ipairs(interview.with or {}) do
          local sent = false
          for _, e in ipairs(timeline) do
            if e.kind == "message-sent" and e.messageKind == "thank-you" and e.n >= interview.n
               and e.with and e.with[1] == person then sent = true end
          end
          if not sent then propose("thank-you", interview.n) end
        end
      end
    end
  end

  -- Rules 4, 5, 7: weekly status after the last meeting.
  local quiet = { saved = true, applied = true, offer = true, negotiating = true, rejected = true, ghosted = true }
  if not quiet[stage] and not ended then
    local anchor
    for i = #timeline, 1, -1 do
      local k = timeline[i].kind
      if k == "interview" or k == "screen" then anchor = i; break end
    end
    if anchor then
      local meeting = timeline[anchor]
      local stopped = false
      for i = anchor + 1, #timeline do if STOP[timeline[i].kind] then stopped = true end end
      local waiting, start, inquiry = stopped, meeting.n, nil
      -- A promise of yours after the meeting is an action on its day; once
      -- done, the cadence runs from that touch.
      if not waiting then
        local promise
        for i = #timeline, 1, -1 do
          if timeline[i].kind == "next-step" then promise = i; break end
        end
        if promise and timeline[promise].due_n and timeline[promise].n >= meeting.n then
          local resumed
          for i = promise + 1, #timeline do
            local e = timeline[i]
            if not resumed and (e.kind == "follow-up-call" or (e.kind == "message-sent"
                and (e.messageKind == "status" or e.messageKind == "promised-follow-up" or e.messageKind == "promised-call"))) then
              resumed = e
            end
          end
          -- A promise to call is a call; any other, a message.
          local words = (timeline[promise].nextStep or ""):lower()
          local call = words:find("%f[%a]call%f[%A]") or words:find("%f[%a]phone") or words:find("%f[%a]ring me")
          if resumed then start = resumed.n
          else propose(call and "promised-call" or "promised-follow-up", slide(timeline[promise].due_n)); waiting = true end
        end
      end
      -- A decision date after the meeting is the schedule until it passes; then
      -- rule 6's one inquiry restarts the cadence, counted as its first touch.
      local deadline = app.decisionDeadline and day_number(app.decisionDeadline)
      if not waiting and deadline and deadline >= meeting.n then
        if deadline >= today then waiting = true
        else
          for _, e in ipairs(timeline) do
            if not inquiry and e.kind == "message-sent" and e.messageKind == "deadline-inquiry" and e.n >= deadline then inquiry = e end
          end
          if inquiry then start = math.max(start, inquiry.n) else waiting = true end
        end
      end
      if not waiting then
        local n, last = 0, start
        for _, e in ipairs(timeline) do
          if e.kind == "message-sent" and (e.messageKind == "status" or (inquiry and e.messageKind == "deadline-inquiry"))
             and e.n >= start then n, last = n + 1, e.n end
        end
        if n >= 7 then propose("move-on", slide(last + 7)) else propose("status", slide(last + 7)) end
      end
    end
  end

  -- Rule 6: one inquiry after a decision date passed in silence (planned from the day the date is known).
  local deadline = app.decisionDeadline and day_number(app.decisionDeadline)
  local busy = { offer = true, negotiating = true, rejected = true }
  local met
  for i = #timeline, 1, -1 do
    if timeline[i].kind == "interview" or timeline[i].kind == "screen" then met = timeline[i].n; break end
  end
  -- A date given before the last meeting was overtaken by it.
  if deadline and (not met or deadline >= met) and not busy[stage] and not ended then
    local answered, asked = false, false
    for _, e in ipairs(timeline) do
      if e.n >= deadline and STOP[e.kind] then answered = true end
      if e.kind == "message-sent" and e.messageKind == "deadline-inquiry" and e.n >= deadline then asked = true end
    end
    if not answered and not asked then propose("deadline-inquiry", slide(deadline + 5)) end
  end

  -- Rules 8, 9: thanks, feedback and staying in touch after a rejection.
  if stage == "rejected" then
    local rejection
    for i = #timeline, 1, -1 do if timeline[i].kind == "rejection" then rejection = i; break end end
    local offered = false
    for i = rejection + 1, #timeline do
      local k = timeline[i].kind
      if k == "offer-received" or k == "acceptance" then offered = true end
    end
    if not offered then
      for _, step in ipairs{ { "post-rejection-thanks", 0 }, { "feedback-request", 2 }, { "stay-in-touch", 90 } } do
        local sent = false
        for _, e in ipairs(timeline) do
          if e.kind == "message-sent" and e.messageKind == step[1] and e.n >= timeline[rejection].n then sent = true end
        end
        if not sent then propose(step[1], slide(timeline[rejection].n + step[2])) end
      end
    end
  end
end

local kinds = {}
for kind in pairs(counts) do kinds[#kinds + 1] = kind end
table.sort(kinds)
for _, kind in ipairs(kinds) do print(kind, counts[kind]) end
