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

/// The system calls through which the store writes, as a seam: tests inject failures (a full
/// disk, a read-only folder) that a test machine cannot produce on demand. Each closure behaves
/// like the system call it stands for: -1 and `errno` set on failure.
public struct FileOperations: Sendable {
    /// `open(2)` with flags and mode.
    public var open: @Sendable (_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32
    /// `write(2)`: may write fewer bytes than asked, or fail with EINTR.
    public var write: @Sendable (_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int
    /// `fsync(2)`.
    public var fsync: @Sendable (_ fd: Int32) -> Int32
    /// `rename(2)`.
    public var rename: @Sendable (_ from: String, _ to: String) -> Int32

    public init(
        open: @escaping @Sendable (String, Int32, mode_t) -> Int32,
        write: @escaping @Sendable (Int32, UnsafeRawBufferPointer) -> Int,
        fsync: @escaping @Sendable (Int32) -> Int32,
        rename: @escaping @Sendable (String, String) -> Int32
    ) {
        self.open = open
        self.write = write
        self.fsync = fsync
        self.rename = rename
    }

    /// The real system calls.
    public static let system = FileOperations(
        open: { path, flags, mode in systemOpen(path, flags, mode) },
        write: { fd, bytes in systemWrite(fd, bytes.baseAddress, bytes.count) },
        fsync: { fd in systemFsync(fd) },
        rename: { from, to in systemRename(from, to) })
}

private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    open(path, flags, mode)
}

private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, bytes, count)
}

private func systemFsync(_ fd: Int32) -> Int32 {
    fsync(fd)
}

private func systemRename(_ from: String, _ to: String) -> Int32 {
    rename(from, to)
}
