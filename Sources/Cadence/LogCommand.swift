import ArgumentParser
import CadenceCore
import CadenceStore

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add an event to an application's timeline.",
        discussion: """
            Kinds: \(EventKind.allCases.map(\.rawValue).joined(separator: ", ")).
            The timeline is append-only: to fix a mistake, log a correction
            (--stage STAGE, or --corrects EVENT-ID to set an event aside).

              cadence log interview --app acme --with "Ms. Jones" --next "call me in two weeks"
              cadence log message-sent --app acme --kind thank-you --to "Ms. Jones" --channel email
              cadence log correction --app acme --corrects 12
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "What happened.") var kind: String
    @Option(help: "The application (id, company, or company/role).") var app: String
    @Option(help: "When (2026-03-02, 2026-03-02T14:30, 'yesterday', 'last friday 2pm', 'next tuesday 10:00'; default now).") var at: String?
    @Option(name: .customLong("with"), help: "A person met (repeatable).") var people: [String] = []
    @Option(help: "For messages: whom to (repeatable).") var to: [String] = []
    @Option(help: "email, phone, letter, linkedin…") var channel: String?
    @Option(name: .customLong("kind"), help: "For messages: thank-you, status, feedback-request…") var messageKind: String?
    @Option(help: "For interviews: the round ('final' makes the stage final).") var round: String?
    @Option(help: "A next step promised, such as \"call me in two weeks\"; logged with the date it points at.") var next: String?
    @Option(help: "For deadlines and next steps: the date (2026-03-20, 'friday', 'in 2 weeks').") var due: String?
    @Option(help: "For corrections: the right stage.") var stage: String?
    @Option(help: "For corrections: the id of the event to set aside.") var corrects: Int64?
    @Option(help: "Free notes.") var note: String?
    @Flag(help: "Log the names given even where one nearly spells a contact's.") var asWritten = false

    func run() throws {
        try reportingErrors {
            let eventKind = try EventKind(parsing: kind)
            let (logged, zone) = try workspace.open().write("log \(kind) --app \(app)") { ws -> ([Event], String) in
                let a = try ws.application(app)
                let zone = try ws.timeZone(of: a)
                let when = try Timestamps.instant(at, timeZone: zone)
                let event = Event(applicationID: a.id!, kind: eventKind, at: when,
                                  with: people + to, channel: channel, messageKind: messageKind, round: round,
                                  due: try due.map { try DatePhrase.date($0, from: LocalDate(when, in: zone), field: "due") },
                                  stage: try stage.map { try Stage(parsing: $0) }, corrects: corrects, notes: note)
                return (try ws.log(event, promising: next, asWritten: asWritten), zone)
            }
            for e in logged {
                Output.write("Logged #\(e.id!) \(e.kind.rawValue) on \(Output.day(e.at, in: zone))" + (e.due.map { ", due \($0)" } ?? "") + "\n")
                if e.kind == .nextStepPromised, e.due == nil, let words = e.nextStep {
                    StandardError.write("""
                        cadence: warning: no date found in the next step: \(TerminalText.line(DatePhrase.whyNoDate(in: words)))
                          It is logged with its words but no day, so the agenda plans nothing on it; \
                        log the day when you know it: cadence log next-step --app \(TerminalText.line(app)) --due DATE

                        """)
                }
            }
        }
    }
}
