/// Text as it may reach a terminal: the one owner of that sink. A terminal
/// obeys what it is sent: ESC and C1 sequences move the cursor, erase lines
/// and write the clipboard (OSC 52); bidi controls reorder what the eye
/// reads; a CR or a line break lets text pose as a line of Cadence's own (an
/// agenda item, a `from:` line). So every control and bidi control in text
/// Cadence did not write itself is shown as an escape, the way a Swift
/// string literal writes it:
///
///     \0  \t  \n  \r        NUL, tab, line feed, carriage return
///     \u{1b}  \u{9b}  \u{202e}   any other: its scalar value, in hex
///
/// (C0 controls, DEL, C1 controls U+0080–U+009F, U+061C, U+200E/F,
/// U+202A–202E, U+2066–2069, and the line and paragraph separators
/// U+2028/9.) A backslash of the text itself is left as it is. Everything is
/// checked on Unicode scalars: "\r\n" is one Character in Swift.
public enum TerminalText {
    /// Whether `scalar` is one a terminal would act on or reorder by, rather than show.
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E...0x200F, 0x2028...0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Whether `scalar` is a bidi control (U+061C, U+200E/F, U+202A–202E,
    /// U+2066–2069): it reorders the text around it rather than showing. A
    /// calendar and a mail body drop them; a mail header refuses them.
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E...0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Whether `text` holds a hidden scalar other than those `kept` names
    /// (line feed, tab), read on its UTF-8 bytes: the same set as `isHidden`,
    /// without decoding a scalar. Every line Cadence prints passes here (an
    /// agenda of ten thousand applications is megabytes), and nearly all of it
    /// is plain text, so the common answer must be cheap.
    public static func holdsHidden(_ text: String, keepingNewlines: Bool = false, keepingTabs: Bool = false) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x20 {
                    if !((b == 0x0A && keepingNewlines) || (b == 0x09 && keepingTabs)) { return true }
                } else if b == 0x7F {
                    return true
                } else if b >= 0xC2 {
                    let next = i + 1 < n ? bytes[i + 1] : 0, third = i + 2 < n ? bytes[i + 2] : 0
                    switch b {
                    case 0xC2 where (0x80...0x9F).contains(next): return true  // C1 controls
                    case 0xD8 where next == 0x9C: return true  // U+061C
                    case 0xE2 where next == 0x80 && (third == 0x8E || third == 0x8F || (0xA8...0xAE).contains(third)): return true
                    case 0xE2 where next == 0x81 && (0xA6...0xA9).contains(third): return true  // U+2066–2069
                    default: break
                    }
                }
                i += 1
            }
            return false
        }
    }

    /// `scalar` as it is shown: itself, or its escape.
    static func shown(_ scalar: Unicode.Scalar) -> String {
        guard isHidden(scalar) else { return String(scalar) }
        switch scalar {
        case "\0": return "\\0"
        case "\t": return "\\t"
        case "\n": return "\\n"
        case "\r": return "\\r"
        default: return "\\u{" + String(scalar.value, radix: 16) + "}"
        }
    }

    /// The user's words as one line of plain prose, for a sentence of a
    /// letter or a talking point, where an escape such as `line` shows would
    /// be noise: a terminal's escape sequence (CSI, or OSC ended by BEL or
    /// ST) left out whole, bidi controls left out, every other hidden scalar
    /// (line breaks, tabs, C0 and C1 controls, U+2028/2029) a space, spaces
    /// run together and trimmed. `plainLine("on-call\r\nBcc: x")` is "on-call Bcc: x".
    public static func plainLine(_ text: String) -> String {
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            if s[i] == "\u{1B}", i + 1 < s.count, let end = sequenceEnd(s, from: i) {
                i = end
                continue
            }
            let c = s[i]
            i += 1
            if isBidiControl(c) { continue }
            let shown: Unicode.Scalar = isHidden(c) ? " " : c
            // One space for a run, none at the start.
            if shown == " ", out.isEmpty || out.last == " " { continue }
            out.append(shown)
        }
        if out.last == " " { out.removeLast() }
        return String(out)
    }

    /// Where the escape sequence starting at `start` (an ESC) ends: after a
    /// CSI's final byte, or after an OSC's BEL or ST; nil when it is no
    /// complete sequence (the ESC is then a control like any other).
    static func sequenceEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        var j = start + 2
        switch s[start + 1] {
        case "[":
            while j < s.count, (0x30...0x3F).contains(s[j].value) { j += 1 }   // parameters
            while j < s.count, (0x20...0x2F).contains(s[j].value) { j += 1 }   // intermediates
            return j < s.count && (0x40...0x7E).contains(s[j].value) ? j + 1 : nil
        case "]":
            while j < s.count, s[j] != "\u{07}", s[j] != "\u{1B}" { j += 1 }
            if j < s.count, s[j] == "\u{07}" { return j + 1 }
            return j + 1 < s.count && s[j + 1] == "\\" ? j + 2 : nil
        default:
            return nil
        }
    }

    /// Text that must stay on one line (a name, a subject, a table cell):
    /// every hidden scalar, line breaks too, shown as its escape.
    public static func line(_ text: String) -> String {
        guard holdsHidden(text) else { return text }
        return escaping(text) { _ in true }
    }

    /// `text` with each hidden scalar that `escapes` shows as its escape.
    static func escaping(_ text: String, _ escapes: (Unicode.Scalar) -> Bool) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isHidden(scalar) && escapes(scalar) { out.append(contentsOf: shown(scalar).unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }

    /// Text of several lines (a reason, a note, a draft, an error): its line
    /// breaks (LF, or CRLF) are kept, and every line after the first begins
    /// with `indent`, so that none starts where Cadence starts its own lines;
    /// an empty line stays empty. Everything else as `line`.
    public static func lines(_ text: String, indent: String) -> String {
        guard holdsHidden(text, keepingNewlines: true) || text.utf8.contains(0x0A) else { return text }
        let unified = text.unicodeScalars.contains("\r") ? text.replacingCRLF() : text
        // Split on scalars: a line feed is never hidden inside a Character.
        return unified.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().map { i, part in
                let shown = line(String(String.UnicodeScalarView(part)))
                return i == 0 || shown.isEmpty ? shown : indent + shown
            }.joined(separator: "\n")
    }

    /// Text Cadence composed itself, ready to write: its line breaks are
    /// Cadence's and stay, and so do tabs (a diff's; a tab only moves right,
    /// it cannot erase or start a line); anything else hidden is shown as its escape. Every
    /// command's output passes here last, so that what a field's owner
    /// missed still cannot act on the terminal.
    public static func output(_ text: String) -> String {
        guard holdsHidden(text, keepingNewlines: true, keepingTabs: true) else { return text }
        return escaping(text) { $0 != "\n" && $0 != "\t" }
    }

    /// The most of a message (an error a package raised, a reason quoting
    /// input) that is shown: the rest is counted, not printed.
    public static let messageLimit = 2_000

    /// A message quoting text from outside kept on ONE line (a package's
    /// error at the top of the agenda, where a line of its own could pose as
    /// an item however it is indented): cut as `message`, its line breaks shown as `\n`.
    public static func messageLine(_ text: String, limit: Int = messageLimit) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > limit else { return line(text) }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: scalars.prefix(limit))
        return line(String(kept)) + "… (\(scalars.count - limit) more)"
    }

    /// A message quoting text from outside (an error, a package's reason):
    /// cut at `limit` scalars with "… (N more)", and as `lines` after that.
    public static func message(_ text: String, indent: String = "  ", limit: Int = messageLimit) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > limit else { return lines(text, indent: indent) }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: scalars.prefix(limit))
        return lines(String(kept), indent: indent) + "… (\(scalars.count - limit) more)"
    }
}

extension String {
    /// CRLF as LF: one line break either way. A CR alone stays (and is shown).
    fileprivate func replacingCRLF() -> String {
        var out = String.UnicodeScalarView(), pendingCR = false
        for scalar in unicodeScalars {
            if pendingCR && scalar != "\n" { out.append("\r") }
            pendingCR = scalar == "\r"
            if !pendingCR { out.append(scalar) }
        }
        if pendingCR { out.append("\r") }
        return String(out)
    }
}
