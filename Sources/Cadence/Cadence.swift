import ArgumentParser

/// The `cadence` command: a workbench for a job search, scripted in Lua.
@main
struct Cadence: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "cadence",
        abstract: "A workbench for a job search, scripted in Lua 5.4.",
        discussion: """
            Cadence keeps your applications, contacts and offers, and runs your own \
            Lua scripts over them. Run 'cadence help <command>' for a command's options.
            """,
        version: "cadence \(version) (Lua 5.4)",
        subcommands: [
            Init.self, Demo.self, CandidateCommand.self, ApplicationCommand.self, ContactCommand.self,
            Log.self, OfferCommand.self, Negotiate.self, Rehearse.self, Agenda.self, Simulate.self, Undo.self, Import.self, Export.self, RunCommand.self, Repl.self, PolicyCommand.self, Report.self, PolicyWorkerCommand.self,
        ]
    )
}
