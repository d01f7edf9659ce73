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

    /// Whether `scalar` has no place in a one-line text: C0 controls (tab,
    /// CR and LF among them), DEL, C1 controls (U+0085 and CSI, U+009B, among
    /// them), line and paragraph separators, and the bidi controls that
    /// reorder what follows them (U+061C, U+200E/F, U+202A–E, U+2066–9).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x061C, 0x200E...0x200F, 0x2028...0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Whether `text` holds none of `isControl`'s scalars.
    public static func isOneLine(_ text: String) -> Bool { !text.unicodeScalars.contains(where: isControl) }

    /// Whether `text` is a name of lowercase ASCII letters, digits and
    /// hyphens, beginning with a letter, of at most `most` bytes: what a
    /// kind, a channel and a package are called.
    public static func isSlug(_ text: String, most: Int = 40) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, bytes.count <= most, (0x61...0x7A).contains(first) else { return false }
        return bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }

    /// `text` as words about it may quote it: each of `isControl`'s scalars
    /// as an escape (\u{1b}), cut to about `bytes` bytes ("…" where it was).
    public static func shown(_ text: String, bytes: Int = 64) -> String {
        var shown = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) { shown += "\\u{\(String(scalar.value, radix: 16))}" } else { shown.unicodeScalars.append(scalar) }
            if shown.utf8.count > bytes { return prefix(shown, bytes: bytes) + "…" }
        }
        return shown
    }
}
