import CadenceCore

/// Text a package chose (its answer's fields, its error messages), as the
/// host bounds it before keeping it: cut by bytes, and the one-line fields
/// (keys, names, subjects) free of anything that moves a terminal's cursor,
/// starts an escape, breaks a line or turns text around.
///
/// Both work on Unicode scalars: Swift's Characters are grapheme clusters,
/// so "\r\n" is one Character (a check for "\r" or "\n" misses it) and one
/// letter with a million combining marks is one Character of megabytes.
public enum AnswerText {
    /// `text` cut to at most `bytes` bytes of UTF-8, ending on a scalar
    /// boundary, with "… (N more bytes)" after it when anything was cut.
    public static func cut(_ text: String, bytes: Int) -> String {
        let kept = prefix(text, bytes: bytes)
        guard kept.utf8.count < text.utf8.count else { return text }
        return kept + "… (\(text.utf8.count - kept.utf8.count) more bytes)"
    }

    /// The longest start of `text` of at most `bytes` bytes that ends on a scalar boundary.
    static func prefix(_ text: String, bytes: Int) -> String {
        let utf8 = text.utf8
        guard utf8.count > bytes else { return text }
        var end = utf8.index(utf8.startIndex, offsetBy: bytes)
        // Back to the start of the scalar `end` falls in (a continuation byte is 10xxxxxx).
        while end > utf8.startIndex, utf8[end] & 0xC0 == 0x80 { end = utf8.index(before: end) }
        return String(decoding: utf8[utf8.startIndex..<end], as: UTF8.self)
    }

    /// Whether `scalar` has no place in a one-line text: the terminal's
    /// hidden scalars (`TerminalText.isHidden`: C0 and C1 controls, DEL, line
    /// and paragraph separators, bidi controls), tab, CR and LF among them.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool { TerminalText.isHidden(scalar) }

    /// Whether `text` holds none of `isControl`'s scalars.
    public static func isOneLine(_ text: String) -> Bool { !TerminalText.holdsHidden(text) }

    /// Whether `text` is a name of lowercase ASCII letters, digits and
    /// hyphens, beginning with a letter, of at most `most` bytes: what a
    /// kind, a channel and a package are called.
    public static func isSlug(_ text: String, most: Int = 40) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, bytes.count <= most, (0x61...0x7A).contains(first) else { return false }
        return bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }

    /// `text` as words about it may quote it: on one line, as the terminal
    /// shows it (`TerminalText.line`), cut to about `bytes` bytes ("…" where it was).
    public static func shown(_ text: String, bytes: Int = 64) -> String {
        // Escapes at most quadruple it: only the part that can show is escaped.
        let shown = TerminalText.line(prefix(text, bytes: bytes + 1))
        return shown.utf8.count > bytes || text.utf8.count > bytes + 1 ? prefix(shown, bytes: bytes) + "…" : shown
    }
}
