import CadenceCore
import Foundation

/// A shared policy as it travels: a folder holding `cadence-policy.json`,
/// the policy's Lua, its tests and optionally a signature; or one `.lua` file
/// whose first lines are the manifest in a comment:
///
///     --[[cadence-policy
///     { "name": "weekly-nudge", "version": "1.0.0", ... }
///     ]]
///
/// Reading one runs none of its code. Files are bytes, pinned by SHA-256.
public struct PolicyPackage: Sendable {
    public var manifest: PolicyManifest
    /// Every file of the package by name (the signature aside).
    public var files: [String: Data]
    /// `ssh-keygen -Y sign` over `PackageSignature.statement`, when the author signed it.
    public var signature: Data?
    /// Where it was read from.
    public var location: String

    public static let signatureFile = "cadence-policy.sig"

    public init(manifest: PolicyManifest, files: [String: Data], signature: Data?, location: String) {
        self.manifest = manifest
        self.files = files
        self.signature = signature
        self.location = location
    }

    /// Reads the package at `path` (a folder or a single .lua file), each
    /// file checked from `lstat` before it is read (`PackageFiles`).
    public init(at path: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw DomainError.invalid(field: path, "no such file or folder")
        }
        if isFolder.boolValue {
            try self.init(reading: try PackageFiles.read(folder: path), at: path)
        } else {
            try self.init(singleFile: path, data: try PackageFiles.read(file: path))
        }
    }

    /// The package made of `found`, the files of the folder `folder` as `PackageFiles` read them.
    public init(reading found: [String: Data], at folder: String) throws {
        var files = found
        let signature = files.removeValue(forKey: Self.signatureFile)
        // A single-file package, installed: a folder holding that one file.
        if files[PolicyManifest.fileName] == nil, files.count == 1, let (name, data) = files.first, name.hasSuffix(".lua") {
            try self.init(singleFile: folder + "/" + name, data: data)
            location = folder
            return
        }
        guard let json = files[PolicyManifest.fileName] else {
            throw DomainError.invalid(field: folder, "has no \(PolicyManifest.fileName): a package says what it is and what it reads there")
        }
        var manifest = try PolicyManifest(json: json, file: folder + "/" + PolicyManifest.fileName)
        if manifest.tests == nil, files["tests.lua"] != nil { manifest.tests = "tests.lua" }
        try self.init(checking: manifest, files: files, signature: signature, location: folder)
    }

    private init(singleFile path: String, data: Data) throws {
        let text = String(decoding: data, as: UTF8.self)
        let opening = "--[[cadence-policy"
        guard text.hasPrefix(opening), let end = text.range(of: "]]") else {
            throw DomainError.invalid(field: path, "does not begin with its manifest: a single-file policy starts with --[[cadence-policy { … } ]]")
        }
        let json = Data(text[text.index(text.startIndex, offsetBy: opening.count)..<end.lowerBound].utf8)
        var manifest = try PolicyManifest(json: json, file: path + " (its manifest)")
        let name = URL(fileURLWithPath: path).lastPathComponent
        manifest.entry = name
        manifest.tests = nil
        try self.init(checking: manifest, files: [name: data], signature: nil, location: path)
    }

    private init(checking manifest: PolicyManifest, files: [String: Data], signature: Data?, location: String) throws {
        for name in [manifest.entry] + (manifest.tests.map { [$0] } ?? []) where files[name] == nil {
            throw DomainError.invalid(field: location, "its manifest names \(name), which is not in the package")
        }
        for (name, data) in files where name.hasSuffix(".lua") {
            // Text only: bytecode would skip the compiler's checks (the sandbox loads text alone anyway).
            if data.first == 0x1B { throw DomainError.invalid(field: location + "/" + name, "is Lua bytecode; a package holds source text") }
        }
        // Every file is text a person can read in full: no NUL to make a diff say "binary", no control to work the terminal.
        try PackageText.check(files.merging(signature.map { [Self.signatureFile: $0] } ?? [:]) { a, _ in a }, in: location)
        self.init(manifest: manifest, files: files, signature: signature, location: location)
    }

    /// Each file's SHA-256, by name.
    public var digests: [String: String] { files.mapValues(FileDigest.sha256) }

    /// What the package's own hash is of: a line "SHA256  NAME" per file,
    /// sorted by name (a file's name has no control character: `PackageFiles`).
    public var fileList: String {
        digests.sorted { $0.key < $1.key }.map { "\($0.value)  \($0.key)\n" }.joined()
    }

    /// The package's hash: one SHA-256 over every file's (what the lock pins).
    public var sha256: String { FileDigest.sha256(fileList) }

    /// The entry's text, and the tests' (for the worker).
    public func text(_ name: String) -> String? { files[name].map { String(decoding: $0, as: UTF8.self) } }
}
