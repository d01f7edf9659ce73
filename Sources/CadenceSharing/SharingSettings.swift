import CadenceCore
import Foundation

/// The user's settings for sharing, in `settings` beside `allowed_signers`
/// (`$XDG_CONFIG_HOME/cadence/settings`, else `~/.config/cadence/settings`):
/// one "KEY = VALUE" a line, `#` starting a comment. The one key so far:
///
///     require-signatures = yes
///
/// which makes every `policy add` and `policy update` refuse a package not
/// signed by someone the allowed signers hold, as `--require-signatures` does,
/// and every agenda leave out an installed package no one they hold signed.
public struct SharingSettings: Equatable, Sendable {
    public var requireSignatures = false

    public init(requireSignatures: Bool = false) { self.requireSignatures = requireSignatures }

    public static let keys = ["require-signatures"]
    /// The settings file is at most this many bytes.
    public static let maxSize = 64 << 10

    /// `$XDG_CONFIG_HOME/cadence` when it is an absolute path (as the XDG
    /// specification asks), else `~/.config/cadence`.
    public static func configFolder(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") { return config + "/cadence" }
        return (environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.config/cadence"
    }

    public static func path(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        configFolder(environment) + "/settings"
    }

    /// The settings in the file at `path` (the defaults when there is none);
    /// a line that is not a setting names the file, its line and the keys.
    public static func load(from path: String = path()) throws -> SharingSettings {
        // A plain file of a few lines: a FIFO or a device there is refused, not waited on.
        guard let data = try PackageFiles.configuration(path, limit: maxSize) else { return SharingSettings() }
        guard let text = String(data: data, encoding: .utf8) else { throw DomainError.invalid(field: path, "is not UTF-8 text") }
        var settings = SharingSettings()
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let field = "\(path), line \(index + 1)"
            let parts = trimmed.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { throw DomainError.invalid(field: field, "write KEY = VALUE (such as: require-signatures = yes)") }
            switch parts[0] {
            case "require-signatures":
                switch parts[1].lowercased() {
                case "yes", "true", "on": settings.requireSignatures = true
                case "no", "false", "off": settings.requireSignatures = false
                default: throw DomainError.invalid(field: field, "require-signatures is yes or no, not '\(PackageFiles.visible(parts[1]))'")
                }
            default:
                throw DomainError.invalid(field: field, "'\(PackageFiles.visible(parts[0]))' is not a setting (the settings: \(keys.joined(separator: ", ")))")
            }
        }
        return settings
    }
}
