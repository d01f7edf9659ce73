-- Rule 9: a rejection is a touch too: thank them graciously, ask to be
-- considered if the hire does not work out, and stay in touch long term.
-- Rule 8: after a decision, ask for feedback.
local check = require("cadence.options").check
local sequence = require "cadence.sequence"

--- options: feedback_days (default 2), stay_in_touch_days (default 90), channel (default email), only / except.
return function(options)
  options = check("after_rejection", options, { feedback_days = { "integer", 0, 60 }, stay_in_touch_days = { "integer", 1, 730 },
                                                channel = "text", only = "list", except = "list" })
  return sequence{
    name = "after-rejection",
    rule = "8, 9. After a rejection: thanks, feedback, stay in touch",
    trigger = "rejection", stages = { "rejected" },
    parallel = true,                          -- each step stands on its own
    channel = require("cadence.options").channel("after_rejection", options.channel),
    stop = { "offer-received", "acceptance" },
    steps = {
      { kind = "post-rejection-thanks", after = 0, draft = "rejection_thanks",
        reason = "rule 9: thank them graciously, the same day (rejected on {since})" },
      { kind = "feedback-request", after = options.feedback_days or 2,
        reason = "rule 8: ask for feedback, {after} days after the rejection on {since}" },
      { kind = "stay-in-touch", after = options.stay_in_touch_days or 90,
        reason = "rule 9: stay in touch over the long term ({after} days after the rejection on {since})" },
    },
    only = options.only, except = options.except,
  }
end
