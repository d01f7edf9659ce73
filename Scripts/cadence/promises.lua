-- cadence.promises: what was promised on an application and who acts on it,
-- read one way for every policy that follows it up, so that they agree:
-- rule 4 (weekly status waits for a promise; a promise of yours is an
-- action on its day) and rule 6 (their date passed: one polite inquiry).
-- Who acts is the host's rule (cadence.promise); this reads the timeline.
--
--   local promises = require "cadence.promises"
--   local p = promises.latest(ctx)            -- { event, day, due, words, actor, call, cue }
--   local d = promises.decision_date(app, ctx) -- { day, said = event?, promise = p? }

local cadence = require "cadence"

local promises = {}

-- Each promise's reading, by its event: several policies ask of the same
-- event while the agenda is made, and the host need read it only once.
local readings = setmetatable({}, { __mode = "k" })

local function reading_of(e, words)
  local reading = readings[e]
  if not reading then
    reading = cadence.promise(words)
    readings[e] = reading
  end
  return reading
end

--- The latest promise with a day in the timeline (a next-step event with a
--- due date, logged on any event: `cadence log call --next "we'll get back
--- to you by Friday"`), of `actor` ("you" or "them") if given, or nil:
--- { event, day (when it was said), due, words, to (the person who said
--- it), actor, call, cue }.
function promises.latest(ctx, actor)
  local timeline = ctx.timeline
  for i = #timeline, 1, -1 do
    local e = timeline[i]
    if e.kind == "next-step" and e.due then
      local words = e.next_step or e.notes or ""
      local reading = reading_of(e, words)
      if actor == nil or reading.actor == actor then
        return { event = e, day = e.day, due = e.due, words = words, to = e.with and e.with[1],
                 actor = reading.actor, call = reading.call, cue = reading.cue }
      end
    end
  end
end

--- Whether `event` comes after `anchor` in the timeline (an event), or on or
--- after its day (a table with only a day): a promise made at an interview
--- is logged just after it, the same minute.
function promises.after(ctx, event, anchor)
  if anchor.id == nil then return event.day >= anchor.day end
  for i = #ctx.timeline, 1, -1 do
    local id = ctx.timeline[i].id
    if id == event.id then return true end
    if id == anchor.id then return false end
  end
  return event.day >= anchor.day
end

--- Their decision date: the latest of the application's deadline, the day
--- of the last deadline-set event, and the day of their last promise ("we'll
--- get back to you by Friday"); with `since` (an event or a day's table),
--- only those given on or after it. { day, said (the event that gave it, if
--- one did), promise (as promises.latest gives it, when their word gave it) },
--- or nil.
function promises.decision_date(app, ctx, since)
  local best
  local function consider(day, said, promise)
    if day and (not best or day > best.day) then best = { day = day, said = said, promise = promise } end
  end
  local deadline = app.deadline
  if deadline and (not since or deadline >= since.day) then consider(deadline) end
  local set = ctx:last("deadline-set")
  if set and set.due and (not since or promises.after(ctx, set, since)) then consider(set.due, set) end
  -- Their word stands though you promised something since ("email me your portfolio").
  local promise = promises.latest(ctx, "them")
  if promise and (not since or promises.after(ctx, promise.event, since)) then
    consider(promise.due, promise.event, promise)
  end
  return best
end

return promises
