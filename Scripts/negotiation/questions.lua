-- negotiation.questions: a recruiter's question, recognised by what it means,
-- and the practice's answer to each kind of question. What
-- `cadence negotiate APP --question "…"` says.
--
-- A question is read as words, not as a string to search: it is lowered,
-- its contractions opened ("what's" is "what is", "can't" is "can not"),
-- British spellings made one with American ones ("organisation",
-- "humour"), cut into words with simple stems ("earning", "earns" and
-- "earned" are one), and then each kind's cues are weighed. A cue is a
-- phrase ("have in mind"), or phrases that must all appear, in any order
-- ("budget + fixed"); "@pay" in a cue stands for any word of that class
-- (salary, package, compensation…). A cue said under a negation ("the
-- budget isn't fixed", "I'm not asking about your current salary") does
-- not count, unless the negation is the cue itself ("no room", "not
-- negotiable"). The kind with the most weight wins; below
-- `questions.threshold` the question is not recognised. Questions are read
-- in English.
--
-- Each kind's answer is a function (s, rules, question) returning the rule
-- and the words; a workspace's negotiate.lua replaces one by name:
--
--   local rules = require "negotiation.standard"
--   rules.answers = { current_pay = function(s, rules) return "rule 2: …", "I'd rather …" end }
--   return rules
--
-- and can teach a kind a phrasing of its own:
--
--   local cues = require("negotiation.questions").kinds.deadline.cues
--   cues[#cues + 1] = { "what is your timeline", 5 }
--
-- or a kind of its own: kinds.visa = { label = "visa", example = "Do you need
-- sponsorship?", cues = { { "sponsorship", 6 } }, answer = function(s, rules) … end }.
local cadence = require "cadence"
local valuation = require "cadence.valuation"

local questions = {}

-- The least weight that says what a question is.
questions.threshold = 3

---------------------------------------------------------------------------
-- Reading a question as words.

-- British spellings as their American twins, so that either matches a cue
-- written in the other (the same reading is applied to cues and questions).
local SPELLINGS = {
  organisation = "organization", programme = "program", favour = "favor", favourite = "favorite",
  labour = "labor", colour = "color", honour = "honor", behaviour = "behavior", humour = "humor",
  centre = "center", licence = "license", cheque = "check", whilst = "while", amongst = "among",
  travelling = "traveling", travelled = "traveled", cancelled = "canceled", enrol = "enroll",
  fulfil = "fulfill", judgement = "judgment", neighbourhood = "neighborhood", neighbour = "neighbor",
  endeavour = "endeavor", flavour = "flavor", ageing = "aging", catalogue = "catalog",
  -- Everyday shorthand, spelt out.
  gonna = "going to", wanna = "want to", gotta = "have to", ya = "you", u = "you", ur = "your",
  pls = "please", asap = "as soon as possible", ok = "okay", wfh = "work from home",
}

-- "-ise" words that are not the British form of an "-ize" word.
local ISE_KEPT = {}
for w in ([[raise raised raises raising praise rise wise otherwise precise concise promise premise exercise
  expertise franchise enterprise surprise compromise advise advised revise revised supervise devise comprise
  noise poise cruise bruise merchandise disguise despise treatise paradise]]):gmatch("%a+") do ISE_KEPT[w] = true end

-- Contractions, opened (on lowered text, after curly apostrophes are made straight).
local CONTRACTIONS = {
  { "won't", "will not" }, { "can't", "can not" }, { "cannot", "can not" }, { "shan't", "shall not" },
  { "ain't", "is not" }, { "n't", " not" }, { "'re", " are" }, { "'m", " am" }, { "'ll", " will" },
  { "'ve", " have" }, { "'d", " would" }, { "(%a)'s", "%1 is" },
}

-- Words that turn what follows them around.
local NEGATORS = { ["not"] = true, no = true, never = true, without = true, nor = true, none = true }

-- How far back a negation reaches, in words (within a clause).
local NEGATION_REACH = 3

-- Suffixes cut for a stem, the first that leaves three letters or more.
local SUFFIXES = { "ations", "ation", "ions", "ion", "ings", "ing", "ed", "es", "s", "e", "ly" }

--- The stem of one lowered word: "earning" → "earn", "salaries" → "salary",
--- "expectations" → "expect". Simple, and the same for cues and questions.
function questions.stem(word)
  word = SPELLINGS[word] or word
  if #word > 5 and not ISE_KEPT[word] then
    word = word:gsub("is(e[sd]?)$", "iz%1"):gsub("ising$", "izing"):gsub("isation$", "ization")
  end
  if #word > 4 and word:sub(-3) == "ies" then return word:sub(1, -4) .. "y" end
  for _, suffix in ipairs(SUFFIXES) do
    if #word - #suffix >= 3 and word:sub(-#suffix) == suffix then
      -- "boss", "less": a double s is no plural.
      if not (suffix == "s" and word:sub(-2) == "ss") then return word:sub(1, -#suffix - 1) end
    end
  end
  return word
end

--- The question as plain lowered text: no controls (a line feed, ESC, a
--- bidirectional or zero-width mark is a space), straight apostrophes,
--- contractions opened.
function questions.plain(text)
  text = tostring(text):lower()
  text = text:gsub("\226\128[\152\153\178]", "'")                 -- ‘ ’ ′
  text = text:gsub("\226\128[\139-\143\168-\174]", " ")               -- zero-width, LRM/RLM, LS/PS, embeddings
  text = text:gsub("\226\129[\160-\175]", " ")                        -- word joiner, isolates
  text = text:gsub("\239\187\191", " ")                               -- BOM
  text = text:gsub("\194[\128-\159]", " ")                            -- C1 controls
  text = text:gsub("%c", " ")
  for _, c in ipairs(CONTRACTIONS) do text = text:gsub(c[1], c[2]) end
  return text
end

--- The question's words as stems, with "|" where a clause ends (, ; . ? ! :
--- and "but"), so that a negation does not reach across clauses.
function questions.words(text)
  local plain = questions.plain(text):gsub("[,;%.%?!:%(%)%[%]\"]", " | "):gsub("[-/_]", " ")
  local words = {}
  -- A word is letters and digits, or any run of non-ASCII bytes (é, ß, 日本).
  for raw in plain:gmatch("[%w\128-\255|]+") do
    if raw == "|" or raw == "but" then
      if #words > 0 and words[#words] ~= "|" then words[#words + 1] = "|" end
    else
      for w in (SPELLINGS[raw] or raw):gmatch("%S+") do words[#words + 1] = questions.stem(w) end
    end
  end
  -- No clause ends where the question does.
  if words[#words] == "|" then words[#words] = nil end
  return words
end

---------------------------------------------------------------------------
-- Classes of words a cue may name as "@name".

local CLASSES_WRITTEN = {
  pay = "salary salaries pay paid package compensation comp remuneration wage wages earn earning earnings income "
    .. "ctc ote base money rate day-rate",
  now = "current currently present presently now moment today existing last previous previously",
  want = "expect expecting expectation expectations want wanting hope hoping target seek seeking "
    .. "aim aiming ideal ideally wish desired desire require requirement requirements after",
  figure = "number numbers figure figures ballpark estimate range indication idea ballpark",
  day = "monday tuesday wednesday thursday friday saturday sunday tomorrow tonight eod cob weekend",
  job = "role job position opportunity move step career",
  move = "relocate relocating relocation relocated move moving moved",
  amount = "",                     -- a word with a digit (see same)
}

local CLASSES = {}
for name, written in pairs(CLASSES_WRITTEN) do
  local set = {}
  for w in written:gsub("-", " "):gmatch("%S+") do set[questions.stem(w)] = true end
  CLASSES[name] = set
end
questions.classes = CLASSES

---------------------------------------------------------------------------
-- The kinds: name, label, an example, and cues { "phrase + phrase", weight }.

local kinds = {}
questions.kinds = kinds

-- In order: a tie goes to the kind listed first (the more particular question).
local ORDER = { "make_it_work", "budget_fixed", "deadline", "push_for_figure", "other_offers", "notice_period",
                "start_date", "relocation", "remote_work", "current_pay", "expected_pay", "what_matters" }
questions.order = ORDER

-- The order they are listed in for a person: as a conversation goes.
local LISTED = { "current_pay", "expected_pay", "push_for_figure", "what_matters", "budget_fixed", "make_it_work",
                 "deadline", "other_offers", "notice_period", "start_date", "relocation", "remote_work" }

kinds.current_pay = { label = "current pay", example = "What are you earning at the moment?", cues = {
  { "@now + @pay", 4 }, { "you earn", 3 }, { "you on", 1 }, { "what are you on", 3 }, { "do you make", 4 },
  { "are you making", 4 }, { "you make now", 2 }, { "pay history", 5 }, { "salary history", 5 }, { "pay slip", 4 },
  { "payslip", 4 }, { "p60", 5 }, { "w2", 5 }, { "w 2", 5 }, { "current employer + pay", 3 }, { "they pay you", 4 },
  { "currently on", 2 }, { "take home", 3 }, { "you are on now", 3 },
  { "@now + what + you + @pay", 1 }, { "these days", 1 },
  { "you on + @now", 4 }, { "you are on + @now", 4 }, { "you make + @now", 4 }, { "you earn + @now", 2 },
  { "you are earn", 3 },
  { "pull in", 4 }, { "what you make", 4 },
} }

kinds.expected_pay = { label = "expected pay", example = "What did you have in mind?", cues = {
  { "have in mind", 5 }, { "@want + @pay", 4 }, { "expect", 3 }, { "what would it take", 4 }, { "you look for", 3 },
  { "how much", 2 }, { "sort + @pay", 3 }, { "kind + @pay", 3 }, { "your number", 4 }, { "ask for", 2 },
  { "are you after", 3 }, { "what would you need", 3 }, { "need to be", 2 }, { "happy with + @pay", 3 },
  { "what + @pay", 1 }, { "salary", 1 }, { "what are you thinking", 3 }, { "what figure", 3 }, { "asking", 1 },
  { "would you want", 3 }, { "what would you like", 3 }, { "would need + @pay", 3 }, { "comfortable with", 2 },
  { "work for you", 2 },
  { "in mind", 4 }, { "make a @move", 3 }, { "get you to @move", 3 }, { "how much + @want", 4 }, { "@want + range", 5 }, { "@pay + would make you", 4 },
  { "@pay + @want", 1 },
  { "minimum", 6 }, { "lowest", 6 }, { "bottom line", 6 }, { "interest you", 4 }, { "what are we talking", 4 },
  { "fair", 3 }, { "what would you consider", 2 }, { "@want to make", 4 },
  { "look for + @pay", 4 }, { "look to + @pay", 4 }, { "like to + @pay", 4 }, { "would like + @pay", 4 }, { "in your head", 4 }, { "@want + @figure", 4 },
  { "what @figure would", 4 },
} }

kinds.push_for_figure = { label = "push for a figure", example = "I need a number for Finance.", cues = {
  { "need a @figure", 5 }, { "need + some @figure", 5 }, { "give me a @figure", 5 }, { "ballpark", 5 },
  { "ball park", 5 }, { "rough @figure", 4 }, { "roughly", 2 }, { "at least a", 3 }, { "finance", 3 },
  { "just a @figure", 4 }, { "some @figure", 3 }, { "kind of @figure", 3 }, { "i really need", 3 }, { "humor me", 4 },
  { "even roughly", 4 }, { "without a @figure", 5 }, { "without + @figure", 4 }, { "indication", 3 },
  { "something to take", 4 }, { "put a @figure", 3 }, { "pin you down", 4 }, { "push you", 3 }, { "in the region of", 3 },
  { "throw out a", 4 }, { "throw out", 2 }, { "range", 1 }, { "@figure", 1 }, { "have to put", 3 }, { "go on", 2 },
  { "must have a", 3 }, { "approximate", 3 }, { "you must have", 3 }, { "hr need", 3 }, { "system need", 3 },
  { "form need", 3 }, { "field", 1 }, { "anything", 1 }, { "what range", 2 }, { "just tell me", 3 },
  { "need + @figure", 4 }, { "sort of @figure", 3 }, { "around + @amount", 4 }, { "would you say", 3 },
  { "rough idea", 5 }, { "put in", 1 }, { "system", 1 },
  { "land", 3 }, { "want + @figure", 3 },
  { "any @figure", 4 },
  { "concrete", 4 }, { "something concrete", 5 },
  { "help me out", 2 },
} }

kinds.budget_fixed = { label = "budget fixed", example = "The budget for base is fixed.", cues = {
  { "budget + fix", 5 }, { "@pay + fix", 4 }, { "fix", 2 }, { "best we can do", 6 }, { "final offer", 6 },
  { "our final", 4 }, { "final", 3 }, { "not negotiable", 6 }, { "non negotiable", 6 }, { "no room", 6 },
  { "no + flexibility", 5 }, { "not + flexible", 5 }, { "not + flex", 4 }, { "not + higher", 5 }, { "not + more", 2 },
  { "not + move", 3 }, { "not + budge", 5 }, { "top of + band", 5 }, { "top of + range", 4 }, { "top of + budget", 5 },
  { "max", 3 }, { "maxed out", 5 }, { "ceiling", 4 }, { "cap", 2 }, { "limit", 3 }, { "as high as", 4 },
  { "as far as we can", 5 }, { "take it or leave it", 6 }, { "not + stretch", 5 }, { "already stretch", 5 },
  { "band", 2 }, { "set in stone", 6 }, { "locked", 4 }, { "no more budget", 6 }, { "budget", 1 },
  { "no wiggle", 6 }, { "no leeway", 6 }, { "no headroom", 6 }, { "all we have", 4 }, { "all there is", 4 },
  { "this is it", 3 }, { "not + increase", 4 }, { "not + improve", 4 }, { "approved", 2 }, { "sign off", 2 },
  { "best and final", 6 }, { "no more + @pay", 6 }, { "no more", 3 }, { "top", 2 }, { "tops out", 5 },
  { "not + change", 4 }, { "final number", 6 },
  { "capped", 4 }, { "not + @move + @pay", 5 }, { "as it stands", 2 }, { "not + more than + @amount", 3 },
  { "no budget", 6 }, { "hands + tied", 6 },
  { "not + beyond", 5 }, { "maximum", 4 },
  { "offer + fix", 4 }, { "nothing more", 5 },
} }

kinds.deadline = { label = "deadline", example = "When can you let us know?", cues = {
  { "let us know", 5 }, { "let me know", 5 }, { "get back to", 5 }, { "come back to", 4 }, { "need + answer", 5 },
  { "an answer by", 6 }, { "answer", 1 }, { "decision by", 6 }, { "by + @day", 4 }, { "@day", 1 }, { "deadline", 5 },
  { "when + decide", 4 }, { "when + decision", 4 }, { "how long + need", 4 }, { "how long + think", 5 },
  { "how long + consider", 5 }, { "respond", 3 }, { "reply", 3 }, { "hear from you", 5 }, { "hear back", 4 },
  { "expire", 5 }, { "expiry", 5 }, { "time to think", 4 }, { "think it over", 4 }, { "end of + week", 3 },
  { "end of + day", 3 }, { "by when", 5 }, { "how soon + know", 5 }, { "how soon + decide", 5 }, { "timeline", 3 },
  { "timeframe", 3 }, { "time frame", 3 }, { "sign by", 4 }, { "back to us", 4 }, { "confirm by", 5 },
  { "sleep on it", 4 }, { "still thinking", 3 }, { "made up your mind", 5 }, { "verbal", 2 }, { "close this", 2 },
  { "close + week", 2 }, { "quickly", 1 }, { "soon", 1 }, { "rush", 1 },
  { "give + answer", 4 }, { "decide", 3 }, { "decision", 3 }, { "give + decision", 4 }, { "this week", 2 }, { "what is your timing", 4 },
  { "have an answer", 3 }, { "until + @day", 4 }, { "how much time", 4 },
  { "answer + @day", 3 }, { "need to know", 4 }, { "within + hour", 3 },
} }

kinds.other_offers = { label = "other offers", example = "Do you have any other offers?", cues = {
  { "other + offer", 6 }, { "any offer", 4 }, { "offer + table", 4 }, { "interview + elsewhere", 6 },
  { "elsewhere", 4 }, { "other + company", 5 }, { "other + process", 5 }, { "other + opportun", 4 },
  { "anyone else", 4 }, { "competing", 4 }, { "competitor", 4 }, { "competitive", 2 }, { "where else", 5 }, { "talk to other", 5 }, { "other + interview", 5 },
  { "other + role", 3 }, { "other + application", 5 }, { "other + employer", 4 }, { "counter offer", 5 },
  { "counteroffer", 5 }, { "on the market", 3 }, { "look around", 3 }, { "in the running", 2 }, { "in process", 2 },
  { "final stage + else", 4 }, { "anything else going", 5 }, { "other option", 4 }, { "alternative", 3 },
  { "multiple offer", 6 }, { "another offer", 6 }, { "how many + offer", 5 }, { "offer from", 4 },
  { "other + opportunity", 4 }, { "only company", 5 }, { "pipeline", 5 }, { "anything else", 3 },
  { "anywhere else", 5 }, { "with others", 5 }, { "speak + other", 4 }, { "in the mix", 3 }, { "other option", 4 },
  { "another company", 5 }, { "in the picture", 3 },
  { "irons in the fire", 6 }, { "only one you have", 5 }, { "only offer", 5 },
} }

kinds.notice_period = { label = "notice period", example = "How much notice do you need to give?", cues = {
  { "notice", 6 }, { "garden leave", 6 }, { "how quickly + leave", 4 }, { "leave your + @job", 3 }, { "tied in", 4 },
  { "release you", 4 }, { "bound by", 3 }, { "resign", 3 }, { "hand in", 3 }, { "two weeks", 2 }, { "buy out", 3 },
  { "buyout", 3 },
  { "tied into", 4 }, { "contract", 2 },
  { "leave + employer", 4 }, { "before you can leave", 4 },
} }

kinds.start_date = { label = "start date", example = "When could you start?", cues = {
  { "start", 3 }, { "when + start", 5 }, { "start date", 6 }, { "when + join", 5 }, { "available", 3 },
  { "availability", 3 }, { "begin", 3 }, { "commence", 4 }, { "onboard", 3 }, { "on board", 2 }, { "earliest", 3 },
  { "how soon + you", 2 }, { "first day", 5 }, { "be with us", 3 }, { "free to", 2 },
  { "join", 3 }, { "date", 2 },
  { "come on board", 4 },
  { "be free", 3 },
} }

kinds.relocation = { label = "relocation", example = "Would you be willing to relocate?", cues = {
  { "relocate", 6 }, { "relocation", 6 }, { "willing + @move", 4 }, { "open to + @move", 4 }, { "@move + city", 4 },
  { "@move + country", 4 }, { "@move + area", 3 }, { "@move to", 2 }, { "@move + here", 3 }, { "@move + there", 3 },
  { "moving allowance", 6 }, { "moving cost", 5 }, { "@move + family", 4 }, { "where + live", 3 }, { "visa", 3 },
  { "@move + abroad", 5 }, { "based in", 2 }, { "@move + house", 5 },
  { "@move", 2 }, { "could you + @move", 2 },
  { "living in", 3 }, { "uproot", 6 },
} }

kinds.remote_work = { label = "remote work", example = "How do you feel about working in the office?", cues = {
  { "remote", 6 }, { "remotely", 6 }, { "work from home", 6 }, { "home + work", 4 }, { "hybrid", 6 },
  { "office + day", 5 }, { "office", 2 }, { "in the office", 4 }, { "on site", 4 }, { "onsite", 4 }, { "in person", 3 },
  { "flexible + work", 4 }, { "flexibility", 2 }, { "commute", 4 }, { "telework", 6 }, { "telecommute", 6 }, { "days a week", 3 },
  { "back to + office", 5 }, { "home based", 5 }, { "location", 2 }, { "distributed", 3 },
  { "office based", 5 },
  { "work from", 2 },
  { "office + requirement", 4 },
  { "into the office", 4 },
} }

kinds.what_matters = { label = "what matters to you", example = "What's most important to you in your next role?", cues = {
  { "important + you", 5 }, { "most important", 5 }, { "matter + you", 5 }, { "matter most", 5 }, { "you look for + @job", 5 },
  { "you look for + in", 3 }, { "priority", 4 }, { "prioritise", 4 }, { "motivate", 4 }, { "motivation", 4 },
  { "why + leave", 3 }, { "why + @move", 3 }, { "ideal + @job", 4 }, { "care about", 4 }, { "value most", 4 },
  { "want from", 3 }, { "next + @job", 2 }, { "drive you", 4 }, { "excite", 3 }, { "deal breaker", 4 },
  { "dealbreaker", 4 }, { "must have", 3 }, { "nice to have", 3 }, { "what makes you", 3 }, { "look for in", 3 },
  { "what would make you happy", 5 },
  { "want out of", 5 }, { "@move on", 4 }, { "driving", 3 }, { "search", 2 }, { "right + @job", 4 }, { "matter", 3 },
  { "you value", 4 }, { "get out of", 4 },
  { "biggest thing", 4 }, { "thing for you", 2 }, { "you want in", 4 },
  { "after in", 3 }, { "out of bed", 5 },
  { "want your next", 4 }, { "reason for looking", 4 }, { "reason for leaving", 4 }, { "reason for + @move", 4 },
} }

kinds.make_it_work = { label = "what would make this work", example = "What would it take for you to accept?", cues = {
  { "accept", 5 }, { "say yes", 6 }, { "make + work", 4 }, { "make this happen", 5 }, { "make it happen", 5 },
  { "over the line", 6 }, { "to yes", 5 }, { "sign", 3 }, { "close the gap", 6 }, { "bridge the gap", 6 },
  { "would it take + join", 6 }, { "would it take + you", 2 }, { "get you + board", 5 }, { "what is missing", 5 },
  { "what + stop you", 4 }, { "hold you back", 4 }, { "convince", 5 }, { "persuade", 5 }, { "tip the balance", 6 },
  { "would you take", 4 }, { "take the offer", 5 }, { "take the job", 5 }, { "take the role", 5 }, { "get there", 3 },
  { "meet you", 3 }, { "work for both", 4 }, { "commit", 4 }, { "happy to proceed", 5 }, { "move forward", 2 },
  { "ready to", 2 }, { "improve", 2 }, { "sweeten", 5 },
  { "yes", 3 }, { "easy yes", 6 },
  { "say no", 5 },
  { "seal the deal", 6 }, { "deal", 2 },
  { "change your mind", 5 },
} }

for name, kind in pairs(kinds) do kind.name = name end

-- Kinds that name a topic: a negation still asks about it ("there's no remote option, is that OK?",
-- "don't you have other offers?"). In the others a negation turns a cue around ("the budget isn't fixed").
for _, name in ipairs{ "other_offers", "notice_period", "start_date", "relocation", "remote_work" } do kinds[name].topic = true end

-- A cue read once: its parts, each a list of stems ("@pay" kept as a class).
local function parsed(cue)
  if type(cue) == "table" and cue.parts and cue.text == cue[1] then return cue.parts end
  -- A cue a negotiate.lua added is checked as it is first used, naming it.
  if type(cue) ~= "table" or type(cue[1]) ~= "string" or not cue[1]:find("%S") or type(cue[2]) ~= "number" then
    error(("a cue is { \"words\", weight }, such as { \"have in mind\", 5 }: got %s"):format(
      type(cue) == "table" and ("{ %s, %s }"):format(tostring(cue[1]), tostring(cue[2])) or tostring(cue)), 0)
  end
  local parts = {}
  for part in (cue[1] .. " + "):gmatch("(.-)%s+%+%s+") do
    local stems = {}
    for word in part:gmatch("%S+") do
      if word:sub(1, 1) == "@" then
        if not CLASSES[word:sub(2)] then error(("cue '%s': no class of words named %s"):format(cue[1], word), 0) end
        stems[#stems + 1] = word
      else
        for _, w in ipairs(questions.words(word)) do stems[#stems + 1] = w end
      end
    end
    parts[#parts + 1] = stems
  end
  cue.text, cue.parts = cue[1], parts
  return parts
end

local function same(stem, word)
  -- An amount is any word with a digit: "180k", "175", "35,000" (read as "35" and "000").
  if stem == "@amount" then return word:find("%d") ~= nil end
  if stem:sub(1, 1) == "@" then return CLASSES[stem:sub(2)][word] == true end
  return stem == word
end

-- Where the phrase `stems` starts in `words` (the first place), or nil.
local function found(words, stems)
  for i = 1, #words - #stems + 1 do
    local all = true
    for j, stem in ipairs(stems) do
      if not same(stem, words[i + j - 1]) then all = false break end
    end
    if all then return i end
  end
end

-- Whether a negation stands just before position `at`, in the same clause.
local function negated(words, at)
  for i = at - 1, math.max(1, at - NEGATION_REACH), -1 do
    if words[i] == "|" then return false end
    if NEGATORS[words[i]] then return true end
  end
  return false
end

-- The weight a cue gives the question: its weight when every part is there,
-- none when a part is missing or said under a negation (a cue naming a
-- negation itself is never turned around, nor a cue of a `topic` kind).
local function weigh(words, cue, topic)
  local parts = parsed(cue)
  local own_negation = false
  for _, stems in ipairs(parts) do
    for _, stem in ipairs(stems) do if NEGATORS[stem] then own_negation = true end end
  end
  for _, stems in ipairs(parts) do
    local at = found(words, stems)
    if not at then return 0, false end
    if not own_negation and not topic and negated(words, at) then return 0, true end
  end
  return cue[2], false
end

--- Why `text` reads as it does: each cue that counted, as { kind, cue, weight }
--- (a cue said under a negation has weight 0), for a person tuning the cues.
function questions.explain(text)
  local words, found_cues = questions.words(text), {}
  for name, kind in pairs(kinds) do
    for _, cue in ipairs(kind.cues) do
      local weight, turned = weigh(words, cue, kind.topic)
      if weight > 0 or turned then found_cues[#found_cues + 1] = { kind = name, cue = cue[1], weight = weight } end
    end
  end
  table.sort(found_cues, function(a, b) return a.kind < b.kind or a.kind == b.kind and a.cue < b.cue end)
  return found_cues, words
end

--- What kind of question `text` is: the kind's name (nil when none reaches
--- the threshold), its weight, and every kind's weight by name.
function questions.classify(text)
  local words = questions.words(text)
  -- The standard kinds in their order, then any a negotiate.lua added.
  local names, listed_already = {}, {}
  for _, name in ipairs(ORDER) do
    if kinds[name] then names[#names + 1], listed_already[name] = name, true end
  end
  local added = {}
  for name in pairs(kinds) do if not listed_already[name] then added[#added + 1] = name end end
  table.sort(added)
  for _, name in ipairs(added) do names[#names + 1] = name end
  local scores, best, best_score = {}, nil, 0
  for _, name in ipairs(names) do
    local kind, score = kinds[name], 0
    for _, cue in ipairs(kind.cues) do score = score + (weigh(words, cue, kind.topic)) end
    scores[name] = score
    if score > best_score then best, best_score = name, score end
  end
  if best_score < questions.threshold then return nil, best_score, scores end
  return best, best_score, scores
end

---------------------------------------------------------------------------
-- The answers: each (s, rules, question) → rule, words.

local function money(minor, currency) return cadence.money_text({ minorUnits = minor, currency = currency }) end

-- "a, b and c".
local function listed(items)
  if #items <= 1 then return items[1] or "" end
  return table.concat(items, ", ", 1, #items - 1) .. " and " .. items[#items]
end

-- The case (rule 3): their needs paired with your strengths, said after the answer; or how to record them.
local function case(s, rules)
  local points = rules.talking_points(s)
  if #points > 0 then return " " .. table.concat(points, " "), points end
  return "", points
end

-- A name as it goes in a command line: quoted when it has a space.
local function argument(name)
  return name:find("[%s'\"]") and ('"' .. name:gsub('"', "") .. '"') or name
end

-- The candidate's name as it goes in a command line.
local function name_of(s) return argument(s.candidate and s.candidate.name or "NAME") end

-- How to record the case, when no need is paired with a strength yet.
local function record_case(s)
  return ("\n(To make your case, record the needs they named, `cadence app edit %s --need \"…\"`, and your strengths, "
    .. "`cadence candidate edit %s --strength \"…\"`.)"):format(argument(s.app.company), name_of(s))
end

local function set_targets_first(s, then_what)
  return "rule 1: know your three numbers before you answer; then " .. then_what,
    ("First set your three numbers, the bottom line, the going rate and the top: cadence candidate edit %s "
      .. "--targets \"bottom,going,top\". Until then, don't name a figure: say you are looking forward to their "
      .. "proposal."):format(name_of(s))
end

-- The decision on the offer as if time were asked and the missing items asked
-- about: where the figures stand, which a question about them asks for now.
local function substance(s, rules)
  local considered = setmetatable({ time_asked = true, missing_asked = true }, { __index = s })
  return rules.decide(considered)
end

-- The words of a decision, spoken: the counter, the decline; an acceptance said in a sentence.
local function said(d)
  if d.action == "accept" then
    return "It already meets what I was hoping for: I'd be glad to accept, with the terms confirmed in writing."
  end
  local w = d.words
  return w.counter or w.package or w.decline or w.wait or w.time or w.extension or w.late or w.follow_up or w.call
    or w.range or w.deflect or d.reason
end

-- The salary question, asked or pressed, by where the negotiation stands.
local function salary_question(s, rules, pushed)
  if not s.targets then
    return set_targets_first(s, pushed and "rule 4: a range a little above your going rate"
      or "rules 2 and 3: no first figure, and your case")
  end
  if not s.offer then
    if pushed then return "rule 4: pushed for a figure, give a range a little above your going rate", (rules.words.range(s)) end
    local points = rules.talking_points(s)
    return "rules 2 and 3: don't give the first number; make your case",
      rules.words.deflect(s, points) .. (#points == 0 and record_case(s) or "")
  end
  local d = substance(s, rules)
  return d.rule, said(d)
end

local answers = {}
questions.answers = answers

function answers.current_pay(s, rules)
  local more, points = case(s, rules)
  local next_step = s.offer and "I'm glad to talk about your offer on that footing"
    or "I'm looking forward to your proposal"
  return "rule 2: don't give the first number: your current pay anchors the offer to your last job, not to this role",
    ("I'd rather not anchor this on my current package: this is a different role, and I'd like us to agree on what "
      .. "it is worth. %s; what matters to me is a real step up in responsibility and in pay."):format(next_step)
      .. more .. (#points == 0 and record_case(s) or "")
      -- Where the law speaks to the question, say so: you need not answer it at all.
      .. (cadence.region_code(s.app) == "us"
        and "\n(In many US states and cities an employer may not ask for your pay history; you need not volunteer it.)" or "")
end

function answers.expected_pay(s, rules) return salary_question(s, rules, false) end

function answers.push_for_figure(s, rules) return salary_question(s, rules, true) end

function answers.make_it_work(s, rules)
  if not s.offer then return salary_question(s, rules, false) end
  if not s.targets then return set_targets_first(s, "rules 6 and 8: the package when the gap is small") end
  local d = substance(s, rules)
  return d.rule, said(d)
end

-- What an offer does not give yet, that employers have more room on than base (rule 6).
local function levers(s)
  local o, asks = s.offer or {}, {}
  local b = o.benefit_values or {}
  if not o.sign_on then asks[#asks + 1] = "a sign-on bonus" end
  asks[#asks + 1] = "an early salary review"
  if not b.movingAllowance then asks[#asks + 1] = "a moving allowance" end
  asks[#asks + 1] = "the start date"
  if not b.studyBudget then asks[#asks + 1] = "a study budget" end
  return listed(asks)
end

function answers.budget_fixed(s, rules, question)
  local more, points = case(s, rules)
  local o, t = s.offer, s.targets
  if o and t and s.base_in_target_currency < t.bottom.minorUnits then
    return "rule 7: below the bottom line, decline politely; an increased offer may follow", rules.words.below_bottom(s)
  end
  local rule = "rule 6: employers have more room on benefits, start date and moving allowance than on base"
  if not o then
    return rule, "Thank you for being clear about the base. Could you tell me the range for the role, and what the rest "
      .. "of the package looks like? I'm looking forward to your proposal." .. more .. (#points == 0 and record_case(s) or "")
  end
  local final = "fixed"
  for _, word in ipairs(questions.words(question or "")) do if word == "final" then final = "final" end end
  if o.final then final = "final" end
  return rule, ("I understand the base is %s, and thank you for being clear. I'm keen to make this work, so could we "
    .. "look at the rest of the package: %s? I'm sure we can find something we're both glad of."):format(final, levers(s))
    .. more
end

-- The working day `n` working days after `day`.
-- The `n`th working day after `day`: no weekend and no public holiday of the candidate's region.
local function working_days_after(s, day, n)
  return require("cadence.calendar").new():for_app(s.app):working_day(day, n)
end

-- The day the question names ("we need an answer by Friday", "before the
-- end of the week", "until Thursday at the latest"): the words after by,
-- before, until or on, read as a day, all of them, else the first three, two
-- or one (the rest may be "at the latest").
local function day_named(question, today)
  local plain = questions.plain(question)
  -- Today, however it is said.
  for _, said in ipairs{ "end of %a*%s*day", "%f[%a]eod%f[%A]", "%f[%a]cob%f[%A]", "close of business", "tonight", "%f[%a]today%f[%A]" } do
    if plain:find(said) then return today end
  end
  for _, word in ipairs{ "by", "before", "until", "on" } do
    for after in plain:gmatch("%f[%a]" .. word .. "%s+([^,;%.%?!]+)") do
      local said = {}
      for w in after:gmatch("%S+") do said[#said + 1] = w end
      for n = #said, 1, -1 do
        if n == #said or n <= 3 then
          local ok, day = pcall(cadence.date, table.concat(said, " ", 1, n), today)
          if ok and getmetatable(day) == getmetatable(today) then return day end
        end
      end
    end
  end
end

function answers.deadline(s, rules, question)
  local rule = "rule 5: always ask for time to consider, with a day and hour agreed, and answer exactly then"
  local hour = rules.answer_at or "10:00"
  -- A day already agreed since the offer came (the situation's one record of it, as the agenda reads it): keep to it.
  local agreed = s.offer and s.time_agreed
  if agreed and agreed.day >= s.today then
    return rule, ("As we agreed, I'll come back to you on %s at %s."):format(agreed.day:short(), agreed.time or hour)
  end
  local day = working_days_after(s, s.today, rules.days_to_consider or 2)
  local theirs = day_named(question, s.today) or (s.offer and s.offer.respond_by)
  if theirs and theirs < day then day = theirs end
  if day <= s.today then
    -- Their day is today or gone: ask at once for the next working day.
    day = working_days_after(s, s.today, 1)
    return rule, ("Thank you; I want to give this the careful answer it deserves. Could I have until %s at %s?"):format(
      day:short(), hour)
  end
  if s.offer and rules.words.time then
    return rule, rules.words.time(s, { day = day })
  end
  return rule, ("Thank you; I'd like to think it over properly. May I come back to you on %s at %s?"):format(day:short(), hour)
end

-- The candidate's other live offers, and how many other applications are in
-- interviews (later) or only screened (early).
local function elsewhere(s)
  local offers, later, early = {}, 0, 0
  local being_assessed, interviews = cadence.stages.being_assessed, cadence.stages.interview_rounds
  for _, app in ipairs(cadence.apps{ candidate = s.app.candidate, open = true }) do
    if app.id ~= s.app.id then
      local open = valuation.current(app:offers(), true)
      if #open > 0 then offers[#offers + 1] = { app = app, offer = open[#open] }
      elseif interviews[app.stage] then later = later + 1
      elseif being_assessed[app.stage] then early = early + 1 end
    end
  end
  return offers, later, early
end

function answers.other_offers(s, rules)
  local rule = "rule 8: a result both sides are glad of: be honest, name only an offer you really have, and use it "
    .. "only to ask for time or what you would accept anyway"
  local offers, later, early = elsewhere(s)
  local here = s.app.company
  if #offers > 0 then
    local soonest
    for _, o in ipairs(offers) do
      if o.offer.respond_by and (not soonest or o.offer.respond_by < soonest) then soonest = o.offer.respond_by end
    end
    local count = #offers == 1 and "another offer" or "other offers"
    return rule, ("Yes: I have %s%s. I'd like to give %s's proposal full consideration, so it would help to know "
      .. "where we stand before then."):format(count, soonest and (", which I need to answer by " .. soonest:short()) or "", here)
  end
  local function companies(n) return n == 1 and "one other company" or "a few other companies" end
  if later > 0 then
    return rule, ("I'm in the later stages with %s, but I don't have another offer at this point."):format(companies(later))
  elseif early > 0 then
    return rule, ("I'm in early conversations with %s, but I don't have another offer at this point."):format(companies(early))
  end
  return rule, "I don't have another offer at the moment; my focus is on this role."
end

-- The notice of the current job, as recorded with the current job's terms ("notice: 3 months").
local function notice_of(s)
  for _, term in ipairs(s.candidate and s.candidate.current_benefits or {}) do
    local said = term:match("^%s*[Nn]otice%s*[Pp]eriod%s*[:=]?%s*(.+)$") or term:match("^%s*[Nn]otice%s*[:=]?%s*(.+)$")
    if said then return said end
    if term:lower():find("notice", 1, true) then return term end
  end
end

local RECORD_NOTICE = "(Check your contract for your notice period first, and record it: "
  .. "`cadence candidate edit %s --current-benefit \"notice: 1 month\"`.)"

function answers.notice_period(s)
  local rule = "rule 6: the start date is part of the package: give the facts, and leave room to agree it"
  local notice = notice_of(s)
  if notice then
    return rule, ("My notice period is %s. I'd be glad to agree a start date that works for both of us."):format(notice)
  end
  return rule, "I'll confirm my notice period and come back to you with the earliest date I could start.\n"
    .. RECORD_NOTICE:format(name_of(s))
end

function answers.start_date(s)
  local rule = "rule 6: the start date is part of the package: give the facts, and leave room to agree it"
  local notice, start = notice_of(s), s.offer and s.offer.start
  -- The day the notice ends, when it reads as a length ("one month", "2 weeks"), counted from today.
  local served = notice and select(2, pcall(cadence.date, "in " .. notice, s.today))
  if getmetatable(served) ~= getmetatable(s.today) then served = nil end
  if notice and start and served then
    if served <= start then
      return rule, ("The offer's start date of %s works for me: my notice of %s is served by then."):format(start:short(), notice)
    end
    local first = working_days_after(s, served, 1)
    return rule, ("My notice of %s runs to %s, so the earliest I could start is %s; could we agree that date instead of %s?"):format(
      notice, served:short(), first:short(), start:short())
  elseif notice and start then
    return rule, ("The offer's start date of %s works for me if it allows for my notice of %s; if not, could we agree "
      .. "the first date after it?"):format(start:short(), notice)
  elseif notice then
    return rule, ("I could start once my notice of %s is served; I'd be glad to agree a date that works for both of us."):format(notice)
  elseif start then
    return rule, ("The offer says %s. I'll confirm my notice period and come back to you on whether that date works.\n"):format(start:short())
      .. RECORD_NOTICE:format(name_of(s))
  end
  return rule, "I'll confirm my notice period and come back to you with the earliest date I could start.\n"
    .. RECORD_NOTICE:format(name_of(s))
end

function answers.relocation(s)
  local rule = "rule 6: employers have more room on a moving allowance than on base: ask what they offer"
  local o = s.offer or {}
  local allowance = (o.benefit_values or {}).movingAllowance
  local known = s.app.facts and s.app.facts.relocation
  local lines = {}
  if allowance then
    lines[#lines + 1] = ("If you would move: \"I'd consider moving for the right role. The moving allowance of %s helps; "
      .. "does it cover the move itself and somewhere to stay while I find a home?\""):format(cadence.money_text(allowance))
  else
    lines[#lines + 1] = "If you would move: \"I'd consider moving for the right role. What relocation support do you offer: "
      .. "a moving allowance, somewhere to stay at first?\""
  end
  if known then lines[#lines + 1] = ("(What they said about relocation: %s.)"):format(known) end
  lines[#lines + 1] = "If you would not: \"I'm not able to move, but I'd be glad to talk about how the role could work from where I am.\""
  return rule, table.concat(lines, "\n")
end

-- "1 day", "2 days", "half a day", "2.5 days".
local function days(n)
  if n == 0.5 then return "half a day" end
  if math.type(n) == "float" and n == math.floor(n) then n = math.tointeger(n) end
  return ("%s day%s"):format(n, n == 1 and "" or "s")
end

function answers.remote_work(s)
  local rule = "rule 6: remote days are part of the package: weigh them with the rest, and ask for what you need"
  local b = (s.offer or {}).benefit_values or {}
  local facts = s.app.facts or {}
  local known = {}
  if b.remoteDaysPerWeek then known[#known + 1] = ("%s a week from home"):format(days(b.remoteDaysPerWeek)) end
  if b.officeDaysPerWeek then known[#known + 1] = ("%s a week in the office"):format(days(b.officeDaysPerWeek)) end
  local words
  if #known > 0 then
    words = ("Thank you: the offer has %s. Flexibility matters to me, so I count it as part of the package; "
      .. "is there room on it if we need it?"):format(listed(known))
  else
    words = "Flexibility matters to me, and I count it as part of the package: how many days a week does the team "
      .. "spend in the office, and how much room is there on that?"
  end
  for _, topic in ipairs{ "location", "office", "hours" } do
    if facts[topic] then words = words .. ("\n(What they said about %s: %s.)"):format(topic, facts[topic]) end
  end
  return rule, words
end

function answers.what_matters(s, rules)
  local more, points = case(s, rules)
  return "rule 3: make your case: what you want, then their needs paired with your strengths",
    "What matters most to me is a real step up in responsibility, and in pay that reflects it, in a team where I can "
      .. "make a difference early on." .. more .. (#points == 0 and record_case(s) or "")
end

--- The kinds known, each as "label: example", in order.
function questions.known()
  local lines = {}
  local listed_names, seen = {}, {}
  for _, name in ipairs(LISTED) do listed_names[#listed_names + 1], seen[name] = name, true end
  local added = {}
  for name in pairs(kinds) do if not seen[name] then added[#added + 1] = name end end
  table.sort(added)
  for _, name in ipairs(added) do listed_names[#listed_names + 1] = name end
  for _, name in ipairs(listed_names) do
    local kind = kinds[name]
    lines[#lines + 1] = kind.example and ("%s (%s): \"%s\""):format(kind.label or name, name, kind.example)
      or ("%s (%s)"):format(kind.label or name, name)
  end
  return lines
end

--- The answer to `question` for the situation `s` by `rules` (the script in
--- force; its `rules.answers[kind]` replaces the standard answer): the rule,
--- the words, the kind's name ("unknown" when none is recognised) and its label.
function questions.answer(rules, s, question)
  -- A negotiate.lua written from nothing may leave out the words or the pairing: the standard ones stand in.
  local standard = require "negotiation.standard"
  if rules ~= standard then
    local own = rules
    rules = setmetatable({}, { __index = function(_, key)
      local value = own[key]
      if value == nil then return standard[key] end
      return value
    end })
  end
  local kind = questions.classify(question)
  if not kind then
    return "not recognised: none of the kinds of question the script knows (below); asked in other words, it may be",
      "Not a question Cadence recognises. The kinds it knows, each with an example:\n  - "
        .. table.concat(questions.known(), "\n  - "), "unknown", "not recognised"
  end
  local own = type(rules.answers) == "table" and rules.answers[kind]
  local answer = own or kinds[kind].answer or answers[kind]
  local label = kinds[kind].label or kind
  if type(answer) ~= "function" then
    error(("no answer for a %s question: give the kind an answer = function(s, rules, question), or rules.answers.%s"):format(
      label, kind), 0)
  end
  local rule, words = answer(s, rules, question)
  if type(rule) ~= "string" or type(words) ~= "string" then
    error(("%s gave %s and %s: an answer returns the rule and the words, both text"):format(
      own and ("negotiate.lua's rules.answers." .. kind) or ("the answer to a " .. label .. " question"),
      type(rule), type(words)), 0)
  end
  return rule, words, kind, label
end

return questions
