import Foundation
import GRDB
import Testing

/// The review's crashes, and their family, through the commands: what a
/// workspace file holds, written by another program, or what a script
/// hands the host, ends with the command alive, a sentence, and nothing
/// written, never a trap.
@Suite("The review's crashes: the host is not crashed from Lua or from data")
struct ReviewCrashTests: WorkspaceSuite {
    let directory = Self.folder("review")

    /// Jo's workspace with Initech applied to and an offer of 25 GBP an hour.
    func prepared() throws {
        try createdWithCandidate()
        _ = try cadence("app", "add", "Initech", "Lead", "--applied", "2026-02-01")
        let offer = try cadence("offer", "add", "--app", "initech", "--base", "25 GBP", "--period", "hour")
        #expect(offer.status == 0, "\(offer.error)")
    }

    /// Writes the workspace as another program would: no checks, no journal.
    func tamper(_ sql: String) throws {
        let other = try DatabaseQueue(path: directory + "/cadence.sqlite")
        try other.write { db in try db.execute(sql: sql) }
        try other.close()
    }

    /// Runs each command, which must end normally; those that read everything (agenda, export)
    /// with `warning` among what they printed on standard error.
    func expectAlive(_ commands: [[String]], warning: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for command in commands {
            let result = try Commands.cadence(command + ["--workspace", directory])
            #expect(result.status == 0, "\(command): \(result.error)", sourceLocation: sourceLocation)
            if ["agenda", "export"].contains(command[0]) {
                #expect(result.error.contains(warning), "\(command): \(result.error)", sourceLocation: sourceLocation)
            }
        }
    }

    var reading: [[String]] {
        [["offer", "list"], ["agenda"], ["export"], ["report", "--output", directory + "/report.html"], ["app", "show", "initech"]]
    }

    @Test("cadence run with an endless or absurd time limit is refused with a sentence, not a trap")
    func endlessTimeLimit() throws {
        for limit in ["inf", "nan", "1e300", "604801"] {
            for sandbox in [["--sandbox"], []] {
                let run = try Commands.cadence(["run"] + sandbox + ["--time-limit", limit, "-e", "print(1)"])
                #expect(run.status == 64 && run.error.hasPrefix("Error: --time-limit: ") && !run.error.contains("Fatal error"), "\(limit): \(run.error)")
            }
        }
        #expect(try Commands.cadence(["run", "--sandbox", "--time-limit", "604800", "-e", "print(1)"]).output == "1\n")
    }

    @Test("an agenda at the last day Cadence keeps says why it cannot be made, without the place or the lines of Cadence's own Lua")
    func agendaAtTheEdge() throws {
        try prepared()
        let agenda = try cadence("agenda", "--as-of", "2200-12-31")
        #expect(agenda.status == 1 && agenda.error.contains("beyond the dates Cadence keeps (years 1900–2200)"), "\(agenda.error)")
        #expect(!agenda.error.contains("Scripts/") && !agenda.error.contains(".lua:"), "\(agenda.error)")
        // A mistake in the user's own cadence.lua keeps its place.
        try "return { { name = 'mine', plan = function() error('no such thing') end } }"
            .write(toFile: directory + "/cadence.lua", atomically: true, encoding: .utf8)
        let own = try cadence("agenda", "--as-of", "2026-03-02")
        #expect(own.output.contains("cadence.lua:1: no such thing"), "\(own.output)\(own.error)")
    }

    @Test("'offer add --base 50000000000000 GBP --period hour' is refused, and offer list and agenda stay alive")
    func hugeHourlyBaseRefused() throws {
        try prepared()
        let added = try cadence("offer", "add", "--app", "initech", "--base", "50000000000000 GBP", "--period", "hour")
        #expect(added.status != 0 && added.error.contains("too large"), "\(added.error)")
        for command in [["offer", "list"], ["agenda"]] {
            let result = try Commands.cadence(command + ["--workspace", directory])
            #expect(result.status == 0 && result.error.isEmpty, "\(command): \(result.error)")
        }
    }

    @Test("the same offer written into the file by another program is reported and left out by offer list, agenda, export and report")
    func hugeHourlyBaseStored() throws {
        try prepared()
        try tamper("UPDATE offer SET base = '{\"currency\":\"GBP\",\"minorUnits\":5000000000000000}'")
        try expectAlive(reading, warning: "offer 1 cannot be worked out and was left out: 50,000,000,000,000 GBP an hour is too large")
        // Not shown as the largest amount, as if it were the offer's.
        let listed = try cadence("offer", "list")
        #expect(!listed.output.contains("92,233,720,368,547,758"), "\(listed.output)")
    }

    @Test("times stored as numbers beyond the years Cadence keeps are reported and left out, not trapped on", arguments: [
        ("INSERT INTO event (applicationID, kind, at) VALUES (1, 'note', 9.9e300)", "has a time beyond the years Cadence keeps"),
        ("INSERT INTO event (applicationID, kind, at) VALUES (1, 'note', -9223372036854775808)", "has a time beyond the years Cadence keeps"),
        ("INSERT INTO followUp (applicationID, kind, due, status, key, decidedAt) VALUES (1, 'task', '2026-03-01', 'done', 'k', 9.9e300)",
         "followUp 1 cannot be worked out and was left out: its decision time is beyond the years Cadence keeps"),
        ("UPDATE offer SET archivedAt = -9.9e300", "offer 1 cannot be worked out and was left out: its archived time"),
        ("UPDATE application SET archivedAt = 9.9e300", "application 1 has an unreadable archiving time"),
    ])
    func timesBeyondKeptYears(sql: String, warning: String) throws {
        try prepared()
        try tamper(sql)
        try expectAlive(reading, warning: warning)
    }

    @Test("a Date forged with a day number of 1 << 60, handed to stage_of, leaves the script and the command alive")
    func forgedDayNumber() throws {
        try prepared()
        let script = try Commands.temporaryScript("""
            local cadence = require 'cadence'
            print(pcall(cadence.stage_of, {{kind = "applied", day = {number = 1 << 60}}}))
            print(pcall(cadence.stage_of, {{kind = "applied", day = setmetatable({number = 1 << 60}, getmetatable(cadence.today()))}}))
            print('alive')
            """)
        // Options go before the script: what follows it is the script's own arguments.
        let run = try Commands.cadence(["run", "--workspace", directory, script])
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.hasSuffix("alive\n"), "\(run.output)")
    }

    @Test("a savepoint name given to host.finish never reaches SQL: it is refused and the workspace is as it was")
    func savepointNameNotPasted() throws {
        try prepared()
        let script = try Commands.temporaryScript("""
            print(pcall(require('cadence.host').finish, "x; DROP TABLE application; --", true))
            """)
        // Options go before the script: what follows it is the script's own arguments.
        let run = try Commands.cadence(["run", "--workspace", directory, script])
        #expect(run.status == 0 && run.output.hasPrefix("false"), "\(run.output)\(run.error)")
        #expect(try cadence("app", "list").output.contains("Initech"))
    }

    @Test("'cadence undo' refuses a journal entry another program wrote, with a sentence, and changes nothing")
    func undoRefusesPlantedEntry() throws {
        try prepared()
        try tamper("UPDATE undoStep SET inverse = 'DELETE FROM application; --'")
        let undo = try cadence("undo")
        #expect(undo.status != 0)
        #expect(undo.error.contains("is not one Cadence writes") && undo.error.contains("nothing was undone"), "\(undo.error)")
        #expect(try cadence("app", "list").output.contains("Initech"))
        #expect(try cadence("offer", "list").output.contains("25 GBP"))
    }

    @Test("a trigger planted in the file calling a function that is not innocuous is not run: the command fails, nothing written")
    func plantedTrigger() throws {
        try prepared()
        try tamper("""
            CREATE TRIGGER planted AFTER INSERT ON application BEGIN
                UPDATE application SET company = swiftUppercaseString(NEW.company) WHERE id = NEW.id;
            END
            """)
        let added = try cadence("app", "add", "Globex", "Analyst")
        #expect(added.status != 0 && added.error.contains("unsafe use of swiftUppercaseString"), "\(added.error)")
        let listed = try cadence("app", "list").output
        #expect(!listed.contains("Globex") && !listed.contains("GLOBEX"), "\(listed)")
    }
}
