import Foundation
import Testing

/// `--as-of` on the offer commands: days in words count from it (or from the
/// day the offer arrived), and show and list say whether the date to answer
/// by has passed as of that day.
@Suite("Offers as of a day")
struct OfferAsOfTests: WorkspaceSuite {
    let directory = Self.folder("offer-as-of")

    func prepared() throws {
        try createdWithCandidate()
        _ = try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-02-01")
    }

    @Test("offer add --as-of: arrived that day, --respond-by friday is the Friday after it; --at alone counts from itself")
    func add() throws {
        try prepared()
        let added = try cadence("offer", "add", "--app", "1", "--base", "31000 GBP", "--as-of", "2026-03-16", "--respond-by", "friday")
        #expect(added.output == "Recorded offer 1: 31,000 GBP a year, received Mon 16 Mar 2026; answer by Fri 20 Mar 2026\n", "\(added.output)\(added.error)")
        let at = try cadence("offer", "add", "--app", "1", "--base", "32000 GBP", "--at", "2026-03-02", "--respond-by", "friday")
        #expect(at.output.contains("received Mon 2 Mar 2026; answer by Fri 6 Mar 2026\n"), "\(at.output)\(at.error)")
        // What has happened cannot be dated after the day it is recorded as of.
        let ahead = try cadence("offer", "add", "--app", "1", "--base", "32000 GBP", "--as-of", "2026-03-16", "--at", "tomorrow")
        #expect(ahead.status == 1 && ahead.error.contains("is after the --as-of day, Mon 16 Mar 2026"), "\(ahead.output)\(ahead.error)")
        // A record is of what has happened: an as-of day to come is refused in a sentence, nothing written.
        let future = try cadence("offer", "add", "--app", "1", "--base", "32000 GBP", "--as-of", "2200-01-01")
        #expect(future.status == 1 && future.error.contains("is after today: an offer is recorded once it has happened"), "\(future.error)")
    }

    @Test("offer edit and revise --as-of: their days in words count from it, and a status change is logged that day")
    func editAndRevise() throws {
        try prepared()
        _ = try cadence("offer", "add", "--app", "1", "--base", "31000 GBP", "--at", "2026-03-16")
        let edited = try cadence("offer", "edit", "1", "--as-of", "2026-03-18", "--respond-by", "monday")
        #expect(edited.output.contains("answer by Mon 23 Mar 2026"), "\(edited.output)\(edited.error)")
        let revised = try cadence("offer", "revise", "1", "--base", "33000 GBP", "--as-of", "2026-03-24", "--respond-by", "friday")
        #expect(revised.output.contains("received Tue 24 Mar 2026; answer by Fri 27 Mar 2026"), "\(revised.output)\(revised.error)")
        #expect(try cadence("offer", "edit", "2", "--status", "accepted", "--as-of", "2026-03-26").status == 0)
        #expect(try cadence("app", "show", "1").output.contains("2026-03-26  #4 acceptance"))
        // The version revised has no date of its own left to meet.
        #expect(!(try cadence("offer", "show", "1", "--as-of", "2026-03-25").output.contains("Answer by")))
    }

    @Test("offer show and list --as-of: an open offer's date to answer by, passed or not, as of that day")
    func showAndList() throws {
        try prepared()
        _ = try cadence("offer", "add", "--app", "1", "--base", "31000 GBP", "--at", "2026-03-16", "--respond-by", "2026-03-20")
        let before = try cadence("offer", "show", "1", "--as-of", "2026-03-17").output
        #expect(before.contains("\nAnswer by Fri 20 Mar 2026: in 3 days (as of Tue 17 Mar 2026)\n"), "\(before)")
        let after = try cadence("offer", "show", "1", "--as-of", "2026-03-24").output
        #expect(after.contains("\nAnswer by Fri 20 Mar 2026: passed 4 days ago (as of Tue 24 Mar 2026): ask for a little more time at once (cadence negotiate Acme)\n"),
                "\(after)")
        #expect(try cadence("offer", "list", "--as-of", "2026-03-17").output.contains("2026-03-20  "))
        #expect(try cadence("offer", "list", "--as-of", "2026-03-24").output.contains("2026-03-20 (passed)"))
        // Answered, it has no date left to meet.
        _ = try cadence("offer", "edit", "1", "--status", "declined", "--at", "2026-03-19")
        #expect(!(try cadence("offer", "show", "1", "--as-of", "2026-03-24").output.contains("Answer by")))
        #expect(!(try cadence("offer", "list", "--as-of", "2026-03-24").output.contains("(passed)")))
    }
}
