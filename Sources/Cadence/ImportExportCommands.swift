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
            Date, Salary, Location, Job URL, Notes, Contact, Source, Tags, Deadline, Interest, \
            and Cadence's own export); name others with --map. A row that matches an \
            application (same company and role, or the same posting URL) updates it, and what \
            changed is logged: import the same sheet every week. Every row is checked first: \
            if any is bad, each is listed with its line and nothing is imported.
              cadence import tracker.csv --map Employer=company --map "Job"=role
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The file (.csv or .json).") var file: String
    @Option(help: "csv or json (default: from the file's extension).") var format: String?
    @Option(name: .customLong("map"), help: ArgumentHelp("COLUMN=FIELD for a column not recognised (repeatable).", valueName: "column=field"))
    var mappings: [String] = []
    @Flag(help: "Import the good rows and report the bad ones, instead of importing nothing.") var skipInvalid = false
    @Option(help: "Whose applications (name or id); needed when there are several candidates.") var candidate: String?
    @Option(help: "dmy (02/03/2026 is 2 March) or mdy (US); by default an unambiguous date in the sheet decides.") var dateOrder: String?
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
        let report = try importer.run(into: store, candidate: candidate)
        Output.write("Imported \(file): \(report.summary)\n")
        for order in report.dateOrders { Output.write("  dates: \(order)\n") }
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
