import Foundation

/// Header fields of a mail message (RFC 5322, RFC 2047): the one owner of
/// text that reaches a mail header. A header field's text is checked on
/// Unicode scalars, where a CR or LF would begin a header of its own (a
/// `Bcc:`): a line break, any other control or a bidi control refuses it.
/// Non-ASCII text goes as RFC 2047 encoded-words (UTF-8, base64), each at most
/// 64 characters, and a field is folded before a space so that no line
/// passes 78 characters.
public enum MailHeader {
    /// Why a header field cannot be written: which field holds what.
    public struct Refusal: Error, CustomStringConvertible, Equatable {
        public var field: String
        public var problem: String
        public var description: String { "its \(field) \(problem)" }
    }

    /// Refuses `text` for the header field `field` when it holds a line
    /// break (CRLF too: one Character in Swift, two scalars), any other
    /// control, or a bidi control.
    public static func check(_ text: String, field: String) throws {
        if let problem = hiddenProblem(text) { throw Refusal(field: field, problem: problem) }
    }

    /// What `text` holds that a header cannot ("holds a line break (\r)"), or nil.
    static func hiddenProblem(_ text: String) -> String? {
        guard let bad = text.unicodeScalars.first(where: TerminalText.isHidden) else { return nil }
        let what = bad == "\r" || bad == "\n" ? "a line break"
            : TerminalText.isBidiControl(bad) ? "a bidi control" : "a control character"
        return "holds \(what) (\(TerminalText.line(String(bad))))"
    }

    /// `Name <email>` as tokens to fold (`folded`). The address must be one
    /// plain addr-spec (`EmailAddress`): a comma, a space or a second `<`
    /// would name more recipients than the one shown.
    public static func address(name: String?, email: String, field: String) throws -> [String] {
        if let problem = EmailAddress.problem(email) { throw Refusal(field: "\(field)'s address", problem: problem) }
        guard let name, !name.isEmpty else { return ["<\(email)>"] }
        try check(name, field: "\(field)'s name")
        return phrase(name) + ["<\(email)>"]
    }

    /// A display name: as it is, or quoted when it holds specials, or
    /// encoded-words when it is not plain ASCII (or too long to quote on a line).
    public static func phrase(_ name: String) -> [String] {
        guard isPlain(name) else { return encodedWords(name) }
        let specials = CharacterSet(charactersIn: "()<>[]:;@\\,.\"")
        guard name.unicodeScalars.contains(where: specials.contains) else { return words(name) }
        let quoted = "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return quoted.utf8.count <= 64 ? [quoted] : encodedWords(name)
    }

    /// Unstructured text (a subject) as tokens to fold: its ASCII words as
    /// they are, when each fits a line; else encoded-words, which carry
    /// every space of the text themselves.
    public static func words(_ text: String) -> [String] {
        // Text that would read back otherwise goes encoded: "=?" (an
        // encoded-word's own start), and spaces that folding would not keep.
        guard isPlain(text), !text.contains("=?"), !text.hasPrefix(" "), !text.hasSuffix(" "), !text.contains("  ") else {
            return encodedWords(text)
        }
        let tokens = text.split(separator: " ").map(String.init)
        return tokens.allSatisfy({ $0.utf8.count <= 64 }) ? tokens : encodedWords(text)
    }

    /// RFC 2047 base64 words of UTF-8, each at most 64 characters, never
    /// splitting a scalar.
    public static func encodedWords(_ text: String) -> [String] {
        var words: [String] = [], chunk: [UInt8] = []
        func flush() {
            if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
            chunk = []
        }
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            // 39 bytes are 52 characters of base64; with the 12 of =?UTF-8?B??= a word is 64.
            if chunk.count + bytes.count > 39 { flush() }
            chunk += bytes
        }
        flush()
        return words
    }

    /// `Name: tokens`, joined by spaces and folded before a space (CRLF and
    /// the space) so that no line passes 78 characters: every token is at
    /// most 64, and a header name at most 12.
    public static func folded(_ name: String, _ tokens: [String]) -> String {
        var lines = [name + ":"]
        for token in tokens {
            let last = lines[lines.count - 1]
            if last.utf8.count + 1 + token.utf8.count > 78 && last != name + ":" {
                lines.append(" " + token)
            } else {
                lines[lines.count - 1] += " " + token
            }
        }
        return lines.joined(separator: "\r\n")
    }

    /// Printable ASCII, no control.
    static func isPlain(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.isASCII && !TerminalText.isHidden($0) }
    }
}
