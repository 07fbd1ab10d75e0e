import Foundation
import RehearseCore

/// Where a report goes: a file or standard output, written in pieces on a queue of its own, so
/// writing one piece overlaps rendering the next. `failed` is only touched on that queue.
///
/// A file is written durably, as `OutputFile` writes: into a temp file beside it, flushed, then
/// renamed over the path and the folder flushed, so a full disk or a kill leaves the old report
/// whole and no fragment. A folder, FIFO, device or link at the path is refused, never written
/// through.
public final class ReportSink: @unchecked Sendable {
    /// Why a report cannot be written; `message` names the file.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    let descriptor: Int32
    let path: String?
    /// The temp file the report is written to before it replaces `path`, and its folder.
    let temp: String?
    let folder: String?
    let queue = DispatchQueue(label: "rehearse.report-writer")
    var failed = false
    var failure: Int32 = 0

    /// A sink writing to the file at `path` (replaced whole when done), or to standard output.
    /// `suggestedName` is the file name proposed when `path` is a folder.
    public init(path: String?, suggestedName: String? = nil) throws(WriteError) {
        self.path = path
        guard let path else {
            descriptor = STDOUT_FILENO
            temp = nil
            folder = nil
            return
        }
        do throws(OutputFileError) {
            try OutputFile.checkReplaceable(path, suggestedName: suggestedName)
        } catch {
            throw WriteError(message: "\(error)")
        }
        let (temp, folder) = OutputFile.temporaryPath(for: path)
        descriptor = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            throw WriteError(
                message: "cannot write \(path): cannot create a file in \(folder): "
                    + String(cString: strerror(errno)))
        }
        self.temp = temp
        self.folder = folder
    }

    /// Writes the whole report to `path` (standard output when nil).
    public static func write(_ bytes: [UInt8], to path: String?, suggestedName: String? = nil)
        throws(WriteError)
    {
        let sink = try ReportSink(path: path, suggestedName: suggestedName)
        sink.write(bytes)
        try sink.close()
    }

    /// Pieces queued and not yet written: at most `Self.pending`, so a renderer faster than the
    /// disk waits instead of holding the report in memory.
    let room = DispatchSemaphore(value: ReportSink.pending)
    static let pending = 4

    /// Buffers written and handed back, for the renderer's next pieces.
    public let buffers = ByteBuffers(limit: ReportSink.pending + 2)

    /// Queues `bytes` after what was written before (waiting while `pending` pieces are queued);
    /// once written, the buffer goes to `buffers`.
    public func write(_ bytes: [UInt8]) {
        room.wait()
        queue.async {
            self.writeNow(bytes)
            self.buffers.give(bytes)
            self.room.signal()
        }
    }

    /// Bytes written to the file, and how many of them the system was asked to start writing
    /// to disk (only touched on `queue`).
    var writtenBytes = 0
    var writebackStarted = 0
    /// How far the file may run ahead of the disk before its writeback is started.
    static let writebackStep = 8 << 20

    private func writeNow(_ bytes: [UInt8]) {
        guard !failed else { return }
        defer {
            if path != nil, !failed {
                writtenBytes += bytes.count
                if writtenBytes - writebackStarted >= Self.writebackStep {
                    Writeback.start(descriptor, from: writebackStarted, to: writtenBytes)
                    writebackStarted = writtenBytes
                }
            }
        }
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                if written <= 0 {
                    failed = true
                    failure = written < 0 ? errno : ENOSPC
                    return
                }
                offset += written
            }
        }
    }

    /// Waits for every piece; for a file, flushes it and puts it in place. Throws when a write
    /// failed, saying why; the file at the path is then left as it was.
    public func close() throws(WriteError) {
        var (failed, failure) = queue.sync { (self.failed, self.failure) }
        guard let path, let temp, let folder else {
            if failed {
                throw WriteError(message: "cannot write the report: \(Self.reason(failure))")
            }
            return
        }
        if !failed, fsync(descriptor) != 0 {
            failed = true
            failure = errno
        }
        _ = Foundation.close(descriptor)
        if !failed, rename(temp, path) != 0 {
            failed = true
            failure = errno
        }
        if failed {
            unlink(temp)
            throw WriteError(
                message:
                    "cannot write \(path): \(Self.reason(failure)); the file there is unchanged")
        }
        OutputFile.syncFolder(folder)
    }

    private static func reason(_ code: Int32) -> String {
        code == 0 ? "the write failed" : String(cString: strerror(code))
    }
}

/// Starts writing a range of a file to disk without waiting for it (Linux's
/// `sync_file_range` with `SYNC_FILE_RANGE_WRITE`), so the disk works while the report is still
/// rendered and the final `fsync` has little left to do. It promises nothing: durability is the
/// `fsync`'s. Looked up at run time (glibc declares it only for GNU sources); elsewhere nothing.
enum Writeback {
    #if canImport(Glibc)
        private typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32
        private static let syncFileRange: SyncFileRange? = {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sync_file_range")
            else { return nil }
            return unsafeBitCast(symbol, to: SyncFileRange.self)
        }()
        /// `SYNC_FILE_RANGE_WRITE` of Linux's `fcntl.h`.
        private static let write: UInt32 = 2
    #endif

    static func start(_ descriptor: Int32, from start: Int, to end: Int) {
        #if canImport(Glibc)
            _ = syncFileRange?(descriptor, Int64(start), Int64(end - start), write)
        #endif
    }
}
