import ArgumentParser
import CadenceCore
import CadenceScripting
import CadenceStore
import Foundation
import LuaBinding

struct Agenda: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What is due: follow-ups your cadence.lua plans, each with its reason and a draft; and acting on them.",
        discussion: """
            'cadence agenda' lists overdue items first, then by day, each with a ref. \
            'cadence agenda done REF' marks one done (and logs it: a message sent, so the \
            cadence moves on), 'skip REF' drops it, 'snooze REF --until DATE' puts it off.
            """,
        subcommands: [Show.self, Done.self, Skip.self, Snooze.self],
        defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List what is due, with reasons and drafts (the default).",
            discussion: """
                The policies come from the workspace's cadence.lua ('cadence init' writes one \
                to edit), or the standard ones. Planning changes nothing: the same data, \
                decisions, policies and --as-of date give the same agenda.
                """)

        @OptionGroup var workspace: WorkspaceOptions
        @Option(help: "How many days ahead to look.") var days: Int = 7
        @Option(help: "Plan as if today were this date (2026-03-02, or words such as 'last friday').") var asOf: String?
        @Option(help: ArgumentHelp("Also write the agenda as an iCalendar file (RFC 5545) to import into a calendar.", valueName: "file"))
        var ics: String?
        @Option(help: ArgumentHelp("Also write each message as an .eml draft a mail client opens, into this folder (made if missing; its parent must exist).", valueName: "dir"))
        var eml: String?
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                guard days >= 0 else { throw ValidationError("--days is 0 or more") }
                let day = try asOf.map { try dayFlag($0, field: "as-of", in: workspace) }
                // The items as data cross into Swift only when something needs them (it costs, at thousands).
                let needsData = output.json || ics != nil || eml != nil
                let value = try CadenceLua.call(workspace, asOf: day, name: "agenda", "cadence.policy", "report",
                                                  ["days": .integer(Int64(days)), "data": .boolean(needsData), "text": .boolean(!output.json)])
                let result = try CadenceLua.read(Report.self, value, "cadence.policy.report")
                // The drafts' folder is checked before anything is written: a
                // folder that cannot be made leaves no calendar half done.
                if let eml { try Self.prepareFolder(eml) }
                if let ics { try writeCalendar(result, to: ics) }
                let draftsFailed = try eml.map { try writeDrafts(result.data ?? [], into: $0) } ?? false
                if output.json {
                    // The list stays a list of items; a package that did not run is said beside it.
                    // Each line is already shown as the terminal's owner shows a package's words.
                    for line in result.failures { StandardError.write("cadence: " + line + "\n") }
                    try CadenceLua.writeJSON(try CadenceLua.field("data", of: value, "cadence.policy.report"))
                } else {
                    Output.write((result.text ?? "") + "\n")
                }
                // The agenda is shown whatever; a draft not written fails the run.
                if draftsFailed { throw ExitCode.failure }
            }
        }

        /// What `policy.report` gives: the agenda as text and as data, and what the calendar needs.
        struct Report: Decodable {
            var text: String?
            var data: [Item]?
            var today: String
            var send_at: String?
            var failures: [String]
        }

        /// An item as `policy.data` gives it, with what the calendar and drafts read.
        struct Item: Decodable {
            var ref: String
            var application: Int64
            var key, company, kind, due: String
            /// The hour it is due ("10:00"), when one was agreed.
            var at: String?
            var to, email, channel, reason, draft, subject, zone, from, from_email, missing_role: String?

            /// How it goes (email when no policy said): `Channel` owns the names.
            var by: Channel { channel.flatMap(Channel.init(rawValue:)) ?? .email }

            /// " to Helen Jones", " to the recruiter (none on file)", or nothing.
            var toWhom: String {
                if let to { return " to " + to }
                return missing_role.map { " to the \($0.replacingOccurrences(of: "-", with: " ")) (none on file)" } ?? ""
            }
        }

        func writeCalendar(_ result: Report, to path: String) throws {
            let hour = { (text: String) -> (Int, Int)? in
                let parts = text.split(separator: ":").compactMap { Int($0) }
                return parts.count == 2 ? (parts[0], parts[1]) : nil
            }
            let sendAt = result.send_at.flatMap(hour)
            let events = try (result.data ?? []).map { item -> ICalendar.Item in
                let day = try LocalDate(iso: item.due)
                let description = [item.reason, item.draft].compactMap { $0 }.joined(separator: "\n\n")
                // Messages and calls go out at the send time, in the candidate's zone; tasks are all-day.
                let isMessage = item.by != .task
                // An hour agreed for the item itself (a call at 10:00) comes before the send time.
                let time = item.at.flatMap(hour) ?? (isMessage ? sendAt : nil)
                let start = time.flatMap { day.at(hour: $0.0, minute: $0.1, in: item.zone ?? "UTC") }
                return ICalendar.Item(application: item.application, key: item.key, summary: "\(item.company): \(item.kind)\(item.toWhom)",
                                      description: description, due: day, start: start, channel: item.by)
            }
            let stamp = try LocalDate(iso: result.today)
            guard FileManager.default.createFile(atPath: path, contents: Data(ICalendar(items: events, stamp: stamp).text.utf8)) else {
                throw Refusal("cannot write the calendar \(path): \(String(cString: strerror(errno)))")
            }
        }

        /// The drafts' folder: there already, or made now. Only the folder
        /// itself is made: its parent must exist (a typo in a path makes no
        /// tree of folders).
        static func prepareFolder(_ folder: String) throws {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
                guard isFolder.boolValue else { throw Refusal("--eml \(folder) is a file, not a folder: name a folder for the drafts") }
                return
            }
            let parent = (folder as NSString).deletingLastPathComponent
            guard parent.isEmpty || FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder) && isFolder.boolValue else {
                throw Refusal("cannot make the drafts' folder \(folder): the folder \(parent) does not exist (Cadence makes only the last one)")
            }
            guard mkdir(folder, 0o777) == 0 else {
                throw Refusal("cannot make the drafts' folder \(folder): \(String(cString: strerror(errno)))")
            }
        }

        /// Writes each email's draft, and says why for each it does not
        /// write. Only an email becomes an .eml: a LinkedIn message, a text,
        /// a letter to post or a call's talking points is listed as not
        /// written, with where its draft is (the agenda shows it). Returns
        /// whether a file could not be written (a draft refused for its
        /// header, or not an email, is not a failure of the run).
        func writeDrafts(_ items: [Item], into folder: String) throws -> Bool {
            var written = 0, refused = 0, notMail: [String] = [], failed = false
            for item in items where item.by != .task {
                guard let body = item.draft else { continue }
                guard item.by.isMail else {
                    notMail.append("  [\(item.ref)] \(TerminalText.line(item.company)): \(TerminalText.line(item.kind))"
                                   + "\(TerminalText.line(item.toWhom)) \(item.by.said)")
                    continue
                }
                let draft = MailDraft(from: MailDraft.Address(name: item.from, email: item.from_email),
                                      to: item.to.map { MailDraft.Address(name: $0, email: item.email) },
                                      subject: item.subject ?? item.kind, body: body)
                // The kind is a package's word: in a file name it is a slug, never a path.
                let name = [item.due, MailDraft.slug(item.company), MailDraft.slug(item.kind), item.ref].joined(separator: "-") + ".eml"
                let text: String
                do { text = try draft.text() } catch let refusal as MailHeader.Refusal {
                    // One bad draft is not written; the others still are.
                    Output.complain("no draft written for [\(item.ref)] \(TerminalText.line(item.company)): \(TerminalText.line(item.kind)): \(refusal)")
                    refused += 1
                    continue
                }
                guard FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(text.utf8)) else {
                    Output.complain("no draft written for [\(item.ref)]: cannot write \(folder)/\(name): \(String(cString: strerror(errno)))")
                    refused += 1
                    failed = true
                    continue
                }
                written += 1
            }
            let notWritten = refused == 0 ? "" : "; \(refused) not written, as said above"
            Output.write("Wrote \(written) draft\(written == 1 ? "" : "s") to \(folder)\(notWritten) (open them in your mail client; Cadence sends nothing).\n")
            if !notMail.isEmpty {
                // Not an email, so not an .eml: its draft is in the agenda, to copy where it goes.
                Output.write("Not emails, so no .eml (their drafts are in 'cadence agenda'):\n" + notMail.joined(separator: "\n") + "\n")
            }
            Output.write("\n")
            return failed
        }
    }

    /// What done, skip and snooze share: find the item by its ref, decide, say so.
    struct Act: ParsableArguments {
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "The item's ref, as the agenda shows it (at least 3 characters).") var ref: String
        @Option(help: "Act as if today were this date (2026-03-02, or words such as 'last friday').") var asOf: String?

        func perform(_ action: String, on: String? = nil, until: String? = nil) throws {
            let day = try asOf.map { try dayFlag($0, field: "as-of", in: workspace) }
            let optional: (String?) -> LuaValue = { $0.map { LuaValue($0) } ?? .nil }
            let options: LuaTable = ["ref": LuaValue(ref), "action": LuaValue(action), "on": optional(on), "until": optional(until)]
            let said = try CadenceLua.call(workspace, asOf: day, name: "agenda", undoAs: "agenda \(action) \(ref)",
                                             "cadence.policy", "act_on", options, as: String.self)
            Output.write(said + "\n")
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark an item done: logs it (the message sent, the task done), so the cadence moves on.")
        @OptionGroup var act: Act
        @Option(help: "When you did it: a date or words such as 'yesterday' or 'last friday' (default: today).") var on: String?
        func run() throws { try reportingErrors { try act.perform("done", on: on) } }
    }

    struct Skip: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Drop an item: it does not come back (a skipped weekly touch counts as one).")
        @OptionGroup var act: Act
        func run() throws { try reportingErrors { try act.perform("skipped") } }
    }

    struct Snooze: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Put an item off until a later date.")
        @OptionGroup var act: Act
        @Option(help: "Until when: a date, or words such as '3 days' or 'next monday'.") var until: String
        func run() throws { try reportingErrors { try act.perform("snoozed", until: until) } }
    }
}
