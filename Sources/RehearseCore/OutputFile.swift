import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file the program writes at a path the user gave (`take --record FILE`), written durably and
/// without surprises: a temp file in the same folder, flushed, then put in place by one atomic
/// step, and the folder flushed. A FIFO, a device, a folder, a symbolic link or a socket at the
/// path is refused with a message naming the path and what to do, never replaced nor written
/// through; an existing regular file is replaced only when `replacing` accepts its bytes. The new
/// file's mode is `mode`, set explicitly (never taken from what was there).
public enum OutputFile {
    /// Checks the path before any work is done (so a learner does not take a whole quiz to find
    /// the path refused); `write` checks again. `suggestedName` is the file name a refusal of a
    /// folder proposes in it (`attempt.json` for a recording).
    public static func check(
        _ path: String, suggestedName: String? = nil, replacing: (Data) -> Bool
    ) throws(OutputFileError) {
        _ = try existing(path, suggestedName: suggestedName, replacing: replacing)
    }

    /// Checks a path whose regular file, if any, may always be replaced (a report): anything
    /// else at the path (a folder, a FIFO, a device, a link) is refused. The file is not read.
    public static func checkReplaceable(_ path: String, suggestedName: String? = nil)
        throws(OutputFileError)
    {
        _ = try existing(path, anyFile: true, suggestedName: suggestedName) { _ in true }
    }

    /// A fresh temp file name in the folder of `path`, and that folder.
    public static func temporaryPath(for path: String) -> (temp: String, folder: String) {
        let absolute =
            path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let folder = (absolute as NSString).deletingLastPathComponent
        let name = (absolute as NSString).lastPathComponent
        let temp =
            (folder as NSString).appendingPathComponent(
                ".\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        return (temp, folder)
    }

    /// Flushes a folder, so a rename in it survives a crash.
    public static func syncFolder(_ folder: String) {
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 {
            _ = fsync(folderFD)
            _ = close(folderFD)
        }
    }

    /// Writes `data` to `path` (see the type's summary). Returns true when it replaced a file.
    @discardableResult
    public static func write(
        _ data: Data, to path: String, mode: mode_t = 0o644, suggestedName: String? = nil,
        replacing: (Data) -> Bool
    ) throws(OutputFileError) -> Bool {
        let replaces = try existing(path, suggestedName: suggestedName, replacing: replacing)
        let absolute =
            path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let (temp, folder) = temporaryPath(for: path)
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
        guard fd >= 0 else {
            throw OutputFileError(
                path: path, reason: "cannot create a file in \(folder): \(reason(errno))")
        }
        var failure: OutputFileError?
        let written = data.withUnsafeBytes { bytes -> Int32 in
            var offset = 0
            while offset < bytes.count {
                let rest = UnsafeRawBufferPointer(rebasing: bytes[offset...])
                let count = writeBytes(fd, rest.baseAddress, rest.count)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if count == 0 { return ENOSPC }
                offset += count
            }
            return 0
        }
        if written != 0 {
            failure = OutputFileError(
                path: path, reason: "\(reason(written)); nothing was changed at the path")
        } else if fchmod(fd, mode) != 0 {
            failure = OutputFileError(
                path: path, reason: "cannot set the file mode: \(reason(errno))")
        } else if fsync(fd) != 0 {
            failure = OutputFileError(
                path: path, reason: "cannot flush it to disk: \(reason(errno))")
        }
        if close(fd) != 0 && failure == nil && errno != EINTR {
            failure = OutputFileError(path: path, reason: "cannot close it: \(reason(errno))")
        }
        if failure == nil {
            if replaces {
                if rename(temp, absolute) != 0 {
                    failure = OutputFileError(
                        path: path, reason: "cannot replace it: \(reason(errno))")
                }
            } else if link(temp, absolute) != 0 {
                // A link never replaces: something that appeared at the path meanwhile is kept.
                let code = errno
                failure = OutputFileError(
                    path: path,
                    reason: code == EEXIST
                        ? "a file appeared there while it was being written; it was left alone"
                        : reason(code))
            }
        }
        _ = unlink(temp)
        if let failure { throw failure }
        syncFolder(folder)
        return replaces
    }

    /// Whether a regular file is at `path` that may be replaced (any regular file, unread, when
    /// `anyFile`); throws for anything else, proposing `suggestedName` in a folder.
    private static func existing(
        _ path: String, anyFile: Bool = false, suggestedName: String? = nil,
        replacing: (Data) -> Bool
    ) throws(OutputFileError) -> Bool {
        guard !path.isEmpty else { throw OutputFileError(path: path, reason: "the path is empty") }
        var info = stat()
        if lstat(path, &info) != 0 {
            let code = errno
            guard code == ENOENT else {
                throw OutputFileError(path: path, reason: reason(code))
            }
            let folder = (path as NSString).deletingLastPathComponent
            var folderInfo = stat()
            if !folder.isEmpty,
                stat(folder, &folderInfo) != 0 || (folderInfo.st_mode & S_IFMT) != S_IFDIR
            {
                throw OutputFileError(
                    path: path, reason: "its folder does not exist; create the folder first")
            }
            return false
        }
        let kind: String
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            if anyFile { return true }
            guard info.st_size <= 64 * 1024 * 1024, let data = readRegular(path), replacing(data)
            else {
                throw OutputFileError(
                    path: path,
                    reason:
                        "a file that this command did not write is there; give another path, or move that file away first"
                )
            }
            return true
        case S_IFDIR:
            kind =
                "it is a folder; give a file name in it"
                + (suggestedName.map {
                    ", such as \((path as NSString).appendingPathComponent($0))"
                }
                    ?? "")
        case S_IFLNK:
            kind = "it is a symbolic link; give the path of a plain file (the link is left alone)"
        case S_IFIFO: kind = "it is a FIFO (named pipe); give the path of a plain file"
        case S_IFCHR, S_IFBLK: kind = "it is a device; give the path of a plain file"
        default: kind = "it is not a plain file; give the path of a plain file"
        }
        throw OutputFileError(path: path, reason: kind)
    }

    private static func readRegular(_ path: String) -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { _ = close(fd) }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { readBytes(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return count == 0 ? data : nil }
            data.append(contentsOf: chunk[0..<count])
        }
    }

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}

/// A path an `OutputFile` cannot be written at, and why; the path is shown with its control
/// characters escaped.
public struct OutputFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot write \(TerminalText.sanitizeLine(path)): \(reason)" }
}

private func writeBytes(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, bytes, count)
}

private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
