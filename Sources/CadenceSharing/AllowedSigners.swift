import CadenceCore
import Foundation

/// The user's allowed signers, read as Cadence reads every file of theirs
/// that it did not write: looked at before it is opened (a FIFO there would
/// hang ssh-keygen), bounded, and each line checked. OpenSSH skips a line it
/// cannot read with a message the user never sees; here such a line is a
/// warning naming the file and the line, and ssh-keygen is handed only the
/// lines that are signers, in a copy it reads instead of the user's file.
public struct AllowedSigners: Sendable {
    public let path: String
    /// The lines that name a signer ("PRINCIPALS [OPTIONS] KEYTYPE KEY"), as written.
    public let signers: [String]
    /// A sentence for each line that is not a signer: "FILE, line N: …; ignored".
    public let warnings: [String]

    /// allowed_signers is at most this many bytes.
    public static let maxSize = 1 << 20

    /// The key types OpenSSH signs with.
    static let keyTypes: Set<String> = [
        "ssh-ed25519", "ssh-rsa", "ssh-dss", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
        "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
    ]

    /// The allowed signers at `path` (none when there is no such file).
    public static func load(_ path: String = PackageSignature.allowedSignersPath()) throws -> AllowedSigners {
        guard let data = try PackageFiles.configuration(path, limit: maxSize) else { return AllowedSigners(path: path, signers: [], warnings: []) }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw DomainError.invalid(field: path, "is not UTF-8 text")
        }
        var signers: [String] = [], warnings: [String] = []
        // Split on the scalar "\n": a "\r\n" is one Character, and a CR stays in its line, to be trimmed or refused.
        for (index, raw) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw).trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
            if line.isEmpty || line.hasPrefix("#") { continue }
            if let problem = problem(with: line) {
                warnings.append("\(path), line \(index + 1): \(problem); ignored")
            } else {
                signers.append(line)
            }
        }
        return AllowedSigners(path: path, signers: signers, warnings: warnings)
    }

    /// Why `line` is not a signer, or nil when it is: a principal, then (after
    /// any options) a key type and a key whose bytes name that type.
    static func problem(with line: String) -> String? {
        if let scalar = line.unicodeScalars.first(where: { PackageFiles.isControl($0) && $0 != "\t" }) {
            return "'\(PackageFiles.visible(line))' holds a control character (U+\(PackageFiles.hex(scalar)))"
        }
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard words.count >= 3, let typeIndex = words.indices.dropFirst().first(where: { keyTypes.contains(words[$0]) }),
              typeIndex + 1 < words.count else {
            return "'\(PackageFiles.visible(line))' is not a signer (write: PRINCIPAL KEYTYPE KEY, such as you@example.org ssh-ed25519 AAAA…)"
        }
        let type = words[typeIndex]
        // The key's bytes start with its type, length-prefixed: a key cut short or pasted wrong does not.
        guard let key = Data(base64Encoded: words[typeIndex + 1]), key.count > 4 + type.utf8.count,
              key.prefix(4).reduce(0, { $0 << 8 | Int($1) }) == type.utf8.count, key.dropFirst(4).prefix(type.utf8.count).elementsEqual(type.utf8) else {
            return "the \(type) key of '\(PackageFiles.visible(words[0]))' is not a whole key (copy the line from the signer's .pub file again)"
        }
        return nil
    }

    /// The signers, one a line, written into `folder` for ssh-keygen to read; nil when there are none.
    func copy(into folder: String) throws -> String? {
        guard !signers.isEmpty else { return nil }
        let target = folder + "/allowed_signers"
        do { try Data((signers.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: target)) } catch {
            throw DomainError.invalid(field: folder, "cannot hold the allowed signers to check a signature: \(PackageFiles.reason(error))")
        }
        return target
    }
}
