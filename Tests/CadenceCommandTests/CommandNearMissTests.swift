import Foundation
import Testing

/// A command, an event kind or a standard policy typed wrong is answered
/// with the name it was near, and the word typed is shown escaped.
@Suite("Did you mean: commands, event kinds, standard policies")
struct CommandNearMissTests: WorkspaceSuite {
    let directory = Self.folder("near-miss")

    @Test("a subcommand typed wrong names the one it was near, at any depth; what was typed is escaped")
    func subcommands() throws {
        let agenda = try Commands.cadence(["agnda"])
        #expect(agenda.status == 64 && agenda.error.hasPrefix("Error: Unexpected argument 'agnda' (did you mean 'agenda'?)\nUsage:"),
                "\(agenda.error)")
        let list = try Commands.cadence(["app", "lst"])
        #expect(list.error.contains("Unexpected argument 'lst' (did you mean 'list'?)"), "\(list.error)")
        let hostile = try Commands.cadence(["agend\u{1B}[2J\u{202E}"])
        #expect(hostile.error.contains(#"'agend\u{1b}[2J\u{202e}'"#) && !hostile.error.contains("\u{1B}"), "\(hostile.error)")
        let far = try Commands.cadence(["banana"])
        #expect(far.error.hasPrefix("Error: Unexpected argument 'banana'\nUsage:"), "\(far.error)")
        // The hidden worker command is never suggested.
        #expect(!(try Commands.cadence(["policy-workr"])).error.contains("did you mean"))
    }

    @Test("a channel slip on log is caught with the channel it was near; a meeting's own words (video) are kept")
    func channelSlip() throws {
        try createdWithCandidate()
        _ = try cadence("app", "add", "Acme", "Analyst")
        let slip = try cadence("log", "message-sent", "--app", "acme", "--channel", "linkdin")
        #expect(slip.status == 1 && slip.error.contains("unknown channel 'linkdin' (did you mean 'linkedin'?)"), "\(slip.error)")
        #expect(try cadence("log", "screen", "--app", "acme", "--channel", "video").status == 0)
    }

    @Test("an event kind typed wrong names the kind it was near")
    func eventKinds() throws {
        try createdWithCandidate()
        _ = try cadence("app", "add", "Acme", "Analyst")
        let logged = try cadence("log", "intervew", "--app", "acme")
        #expect(logged.status == 1 && logged.error.contains("unknown event 'intervew' (did you mean 'interview'?)"), "\(logged.error)")
        let long = try cadence("log", String(repeating: "x", count: 500) + "\u{1B}", "--app", "acme")
        #expect(!long.error.contains("\u{1B}") && long.error.count < 700, "\(long.error)")
    }

    @Test("a standard policy named wrong in cadence.lua names the one it was near, at the line that named it")
    func standardPolicies() throws {
        try createdWithCandidate()
        try """
            local standard = require "policies"
            return { standard.wekly_status{ weeks = 4 } }
            """.write(toFile: directory + "/cadence.lua", atomically: true, encoding: .utf8)
        let agenda = try cadence("agenda")
        #expect((agenda.output + agenda.error).contains("cadence.lua:2: no standard policy 'wekly_status' (did you mean 'weekly_status'?)"),
                "\(agenda.output)\(agenda.error)")
    }
}

/// `cadence log`'s options are the event's fields in Lua: what is logged with
/// `--message-kind`, `--next-step` and `--notes` is read as `message_kind`,
/// `next_step` and `notes` (the shorter options it had are still read).
@Suite("One name on the command line and in Lua")
struct OptionNamesTests: WorkspaceSuite {
    let directory = Self.folder("option-names")

    @Test("log's options name the fields a script reads; app edit --deadline is app.deadline")
    func logOptions() throws {
        try createdWithCandidate()
        _ = try cadence("app", "add", "Acme", "Analyst", "--applied", "2026-03-02", "--deadline", "2026-03-20")
        _ = try cadence("log", "message-sent", "--app", "acme", "--message-kind", "thank-you", "--notes", "sent", "--at", "2026-03-03")
        _ = try cadence("log", "next-step", "--app", "acme", "--next-step", "call me on 2026-03-16", "--at", "2026-03-04")
        _ = try cadence("log", "note", "--app", "acme", "--note", "the old option", "--at", "2026-03-05")
        let script = directory + "/read.lua"
        try """
            local a = require("cadence").app("acme")
            local t = a:timeline()
            print(tostring(a.deadline), t[2].message_kind, t[2].notes, t[3].next_step, tostring(t[3].due), t[4].notes)
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let read = try Commands.cadence(["run", "--workspace", directory, script])
        #expect(read.output == "2026-03-20\tthank-you\tsent\tcall me on 2026-03-16\t2026-03-16\tthe old option\n",
                "\(read.output)\(read.error)")
    }
}
