import Foundation

/// Who acts when the day of a promised next step comes, read from its words.
///
/// "Call me in two weeks", "email me on Friday", "I'll send the deck by
/// Monday": the candidate acts, on that day (the practice's rule 4: wait as
/// directed, then follow up). "We'll get back to you by Friday", "you'll hear
/// from us next week", "decision by the 15th": they act, and the day is their
/// decision date: nothing until then, then one polite inquiry (rule 6).
///
///     Promise(reading: "we'll get back to you by next Friday").actor   // .them
///     Promise(reading: "call me in two weeks").byPhone                  // true
///
/// Words that say neither are the candidate's to act on, as before: a date
/// somebody named is a day to follow up.
public struct Promise: Equatable, Sendable {
    public enum Actor: String, Sendable {
        /// The candidate acts on the day.
        case you
        /// They act by the day: it is their decision date.
        case them
    }

    public var actor: Actor
    /// Whether the candidate's part is a call ("call me", "ring me"), not a message.
    public var byPhone: Bool
    /// The words that decided who acts ("get back to you"), or nil when none did.
    public var cue: String?

    public init(reading words: String) {
        let text = Promise.normalized(words)
        if let cue = Promise.theirCues.first(where: { text.contains(" \($0) ") }) {
            (actor, self.cue) = (.them, cue)
        } else if let cue = Promise.yourCues.first(where: { text.contains(" \($0) ") }) {
            (actor, self.cue) = (.you, cue)
        } else {
            (actor, cue) = (.you, nil)
        }
        byPhone = Promise.callCues.contains { text.contains(" \($0) ") }
            || Promise.callVerbs.contains { text.hasPrefix(" \($0) ") }
    }

    /// What the promise means for the agenda, in a sentence for the reply
    /// to the command that logged it.
    public func meaning(due: LocalDate) -> String {
        let because = cue.map { " (\"\($0)\")" } ?? ""
        switch actor {
        case .them:
            return "They act by \(due.shortText)\(because): the agenda waits until then, then plans one polite inquiry if no word has come."
        case .you:
            return "You act on \(due.shortText)\(because): \(byPhone ? "a call" : "a follow-up") on the agenda that day."
        }
    }

    /// Lower case, one space between words, apostrophes straightened and
    /// contractions spelt out ("we'll" reads as "we will"), a space at each
    /// end, so a cue matches whole words only.
    static func normalized(_ words: String) -> String {
        var text = ""
        for scalar in words.lowercased().unicodeScalars {
            switch scalar {
            case "\u{2019}", "\u{2018}", "`", "\u{02BC}": text.unicodeScalars.append("'")
            default:
                let isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "'"
                text.unicodeScalars.append(isWord ? scalar : " ")
            }
        }
        let spelt = text.replacingOccurrences(of: "'ll", with: " will").replacingOccurrences(of: "'re", with: " are")
            .replacingOccurrences(of: "'d", with: " would").replacingOccurrences(of: "'ve", with: " have")
        return " " + spelt.split(separator: " ").joined(separator: " ") + " "
    }

    /// Words that make the day theirs: they answer, decide or get in touch.
    /// Checked first: "call me if you haven't heard from us by Friday" is
    /// their date, with a call as the inquiry.
    static let theirCues: [String] = {
        let toYou = ["call", "email", "e mail", "mail", "phone", "ring", "contact", "update", "message", "text", "write to",
                     "reply to", "respond to", "send", "inform", "notify", "tell", "reach out to", "come back to", "get back to",
                     "revert to", "be back to", "follow up with", "touch base with", "get in touch with"]
        return toYou.map { "\($0) you" } + [
            "let you know", "hear from us", "hear from me", "hear from them", "hear back", "heard from us",
            "heard from me", "heard from them", "heard back", "you will hear", "you should hear", "you will have",
            "you will get", "you will receive", "you should have", "circle back", "decision", "decide", "decided",
            "deciding", "be in touch", "in touch with you", "they will", "they are going to", "back to you",
            "feedback by", "answer by", "news by"]
    }()

    /// Words that make the day the candidate's: they asked you to act, or you said you would.
    static let yourCues = ["call me", "call us", "ring me", "ring us", "phone me", "phone us", "email me", "email us",
                           "e mail me", "mail me", "text me", "message me", "write to me", "contact me", "contact us",
                           "get in touch", "reach out", "follow up", "check in", "chase", "ping me", "drop me",
                           "send me", "send us", "let me know", "let us know", "i will send", "i will call",
                           "i will email", "i will follow", "i will write", "your call"]

    /// Words that ask for a call rather than a message.
    static let callCues = ["call me", "call us", "ring me", "ring us", "phone me", "phone us", "give me a call",
                           "give us a call", "give me a ring", "i will call", "a call", "by phone", "on the phone"]
    /// A promise that starts with one of these ("call in two weeks") asks for a call.
    static let callVerbs = ["call", "ring", "phone"]
}
