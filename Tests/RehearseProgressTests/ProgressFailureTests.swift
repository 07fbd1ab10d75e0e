import Foundation
import Synchronization
import Testing

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseProgress
@testable import RehearseScoring

#if canImport(Glibc)
    import Glibc
#endif

/// Failures a test machine cannot produce on demand (a full disk, a read-only folder for root),
/// injected through the store's system-call seam: clear errors, nothing lost.
@Suite struct ProgressFailureTests {
    /// Real system calls, with `write` replaced.
    static func writing(
        _ write: @escaping @Sendable (Int32, UnsafeRawBufferPointer) -> Int
    ) -> FileOperations {
        var operations = FileOperations.system
        operations.write = write
        return operations
    }

    static func seeded() throws -> (TemporaryDataFolder, Data) {
        let data = try TemporaryDataFolder()
        try ProgressStore(directory: data.path).record(Sample.attempt("first"), reviews: [])
        return (data, try #require(data.contents("progress/ana@example.com.json")))
    }

    @Test func aFullDiskFailsCleanlyAndKeepsTheOldFile() throws {
        let (data, before) = try Self.seeded()
        // The disk takes 100 bytes, then reports that it is full.
        let operations = Self.writing { fd, bytes in
            let offset = lseek(fd, 0, SEEK_CUR)
            guard offset < 100 else {
                errno = ENOSPC
                return -1
            }
            return Glibc.write(fd, bytes.baseAddress, min(bytes.count, 100 - Int(offset)))
        }
        let store = ProgressStore(directory: data.path, operations: operations)
        let error = #expect(throws: ProgressError.self) {
            try store.record(Sample.attempt("second"), reviews: [])
        }
        #expect(error?.description.contains("No space left on device") == true)
        #expect(error?.path.contains("progress/.ana@example.com.json.tmp-") == true)
        #expect(data.contents("progress/ana@example.com.json") == before)
        let names = try FileManager.default.contentsOfDirectory(atPath: data.file("progress"))
        #expect(!names.contains { $0.contains(".tmp-") }, "the temp file is removed")
        #expect(throws: ProgressError.self) {
            try store.saveUnfinished(Sample.attempt("third", status: .unfinished))
        }
        #expect(
            try ProgressStore(directory: data.path).unfinished(
                learner: "ana@example.com", quiz: "week-one") == nil)
    }

    @Test func shortWritesAndInterruptionsStillWriteEverything() throws {
        let data = try TemporaryDataFolder()
        let calls = Counter()
        let operations = Self.writing { fd, bytes in
            if calls.next() % 3 == 0 {
                errno = EINTR
                return -1
            }
            return Glibc.write(fd, bytes.baseAddress, min(bytes.count, 7))
        }
        let store = ProgressStore(directory: data.path, operations: operations)
        for index in 0..<3 { try store.record(Sample.attempt("a\(index)"), reviews: []) }
        #expect(
            try ProgressStore(directory: data.path).load(learner: "ana@example.com")
                .attempts.count == 3)
    }

    @Test func aFailedFlushIsAnError() throws {
        let (data, before) = try Self.seeded()
        var operations = FileOperations.system
        operations.fsync = { _ in
            errno = EIO
            return -1
        }
        let store = ProgressStore(directory: data.path, operations: operations)
        let error = #expect(throws: ProgressError.self) {
            try store.record(Sample.attempt("second"), reviews: [])
        }
        #expect(error?.description.contains("flushed") == true)
        #expect(data.contents("progress/ana@example.com.json") == before)
    }

    @Test func aReadOnlyFolderFailsCleanly() throws {
        let (data, before) = try Self.seeded()
        // Root ignores folder permissions, so the refusal is injected as the kernel reports it
        // on a read-only mount; as another user the real permission is tried as well.
        var operations = FileOperations.system
        operations.open = { path, flags, mode in
            if flags & O_CREAT != 0 && !path.hasSuffix(".lock") {
                errno = EROFS
                return -1
            }
            return Glibc.open(path, flags, mode)
        }
        let store = ProgressStore(directory: data.path, operations: operations)
        let error = #expect(throws: ProgressError.self) {
            try store.record(Sample.attempt("second"), reviews: [])
        }
        #expect(error?.description.contains("Read-only file system") == true)
        #expect(error?.description.contains(data.file("progress")) == true)
        #expect(data.contents("progress/ana@example.com.json") == before)

        if geteuid() != 0 {
            #expect(chmod(data.file("progress"), 0o555) == 0)
            let real = ProgressStore(directory: data.path)
            let denied = #expect(throws: ProgressError.self) {
                try real.record(Sample.attempt("third"), reviews: [])
            }
            #expect(denied?.description.contains("Permission denied") == true)
            #expect(data.contents("progress/ana@example.com.json") == before)
        }
    }
}

/// A thread-safe counter for injected system calls.
final class Counter: Sendable {
    private let value = Mutex(0)

    func next() -> Int {
        value.withLock { current in
            current += 1
            return current
        }
    }
}
