import CadenceCore
import Foundation

/// What a package's text file may hold: every file of a package (its Lua,
/// its manifest, its signature) is read by a person before they trust it,
/// in `policy update`'s diff or on their terminal. So it is UTF-8 text with
/// no control character but tab and line ends (no NUL, which makes `diff`
/// call the file binary and show nothing of it; no ESC, DEL or C1, which a
/// terminal obeys) and no bidi control (which shows code in another order
/// than it runs: "Trojan Source"). Checked scalar by scalar ("\r\n" is one
/// Swift Character), line by line, so the refusal can name the line.
public enum PackageText {
    /// Why `data`, the file `name`, is not a package's text, naming its line; nil when it is.
    public static func problem(in data: Data, name: String) -> String? {
        guard let text = String(validating: data, as: UTF8.self) else {
            let line = data.split(separator: 0x0A, omittingEmptySubsequences: false)
                .firstIndex { String(validating: $0, as: UTF8.self) == nil }.map { $0 + 1 } ?? 1
            return "\(PackageFiles.visible(name)), line \(line): is not UTF-8 text; a package's files are text"
        }
        var line = 1
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            if scalar == "\n" { line += 1; continue }
            // A CR ends a line only before a LF: alone, Lua reads a line break where a terminal returns to the
            // line's start, so code before it hides under what follows (what a reviewer reads is not what runs).
            if scalar == "\t" || (scalar == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n") { continue }
            let what: String
            if scalar == "\r" {
                what = "a carriage return not followed by a line feed, which a terminal shows by writing over the line"
            } else if scalar.value == 0 {
                what = "a NUL (U+0000), which makes the file look binary, so no diff would show it"
            } else if PackageFiles.isControl(scalar) {
                what = "a control character (U+\(PackageFiles.hex(scalar))), which a terminal may obey"
            } else if PackageFiles.isBidiControl(scalar) {
                what = "a bidi control (U+\(PackageFiles.hex(scalar))), which shows the text in another order than it runs"
            } else {
                continue
            }
            return "\(PackageFiles.visible(name)), line \(line): holds \(what); a package's files hold no control character but tab and line ends"
        }
        return nil
    }

    /// Throws when any of `files` is not a package's text; `location` names the package.
    public static func check(_ files: [String: Data], in location: String) throws {
        for name in files.keys.sorted() {
            if let problem = problem(in: files[name]!, name: name) {
                throw DomainError.invalid(field: location, "\(problem): refused")
            }
        }
    }
}
