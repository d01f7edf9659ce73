import CadenceCore
import Foundation

/// A follow-up's draft as an RFC 5322 message a mail client opens as a draft
/// (X-Unsent: 1): headers through `MailHeader` (a field with a line break, a
/// control or a bidi control refuses the draft), the body through
/// `MailBody` (UTF-8 text, CRLF lines). Cadence never sends it.
struct MailDraft {
    struct Address {
        var name: String?
        var email: String?
    }

    var from: Address
    var to: Address?
    var subject: String
    var body: String

    /// The message, or a `MailHeader.Refusal` naming the header field that cannot be written safely.
    func text() throws -> String {
        var headers: [String] = []
        if let email = from.email, !email.isEmpty {
            headers.append(MailHeader.folded("From", try MailHeader.address(name: from.name, email: email, field: "sender")))
        }
        if let to, let email = to.email, !email.isEmpty {
            headers.append(MailHeader.folded("To", try MailHeader.address(name: to.name, email: email, field: "recipient")))
        }
        try MailHeader.check(subject, field: "subject")
        let body = MailBody.encoded(body)
        headers += [
            MailHeader.folded("Subject", MailHeader.words(subject)),
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: " + body.encoding,
            "X-Unsent: 1",
        ]
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + body.content
    }

    /// The longest a slug in a draft's file name gets, in bytes: with a date,
    /// a kind's slug and a ref, a name stays far inside the 255 bytes a file
    /// system allows, whatever the company is called.
    static let slugLimit = 60

    /// A file-name-safe form of a company name or a kind: letters and digits,
    /// the rest as dashes; at most `limit` bytes of UTF-8, cut between
    /// characters (a file name is bytes, and a file system allows 255).
    static func slug(_ text: String, limit: Int = slugLimit) -> String {
        let kept = text.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        var slug = "", bytes = 0
        for character in kept.split(separator: "-").joined(separator: "-") {
            bytes += character.utf8.count
            if bytes > limit { break }
            slug.append(character)
        }
        return slug.hasSuffix("-") ? String(slug.dropLast()) : slug
    }
}
