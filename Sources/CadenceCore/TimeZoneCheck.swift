import Foundation

/// Time zones are named by IANA identifiers ("Europe/London"), never by
/// abbreviations or offsets: "EST" and "UTC+5" know nothing of summer time,
/// so a due day read through them would drift twice a year.
enum TimeZoneCheck {
    static let known = Set(TimeZone.knownTimeZoneIdentifiers).union(["UTC"])

    static func check(_ identifier: String, field: String) throws {
        guard !known.contains(identifier) else { return }
        let near = NearMiss.nearest(to: identifier, among: Array(known)).map { " (did you mean '\($0)'?)" } ?? ""
        throw DomainError.invalid(field: field, "unknown time zone '\(identifier)'\(near): use an IANA name such as "
            + "Europe/London or America/New_York, not an abbreviation or an offset")
    }
}
