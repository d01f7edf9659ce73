import CadenceCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A package's files as they are read from disk, wherever that happens
/// (fetch, install, verification at agenda time, signing, packing): every
/// entry of the folder is counted and looked at with `lstat`, its name
/// checked, and the sizes added up, before a byte of any file is read; then
/// each file is read with a bounded read, so a file that grows or is swapped
/// after its `lstat` still costs no more than the bound.
///
/// A package is a flat folder of plain files: a symbolic link (to
/// /etc/passwd, say), a device, a FIFO or a subfolder is refused, naming it.
public enum PackageFiles {
    /// At most this many bytes a file, and in all; at most this many entries in the folder.
    public static let maxFileSize = 1 << 20
    public static let maxTotalSize = 4 << 20
    public static let maxFiles = 200
    /// A file's name is at most this many bytes (it is printed, listed and signed).
    public static let maxNameLength = 128

    /// Why `name` cannot be the name of a package's file, or nil when it can.
    /// A name is one plain component: no slash, not "." or "..", no control
    /// character (C0, DEL, C1) and no bidi control, checked scalar by scalar
    /// ("\r\n" is one Swift Character, two scalars): a name is a line of the
    /// signed statement and is shown on the terminal, so it must read as itself.
    public static func problem(withName name: String) -> String? {
        if name.isEmpty { return "an empty file name" }
        if let scalar = name.unicodeScalars.first(where: isControl) {
            return "the file name '\(visible(name))' holds a control character (U+\(hex(scalar)))"
        }
        if let scalar = name.unicodeScalars.first(where: isBidiControl) {
            return "the file name '\(visible(name))' holds a bidi control (U+\(hex(scalar))), which reorders what is shown"
        }
        if name == "." || name == ".." || name.contains("/") {
            return "the file name '\(visible(name))' is not a plain name (a package's files sit side by side, with no folders)"
        }
        if let scalar = name.unicodeScalars.first(where: { !isNameScalar($0) }) {
            return "the file name '\(visible(name))' holds U+\(hex(scalar)), which may look like nothing or like another name "
                + "(a package's file names are letters, digits, '-', '_', '.' and '+')"
        }
        if name.utf8.count > maxNameLength { return "the file name '\(visible(name))' is longer than \(maxNameLength) bytes" }
        return nil
    }

    /// Throws when any of `names` cannot be a package file's name; `location` names the package.
    public static func checkNames<Names: Sequence<String>>(_ names: Names, in location: String) throws {
        for name in names.sorted() {
            if let problem = problem(withName: name) { throw DomainError.invalid(field: location, "\(problem): refused") }
        }
    }

    /// Throws when the manifest's `field` ("name", "version") holds a control
    /// or bidi character: they are lines of the signed statement, a folder's
    /// name and the lock's key. (A regular expression's "$" matches before a
    /// final newline, so "1.0.0\n" can pass a pattern.)
    public static func checkPlain(_ value: String, field: String, in location: String) throws {
        if value.unicodeScalars.contains(where: { isControl($0) || isBidiControl($0) }) {
            throw DomainError.invalid(field: location, "its \(field) '\(visible(value))' holds a control character: refused")
        }
    }

    /// The plain files of `folder`, by name (names starting with "." are
    /// counted and checked but not read: a clone's .git, an editor's files).
    public static func read(folder: String) throws -> [String: Data] {
        let names = try entries(of: folder)
        var sizes: [String: (size: Int, identity: Identity)] = [:]
        var total = 0
        for name in names where !name.hasPrefix(".") {
            let path = folder + "/" + name
            let (size, identity) = try examined(path)
            sizes[name] = (size, identity)
            total += size
            guard total <= maxTotalSize else {
                throw DomainError.invalid(field: folder, "its files come to more than \(maxTotalSize >> 20) MiB, a package's bound in all; nothing of it was read")
            }
        }
        var files: [String: Data] = [:]
        for (name, found) in sizes { files[name] = try bounded(folder + "/" + name, identity: found.identity) }
        return files
    }

    /// The one file at `path` (a single-file package), checked as a folder's files are.
    public static func read(file path: String) throws -> Data {
        let name = URL(fileURLWithPath: path).lastPathComponent
        if let problem = problem(withName: name) { throw DomainError.invalid(field: visible(path), "\(problem): refused") }
        let (_, identity) = try examined(path)
        return try bounded(path, identity: identity)
    }

    /// Which file an open descriptor must still be: the one `lstat` saw.
    struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
    }

    /// The names in `folder`, read entry by entry and never more than the
    /// bound (a folder of a million files costs no more than one of 201).
    static func entries(of folder: String) throws -> [String] {
        guard let directory = opendir(folder) else {
            throw DomainError.invalid(field: folder, "cannot be read: \(reason(errno))")
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name: String? = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let bytes = raw.prefix { $0 != 0 }
                return String(validating: bytes, as: UTF8.self)
            }
            guard let name else {
                throw DomainError.invalid(field: folder, "holds a file whose name is not UTF-8 text: refused")
            }
            if name == "." || name == ".." { continue }
            names.append(name)
            guard names.count <= maxFiles else {
                throw DomainError.invalid(field: folder, "holds more than \(maxFiles) files (a package has at most \(maxFiles)); nothing of it was read")
            }
            if let problem = problem(withName: name) { throw DomainError.invalid(field: folder, "\(problem): refused") }
        }
        return names.sorted()
    }

    /// `lstat` of `path`: a plain file no larger than the bound, its size and identity.
    static func examined(_ path: String) throws -> (Int, Identity) {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw DomainError.invalid(field: path, "cannot be read: \(reason(errno))") }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK: throw DomainError.invalid(field: path, "is a symbolic link: a package holds its own files, nothing it points at")
        case S_IFDIR: throw DomainError.invalid(field: path, "is a folder: a package's files sit side by side, with no folders")
        default: throw DomainError.invalid(field: path, "is not a plain file (a device, a FIFO or a socket): refused")
        }
        let size = Int(info.st_size)
        guard size <= maxFileSize else {
            throw DomainError.invalid(field: path, "is \(size) bytes (a package's file is at most \(maxFileSize >> 20) MiB); it was not read")
        }
        return (size, Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
    }

    /// The bytes of `path`, which must still be the file `lstat` saw, read to
    /// its end or to the bound, whichever comes first.
    static func bounded(_ path: String, identity: Identity, limit maxFileSize: Int = maxFileSize, followingLink: Bool = false) throws -> Data {
        // No following a link, no waiting on a FIFO, no terminal taken: it is checked again once open.
        let descriptor = open(path, O_RDONLY | (followingLink ? 0 : O_NOFOLLOW) | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { throw DomainError.invalid(field: path, "cannot be read: \(reason(errno))") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)) == identity else {
            throw DomainError.invalid(field: path, "changed while it was being read: refused")
        }
        var data = Data(count: maxFileSize + 1)
        var count = 0
        while count <= maxFileSize {
            let got = data.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + count, maxFileSize + 1 - count)
            }
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                throw DomainError.invalid(field: path, "cannot be read: \(reason(errno))")
            }
            count += got
        }
        guard count <= maxFileSize else {
            throw DomainError.invalid(field: path, "grew past \(maxFileSize) bytes while it was being read: refused")
        }
        return data.prefix(count)
    }

    /// The user's small configuration file at `path` (allowed_signers, the
    /// settings), or nil when there is none. Looked at before it is opened:
    /// a FIFO, a device or a folder there would make a read wait forever or
    /// read without end, so only a plain file of at most `limit` bytes is read
    /// (a symbolic link is followed, as dotfile managers make them, and what
    /// it points at must be a plain file).
    public static func configuration(_ path: String, limit: Int) throws -> Data? {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw DomainError.invalid(field: path, "cannot be read: \(reason(errno))")
        }
        if info.st_mode & S_IFMT == S_IFLNK {
            guard stat(path, &info) == 0 else { throw DomainError.invalid(field: path, "is a symbolic link to nothing readable: \(reason(errno))") }
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw DomainError.invalid(field: path, "is not a plain file (a folder, a FIFO, a device or a socket); it was not read")
        }
        guard Int(info.st_size) <= limit else {
            throw DomainError.invalid(field: path, "is \(info.st_size) bytes, more than the \(limit) it may be; it was not read")
        }
        return try bounded(path, identity: Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)), limit: limit, followingLink: true)
    }

    /// An error number as words: "no such file or directory".
    public static func reason(_ number: Int32) -> String {
        let text = String(cString: strerror(number))
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// What went wrong with a file, as words, from Foundation's error (its
    /// POSIX reason when it has one, never its domain and code).
    public static func reason(_ error: Error) -> String {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return reason(Int32(underlying.code))
        }
        if error.domain == NSPOSIXErrorDomain { return reason(Int32(error.code)) }
        switch CocoaError.Code(rawValue: error.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
        case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
        case .fileWriteOutOfSpace: return "no space left on the device"
        case .fileWriteFileExists: return "it exists already"
        case .fileWriteVolumeReadOnly: return "the file system is read-only"
        default: return error.domain == NSCocoaErrorDomain ? "the file system refused (code \(error.code))" : error.localizedDescription
        }
    }

    /// `text` cut at `limit` scalars, its controls and bidi controls as the
    /// terminal's owner writes them (`TerminalText.line`: \n, \u{1b}): safe to
    /// print, on one line (a name, or what git said).
    public static func visible(_ text: String, limit: Int = 60) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > limit else { return TerminalText.line(text) }
        return TerminalText.line(String(String.UnicodeScalarView(scalars.prefix(limit)))) + "…"
    }

    /// Whether `scalar` may be part of a file's name: a letter, a digit or a
    /// combining mark that shows (café, in either spelling), or one of `-_.+`.
    /// Nothing invisible (U+200B zero-width space, U+00AD soft hyphen, U+FEFF,
    /// variation selectors: format and default-ignorable characters) and no
    /// space of any kind, so two names that look alike are alike.
    static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        if "-_.+".unicodeScalars.contains(scalar) { return true }
        let properties = scalar.properties
        if properties.isDefaultIgnorableCodePoint || properties.isWhitespace { return false }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    /// A control character, C0 or C1, DEL, or a line or paragraph separator: what the terminal hides that is not a bidi control.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        TerminalText.isHidden(scalar) && !TerminalText.isBidiControl(scalar)
    }

    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool { TerminalText.isBidiControl(scalar) }

    /// A scalar's code point as Unicode writes it: at least four hex digits.
    static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
