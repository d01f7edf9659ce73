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

              cadence log interview --app acme --with "Ms. Jones" --next-step "call me in two weeks"
              cadence log message-sent --app acme --message-kind thank-you --to "Ms. Jones" --channel email
              cadence log correction --app acme --corrects 12
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "What happened.") var kind: String
    @Option(help: "The application (id, company, or company/role).") var app: String
    @Option(help: "When (2026-03-02, 2026-03-02T14:30, 'yesterday', 'last friday 2pm', 'next tuesday 10:00', or numbers in your region's order such as '12/03/2026 2pm'; default now).") var at: String?
    @Option(name: .customLong("with"), help: "A person met (repeatable).") var people: [String] = []
    @Option(help: "For messages: whom to (repeatable).") var to: [String] = []
    @Option(help: "email, phone, letter, linkedin…") var channel: String?
    // Each detail's option is the event's field in Lua (`message_kind`, `next_step`,
    // `notes`); the shorter names it had are still read.
    @Option(name: [.customLong("message-kind"), .customLong("kind")],
            help: "For messages: thank-you, status, feedback-request…") var messageKind: String?
    @Option(help: "For interviews: the round ('final' makes the stage final).") var round: String?
    @Option(name: [.customLong("next-step"), .customLong("next")],
            help: "A next step promised, such as \"call me in two weeks\" (yours, on that day) or \"we'll get back to you by Friday\" (theirs: their decision date); logged with the date it points at.") var next: String?
    @Option(help: "For deadlines and next steps: the date (2026-03-20, 'friday', 'in 2 weeks'), with the hour when one was agreed ('wednesday 10am').") var due: String?
    @Option(help: "For corrections: the right stage.") var stage: String?
    @Option(help: "For corrections: the id of the event to set aside.") var corrects: Int64?
    @Option(name: [.customLong("notes"), .customLong("note")], help: "Free notes.") var note: String?
    @Flag(help: "Log the names given even where one nearly spells a contact's.") var asWritten = false

    func run() throws {
        try reportingErrors {
            let eventKind = try EventKind(parsing: kind)
            // A meeting's channel is free ("video", "on site"), but a slip for a known one is caught.
            if let channel { try Channel.refuseSlip(channel) }
            let (logged, zone, twin, when, reading) = try workspace.open().write("log \(kind) --app \(app)") {
                ws -> ([Event], String, Event?, DateReading.Moment, DateReading) in
                let a = try ws.application(app)
                let zone = try ws.timeZone(of: a)
                let reading = try ws.dateReading(of: a)
                let when = try Timestamps.instant(at, reading: reading)
                // A due day is counted from the day it happened ("in 2 weeks" from the interview); an hour said with it is kept.
                let dueAt = try due.map { try reading.asOf(LocalDate(when.instant, in: zone)).dayAndTime($0, field: "due") }
                // A message or a promise points ahead: a day agreed before it was said is a slip.
                if let dueDay = dueAt?.day, [.messageSent, .nextStepPromised].contains(eventKind),
                   dueDay < LocalDate(when.instant, in: zone) {
                    throw DomainError.invalid(field: "due", "\(dueDay.spoken) is before the \(eventKind.rawValue) it comes with "
                                              + "(\(LocalDate(when.instant, in: zone).spoken)): the day agreed is on or after it")
                }
                let event = Event(applicationID: a.id!, kind: eventKind, at: when.instant,
                                  with: people + to, channel: channel, messageKind: messageKind, round: round,
                                  due: dueAt?.day, dueTime: dueAt?.time,
                                  stage: try stage.map { try Stage(parsing: $0) }, corrects: corrects, notes: note)
                let timeline = try ws.events(of: a.id!)
                let setAside = Set(timeline.compactMap(\.corrects))
                let twin = timeline.last { !setAside.contains($0.id ?? -1) && Self.sameHappening($0, event, in: zone) }
                return (try ws.log(event, promising: next, asWritten: asWritten), zone, twin, when, reading)
            }
            for e in logged {
                let on = Output.spoken(DateReading.Moment(instant: e.at, hasTime: when.hasTime), in: zone)
                Output.write("Logged #\(e.id!) \(e.kind.rawValue) on \(on)" + (e.due.map { ", due \($0.spoken)" + (e.dueTime.map { " at \($0)" } ?? "") } ?? "") + "\n")
                // Who acts on the day: theirs is a decision date, yours an action (Promise owns the reading).
                if e.kind == .nextStepPromised, let due = e.due, let words = e.nextStep {
                    Output.write("  " + Promise(reading: words).meaning(due: due) + "\n")
                    // "by next Friday" said on a Thursday: which Friday was taken, and how to say the other.
                    let said = try? DatePhrase.find(in: words, from: LocalDate(e.at, in: zone), order: reading.order,
                                                    weekStart: reading.weekStart)
                    for note in said?.notes ?? [] { Output.write("  note: " + note + "\n") }
                }
                if e.kind == .nextStepPromised, e.due == nil, let words = e.nextStep {
                    StandardError.write("""
                        cadence: warning: no date found in the next step: \(TerminalText.line(DatePhrase.whyNoDate(in: words)))
                          It is logged with its words but no day, so the agenda plans nothing on it; \
                        log the day when you know it: cadence log next-step --app \(TerminalText.line(app)) --due DATE

                        """)
                }
            }
            Output.notes(of: reading)
            if let twin, let id = twin.id {
                let people = twin.with.isEmpty ? "" : " with " + twin.with.map(TerminalText.line).joined(separator: ", ")
                StandardError.write("cadence: warning: \(Self.article(twin.kind.rawValue)) \(twin.kind.rawValue) on "
                                    + "\(Output.day(twin.at, in: zone)) was already logged (#\(id)\(people)); if this is the same one, "
                                    + "'cadence undo' takes the new one back\n")
            }
        }
    }

    /// Whether `earlier` and `new` are most likely one happening logged twice:
    /// the same kind on the same day of the candidate's, of the same message
    /// kind, with the same people or none named. Notes and corrections
    /// happen several times a day; they are never twins.
    static func sameHappening(_ earlier: Event, _ new: Event, in zone: String) -> Bool {
        guard earlier.kind == new.kind, ![.note, .correction].contains(new.kind), earlier.corrects == nil,
              LocalDate(earlier.at, in: zone) == LocalDate(new.at, in: zone), earlier.messageKind == new.messageKind else { return false }
        let (a, b) = (Set(earlier.with.map { $0.lowercased() }), Set(new.with.map { $0.lowercased() }))
        return a.isEmpty || b.isEmpty || !a.isDisjoint(with: b)
    }

    static func article(_ word: String) -> String { "aeiou".contains(word.first ?? "x") ? "an" : "a" }
}
