import Foundation

/// A follow-up's draft as an RFC 5322 message a mail client opens as a draft
/// (X-Unsent: 1): plain UTF-8 text, CRLF lines, non-ASCII header words
/// encoded as RFC 2047 words. Cadence never sends it.
struct MailDraft {
    struct Address {
        var name: String?
        var email: String?

        /// `"Name" <email>`, or just the name as a comment when there is no address.
        var header: String? {
            guard let email, !email.isEmpty else { return nil }
            guard let name, !name.isEmpty else { return "<\(email)>" }
            return "\(MailDraft.phrase(name)) <\(email)>"
        }
    }

    var from: Address
    var to: Address?
    var subject: String
    var body: String

    var text: String {
        var headers: [String] = []
        if let from = from.header { headers.append("From: " + from) }
        if let to = to?.header { headers.append("To: " + to) }
        headers += [
            "Subject: " + MailDraft.encoded(subject),
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
            "X-Unsent: 1",
        ]
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A display name: quoted when it holds specials, encoded when not ASCII.
    static func phrase(_ name: String) -> String {
        if !name.allSatisfy(\.isASCII) { return encoded(name) }
        let specials = CharacterSet(charactersIn: "()<>[]:;@\\,.\"")
        if name.unicodeScalars.contains(where: specials.contains) {
            return "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        return name
    }

    /// ASCII as it is; anything else as RFC 2047 base64 words of at most 75
    /// characters each, never splitting a character.
    static func encoded(_ text: String) -> String {
        if text.allSatisfy({ $0.isASCII && $0 != "\r" && $0 != "\n" }) { return text }
        var words: [String] = [], chunk = Data()
        func flush() {
            if !chunk.isEmpty { words.append("=?UTF-8?B?" + chunk.base64EncodedString() + "?=") }
            chunk = Data()
        }
        for character in text {
            let bytes = Data(String(character).utf8)
            // 45 bytes encode to 60 characters: with the 12 of =?UTF-8?B??= a word stays under 75.
            if chunk.count + bytes.count > 45 { flush() }
            chunk.append(bytes)
        }
        flush()
        return words.joined(separator: "\r\n ")
    }

    /// A file-name-safe form of a company name.
    static func slug(_ text: String) -> String {
        let kept = text.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        return kept.split(separator: "-").joined(separator: "-")
    }
}
