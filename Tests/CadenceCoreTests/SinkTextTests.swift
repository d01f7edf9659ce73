import CadenceCore
import Foundation
import Testing

/// The owners of the sinks text reaches the user by: the terminal, mail
/// headers and bodies, calendar text. Each is given hostile text: ESC and OSC
/// 52, bare CR, CRLF (one Character in Swift), C1 controls, bidi controls,
/// NUL and 500 characters; and each leaves ordinary text as it is.
@Suite("Text at its sinks")
struct SinkTextTests {
    static let hostile = [
        "\u{1B}]52;c;aGk=\u{07}", "\u{1B}[2K", "a\rb", "a\r\nb", "a\nb", "\u{85}", "\u{9B}31m", "\u{202E}evil",
        "\u{2066}x\u{2069}", "\u{200F}", "\u{061C}", "nul\0x", "\u{7F}", "tab\there", "\u{2028}",
    ]

    /// A terminal acts on none of these: no control, no bidi control (but
    /// line feeds and tabs Cadence's own output keeps, when it says so).
    static func inert(_ text: String, keepingNewlines: Bool = false, keepingTabs: Bool = false) -> Bool {
        !text.unicodeScalars.contains {
            ($0 != "\n" || !keepingNewlines) && ($0 != "\t" || !keepingTabs) && TerminalText.isHidden($0)
        }
    }

    @Test("ordinary text, accents and other scripts too, is shown as it is")
    func ordinary() {
        for text in ["Acme Ltd", "Zoë Jöns", "株式会社サンプル", "مرحبا", "", "50% of £1,200 \\ path"] {
            #expect(TerminalText.line(text) == text)
            #expect(TerminalText.output(text) == text)
            #expect(TerminalText.lines(text, indent: "    ") == text)
        }
        #expect(TerminalText.output("a\nb\n") == "a\nb\n")
        #expect(TerminalText.output("-a\tb\r\n") == "-a\tb\\r\n")  // a diff's tab stays; its CR is shown
    }

    @Test("the byte scan that spares plain text agrees with the scalar check, scalar by scalar and inside text")
    func byteScan() throws {
        for value in Array(0...0x3000) + [0xFEFF, 0x10FFFF] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let one = String(Character(scalar))
            #expect(TerminalText.holdsHidden(one) == TerminalText.isHidden(scalar), "U+\(String(value, radix: 16))")
            #expect(TerminalText.holdsHidden("ab–" + one + "…c") == TerminalText.isHidden(scalar), "U+\(String(value, radix: 16)) in text")
        }
        #expect(!TerminalText.holdsHidden("a\nb\tc", keepingNewlines: true, keepingTabs: true))
        #expect(TerminalText.holdsHidden("a\r\nb", keepingNewlines: true, keepingTabs: true))
        #expect(TerminalText.holdsHidden("a\tb", keepingNewlines: true))
    }

    @Test("every control and bidi control is shown as its escape, checked on scalars")
    func escapes() {
        #expect(TerminalText.line("\u{1B}]52;c;aGk=\u{07}") == "\\u{1b}]52;c;aGk=\\u{7}")
        #expect(TerminalText.line("a\r\nb") == "a\\r\\nb")
        #expect(TerminalText.line("\u{202E}evil") == "\\u{202e}evil")
        #expect(TerminalText.line("\u{85}\u{9B}\u{7F}") == "\\u{85}\\u{9b}\\u{7f}")
        #expect(TerminalText.line("nul\0tab\t") == "nul\\0tab\\t")
        for text in Self.hostile {
            #expect(Self.inert(TerminalText.line(text)), "\(text.debugDescription)")
            #expect(Self.inert(TerminalText.output(text), keepingNewlines: true, keepingTabs: true), "\(text.debugDescription)")
            #expect(Self.inert(TerminalText.lines(text, indent: "  "), keepingNewlines: true), "\(text.debugDescription)")
        }
    }

    @Test("lines of user text never start at column 0: every line after the first is indented, CRLF is one break")
    func continuation() {
        let forged = "why\n  [abc] Evil: status\r\n    from: trusted 1.0\n\nend\r"
        let shown = TerminalText.lines(forged, indent: "         ")
        #expect(shown == "why\n           [abc] Evil: status\n             from: trusted 1.0\n\n         end\\r")
        for line in shown.split(separator: "\n").dropFirst() { #expect(line.hasPrefix("         ")) }
    }

    @Test("a message is cut at 2,000 scalars, saying how many more, even when one Character holds them all")
    func messages() {
        let long = String(repeating: "x", count: 5_000)
        #expect(TerminalText.message(long) == String(repeating: "x", count: 2_000) + "… (3000 more)")
        let oneCharacter = "e" + String(repeating: "\u{301}", count: 4_000)
        #expect(oneCharacter.count == 1)
        #expect(TerminalText.message(oneCharacter).unicodeScalars.count < 2_020)
        #expect(TerminalText.message("a\n\u{1B}[2Kb") == "a\n  \\u{1b}[2Kb")
        #expect(TerminalText.message(String(repeating: "y", count: 500)) == String(repeating: "y", count: 500))
    }

    @Test("a header field with CR, LF, CRLF, another control or a bidi control is refused, naming the field")
    func headerChecks() throws {
        for text in Self.hostile {
            #expect(throws: MailHeader.Refusal.self, "\(text.debugDescription)") { try MailHeader.check("Hi" + text, field: "subject") }
        }
        let refusal = try #require(throws: MailHeader.Refusal.self) { try MailHeader.check("Hi\r\nBcc: evil@example.org", field: "subject") }
        #expect(refusal.description == "its subject holds a line break (\\r)")
        try MailHeader.check("Thank you: Analyst, Acme", field: "subject")
        try MailHeader.check("Zoë 株式会社", field: "subject")
    }

    @Test("an address is one plain addr-spec: a comma, a space, angle brackets or a control in it refuse it")
    func addresses() throws {
        #expect(try MailHeader.address(name: "Jo Bloggs", email: "jo@example.com", field: "sender") == ["Jo", "Bloggs", "<jo@example.com>"])
        #expect(try MailHeader.address(name: nil, email: "jo@example.com", field: "sender") == ["<jo@example.com>"])
        #expect(try MailHeader.address(name: "Bloggs, Jo", email: "jo@example.com", field: "sender") == ["\"Bloggs, Jo\"", "<jo@example.com>"])
        for email in ["a@x.org, evil@example.org", "a@x.org>\r\nBcc: e@x.org", "a b@x.org", "a@x.org>", "nobody", "a@b@c", "zoë@x.org"] {
            #expect(throws: MailHeader.Refusal.self, "\(email.debugDescription)") { try MailHeader.address(name: "A", email: email, field: "recipient") }
        }
        #expect(throws: MailHeader.Refusal.self) { try MailHeader.address(name: "Helen\r\nBcc: e@x.org", email: "h@x.org", field: "recipient") }
    }

    @Test("non-ASCII header text is RFC 2047 encoded-words of whole scalars, each at most 75, on lines of at most 78")
    func encodedWords() throws {
        let subject = String(repeating: "株式会社サンプル Zoë Jöns ", count: 8)
        let header = MailHeader.folded("Subject", MailHeader.words(subject))
        var decoded = ""
        for (number, line) in header.components(separatedBy: "\r\n").enumerated() {
            #expect(line.utf8.count <= 78, "line \(number): \(line.utf8.count)")
            #expect(number == 0 ? line.hasPrefix("Subject: ") : line.hasPrefix(" "))
            for word in line.split(separator: " ") where word.hasPrefix("=?") {
                #expect(word.count <= 75 && word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
                let data = try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
                decoded += try #require(String(data: data, encoding: .utf8), "a word ends mid-sequence")
            }
        }
        #expect(decoded == subject)
        #expect(MailHeader.folded("Subject", MailHeader.words("Thank you: Analyst, Acme")) == "Subject: Thank you: Analyst, Acme")
        #expect(MailHeader.words("=?UTF-8?B?QmNjOg==?=").allSatisfy { $0.hasPrefix("=?UTF-8?B?") }, "an encoded-word's look-alike goes encoded")
        let long = MailHeader.folded("Subject", MailHeader.words(String(repeating: "word ", count: 40) + "end"))
        #expect(long.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(long.replacingOccurrences(of: "\r\n", with: "") == "Subject: " + String(repeating: "word ", count: 40) + "end")
    }

    @Test("a body has CRLF lines, no lone CR, and goes quoted-printable when a line is too long for 8bit")
    func bodies() throws {
        let plain = MailBody.encoded("Dear Zoë,\r\n\r\nHello\rX\nBye")
        #expect(plain.encoding == "8bit")
        #expect(plain.content == "Dear Zoë,\r\n\r\nHelloX\r\nBye\r\n")
        let long = MailBody.encoded("é" + String(repeating: "x", count: 1_200) + " \nnext=line")
        #expect(long.encoding == "quoted-printable")
        #expect(long.content.hasPrefix("=C3=A9xxx"))
        #expect(long.content.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        #expect(long.content.contains("=20\r\nnext=3Dline\r\n"))
        // Controls go, as they would act on the terminal of whoever reads the file: a NUL, ESC sequences, C1.
        #expect(MailBody.encoded("nul\0here \u{1B}]52;c;aGk=\u{07}\u{9B}2J\tend").content == "nulhere ]52;c;aGk=2J\tend\r\n")
        // Bidi controls go, as a header refuses them: an RLO in a name reverses no template text.
        #expect(MailBody.encoded("Dear \u{202E}Jo\u{2066}, from \u{2067}Acme\u{2069}\u{200F}\u{61C}\u{202C}.").content == "Dear Jo, from Acme.\r\n")
        #expect(MailBody.encoded("Zoë 株式会社 مرحبا").content == "Zoë 株式会社 مرحبا\r\n")
    }

    @Test("calendar TEXT escapes backslash, semicolon, comma and line breaks, and drops every other control")
    func calendarText() {
        #expect(CalendarText.escaped("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf")
        #expect(CalendarText.escaped("bare\rCR\u{1B}[2K\0\u{7F}\u{85}\u{9B}\ttab") == "bareCR[2K\ttab")
        #expect(CalendarText.escaped("Zoë 株式会社 \u{202E}") == "Zoë 株式会社 ")
        #expect(CalendarText.escaped("Evil\u{202E}Corp\u{2066}x\u{2069}\u{2067}\u{2068}\u{200F}\u{200E}\u{61C}\u{202A}: a\u{2028}b\u{2029}c")
                == "EvilCorpx: a\\nb\\nc")
        for text in Self.hostile {
            #expect(!CalendarText.escaped(text).unicodeScalars.contains {
                ($0.value < 0x20 && $0 != "\t") || (0x7F...0x9F).contains($0.value) || TerminalText.isBidiControl($0)
            })
        }
    }

    @Test("calendar lines fold at 75 octets, never inside a UTF-8 sequence, and unfold to the line")
    func calendarFolding() {
        let line = "SUMMARY:" + String(repeating: "株式会社é ", count: 40)
        let folded = CalendarText.folded(line)
        for part in folded.components(separatedBy: "\r\n") { #expect(part.utf8.count <= 75) }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
        #expect(CalendarText.folded("SUMMARY:short") == "SUMMARY:short")
    }

    @Test("plain prose for a letter: escape sequences out whole, bidi controls out, other controls a space, one line, trimmed",
          arguments: [("on-call\r\nBcc: x", "on-call Bcc: x"), ("\u{1B}[31mred\u{1B}[0m text", "red text"),
                      ("a\u{1B}]0;title\u{07}b", "ab"), ("a\u{1B}]8;;https://x\u{1B}\\b", "ab"), ("x\u{202E}evil", "xevil"),
                      ("  a\t\tb\u{2028}c  ", "a b c"), ("\u{85}C1\u{9B}", "C1"), ("lone \u{1B} escape", "lone escape"),
                      ("\u{1B}[", "["), ("é ß 日本 \u{A0}nbsp", "é ß 日本 \u{A0}nbsp")])
    func plainLine(text: String, expected: String) {
        #expect(TerminalText.plainLine(text) == expected)
    }

    @Test("plain prose keeps 500 characters whole and leaves ordinary text as it is")
    func plainLineLong() {
        let long = String(repeating: "x", count: 500)
        #expect(TerminalText.plainLine(long) == long)
        for text in Self.hostile { #expect(!TerminalText.holdsHidden(TerminalText.plainLine(text)), "\(text.debugDescription)") }
    }
}
