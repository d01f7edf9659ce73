import CadenceCore
import Foundation
import GRDB
import Testing
@testable import CadenceStore

/// A sheet's status is a dated fact beside the ones the user logs: the
/// story of a US engineer importing his tracker twice, a week apart, with
/// an interview, an offer and a correction logged between.
@Suite("Imports that keep your facts")
struct ImportFactsTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("CadenceCommandTests/Import")
    static let austin = "America/Chicago"

    func fixture(_ name: String) throws -> String {
        try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    /// A workspace with one candidate living in `zone` (Austin: the United States, by its zone).
    func store(in zone: String = austin, region: Region? = nil) throws -> Store {
        let store = try temporaryWorkspace().create()
        try store.writeDatabase { db in
            var alex = Candidate(name: "Alex Kim", timeZone: zone, region: region)
            try Queries.add(&alex, db)
        }
        return store
    }

    /// 18:00 in Austin on that day.
    func evening(_ month: Int, _ day: Int) throws -> Date {
        try LocalDate(year: 2026, month: month, day: day).at(hour: 18, minute: 0, in: Self.austin)
    }

    func run(_ text: String, into store: Store, at now: Date, file: String = "tracker.csv",
             configure: (inout CSVImport) -> Void = { _ in }) throws -> CSVImport.Report {
        var importer = CSVImport(file: file, text: text)
        importer.now = now
        configure(&importer)
        return try importer.run(into: store, candidate: nil)
    }

    func app(_ name: String, _ store: Store) throws -> Application {
        try store.readDatabase { db in try Queries.application(name, db) }
    }

    func stage(_ name: String, _ store: Store, at now: Date) throws -> Stage {
        try store.readDatabase { db in
            LogDigest(try Queries.events(of: try Queries.application(name, db).id!, db), asOf: now).history.current
        }
    }

    func events(_ name: String, _ store: Store) throws -> [Event] {
        try store.readDatabase { db in try Queries.events(of: try Queries.application(name, db).id!, db) }
    }

    func day(_ event: Event) -> String { Timestamps.day(event.at, in: Self.austin) }

    func log(_ kind: EventKind, _ app: String, on month: Int, _ day: Int, stage: Stage? = nil, with: [String] = [],
             into store: Store, now: Date) throws {
        try store.writeDatabase { db in
            var event = Event(applicationID: try Queries.application(app, db).id!, kind: kind,
                              at: try LocalDate(year: 2026, month: month, day: day).at(hour: 14, minute: 0, in: Self.austin),
                              with: with, stage: stage)
            try Queries.log(&event, db, now: now)
        }
    }

    @Test("two imports a week apart: the sheet's statuses become the events they mean, and never undo what was logged between")
    func twoImportsAWeekApart() throws {
        let store = try store()
        let monday = try evening(11, 30)
        let first = try run(try fixture("us-tracker-week1.csv"), into: store, at: monday)
        #expect(first.added == 6 && first.skipped.isEmpty)
        #expect(first.bareAmounts == "bare amounts read as USD (your region: the United States)")
        #expect(first.dateOrders.contains("'Date Applied' read month first: '10/14/2026' settles it"), "\(first.dateOrders)")

        // Each status is the event it means, on the sheet's own date for it, with the people the row names.
        let harbor = try events("harbor", store)
        let onsite = try #require(harbor.first { $0.kind == .interview })
        #expect(day(onsite) == "2026-11-30" && onsite.with == ["Sam Ortiz", "Priya Nair"])
        #expect(try stage("harbor", store, at: monday) == .interviewing)
        let screen = try #require(try events("lone star bank/platform", store).first { $0.kind == .screen })
        #expect(day(screen) == "2026-11-24" && screen.with == ["Dana Reyes"])
        #expect(try events("bluebonnet", store).contains { $0.kind == .rejection && day($0) == "2026-11-16" })
        #expect(try events("mesquite", store).contains { $0.kind == .withdrawal && day($0) == "2026-11-02" })
        #expect(try stage("pecan", store, at: monday) == .applied)
        #expect(try app("lone star bank/backend", store).postedSalary == "150-170k USD")
        #expect(try app("lone star bank/platform", store).postedSalary == "$150k–$170k")
        #expect(first.changes.contains(
            "Harbor Payments Inc.: new, stage interviewing (the sheet says Onsite as of Mon 30 Nov: logged an interview on Mon 30 Nov); "
                + "contact Sam Ortiz added (recruiter); contact Priya Nair added (hiring-manager)"),
            "\(first.changes)")

        // The recruiter of two applications: one person (one address), linked to both.
        let contacts = try store.readDatabase { db in try Queries.contacts(db) }
        let dana = try #require(contacts.first { $0.name == "Dana Reyes" })
        #expect(contacts.filter { $0.name == "Dana Reyes" }.count == 1)
        #expect(dana.role == .recruiter && dana.email == "dana.reyes@lonestar.example")
        #expect(try store.readDatabase { db in try Queries.applications(of: dana, db) }.count == 2)
        #expect(contacts.contains { $0.name == "Priya Nair" && $0.role == .hiringManager })

        // Between the imports: an interview, an offer and a correction, logged by hand.
        let friday = try evening(12, 4)
        try log(.interview, "lone star bank/platform", on: 12, 3, with: ["Dana Reyes"], into: store, now: friday)
        try log(.offerReceived, "harbor", on: 12, 3, into: store, now: friday)
        try log(.correction, "pecan", on: 12, 4, stage: .screening, into: store, now: friday)

        let nextMonday = try evening(12, 7)
        let second = try run(try fixture("us-tracker-week2.csv"), into: store, at: nextMonday)
        #expect(second.added == 1 && second.updated == 1 && second.unchanged == 5, "\(second.summary)")
        // The stale "Applied" keeps the interview logged since, and says so.
        #expect(second.changes.contains(
            "Lone Star Bank (Platform Engineer): stage interviewing kept (you logged an interview on Thu 3 Dec; the sheet says Applied as of Mon 30 Nov)"),
            "\(second.changes)")
        #expect(try stage("lone star bank/platform", store, at: nextMonday) == .interviewing)
        // The offer logged by hand stays; the sheet still says what it said.
        #expect(try stage("harbor", store, at: nextMonday) == .offer)
        #expect(LogDigest(try events("harbor", store), asOf: nextMonday).history.changes.map(\.stage) == [.applied, .interviewing, .offer])
        // A correction logged by hand is not undone by the same sheet read again.
        #expect(try stage("pecan", store, at: nextMonday) == .screening)
        // A new status, newer than anything logged, is taken: the technical interview, on its day.
        #expect(try events("lone star bank/backend", store).contains { $0.kind == .interview && day($0) == "2026-12-04" })
        #expect(second.changes.contains(
            "Lone Star Bank (Backend Engineer): stage applied → interviewing (the sheet says Technical Interview as of Fri 4 Dec: logged an interview on Fri 4 Dec)"),
            "\(second.changes)")
        // An assignment is no interview: the stage is set by a correction, no interview invented.
        #expect(try stage("armadillo", store, at: nextMonday) == .interviewing)
        #expect(try events("armadillo", store).allSatisfy { $0.kind != .interview })

        // The same sheet once more: nothing changes, and nothing is said to have.
        let counted = try store.readDatabase { db in try Event.fetchCount(db) }
        let third = try run(try fixture("us-tracker-week2.csv"), into: store, at: nextMonday)
        #expect(third.added == 0 && third.updated == 0 && third.unchanged == 7 && third.changes.isEmpty, "\(third.changes)")
        #expect(try store.readDatabase { db in try Event.fetchCount(db) } == counted)
    }

    @Test("a status never overrides an event logged on its day or later, and never moves an application back")
    func datedFacts() throws {
        let store = try store()
        let now = try evening(12, 7)
        let header = "Company,Role,Status,Date Applied,Status Date\n"
        _ = try run(header + "Acme,Engineer,Applied,2026-11-02,2026-11-02\n", into: store, at: now)
        try log(.rejection, "acme", on: 12, 3, into: store, now: now)
        // The sheet says Offer as of the rejection's day: the rejection stands.
        let sameDay = try run(header + "Acme,Engineer,Offer,2026-11-02,2026-12-03\n", into: store, at: now)
        #expect(try stage("acme", store, at: now) == .rejected)
        #expect(sameDay.changes == ["Acme: stage rejected kept (it has ended: you logged a rejection on Thu 3 Dec; the sheet says Offer as of Thu 3 Dec)"],
                "\(sameDay.changes)")

        _ = try run(header + "Globex,Engineer,Applied,2026-11-02,2026-11-02\n", into: store, at: now)
        try log(.screen, "globex", on: 12, 2, into: store, now: now)
        // A status dated before the screen was logged is stale, even one further along.
        let stale = try run(header + "Globex,Engineer,Onsite,2026-11-02,2026-12-01\n", into: store, at: now)
        #expect(try stage("globex", store, at: now) == .screening)
        #expect(stale.changes.first?.contains("stage screening kept (you logged a screen on Wed 2 Dec") == true, "\(stale.changes)")
        // A status dated after it is a new fact, and is taken.
        let newer = try run(header + "Globex,Engineer,Final Round,2026-11-02,2026-12-05\n", into: store, at: now)
        #expect(try stage("globex", store, at: now) == .final)
        #expect(try events("globex", store).contains { $0.kind == .interview && $0.round == "final" && day($0) == "2026-12-05" })
        #expect(newer.updated == 1)

        // Without a date for its status the sheet speaks for today; still it never moves an application back.
        let back = try run("Company,Role,Status\nGlobex,Engineer,Phone Screen\n", into: store, at: now)
        #expect(try stage("globex", store, at: now) == .final)
        #expect(back.changes.first?.contains("the sheet says Phone Screen today") == true, "\(back.changes)")

        // A sheet whose date applied changed gives no second application: the timeline's day stays, said.
        _ = try run("Company,Role,Date Applied\nInitech,Engineer,2026-11-05\n", into: store, at: now)
        let moved = try run("Company,Role,Date Applied\nInitech,Engineer,2026-11-02\n", into: store, at: now)
        #expect(try events("initech", store).filter { $0.kind == .applied }.map(day) == ["2026-11-05"])
        #expect(moved.changes == ["Initech: an application on Thu 5 Nov kept (the sheet now says Mon 2 Nov; a correction of yours changes it)"],
                "\(moved.changes)")

        // An interview booked ahead is the one the sheet's "Onsite" means: none is invented on the sheet's day.
        _ = try run(header + "Hooli,Engineer,Phone Screen,2026-11-02,2026-11-20\n", into: store, at: now)
        try log(.interview, "hooli", on: 12, 9, with: ["Sarah Chen"], into: store, now: now)
        let booked = try run(header + "Hooli,Engineer,Onsite,2026-11-02,2026-12-05\n", into: store, at: now)
        #expect(try events("hooli", store).filter { $0.kind == .interview }.map(day) == ["2026-12-09"])
        #expect(booked.changes.first?.contains("kept (you logged an interview on Wed 9 Dec; the sheet says Onsite as of Sat 5 Dec)") == true,
                "\(booked.changes)")
    }

    @Test("a status that means setting aside archives the application once; unarchived by hand, the same sheet leaves it")
    func archived() throws {
        let store = try store()
        let now = try evening(12, 7)
        let sheet = "Company,Role,Status\nAcme,Engineer,Archived\n"
        let first = try run(sheet, into: store, at: now)
        #expect(first.changes == ["Acme: new, stage applied, set aside (archived) (the sheet says Archived today; "
                                  + "'cadence app unarchive 1' brings it back)"], "\(first.changes)")
        let acme = try app("acme", store)
        #expect(acme.archivedAt != nil)
        try store.writeDatabase { db in try db.execute(sql: "UPDATE application SET archivedAt = NULL WHERE id = ?", arguments: [acme.id!]) }
        let again = try run(sheet, into: store, at: now)
        #expect(try app("acme", store).archivedAt == nil && again.unchanged == 1)
    }

    @Test("statuses the vocabulary lacks are listed together, nothing imported, until --map-status names them")
    func unknownStatuses() throws {
        let store = try store()
        let now = try evening(12, 7)
        let sheet = "Company,Role,Status\nAcme,Engineer,Talking to team\nGlobex,Engineer,Vibes\nHooli,Engineer,talking-to TEAM\n"
        #expect { try run(sheet, into: store, at: now) } throws: { error in
            guard let unknown = error as? CSVImport.UnknownStatuses else { return false }
            return unknown.statuses.map(\.text) == ["Talking to team", "Vibes"] && unknown.statuses[0].lines == [2, 4]
        }
        #expect(try store.readDatabase { db in try Queries.applications(db) }.isEmpty)
        let report = try run(sheet, into: store, at: now) {
            $0.statusMapping[SheetStatus.key("talking to team")] = try! SheetStatus(naming: "screening")
            $0.statusMapping[SheetStatus.key("vibes")] = try! SheetStatus(naming: "archived")
        }
        #expect(report.added == 3)
        #expect(try stage("hooli", store, at: now) == .screening)
        #expect(try events("acme", store).contains { $0.kind == .screen })
        #expect(try app("globex", store).archivedAt != nil)
    }

    @Test("a bare amount takes the region's currency, says so once, and without a region is refused with --currency named")
    func bareAmounts() throws {
        let now = try evening(12, 7)
        let sheet = "Company,Role,Salary\nAcme,Engineer,45000\nGlobex,Engineer,150-170k\nHooli,Engineer,\"$150k–$170k\"\nInitech,Analyst,\"£45,000\"\n"
        let us = try store()
        let report = try run(sheet, into: us, at: now)
        #expect(report.bareAmounts == "bare amounts read as USD (your region: the United States)")
        #expect(try ["acme", "globex", "hooli", "initech"].map { try app($0, us).postedSalary }
            == ["45000 USD", "150-170k USD", "$150k–$170k", "£45,000"])
        #expect(try SalaryRange(parsing: try app("globex", us).postedSalary!).low == Money.major(150_000, "USD"))

        let london = try store(in: "Europe/London")
        let british = try run("Company,Role,Salary\nAcme,Analyst,45000\n", into: london, at: now)
        #expect(british.bareAmounts == "bare amounts read as GBP (your region: the United Kingdom)")
        #expect(try app("acme", london).postedSalary == "45000 GBP")

        let nowhere = try store(in: "UTC")
        #expect { try run("Company,Role,Salary\nAcme,Analyst,45000\nGlobex,Dev,£1\n", into: nowhere, at: now) } throws: { error in
            guard let failure = error as? CSVImport.Failure else { return false }
            return failure.errors.map(\.line) == [2] && failure.errors[0].message.contains("'45000' has no currency")
                && failure.errors[0].message.contains("--currency")
        }
        let told = try run("Company,Role,Salary\nAcme,Analyst,45000\n", into: nowhere, at: now) { $0.currency = "EUR" }
        #expect(told.bareAmounts == "bare amounts read as EUR (--currency EUR)")
        #expect(try app("acme", nowhere).postedSalary == "45000 EUR")
    }

    @Test("dates no value settles are read as the region writes them, and said; where no region decides, both readings are shown")
    func regionDates() throws {
        let now = try evening(12, 7)
        let sheet = "Company,Role,Date Applied\nAcme,Analyst,11/05/2026\n"
        let us = try store()
        let report = try run(sheet, into: us, at: now)
        #expect(report.dateOrders.first?.hasPrefix("'Date Applied' read month first, as dates are written in your region (the United States)") == true,
                "\(report.dateOrders)")
        #expect(try events("acme", us).map(day) == ["2026-11-05"])
        let berlin = try store(in: "Europe/Berlin")
        _ = try run(sheet, into: berlin, at: now)
        #expect(try events("acme", berlin).map { Timestamps.day($0.at, in: "Europe/Berlin") } == ["2026-05-11"])
        for zone in ["America/Toronto", "UTC"] {
            #expect { try run(sheet, into: try store(in: zone), at: now) } throws: { error in
                "\(error)".contains("'11/05/2026' is Mon 11 May 2026 or Thu 5 November 2026") && "\(error)".contains("--date-order")
            }
        }
    }

    @Test("hostile sheets: CRLF, a status with a carriage return, controls and bidi in statuses and names, 500-character cells, lying dates")
    func hostile() throws {
        let now = try evening(12, 7)
        let store = try store()
        let long = String(repeating: "x", count: 500)
        let sheet = "Company,Role,Status,Recruiter\r\nAcme,Analyst,\"Offer\r\",Dana\r\n\"Glo\u{1B}[31mbex\",\"\(long)\",On-Site\u{202E},\"\u{202E}Sam\"\r\n"
        let report = try run(sheet, into: store, at: now)
        #expect(report.added == 2 && report.skipped.isEmpty)
        #expect(try stage("acme", store, at: now) == .offer)
        #expect(try stage("glo", store, at: now) == .interviewing)
        #expect(try app("glo", store).role.count == 500)
        // The report's words are for a terminal: no control reaches it.
        #expect(report.changes.allSatisfy { !$0.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" } }, "\(report.changes)")
        // A changed value with a control in it is shown escaped, on one line.
        let moved = try run("Company,Role,Location\nAcme,Analyst,\"Austin\u{1B}[2J\nTX\"\n", into: store, at: now)
        #expect(moved.changes.count == 1 && !moved.changes[0].contains("\u{1B}") && !moved.changes[0].contains("\n"), "\(moved.changes)")
        // An escape sequence that is no status is listed, not read as one.
        #expect { try run("Company,Role,Status\nHooli,PM,\"\u{1B}[2Jgone\"\n", into: store, at: now) } throws: { $0 is CSVImport.UnknownStatuses }

        // A sheet that lies: a status dated after today, a date in 1899, an application after today.
        let lies = "Company,Role,Status,Status Date,Date Applied\nA,R,Offer,2026-12-25,\nB,R,Applied,,1899-12-31\nC,R,Applied,,2027-01-04\n"
        #expect { try run(lies, into: store, at: now) { $0.dateOrder = .dayFirst } } throws: { error in
            guard let failure = error as? CSVImport.Failure else { return false }
            return failure.errors.map(\.line) == [2, 3, 4] && failure.errors[0].message.contains("status date: Fri 25 Dec 2026 is after today")
                && failure.errors[2].message.contains("after today")
        }
    }

    @Test("a company's legal form is no other company: the sheet's 'Harbor Payments Inc.' updates 'Harbor Payments'")
    func legalForms() throws {
        for (a, b) in [("Harbor Payments Inc.", "Harbor Payments"), ("Acme, LLC", "ACME"), ("Globex Pty Ltd", "Globex"),
                       ("Initech B.V.", "initech"), ("Umbrella GmbH", "Umbrella"), ("Stark Industries PLC", "Stark Industries"),
                       ("Wayne & Co.", "Wayne"), ("Hooli S.A.S.", "Hooli"), ("Contoso Corp", "Contoso Corporation")] {
            #expect(NameMatch.companyKey(a) == NameMatch.companyKey(b), "\(a) / \(b)")
        }
        #expect(NameMatch.companyKey("Inc") == "inc")
        #expect(NameMatch.companyKey("Harbor Payments") != NameMatch.companyKey("Harbor Bank"))

        let store = try store()
        let now = try evening(12, 7)
        _ = try run("Company,Role\nHarbor Payments,Engineer\n", into: store, at: now)
        let report = try run("Company,Role,Location\nHarbor Payments Inc.,Engineer,Austin\n", into: store, at: now)
        #expect(report.added == 0 && report.updated == 1)
        try store.writeDatabase { db in
            let ws = WorkspaceService(db)
            #expect { try ws.addApplication(Application(candidateID: 1, company: "harbor payments, inc", role: "engineer")) } throws: {
                "\($0)".contains("is already application")
            }
        }
    }

    @Test("one person on two rows is met again, not added twice; a row's contact is completed, not duplicated, on re-import")
    func people() throws {
        let store = try store()
        let now = try evening(12, 7)
        let sheet = """
            Company,Role,Recruiter,Hiring Manager,Hiring Manager Email
            Acme,Analyst,Dana Reyes <dana@acme.example>,Lee Park,lee@acme.example
            Acme,Engineer,dana reyes,,

            """
        _ = try run(sheet, into: store, at: now)
        let contacts = try store.readDatabase { db in try Queries.contacts(db) }
        #expect(contacts.map(\.name) == ["Dana Reyes", "Lee Park"])
        #expect(contacts.map(\.role) == [.recruiter, .hiringManager])
        #expect(contacts.map(\.email) == ["dana@acme.example", "lee@acme.example"])
        // Known from the first application, she is the second's contact too: the one person.
        let engineer = try store.readDatabase { db in try Queries.application("acme/engineer", db).id! }
        #expect(try store.readDatabase { db in try Queries.contacts(of: engineer, db) }.map(\.email) == ["dana@acme.example"])
        let again = try run(sheet, into: store, at: now)
        #expect(again.unchanged == 2)
        #expect(try store.readDatabase { db in try Queries.contacts(db) }.count == 2)
        #expect(try store.readDatabase { db in try Queries.contact("dana", db) }.id == 1)
        #expect { try run("Company,Role,Recruiter\nAcme,Analyst,Dana <not-an-address>\n", into: store, at: now) } throws: {
            "\($0)".contains("recruiter email")
        }
    }

    @Test("the status vocabulary: each common status is a stage and, where it means one, an event", arguments: [
        ("Onsite", Stage.interviewing, EventKind.interview), ("On-site", .interviewing, .interview), ("ON SITE", .interviewing, .interview),
        ("Technical Interview", .interviewing, .interview), ("Video Interview", .interviewing, .interview), ("Panel", .interviewing, .interview),
        ("Phone Screen", .screening, .screen), ("Recruiter Screen", .screening, .screen), ("Hiring Manager Screen", .screening, .screen),
        ("Phone Interview", .screening, .screen), ("Final Round", .final, .interview), ("Offer", .offer, .offerReceived),
        ("Offer\r", .offer, .offerReceived), ("Not Selected", .rejected, .rejection), ("Rejected", .rejected, .rejection),
        ("Declined by them", .rejected, .rejection), ("I Withdrew", .withdrawn, .withdrawal), ("In Progress", .applied, .applied),
        ("Applied", .applied, .applied), ("Submitted", .applied, .applied), ("Wishlist", .saved, .saved),
    ])
    func vocabulary(text: String, stage: Stage, event: EventKind) throws {
        let meaning = try #require(SheetStatus.meaning(of: text.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(meaning.stage == stage && meaning.event == event)
    }

    @Test("an assignment is a stage without an event; archived sets aside; an unknown word is unknown")
    func vocabularyEdges() {
        #expect(SheetStatus.meaning(of: "Take-home") == SheetStatus(stage: .interviewing, event: nil, round: nil))
        #expect(SheetStatus.meaning(of: "Archived") == .setAside)
        #expect(SheetStatus.meaning(of: "Talking to team") == nil)
        #expect(SheetStatus.meaning(of: "Talking to team", overrides: ["talkingtoteam": SheetStatus(.screening)])?.event == .screen)
        #expect(throws: DomainError.self) { try SheetStatus(naming: "intervewing") }
    }
}
