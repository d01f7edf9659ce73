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

    /// A file-name-safe form of a company name or a kind: letters and digits, the rest as dashes.
    static func slug(_ text: String) -> String {
        let kept = text.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        return kept.split(separator: "-").joined(separator: "-")
    }
}
