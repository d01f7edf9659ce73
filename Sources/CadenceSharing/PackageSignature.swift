import CadenceCore
import Foundation

/// A package's optional signature: `ssh-keygen -Y sign -n cadence-policy`
/// over the package's statement (`statement(of:)`: the format, the
/// package's name and version, and every file's SHA-256), checked against
/// the signers the user trusts, in OpenSSH's allowed-signers format (one
/// "PRINCIPAL KEYTYPE KEY" a line).
///
/// The statement names the package and its version, so a signature made for
/// one package or version cannot be carried over to another; its files'
/// names are plain (`PackageFiles`), so no name can add a line of its own.
public enum PackageSignature {
    public static let namespace = "cadence-policy"
    /// The statement's first line: what a signature of this format means.
    public static let format = "cadence-package-signature v2"

    /// Who signed: the allowed signers' principal who holds the key (nil
    /// when none does), and the key as ssh-keygen names it ("ED25519 key SHA256:…").
    public struct Signer: Equatable, Sendable {
        public var principal: String?
        public var key: String?

        public init(principal: String?, key: String?) {
            self.principal = principal
            self.key = key
        }

        /// The words every command uses for a signer: "signed by
        /// sam@example.org (ED25519 key SHA256:…)".
        public var said: String {
            let who = principal ?? "a key your allowed signers do not hold"
            return "signed by \(PackageFiles.visible(who))" + (key.map { " (\($0))" } ?? "")
        }

        /// Whether `other` is the same signer: the same key when both keys are
        /// known (the principal is only the user's name for a key, and may
        /// come later, once they trust it), else the same principal.
        public func isSame(as other: Signer) -> Bool {
            if let key, let otherKey = other.key { return key == otherKey }
            return principal != nil && principal == other.principal
        }
    }

    public enum Verdict: Equatable, Sendable {
        case unsigned
        /// Signed by a key the allowed signers hold.
        case signed(Signer)
        /// Signed over this package, by a key the allowed-signers file does not hold (or there is no such file).
        case unknownSigner(Signer)
        /// Signed over the files alone, in the format before the statement named the package and its version.
        case oldFormat(Signer)
        case bad(String)

        /// Who signed, when someone did.
        public var signer: Signer? {
            switch self {
            case .signed(let signer), .unknownSigner(let signer), .oldFormat(let signer): signer
            case .unsigned, .bad: nil
            }
        }

        /// The words `policy add` and `policy list` both use: "unsigned", or the signer's.
        public var said: String {
            switch self {
            case .unsigned: "unsigned"
            case .signed(let signer), .unknownSigner(let signer), .oldFormat(let signer): signer.said
            case .bad(let why): "a signature that does not match its files (\(why))"
            }
        }
    }

    /// `$CADENCE_ALLOWED_SIGNERS`, else `$XDG_CONFIG_HOME/cadence/allowed_signers`,
    /// else `~/.config/cadence/allowed_signers`.
    public static func allowedSignersPath(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment["CADENCE_ALLOWED_SIGNERS"], !explicit.isEmpty { return explicit }
        return SharingSettings.configFolder(environment) + "/allowed_signers"
    }

    /// What a signature signs: the format, the package's name and version,
    /// the number of files, then "SHA256  NAME" a file, sorted by name.
    /// Refuses a package whose file names, name or version are not plain.
    public static func statement(of package: PolicyPackage) throws -> String {
        try PackageFiles.checkNames(package.files.keys, in: package.location)
        try PackageFiles.checkPlain(package.manifest.name, field: "name", in: package.location)
        try PackageFiles.checkPlain(package.manifest.version, field: "version", in: package.location)
        return "\(format)\nname: \(package.manifest.name)\nversion: \(package.manifest.version)\nfiles: \(package.files.count)\n"
            + package.fileList
    }

    /// Checks the package's signature, if it has one, against the allowed
    /// signers at `allowedSigners` as they are now. A signer they hold costs
    /// two runs of ssh-keygen (which principal holds the key, then the
    /// signature against it); any other signature, two or three.
    public static func verify(_ package: PolicyPackage, allowedSigners: String = allowedSignersPath()) throws -> Verdict {
        guard let signature = package.signature else { return .unsigned }
        let statement = try statement(of: package)
        let signers = try AllowedSigners.load(allowedSigners)
        let scratch = try PackageInstaller.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let signaturePath = scratch + "/package.sig"
        do { try signature.write(to: URL(fileURLWithPath: signaturePath)) } catch {
            throw DomainError.invalid(field: scratch, "cannot hold the signature to check it: \(PackageFiles.reason(error))")
        }
        // ssh-keygen reads a copy of the signers' lines, never the user's path (which could become a FIFO).
        let trusted = try signers.copy(into: scratch)
        let holder = try trusted.flatMap { try Self.principal(of: signaturePath, allowedSigners: $0) }
        var refused: String?
        if let holder, let trusted {
            let checked = try Subprocess.run("ssh-keygen", ["-Y", "verify", "-f", trusted, "-I", holder, "-n", namespace,
                                                            "-s", signaturePath], input: statement)
            if checked.status == 0 { return .signed(Signer(principal: holder, key: key(in: checked.output + checked.errors))) }
            refused = firstLine(checked.errors)
        }
        // Whether it signs this package at all, whoever signed, and with which key.
        let sound = try Subprocess.run("ssh-keygen", ["-Y", "check-novalidate", "-n", namespace, "-s", signaturePath], input: statement)
        guard sound.status == 0 else {
            let old = try Subprocess.run("ssh-keygen", ["-Y", "check-novalidate", "-n", namespace, "-s", signaturePath], input: package.fileList)
            if old.status == 0 { return .oldFormat(Signer(principal: holder, key: key(in: old.output + old.errors))) }
            return .bad(firstLine(sound.errors) ?? "the signature does not match the files")
        }
        // Sound, by a key a principal holds, yet refused for them (a namespace or a validity the line sets): not trusted here.
        if let refused { return .bad(refused) }
        return .unknownSigner(Signer(principal: nil, key: key(in: sound.output + sound.errors)))
    }

    /// The allowed signers' principal that holds the signature's key, if any.
    static func principal(of signaturePath: String, allowedSigners: String) throws -> String? {
        let found = try Subprocess.run("ssh-keygen", ["-Y", "find-principals", "-s", signaturePath, "-f", allowedSigners])
        guard found.status == 0 else { return nil }
        return firstLine(found.output)
    }

    /// The key in ssh-keygen's "Good … signature … with ED25519 key SHA256:…": "ED25519 key SHA256:…".
    static func key(in output: String) -> String? {
        guard let match = output.firstMatch(of: /with ([A-Za-z0-9-]+) key (SHA256:[A-Za-z0-9+\/=]+)/) else { return nil }
        return "\(match.1) key \(match.2)"
    }

    /// The first line of what ssh-keygen said, safe to print.
    /// (Split where any line ends, "\r\n" being one Character, and trimmed of
    /// the line end and spaces, so a CRLF is not shown as escapes.)
    static func firstLine(_ text: String) -> String? {
        text.split(whereSeparator: \.isNewline).lazy.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.first { !$0.isEmpty }
            .map { PackageFiles.visible($0, limit: 200) }
    }

    /// Signs the package folder `folder` with the SSH private key `key`:
    /// writes its signature file beside its files. Returns the package signed.
    public static func sign(folder: String, key: String) throws -> PolicyPackage {
        guard FileManager.default.fileExists(atPath: folder) else { throw PackageInstaller.Problem.request(PackageInstaller.noSuch(folder)) }
        guard FileManager.default.fileExists(atPath: key) else {
            throw PackageInstaller.Problem.request("\(key): no such key file (give your SSH private key, such as ~/.ssh/id_ed25519)")
        }
        let package = try PolicyPackage(at: folder)
        guard folder.hasSuffix(".lua") == false, package.files[PolicyManifest.fileName] != nil else {
            throw PackageInstaller.Problem.request(
                "\(folder): only a package folder can carry a signature (pack a single file first: 'cadence policy pack')")
        }
        let statement = try statement(of: package)
        let scratch = try PackageInstaller.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let signed = scratch + "/statement"
        do { try statement.write(toFile: signed, atomically: true, encoding: .utf8) } catch {
            throw DomainError.invalid(field: scratch, "cannot hold the statement to sign: \(PackageFiles.reason(error))")
        }
        let result = try Subprocess.run("ssh-keygen", ["-Y", "sign", "-q", "-f", key, "-n", namespace, signed])
        guard result.status == 0, let signature = FileManager.default.contents(atPath: signed + ".sig") else {
            // It asked for a passphrase no one could type (its prompt is no part of the reason).
            let said = firstLine(result.errors.replacingOccurrences(of: "Enter passphrase: ", with: "")) ?? "it gave no reason"
            let hint = result.errors.contains("passphrase")
                ? " (a key with a passphrase: add it to ssh-agent with 'ssh-add \(key)', then give its .pub file as --key)" : ""
            throw PackageInstaller.Problem.request("ssh-keygen could not sign with \(key): \(said)\(hint)")
        }
        let target = folder + "/" + PolicyPackage.signatureFile
        do { try signature.write(to: URL(fileURLWithPath: target)) } catch {
            throw DomainError.invalid(field: target, "cannot be written: \(PackageFiles.reason(error))")
        }
        return package
    }
}
