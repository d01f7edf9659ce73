import CadenceCore
import Foundation

/// Brings shared policies into a workspace: fetches a package (a folder, a
/// file or a git repository), checks it (its options, its signature, what it
/// reads against what the user agreed to), and pins it in the lock once its
/// tests have passed. Running the tests is the caller's: they run in the
/// isolated worker, which this layer does not start.
///
/// An install is two steps so that nothing is written before the tests pass:
/// `prepare` fetches and checks, `install` pins what was prepared.
public struct PackageInstaller: Sendable {
    public let lock: PackageLock

    public init(workspace: String) { lock = PackageLock(workspace: workspace) }

    /// Why fetching, installing or signing a package stopped, before anything was written.
    public enum Problem: Error, CustomStringConvertible, Sendable {
        /// What was asked names nothing installable: the user's to correct.
        case request(String)
        /// The package may not be installed as it is.
        case refusal(String)

        public var description: String {
            switch self {
            case .request(let text), .refusal(let text): text
            }
        }
    }

    /// A package fetched and checked, ready to pin once its tests pass.
    public struct Prepared: Sendable {
        public var package: PolicyPackage
        /// The git commit fetched, for a repository.
        public var commit: String?
        public var verdict: PackageSignature.Verdict
        /// The option values to pin: the ones given, and those of the version
        /// installed that this version still has.
        public var options: [String: String]
        /// Options set for the version installed that this version no longer has.
        public var dropped: [String]
        /// The source as the lock records it (update fetches from it again).
        public var source: String
        /// The package's files written where the source cannot change them:
        /// what its tests run from.
        public var copy: String
        /// What the user should know before relying on it, a sentence each: a
        /// signer changed or a downgrade they allowed, an author who is not the signer.
        public var warnings: [String]
    }

    /// What the user allowed beyond the usual: a package signed otherwise
    /// than the version installed, a lower version; and whether every package must be signed.
    public struct Allowances: Sendable {
        public var signerChange: Bool
        public var downgrade: Bool
        public var requireSignatures: Bool
        /// Files other than the ones pinned, under the version pinned.
        public var sameVersion: Bool

        public init(signerChange: Bool = false, downgrade: Bool = false, requireSignatures: Bool = false, sameVersion: Bool = false) {
            self.signerChange = signerChange
            self.downgrade = downgrade
            self.requireSignatures = requireSignatures
            self.sameVersion = sameVersion
        }
    }

    /// The version a new one is checked against: the one installed, or the
    /// last one removed under that name.
    struct Previous {
        var name: String
        var version: String
        /// The hash pinned, for the version installed (a package removed and
        /// added again under the same version is a new install, shown in full).
        var sha256: String?
        var signer: PackageSignature.Signer?
        /// The day it was removed, when it is no longer installed.
        var removed: String?

        /// "weekly-nudge 1.0.0", or "weekly-nudge 1.0.0 (removed on 2026-03-02)".
        var said: String { "\(name) \(version)" + (removed.map { " (removed on \($0))" } ?? "") }
    }

    /// The installed version of `name`, else the last one removed.
    func previous(_ name: String) throws -> Previous? {
        if let entry = try lock.entries()[name] {
            return Previous(name: name, version: entry.version, sha256: entry.sha256, signer: entry.signer, removed: nil)
        }
        return try lock.removed()[name].map {
            Previous(name: name, version: $0.version, sha256: nil, signer: $0.signer, removed: $0.removed)
        }
    }

    /// Fetches `source` into `scratch` and checks it against what is
    /// installed: its name must not be reserved, `options` must suit this
    /// version's manifest, a signature must match the package; reading more
    /// than the version installed (or than `consented`) needs `acceptReads`,
    /// and a signer other than the installed version's, or a lower version,
    /// needs `allowing`. Writes nothing outside `scratch`.
    public func prepare(_ source: String, options: [String: String], acceptReads: Bool,
                        consented: PolicyManifest? = nil, allowing: Allowances = Allowances(), scratch: String) throws -> Prepared {
        let (package, commit) = try Self.fetch(source, into: scratch)
        let manifest = package.manifest
        try PackageFiles.checkPlain(manifest.name, field: "name", in: package.location)
        try PackageFiles.checkPlain(manifest.version, field: "version", in: package.location)
        if let reserved = ReservedNames.problem(with: manifest.name) { throw Problem.refusal("\(reserved); not installed") }
        // The option values must suit this version's manifest before anything is written.
        for (name, text) in options {
            guard let option = manifest.options.first(where: { $0.name == name }) else {
                let known = manifest.options.map(\.name)
                throw Problem.request("\(manifest.name) has no option '\(name)'" + (known.isEmpty ? "" : " (its options: \(known.joined(separator: ", ")))"))
            }
            _ = try PolicyManifest.value(text, type: option.type, field: "--option \(name)")
        }
        let verdict = try PackageSignature.verify(package)
        try Self.check(verdict, of: manifest, requiringSignatures: allowing.requireSignatures)
        let installed = try lock.entries()[manifest.name]
        var warnings: [String] = []
        // A package removed and added again meets the same guards as an update: its history is kept.
        if let previous = try previous(manifest.name) {
            let which = previous.removed == nil ? "the version installed" : "the version you removed on \(previous.removed!)"
            if let change = Self.signerChange(from: previous, to: verdict, version: manifest.version) {
                guard allowing.signerChange else {
                    let trust = verdict.signer == nil ? "if you trust this version unsigned" : "if you trust this version as it is signed"
                    throw Problem.refusal("\(change) Nothing was changed; \(trust), run again with --allow-signer-change")
                }
                warnings.append(change)
            }
            if let old = PackageVersion(previous.version), let new = PackageVersion(manifest.version) {
                if new < old {
                    let downgrade = "\(manifest.name) \(new) is older than \(which), \(old)."
                    guard allowing.downgrade else {
                        throw Problem.refusal("\(downgrade) Nothing was changed; to go back to it, run again with --allow-downgrade")
                    }
                    warnings.append(downgrade + " It replaces the newer one, as you allowed.")
                } else if new == old, let pinned = previous.sha256, package.sha256 != pinned {
                    // The same version with other files: whoever reads "1.0.0" must be able to know which files that is.
                    let same = "\(manifest.name) \(new) holds other files than \(which) under the same version (sha256 \(package.sha256.prefix(12)), "
                        + "pinned \(pinned.prefix(12)))."
                    guard allowing.sameVersion else {
                        throw Problem.refusal("\(same) Nothing was changed; a changed package needs a new version (ask its author), "
                                              + "or, to take these files as they are, run again with --allow-same-version")
                    }
                    warnings.append(same + " They replace the pinned ones, as you allowed.")
                }
            }
        }
        if let mismatch = Self.authorMismatch(manifest, verdict) { warnings.append(mismatch) }
        // The values set for the version installed carry over, where this version still has the option.
        var kept = options
        var dropped: [String] = []
        for (name, value) in installed?.options ?? [:] where kept[name] == nil {
            if manifest.options.contains(where: { $0.name == name }) { kept[name] = value } else { dropped.append(name) }
        }
        if let installed {
            let widened = (consented ?? Self.consented(installed, current: manifest)).widened(manifest)
            if !widened.isEmpty && !acceptReads {
                throw Problem.refusal("""
                    \(manifest.name) \(manifest.version) reads more than the version installed: \(widened.joined(separator: ", ")). \
                    Nothing was changed; if you agree, run again with --accept-reads
                    """)
            }
        }
        let copy = try Self.write(package, into: scratch + "/package")
        // A path on disk is recorded whole (update fetches from it again, from anywhere); a URL as given.
        let recorded = FileManager.default.fileExists(atPath: source) ? URL(fileURLWithPath: source).standardizedFileURL.path : source
        return Prepared(package: package, commit: commit, verdict: verdict, options: kept, dropped: dropped,
                        source: recorded, copy: copy, warnings: warnings)
    }

    /// Refuses a signature that does not match, one in the old format, and,
    /// when signatures are required, a package no trusted signer signed.
    static func check(_ verdict: PackageSignature.Verdict, of manifest: PolicyManifest, requiringSignatures: Bool) throws {
        let package = "\(manifest.name) \(manifest.version)"
        switch verdict {
        case .bad(let why):
            throw Problem.refusal("\(package): its signature does not match its files (\(why)); not installed")
        case .oldFormat(let signer):
            throw Problem.refusal("""
                \(package) is \(signer.said) in the old format, which did not name the package and its version; \
                not installed. Ask its author to sign it again with the current 'cadence policy sign'
                """)
        case .unsigned where requiringSignatures, .unknownSigner where requiringSignatures:
            throw Problem.refusal("""
                \(package) is \(verdict.said), and you require signatures (--require-signatures, or \
                require-signatures in \(SharingSettings.path())); not installed. \
                Add its author's key to \(PackageSignature.allowedSignersPath()) if you trust them
                """)
        case .unsigned, .unknownSigner, .signed: break
        }
    }

    /// The sentence that says the package is not signed as the version
    /// installed was, or nil when it is (or the version installed was unsigned).
    static func signerChange(from previous: Previous, to verdict: PackageSignature.Verdict, version: String) -> String? {
        guard let before = previous.signer else { return nil }
        if let now = verdict.signer, now.isSame(as: before) { return nil }
        return "\(previous.said) was \(before.said); \(version) is \(verdict.said)."
    }

    /// The sentence that says the manifest's author is not who signed it,
    /// or nil. The author is what the package says of itself; the signer is
    /// whom the user's allowed signers vouch for: only a warning, as the
    /// signer may publish someone else's work, but the user should know.
    static func authorMismatch(_ manifest: PolicyManifest, _ verdict: PackageSignature.Verdict) -> String? {
        guard case .signed(let signer) = verdict, let principal = signer.principal else { return nil }
        var address = manifest.author.trimmingCharacters(in: .whitespaces)
        if let open = address.lastIndex(of: "<"), let close = address.lastIndex(of: ">"), open < close {
            address = String(address[address.index(after: open)..<close])
        }
        guard address.lowercased() != principal.lowercased() else { return nil }
        return "\(manifest.name) says it is by '\(PackageFiles.visible(manifest.author))', but it is \(signer.said): "
            + "the signer vouches for these files, not for the author the manifest names."
    }

    /// Pins what `prepare` fetched: its files copied into the workspace, each
    /// by SHA-256, with the options and limits it runs under.
    @discardableResult
    public func install(_ prepared: Prepared, limits: PackageLock.Limits, today: LocalDate) throws -> PackageLock.Entry {
        // A key the allowed signers do not hold is recorded too: a later version signed otherwise is then a change.
        let signer: PackageSignature.Signer? = switch prepared.verdict {
        case .signed(let signer), .unknownSigner(let signer): signer
        case .unsigned, .oldFormat, .bad: nil
        }
        return try lock.install(prepared.package, source: prepared.source, commit: prepared.commit, signer: signer,
                                options: prepared.options, limits: limits, today: today)
    }

    /// The manifest the lock recorded consent for: `current`, reading what
    /// the user agreed to at install.
    public static func consented(_ entry: PackageLock.Entry, current: PolicyManifest) -> PolicyManifest {
        var consented = current
        consented.reads = entry.reads
        return consented
    }

    /// A package from a folder, a file, or a git repository (cloned into
    /// `scratch`, its .git removed), with the commit when there is one.
    public static func fetch(_ source: String, into scratch: String) throws -> (PolicyPackage, commit: String?) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: source, isDirectory: &isFolder) {
            let package = try PolicyPackage(at: source)
            var commit: String?
            if isFolder.boolValue, FileManager.default.fileExists(atPath: source + "/.git") {
                let head = try Subprocess.run("git", ["-C", source, "rev-parse", "HEAD"])
                if head.status == 0 { commit = head.output.trimmingCharacters(in: .whitespacesAndNewlines) }
            }
            return (package, commit)
        }
        guard source.contains("://") || source.hasSuffix(".git") || source.contains("@") else { throw Problem.request(noSuch(source)) }
        let target = scratch + "/clone"
        let clone = try Subprocess.run("git", ["clone", "--quiet", "--depth", "1", "--", source, target], seconds: 300)
        guard clone.status == 0 else {
            // What git says may come from the remote ("remote: …"): shown with its controls as escapes.
            let said = clone.errors.split(separator: "\n").map { PackageFiles.visible(String($0), limit: 200) }.prefix(5).joined(separator: "; ")
            throw Problem.request("git could not fetch \(source): \(said)")
        }
        let head = try Subprocess.run("git", ["-C", target, "rev-parse", "HEAD"])
        try? FileManager.default.removeItem(atPath: target + "/.git")
        return (try PolicyPackage(at: target), head.status == 0 ? head.output.trimmingCharacters(in: .whitespacesAndNewlines) : nil)
    }

    /// What every command says of a package path that names nothing.
    public static func noSuch(_ path: String) -> String {
        "\(PackageFiles.visible(path, limit: 200)): no such folder or file (a package is a folder, a .lua file, or a git repository URL)"
    }

    /// The package's files, written into `folder` (what tests and diffs read, unchangeable by the source).
    public static func write(_ package: PolicyPackage, into folder: String) throws -> String {
        try PackageFiles.checkNames(package.files.keys, in: package.location)
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw DomainError.invalid(field: folder, "cannot be made: \(PackageFiles.reason(error))")
        }
        for (name, data) in package.files {
            do { try data.write(to: URL(fileURLWithPath: folder + "/" + name)) } catch {
                throw DomainError.invalid(field: folder + "/" + name, "cannot be written: \(PackageFiles.reason(error))")
            }
        }
        return folder
    }

    /// `diff -u` of each file of the installed `entry` (in `installedFolder`)
    /// against the new `package` (written in `newFolder`), each labelled with its name.
    public static func differences(from entry: PackageLock.Entry, in installedFolder: String,
                                   to package: PolicyPackage, in newFolder: String) throws -> [String] {
        let names = Set(package.files.keys).union(entry.files.keys).sorted()
        return try names.map { file in
            let before = entry.files[file] == nil ? "/dev/null" : installedFolder + "/" + file
            let after = package.files[file] == nil ? "/dev/null" : newFolder + "/" + file
            // A link planted among the installed files is compared as a link, never followed.
            // As text, always: a NUL (in an installed file changed on disk) must not turn the diff into "Binary files differ".
            let diff = try Subprocess.run("diff", ["-u", "--text", "--no-dereference", "--label", "installed/" + file, "--label", "new/" + file,
                                                   before, after]).output
            // The package's text goes to the terminal: its controls and bidi marks as escapes, tabs and line ends kept.
            return diff.split(separator: "\n", omittingEmptySubsequences: false)
                .map { line in line.split(separator: "\t", omittingEmptySubsequences: false).map { PackageFiles.visible(String($0), limit: 2000) }
                    .joined(separator: "\t") }
                .joined(separator: "\n")
        }
    }

    /// A new, empty folder of its own for one command's fetches; the caller removes it.
    public static func scratchFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadence-package-\(UUID().uuidString)").path
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw DomainError.invalid(field: folder, "cannot be made for the package's files: \(PackageFiles.reason(error))")
        }
        return folder
    }
}
