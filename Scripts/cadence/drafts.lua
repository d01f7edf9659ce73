-- cadence.drafts: the words of each follow-up. A workspace can replace any of
-- them with its own scripts/drafts.lua returning a table of the same functions.
-- Cadence never sends anything: these are drafts to edit and send yourself.

local drafts = {}

local function first_name(full) return (full or "there"):match("^(%S+)") end
local function sign(candidate) return "\n\nBest regards,\n" .. (candidate and candidate.name or "") end

--- Rule 2 and 3: short and positive, personalised with what the person said,
--- tying one strength to one need when interested; a brief thanks when not.
function drafts.thank_you(f)
  local about = f.contact and f.contact.discussed and (" I especially enjoyed our conversation about " .. f.contact.discussed .. ".") or ""
  if f.interested then
    local link = ""
    if f.need and f.strength then
      link = (" You mentioned that %s; %s is exactly where I can help."):format(f.need, f.strength)
    end
    return ("Dear %s,\n\nThank you for your time today.%s%s I remain very interested in the %s role at %s and look forward to the next step.%s")
      :format(first_name(f.to), about, link, f.app.role, f.app.company, sign(f.candidate))
  end
  return ("Dear %s,\n\nThank you for your time today and for telling me about the %s role.%s")
    :format(first_name(f.to), f.app.role, sign(f.candidate))
end

--- Rule 5: a weekly status note: interest restated, no pressure.
function drafts.status(f)
  return ("Dear %s,\n\nI hope you are well. I wanted to check in on the %s role: I remain very interested, and I would be glad to send anything that helps your decision.%s")
    :format(first_name(f.to), f.app.role, sign(f.candidate))
end

--- Rule 4: following up when they said to.
function drafts.promised(f)
  return ("Dear %s,\n\nWhen we spoke you suggested I get in touch around now about the %s role, so I am following up as promised. Is there any news on the next step?%s")
    :format(first_name(f.to), f.app.role, sign(f.candidate))
end

--- Rule 6: one polite inquiry after a decision date passed in silence.
function drafts.deadline_inquiry(f)
  return ("Dear %s,\n\nI understood a decision on the %s role was expected around %s. I remain keen on the position and wondered whether there is any news, or a new timeline.%s")
    :format(first_name(f.to), f.app.role, tostring(f.deadline), sign(f.candidate))
end

--- Rule 9: gracious after a rejection; ask to be considered if the hire does not work out.
function drafts.rejection_thanks(f)
  return ("Dear %s,\n\nThank you for letting me know, and for the time you and the team gave me. I enjoyed learning about %s; if the situation changes, I would be glad to be considered again.%s")
    :format(first_name(f.to), f.app.company, sign(f.candidate))
end

--- Rule 8: ask for feedback.
function drafts.feedback_request(f)
  return ("Dear %s,\n\nCould you share any feedback on my application for the %s role? It would help me a great deal in my search.%s")
    :format(first_name(f.to), f.app.role, sign(f.candidate))
end

--- Rule 9: stay in touch over the long term.
function drafts.stay_in_touch(f)
  return ("Dear %s,\n\nIt has been a few months since we spoke about the %s role; I hope things are going well at %s. I would be glad to stay in touch about future openings.%s")
    :format(first_name(f.to), f.app.role, f.app.company, sign(f.candidate))
end

-- The workspace's own drafts replace these, function by function.
local ok, mine = pcall(require, "drafts")
if ok and type(mine) == "table" then
  for name, fn in pairs(mine) do drafts[name] = fn end
end

return drafts
