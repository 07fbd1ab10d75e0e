import Foundation

/// Where a report goes: a file (created or truncated) or standard output, written in pieces on
/// a queue of its own, so writing one piece overlaps rendering the next. `failed` is only touched
/// on that queue.
public final class ReportSink: @unchecked Sendable {
    /// Why a report cannot be written; `message` names the file.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    let descriptor: Int32
    let path: String?
    let queue = DispatchQueue(label: "rehearse.report-writer")
    var failed = false

    /// A sink writing to the file at `path` (created or truncated), or to standard output.
    public init(path: String?) throws(WriteError) {
        self.path = path
        if let path {
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard descriptor >= 0 else {
                throw WriteError(
                    message: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
        } else {
            descriptor = STDOUT_FILENO
        }
    }

    /// Writes the whole report to `path` (standard output when nil).
    public static func write(_ bytes: [UInt8], to path: String?) throws(WriteError) {
        let sink = try ReportSink(path: path)
        sink.write(bytes)
        try sink.close()
    }

    /// Queues `bytes` after what was written before.
    public func write(_ bytes: [UInt8]) {
        queue.async { self.writeNow(bytes) }
    }

    private func writeNow(_ bytes: [UInt8]) {
        guard !failed else { return }
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                if written <= 0 {
                    failed = true
                    return
                }
                offset += written
            }
        }
    }

    /// Waits for every piece, closes the file, and throws when a write failed.
    public func close() throws(WriteError) {
        let failed = queue.sync { self.failed }
        if path != nil { _ = Foundation.close(descriptor) }
        if failed { throw WriteError(message: "cannot write \(path ?? "the report")") }
    }
}
