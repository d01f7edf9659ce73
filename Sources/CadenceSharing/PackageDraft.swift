import CadenceCore
import Foundation

/// A package being packed from a policy of the user's own: its manifest,
/// made from what Cadence found the policy reads and proposes, and its files
/// as they are written into a new folder (manifest and code first, then the
/// recorded tests, which widen what it proposes).
public struct PackageDraft: Sendable {
    public var name: String
    public var version: String
    public var licence: String
    public var author: String
    public var summary: String
    public var rules: [String]
    public var reads: [String: [String]]
    /// The kinds of item it may propose, sorted when tests are recorded.
    public var proposes: [String]
    /// The policy to use, by name, when its file returns several.
    public var select: String?
    /// The folder the package is written into.
    public let folder: String

    public init(name: String, version: String, licence: String, author: String, summary: String, rules: [String],
                reads: [String: [String]], proposes: [String], select: String?, folder: String) {
        self.name = name
        self.version = version
        self.licence = licence
        self.author = author
        self.summary = summary
        self.rules = rules
        self.reads = reads
        self.proposes = proposes
        self.select = select
        self.folder = folder
    }

    /// A package name from a policy's: lowercase, each run of anything but
    /// letters and digits one hyphen, none at either end.
    public static func packageName(for policy: String) -> String {
        String(policy.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }).split(separator: "-").joined(separator: "-")
    }

    /// Creates the folder with the manifest and `code` as policy.lua.
    public func create(code: [UInt8]) throws {
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw DomainError.invalid(field: folder, "cannot be made: \(PackageFiles.reason(error))")
        }
        try writeManifest()
        try write(Data(code), to: Self.codeFile)
    }

    /// Adds the recorded tests, and the kinds of item they saw it propose.
    public mutating func record(tests: String, proposing kinds: [String]) throws {
        proposes = Array(Set(proposes + kinds)).sorted()
        try writeManifest()
        try write(Data(tests.utf8), to: Self.testsFile)
    }

    /// Writes `data` as the package's file `name`; a failure is said in words, naming the file.
    func write(_ data: Data, to name: String) throws {
        let path = folder + "/" + name
        do { try data.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw DomainError.invalid(field: path, "cannot be written: \(PackageFiles.reason(error))")
        }
    }

    public static let codeFile = "policy.lua"
    public static let testsFile = "tests.lua"

    /// cadence-policy.json, keys sorted: a package proposes at least follow-ups.
    func writeManifest() throws {
        let manifest = Manifest(name: name, version: version, licence: licence, cadence: PolicyManifest.currentAPI, author: author,
                                summary: summary, rules: rules, reads: reads, proposes: proposes.isEmpty ? ["follow-up"] : proposes,
                                select: select)
        try write(Data(try JSONOutput.text(manifest).utf8), to: PolicyManifest.fileName)
    }

    /// cadence-policy.json as written (PolicyManifest reads it back, field by field).
    struct Manifest: Encodable {
        var name, version, licence: String
        var cadence: Int
        var author, summary: String
        var rules: [String]
        var reads: [String: [String]]
        var proposes: [String]
        var select: String?
    }
}
