import Foundation
import Testing

/// `cadence negotiate APP --question "…"`: a recruiter's question read by what
/// it means (Scripts/negotiation/questions.lua) and answered by the practice.
@Suite("Negotiation: a question classified by meaning and answered by the practice")
struct NegotiationQuestionTests: WorkspaceSuite {
    let directory = Self.folder("questions")

    /// Each phrasing and the kind it is: spelt as people speak and write (British and
    /// American, contractions, no punctuation), negations that turn a cue around and
    /// ones that do not, and questions of no kind it knows.
    static let table: [(phrasing: String, kind: String)] = [
        // current pay
        ("What are you earning at the moment?", "current_pay"),
        ("what's your current package?", "current_pay"),
        ("What's your current salary?", "current_pay"),
        ("whats ur current salary", "current_pay"),
        ("What do you make now?", "current_pay"),
        ("How much are you making at your current job?", "current_pay"),
        ("What are you on at the moment?", "current_pay"),
        ("What's your present base?", "current_pay"),
        ("Can you tell me your salary history?", "current_pay"),
        ("What does your current employer pay you?", "current_pay"),
        ("What were you paid in your last role?", "current_pay"),
        ("What is your current remuneration?", "current_pay"),
        ("What's your current comp, including bonus?", "current_pay"),
        ("Could you share your current compensation?", "current_pay"),
        ("What's your take-home at the moment?", "current_pay"),
        ("What did you earn at your previous company?", "current_pay"),
        ("And what's your current base, roughly?", "current_pay"),
        ("Where are you at, pay-wise, right now?", "current_pay"),
        ("So what's your salary today?", "current_pay"),
        ("What's your current CTC?", "current_pay"),
        ("What's your current OTE?", "current_pay"),
        ("Roughly what do you earn these days?", "current_pay"),
        ("What kind of money are you on now?", "current_pay"),
        ("Mind if I ask what you're on currently?", "current_pay"),
        ("What base are you on in your current role?", "current_pay"),
        ("What's your existing salary and bonus?", "current_pay"),
        ("How much did you make last year?", "current_pay"),
        ("What are they paying you now?", "current_pay"),
        ("What's your current day rate?", "current_pay"),
        ("Out of interest, what's your salary right now?", "current_pay"),
        ("What's your base plus bonus today?", "current_pay"),
        ("What are you currently paid?", "current_pay"),
        ("Could you tell me what you're earning?", "current_pay"),
        ("What's your current total comp?", "current_pay"),
        ("What's your package looking like at the moment?", "current_pay"),
        ("Can I ask what your current employer is paying?", "current_pay"),
        ("What's your salary at present?", "current_pay"),
        ("What are you pulling in right now?", "current_pay"),
        ("What's your current salary band?", "current_pay"),
        ("Mind sharing what you make?", "current_pay"),
        // expected pay
        ("what did you have in mind?", "expected_pay"),
        ("salary expectations?", "expected_pay"),
        ("what would it take?", "expected_pay"),
        ("What are your salary expectations for this role?", "expected_pay"),
        ("What kind of salary are you looking for?", "expected_pay"),
        ("What sort of package would you want?", "expected_pay"),
        ("What are you looking for, salary-wise?", "expected_pay"),
        ("How much would you like to earn?", "expected_pay"),
        ("What's your number?", "expected_pay"),
        ("What salary are you after?", "expected_pay"),
        ("What are your compensation requirements?", "expected_pay"),
        ("What's your desired salary?", "expected_pay"),
        ("What were you hoping for in terms of pay?", "expected_pay"),
        ("What would you need to make a move?", "expected_pay"),
        ("What are you expecting?", "expected_pay"),
        ("What would you want to be paid?", "expected_pay"),
        ("What are you thinking in terms of compensation?", "expected_pay"),
        ("What did you have in mind, to run by Finance?", "expected_pay"),
        ("Where do you need to be salary-wise?", "expected_pay"),
        ("How much are you asking for?", "expected_pay"),
        ("I'm not asking about your current salary, what are your expectations?", "expected_pay"),
        ("What would you expect to be paid here?", "expected_pay"),
        ("What range are you targeting?", "expected_pay"),
        ("What salary would make you move?", "expected_pay"),
        ("What figure would you be comfortable with?", "expected_pay"),
        ("What are your pay expectations?", "expected_pay"),
        ("What's your target compensation?", "expected_pay"),
        ("What would it take to get you to move?", "expected_pay"),
        ("How much do you want?", "expected_pay"),
        ("Do you have a salary in mind?", "expected_pay"),
        ("What are your expectations?", "expected_pay"),
        ("What salary range would you be looking for?", "expected_pay"),
        ("What would you be looking to earn?", "expected_pay"),
        ("What kind of compensation did you have in mind?", "expected_pay"),
        ("What's the minimum you'd accept?", "expected_pay"),
        ("What package would interest you?", "expected_pay"),
        ("So what are we talking, money-wise?", "expected_pay"),
        ("What would you consider fair for this role?", "expected_pay"),
        ("Give me an idea of your expectations.", "expected_pay"),
        ("What's your asking salary?", "expected_pay"),
        ("What are you hoping to make?", "expected_pay"),
        ("What compensation are you seeking?", "expected_pay"),
        ("We don't need your current salary, just your expectations.", "expected_pay"),
        ("In terms of money, what are you expecting?", "expected_pay"),
        ("What are your expectations on base?", "expected_pay"),
        ("What's the figure you're aiming for?", "expected_pay"),
        ("What salary do you have in your head?", "expected_pay"),
        ("What would you want to see on the offer?", "expected_pay"),
        ("What number would get you excited?", "expected_pay"),
        ("What kind of increase are you looking for?", "expected_pay"),
        ("What's your salary requirement?", "expected_pay"),
        ("What are your salary expectations, roughly?", "expected_pay"),
        // push for figure
        ("I need a number for Finance", "push_for_figure"),
        ("ballpark?", "push_for_figure"),
        ("Can you give me a ballpark?", "push_for_figure"),
        ("I understand, but I really need a number to take to Finance.", "push_for_figure"),
        ("Just a rough figure is fine.", "push_for_figure"),
        ("Even roughly?", "push_for_figure"),
        ("Humour me: what's the figure?", "push_for_figure"),
        ("Can you at least give me a range?", "push_for_figure"),
        ("I can't move forward without a number.", "push_for_figure"),
        ("Give me a figure and I'll see what I can do.", "push_for_figure"),
        ("I need something to take to the hiring manager.", "push_for_figure"),
        ("Could you throw out a number?", "push_for_figure"),
        ("Our system needs a figure in that field.", "push_for_figure"),
        ("Some kind of indication would help.", "push_for_figure"),
        ("Ball park figure?", "push_for_figure"),
        ("We have to put something in the system. What number should I put?", "push_for_figure"),
        ("I can't take this to the hiring manager without a figure.", "push_for_figure"),
        ("Come on, just give me a rough idea.", "push_for_figure"),
        ("I do need some sort of number from you.", "push_for_figure"),
        ("Would you say around 180k?", "push_for_figure"),
        ("Can you just give me a number?", "push_for_figure"),
        ("I need a figure before I can go further.", "push_for_figure"),
        ("Roughly where would you land?", "push_for_figure"),
        ("Finance wants a number by tonight.", "push_for_figure"),
        ("Just ballpark it for me.", "push_for_figure"),
        ("Any number would help me here.", "push_for_figure"),
        ("I just need a ballpark for the approval form.", "push_for_figure"),
        ("You must have a figure in your head.", "push_for_figure"),
        ("Is it fair to say you'd want around 190?", "push_for_figure"),
        ("Give me a range at least.", "push_for_figure"),
        ("I'm going to need a figure at some point.", "push_for_figure"),
        ("Can you put a number on it?", "push_for_figure"),
        ("I'll need something concrete for the hiring manager.", "push_for_figure"),
        ("I'll have to put something down, so what's the number?", "push_for_figure"),
        ("Help me out here, what's a number you'd be happy with?", "push_for_figure"),
        ("I'm not able to go back without a figure.", "push_for_figure"),
        // what matters
        ("what's most important to you in your next role?", "what_matters"),
        ("What matters most to you?", "what_matters"),
        ("What are you looking for in your next position?", "what_matters"),
        ("What are your priorities in a new job?", "what_matters"),
        ("What motivates you?", "what_matters"),
        ("Why are you looking to leave?", "what_matters"),
        ("What does your ideal role look like?", "what_matters"),
        ("What do you care about most at work?", "what_matters"),
        ("What are your deal-breakers?", "what_matters"),
        ("What would make you happy in a role?", "what_matters"),
        ("We don't need a number yet, but what matters to you?", "what_matters"),
        ("What do you want out of your next job?", "what_matters"),
        ("What's driving your search?", "what_matters"),
        ("Why do you want to move on?", "what_matters"),
        ("What would make this the right job for you?", "what_matters"),
        ("Which matters more to you, salary or growth?", "what_matters"),
        ("What's important for you in this move?", "what_matters"),
        ("What's the most important thing for you?", "what_matters"),
        ("What do you value in an employer?", "what_matters"),
        ("What are you hoping to get out of this role?", "what_matters"),
        ("What's the biggest thing for you in your next move?", "what_matters"),
        ("What gets you excited about a role?", "what_matters"),
        ("What do you want in your next role?", "what_matters"),
        ("It's not about the money, what motivates you?", "what_matters"),
        ("What gets you out of bed in the morning?", "what_matters"),
        ("What are you after in your next job?", "what_matters"),
        ("What's your top priority in a new role?", "what_matters"),
        ("What do you want your next role to give you?", "what_matters"),
        ("What's your main reason for looking?", "what_matters"),
        ("What's important to you besides salary?", "what_matters"),
        // budget fixed
        ("the budget for base is fixed", "budget_fixed"),
        ("that's the best we can do", "budget_fixed"),
        ("this is our final offer", "budget_fixed"),
        ("The salary is fixed, I'm afraid.", "budget_fixed"),
        ("There's no room on base.", "budget_fixed"),
        ("We can't go any higher.", "budget_fixed"),
        ("That's the top of the band.", "budget_fixed"),
        ("The base isn't negotiable.", "budget_fixed"),
        ("There is no flexibility on the salary.", "budget_fixed"),
        ("We've already stretched to get here.", "budget_fixed"),
        ("It's take it or leave it, I'm afraid.", "budget_fixed"),
        ("We're at the ceiling for this grade.", "budget_fixed"),
        ("The number is set in stone.", "budget_fixed"),
        ("Finance won't budge on the base.", "budget_fixed"),
        ("That's as high as we can go.", "budget_fixed"),
        ("This is our best and final.", "budget_fixed"),
        ("Honestly, there's no more money in the budget.", "budget_fixed"),
        ("Base is locked, unfortunately.", "budget_fixed"),
        ("We're maxed out on salary.", "budget_fixed"),
        ("I'm afraid we can't improve on the base.", "budget_fixed"),
        ("The band tops out at 175.", "budget_fixed"),
        ("This is the final number.", "budget_fixed"),
        ("Headcount is approved at this level and we can't change it.", "budget_fixed"),
        ("Unfortunately the salary band is capped.", "budget_fixed"),
        ("We simply don't have any more in the budget.", "budget_fixed"),
        ("That's really the limit for this role.", "budget_fixed"),
        ("We won't be able to move on base.", "budget_fixed"),
        ("The offer as it stands is final.", "budget_fixed"),
        ("We can't do more than 172k.", "budget_fixed"),
        ("I'm afraid there's no budget for more.", "budget_fixed"),
        ("That really is as far as we can go.", "budget_fixed"),
        ("We're not able to increase the base.", "budget_fixed"),
        ("Our hands are tied on salary.", "budget_fixed"),
        ("We're already at the top of our range.", "budget_fixed"),
        ("That's the maximum for the role.", "budget_fixed"),
        ("There is no more room in the budget.", "budget_fixed"),
        ("The salary can't be changed.", "budget_fixed"),
        ("We really can't go beyond this.", "budget_fixed"),
        ("Our offer is fixed at 172k.", "budget_fixed"),
        ("There's nothing more in the pot.", "budget_fixed"),
        ("We've gone as far as we can.", "budget_fixed"),
        ("We cannot move on the number.", "budget_fixed"),
        // make it work
        ("what would it take for you to accept?", "make_it_work"),
        ("What would it take for you to join us?", "make_it_work"),
        ("What would get you to say yes?", "make_it_work"),
        ("How can we make this work?", "make_it_work"),
        ("What do we need to do to get you over the line?", "make_it_work"),
        ("Is there anything stopping you from accepting?", "make_it_work"),
        ("What would convince you to sign?", "make_it_work"),
        ("How do we close the gap?", "make_it_work"),
        ("Would you take the offer at 170k?", "make_it_work"),
        ("What would tip the balance for you?", "make_it_work"),
        ("Is there anything we can do to make this an easy yes?", "make_it_work"),
        ("What would you need to see to accept?", "make_it_work"),
        ("Where would we need to get to for you to sign?", "make_it_work"),
        ("If we could meet you at 175, would you accept?", "make_it_work"),
        ("What's holding you back?", "make_it_work"),
        ("Can we sweeten the deal somehow?", "make_it_work"),
        ("What can we do to get you to accept?", "make_it_work"),
        ("What would it take to get you to sign today?", "make_it_work"),
        ("Is there anything that would make you say no?", "make_it_work"),
        ("How do we get this over the line?", "make_it_work"),
        ("What can we do to make you accept the offer?", "make_it_work"),
        ("What would seal the deal?", "make_it_work"),
        ("Are you ready to accept?", "make_it_work"),
        ("We aren't asking about notice; what would it take for you to accept?", "make_it_work"),
        ("Is there something we can do to make the offer work for you?", "make_it_work"),
        ("How can we get you to a yes?", "make_it_work"),
        ("What will it take to get you on board?", "make_it_work"),
        ("Is there anything that would change your mind?", "make_it_work"),
        ("What's the gap between this and a yes?", "make_it_work"),
        ("How do we get to yes?", "make_it_work"),
        // deadline
        ("when can you let us know?", "deadline"),
        ("we need an answer by Friday", "deadline"),
        ("When will you be able to give us an answer?", "deadline"),
        ("How long do you need to think about it?", "deadline"),
        ("Could you get back to us by the end of the week?", "deadline"),
        ("When can we expect a decision?", "deadline"),
        ("The offer expires on Monday.", "deadline"),
        ("We'd like to hear from you by tomorrow.", "deadline"),
        ("Can you confirm by Wednesday?", "deadline"),
        ("What's your timeline for deciding?", "deadline"),
        ("By when can you decide?", "deadline"),
        ("Please respond by the 15th.", "deadline"),
        ("Do you need time to think it over?", "deadline"),
        ("We'd love an answer by end of day Thursday.", "deadline"),
        ("How quickly can you decide?", "deadline"),
        ("Can you give us a decision this week?", "deadline"),
        ("Will you sign by Friday?", "deadline"),
        ("We need to close this out soon; what's your timing?", "deadline"),
        ("When do you think you'll have an answer for us?", "deadline"),
        ("The offer is open until Friday.", "deadline"),
        ("Could you let me know by Monday?", "deadline"),
        ("How much time do you need?", "deadline"),
        ("We'd appreciate a quick decision.", "deadline"),
        ("Can you let us have your decision by Thursday?", "deadline"),
        ("We need to hear by end of week.", "deadline"),
        ("When do you expect to make a decision?", "deadline"),
        ("How long would you need to consider the offer?", "deadline"),
        ("We're not in a rush, but when can you let us know?", "deadline"),
        ("We'd need to know within 48 hours.", "deadline"),
        ("Can we have your answer on Monday?", "deadline"),
        ("How long will you need?", "deadline"),
        ("Any idea when you'll decide?", "deadline"),
        ("When do you think you can get back to me?", "deadline"),
        ("Can you give me an answer tomorrow?", "deadline"),
        ("How much time would you like to consider it?", "deadline"),
        // other offers
        ("are you interviewing elsewhere?", "other_offers"),
        ("do you have other offers?", "other_offers"),
        ("Are you talking to other companies?", "other_offers"),
        ("Do you have any offers on the table?", "other_offers"),
        ("Are you in other processes at the moment?", "other_offers"),
        ("Is anyone else interested in you?", "other_offers"),
        ("Do you have a competing offer?", "other_offers"),
        ("Where else are you interviewing?", "other_offers"),
        ("Are you expecting a counter-offer from your employer?", "other_offers"),
        ("Are you looking at other opportunities?", "other_offers"),
        ("How many other applications do you have going?", "other_offers"),
        ("Have you had another offer?", "other_offers"),
        ("Are you still interviewing with others?", "other_offers"),
        ("Are you considering other options?", "other_offers"),
        ("Is this the only company you're speaking to?", "other_offers"),
        ("Do you have anything else in the pipeline?", "other_offers"),
        ("Any other companies in the mix?", "other_offers"),
        ("Are you in final stages anywhere else?", "other_offers"),
        ("Are there other companies you're talking to?", "other_offers"),
        ("Have you received any other offers?", "other_offers"),
        ("Is anyone else making you an offer?", "other_offers"),
        ("Where are you in your search with other firms?", "other_offers"),
        ("Are you speaking with any other employers?", "other_offers"),
        ("Do you have other interviews lined up?", "other_offers"),
        ("Are you close to an offer anywhere else?", "other_offers"),
        ("Is there another company in the picture?", "other_offers"),
        ("Are other employers interested?", "other_offers"),
        ("Are you in the running anywhere else?", "other_offers"),
        ("Do you have any other irons in the fire?", "other_offers"),
        ("Is our offer the only one you have?", "other_offers"),
        ("Are you weighing up other offers?", "other_offers"),
        // notice period
        ("how much notice do you need to give?", "notice_period"),
        ("What's your notice period?", "notice_period"),
        ("Are you on garden leave?", "notice_period"),
        ("How quickly could you leave your current job?", "notice_period"),
        ("Would your employer release you early?", "notice_period"),
        ("Do you have to give two weeks' notice?", "notice_period"),
        ("What's your notice?", "notice_period"),
        ("How long is your notice?", "notice_period"),
        ("Are you tied into your contract for long?", "notice_period"),
        ("How much notice are you on?", "notice_period"),
        ("What's the notice period in your contract?", "notice_period"),
        ("How long before you can leave your employer?", "notice_period"),
        ("What is your current notice period?", "notice_period"),
        ("Do you need to give your employer notice?", "notice_period"),
        ("Do you have a long notice period?", "notice_period"),
        ("What's your notice like?", "notice_period"),
        ("How long do you have to work your notice?", "notice_period"),
        ("What's your contractual notice?", "notice_period"),
        // start date
        ("when could you start?", "start_date"),
        ("WHEN COULD YOU START", "start_date"),
        ("What's your earliest start date?", "start_date"),
        ("When would you be available to join?", "start_date"),
        ("How soon could you begin?", "start_date"),
        ("When could you commence?", "start_date"),
        ("What's your availability to start?", "start_date"),
        ("When could your first day be?", "start_date"),
        ("This isn't our final offer; when could you start?", "start_date"),
        ("When would you be able to start with us?", "start_date"),
        ("Could you start in January?", "start_date"),
        ("What date could you join?", "start_date"),
        ("Could you start next month?", "start_date"),
        ("When's the soonest you could start?", "start_date"),
        ("When could you come on board?", "start_date"),
        ("Would a March start work?", "start_date"),
        ("Can you start on the 4th of January?", "start_date"),
        ("When are you free to start?", "start_date"),
        ("How soon could you join us?", "start_date"),
        ("When can you begin working?", "start_date"),
        ("Would you be able to start next week?", "start_date"),
        ("How soon would you be free?", "start_date"),
        ("When would you be able to get started?", "start_date"),
        ("What would your start date be?", "start_date"),
        ("How soon can you join the team?", "start_date"),
        // relocation
        ("Would you be willing to relocate?", "relocation"),
        ("Are you open to moving to Boston?", "relocation"),
        ("Would you consider relocating for this role?", "relocation"),
        ("Would you move your family here?", "relocation"),
        ("Do you need a moving allowance?", "relocation"),
        ("Are you happy to move to another city?", "relocation"),
        ("Would you relocate to London?", "relocation"),
        ("Is moving to Austin an option for you?", "relocation"),
        ("Do you need relocation support?", "relocation"),
        ("Are you prepared to move abroad?", "relocation"),
        ("Where are you based, and could you move?", "relocation"),
        ("Would you be open to relocating?", "relocation"),
        ("Can you move to Manchester?", "relocation"),
        ("Would you relocate for the right package?", "relocation"),
        ("Would you be happy to move to Leeds?", "relocation"),
        ("Does relocating appeal to you?", "relocation"),
        ("Would relocation be a problem?", "relocation"),
        ("Are you willing to move cities?", "relocation"),
        ("Would you uproot for this?", "relocation"),
        ("Could you see yourself living in Bristol?", "relocation"),
        ("Are you happy to relocate to Denver?", "relocation"),
        ("Have you thought about moving here?", "relocation"),
        // remote work
        ("How do you feel about working in the office?", "remote_work"),
        ("Are you OK with three days in the office?", "remote_work"),
        ("Do you expect to work remotely?", "remote_work"),
        ("Would hybrid work for you?", "remote_work"),
        ("How often would you want to work from home?", "remote_work"),
        ("Is the commute a problem for you?", "remote_work"),
        ("We're fully on-site; is that OK?", "remote_work"),
        ("WFH is two days a week, does that suit?", "remote_work"),
        ("Do you need to be remote?", "remote_work"),
        ("How many days could you be in the office?", "remote_work"),
        ("Would working from home full time matter to you?", "remote_work"),
        ("The role is office-based; does that work?", "remote_work"),
        ("Are you happy to come in three days a week?", "remote_work"),
        ("What's your preference on remote work?", "remote_work"),
        ("How many days a week would you want to be in the office?", "remote_work"),
        ("Are you looking for a fully remote role?", "remote_work"),
        ("Can you work from our Berlin office?", "remote_work"),
        ("Would you need to work remotely some days?", "remote_work"),
        ("Is the office requirement a concern?", "remote_work"),
        ("How do you feel about hybrid working?", "remote_work"),
        ("There's no remote option, is that OK?", "remote_work"),
        ("Would you be fine being onsite every day?", "remote_work"),
        ("Are you set on working from home?", "remote_work"),
        ("How many days can you come into the office?", "remote_work"),
        ("Would you come into the office on Tuesdays and Thursdays?", "remote_work"),
        ("Is working remotely important to you?", "remote_work"),
        // unknown
        ("How are you today?", "unknown"),
        ("How was your weekend?", "unknown"),
        ("Can you send me your CV?", "unknown"),
        ("Tell me about yourself.", "unknown"),
        ("Did you find the office OK?", "unknown"),
        ("Any questions for me?", "unknown"),
        ("What do you know about our company?", "unknown"),
        ("Why should we hire you?", "unknown"),
        ("What's your greatest weakness?", "unknown"),
        ("Have you used SQL before?", "unknown"),
        ("Is this a good time to talk?", "unknown"),
        ("Shall we set up a call for Friday?", "unknown"),
        ("the budget isn't fixed", "unknown"),
        ("What's the weather like where you are?", "unknown"),
        ("Do you like dogs?", "unknown"),
        ("今の給料はいくらですか？", "unknown"),
        ("Quel est votre salaire actuel ?", "unknown"),
        ("Straße oder Gasse?", "unknown"),
        ("Thanks for your time today.", "unknown"),
        ("The salary is not fixed, there is room.", "unknown"),
        ("What did you make of the team?", "unknown"),
        ("Can you help me out with a referral?", "unknown"),
        ("What's the reason for the gap in your CV?", "unknown"),
        ("Would you like a coffee?", "unknown"),
    ]

    /// `negotiate --question --json`.
    struct Answer: Decodable {
        var question: String
        var kind: String
        var rule: String
        var words: String
    }

    func asked(_ question: String, app: String = "acme", _ extra: String...) throws -> Answer {
        let result = try Commands.cadence(["negotiate", app, "--question", question, "--as-of", "2026-03-02", "--json"] + extra
                                          + ["--workspace", directory])
        #expect(result.status == 0, "\(question): \(result.error)")
        return try JSONDecoder().decode(Answer.self, from: Data(result.output.utf8))
    }

    /// Jo Bloggs in London, applying to Acme, who said month-end reporting takes four days.
    func prepared(targets: String? = "28000,30000,35000 GBP") throws {
        try createdWithCandidate()
        _ = try cadence("candidate", "edit", "jo", "--strength", "SQL reporting")
        if let targets { _ = try cadence("candidate", "edit", "jo", "--targets", targets) }
        _ = try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-02-01", "--need", "month-end reporting takes four days")
    }

    func offer(_ base: String, app: String = "acme", _ more: String...) throws {
        let result = try Commands.cadence(["offer", "add", "--app", app, "--base", base, "--at", "2026-03-02"] + more
                                          + ["--workspace", directory])
        #expect(result.status == 0, "\(result.error)")
    }

    @Test("at least 100 phrasings, each read as the kind it is")
    func phrasings() throws {
        #expect(Self.table.count >= 100)
        try createdWithCandidate()
        // Lua long strings hold any phrasing as it is.
        let list = Self.table.map { "[==[\($0.phrasing)]==]" }.joined(separator: ",\n")
        let script = try Commands.temporaryScript("""
            local questions = require "negotiation.questions"
            for _, q in ipairs{ \(list) } do print((questions.classify(q)) or "unknown") end
            """)
        let result = try Commands.cadence(["run", "--workspace", directory, script])
        #expect(result.status == 0, "\(result.error)")
        let kinds = result.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(kinds.count == Self.table.count, "\(result.output)")
        for (row, kind) in zip(Self.table, kinds) {
            #expect(kind == row.kind, "\(row.phrasing.debugDescription): \(kind), expected \(row.kind)")
        }
    }

    @Test("a question is read as words: case, punctuation, contractions, curly apostrophes and spelling make no difference")
    func normalised() throws {
        try createdWithCandidate()
        let script = try Commands.temporaryScript("""
            local questions = require "negotiation.questions"
            print(table.concat(questions.words("What\u{2019}s your CURRENT   package...?!"), " "))
            print(table.concat(questions.words("what is your current package"), " "))
            print(questions.stem("organisation") == questions.stem("organization"), questions.stem("earning") == questions.stem("earns"),
                  questions.stem("salaries") == questions.stem("salary"), questions.stem("humour") == questions.stem("humor"))
            print((questions.classify("we can't go higher")), (questions.classify("we cannot go higher")), (questions.classify("WE CAN’T GO HIGHER")))
            """)
        let result = try Commands.cadence(["run", "--workspace", directory, script])
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 4 && lines[0] == lines[1], "\(result.output)\(result.error)")
        #expect(lines.dropFirst(2) == ["true\ttrue\ttrue\ttrue", "budget_fixed\tbudget_fixed\tbudget_fixed"], "\(result.output)")
    }

    @Test("with no three numbers recorded, the salary question says to set them first, with the command")
    func noTargets() throws {
        try prepared(targets: nil)
        for question in ["What did you have in mind?", "Ballpark?", "What would it take for you to accept?"] {
            let answer = try asked(question)
            #expect(answer.rule.hasPrefix("rule 1: know your three numbers"), "\(answer)")
            #expect(answer.words.contains("cadence candidate edit \"Jo Bloggs\" --targets \"bottom,going,top\""), "\(answer)")
            #expect(!answer.words.contains { $0.isNumber }, "no figure: \(answer.words)")
        }
    }

    @Test("before an offer: current pay and expected pay get no figure but the case; pushed, a range a little above the going rate")
    func beforeAnOffer() throws {
        try prepared()
        let current = try asked("What are you earning at the moment?")
        #expect(current.kind == "current_pay" && current.rule.hasPrefix("rule 2: don't give the first number"), "\(current)")
        #expect(!current.words.contains { $0.isNumber } && current.words.contains("I'm looking forward to your proposal"), "\(current)")
        #expect(current.words.contains("You mentioned month-end reporting takes four days; I can help with that through SQL reporting."))
        #expect(!current.words.contains("US states"), "a British search: \(current.words)")
        let expected = try asked("what's your salary expectation?")
        #expect(expected.kind == "expected_pay" && expected.rule.hasPrefix("rules 2 and 3") && !expected.words.contains { $0.isNumber })
        let pushed = try asked("I need a number for Finance")
        #expect(pushed.kind == "push_for_figure" && pushed.rule.hasPrefix("rule 4"), "\(pushed)")
        #expect(pushed.words.contains("33,000 GBP to 35,000 GBP"), "\(pushed.words)")
        let matters = try asked("What's most important to you in your next role?")
        #expect(matters.kind == "what_matters" && matters.rule.hasPrefix("rule 3: make your case"), "\(matters)")
        #expect(matters.words.contains("real step up in responsibility") && matters.words.contains("through SQL reporting"))
        let fixed = try asked("The budget for base is fixed.")
        #expect(fixed.kind == "budget_fixed" && fixed.rule.hasPrefix("rule 6") && fixed.words.contains("the range for the role"), "\(fixed)")
    }

    @Test("rule 5: a deadline gets a request for time with a day and hour, never after the day they name")
    func deadline() throws {
        try prepared()
        // Monday 2 March: two working days is Wednesday 4 March.
        let open = try asked("When can you let us know?")
        #expect(open.kind == "deadline" && open.rule.hasPrefix("rule 5"), "\(open)")
        #expect(open.words.contains("Wed 4 Mar at 10:00"), "\(open.words)")
        #expect(try asked("We need an answer by Tuesday.").words.contains("Tue 3 Mar at 10:00"))
        #expect(try asked("Can you let us know before Thursday at the latest?").words.contains("Wed 4 Mar at 10:00"))
        // Today is too soon to consider anything: ask at once for the next working day.
        #expect(try asked("We need an answer by end of day.").words.hasSuffix("Could I have until Tue 3 Mar at 10:00?"))
        try offer("31000 GBP", "--respond-by", "2026-03-03")
        let offered = try asked("How long do you need to think about it?")
        #expect(offered.words.contains("delighted to have the offer") && offered.words.contains("Tue 3 Mar at 10:00"), "\(offered.words)")
        // Time already agreed: keep to it.
        _ = try cadence("log", "message-sent", "--app", "acme", "--message-kind", "ask-for-time", "--at", "2026-03-02",
                        "--due", "2026-03-03")
        #expect(try asked("When will you get back to us?").words.hasPrefix("As we agreed, I'll come back to you on Tue 3 Mar"))
    }

    @Test("rules 6 and 8: asked what it would take with a small gap, the package comes first, not base; below the bottom, rule 7")
    func packageFirst() throws {
        try prepared()
        try offer("29500 GBP", "--sign-on", "2000")
        let take = try asked("What would it take for you to accept?")
        #expect(take.kind == "make_it_work" && take.rule.hasPrefix("rules 6 and 8"), "\(take)")
        #expect(take.words.contains("rather than the salary") && !take.words.contains("base of"), "\(take.words)")
        let fixed = try asked("That's the best we can do, I'm afraid.")
        #expect(fixed.kind == "budget_fixed" && fixed.rule.hasPrefix("rule 6"), "\(fixed)")
        // The sign-on is in the offer already: not asked for again.
        #expect(fixed.words.contains("an early salary review") && !fixed.words.contains("sign-on"), "\(fixed.words)")
        let final = try asked("This is our final offer.")
        #expect(final.words.hasPrefix("I understand the base is final"), "\(final.words)")
        _ = try cadence("offer", "edit", "1", "--base", "27000 GBP")
        let below = try asked("The salary is fixed.")
        #expect(below.rule.hasPrefix("rule 7") && below.words.contains("below what I can accept"), "\(below)")
    }

    @Test("other offers: honest, never invented; a live offer elsewhere is named with its date, another process only as one")
    func otherOffers() throws {
        try prepared()
        let none = try asked("Do you have any other offers?")
        #expect(none.kind == "other_offers" && none.words == "I don't have another offer at the moment; my focus is on this role.")
        _ = try cadence("app", "add", "Globex", "Analyst", "--applied", "2026-02-01")
        _ = try cadence("log", "interview", "--app", "globex", "--at", "2026-02-20")
        #expect(try asked("Are you interviewing elsewhere?").words.hasPrefix("I'm in the later stages with one other company, but I don't have another offer"))
        try offer("33000 GBP", app: "globex", "--respond-by", "2026-03-06")
        let live = try asked("Are you talking to other companies?")
        #expect(live.words.hasPrefix("Yes: I have another offer, which I need to answer by Fri 6 Mar."), "\(live.words)")
        // Its figure and its company stay yours to tell.
        #expect(!live.words.contains("Globex") && !live.words.contains("33,000"), "\(live.words)")
    }

    @Test("notice and start: the facts recorded, else what to check and how to record it")
    func noticeAndStart() throws {
        try prepared()
        let unknown = try asked("How much notice do you need to give?")
        #expect(unknown.kind == "notice_period" && unknown.words.contains("--current-benefit \"notice: 1 month\""), "\(unknown)")
        _ = try cadence("candidate", "edit", "jo", "--current-benefit", "notice: one month")
        #expect(try asked("What's your notice period?").words.hasPrefix("My notice period is one month."))
        try offer("31000 GBP", "--start", "2026-03-16")
        // One month from Monday 2 March runs to Thursday 2 April: the earliest start is the next working day,
        // Monday 6 April (Friday 3 April is Good Friday, a bank holiday).
        let start = try asked("When could you start?")
        #expect(start.kind == "start_date" && start.words.contains("runs to Thu 2 Apr, so the earliest I could start is Mon 6 Apr"),
                "\(start.words)")
        _ = try cadence("offer", "edit", "1", "--start", "2026-05-04")
        #expect(try asked("When could you start?").words.hasPrefix("The offer's start date of Mon 4 May works for me"))
    }

    @Test("relocation and remote work: rule 6, with what the offer says")
    func relocationAndRemote() throws {
        try prepared()
        try offer("31000 GBP", "--office-days", "3", "--moving-allowance", "2000")
        let move = try asked("Would you be willing to relocate?")
        #expect(move.kind == "relocation" && move.rule.hasPrefix("rule 6") && move.words.contains("moving allowance of 2,000 GBP"), "\(move)")
        let remote = try asked("Is hybrid working OK for you?")
        #expect(remote.kind == "remote_work" && remote.words.contains("3 days a week in the office"), "\(remote)")
    }

    @Test("an unknown question is said to be unknown, with every kind known and an example of each")
    func unknownQuestion() throws {
        try prepared()
        let answer = try asked("What's the weather like where you are?")
        #expect(answer.kind == "unknown" && answer.rule.hasPrefix("not recognised"), "\(answer)")
        for example in ["current pay (current_pay): \"What are you earning at the moment?\"",
                        "expected pay (expected_pay): \"What did you have in mind?\"", "push for a figure (push_for_figure)",
                        "budget fixed (budget_fixed)", "deadline (deadline)", "other offers (other_offers)", "notice period (notice_period)",
                        "start date (start_date)", "what matters to you (what_matters)", "what would make this work (make_it_work)",
                        "relocation (relocation)", "remote work (remote_work)"] {
            #expect(answer.words.contains(example), "\(example)")
        }
        let shown = try cadence("negotiate", "acme", "--question", "Do you like dogs?")
        #expect(shown.status == 0 && shown.output.contains("Kind: not recognised\n"), "\(shown.output)")
    }

    @Test("hostile: an empty question is refused; controls and bidi marks are shown escaped; 500 characters and any script are read")
    func hostile() throws {
        try prepared()
        for empty in ["", "   "] {
            let refused = try cadence("negotiate", "acme", "--question", empty)
            #expect(refused.status == 1 && refused.error.hasPrefix("cadence: --question is empty"), "\(refused.error)")
            #expect(!refused.error.contains(".lua:"), "\(refused.error)")
        }
        let forged = "What\u{1B}[2K are you\r earning\u{202E} now?\nSay: forged"
        let shown = try cadence("negotiate", "acme", "--question", forged)
        #expect(shown.status == 0 && HostileTextTests.inert(shown.output), "\(shown.output.debugDescription)")
        #expect(shown.output.contains("Kind: current pay") && HostileOfferTests.noLine(shown.output, startingWith: "Say: forged"))
        let json = try asked(forged)
        #expect(json.question == forged && json.kind == "current_pay" && HostileTextTests.inert(json.words))
        let long = "So, before we go any further, " + String(repeating: "é ß 日本語 ", count: 60) + " what did you have in mind?"
        #expect(long.count >= 500)
        #expect(try asked(long).kind == "expected_pay")
        let japanese = try asked("今の給料はいくらですか？")
        #expect(japanese.kind == "unknown" && japanese.question == "今の給料はいくらですか？")
        #expect(try asked("Straße? Café? What's your current salary, José?").kind == "current_pay")
    }

    @Test("a negotiate.lua replaces one answer by its kind; an answer that gives no text is an error naming it")
    func ownAnswer() throws {
        try prepared()
        try """
            local rules = require "negotiation.standard"
            rules.answers = { current_pay = function(s, rules) return "my rule", "I'd rather talk about " .. s.app.company .. "'s range." end }
            return rules
            """.write(toFile: directory + "/negotiate.lua", atomically: true, encoding: .utf8)
        let own = try asked("What do you earn now?")
        #expect(own.kind == "current_pay" && own.rule == "my rule" && own.words == "I'd rather talk about Acme's range.")
        #expect(try asked("What did you have in mind?").rule.hasPrefix("rules 2 and 3"))
        // A kind of its own, with its phrasing and its answer; listed with the others.
        try """
            local rules = require "negotiation.standard"
            require("negotiation.questions").kinds.visa = { label = "visa", example = "Do you need sponsorship?",
              cues = { { "sponsorship", 6 }, { "visa", 4 } },
              answer = function(s) return "my visa rule", "I have the right to work here." end }
            return rules
            """.write(toFile: directory + "/negotiate.lua", atomically: true, encoding: .utf8)
        let visa = try asked("Will you need visa sponsorship?")
        #expect(visa.kind == "visa" && visa.rule == "my visa rule", "\(visa)")
        #expect(try asked("Do you like dogs?").words.hasSuffix("- visa (visa): \"Do you need sponsorship?\""))
        try """
            local rules = require "negotiation.standard"
            rules.answers = { current_pay = function() return 3 end }
            return rules
            """.write(toFile: directory + "/negotiate.lua", atomically: true, encoding: .utf8)
        let broken = try cadence("negotiate", "acme", "--question", "What do you earn now?")
        #expect(broken.status == 1 && broken.error == "cadence: negotiate.lua's rules.answers.current_pay gave number and nil: "
                + "an answer returns the rule and the words, both text\n", "\(broken.error)")
    }

    @Test("the US offer of 172,000 USD with RSUs and a sign-on: the package first, the sign-on not asked for again")
    func unitedStates() throws {
        _ = try Commands.cadence(["init", directory])
        _ = try cadence("candidate", "add", "Sam Rivera", "--time-zone", "America/New_York", "--region", "us",
                        "--targets", "160000,175000,195000 USD", "--strength", "pricing analytics")
        _ = try cadence("app", "add", "Globex", "Senior Analyst", "--need", "pricing decisions made by gut")
        try offer("172000 USD", app: "globex", "--rsu", "80000 USD", "--sign-on", "15000 USD")
        let take = try asked("What would it take for you to say yes?", app: "globex")
        #expect(take.rule.hasPrefix("rules 6 and 8") && take.words.contains("rather than the salary"), "\(take)")
        let fixed = try asked("That's the top of the band.", app: "globex")
        #expect(fixed.kind == "budget_fixed" && !fixed.words.contains("sign-on") && fixed.words.contains("through pricing analytics"))
        let current = try asked("What's your current base?", app: "globex")
        #expect(current.kind == "current_pay" && !current.words.contains { $0.isNumber }, "\(current)")
        #expect(current.words.hasSuffix("(In many US states and cities an employer may not ask for your pay history; you need not volunteer it.)"))
    }
}
