/// A package's version ("1.2.0", "2.0.0-rc.1", "1.0.0+build.5") ordered as
/// Semantic Versioning orders them: by major, minor and patch, a release
/// after its pre-releases, build metadata ignored. Installing a lower
/// version than the one installed is a downgrade, which needs the user's say.
public struct PackageVersion: Comparable, Sendable, CustomStringConvertible {
    /// Major, minor and patch as digits (any length: compared by length, then digit by digit).
    let numbers: [String]
    /// The pre-release's dot-separated identifiers; empty for a release.
    let prerelease: [String]
    public let description: String

    /// The version `text` names, or nil when it is not "MAJOR.MINOR.PATCH" with an optional -pre-release or +build.
    public init?(_ text: String) {
        var rest = Substring(text)
        if let plus = rest.firstIndex(of: "+") { rest = rest[..<plus] }
        var prerelease: [String] = []
        if let dash = rest.firstIndex(of: "-") {
            prerelease = rest[rest.index(after: dash)...].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            rest = rest[..<dash]
            guard prerelease.allSatisfy({ !$0.isEmpty }) else { return nil }
        }
        let numbers = rest.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard numbers.count == 3, numbers.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        self.numbers = numbers.map { String($0.drop { $0 == "0" }) }
        self.prerelease = prerelease
        description = text
    }

    public static func == (a: PackageVersion, b: PackageVersion) -> Bool {
        a.numbers == b.numbers && a.prerelease == b.prerelease
    }

    public static func < (a: PackageVersion, b: PackageVersion) -> Bool {
        for (x, y) in zip(a.numbers, b.numbers) where x != y { return numeric(x, y) }
        switch (a.prerelease.isEmpty, b.prerelease.isEmpty) {
        case (true, _): return false
        case (false, true): return true
        case (false, false): break
        }
        for (x, y) in zip(a.prerelease, b.prerelease) where x != y {
            switch (x.allSatisfy(\.isASCIIDigit), y.allSatisfy(\.isASCIIDigit)) {
            case (true, true): return numeric(String(x.drop { $0 == "0" }), String(y.drop { $0 == "0" }))
            case (true, false): return true  // numeric identifiers come first
            case (false, true): return false
            case (false, false): return x < y
            }
        }
        return a.prerelease.count < b.prerelease.count
    }

    /// Digits without leading zeros, compared as the numbers they write.
    static func numeric(_ x: String, _ y: String) -> Bool { x.count != y.count ? x.count < y.count : x < y }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
