import CadenceCore
import Foundation

/// A follow-up's draft as an RFC 5322 message a mail client opens as a draft
/// (X-Unsent: 1): the one owner of the mail sink. Header fields are checked on
/// Unicode scalars: a line break, any other control or a bidi control in one
/// (where a CRLF would start a header of its own, a `Bcc:`) refuses the whole
/// draft, named. Non-ASCII header text goes as RFC 2047 encoded-words (UTF-8,
/// base64), each at most 75 characters, on lines of at most 78. The body is
/// UTF-8 text with CRLF line ends, 8bit, or quoted-printable when a line is
/// too long for 8bit. Cadence never sends it.
struct MailDraft {
    struct Address {
        var name: String?
        var email: String?
    }

    /// Why a draft cannot be written: which header field holds what.
    struct Refusal: Error, CustomStringConvertible {
        var field: String
        var problem: String
        var description: String { "its \(field) \(problem)" }
    }

    var from: Address
    var to: Address?
    var subject: String
    var body: String

    /// The message, or a refusal naming the header field that cannot be written safely.
    func text() throws -> String {
        var headers: [String] = []
        if let from = try MailDraft.address(from, field: "sender") { headers.append(MailDraft.folded("From", from)) }
        if let to, let address = try MailDraft.address(to, field: "recipient") { headers.append(MailDraft.folded("To", address)) }
        try MailDraft.check(subject, field: "subject")
        let (encoding, content) = MailDraft.body(body)
        headers += [
            MailDraft.folded("Subject", MailDraft.words(subject)),
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: " + encoding,
            "X-Unsent: 1",
        ]
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + content
    }

    /// A header field's text must be one line of shown characters: a CR or LF
    /// (CRLF included: one Character in Swift, two scalars), any other
    /// control, or a bidi control refuses it.
    static func check(_ text: String, field: String) throws {
        guard let bad = text.unicodeScalars.first(where: TerminalText.isHidden) else { return }
        let what = bad == "\r" || bad == "\n" ? "a line break" : bad.value < 0x20 || (0x7F...0x9F).contains(bad.value) ? "a control character" : "a bidi control"
        throw Refusal(field: field, problem: "holds \(what) (\(TerminalText.line(String(bad))))")
    }

    /// `"Name" <email>` as tokens to fold, or nil when there is no address.
    /// The address must be one plain addr-spec: a comma, a space or a second
    /// `<` would name more recipients than the one shown.
    static func address(_ address: Address, field: String) throws -> [String]? {
        guard let email = address.email, !email.isEmpty else { return nil }
        try check(email, field: "\(field)'s address")
        let specials = Set("()<>[]:;@\\,\" ".unicodeScalars)
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, email.allSatisfy(\.isASCII),
              !email.unicodeScalars.contains(where: { $0 != "@" && specials.contains($0) }) else {
            throw Refusal(field: "\(field)'s address", problem: "is not one plain address (\(TerminalText.line(email)))")
        }
        guard let name = address.name, !name.isEmpty else { return ["<\(email)>"] }
        try check(name, field: "\(field)'s name")
        return phrase(name) + ["<\(email)>"]
    }

    /// A display name: as it is, or quoted when it holds specials, or
    /// encoded-words when it is not plain ASCII.
    static func phrase(_ name: String) -> [String] {
        guard name.unicodeScalars.allSatisfy({ $0.isASCII && !TerminalText.isHidden($0) }) else { return encodedWords(name) }
        let specials = CharacterSet(charactersIn: "()<>[]:;@\\,.\"")
        guard name.unicodeScalars.contains(where: specials.contains) else { return words(name) }
        let quoted = "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        // A quoted string is one token: too long to fold, it goes as encoded-words instead.
        return quoted.utf8.count <= 70 ? [quoted] : encodedWords(name)
    }

    /// Unstructured text (a subject) as tokens to fold: ASCII words as they
    /// are when each fits a line, else encoded-words.
    static func words(_ text: String) -> [String] {
        let ascii = text.unicodeScalars.allSatisfy { $0.isASCII && !TerminalText.isHidden($0) }
        // An encoded-word's own form is not taken for one at the start of ASCII text: "=?" goes encoded too.
        guard ascii, !text.contains("=?"), !text.hasPrefix(" "), !text.hasSuffix(" "), !text.contains("  ") else {
            return encodedWords(text)
        }
        let tokens = text.split(separator: " ").map(String.init)
        return tokens.allSatisfy({ $0.utf8.count <= 70 }) ? tokens : encodedWords(text)
    }

    /// RFC 2047 base64 words of UTF-8, each at most 64 characters (so that
    /// the longest header name and a word fit a 78-character line), never
    /// splitting a scalar. Space between encoded-words is not text: the words
    /// carry every space of `text` themselves.
    static func encodedWords(_ text: String) -> [String] {
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

    /// `Name: tokens`, the tokens joined by spaces and folded before a space
    /// (CRLF and the space) so that no line passes 78 characters.
    static func folded(_ name: String, _ tokens: [String]) -> String {
        var lines = [name + ":"]
        for token in tokens {
            if lines[lines.count - 1].utf8.count + 1 + token.utf8.count > 78 && lines[lines.count - 1].contains(" ") {
                lines.append(" " + token)
            } else {
                lines[lines.count - 1] += " " + token
            }
        }
        return lines.joined(separator: "\r\n")
    }

    /// The body: CRLF line ends (a CRLF or LF is a line break, a lone CR is
    /// dropped); 8bit unless a line is longer than 8bit allows (998 octets)
    /// or holds a NUL, then quoted-printable.
    static func body(_ text: String) -> (encoding: String, content: String) {
        var lines: [[UInt8]] = [[]]
        for byte in text.utf8 {
            switch byte {
            case 0x0A: lines.append([])
            case 0x0D: continue
            default: lines[lines.count - 1].append(byte)
            }
        }
        if lines.allSatisfy({ $0.count <= 998 && !$0.contains(0) }) {
            return ("8bit", lines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\r\n") + "\r\n")
        }
        return ("quoted-printable", lines.map(quotedPrintable).joined(separator: "\r\n") + "\r\n")
    }

    /// One line as quoted-printable (RFC 2045 §6.7): printable ASCII but `=`
    /// as it is, other octets as =XX, a space or tab at the end encoded, and
    /// soft line breaks ("=" CRLF) keeping each line within 76 characters.
    static func quotedPrintable(_ line: [UInt8]) -> String {
        var out: [String] = [""]
        for (i, byte) in line.enumerated() {
            let last = i == line.count - 1
            let plain = (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !last)
            let piece = plain ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte)
            if out[out.count - 1].utf8.count + piece.utf8.count > 75 { out.append("") }
            out[out.count - 1] += piece
        }
        return out.joined(separator: "=\r\n")
    }

    /// A file-name-safe form of a company name.
    static func slug(_ text: String) -> String {
        let kept = text.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        return kept.split(separator: "-").joined(separator: "-")
    }
}
