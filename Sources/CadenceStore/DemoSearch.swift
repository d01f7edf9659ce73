import CadenceCore
import Foundation
import GRDB

/// A realistic search, dated relative to today, that exercises the practice:
/// an interview today (thank-you due today, "call me in two weeks"), a
/// decision deadline that passed in silence, a rejection, an offer with
/// benefits, one gone cold after unanswered follow-ups, a final round on the
/// calendar with a presentation to prepare, and one saved for later.
public enum DemoSearch {
    static let zone = "Europe/London"

    public static func build(today: Date, _ db: Database) throws {
        let day = LocalDate(today, in: zone)
        let midnight = day.noon(in: zone).addingTimeInterval(-12 * 3600)
        // What happened today happened before now: made at 8 in the morning, the
        // demo's 9 o'clock interview is at a minute to 8, or it would be on the
        // calendar, not in the history.
        func at(_ offset: Int, _ hour: Int = 10) -> Date {
            let when = day.adding(days: offset).noon(in: zone).addingTimeInterval(TimeInterval((hour - 12) * 3600))
            return offset == 0 ? min(when, max(midnight, today.addingTimeInterval(-60))) : when
        }
        var alex = Candidate(
            name: "Alex Morgan", email: "alex.morgan@example.com", timeZone: zone, region: .uk,
            strengths: ["SQL and Python analytics", "turning monthly reporting into automated dashboards",
                        "explaining numbers to non-specialists"],
            targets: SalaryTargets(bottom: .major(48000, "GBP"), going: .major(52000, "GBP"), top: .major(58000, "GBP")),
            currentPay: .major(45000, "GBP"), currentBenefits: ["25 days holiday", "5% pension"],
            references: ["Dana Whitfield, former manager", "Sam Patel, client lead"])
        try Queries.add(&alex, db)

        func application(_ company: String, _ role: String, _ configure: (inout Application) -> Void = { _ in }) throws -> Int64 {
            var a = Application(candidateID: alex.id!, company: company, role: role)
            configure(&a)
            try Queries.add(&a, db)
            return a.id!
        }
        func log(_ app: Int64, _ kind: EventKind, _ when: Date, _ configure: (inout Event) -> Void = { _ in }) throws {
            var e = Event(applicationID: app, kind: kind, at: when)
            configure(&e)
            try Queries.log(&e, db)
        }
        func contact(_ app: Int64, _ name: String, _ title: String, _ role: Contact.Role, _ email: String, _ discussed: String? = nil) throws {
            var c = Contact(applicationID: app, name: name, title: title, role: role, email: email, discussed: discussed)
            try Queries.add(&c, db)
        }

        // Interviewed this morning; the hiring manager asked for a call in two weeks.
        let acme = try application("Acme Analytics", "Senior Data Analyst") {
            $0.source = "referral"; $0.location = "Leeds (hybrid)"; $0.interest = 5; $0.tags = ["priority"]
            $0.needs = ["month-end reporting takes the team four days", "leadership distrusts the numbers"]
            $0.questions = ["salary-increase policy", "how many office days"]
        }
        try contact(acme, "Priya Shah", "Talent Partner", .recruiter, "priya.shah@acme.example")
        try contact(acme, "Helen Jones", "Head of Analytics", .hiringManager, "helen.jones@acme.example",
                    "automating month-end reporting before the spring audit")
        try log(acme, .applied, at(-24))
        try log(acme, .screen, at(-14)) { $0.with = ["Priya Shah"]; $0.channel = "phone" }
        try log(acme, .interview, at(0, 9)) { $0.with = ["Helen Jones"]; $0.round = "second" }
        try log(acme, .nextStepPromised, at(0, 9)) {
            $0.with = ["Helen Jones"]; $0.nextStep = "call me in two weeks"; $0.due = day.adding(days: 14)
        }

        // Final interview three weeks ago; their decision date passed six days ago, in silence.
        let northwind = try application("Northwind Logistics", "BI Developer") {
            $0.source = "LinkedIn"; $0.location = "Manchester"; $0.interest = 4
            $0.decisionDeadline = day.adding(days: -6)
        }
        try contact(northwind, "Tom Okafor", "BI Manager", .hiringManager, "t.okafor@northwind.example",
                    "the warehouse dashboards that break every quarter")
        try log(northwind, .applied, at(-35))
        try log(northwind, .interview, at(-21)) { $0.with = ["Tom Okafor"]; $0.round = "final" }
        try log(northwind, .messageSent, at(-21, 17)) { $0.with = ["Tom Okafor"]; $0.messageKind = "thank-you"; $0.channel = "email" }
        try log(northwind, .deadlineSet, at(-21)) { $0.due = day.adding(days: -6); $0.notes = "decision by the end of that week" }

        // Rejected five days ago.
        let globex = try application("Globex", "Data Engineer") { $0.source = "company site"; $0.interest = 3 }
        try contact(globex, "Rita Gomez", "Engineering Manager", .interviewer, "rita@globex.example")
        try log(globex, .applied, at(-40))
        try log(globex, .screen, at(-30))
        try log(globex, .interview, at(-18)) { $0.with = ["Rita Gomez"] }
        try log(globex, .rejection, at(-5)) { $0.notes = "went with someone with more Spark experience" }

        // An offer with benefits, to answer within a week.
        let initech = try application("Initech", "Analytics Lead") { $0.source = "recruiter"; $0.interest = 4; $0.location = "Remote (UK)" }
        try contact(initech, "Bill Lumbergh", "Director of Operations", .hiringManager, "bill@initech.example",
                    "one source of truth for operations metrics")
        try log(initech, .applied, at(-45))
        try log(initech, .interview, at(-30)) { $0.with = ["Bill Lumbergh"] }
        try log(initech, .interview, at(-16)) { $0.with = ["Bill Lumbergh", "Peter Gibbons"]; $0.round = "final" }
        var offer = Offer(applicationID: initech, base: .major(54000, "GBP"), bonus: .major(5400, "GBP"),
                          benefits: ["holiday": "28 days", "pension": "6% matched", "health care": "private, family",
                                     "remote work": "fully remote, 2 office days a month", "study funding": "£1,000 a year"],
                          startDate: day.adding(days: 35), respondBy: day.adding(days: 7))
        offer.benefitValues.holidayDays = 28
        offer.benefitValues.pensionMatch = Percent(basisPoints: 600)
        offer.benefitValues.healthCover = .major(1200, "GBP")
        offer.benefitValues.remoteDaysPerWeek = 5
        offer.benefitValues.studyBudget = .major(1000, "GBP")
        try Queries.add(&offer, db)
        try log(initech, .offerReceived, at(-3)) { $0.due = day.adding(days: 7); $0.notes = "written offer by email" }

        // Gone cold: an interview, then four weekly follow-ups without a reply.
        let umbrella = try application("Umbrella Health", "Data Analyst") { $0.source = "job board"; $0.interest = 3 }
        try contact(umbrella, "Ada Byrne", "Analytics Manager", .hiringManager, "ada.byrne@umbrella.example")
        try log(umbrella, .applied, at(-62))
        try log(umbrella, .interview, at(-50)) { $0.with = ["Ada Byrne"] }
        for (i, offset) in [-43, -36, -29, -22].enumerated() {
            try log(umbrella, .messageSent, at(offset)) {
                $0.with = ["Ada Byrne"]; $0.messageKind = "status"; $0.channel = "email"; $0.notes = "weekly status \(i + 1), no reply"
            }
        }
        try log(umbrella, .ghosted, at(-8)) { $0.notes = "no reply to four follow-ups" }

        // A final round on the calendar in three days, with a presentation to
        // prepare, references to ask, and a former colleague who knows the team.
        let stark = try application("Stark Industries", "Data Visualisation Lead") {
            $0.source = "former colleague"; $0.interest = 4; $0.location = "London"
            $0.needs = ["executives cannot read the current dashboards"]
            $0.facts = ["hours": "9:30 to 5:30, flexible", "contract": "permanent, 3 months' notice"]
        }
        try contact(stark, "Omar Haddad", "Recruiter", .recruiter, "omar.haddad@stark.example")
        try contact(stark, "Grace Liu", "Head of Data", .hiringManager, "grace.liu@stark.example",
                    "why the board stopped trusting the quarterly dashboards")
        try contact(stark, "Kate Mills", "Analyst (former colleague)", .insider, "kate.mills@stark.example")
        try log(stark, .applied, at(-20))
        try log(stark, .screen, at(-9)) { $0.with = ["Omar Haddad"]; $0.channel = "phone" }
        try log(stark, .nextStepPromised, at(-9)) {
            $0.with = ["Omar Haddad"]; $0.nextStep = "final round: prepare a 10-minute presentation on a dashboard you rebuilt"
            $0.due = day.adding(days: 3)
        }
        try log(stark, .interview, at(3, 14)) { $0.with = ["Grace Liu", "Omar Haddad"]; $0.round = "final" }

        // Saved for later.
        let hooli = try application("Hooli", "Product Analyst") { $0.tags = ["maybe"]; $0.url = "https://jobs.hooli.example/pa-42" }
        try log(hooli, .saved, at(-2))

        // A second offer, a higher base with a leaner package, to compare with Initech's.
        let wayne = try application("Wayne Enterprises", "Senior Analyst") {
            $0.source = "recruiter"; $0.interest = 3; $0.location = "Manchester, in the office"
            $0.needs = ["reporting that takes a week to produce"]
        }
        try contact(wayne, "Lucius Fox", "Head of Analytics", .hiringManager, "lucius.fox@wayne.example",
                    "turning a week of reporting into a morning")
        try log(wayne, .applied, at(-40))
        try log(wayne, .interview, at(-21)) { $0.with = ["Lucius Fox"]; $0.round = "final" }
        var second = Offer(applicationID: wayne, base: .major(57000, "GBP"),
                           benefits: ["holiday": "25 days", "pension": "3% matched", "office": "five days a week"],
                           startDate: day.adding(days: 28), respondBy: day.adding(days: 5))
        second.benefitValues.holidayDays = 25
        second.benefitValues.pensionMatch = Percent(basisPoints: 300)
        second.benefitValues.officeDaysPerWeek = 5
        try Queries.add(&second, db)
        try log(wayne, .offerReceived, at(-1)) { $0.due = day.adding(days: 5); $0.notes = "offer by phone, letter to follow" }
    }

    /// What a coach would point at first.
    public static func highlights(today: Date) -> [String] {
        let day = LocalDate(today, in: zone)
        return [
            "What stands out:",
            "  Acme Analytics   interviewed Helen Jones today: a thank-you is due today; she asked for a call on \(day.adding(days: 14)).",
            "  Northwind        their decision date (\(day.adding(days: -6))) passed in silence: time for one polite inquiry.",
            "  Initech          an offer of 54,000 GBP with benefits, answer by \(day.adding(days: 7)): value the whole package.",
            "  Globex           rejected: thank them, ask for feedback, stay in touch.",
            "  Umbrella Health  cold after four unanswered follow-ups: still wanted, and on what terms?",
            "  Stark Industries final round on \(day.adding(days: 3)): plan the follow-up, prepare the presentation, ask references.",
            "  Wayne            an offer of 57,000 GBP, a leaner package: compare them (cadence offer compare),",
            "                   and see what to say (cadence negotiate wayne).",
        ]
    }
}
