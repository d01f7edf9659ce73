-- cadence.isolated: the host of `require "cadence"` inside the isolated
-- worker, where an installed policy runs.
--
-- In Cadence's own process the host is Swift over the workspace. Here there
-- is no workspace: only the data the worker was sent, which holds the fields
-- the package's manifest declared it reads and nothing else. Reading works
-- as usual (app:timeline(), app:contacts(), cadence.today()); anything that
-- would write, or reach past the application being planned, is an error
-- that says why.

local isolated = {}

local function refuse(what)
  return function()
    error(("an installed policy runs isolated: it cannot %s"):format(what), 2)
  end
end

--- The host over `request` (what the worker was sent: today, candidates,
--- apps with their events, contacts and offers, days already Dates, apps
--- and events already objects). `pure` holds the host's functions that
--- need no workspace (dates in words, money, refs, stages). The request may
--- be filled after the host is made: `require "cadence"` needs the host
--- first, and the request's dates need `cadence.Date`.
function isolated.host(pure, request)
  local host = {}
  for name, fn in pairs(pure) do host[name] = fn end

  local by_id
  local function app_of(id)
    if not by_id then
      by_id = {}
      for _, app in ipairs(request.apps) do by_id[app.id] = app end
    end
    local app = by_id[id]
    if not app then error(("application %s is not among the ones this policy was given"):format(tostring(id)), 3) end
    return app
  end

  function host.today() return request.as_of end
  function host.workspace() return nil end
  function host.script_text() return nil end
  function host.events(id) app_of(id); return request.timelines[id] or {} end
  -- The rows as the workspace's host gives them: fresh tables, which the
  -- cadence module turns into objects (so the request's own stay as sent).
  local function copies(rows)
    local list = {}
    for i, row in ipairs(rows or {}) do
      local copy = {}
      for k, v in pairs(row) do copy[k] = v end
      list[i] = copy
    end
    return list
  end

  function host.contacts(id) app_of(id); return copies(request.contacts[id]) end
  function host.offers(id) app_of(id); return copies(request.offers[id]) end
  function host.candidates() return copies(request.candidates) end
  function host.decisions() return {} end
  -- Each candidate's region as the agenda sent it (in the calendar's
  -- settings, sorted by candidate): without an application, the first
  -- candidate's.
  function host.region_of(id)
    local regions = request.calendar and request.calendar.regions
    if type(regions) ~= "table" or #regions == 0 then return nil end
    local candidate = id ~= nil and app_of(id).candidate_id or regions[1].candidate
    for _, r in ipairs(regions) do
      if r.candidate == candidate then return r.region end
    end
  end
  host.applications = refuse("list the whole search (it sees the application it plans, through its arguments)")
  host.application = host.applications
  host.search = host.applications
  host.timelines = host.applications
  host.all_contacts = host.applications
  host.all_offers = host.applications
  host.log = refuse("log events (the agenda logs an item when you mark it done)")
  host.edit_app = refuse("change an application")
  host.archive_app = host.edit_app
  host.add_app = refuse("add applications")
  host.add_contact = refuse("add contacts")
  host.add_offer = refuse("record offers")
  host.decide = refuse("decide agenda items")
  host.begin = refuse("open a transaction")
  host.finish = host.begin
  host.atomic = host.begin
  host.exiting = function() end
  return host
end

return isolated
