import CadenceCore
import Foundation

/// The workspace's installed policies: each package's files under
/// `packages/NAME/`, and `packages.lock`, which pins every one of them (its
/// source, version, commit, and the SHA-256 of every file) with what the
/// user consented to let it read. Every load checks the files against the
/// pins: a changed, added or missing file stops that package, with why.
public struct PackageLock: Sendable {
    public let folder: String

    public struct Entry: Codable, Equatable, Sendable {
        public var name: String
        public var version: String
        /// Where it came from: a folder, a file, or a git repository.
        public var source: String
        /// The git commit installed, for a repository.
        public var commit: String?
        public var sha256: String
        public var files: [String: String]
        /// What the user agreed it may read (the manifest's `reads` at install).
        public var reads: [String: [String]]
        /// Who signed it (the allowed-signers principal), or nil: unsigned, or
        /// signed by a key the allowed signers did not hold at install.
        public var signedBy: String?
        /// The key that signed it, as ssh-keygen names it ("ED25519 key SHA256:…"); nil when
        /// unsigned, or for a lock written before Cadence kept it.
        public var signingKey: String?
        /// Option values the user set, as text (the manifest's defaults otherwise).
        public var options: [String: String]
        public var limits: Limits
        public var installed: String

        /// Who signed it, or nil: unsigned.
        public var signer: PackageSignature.Signer? {
            signedBy == nil && signingKey == nil ? nil : PackageSignature.Signer(principal: signedBy, key: signingKey)
        }

        /// What `policy list` and `show` say of its signature, in the words `policy add` used.
        public var signatureSaid: String { signer?.said ?? PackageSignature.Verdict.unsigned.said }
    }

    /// How much an installed policy's worker may use.
    public struct Limits: Codable, Equatable, Sendable {
        public var seconds: Double
        public var memory: Int
        public static let standard = Limits(seconds: 20, memory: 512 << 20)
        /// The most a package's worker may be given: every agenda waits for
        /// it, so a looping package holds the agenda up to this long.
        public static let most = Limits(seconds: 120, memory: 8 << 30)
        /// The least a worker needs to start.
        public static let least = Limits(seconds: 0.1, memory: 16 << 20)

        /// These limits within `least` and `most` (a hand-edited lock may hold
        /// any number): a worker is never started with an endless or absurd deadline.
        public var bounded: Limits {
            let seconds = self.seconds.isNaN ? Self.standard.seconds : self.seconds
            return Limits(seconds: min(max(seconds, Self.least.seconds), Self.most.seconds),
                          memory: min(max(memory, Self.least.memory), Self.most.memory))
        }
        public init(seconds: Double, memory: Int) {
            self.seconds = seconds
            self.memory = memory
        }
    }

    /// What the lock remembers of a package removed: enough that adding it
    /// again meets the guards an update would (a lower version, another signer).
    public struct Removed: Codable, Equatable, Sendable {
        public var name: String
        public var version: String
        public var signedBy: String?
        public var signingKey: String?
        public var removed: String

        public var signer: PackageSignature.Signer? {
            signedBy == nil && signingKey == nil ? nil : PackageSignature.Signer(principal: signedBy, key: signingKey)
        }
    }

    struct File: Codable {
        var lockVersion: Int
        var packages: [String: Entry]
        /// Packages removed, by name (absent from locks written before Cadence kept them).
        var removed: [String: Removed]?
    }

    public init(workspace: String) { folder = workspace }

    public var lockPath: String { folder + "/packages.lock" }
    public func packageFolder(_ name: String) -> String { folder + "/packages/" + name }

    /// The installed packages' pins, by name (none without a lockfile).
    public func entries() throws -> [String: Entry] { try read().packages }

    /// What is remembered of the packages removed, by name.
    public func removed() throws -> [String: Removed] { try read().removed ?? [:] }

    func read() throws -> File {
        guard FileManager.default.fileExists(atPath: lockPath) else { return File(lockVersion: 1, packages: [:], removed: nil) }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: lockPath)) } catch {
            throw DomainError.invalid(field: lockPath, "cannot be read: \(PackageFiles.reason(error))")
        }
        do { return try JSONDecoder().decode(File.self, from: data) }
        catch {
            throw DomainError.invalid(field: lockPath, "cannot be read (\(DecodingReason.of(error))); restore it, or remove the packages and add them again")
        }
    }

    /// An installed package as it may run: its files checked against the
    /// pins, and its signature as the allowed signers judge it now.
    public struct Checked: Sendable {
        public var package: PolicyPackage
        public var entry: Entry
        public var verdict: PackageSignature.Verdict
    }

    /// The installed package `name`, its files checked against the pins and
    /// its signature against the allowed signers and settings as they are now.
    public func verified(_ name: String) throws -> (PolicyPackage, Entry) {
        let checked = try checked(name)
        return (checked.package, checked.entry)
    }

    /// The installed package `name`, checked as `verified` checks it, with
    /// what its signature says now. The signature file is checked as the
    /// other files are (deleted, changed or added after install, it stops the
    /// package), and who signed is asked of the allowed signers at every load,
    /// not taken from the lock: a signer the user no longer trusts is no longer
    /// said to be trusted, and under `require-signatures` (the settings file
    /// at `settings`) a package no trusted signer signed does not run.
    public func checked(_ name: String, allowedSigners: String = PackageSignature.allowedSignersPath(),
                        settings: String = SharingSettings.path()) throws -> Checked {
        guard let entry = try entries()[name] else { throw DomainError.invalid(field: name, "no package of that name is installed ('cadence policy list')") }
        if let reserved = ReservedNames.problem(with: name) {
            throw Tampered(description: "\(reserved): not run. Remove it ('cadence policy remove \(name)')")
        }
        let folder = packageFolder(name)
        let found = try installedFiles(name)
        if let change = Self.changes(in: found, from: entry).first { throw tampered(name, change) }
        let package: PolicyPackage
        do { package = try PolicyPackage(reading: found, at: folder) }
        catch { throw DomainError.invalid(field: name, "its installed files cannot be read: \(error)") }
        // The pin's name is the package's: a lock edited to give one package another's name is not believed.
        if package.manifest.name != name {
            throw tampered(name, "its manifest names another package (\(TerminalText.line(package.manifest.name)))")
        }
        if package.manifest.reads != entry.reads {
            throw tampered(name, "its manifest reads more than you agreed to")
        }
        let verdict = try PackageSignature.verify(package, allowedSigners: allowedSigners)
        if let change = Self.signatureChange(verdict, from: entry) { throw tampered(name, change) }
        if try SharingSettings.load(from: settings).requireSignatures, let why = Self.untrusted(verdict) {
            throw Untrusted(description: """
                not run: signatures are required (require-signatures in \(settings)) and it is \(why). \
                Remove it ('cadence policy remove \(name)'), or add a version signed by someone you trust
                """)
        }
        return Checked(package: package, entry: entry, verdict: verdict)
    }

    /// How the signature differs from the one installed, a sentence; nil when
    /// it is the same signer's. (Only a key the lock recorded is compared: a
    /// lock written before Cadence kept keys compares the principal.)
    static func signatureChange(_ verdict: PackageSignature.Verdict, from entry: Entry) -> String? {
        let file = PolicyPackage.signatureFile
        switch verdict {
        case .bad(let why): return "\(file) does not match the files installed (\(why))"
        case .oldFormat: return "\(file) changed since it was installed (it is now in the old format)"
        case .unsigned: return entry.signer == nil ? nil : "\(file) is missing (it was \(entry.signatureSaid))"
        case .signed(let now), .unknownSigner(let now):
            guard let before = entry.signer else { return "\(file) was added since it was installed" }
            if before.key != nil, now.key != nil { return now.key == before.key ? nil : "\(file) changed since it was installed (it was \(before.said); it is \(now.said))" }
            if case .signed = verdict, before.principal != now.principal {
                return "\(file) changed since it was installed (it was \(before.said); it is \(now.said))"
            }
            return nil
        }
    }

    /// What is missing for `verdict` to be trusted ("unsigned", "signed by a
    /// key your allowed signers do not hold (…)"), or nil when a trusted signer signed.
    static func untrusted(_ verdict: PackageSignature.Verdict) -> String? {
        if case .signed = verdict { return nil }
        return verdict.said
    }

    /// An installed package that may not run as things are now: signatures are
    /// required, and no signer the user trusts signed it.
    public struct Untrusted: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// How the installed files of `name` differ from their pins, a sentence a
    /// file ("policy.lua changed since it was installed (…)"); empty when every file matches.
    public func changes(_ name: String) throws -> [String] {
        guard let entry = try entries()[name] else { throw DomainError.invalid(field: name, "no package of that name is installed ('cadence policy list')") }
        return Self.changes(in: try installedFiles(name), from: entry)
    }

    /// The files in the folder of the installed package `name`, read as every package's are (`PackageFiles`).
    func installedFiles(_ name: String) throws -> [String: Data] {
        do { return try PackageFiles.read(folder: packageFolder(name)) }
        catch { throw DomainError.invalid(field: name, "its installed files cannot be read: \(error)") }
    }

    static func changes(in found: [String: Data], from entry: Entry) -> [String] {
        var files = found
        files[PolicyPackage.signatureFile] = nil
        var changes: [String] = []
        for (file, pinned) in entry.files.sorted(by: { $0.key < $1.key }) {
            guard let data = files[file] else { changes.append("\(file) is missing"); continue }
            let actual = FileDigest.sha256(data)
            if actual != pinned {
                changes.append("\(file) changed since it was installed (sha256 \(actual.prefix(12)), pinned \(pinned.prefix(12)))")
            }
        }
        for extra in files.keys.sorted() where entry.files[extra] == nil { changes.append("\(extra) was added since it was installed") }
        return changes
    }

    func tampered(_ name: String, _ what: String) -> Tampered {
        Tampered(description: "\(what): not run. Reinstall it ('cadence policy add') or remove it ('cadence policy remove \(name)')")
    }

    /// An installed package whose files no longer match their pins.
    public struct Tampered: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Installs `package` (replacing the same name), pinned; returns its entry.
    @discardableResult
    public func install(_ package: PolicyPackage, source: String, commit: String?, signer: PackageSignature.Signer?,
                        options: [String: String], limits: Limits, today: LocalDate) throws -> Entry {
        let name = package.manifest.name
        try PackageFiles.checkPlain(name, field: "name", in: package.location)
        try PackageFiles.checkPlain(package.manifest.version, field: "version", in: package.location)
        if let reserved = ReservedNames.problem(with: name) { throw DomainError.invalid(field: name, reserved) }
        let manager = FileManager.default
        try PackageFiles.checkNames(package.files.keys, in: package.location)
        // Written beside, then swapped in: an install that fails leaves the old one whole.
        let staging = folder + "/packages/.\(name).new"
        try? manager.removeItem(atPath: staging)
        do {
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw DomainError.invalid(field: folder + "/packages", "cannot be written: \(PackageFiles.reason(error))")
        }
        var written = package.files
        if let signature = package.signature { written[PolicyPackage.signatureFile] = signature }
        for (file, data) in written {
            do { try data.write(to: URL(fileURLWithPath: staging + "/" + file), options: .withoutOverwriting) } catch {
                try? manager.removeItem(atPath: staging)
                throw DomainError.invalid(field: staging + "/" + file, "cannot be written: \(PackageFiles.reason(error))")
            }
        }
        let entry = Entry(name: name, version: package.manifest.version, source: source, commit: commit, sha256: package.sha256,
                          files: package.digests, reads: package.manifest.reads, signedBy: signer?.principal,
                          signingKey: signer?.key, options: options,
                          limits: limits, installed: today.description)
        var all = try read()
        all.packages[name] = entry
        all.removed?[name] = nil  // installed again: the entry carries its history now
        if all.removed?.isEmpty == true { all.removed = nil }
        let target = packageFolder(name)
        let old = folder + "/packages/.\(name).old"
        try? manager.removeItem(atPath: old)
        do {
            if manager.fileExists(atPath: target) { try manager.moveItem(atPath: target, toPath: old) }
            try manager.moveItem(atPath: staging, toPath: target)
        } catch {
            if !manager.fileExists(atPath: target), manager.fileExists(atPath: old) { try? manager.moveItem(atPath: old, toPath: target) }
            try? manager.removeItem(atPath: staging)
            throw DomainError.invalid(field: target, "cannot be replaced: \(PackageFiles.reason(error))")
        }
        do { try write(all) } catch {
            try? manager.removeItem(atPath: target)
            if manager.fileExists(atPath: old) { try? manager.moveItem(atPath: old, toPath: target) }
            throw error
        }
        try? manager.removeItem(atPath: old)
        return entry
    }

    /// Removes the package `name`: its files and its pin, remembering its
    /// version and signer (adding it again meets the same guards as an update).
    public func remove(_ name: String, today: LocalDate) throws {
        var all = try read()
        guard let entry = all.packages.removeValue(forKey: name) else {
            throw DomainError.invalid(field: name, "no package of that name is installed ('cadence policy list')")
        }
        var removed = all.removed ?? [:]
        removed[name] = Removed(name: name, version: entry.version, signedBy: entry.signedBy,
                                signingKey: entry.signingKey, removed: today.description)
        all.removed = removed
        try write(all)
        try? FileManager.default.removeItem(atPath: packageFolder(name))
    }

    func write(_ file: File) throws {
        let data = try JSONOutput.data(file)
        do { try data.write(to: URL(fileURLWithPath: lockPath), options: .atomic) } catch {
            throw DomainError.invalid(field: lockPath, "cannot be written: \(PackageFiles.reason(error))")
        }
    }
}
