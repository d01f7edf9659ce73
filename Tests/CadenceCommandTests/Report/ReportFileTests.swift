import Foundation
import Testing

/// Where the page cannot be written is said as a sentence, exit 1, nothing written.
@Suite("The report's file")
struct ReportFileTests: WorkspaceSuite {
    let directory = Self.folder("report-file")

    @Test("a folder, no name or a missing folder for -o: a sentence each, exit 1, not a usage error")
    func unwritable() throws {
        _ = try Commands.cadence(["init", directory])
        for (output, said) in [(directory, "it is a folder"), ("", "-o names no file"), (directory + "/none/x.html", "there is no folder")] {
            let run = try cadence("report", "-o", output)
            #expect(run.status == 1 && run.error.contains(said) && !run.error.contains("Usage"), "\(output): \(run.error)")
        }
    }

    @Test("a file name with a line break, ESC or a bidi control is written as named and said on one line, escaped")
    func hostileName() throws {
        _ = try Commands.cadence(["init", directory])
        let name = directory + "/week\n\u{1B}[2J\u{202E}lmth.html"
        let run = try cadence("report", "-o", name)
        #expect(run.status == 0 && FileManager.default.fileExists(atPath: name), "\(run.error)")
        let said = run.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(said.count == 2 && said[0].hasPrefix("Wrote ") && !run.output.contains("\u{1B}") && !run.output.contains("\u{202E}"),
                "\(run.output.debugDescription)")
    }
}
