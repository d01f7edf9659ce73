/// Text in an iCalendar file (RFC 5545): the one owner of text that reaches
/// a calendar. A TEXT value (§3.3.11) escapes backslash, semicolon and comma,
/// writes a line break (LF or CRLF, or U+2028/9) as `\n`, and drops every
/// other control (a bare CR, ESC, NUL, DEL, C1), which TEXT may not hold, but
/// the tab; and every bidi control (`TerminalText.isBidiControl`), which a
/// calendar would obey in a title: a summary quotes several fields, and an
/// RLO in one would reverse the rest.
/// Content lines (§3.1) are folded at 75 octets without splitting a UTF-8
/// sequence. Checked on scalars: "\r\n" is one Character in Swift.
public enum CalendarText {
    /// `text` as a TEXT value.
    public static func escaped(_ text: String) -> String {
        // A CR is dropped, so a CRLF is its LF: one line break.
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", ";", ",": out.append("\\"); out.append(scalar)
            case "\n", "\u{2028}", "\u{2029}": out.append("\\"); out.append("n")
            case "\t": out.append(scalar)
            case _ where TerminalText.isHidden(scalar): continue  // every other control, and the bidi controls
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// A content line in lines of at most 75 octets; a continuation starts
    /// with a space (counted), and a UTF-8 sequence is never split. Lines end in CRLF when joined.
    public static func folded(_ line: String) -> String {
        var out = "", width = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if width + size > 75 {
                out += "\r\n "
                width = 1
            }
            out.unicodeScalars.append(scalar)
            width += size
        }
        return out
    }
}
