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

/// Finding and reading bank files on disk (the only part of `Bank/` that touches the disk).
public enum BankDirectory {
    /// Is `folder` a bank root: does it hold `quizzes/`, `scenarios/` or `rehearse.yaml`?
    public static func isBankRoot(_ folder: String) -> Bool {
        ["quizzes", "scenarios"].contains { isDirectory(join(folder, $0)) }
    }

    /// The bank files under a bank root: `rehearse.yaml`, then `quizzes/` and `scenarios/`.
    public static func bankFiles(root: String) throws(ReadFailure) -> [String] {
        guard isDirectory(root) else {
            throw ReadFailure(path: root, reason: "no such folder")
        }
        var files: [String] = []
        for name in ["rehearse.yaml", "rehearse.yml"] where isFile(join(root, name)) {
            files.append(join(root, name))
        }
        for folder in ["quizzes", "scenarios"] where isDirectory(join(root, folder)) {
            files += try yamlFiles(under: join(root, folder))
        }
        return files
    }

    /// Every `.yaml`/`.yml` file at or below `path` (a file is returned as is), sorted.
    public static func yamlFiles(under path: String) throws(ReadFailure) -> [String] {
        if isFile(path) { return [path] }
        guard isDirectory(path) else {
            throw ReadFailure(path: path, reason: "no such file or folder")
        }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            throw ReadFailure(path: path, reason: "cannot list the folder")
        }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            // Hidden folders (.git, .build, editors' own) hold no bank files.
            if relative.split(separator: "/").last?.hasPrefix(".") == true {
                enumerator.skipDescendants()
                continue
            }
            guard relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") else { continue }
            let full = join(path, relative)
            if isFile(full) { found.append(full) }
        }
        if !FileManager.default.isReadableFile(atPath: path) {
            throw ReadFailure(path: path, reason: "permission denied")
        }
        return found.sorted()
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
        parallelMap(paths) { path in
            let shown = display(path)
            guard let data = FileManager.default.contents(atPath: path) else {
                let reason =
                    FileManager.default.isReadableFile(atPath: path)
                    ? "cannot be read" : "permission denied"
                return .failure(ReadFailure(path: shown, reason: reason))
            }
            return .success(SourceFile(path: shown, bytes: [UInt8](data)))
        }
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
