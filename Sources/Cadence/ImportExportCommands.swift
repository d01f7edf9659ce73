import ArgumentParser
import CadenceCore
import CadenceStore
import Foundation

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import applications from a CSV file (merging with what is there), or a whole workspace from Cadence's JSON.",
        discussion: """
            CSV columns are recognised by their headers (Company, Company Name, Job Title, Job \
            Position, Status, Date Saved, Date Applied, Interview Date, Offer Date, Rejected \
            Date, Status Date / Last Updated, Salary, Location, Job URL, Notes, Contact, Recruiter, \
            Hiring Manager, Source, Tags, Deadline, Interest, and Cadence's own export); name \
            others with --map. A row that matches an \
            application (same company and role, or the same posting URL) updates it, and what \
            changed is logged: import the same sheet every week. Every row is checked first: \
            if any is bad, each is listed with its line and nothing is imported.
            A status is a dated fact (as of the sheet's Status Date, Updated or Last Contact \
            column, else today): it never overrides what you logged that day or later, never \
            moves an application back, and a re-import never undoes your correction. \
            Statuses such as Onsite or Phone Screen are logged as the interview or screen they \
            mean; name others with --map-status. Recruiter and Hiring Manager columns become \
            contacts with those roles.
              cadence import tracker.csv --map Employer=company --map "Job"=role
              cadence import tracker.csv --map-status 'Talking=screening' --currency USD
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The file (.csv or .json).") var file: String
    @Option(help: "csv or json (default: from the file's extension).") var format: String?
    @Option(name: .customLong("map"), help: ArgumentHelp("COLUMN=FIELD for a column not recognised (repeatable).", valueName: "column=field"))
    var mappings: [String] = []
    @Option(name: .customLong("map-status"), help: ArgumentHelp(
        "TEXT=STAGE for a status the sheet uses that Cadence does not know (repeatable); STAGE is a stage or 'archived'.",
        valueName: "text=stage"))
    var statusMappings: [String] = []
    @Option(help: "The currency of an amount written without one (default: the candidate's region's).") var currency: String?
    @Flag(help: "Import the good rows and report the bad ones, instead of importing nothing.") var skipInvalid = false
    @Option(help: "Whose applications (name or id); needed when there are several candidates.") var candidate: String?
    @Option(help: "dmy (02/03/2026 is 2 March) or mdy (US); by default an unambiguous date in the sheet decides, else the candidate's region.")
    var dateOrder: String?
    @Flag(help: "JSON: add an export's records to a workspace that already holds a search.") var merge = false

    func run() throws {
        try reportingErrors {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw StoreError.invalid("cannot read \(file)")
            }
            let kind = format ?? (file.lowercased().hasSuffix(".json") ? "json" : "csv")
            let store = try workspace.open()
            switch kind {
            case "json": try importJSON(data, into: store)
            case "csv": try importCSV(data, into: store)
            default: throw ValidationError("--format is csv or json")
            }
        }
    }

    func importJSON(_ data: Data, into store: Store) throws {
        let snapshot = try WorkspaceSnapshot.decode(data)
        let what = "\(snapshot.candidates.count) candidate\(snapshot.candidates.count == 1 ? "" : "s") "
            + "(\(snapshot.candidates.map(\.name).joined(separator: ", "))), \(snapshot.applications.count) applications, "
            + "\(snapshot.events.count) events"
        try store.write("import \(file)") { ws in
            // Another person's search must not slip into this one: adding to a search is said on purpose.
            guard try ws.isEmpty || merge else {
                throw StoreError.invalid("""
                    this workspace already holds a search; \(file) would add \(what) beside it. \
                    To add them, import with --merge; to restore a backup, import into an empty workspace \
                    (cadence init DIR, then --workspace DIR)
                    """)
            }
            try ws.add(snapshot)
        }
        Output.write("Imported \(what) from \(file)\n")
    }

    func importCSV(_ data: Data, into store: Store) throws {
        guard let text = String(data: data, encoding: .utf8) else {
            throw StoreError.invalid("\(file) is not UTF-8 text (save it from your spreadsheet as 'CSV UTF-8')")
        }
        var importer = CSVImport(file: file, text: text)
        importer.skipInvalid = skipInvalid
        if let dateOrder {
            guard let order = DateParsing.Order(rawValue: dateOrder) else { throw ValidationError("--date-order is dmy or mdy") }
            importer.dateOrder = order
        }
        for mapping in mappings {
            let parts = mapping.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw ValidationError("--map takes COLUMN=FIELD, got '\(mapping)'") }
            importer.mapping[parts[0]] = parts[1]
        }
        for mapping in statusMappings {
            // The status may hold '=' itself ("Stage=2"): the stage is after the last one.
            guard let equals = mapping.lastIndex(of: "="), !mapping[..<equals].trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("--map-status takes TEXT=STAGE (e.g. 'Talking=screening'), got '\(mapping)'")
            }
            let text = String(mapping[..<equals])
            importer.statusMapping[SheetStatus.key(text)] = try SheetStatus(naming: String(mapping[mapping.index(after: equals)...]))
        }
        if let currency {
            let code = currency.trimmingCharacters(in: .whitespaces).uppercased()
            guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw ValidationError("--currency is a three-letter code such as USD, EUR or GBP, got '\(currency)'")
            }
            importer.currency = code
        }
        let report: CSVImport.Report
        do {
            report = try importer.run(into: store, candidate: candidate)
        } catch let unknown as CSVImport.UnknownStatuses {
            throw StoreError.invalid(unknown.description + "\n" + mappingAdvice(unknown))
        }
        Output.write("Imported \(file): \(report.summary)\n")
        if report.added + report.updated == 0 && report.skipped.isEmpty {
            Output.write("  nothing changed: the workspace already holds what \(file) says\n")
        }
        for change in report.changes { Output.write("  \(change)\n") }
        for order in report.dateOrders { Output.write("  dates: \(order)\n") }
        if let amounts = report.bareAmounts { Output.write("  amounts: \(amounts)\n") }
        if !report.ignored.isEmpty {
            Output.write("  ignored columns: \(report.ignored.map(TerminalText.line).joined(separator: ", ")) (name one with --map COLUMN=FIELD)\n")
        }
        if !report.skipped.isEmpty {
            StandardError.write("Skipped \(report.skipped.count) bad row\(report.skipped.count == 1 ? "" : "s"):\n"
                + report.skipped.map { "  " + TerminalText.message($0.located(in: file), indent: "    ") + "\n" }.joined())
        }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the workspace: JSON (everything, lossless) or CSV (applications with their dated stage history).",
        discussion: """
            Export writes data, exact, for a program or a spreadsheet to read: to a \
            file (-o FILE) or through a pipe or a redirection. JSON writes every \
            control and bidi control inside a string as a \\u escape, the same text to a \
            reader, so it may go to a terminal too. CSV keeps every character as it \
            is, so it is not written to a terminal, where a control in a field would \
            act: redirect it to a file or use -o FILE.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @Option(help: "json or csv.") var format: String = "json"
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

    func run() throws {
        try reportingErrors {
            let store = try workspace.open()
            let data: Data
            switch format {
            case "json":
                let json = String(decoding: try store.read { ws in try ws.snapshot() }.encoded(), as: UTF8.self)
                data = Data((JSONOutput.inert(json) + "\n").utf8)
            case "csv":
                // A spreadsheet must get the real text; a terminal must not.
                guard output != nil || isatty(1) == 0 else {
                    throw StoreError.invalid("export writes data, not text to read: redirect it to a file or use -o FILE")
                }
                data = Data(try store.read { ws in try ws.csv() }.utf8)
            default: throw ValidationError("--format is json or csv")
            }
            if let output {
                guard FileManager.default.createFile(atPath: output, contents: data) else {
                    throw StoreError.invalid("cannot write \(output)")
                }
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
    }
}

extension Import {
    /// How to name statuses the import does not know: this very command, with
    /// a `--map-status` for each, the stage guessed for the person to check.
    func mappingAdvice(_ unknown: CSVImport.UnknownStatuses) -> String {
        let stages = Stage.allCases.map(\.rawValue).joined(separator: ", ")
        let command = (["cadence"] + CommandLine.arguments.dropFirst()).map { shellQuoted($0) }
            + unknown.statuses.map { "--map-status " + shellQuoted("\($0.text)=\($0.guess)", always: true) }
        return "Say what each means (a stage: \(stages); or archived), checking the stage guessed:\n  "
            + command.joined(separator: " ")
    }
}

/// A word as a POSIX shell reads it back: plain when it can be, else in single quotes.
func shellQuoted(_ word: String, always: Bool = false) -> String {
    let plain = !always && !word.isEmpty && word.unicodeScalars.allSatisfy {
        ($0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)) || "-_./=:@,+%".unicodeScalars.contains($0)
    }
    return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
