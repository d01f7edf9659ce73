import CEditLine
import Foundation
import LuaBinding

/// What reading a line gave.
enum LineInput {
    case line(String)
    /// Ctrl-C at the prompt: drop what was being typed.
    case interrupted
    /// Ctrl-D, or the end of piped input.
    case end
}

/// Reads the REPL's lines: through libedit on a terminal (editing, history
/// kept across sessions, tab completion), plainly from a pipe.
protocol LineReader {
    func read(prompt: String) -> LineInput
    func close()
}

struct PipeReader: LineReader {
    func read(prompt: String) -> LineInput {
        readLine(strippingNewline: true).map(LineInput.line) ?? .end
    }
    func close() {}
}

/// The completion source libedit's C callback reaches. libedit is not
/// reentrant and the REPL has one prompt, so one global slot is honest.
nonisolated(unsafe) private var completer: ((String) -> [String])?
nonisolated(unsafe) private var pendingMatches: [String] = []

private func completionGenerator(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    if state == 0 {
        let prefix = text.map { String(cString: $0) } ?? ""
        pendingMatches = completer?(prefix) ?? []
    }
    guard !pendingMatches.isEmpty else { return nil }
    return strdup(pendingMatches.removeFirst())
}

final class EditLineReader: LineReader {
    let historyFile: String

    init(historyFile: String, complete: @escaping (String) -> [String]) {
        self.historyFile = historyFile
        completer = complete
        Self.readUTF8()
        cadence_editline_configure(completionGenerator)
        using_history()
        _ = read_history(historyFile)
    }

    /// libedit reads a character of several bytes only under a UTF-8
    /// LC_CTYPE, and a process starts in the "C" locale, where it drops every
    /// byte above 127: "Müller", "Straße" and "65.000 €" lose letters. Only the
    /// character type is set (the user's, else C.UTF-8): numbers and dates
    /// keep printing as Lua prints them.
    static func readUTF8() {
        let chosen = setlocale(LC_CTYPE, "")
        let codeset = chosen == nil ? "" : String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    func read(prompt: String) -> LineInput {
        // Only this file touches the prompt's flag: a static in a C header is
        // one variable per Swift file that uses it.
        cadence_prompt_catch_sigint()
        _ = cadence_prompt_take_interrupt()
        errno = 0
        guard let raw = readline(prompt) else {
            if cadence_prompt_take_interrupt() != 0 {
                Output.write("\n")
                return .interrupted
            }
            Output.write("\n")
            return .end
        }
        defer { free(raw) }
        let line = String(cString: raw)
        if cadence_prompt_take_interrupt() != 0 { return .interrupted }
        if !line.trimmingCharacters(in: .whitespaces).isEmpty { _ = add_history(raw) }
        return .line(line)
    }

    func close() {
        _ = write_history(historyFile)
        completer = nil
    }

    /// $XDG_STATE_HOME/cadence/history, else ~/.local/state/cadence/history.
    static func defaultHistoryFile() -> String {
        let environment = ProcessInfo.processInfo.environment
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        try? FileManager.default.createDirectory(atPath: state + "/cadence", withIntermediateDirectories: true)
        return state + "/cadence/history"
    }
}
