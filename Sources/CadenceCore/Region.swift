import Foundation

/// Where a candidate searches, and so how they write dates and amounts, which
/// days nobody works, and what an offer's benefits are called. One owner for
/// each of those conventions: date reading asks `dateOrder`, an amount with
/// no currency takes `currency`, planning skips the holidays of `holidays`
/// (a Lua calendar the user can read and extend), offers and questions speak
/// `benefits`' words, and "this week" starts on `weekStart`.
///
///     Region.inferred(timeZone: "America/Chicago")   // .us, from the zone
///     Region.us.dateOrder                            // .monthFirst: 12/03 is 3 December
///     Region.canada.dateOrder                        // nil: both orders are common, so 03/04 is asked
public enum Region: String, Sendable, CaseIterable, Codable {
    case us, canada = "ca", uk = "gb", ireland = "ie", germany = "de", france = "fr", netherlands = "nl",
         india = "in", australia = "au"

    /// The ISO 3166 code people type: `--region us`, `--region gb` ("uk" is read too).
    public var code: String { rawValue }

    public var name: String {
        switch self {
        case .us: "the United States"
        case .canada: "Canada"
        case .uk: "the United Kingdom"
        case .ireland: "Ireland"
        case .germany: "Germany"
        case .france: "France"
        case .netherlands: "the Netherlands"
        case .india: "India"
        case .australia: "Australia"
        }
    }

    /// How a numeric date such as 03/04/2026 is read there, or nil where both
    /// orders are common (Canada): then an ambiguous date is refused with both
    /// readings rather than guessed.
    public var dateOrder: DateParsing.Order? {
        switch self {
        case .us: .monthFirst
        case .canada: nil
        default: .dayFirst
        }
    }

    /// The currency a bare amount ("45000", "150-170k") is in.
    public var currency: String {
        switch self {
        case .us: "USD"
        case .canada: "CAD"
        case .uk: "GBP"
        case .ireland, .germany, .france, .netherlands: "EUR"
        case .india: "INR"
        case .australia: "AUD"
        }
    }

    /// The first day of a calendar week, for "this week" and "friday next week".
    public var weekStart: Weekday {
        switch self {
        case .us, .canada: .sunday
        default: .monday
        }
    }

    /// The Lua module of its public holidays (`require "holidays.us"`), a
    /// calendar computed by rule that a user can read, copy and extend.
    public var holidayModule: String { "holidays.\(rawValue)" }

    /// A zone to suggest at `init` and `candidate add` when none is given.
    public var suggestedTimeZone: String {
        switch self {
        case .us: "America/New_York"
        case .canada: "America/Toronto"
        case .uk: "Europe/London"
        case .ireland: "Europe/Dublin"
        case .germany: "Europe/Berlin"
        case .france: "Europe/Paris"
        case .netherlands: "Europe/Amsterdam"
        case .india: "Asia/Kolkata"
        case .australia: "Australia/Sydney"
        }
    }

    /// The region `text` names: a code ("us", "GB", "uk"), or a name ("Germany").
    public init(naming text: String, field: String = "region") throws {
        var wanted = text.trimmingWhitespace().lowercased()
        if wanted.hasPrefix("the ") { wanted.removeFirst(4) }   // "the Netherlands", as `name` writes it
        let aliases: [String: Region] = ["uk": .uk, "britain": .uk, "great britain": .uk, "england": .uk,
                                          "scotland": .uk, "wales": .uk, "northern ireland": .uk,
                                          "usa": .us, "united states": .us, "america": .us,
                                          "holland": .netherlands, "deutschland": .germany]
        if let region = Region(rawValue: wanted) ?? aliases[wanted]
            ?? Region.allCases.first(where: { $0.name.lowercased().replacingOccurrences(of: "the ", with: "") == wanted }) {
            self = region
            return
        }
        let known = Region.allCases.map(\.code)
        let near = NearMiss.nearest(to: wanted, among: known + Region.allCases.map { $0.name.replacingOccurrences(of: "the ", with: "") })
        throw DomainError.invalid(field: field, "'\(text)' is not a region Cadence knows"
            + (near.map { " (did you mean '\($0)'?)" } ?? "") + "; known: " + known.joined(separator: ", "))
    }

    /// The region a time zone says, or nil when it says none (UTC, or a zone
    /// of a country Cadence has no region for).
    public static func inferred(timeZone: String) -> Region? {
        if let region = zoneRegions[timeZone] { return region }
        if timeZone.hasPrefix("Australia/") { return .australia }
        if timeZone.hasPrefix("Canada/") { return .canada }
        if timeZone.hasPrefix("US/") { return .us }
        return nil
    }

    /// The region a POSIX locale says ("en_US.UTF-8", "de_DE@euro"), or nil.
    public static func inferred(locale: String) -> Region? {
        let name = locale.split(separator: ".").first.map(String.init) ?? locale
        let parts = name.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "@" })
        guard parts.count >= 2 else { return nil }
        return try? Region(naming: String(parts[1]))
    }

    /// Zones of each region's cities (the IANA names a machine is set to).
    static let zoneRegions: [String: Region] = {
        var zones: [String: Region] = [:]
        for zone in ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Phoenix",
                     "America/Anchorage", "America/Adak", "Pacific/Honolulu", "America/Detroit", "America/Boise",
                     "America/Indiana/Indianapolis", "America/Kentucky/Louisville", "America/Juneau", "America/Sitka",
                     "America/Menominee", "America/North_Dakota/Center", "America/Puerto_Rico"] { zones[zone] = .us }
        for zone in ["America/Toronto", "America/Vancouver", "America/Edmonton", "America/Winnipeg", "America/Halifax",
                     "America/St_Johns", "America/Regina", "America/Moncton", "America/Whitehorse", "America/Montreal",
                     "America/Iqaluit", "America/Yellowknife"] { zones[zone] = .canada }
        zones["Europe/London"] = .uk
        zones["Europe/Belfast"] = .uk
        zones["Europe/Dublin"] = .ireland
        zones["Europe/Berlin"] = .germany
        zones["Europe/Busingen"] = .germany
        zones["Europe/Paris"] = .france
        zones["Europe/Amsterdam"] = .netherlands
        zones["Asia/Kolkata"] = .india
        zones["Asia/Calcutta"] = .india
        return zones
    }()
}

extension Candidate {
    /// The region that decides how this candidate's dates and amounts are
    /// read: the one chosen, else the one their time zone says, else none.
    public var effectiveRegion: Region? { region ?? Region.inferred(timeZone: timeZone) }
}

/// A region taken for a candidate who chose none, and why: what Cadence
/// says aloud so that a wrong guess is seen and changed.
public struct RegionGuess: Sendable, Equatable {
    public let region: Region
    /// "your time zone America/Chicago", "your locale, LANG=de_DE.UTF-8".
    public let source: String

    /// The region the time zone says, else the one the locale says, else nil.
    /// `locale` is the setting that decides the locale's dates and its
    /// variable (see `Region.localeSetting(in:)`).
    public static func from(timeZone: String, locale: (variable: String, value: String)?) -> RegionGuess? {
        if let region = Region.inferred(timeZone: timeZone) {
            return RegionGuess(region: region, source: "your time zone \(timeZone)")
        }
        if let locale, let region = Region.inferred(locale: locale.value) {
            return RegionGuess(region: region, source: "your locale, \(locale.variable)=\(locale.value)")
        }
        return nil
    }
}

extension Region {
    /// The POSIX setting that decides how dates are written: LC_ALL
    /// overrides LC_TIME, which overrides LANG; nil when none is set.
    public static func localeSetting(in environment: [String: String]) -> (variable: String, value: String)? {
        for variable in ["LC_ALL", "LC_TIME", "LANG"] {
            if let value = environment[variable], !value.isEmpty { return (variable, value) }
        }
        return nil
    }

    /// The machine's own zone: `TZ` when it names one, else the zone
    /// /etc/localtime links to. Nil when it is UTC (a server's or a
    /// container's default says nothing about where its user lives) or
    /// cannot be told.
    public static func machineTimeZone(environment: [String: String], localtime: String = "/etc/localtime") -> String? {
        var zone: String?
        if let tz = environment["TZ"], !tz.isEmpty {
            zone = tz.hasPrefix(":") ? String(tz.dropFirst()) : tz
            if zone!.hasPrefix("/") { zone = zone.flatMap(zoneName(ofPath:)) }
        } else if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: localtime) {
            zone = zoneName(ofPath: target)
        }
        guard let zone, TimeZone(identifier: zone) != nil,
              !["UTC", "Etc/UTC", "Etc/UCT", "UCT", "GMT", "Etc/GMT", "Universal", "Zulu", "Etc/Universal"].contains(zone)
        else { return nil }
        return zone
    }

    /// "America/Chicago" from "/usr/share/zoneinfo/America/Chicago".
    private static func zoneName(ofPath path: String) -> String? {
        guard let range = path.range(of: "zoneinfo/") else { return nil }
        let name = String(path[range.upperBound...])
        return name.isEmpty ? nil : name
    }

    /// What the region decides, in a line: "dates month first (12/03 is 3
    /// December), amounts in USD, weeks from Sunday, public holidays of holidays.us".
    public var conventions: String {
        let dates: String
        switch dateOrder {
        case .monthFirst?: dates = "dates month first (12/03 is 3 December)"
        case .dayFirst?: dates = "dates day first (12/03 is 12 March)"
        case nil: dates = "dates such as 12/03 asked (both orders are common)"
        }
        return "\(dates), amounts in \(currency), weeks from \(weekStart.name), "
            + "public holidays of \(holidayModule)"
    }
}
