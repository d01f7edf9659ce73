import Foundation
import Testing

/// Mistakes a person can take back: a record added twice, deleted, archived,
/// a misspelt name; and `cadence undo` for the last command, whatever it was.
@Suite("Mistakes you can undo")
struct UndoArchiveTests: WorkspaceSuite {
    let directory = Self.folder("undo")

    func prepared() throws {
        try createdWithCandidate()
        _ = try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-02-20")
        _ = try cadence("contact", "add", "Helen Jones", "--app", "acme", "--role", "hiring-manager")
        _ = try cadence("log", "interview", "--app", "acme", "--with", "Helen Jones", "--at", "2026-03-02")
    }

    @Test("adding the same application or candidate again asks for --again, and changes nothing")
    func again() throws {
        try prepared()
        let twice = try cadence("app", "add", "ACME", "analyst")
        #expect(twice.status == 1 && twice.error.contains("Acme, Analyst is already application 1") && twice.error.contains("--again"))
        #expect(try cadence("app", "add", "Acme", "Analyst", "--again").output.hasPrefix("Added application 2: Acme, Analyst, applied "))
        let person = try cadence("candidate", "add", "jo bloggs")
        #expect(person.status == 1 && person.error.contains("a candidate named 'Jo Bloggs' already exists"))
    }

    @Test("undo takes back the last command's writes, then the one before; and says what it took")
    func undo() throws {
        try prepared()
        let before = try cadence("export").output
        _ = try cadence("app", "add", "Globex", "Engineer")
        let shown = try cadence("undo", "--show")
        #expect(shown.output.hasPrefix("Would take back 'app add Globex Engineer'"), "\(shown.output)")
        #expect(shown.output.contains("added application #2") && shown.output.contains("added event #"))
        let undone = try cadence("undo")
        #expect(undone.output.hasPrefix("Took back 'app add Globex Engineer'"))
        #expect(try cadence("export").output == before)
        // The command before: the interview logged.
        #expect(try cadence("undo").output.hasPrefix("Took back 'log interview --app acme'"))
        let acme = try json("app", "show", "acme", as: Printed.AppDetail.self)
        #expect(!acme.events.contains { $0.kind == "interview" } && acme.stage != "interviewing" && !acme.history.contains { $0.hasSuffix(" interviewing") },
                "\(acme.events.map(\.kind)) \(acme.history)")
    }

    @Test("undo names an agenda decision by what was done to which item")
    func undoAgendaDecision() throws {
        try prepared()
        let ref = try #require(try json("agenda", "--as-of", "2026-03-02", as: [Printed.AgendaItem].self).first?.ref)
        #expect(try cadence("agenda", "skip", ref, "--as-of", "2026-03-02").status == 0)
        let undone = try cadence("undo").output
        #expect(undone.hasPrefix("Took back 'agenda skipped \(ref)'"), "\(undone)")
    }

    @Test("delete asks for --yes off a terminal, takes what belongs to the record, and undo brings all of it back")
    func deleteAndUndo() throws {
        try prepared()
        let before = try cadence("export").output
        let refused = try cadence("app", "delete", "acme")
        #expect(refused.status == 1 && refused.error.contains("needs --yes") && refused.error.contains("2 events, 1 contact"))
        let deleted = try cadence("app", "delete", "acme", "--yes")
        #expect(deleted.output == "Deleted application 1 (Acme, Analyst) with its 2 events, 1 contact ('cadence undo' brings it back).\n")
        #expect(try cadence("app", "list").output == "(none)\n")
        _ = try cadence("undo")
        #expect(try cadence("export").output == before)
        // Contacts and offers too.
        #expect(try cadence("contact", "delete", "helen", "--yes").status == 0)
        #expect(try cadence("contact", "list").output == "(none)\n")
        _ = try cadence("offer", "add", "--app", "acme", "--base", "50000 GBP", "--at", "2026-03-05")
        #expect(try cadence("offer", "delete", "1", "--yes").status == 0)
        #expect(try cadence("offer", "list").output == "(none)\n")
    }

    @Test("an archived application leaves lists and the agenda, is listed with --archived, and comes back")
    func archive() throws {
        try prepared()
        func agenda() throws -> [Printed.AgendaItem] { try json("agenda", "--as-of", "2026-03-02") }
        func thanksHelen() throws -> Bool { try agenda().contains { $0.company == "Acme" && $0.kind == "thank-you" && $0.to == "Helen Jones" } }
        #expect(try thanksHelen())
        let archived = try cadence("app", "archive", "acme")
        #expect(archived.output.hasPrefix("Archived application 1 (Acme, Analyst)"))
        #expect(try cadence("app", "list").output == "(none)\n")
        #expect(try cadence("contact", "list").output == "(none)\n")
        #expect(try agenda().isEmpty)
        let listed = try json("app", "list", "--archived", as: [Printed.App].self)
        #expect(listed.contains { $0.company == "Acme" && $0.stage == "interviewing" }, "\(listed)")
        _ = try cadence("app", "unarchive", "acme")
        #expect(try thanksHelen())
        // A candidate archived takes their applications out of view with them.
        _ = try cadence("candidate", "archive", "jo")
        #expect(try cadence("app", "list").output == "(none)\n")
        _ = try cadence("candidate", "unarchive", "jo")
        #expect(try json("app", "list", as: [Printed.App].self).map(\.company).contains("Acme"))
    }

    @Test("a name that nearly spells a contact's is questioned; --as-written logs it as it is")
    func nearlyAContact() throws {
        try prepared()
        let typo = try cadence("log", "message-sent", "--app", "acme", "--to", "Helen Jone", "--kind", "thank-you")
        #expect(typo.status == 1 && typo.error.contains("did you mean 'Helen Jones'?"), "\(typo.error)")
        #expect(try cadence("log", "message-sent", "--app", "acme", "--to", "Helen Jone", "--as-written").status == 0)
        #expect(try cadence("log", "interview", "--app", "acme", "--with", "Omar Haddad", "--at", "2026-03-03").status == 0)
    }

    @Test("an offer with its components; a revision is a new version, the round logged; show lists the rounds")
    func offerRounds() throws {
        try prepared()
        let added = try cadence("offer", "add", "--app", "acme", "--base", "55000 GBP", "--bonus", "10%", "--sign-on", "5000",
                                "--clawback-months", "12", "--rsu", "40000 GBP", "--holiday-days", "28", "--pension", "6%",
                                "--pension-cap", "3000 GBP", "--at", "2026-03-05")
        #expect(added.output == "Recorded offer 1: 55,000 GBP a year, received Thu 5 Mar 2026\n", "\(added.error)")
        let revised = try cadence("offer", "revise", "1", "--base", "58000 GBP", "--asked", "base 60000 GBP", "--at", "2026-03-09")
        #expect(revised.output == "Recorded offer 2, revising offer 1: 58,000 GBP a year, received Mon 9 Mar 2026\n", "\(revised.error)")
        // What a person reads: each component in money, the bonus worked out on the revised base, the rounds.
        let shown = try cadence("offer", "show", "2").output
        for line in ["  bonus:            10% of base (5,800 GBP)", "  sign-on:          5,000 GBP, paid back if you leave within 12 months",
                     "  RSUs:             40,000 GBP", "  pension:          6% of base, up to 3,000 GBP a year",
                     "Rounds\n  offer 1: 55,000 GBP a year (negotiating); you asked 60,000 GBP\n  offer 2: 58,000 GBP a year (negotiating)"] {
            #expect(shown.contains(line), "\(line)\n\(shown)")
        }
        let versions = try json("offer", "show", "2", as: [Printed.Offer].self)
        #expect(versions.map { "\($0.id) \($0.base.minorUnits) \($0.base.currency) \($0.period) \($0.status)" }
            == ["1 5500000 GBP year negotiating", "2 5800000 GBP year negotiating"])
        let revision = try #require(versions.last)
        #expect(revision.bonusPercent == .init(basisPoints: 1000))
        #expect(revision.signOn == .init(currency: "GBP", minorUnits: 500_000) && revision.signOnClawbackMonths == 12)
        #expect(revision.grant?.kind == "rsu" && revision.grant?.grantValue == .init(currency: "GBP", minorUnits: 4_000_000))
        #expect(revision.benefitValues.pensionMatch == .init(basisPoints: 600)
                && revision.benefitValues.pensionCap == .init(currency: "GBP", minorUnits: 300_000))
        let timeline = try json("app", "show", "acme", as: Printed.AppDetail.self).events
        #expect(timeline.contains { $0.kind == "negotiation-round" && $0.notes?.contains("asked: 60,000 GBP; came back: 58,000 GBP a year") == true },
                "\(timeline.map(\.notes))")
        for (bad, reason) in [(["--rsu", "1000 GBP", "--cliff-months", "60"], "a cliff of 60 months is longer"),
                              (["--rsu", "1000 GBP", "--vesting-schedule", "40,30,20"], "adds up to 90%"),
                              (["--bonus", "-5"], "is negative"), (["--respond-by", "2026-03-01", "--at", "2026-03-05"], "before the offer arrived")] {
            let result = try Commands.cadence(["offer", "add", "--app", "acme", "--base", "50000 GBP"] + bad + ["--workspace", directory])
            #expect(result.status == 1 && result.error.contains(reason), "\(bad): \(result.error)")
        }
        #expect(try json("offer", "list", as: [Printed.Offer].self).count == 2)
    }

    @Test("offers are edited whole: bonus, sign-on, equity and period, with the status logged")
    func offerEdit() throws {
        try prepared()
        _ = try cadence("offer", "add", "--app", "acme", "--base", "50000 GBP", "--bonus", "5000", "--at", "2026-03-05")
        let edited = try cadence("offer", "edit", "1", "--sign-on", "3000", "--bonus", "", "--equity", "500 RSUs", "--status", "accepted")
        #expect(edited.status == 0, "\(edited.error)")
        let offer = try #require(try json("offer", "list", as: [Printed.Offer].self).first)
        #expect(offer.signOn == .init(currency: "GBP", minorUnits: 300_000) && offer.bonus == nil && offer.bonusPercent == nil
                && offer.equity == "500 RSUs" && offer.status == "accepted", "\(offer)")
        #expect(try json("app", "show", "acme", as: Printed.AppDetail.self).events.contains { $0.kind == "acceptance" })
    }
}
