import Foundation
import RehearseBank
import RehearseCore
import RehearseScoring

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole-file reads and crash-safe replacements.
///
/// A replacement writes a temp file in the same folder (created exclusively), writes every byte
/// (retrying short writes and EINTR), flushes it to disk, closes it checking the result, renames
/// it over the target and flushes the folder. A kill at any instant leaves the old or the new
/// file, never a torn one. The previous generation can be kept as a backup (a hard link, so no
/// copy is made), and the file mode of the old file is kept.
struct DurableFile {
    let operations: FileOperations

    /// The marker in the names of temp files; `removeStaleTemps` deletes files carrying it.
    static let tempMarker = ".tmp-"

    /// The largest file the store reads: 64 MiB.
    static let maximumSize = 64 * 1024 * 1024

    /// The file's bytes, or nil when it does not exist. Anything but a regular file (a folder, a
    /// FIFO, a device) is refused without blocking on it, and so is a file over `limit` bytes.
    func read(_ path: String, limit: Int = DurableFile.maximumSize) throws(ProgressError) -> Data? {
        let fd = retryingEINTR { openForReading(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
        if fd < 0 {
            let code = errno
            if code == ENOENT { return nil }
            throw failure(path, "cannot be opened", code)
        }
        defer { _ = close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure(path, "cannot be read", errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw ProgressError(
                path: path,
                reason: "is not a regular file; move it away and run the command again",
                kind: .unreadable)
        }
        guard Int(info.st_size) <= limit else {
            throw ProgressError(
                path: path,
                reason:
                    "is \(info.st_size) bytes, over the limit of \(limit / 1024 / 1024) MiB; the file was left untouched",
                kind: .unreadable)
        }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { readBytes(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path, "cannot be read", errno)
            }
            if count == 0 { break }
            data.append(contentsOf: chunk[0..<count])
            if data.count > limit {
                throw ProgressError(
                    path: path, reason: "grew over the limit of \(limit / 1024 / 1024) MiB",
                    kind: .unreadable)
            }
        }
        return data
    }

    /// Replaces `path` with `data`, durably. With `backup`, the file being replaced (when there
    /// is one) is kept under that name first.
    func replace(
        _ path: String, with data: Data, backup: String? = nil, mode newMode: mode_t = 0o644
    ) throws(ProgressError) {
        let pending = try flushedTemp(for: path, with: data, backup: backup, mode: newMode)
        try commit(pending)
        try syncFolder((path as NSString).deletingLastPathComponent)
    }

    /// A temp file beside its target, holding every byte and flushed to disk, not yet renamed.
    struct Pending: Sendable {
        var target: String
        var temp: String
        var backup: String?
        /// Whether the target was a regular file (so it can be kept as the backup).
        var replacesFile: Bool
    }

    /// Writes `data` to a new temp file beside `path` (created exclusively; every byte written,
    /// retrying short writes and EINTR), sets its mode, flushes it to disk and closes it checking
    /// the result. On failure the temp file is removed. `commit` puts it in place.
    func flushedTemp(
        for path: String, with data: Data, backup: String? = nil, mode newMode: mode_t = 0o644
    ) throws(ProgressError) -> Pending {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temp = (folder as NSString).appendingPathComponent(Self.tempName(for: name))
        var existing = stat()
        let exists = lstat(path, &existing) == 0
        // The permissions of a regular file being replaced are kept (never its set-id, sticky or
        // execute bits); anything else there (a planted symlink, whose own mode is 0777) lends
        // the new file nothing: it gets `newMode`, set explicitly whatever the umask.
        let isRegular = exists && (existing.st_mode & S_IFMT) == S_IFREG
        let mode = isRegular ? mode_t(existing.st_mode) & 0o666 : newMode
        let fd = retryingEINTR {
            operations.open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        }
        guard fd >= 0 else { throw failure(temp, "cannot create a temp file", errno) }
        var isOpen = true
        do throws(ProgressError) {
            try writeAll(fd, data, path: temp)
            if fchmod(fd, mode) != 0 {
                throw failure(temp, "cannot keep the file mode", errno)
            }
            if retryingEINTR({ operations.fsync(fd) }) != 0 {
                throw failure(temp, "cannot be flushed to disk", errno)
            }
            isOpen = false
            if close(fd) != 0 && errno != EINTR {
                throw failure(temp, "cannot be closed", errno)
            }
        } catch {
            if isOpen { _ = close(fd) }
            _ = unlink(temp)
            throw error
        }
        return Pending(target: path, temp: temp, backup: backup, replacesFile: isRegular)
    }

    /// Puts a flushed temp file in place: keeps the old file as the backup (when asked and
    /// there is one), then renames the temp file over the target. The folder is not flushed
    /// (`syncFolder`, once for any number of commits). On failure the temp file is removed.
    func commit(_ pending: Pending) throws(ProgressError) {
        do throws(ProgressError) {
            if pending.replacesFile, let backup = pending.backup {
                try keepBackup(of: pending.target, as: backup)
            }
            if operations.rename(pending.temp, pending.target) != 0 {
                throw failure(pending.target, "cannot be replaced", errno)
            }
        } catch {
            _ = unlink(pending.temp)
            throw error
        }
    }

    /// Keeps the current file under `backup`, atomically: a hard link under a temp name renamed
    /// over the backup (a copy when the file system has no hard links).
    func keepBackup(of path: String, as backup: String) throws(ProgressError) {
        let folder = (backup as NSString).deletingLastPathComponent
        let temp = (folder as NSString).appendingPathComponent(
            Self.tempName(for: (backup as NSString).lastPathComponent))
        if link(path, temp) == 0 {
            if operations.rename(temp, backup) != 0 {
                let code = errno
                _ = unlink(temp)
                throw failure(backup, "cannot keep the backup", code)
            }
            // When the backup already is a link to the file (a writer killed after keeping the
            // backup and before its rename), `rename` succeeds doing nothing and the temp name
            // stays: removed here (after a real rename it no longer exists).
            _ = unlink(temp)
            return
        }
        guard let data = try read(path) else { return }
        try replace(backup, with: data)
    }

    /// Flushes a folder, so that a rename in it survives a power cut.
    func syncFolder(_ folder: String) throws(ProgressError) {
        let fd = retryingEINTR { openForReading(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard fd >= 0 else { throw failure(folder, "cannot be opened to flush it", errno) }
        defer { _ = close(fd) }
        if retryingEINTR({ operations.fsync(fd) }) != 0 && errno != EINVAL {
            throw failure(folder, "cannot be flushed to disk", errno)
        }
    }

    /// Removes temp files left for `name` in `folder` by a writer that was killed. Call only
    /// while holding the lock that every writer of `name` takes.
    /// `entries` is the folder's listing, when the caller has one (listing a folder of 10,000
    /// learners once per learner would cost more than the writes).
    func removeStaleTemps(in folder: String, for name: String, among entries: [String]? = nil) {
        guard
            let entries = entries ?? (try? FileManager.default.contentsOfDirectory(atPath: folder))
        else {
            return
        }
        let prefix = "." + name + Self.tempMarker
        for entry in entries where entry.hasPrefix(prefix) {
            // Exactly `.NAME.tmp-PID-RANDOM`: never a temp file of another name that happens to
            // start the same way.
            let parts = entry.dropFirst(prefix.count).split(
                separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2,
                parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) })
            else { continue }
            _ = unlink((folder as NSString).appendingPathComponent(entry))
        }
    }

    /// Creates a folder and its parents when missing.
    func makeFolder(_ folder: String) throws(ProgressError) {
        var info = stat()
        if stat(folder, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw ProgressError(path: folder, reason: "is not a folder")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ProgressError(
                path: folder, reason: "cannot be created (\(error.localizedDescription))")
        }
        // The new folder's entry must survive a power cut too.
        try syncFolder((folder as NSString).deletingLastPathComponent)
    }

    func writeAll(_ fd: Int32, _ data: Data, path: String) throws(ProgressError) {
        let result: ProgressError? = data.withUnsafeBytes { bytes -> ProgressError? in
            var offset = 0
            while offset < bytes.count {
                let slice = UnsafeRawBufferPointer(rebasing: bytes[offset...])
                let count = operations.write(fd, slice)
                if count < 0 {
                    if errno == EINTR { continue }
                    return failure(path, "cannot be written", errno)
                }
                if count == 0 { return failure(path, "cannot be written", ENOSPC) }
                offset += count
            }
            return nil
        }
        if let result { throw result }
    }

    private static func tempName(for name: String) -> String {
        "." + name + tempMarker + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    func failure(_ path: String, _ what: String, _ code: Int32) -> ProgressError {
        ProgressError(path: path, reason: "\(what): \(String(cString: strerror(code)))")
    }
}

private func openForReading(_ path: String, _ flags: Int32) -> Int32 {
    open(path, flags)
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}

/// Repeats a system call while it fails with EINTR.
func retryingEINTR(_ call: () -> Int32) -> Int32 {
    while true {
        let result = call()
        if result == -1 && errno == EINTR { continue }
        return result
    }
}
