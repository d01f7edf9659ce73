import ArgumentParser
import CadenceCore
import CadenceStore
import Foundation

/// Aligned text tables and JSON, the two shapes of every listing.
enum Output {
    /// Columns padded to their widest cell; the header underlined. A cell is
    /// one line, whatever its text holds (`TerminalText.line`).
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "(none)\n" }
        let rows = rows.map { $0.map(TerminalText.line) }
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                i == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }
        return ([line(header), line(rule)] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// JSON as it is printed: inert on a terminal (`JSONOutput.inert`).
    static func json<T: Encodable>(_ value: T) throws -> String {
        JSONOutput.inert(try JSONOutput.text(value))
    }

    /// An instant's day as its candidate lives it, in their time zone
    /// (`WorkspaceService.timeZone(ofApplication:)`): the day the agenda and
    /// the Lua API give. Every day or time the text output shows comes
    /// through here, `Timestamps.dateTime` (listings) or `Output.spoken`
    /// (the replies of writes); JSON keeps the instants themselves.
    static func day(_ date: Date?, in timeZone: String) -> String {
        date.map { Timestamps.day($0, in: timeZone) } ?? ""
    }

    /// Writes what a command says to standard output, through the terminal's
    /// owner (`TerminalText.output`): its line breaks stay, any other control
    /// or bidi control left in it is shown as an escape.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(TerminalText.output(text).utf8))
    }

    /// "cadence: message" on standard error: a message quoting input or a
    /// package's words, cut at `TerminalText.messageLimit` and its lines indented.
    static func complain(_ message: String) {
        StandardError.write("cadence: " + TerminalText.message(message) + "\n")
    }
}

/// Runs a command's body; a refusal from the domain or the store becomes
/// `cadence: message` on stderr and exit status 1, with nothing changed.
func reportingErrors(_ body: () throws -> Void) throws {
    defer { warnOfStoredProblems() }
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as CleanExit {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch {
        Output.complain("\(error)")
        throw ExitCode.failure
    }
}

/// A day given on the command line: a date or a phrase ("friday", "in 2
/// weeks", "12/18/2026"), read as the candidate it is for writes dates
/// (`WorkspaceService.dateReading`: their today, their order, their week).
func dayFlag(_ text: String, field: String, lean: DatePhrase.Lean = .future, reading: DateReading) throws -> LocalDate {
    try reading.day(text, lean: lean, field: field)
}

/// A day given on the command line, read as the workspace's first candidate reads it.
func dayFlag(_ text: String, field: String, lean: DatePhrase.Lean = .future, in workspace: WorkspaceOptions) throws -> LocalDate {
    try dayFlag(text, field: field, lean: lean, reading: try workspace.open().read { try $0.dateReading() })
}

extension Output {
    /// "Thu 3 Dec 2026 at 14:00": an instant as a reply says it, the time
    /// left out where none was given (a day alone is kept at noon).
    static func spoken(_ moment: DateReading.Moment, in timeZone: String) -> String {
        Timestamps.spoken(moment.instant, in: timeZone, time: moment.hasTime)
    }

    /// The notes of a reading (which Friday "next friday" took), one line
    /// each, after the reply of the write they were read for.
    static func notes(of reading: DateReading) {
        for note in reading.notes { write("  note: " + note + "\n") }
    }
}

/// Rows a read passed over or read in part (see `StoredProblems`), as warnings.
func warnOfStoredProblems() {
    for problem in StoredProblems.take() { Output.complain("warning: \(problem)") }
}

/// What a command refuses or cannot do, in one line ("cadence: …", exit status 1). A
/// mistake in the command line itself is a ValidationError instead (the usage, 64).
struct Refusal: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
