/// What cadence.sharing's calls give the `policy` commands, read field by
/// field: a field missing or of another type fails the command instead of
/// standing in as a default (a summary without its count must not pass a
/// package's tests as "none shipped").

/// `sharing.test_summary`: a package's tests, run in its worker.
public struct PackageTestSummary: Decodable, Sendable, Equatable {
    /// The cases, a line each, and the tally.
    public var report: String
    /// Whether every case passed.
    public var passed: Bool
    /// How many cases it ships (0: none).
    public var count: Int

    /// Whether a package with these results may be installed: its tests
    /// pass, or it ships none (which `policy add` says).
    public var allowsInstall: Bool { passed || count == 0 }
}

/// `sharing.pack`: what packing a policy of the user's own found.
public struct PackFindings: Decodable, Sendable {
    public var rule: String?
    public var reads: [String: [String]]
    public var kinds: [String]
    public var personal: [String]
    public var foreign: [String]
    public var single: Bool
    public var author: String?
}

/// `sharing.pack_tests`: the tests recorded for a packed policy.
public struct PackedTests: Decodable, Sendable {
    /// The text of tests.lua.
    public var tests: String
    /// The kinds of item it proposed on the made-up timelines.
    public var kinds: [String]
}
