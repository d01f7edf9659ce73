import Foundation

/// A package's optional signature: `ssh-keygen -Y sign -n cadence-policy`
/// over the package's list of file hashes (`PolicyPackage.signedText`),
/// checked against the signers the user trusts, in OpenSSH's allowed-signers
/// format (one "PRINCIPAL KEYTYPE KEY" a line).
public enum PackageSignature {
    public static let namespace = "cadence-policy"

    public enum Verdict: Equatable, Sendable {
        case unsigned
        case signed(by: String)
        /// Signed, by a key the allowed-signers file does not hold (or there is no such file).
        case unknownSigner
        case bad(String)
    }

    /// `$CADENCE_ALLOWED_SIGNERS`, else `~/.config/cadence/allowed_signers`.
    public static func allowedSignersPath(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment["CADENCE_ALLOWED_SIGNERS"], !explicit.isEmpty { return explicit }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/cadence/allowed_signers"
    }

    public static func verify(_ package: PolicyPackage, allowedSigners: String = allowedSignersPath()) throws -> Verdict {
        guard let signature = package.signature else { return .unsigned }
        guard FileManager.default.fileExists(atPath: allowedSigners) else { return .unknownSigner }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadence-signature-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let signaturePath = folder.appendingPathComponent("package.sig").path
        try signature.write(to: URL(fileURLWithPath: signaturePath))
        let found = try Subprocess.run("ssh-keygen", ["-Y", "find-principals", "-s", signaturePath, "-f", allowedSigners])
        guard found.status == 0, let principal = found.output.split(separator: "\n").first.map(String.init) else { return .unknownSigner }
        let checked = try Subprocess.run("ssh-keygen", ["-Y", "verify", "-f", allowedSigners, "-I", principal, "-n", namespace,
                                                        "-s", signaturePath], input: package.signedText)
        if checked.status == 0 { return .signed(by: principal) }
        return .bad(checked.errors.split(separator: "\n").first.map(String.init) ?? "the signature does not match the files")
    }

    /// Signs the package folder `folder` with the SSH private key `key`:
    /// writes its signature file beside its files. Returns the package signed.
    public static func sign(folder: String, key: String) throws -> PolicyPackage {
        let package = try PolicyPackage(at: folder)
        guard folder.hasSuffix(".lua") == false, package.files[PolicyManifest.fileName] != nil else {
            throw PackageInstaller.Problem.request(
                "\(folder): only a package folder can carry a signature (pack a single file first: 'cadence policy pack')")
        }
        let scratch = try PackageInstaller.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let signed = scratch + "/files"
        try package.signedText.write(toFile: signed, atomically: true, encoding: .utf8)
        let result = try Subprocess.run("ssh-keygen", ["-Y", "sign", "-q", "-f", key, "-n", namespace, signed])
        guard result.status == 0, let signature = FileManager.default.contents(atPath: signed + ".sig") else {
            throw PackageInstaller.Problem.request(
                "ssh-keygen could not sign with \(key): \(result.errors.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        try signature.write(to: URL(fileURLWithPath: folder + "/" + PolicyPackage.signatureFile))
        return package
    }
}
