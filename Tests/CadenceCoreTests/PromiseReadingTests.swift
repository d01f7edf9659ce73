import CadenceCore
import Testing

/// Who acts in a promise's words: the candidate on the day, or they by it.
@Suite("Promises: who acts")
struct PromiseReadingTests {
    @Test("their words make the day their decision date", arguments: [
        "we'll get back to you by next Friday", "We will get back to you by Friday", "I’ll let you know on Monday",
        "you'll hear from us next week", "decision by the 15th", "we'll circle back in two weeks",
        "They will decide by Friday", "we’ll be in touch by the end of the month", "we'll call you on Tuesday",
        "I'll send you the contract on Monday", "call me if you haven't heard from us by Friday",
        "you should have an answer by Thursday", "WE'LL EMAIL YOU IN TWO WEEKS",
    ])
    func theirs(_ words: String) {
        #expect(Promise(reading: words).actor == .them, "\(words)")
    }

    @Test("asked to act, or saying you will, makes the day yours", arguments: [
        "call me in two weeks", "email me on Friday", "I'll send the deck by Monday", "get in touch in a fortnight",
        "ring me on Thursday", "send us your references by Wednesday", "let me know by Friday",
        "final round: prepare a 10-minute presentation", "in two weeks", "",
    ])
    func yours(_ words: String) {
        #expect(Promise(reading: words).actor == .you, "\(words)")
    }

    @Test("a call asked for is a call; a message is not")
    func byPhone() {
        #expect(Promise(reading: "call me in two weeks").byPhone)
        #expect(Promise(reading: "Call in a fortnight").byPhone)
        #expect(Promise(reading: "ring me on Thursday").byPhone)
        #expect(Promise(reading: "call me if you haven't heard from us by Friday").byPhone)
        #expect(!Promise(reading: "email me on Friday").byPhone)
        #expect(!Promise(reading: "we'll get back to you by Friday").byPhone)
        // "recall" and "phoney" hold the letters, not the words.
        #expect(!Promise(reading: "I'll recall the phoney numbers by Friday").byPhone)
    }

    @Test("the cue is whole words: 'decisiveness' is not 'decision', 'background' not 'back to you'")
    func wholeWords() {
        #expect(Promise(reading: "we'll get back to you by Friday").cue == "get back to you")
        #expect(Promise(reading: "send the background to yourself").actor == .you)
        #expect(Promise(reading: "their decisiveness matters").actor == .you)
    }

    @Test("hostile words: controls, bidi, 500 characters, CRLF read as words or nothing")
    func hostile() {
        #expect(Promise(reading: "we'll\u{1B}[31m get back to you").actor == .them)
        #expect(Promise(reading: "\u{202E}call me\r\nFriday").byPhone)
        #expect(Promise(reading: String(repeating: "a", count: 500)).actor == .you)
        #expect(Promise(reading: String(repeating: "let you know ", count: 40)).actor == .them)
    }

    @Test("the reply to logging a promise says who acts, and when")
    func meaning() throws {
        let friday = try LocalDate(iso: "2026-12-11")
        #expect(Promise(reading: "we'll get back to you by next Friday").meaning(due: friday)
            == "They act by Fri 11 Dec (\"get back to you\"): the agenda waits until then, then plans one polite inquiry if no word has come.")
        #expect(Promise(reading: "call me next Friday").meaning(due: friday) == "You act on Fri 11 Dec (\"call me\"): a call on the agenda that day.")
        #expect(Promise(reading: "in two weeks").meaning(due: friday) == "You act on Fri 11 Dec: a follow-up on the agenda that day.")
    }
}

/// The channels a follow-up goes by, and the form of its draft on each.
@Suite("Channels")
struct ChannelTests {
    @Test("each channel's form: letters for email and post, short messages for LinkedIn and text, points for a call")
    func forms() {
        #expect(Channel.email.form == .letter && Channel.email.isMail)
        #expect(Channel.letter.form == .letter && !Channel.letter.isMail)
        #expect(Channel.linkedin.form == .message && Channel.text.form == .message)
        #expect(Channel.phone.form == .talkingPoints && Channel.task.form == .task)
        #expect(Channel.allCases.filter(\.isMail) == [.email])
    }

    @Test("other words for a channel are read; an unknown one is refused with a did-you-mean")
    func parsing() throws {
        #expect(try Channel(parsing: " LinkedIn ") == .linkedin)
        #expect(try Channel(parsing: "E-mail") == .email)
        #expect(try Channel(parsing: "SMS") == .text)
        #expect(try Channel(parsing: "call") == .phone)
        #expect {
            try Channel(parsing: "linkdin")
        } throws: { "\($0)".contains("unknown channel 'linkdin' (did you mean 'linkedin'?); known: email, phone, linkedin, text, letter, task") }
        #expect { try Channel(parsing: "fax") } throws: { !"\($0)".contains("did you mean") }
    }

    @Test("hostile channel names: controls and bidi shown as escapes, 500 characters cut, never accepted")
    func hostile() {
        for given in ["email\u{1B}[2J", "\u{202E}liame", "email\r\nBcc: x@example.com", "linked\u{2066}in", String(repeating: "x", count: 500)] {
            #expect {
                try Channel(parsing: given)
            } throws: { error in
                let said = "\(error)"
                return said.contains("unknown channel") && !said.unicodeScalars.contains { TerminalText.isHidden($0) }
                    && said.count < 200
            }
        }
    }
}
