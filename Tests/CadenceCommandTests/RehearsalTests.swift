import Foundation
import Testing

/// Negotiation rehearsed: a scripted counterpart that uses the recorded offer
/// and targets and hears figures as people say them; feedback per rule
/// quoting your lines and your recorded strengths; progress kept.
@Suite("Rehearsal")
struct RehearsalTests: WorkspaceSuite {
    let directory = Self.folder("rehearse")

    func rehearse(_ answers: [String], app: String = "wayne", seed: Int = 3, _ extra: String...) throws -> Commands.Result {
        try Commands.cadence(["rehearse", app, "--seed", String(seed)] + extra + ["--workspace", directory],
                             input: answers.joined(separator: "\n") + "\n")
    }

    /// A British candidate (28,000 / 30,000 / 35,000 GBP) offered 31,000 GBP by Acme for an Analyst role.
    func british() throws {
        _ = try Commands.cadence(["init", directory])
        _ = try cadence("candidate", "add", "Jo Bloggs", "--time-zone", "Europe/London", "--region", "gb")
        _ = try cadence("candidate", "edit", "jo", "--targets", "28000,30000,35000 GBP", "--strength", "SQL reporting automation")
        _ = try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-02-01", "--need", "month-end reports take four days")
        let offer = try cadence("offer", "add", "--app", "acme", "--base", "31000 GBP", "--at", "2026-03-02")
        #expect(offer.status == 0, "\(offer.error)")
    }

    /// A US candidate (160,000 / 175,000 / 195,000 USD) offered 172,000 USD with RSUs and a sign-on.
    func american() throws {
        _ = try Commands.cadence(["init", directory])
        _ = try cadence("candidate", "add", "Sam Lee", "--time-zone", "America/New_York", "--region", "us")
        _ = try cadence("candidate", "edit", "sam", "--targets", "160000,175000,195000 USD", "--strength", "distributed systems at scale")
        _ = try cadence("app", "add", "Initech", "Staff Engineer", "--applied", "2026-02-01", "--need", "the payments system falls over at peak")
        let offer = try cadence("offer", "add", "--app", "initech", "--base", "172000 USD", "--rsu", "80000 USD", "--sign-on", "20000 USD",
                                "--at", "2026-03-02")
        #expect(offer.status == 0, "\(offer.error)")
    }

    func has(_ result: Commands.Result, _ lines: String...) {
        for line in lines { #expect(result.output.contains(line), "\(line)\n---\n\(result.output)\(result.error)") }
    }

    @Test("piped: the counterpart makes the recorded offer, hears a range and a request for time, and the feedback quotes a recorded strength")
    func feedback() throws {
        _ = try Commands.cadence(["demo", "--workspace", directory])
        let good = try rehearse(["I'd rather hear your proposal first.", "Something in the mid-fifties.",
                                 "Thank you! Could I think it over and come back to you on Thursday at 10?",
                                 "Could we look at a moving allowance and the start date? My SQL and Python analytics would cut your week of reporting.",
                                 "I'll call you on Thursday at 10."])
        #expect(good.status == 0, "\(good.error)")
        has(good, "Recruiter: Before we go further on the Senior Analyst role, what are your salary expectations?\nyou> I'd rather hear",
            "Recruiter: I understand, but I really need a number to take to Finance at Wayne Enterprises.",
            // The recorded offer of 57,000 GBP, said as people say it; not 95% of the going rate.
            "offer you £57,000 as the base for the Senior Analyst role",
            // A request for time is answered as one, not with "the budget is fixed".
            "Hiring manager: Of course, take the time.",
            "✓ rule 2: no number first: \"I'd rather hear your proposal first.\"",
            "✓ rule 4: a range a little above your going rate: \"Something in the mid-fifties.\" (mid-fifties)",
            "✓ rule 5: you asked for time: \"Thank you! Could I think it over and come back to you on Thursday at 10?\"",
            "✓ rule 3: you made your case with your strength \"SQL and Python analytics\" for their need \"reporting that takes a week to produce\"",
            "✓ rule 6: you raised the package", "✓ rule 7: nothing you said or accepted went below your bottom line of 48,000 GBP",
            "✓ rule 8: no haggling over small amounts")
        #expect(!good.output.contains("budget for base is fixed"))

        let bad = try rehearse(["About 45k.", "Great, I accept!"])
        has(bad, "✗ rule 2: you gave the first number: \"About 45k.\"",
            "✗ rule 5: you accepted on the spot: \"Great, I accept!\"; always ask for time", "Welcome to Wayne Enterprises",
            "✗ rule 3: you did not make your case: for instance, \"You mentioned",
            "✗ rule 7: \"About 45k.\" names a figure below your bottom line of 48,000 GBP",
            "– rule 4: not pushed: you named a figure first")
        // The transcript is kept, and the same seed plays the same lines.
        let files = try FileManager.default.contentsOfDirectory(atPath: directory + "/rehearsals").filter { $0.hasSuffix(".txt") }
        #expect(files.count == 2)
        let again = try rehearse(["About 45k.", "Great, I accept!"])
        #expect(again.output.components(separatedBy: "\n").dropFirst().prefix(6) == bad.output.components(separatedBy: "\n").dropFirst().prefix(6))
    }

    @Test("British: a figure in words is a figure, the offer is £31,000, a small counter is quibbling, the company and role are named")
    func britishScenario() throws {
        try british()
        let words = try rehearse(["About thirty thousand.", "Could you do 31,500?", "Fine, I'll get back to you."], app: "acme")
        has(words, "✗ rule 2: you gave the first number: \"About thirty thousand.\"",
            "the Analyst role at Acme: a base of £31,000", "£31,500",
            "✗ rule 8: \"Could you do 31,500?\" asks 500 GBP more than their 31,000 GBP: too small to argue over")
        // A range above the going rate, pushed; a strength used by its words ("automating the reports").
        let range = try rehearse(["I'd like to hear your proposal first.", "33-36k, given the scope.",
                                  "Could I have until Monday at 10am to think it over?",
                                  "I could take the month-end reports from four days to one by automating them."], app: "acme")
        has(range, "✓ rule 4: a range a little above your going rate: \"33-36k, given the scope.\" (33-36k), expect to be held to its low end, 33,000 GBP",
            "✓ rule 5: you asked for time",
            "✓ rule 3: you made your case with your strength \"SQL reporting automation\" for their need \"month-end reports take four days\"")
        // One figure when pushed is no range; one below the bottom line is named.
        let one = try rehearse(["Let's see the offer first.", "Thirty-two and a half thousand."], app: "acme")
        has(one, "✗ rule 4: one figure, \"Thirty-two and a half thousand.\": give a range a little above your going rate (30,000 GBP)")
    }

    @Test("US: the offer of $172,000 with equity and a sign-on; a counter is answered with what they can stretch to, never above your top")
    func americanScenario() throws {
        try american()
        let counter = try rehearse(["I'd rather hear your number first.", "Somewhere in the $185k-$195k range.",
                                    "Could we get to one eighty-five? I've built distributed systems at scale.",
                                    "Thanks, I'll come back to you tomorrow at 10am."], app: "initech")
        has(counter, "$172,000 as the base for the Staff Engineer role, with equity and a sign-on of $20,000",
            "✓ rule 4: a range a little above your going rate: \"Somewhere in the $185k-$195k range.\"",
            // Their stretch: 4% above their offer, said as people say it.
            // …and the case made is heard.
            "Hiring manager: You make a fair point about distributed systems at scale. I can't get to $185,000. I could go to $179,000, and that's the top of the band.",
            "✓ rule 3: you made your case with your strength \"distributed systems at scale\"",
            "✓ rule 8: your counter, \"Could we get to one eighty-five? I've built distributed systems at scale.\", was worth asking: above their stretch of 179,000 USD",
            "✓ rule 5: you asked for time: \"Thanks, I'll come back to you tomorrow at 10am.\" (better at once, when the offer is made)")
        // Pushed twice, in other words, when no figure comes.
        let pushed = try rehearse(["I'd rather hear your number first.", "I'd prefer to wait for your proposal.", "Let's see what you offer."],
                                  app: "initech", seed: 5)
        let pushes = pushed.output.components(separatedBy: "\n").filter { $0.hasPrefix("Recruiter:") }
        #expect(pushes.count == 3 && Set(pushes).count == 3, "\(pushed.output)")
        has(pushed, "✓ rule 4: pushed twice, you still named no figure")
        // The budget is fixed: turning to the package.
        let fixed = try rehearse(["No number yet, I'm afraid.", "Still, I'd rather hear yours.", "Let's see your offer.", "Hmm, that is lower than I hoped.",
                                  "Could we look at a bigger sign-on, say 30k, and more RSUs instead?"], app: "initech", seed: 2)
        has(fixed, "That's the best we can do on base, I'm afraid", "✓ rule 6: with base fixed, you turned to the package",
            // A figure said of the package is no base: nothing below the bottom line was named.
            "✓ rule 7: nothing you said or accepted went below your bottom line of 160,000 USD")
    }

    @Test("below the bottom line a polite decline keeps rule 7; time with no day and hour is not enough; a final offer is said to be final")
    func belowAndFinal() throws {
        _ = try Commands.cadence(["init", directory])
        _ = try cadence("candidate", "add", "Jo Bloggs", "--time-zone", "Europe/London", "--region", "gb")
        _ = try cadence("candidate", "edit", "jo", "--targets", "28000,30000,35000 GBP")
        _ = try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-02-01")
        _ = try cadence("offer", "add", "--app", "acme", "--base", "27000 GBP", "--final", "--at", "2026-03-02")
        let declined = try rehearse(["I'd rather hear your proposal first.", "Perhaps the mid-thirties.",
                                     "Thank you, but I'm afraid I have to decline at that level."], app: "acme")
        has(declined, "£27,000", "✓ rule 7: below your bottom line, you declined politely: \"Thank you, but I'm afraid I have to decline at that level.\"")
        let vague = try rehearse(["I'd rather hear your proposal first.", "Perhaps the mid-thirties.",
                                  "Thanks, could I have some time to think it over?", "Soon, I hope."], app: "acme")
        has(vague, "Hiring manager: I have to be clear: £27,000 is our final offer on base.",
            "✗ rule 5: you asked for time (\"Thanks, could I have some time to think it over?\") but agreed no day and hour",
            "✗ rule 7: the offer of 27,000 GBP is below your bottom line of 28,000 GBP: decline politely")
    }

    @Test("progress is kept across rehearsals: the feedback counts your last rehearsals and --progress shows the record")
    func progress() throws {
        try british()
        _ = try rehearse(["About thirty thousand.", "Great, I accept!"], app: "acme")
        _ = try rehearse(["I'd rather hear your proposal first.", "33-36k", "Could I come back to you on Monday at 10?"], app: "acme")
        let third = try rehearse(["Let's hear yours first.", "The mid-thirties.", "Could I come back to you Friday at noon?"], app: "acme")
        has(third, "✓ rule 2: no number first: \"Let's hear yours first.\" (kept 2 of your last 3 rehearsals)",
            "(kept 2 of your last 3 rehearsals)")
        let shown = try cadence("rehearse", "--progress")
        #expect(shown.status == 0, "\(shown.error)")
        has(shown, "Rehearsals for all applications: 3 kept", "rule 2, no first number: kept 2 of 3  ✗ ✓ ✓")
        let forAcme = try cadence("rehearse", "acme", "--progress")
        has(forAcme, "Rehearsals for Acme, Analyst: 3 kept")
        let record = try String(contentsOfFile: directory + "/rehearsals/progress.json", encoding: .utf8)
        #expect(record.contains("\"app_id\"") && record.contains("\"2\" : false"), "\(record)")
        // A record that is not one is refused, naming the file; nothing is played.
        try "{ not json".write(toFile: directory + "/rehearsals/progress.json", atomically: true, encoding: .utf8)
        let refused = try rehearse(["No."], app: "acme")
        #expect(refused.status == 1 && refused.error.contains("progress.json is not a record of rehearsals"), "\(refused.error)")
    }

    @Test("errors are sentences: no such application, a counterpart missing, not compiling, or of the wrong shape")
    func errors() throws {
        try british()
        let nosuch = try cadence("rehearse", "nosuch")
        #expect(nosuch.status == 1 && nosuch.error.hasPrefix("cadence: no application named 'nosuch'") && !nosuch.error.contains("traceback")
                && !nosuch.error.contains(".lua:"), "\(nosuch.error)")
        let missing = try rehearse([], app: "acme", "--counterpart", directory + "/tough.lua")
        #expect(missing.status == 1 && missing.error == "cadence: \(directory)/tough.lua: no such file\n", "\(missing.error)")
        try "local c = {}\nc.name = = 1\nreturn c\n".write(toFile: directory + "/tough.lua", atomically: true, encoding: .utf8)
        let broken = try rehearse([], app: "acme", "--counterpart", directory + "/tough.lua")
        // Named as Lua names a chunk (a long path keeps its end): the file and the line.
        #expect(broken.status == 1 && broken.error.hasPrefix("cadence: ") && broken.error.hasSuffix("/tough.lua:2: unexpected symbol near '='\n")
                && !broken.error.contains("traceback"),
                "\(broken.error)")
        try "return { name = 'a wall' }\n".write(toFile: directory + "/tough.lua", atomically: true, encoding: .utf8)
        let shape = try rehearse([], app: "acme", "--counterpart", directory + "/tough.lua")
        #expect(shape.status == 1 && shape.error.contains("tough.lua: a counterpart returns a table with scenes(s, say)"), "\(shape.error)")
        let nothing = try cadence("rehearse")
        #expect(nothing.status != 0 && nothing.error.contains("Missing expected argument '<app>'"), "\(nothing.error)")
    }

    @Test("a hostile answer (ESC, bidi, 500 characters) is quoted visibly, never sent to the terminal as it is")
    func hostile() throws {
        try british()
        let long = String(repeating: "x", count: 500)
        let result = try rehearse(["\u{1b}[2J\u{202e}no number \(long)", "\u{1b}]52;c;aGk=\u{07} 33-36k"], app: "acme")
        #expect(result.status == 0, "\(result.error)")
        #expect(!result.output.unicodeScalars.contains { $0 == "\u{1b}" || $0 == "\u{202e}" || $0 == "\u{07}" })
        has(result, "\\u{1b}[2J\\u{202e}no number", "✓ rule 4: a range a little above your going rate")
        // The transcript kept in the workspace is as safe to print.
        let folder = directory + "/rehearsals"
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix(".txt") })
        let kept = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
        #expect(kept.contains("You: \\u{1b}[2J") && !kept.unicodeScalars.contains { $0 == "\u{1b}" || $0 == "\u{202e}" }, "\(kept)")
    }

    @Test("through a terminal: line editing, Ctrl-D ends early with feedback, in the US and British scenarios")
    func terminal() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Terminal/rehearse_session.py").path
        try british()
        let gb = try Commands.run("/usr/bin/env", ["python3", script, Commands.cadenceURL.path, directory, directory + "-state", "gb"])
        #expect(gb.status == 0 && gb.output == "ok\n", "\(gb.output)\(gb.error)")
        let us = RehearsalTests()
        try us.american()
        let run = try Commands.run("/usr/bin/env", ["python3", script, Commands.cadenceURL.path, us.directory, us.directory + "-state", "us"])
        #expect(run.status == 0 && run.output == "ok\n", "\(run.output)\(run.error)")
    }
}
