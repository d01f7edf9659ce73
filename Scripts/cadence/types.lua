---@meta cadence
-- Type annotations for the cadence module, for lua-language-server.
-- They describe Scripts/cadence/init.lua; nothing here runs.

---A calendar day. Compare with < and ==; add or subtract whole days; subtract
---two dates for the days between them.
---@class cadence.Date
---@field year integer
---@field month integer
---@field day integer
---@field weekday "monday"|"tuesday"|"wednesday"|"thursday"|"friday"|"saturday"|"sunday"
---@operator add(integer): cadence.Date
---@operator sub(cadence.Date): integer
---@operator sub(integer): cadence.Date
local Date = {}

---@return boolean
function Date:is_weekend() end

---The date as people write it in a sentence: "Mon 2 Mar".
---@return string
function Date:short() end

---The date as "YYYY-MM-DD", as tostring gives it.
---@return string
function Date:iso() end

---Days since 1970-01-01 (negative before it): how a date travels to an installed policy's worker.
---@return integer
function Date:day_number() end

---The date `n` days after 1970-01-01 (the inverse of date:day_number).
---@param n integer
---@return cadence.Date
function Date.from_day_number(n) end

---@alias cadence.Stage "saved"|"applied"|"screening"|"interviewing"|"final"|"offer"|"negotiating"|"accepted"|"declined"|"rejected"|"withdrawn"|"ghosted"

---@alias cadence.EventKind "saved"|"applied"|"screen"|"interview"|"follow-up-call"|"message-sent"|"reply-received"|"next-step"|"deadline-set"|"offer-received"|"negotiation-round"|"rejection"|"withdrawal"|"acceptance"|"decline"|"ghosted"|"correction"|"note"

---An amount of money, exact: minor units (pence, cents) and an ISO 4217 code.
---The three numbers (negotiation rule 1): the bottom line, the going rate and the top.
---@class cadence.Targets
---@field bottom cadence.Money the lowest acceptable
---@field going cadence.Money the market's average for the role
---@field top cadence.Money the highest reasonable for this experience
---@field period "year"|"month"|"week"|"day"|"hour"

---An application: a candidate, a company, a role. Its fields are read and
---written by the same names (app:edit{ deadline = "friday" }, app.deadline,
---`cadence app edit --deadline friday`); any other name is an error.
---@class cadence.Application
---@field id integer
---@field candidate_id integer
---@field candidate string the candidate's name
---@field company string
---@field role string
---@field stage cadence.Stage derived from the timeline
---@field stage_since? cadence.Date when the stage began
---@field last_from_them? cadence.Date the last word from them: a reply, a meeting, a promise, an offer or a no
---@field last_by_you? cadence.Date the last touch by you: applying, a message, a call, a meeting
---@field last_contact? cadence.Date the later of the two
---@field source? string
---@field location? string
---@field url? string
---@field salary? string pay as the posting stated it
---@field salary_range? { low: cadence.Money, high: cadence.Money, period: string } the posted salary, read
---@field deadline? cadence.Date when they will decide
---@field interest? integer 1 to 5
---@field needs string[] needs and problems the company named
---@field questions string[] what is still unknown
---@field tags string[]
---@field notes? string
---@field facts? table<string, string> what is known, by topic (hours, office, contract…)
---@field targets? cadence.Targets the three numbers for this role, where they differ from the candidate's
local Application = {}

---The application's events, oldest first.
---@return cadence.Event[]
function Application:timeline() end

---@return cadence.Contact[]
function Application:contacts() end

---@return cadence.Offer[]
function Application:offers() end

---Days since the last word from them (or since the stage began): how long they have been quiet.
---@return integer?
function Application:quiet_days() end

---@class cadence.LogDetails
---@field with? string|string[] people met or written to
---@field to? string|string[] the same, for messages
---@field channel? string email, phone, letter, linkedin…
---@field message_kind? string for messages: thank-you, status, feedback-request…
---@field round? string for interviews; "final" makes the stage final
---@field next_step? string a promised next step, such as "call me in two weeks"
---@field due? string|cadence.Date for deadlines and next steps
---@field at? string|cadence.Date when it happened (default: now)
---@field stage? cadence.Stage for corrections: the right stage
---@field corrects? integer for corrections: the event to set aside
---@field notes? string
---@field as_written? boolean log a name that nearly spells a contact's as it is

---Adds an event to the timeline and refreshes this object (its stage follows).
---@param kind cadence.EventKind what happened: "interview", "message-sent", "reply-received"…
---@param details? cadence.LogDetails with whom, when, the promise made, notes
---@return cadence.Event
function Application:log(kind, details) end

---Changes the application's details (not its stage: log an event) and refreshes this object;
---the fields are those read: company, role, source, location, url, salary, deadline, interest,
---needs, questions, tags, notes, facts (a fact set to false or "" is forgotten), targets.
---@param fields table such as { deadline = "friday", tags = { "remote" } }
---@return cadence.Application
function Application:edit(fields) end

---Hides the application from lists and the agenda; archive(false) brings it back.
---@param archived? boolean false to bring it back
---@return cadence.Application
function Application:archive(archived) end

---Adds a contact: name, title, role, email, phone, discussed.
---@param fields table such as { name = "Helen Jones", role = "hiring-manager" }
---@return cadence.Contact
function Application:add_contact(fields) end

---Records an offer and logs its arrival: base, period, bonus, equity, sign_on, benefits, start, respond_by, at.
---@param fields table such as { base = "54000 GBP", respond_by = "friday" }
---@return cadence.Offer
function Application:add_offer(fields) end

---@class cadence.Event
---@field id integer
---@field application_id integer
---@field kind cadence.EventKind
---@field at string the instant, ISO 8601 in UTC
---@field day cadence.Date the day it happened, in the candidate's time zone
---@field with string[]
---@field channel? string
---@field message_kind? string
---@field round? string
---@field next_step? string
---@field due? cadence.Date
---@field stage? cadence.Stage
---@field corrects? integer
---@field notes? string

---@class cadence.Contact
---@field id integer
---@field application_id integer
---@field name string
---@field title? string
---@field role "recruiter"|"hiring-manager"|"interviewer"|"referrer"|"reference"|"insider"|"other"
---@field email? string
---@field phone? string
---@field discussed? string what they talked about with the candidate
---@field archived_at? string when it was archived

---@class cadence.Money
---@field minorUnits integer pence, cents…
---@field currency string ISO 4217

---@class cadence.Offer
---@field id integer
---@field application_id integer
---@field base cadence.Money
---@field period "year"|"month"|"week"|"day"|"hour"
---@field annual_base cadence.Money base pay over a year
---@field bonus? cadence.Money
---@field bonus_percent? { basisPoints: integer }
---@field bonus_amount? cadence.Money the bonus in money, however it was given
---@field bonus_guaranteed boolean
---@field equity? string
---@field grant? table the equity grant, valued
---@field equity_by_year? integer[] what the grant vests each year (minor units)
---@field equity_currency? string
---@field refresher? cadence.Money
---@field sign_on? cadence.Money
---@field clawback_months? integer
---@field benefits table<string, string>
---@field benefit_values table what the benefits are worth, by kind
---@field start? cadence.Date
---@field respond_by? cadence.Date
---@field status "received"|"negotiating"|"accepted"|"declined"|"expired"|"rescinded"
---@field revises? integer
---@field archived_at? string

---@class cadence.Candidate
---@field id integer
---@field name string
---@field email? string
---@field time_zone string
---@field region? string
---@field strengths string[]
---@field references string[]
---@field targets? cadence.Targets the three numbers
---@field current_pay? cadence.Money pay a year in the current job: the baseline an offer is compared with
---@field current_benefits string[] the current job's benefits, as stated
---@field archived_at? string

---@class cadence.Filter
---@field stage? cadence.Stage|cadence.Stage[]
---@field company? string part of the company's name, any case
---@field tag? string
---@field candidate? string
---@field quiet? integer|string no contact for at least this long: 14, "2 weeks"
---@field open? boolean leave out accepted, declined, rejected and withdrawn

---@class cadence
local cadence = {}

---Applications matching `filter` (all of them without one).
---@param filter? cadence.Filter which ones: stage, company, tag, quiet, open
---@return cadence.Application[]
function cadence.apps(filter) end

---One application, by id, company, or "company/role".
---@param name string|integer an id, a company ("acme" is enough when unique) or "company/role"
---@return cadence.Application
function cadence.app(name) end

---The application a command names: as cadence.app, but a wrong name is refused in the
---refusal's words alone (the person typed it on the command line, not in a script).
---@param name string|integer
---@return cadence.Application
function cadence.command_app(name) end

---@return cadence.Candidate[]
function cadence.candidates() end

---Adds an application (and logs it applied, or saved), by the fields an application is read by:
---company, role, candidate, applied, saved, again (the same company and role once more), and
---those of app:edit.
---@param fields table such as { company = "Acme", role = "Analyst", applied = "last friday", deadline = "friday" }
---@return cadence.Application
function cadence.add_app(fields) end

---A date from "YYYY-MM-DD" or words as people say them ("friday", "friday next
---week", "in 10 days", "a fortnight", "next month", "end of the month", "the 15th"),
---counted from today or from `from`. Years 1900-2200; a phrase it cannot read is an error.
---@param value string|cadence.Date "2026-03-02", or words: "friday", "in a fortnight", "end of the month"
---@param from? string|cadence.Date the day words count from (default today)
---@param lean? "future"|"past" how to read a bare weekday: the coming one (default) or the last one
---@return cadence.Date
function cadence.date(value, from, lean) end

---Today, in the candidate's time zone.
---@return cadence.Date
function cadence.today() end

---The stage a list of events gives, by the same rules as the workspace's
---(for simulations, which add events without writing them).
---@param events cadence.Event[] a timeline, real or simulated
---@return cadence.Stage
function cadence.stage_of(events) end

---The workspace's folder (where its cadence.lua lives), or nil.
---@return string?
function cadence.workspace() end

---What the Lua file at `path` returns, and its path; nothing without the file.
---@param path string
---@return any result
---@return string? path
function cadence.script(path) end

---What the workspace's script `name` (such as "negotiate.lua") returns, and its path; nothing without it.
---@param name string relative to the workspace's folder
---@return any result
---@return string? path
function cadence.workspace_script(name) end

---An amount as people write it ("£1,200", "12 GBP", or "12" with `currency`), exact.
---@param text string
---@param currency? string when the text names none
---@return cadence.Money
function cadence.money(text, currency) end

---"1,200.50 GBP", "-1.50 GBP": an amount as people read it; with a period, "25 GBP an hour".
---@param money cadence.Money
---@param period? string year, month, week, day or hour
---@return string
function cadence.money_text(money, period) end

---"1,200": whole units grouped by thousands, rounded half up (away from zero).
---@param amount integer|cadence.Money minor units, or money
---@return string
function cadence.whole_text(amount) end

---"a year", "an hour".
---@param period string year, month, week, day or hour
---@return string
function cadence.per_words(period) end

---"7.5%".
---@param percent number|{ basisPoints: integer } a number of percent, or basis points
---@return string
function cadence.percent_text(percent) end

---The amount over a working year of `period` (an hour's pay × 1950); an error when too large.
---@generic A: integer|cadence.Money
---@param amount A
---@param period string
---@return A
function cadence.yearly(amount, period) end

---`percent` of the amount, rounded half up to the minor unit; an error when too large.
---@generic A: integer|cadence.Money
---@param amount A minor units, or money
---@param percent number|{ basisPoints: integer } 10, 7.5, or basis points
---@return A
function cadence.percent_of(amount, percent) end

---The amount × part / whole, rounded half up to the minor unit; an error when too large.
---@generic A: integer|cadence.Money
---@param amount A
---@param part integer
---@param whole integer above zero
---@return A
function cadence.share_of(amount, part, whole) end

---The sum of a list of amounts (money of one currency, or minor units); an error when too large.
---@param amounts (integer|cadence.Money)[]
---@return integer|cadence.Money
function cadence.total(amounts) end

---The mean of a list of minor units, rounded half up to the minor unit; it always fits, though the sum may not.
---@param amounts integer[]
---@return integer
function cadence.average(amounts) end

---The one of `candidates` that `word` nearly spells, or nil.
---@param word string
---@param candidates string[]
---@return string?
function cadence.nearest(word, candidates) end

---@class cadence.SpokenFigure
---@field low cadence.Money the low end (the figure itself, for one figure)
---@field high cadence.Money the high end
---@field range boolean said as a range ("33-36k", "the mid-thirties")
---@field said string the words that said it

---The figures said in `text` as people say them ("about thirty thousand", "33-36k", "$185k",
---"the mid-thirties", "12 lakh"), in order, exact: `cadence.spoken_figures("33-36k", "GBP")`.
---@param text string what was said
---@param currency string the conversation's currency, for a figure said without one
---@param around? integer|cadence.Money the scale of the conversation: a bare "thirty" is 30,000 only near it
---@return cadence.SpokenFigure[]
function cadence.spoken_figures(text, currency, around) end

---@class cadence.PromiseReading
---@field actor "you"|"them" you act on the day, or they act by it (their decision date)
---@field call boolean your part is a call ("call me"), not a message
---@field cue? string the words that decided ("get back to you"); nil when none did

---Who acts when a promise's day comes, from its words: "call me", "email me", "I'll send" are yours
---(an action on the day); "we'll get back to you", "let you know", "decision by", "hear from us",
---"circle back" are theirs (a decision date: nothing until it, one polite inquiry after).
---@param words string the promise, as logged with --next
---@return cadence.PromiseReading
function cadence.promise(words) end

---@class cadence.Channel
---@field name string "email", "phone", "linkedin", "text", "letter" or "task"
---@field form "letter"|"message"|"talking-points"|"task" the shape of its draft
---@field said string "on LinkedIn", "by email" …
---@field mail boolean whether its draft becomes an .eml (only email)

---The channels a follow-up goes by, in order, each also found by its name.
---@return cadence.Channel[] | table<string, cadence.Channel>
function cadence.channels() end

---The one name of the channel `word` names ("e-mail" is "email"); an error with a did-you-mean for any other word.
---@param word string
---@return string
function cadence.channel(word) end

---The contact role `word` names ("hiring manager" is "hiring-manager"), or nil.
---@param word string
---@return string?
function cadence.contact_role(word) end

---@param n integer
---@return integer
function cadence.days(n) end

---@param n integer how many weeks
---@return integer days
function cadence.weeks(n) end

---Every application's timeline at once, by application id: one read of
---the workspace instead of one per application.
---@return table<integer, cadence.Event[]>
function cadence.timelines() end

---Every application's contacts at once, by application id.
---@return table<integer, cadence.Contact[]>
function cadence.all_contacts() end

---Every application's offers at once, by application id.
---@return table<integer, cadence.Offer[]>
function cadence.all_offers() end

---The whole search in one read, as planning needs it.
---@return { apps: cadence.Application[], timelines: table<integer, cadence.Event[]> }
function cadence.search() end

---A decision on an agenda item: done (with the event that logged it),
---skipped, or snoozed until `due`.
---@class cadence.Decision
---@field id integer
---@field application_id integer
---@field key string the item's key, as its policy gave it
---@field kind string
---@field due cadence.Date when it was due; for a snoozed item, until when
---@field channel? string
---@field recipient? string
---@field status "done"|"skipped"|"snoozed"
---@field policy? string
---@field reason? string
---@field draft? string
---@field decided_at? string
---@field event_id? integer

---What was decided about agenda items.
---@return cadence.Decision[]
function cadence.decisions() end

---Records a decision on an agenda item of `app` (policy.act does this, and `cadence agenda done`).
---@param app cadence.Application
---@param decision table key, status ("done", "skipped", "snoozed"), kind, due, to, channel, event
function cadence.decide(app, decision) end

---The stages in order, and named sets of them (stage -> true), as the workspace derives them:
---`terminal` (the application is over), `ended_by_you` (accepted, declined, withdrawn),
---`being_assessed` (screening, interviewing, final), `interview_rounds` (interviewing, final),
---`with_offer` (offer, negotiating), `decided` (with_offer and terminal), `closed` (terminal and ghosted).
---@type string[] | { terminal: table<string, boolean>, ended_by_you: table<string, boolean>, being_assessed: table<string, boolean>, interview_rounds: table<string, boolean>, with_offer: table<string, boolean>, decided: table<string, boolean>, closed: table<string, boolean> }
cadence.stages = {}

---@class cadence.FactTopic
---@field name string "relocation"
---@field aliases string[] other names a fact about it is recorded under ("moving")
---@field covered_by string[] words that show a question of yours already asks about it
---@field question string the question to ask while it is unknown

---Rule 12's topics in the order missing_info asks about them, each also found by its name;
---the questions in the words of a region (`which` as cadence.region takes it; the first candidate's).
---@param which? string|cadence.Candidate|cadence.Application
---@return cadence.FactTopic[] | table<string, cadence.FactTopic>
function cadence.fact_topics(which) end

---@class cadence.Benefits
---@field paid_leave string "PTO" (US, Canada), "holiday" (UK), "annual leave" (Ireland, Australia...)
---@field typical_leave_days integer paid days off a year commonly given there, public holidays not counted
---@field statutory_leave_days integer? the legal minimum, public holidays not counted (nil: none)
---@field retirement string "401(k) match", "RRSP match", "pension", "superannuation", "provident fund"
---@field health string "health insurance premium", "private medical insurance", ...

---@class cadence.Region
---@field code string "us", "ca", "gb", "ie", "de", "fr", "nl", "in", "au"
---@field name string "the United States"
---@field currency string a bare amount's currency ("USD")
---@field date_order "mdy"|"dmy"|nil how 03/04/2026 reads (nil: both are common there, so it is asked)
---@field week_start "sunday"|"monday" the first day of a week
---@field holiday_module string the Lua calendar of its public holidays ("holidays.us")
---@field time_zone string a zone of the region to suggest ("America/New_York")
---@field benefits cadence.Benefits what an offer's benefits are called there
---@field holidays fun(year: integer): { date: string, name: string }[] its public holidays of `year`

---Where a candidate searches, and what that decides: dates, currency, holidays, benefits' words,
---the week's first day. nil when none is chosen (`candidate edit --region`) and the time zone says none.
---  cadence.region().benefits.paid_leave       -- "PTO" for a candidate in the US
---  cadence.region("de").holidays(2026)        -- Germany's public holidays in 2026
---@param which? string|cadence.Candidate|cadence.Application a code or name ("de", "uk", "Germany"), a candidate, an application (its candidate's); nothing: the first candidate's
---@return cadence.Region?
function cadence.region(which) end

---The region code of `which` (as cadence.region takes it), or nil.
---@param which? string|cadence.Candidate|cadence.Application
---@return string?
function cadence.region_code(which) end

---Every region Cadence knows, by code: { "us", "ca", "gb", "ie", "de", "fr", "nl", "in", "au" }.
---@return string[]
function cadence.regions() end

---The three numbers that hold for `app`: its own, else its candidate's; nil when none are set.
---@param app cadence.Application the application
---@return cadence.Targets?
function cadence.targets(app) end

---Runs `fn`; if it raises, its writes are undone and the error raised on.
---@generic T
---@param fn fun(): T the writes to make together; it cannot yield
---@return T
function cadence.transaction(fn) end

---------------------------------------------------------------------------
-- Negotiation: require "cadence.negotiation".
---------------------------------------------------------------------------

---An offer valued year by year: what is paid apart from what is worth something but is not paid.
---@class cadence.Valuation
---@field currency string
---@field years integer
---@field rows { name: string, kind: "paid"|"worth", how: string, amounts: integer[] }[] each component, minor units a year
---@field totals integer[] the whole package, minor units, year by year
---@field average integer the whole package, minor units a year
---@field paid { totals: integer[], average: integer } what is paid: base, bonus, sign-on, equity, retirement match, allowances
---@field worth { totals: integer[], average: integer } what is not paid: days off beyond a baseline, health cover, commute…
---@field equity_scenarios { multiple: integer, totals: integer[], average: integer }[] shares with no market price at 0×, 1×, 2× (else empty)
---@field not_valued { name: string, terms: string, how: string }[] benefits worded with no figure, and the command that values each
---@field assumptions string[] every assumption, in words

---A decision of the negotiation script.
---@class cadence.NegotiationDecision
---@field action "prepare"|"set-targets"|"closed"|"await-reply"|"decline"|"ask-for-extension"|"ask-for-time"|"answer-late"|"ask-missing"|"counter"|"counter-benefits"|"counter-package"|"ask-package-once"|"accept"
---@field rule string the rule of the practice that led to it
---@field reason string the facts that made it so
---@field facts string[]
---@field counter? integer the counter figure, minor units a year
---@field points string[] their needs paired with your strengths
---@field words table<string, string> the words, by step
---@field walk_away? integer your bottom line, minor units a year
---@field plan? { first: integer, settle: integer } the concession plan across rounds
---@field levers? string[] what the offer does not have yet, in the order to ask
---@field next_action? string with "answer-late": the decision to give once you have apologised

---The valuation of offers (require "cadence.valuation"); its names are negotiation's too.
local valuation = {}

---The negotiation script's situation, decision and words (require "cadence.negotiation").
local negotiation = {}

---Values an offer year by year, every component priced and every assumption stated.
---@param offer table an offer, as app:offers() gives it
---@param assumptions? table over the defaults (negotiation.load() gives the workspace's)
---@return cadence.Valuation
function valuation.value(offer, assumptions) end

---Ranks valuations: money scored 1 to 5 by the average, your criteria by settings.score, all weighed.
---@param entries { label: string, valuation: cadence.Valuation, offer?: table, app?: cadence.Application }[]
---@param settings? table { weights = { money = 3, growth = 2 }, score = function(offer, app) … end }
---@return { entries: table[], explanation: string[] }
function valuation.compare(entries, settings) end

---The decision for an application by the negotiation script in force.
---@param app cadence.Application the application
---@param rules? table a negotiation script (default: negotiate.lua, else the standard one)
---@return cadence.NegotiationDecision
function negotiation.decide(app, rules) end

---The counter figure for an application, or nil when the script does not counter.
---@param app cadence.Application the application
---@return integer?
function negotiation.counter(app) end

---Rule 3: the needs they named paired with your strengths; none invented.
---@param app cadence.Application the application
---@return string[]
function negotiation.talking_points(app) end

---The words for an application's next step, by step ("deflect", "range", "time", "call", "counter", "decline", "accept").
---@param app cadence.Application the application
---@return table<string, string>
function negotiation.words(app) end

---The day and hour you agreed to answer the open offer on, to whom, and when you asked (or nil).
---@param app cadence.Application
---@return { day: cadence.Date, time?: string, to?: string, asked_on: cadence.Date }?
function negotiation.time_agreed(app) end

---The offers that stand: the latest round of each, and only those received or negotiating when `open` is set.
---@param offers cadence.Offer[]
---@param open? boolean
---@return cadence.Offer[]
function valuation.current(offers, open) end

---What `cadence negotiate APP` prints: the decision and its words, or the answer to `question`.
---@param app cadence.Application
---@param question? string
---@return { text: string, data: table }
function negotiation.report(app, question) end

---`cadence negotiate`'s call: negotiation.report for the application named `options.app`.
---@param options { app: string, question?: string }
---@return { text: string, data: table }
function negotiation.report_on(options) end

---What `cadence offer value APP` prints: each offer of `app` that stands, valued.
---@param app cadence.Application
---@param name? string how the application was named, for the hint when it has no offer
---@return { text: string, data: table[] }
function valuation.value_report(app, name) end

---What `cadence offer compare` prints: the open offers (of candidate `who`, when given) and the current job, ranked;
---`unvalued`: the open offers that could not be valued (a currency with no rate), each with why.
---@param who? string|integer a candidate's name or id
---@return { text: string, data: table[], unvalued: { offer: integer, company: string, role: string, label: string, why: string }[] }
function valuation.comparison_report(who) end

---The workspace's negotiation.lua: its assumptions over the defaults, and its settings.
---@param path? string another file
---@return table assumptions
---@return table settings
function valuation.load(path) end

---------------------------------------------------------------------------
-- Writing a policy: what a plan function is given.
---------------------------------------------------------------------------

---A follow-up a policy proposes: ctx:propose{ kind = "status", due = ctx.today + 7, to = "Helen Jones",
---reason = "rule 5: …", draft = "Dear Helen, …" }.
---@class cadence.Proposal
---@field kind string what it is: "thank-you", "status", "questions"…
---@field due cadence.Date|string when it is due (moved off weekends and holidays by the calendar)
---@field at? string the hour it is due, "10:00" (a time agreed with them): shown on the agenda, the calendar event's start
---@field to? string whom it goes to
---@field channel? "email"|"phone"|"linkedin"|"text"|"letter"|"task" how (default email); it shapes the draft
---@field reason string why: the rule and the facts, shown on the agenda
---@field draft? string the words to edit and send
---@field key? string what makes it the same item from day to day (default: kind, person and due date)
---@field slide? "back"|"forward"|"keep" which way a closed day moves it (default: your calendar's weekends setting)
---@field logs? string|table|false what marking it done logs (default: the message sent, or a note for a task)

---The days follow-ups go out on: a cadence.lua's `calendar = { … }` beside its policies.
---A due date on a closed day moves to an open one (a proposal's `slide` chooses the way).
---@class cadence.Calendar
---@field weekends? "slide"|"back"|"keep" a weekend's item slides to Monday (default), back to Friday, or is kept
---@field holidays? table days closed: { "2026-12-25", ["2026-12-26"] = "Boxing Day" }
---@field send_on? string[] only these weekdays: { "tuesday", "wednesday", "thursday" }
---@field send_at? string the time of day in calendar files, in the candidate's zone: "09:30"

---What a policy's plan(app, ctx) sees of one application besides `app` itself.
---@class cadence.Context
---@field today cadence.Date the day the agenda is planned for
---@field timeline cadence.Event[] every event, oldest first, future ones included
---@field future cadence.Event[] events dated after today (scheduled interviews)
---@field contacts cadence.Contact[] the application's contacts
---@field candidate? cadence.Candidate whose application it is
---@field calendar table the days follow-ups go out on: calendar:adjust(date), calendar:closed(date), calendar:holidays_of(year) (the candidate's region's public holidays and yours)
local Context = {}

---Proposes a follow-up for the agenda.
---@param item cadence.Proposal kind, due, to, reason, draft, channel, key
function Context:propose(item) end

---Notes why this policy proposes nothing (stopped by a reply, waiting for a date); simulations show it.
---@param reason string the sentence to show
function Context:exit(reason) end

---Events up to today of a kind, oldest first.
---@param kind? cadence.EventKind|cadence.EventKind[] one kind, a list of kinds, or nil for all
---@return cadence.Event[]
function Context:events(kind) end

---The latest event up to today of a kind, or nil.
---@param kind? cadence.EventKind|cadence.EventKind[] one kind, a list of kinds, or nil for any
---@return cadence.Event?
function Context:last(kind) end

---Events dated after today (an interview next week), of a kind if given.
---@param kind? cadence.EventKind|cadence.EventKind[] one kind, a list, or nil for all
---@return cadence.Event[]
function Context:upcoming(kind) end

---The first event after `anchor` whose kind is in `kinds` and for which `test(e)` holds, or nil.
---@param anchor cadence.Event|{ day: cadence.Date } an event, or a day to look from
---@param kinds table<string, boolean> a set of kinds: { ["reply-received"] = true }
---@param test? fun(e: cadence.Event): boolean a further condition
---@return cadence.Event?
function Context:first_after(anchor, kinds, test) end

---How many messages of a kind were sent on or after `since`, to `to` if given.
---@param message_kind string "thank-you", "status"…
---@param since? cadence.Date from this day (default: ever)
---@param to? string only to this person
---@return integer
function Context:sent(message_kind, since, to) end

---Whether they replied, offered or rejected on or after `since`.
---@param since cadence.Date the day to look from
---@return boolean
function Context:answered_since(since) end

---The first person met at the latest interview or screen, or nil: whom a follow-up goes to.
---@return string?
function Context:person_met() end

---The contact of this application named `name`, or nil.
---@param name string their name
---@return cadence.Contact?
function Context:contact(name) end

---The application's offers.
---@return cadence.Offer[]
function Context:offers() end

---What the person decided about the item `key` (done, skipped or snoozed), or nil.
---@param key string the item's key
---@return cadence.Decision?
function Context:decision(key) end


return cadence
