/// The body of a mail message, as text/plain in UTF-8 (RFC 2045, RFC 5322):
/// CRLF line ends (a CRLF or an LF is a line break; a lone CR, which a mail
/// client may show as one or not, is dropped). Every other control but the
/// tab, and the bidi controls (`TerminalText.isHidden`), are dropped too, as
/// a header refuses them: a body quotes a name and a company among the
/// template's words, an RLO in one would reverse the rest of its line, and
/// an ESC sequence would act on the terminal of whoever cats the draft. It
/// goes 8bit unless a line is longer than 8bit allows (998 octets); then quoted-printable.
public enum MailBody {
    /// The Content-Transfer-Encoding and the encoded body, ending in CRLF.
    public static func encoded(_ text: String) -> (encoding: String, content: String) {
        var lines: [[UInt8]] = [[]]
        var text = text
        if TerminalText.holdsHidden(text, keepingNewlines: true, keepingTabs: true) {
            let dropped = { (s: Unicode.Scalar) in TerminalText.isHidden(s) && s != "\n" && s != "\t" && s != "\r" }
            text = String(String.UnicodeScalarView(text.unicodeScalars.filter { !dropped($0) }))
        }
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
    /// as it is, other octets as =XX, a space or tab at the line's end
    /// encoded, and soft line breaks ("=" CRLF) keeping lines within 76.
    static func quotedPrintable(_ line: [UInt8]) -> String {
        let hex = Array("0123456789ABCDEF")
        var out: [String] = [""]
        for (i, byte) in line.enumerated() {
            let plain = (33...126).contains(byte) && byte != 61 || (byte == 32 || byte == 9) && i < line.count - 1
            let piece = plain ? String(UnicodeScalar(byte)) : "=" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            if out[out.count - 1].utf8.count + piece.utf8.count > 75 { out.append("") }
            out[out.count - 1] += piece
        }
        return out.joined(separator: "=\r\n")
    }
}
