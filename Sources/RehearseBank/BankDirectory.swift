import Foundation
import RehearseCore

/// A file or folder that could not be read, and why.
public struct ReadFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}

/// Finding and reading bank files on disk: the one place that lists a bank's files.
public enum BankDirectory {
    /// Is `folder` a bank root: does it hold `quizzes/` or `scenarios/`?
    public static func isBankRoot(_ folder: String) -> Bool {
        ["quizzes", "scenarios"].contains { isDirectory(join(folder, $0)) }
    }

    /// Fails unless `root` is a bank root.
    public static func requireBankRoot(_ root: String) throws(ReadFailure) {
        guard isBankRoot(root) else {
            throw ReadFailure(
                path: root,
                reason: "not a bank: it has no quizzes/ or scenarios/ folder (use --bank DIR)")
        }
    }

    /// The bank's configuration files that exist: `rehearse.yaml`, then `rehearse.yml`.
    public static func configFiles(root: String) -> [String] {
        ["rehearse.yaml", "rehearse.yml"].map { join(root, $0) }.filter(isFile)
    }

    /// The bank files under a bank root: `rehearse.yaml`, then `quizzes/` and `scenarios/`.
    public static func bankFiles(root: String) throws(ReadFailure) -> [String] {
        guard isDirectory(root) else {
            throw ReadFailure(path: root, reason: "no such folder")
        }
        var files = configFiles(root: root)
        for folder in ["quizzes", "scenarios"] {
            files += try yamlFiles(in: root, folder: folder)
        }
        return files
    }

    /// The `.yaml`/`.yml` files under `root/folder` (`quizzes` or `scenarios`), sorted; none
    /// when the bank has no such folder.
    public static func yamlFiles(in root: String, folder: String) throws(ReadFailure) -> [String] {
        let path = join(root, folder)
        return isDirectory(path) ? try walk(path) : []
    }

    /// Every `.yaml`/`.yml` file at or below `path` (a file is returned as is), sorted.
    public static func yamlFiles(under path: String) throws(ReadFailure) -> [String] {
        if isFile(path) { return [path] }
        guard isDirectory(path) else {
            throw ReadFailure(path: path, reason: "no such file or folder")
        }
        return try walk(path)
    }

    /// The one walk of a bank's folders, used by every command: every `.yaml`/`.yml` file at
    /// or below the folder `path`, sorted. A hidden file or folder (its name starts with `.`:
    /// `.git`, `.build`, an editor's own, an `.old` archive) is skipped with all it holds; a
    /// linked file counts, a linked folder is not followed (no cycles). A plain directory walk
    /// (the file type comes with each name), so listing 2,000 files takes a millisecond or two.
    static func walk(_ path: String) throws(ReadFailure) -> [String] {
        var found: [String] = []
        var folders = [path]
        while let current = folders.popLast() {
            guard let directory = opendir(current) else {
                let reason = errno == EACCES ? "permission denied" : "cannot list the folder"
                throw ReadFailure(path: current, reason: reason)
            }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                // Also `.` and `..`.
                if name.hasPrefix(".") { continue }
                let full = join(current, name)
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) { type = linkType(full) }
                if type == UInt8(DT_LNK) {
                    // A link counts when it leads to a file; it is never followed into a folder.
                    guard isFile(full) else { continue }
                    type = UInt8(DT_REG)
                }
                if type == UInt8(DT_DIR) {
                    folders.append(full)
                } else if type == UInt8(DT_REG), name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                    found.append(full)
                }
            }
        }
        return found.sorted()
    }

    /// The `DT_` type of `path` itself (a link is not followed), for file systems whose
    /// folder listings leave the type out.
    static func linkType(_ path: String) -> UInt8 {
        var info = stat()
        guard lstat(path, &info) == 0 else { return UInt8(DT_UNKNOWN) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return UInt8(DT_DIR)
        case S_IFLNK: return UInt8(DT_LNK)
        case S_IFREG: return UInt8(DT_REG)
        default: return UInt8(DT_UNKNOWN)
        }
    }

    /// The nearest folder at or above `path` that is a bank root, if any.
    public static func enclosingBankRoot(of path: String) -> String? {
        var current = absolute(path)
        if isFile(current) { current = (current as NSString).deletingLastPathComponent }
        while true {
            if isBankRoot(current) { return current }
            let parent = (current as NSString).deletingLastPathComponent
            if parent == current || parent.isEmpty { return nil }
            current = parent
        }
    }

    /// Reads files in parallel. Unreadable files come back as failures, in order.
    public static func read(_ paths: [String], display: @Sendable (String) -> String)
        -> [Result<SourceFile, ReadFailure>]
    {
        parallelMap(paths) { readFile($0, shownAs: display($0)) }
    }

    /// Reads one file, shown as `shown` in what is said about it.
    public static func readFile(_ path: String, shownAs shown: String) -> Result<
        SourceFile, ReadFailure
    > {
        guard let bytes = RegularFile.bytes(atPath: path) else {
            let reason =
                FileManager.default.isReadableFile(atPath: path)
                ? "cannot be read" : "permission denied"
            return .failure(ReadFailure(path: shown, reason: reason))
        }
        return .success(SourceFile(path: shown, bytes: bytes))
    }

    /// Reads files in parallel, shown relative to `root`; the first that cannot be read fails.
    public static func readAll(_ paths: [String], root: String) throws(ReadFailure) -> [SourceFile]
    {
        var sources: [SourceFile] = []
        sources.reserveCapacity(paths.count)
        for result in read(paths, display: { displayPath($0, base: root) }) {
            switch result {
            case .success(let source): sources.append(source)
            case .failure(let failure): throw failure
            }
        }
        return sources
    }

    // MARK: Paths

    public static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The absolute form of `path`, normalised as text (`.`, `..` and repeated `/` removed);
    /// symbolic links are left as they are, so no system call is made per component.
    public static func absolute(
        _ path: String, base: String = FileManager.default.currentDirectoryPath
    ) -> String {
        let full = path.hasPrefix("/") ? path : join(base, path)
        var parts: [Substring] = []
        for part in full.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The path as people should see it: relative to `base` when inside it; a relative path
    /// that leads outside stays as the user wrote it; else absolute.
    public static func displayPath(_ path: String, base: String) -> String {
        plainlyInside(path, base: base) ?? displayPathByRule(path, base: base)
    }

    /// `displayPath` by its rule, without the cache in front.
    static func displayPathByRule(_ path: String, base: String) -> String {
        let full = absolute(path, base: base)
        let prefix = base.hasSuffix("/") ? base : base + "/"
        if full.hasPrefix(prefix) { return String(full.dropFirst(prefix.count)) }
        if !path.hasPrefix("/") {
            var relative = Substring(path)
            while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
            return String(relative)
        }
        return full
    }

    /// A cache in front of `displayPath` for what the walker lists: an absolute `path` with
    /// no empty, `.` or `..` component (which `absolute` gives back unchanged) that starts with
    /// `base/` byte for byte, followed by an ASCII byte, is the rest of it. Anything else is
    /// nil, for the general rule.
    private static func plainlyInside(_ path: String, base: String) -> String? {
        var path = path
        var base = base
        return path.withUTF8 { path -> String? in
            base.withUTF8 { base -> String? in
                let slash = UInt8(ascii: "/")
                let dot = UInt8(ascii: ".")
                let cut = base.last == slash ? base.count : base.count + 1
                guard path.first == slash, base.count > 0, path.count > cut,
                    path.last != slash, path[cut] < 0x80,
                    path.starts(with: base), base.last == slash || path[base.count] == slash
                else { return nil }
                // No empty, `.` or `..` component anywhere in the path.
                var start = 1
                for index in 1...path.count where index == path.count || path[index] == slash {
                    let length = index - start
                    if length == 0 { return nil }
                    if path[start] == dot
                        && (length == 1 || (length == 2 && path[start + 1] == dot))
                    {
                        return nil
                    }
                    start = index + 1
                }
                return String(decoding: UnsafeBufferPointer(rebasing: path[cut...]), as: UTF8.self)
            }
        }
    }

    package static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory)
            && directory.boolValue
    }

    static func isFile(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory)
            && !directory.boolValue
    }
}
