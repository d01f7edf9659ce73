/// An e-mail address as Cadence takes it: one plain addr-spec, local@domain,
/// in printable ASCII, with no space, comma, angle bracket or other special
/// that would name more recipients than the one shown, and no control (a
/// CR or LF would begin a header of its own: a `Bcc:`). The one rule: checked
/// where an address is entered (`contact add --email`, `candidate edit
/// --email`) and again where a draft's header is written (`MailHeader`),
/// for addresses stored before the rule.
public enum EmailAddress {
    /// Why `text` is not one plain address ("holds a line break (\r)", "is
    /// not one plain address (a@x>, b@y)"), or nil when it is.
    public static func problem(_ text: String) -> String? {
        if let hidden = MailHeader.hiddenProblem(text) { return hidden }
        let specials = Set("()<>[]:;\\,\" ".unicodeScalars)
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, text.unicodeScalars.allSatisfy(\.isASCII),
              !text.unicodeScalars.contains(where: specials.contains) else {
            return "is not one plain address (\(TerminalText.line(text)))"
        }
        return nil
    }

    /// Refuses `text` as the address entered for `field` (an option's name),
    /// saying why.
    public static func check(_ text: String, field: String) throws {
        guard let problem = problem(text) else { return }
        throw DomainError.invalid(field: field, "the address \(problem): give one plain address, such as jo@example.com")
    }
}
