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

/// An exclusive `flock` on a separate, stable lock file. The file is never renamed or deleted,
/// so every process locks the same inode (a lock on a file that is renamed over is lost with
/// the old inode), and `flock` locks, unlike `fcntl` ones, are not dropped when some other
/// descriptor of the file is closed.
///
/// Taking the lock blocks the calling thread until it is free: call it from a plain thread,
/// never from a Swift concurrency pool thread.
enum FileLock {
    static func withExclusiveLock<T>(
        _ path: String, operations: FileOperations, _ body: () throws(ProgressError) -> T
    ) throws(ProgressError) -> T {
        let fd = try acquire(path, operations: operations)
        defer {
            _ = flock(fd, LOCK_UN)
            _ = close(fd)
        }
        return try body()
    }

    /// Takes the lock and returns its descriptor: the caller unlocks (`flock(fd, LOCK_UN)`) and
    /// closes it.
    static func acquire(_ path: String, operations: FileOperations) throws(ProgressError) -> Int32 {
        let fd = retryingEINTR { operations.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644) }
        guard fd >= 0 else {
            throw ProgressError(
                path: path, reason: "cannot open the lock file: \(String(cString: strerror(errno)))"
            )
        }
        guard retryingEINTR({ flock(fd, LOCK_EX) }) == 0 else {
            let code = errno
            _ = close(fd)
            throw ProgressError(
                path: path, reason: "cannot take the lock: \(String(cString: strerror(code)))")
        }
        return fd
    }
}
