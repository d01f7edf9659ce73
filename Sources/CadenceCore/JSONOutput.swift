import Foundation

/// Cadence's one JSON writer. Everything it writes as JSON goes through
/// here: command output, the workspace's export, packages.lock, a packed
/// package's manifest, and the isolated worker's request and answer. So every file reads
/// alike: keys sorted (a diff of two versions shows what changed), "/" left
/// unescaped (URLs read as typed), instants as ISO 8601 in UTC with
/// milliseconds (`JSONOutput.instant`), as the workspace keeps them.
public enum JSONOutput {
    /// `value` as JSON: indented for people, or `compact` for a program that
    /// is waiting for it (the worker's answer).
    public static func data<T: Encodable>(_ value: T, compact: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = compact ? [.sortedKeys, .withoutEscapingSlashes] : [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = nonFinite.encoding
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(instant(date))
        }
        return try encoder.encode(value)
    }

    /// Numbers JSON has no word for (a Lua value may be inf or nan), as text
    /// rather than failing the whole write; `decoding` reads them back where
    /// a number is expected.
    public static let nonFinite = (
        encoding: JSONEncoder.NonConformingFloatEncodingStrategy.convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan"),
        decoding: JSONDecoder.NonConformingFloatDecodingStrategy.convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan"))

    /// The same as text, ending in a newline (a file or a command's output).
    public static func text<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try data(value), as: UTF8.self) + "\n"
    }

    /// JSON text that reaches a terminal or a person (a command's `--json`,
    /// the workspace's export): what a terminal would act on or reorder by
    /// (DEL, C1 controls, bidi controls, U+2028/9: `TerminalText.isHidden`),
    /// which JSON may carry raw inside a string, written as JSON's own \u
    /// escapes: the same value to a reader, inert on a terminal. Outside
    /// strings JSON is ASCII without controls but its layout's line breaks,
    /// and the encoder has escaped every C0 control inside them.
    public static func inert(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 != "\n" && TerminalText.isHidden($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar != "\n" && TerminalText.isHidden(scalar) {
                out.append(contentsOf: String(format: "\\u%04x", scalar.value).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// "2026-03-02T12:00:00.000Z". Written by hand: it runs once per event
    /// when a search's log goes to Lua, where a formatter and its lock cost
    /// microseconds each.
    public static func instant(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (days, rest) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        let (day, time) = rest < 0 ? (days - 1, rest + 86_400_000) : (days, rest)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let ms = time % 1000, seconds = time / 1000
        let millis = ms < 10 ? "00\(ms)" : ms < 100 ? "0\(ms)" : "\(ms)"
        return "\(LocalDate(dayNumber: Int(day)).description)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60)).\(millis)Z"
    }
}
