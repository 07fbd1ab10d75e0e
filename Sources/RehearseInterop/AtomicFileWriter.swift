import Foundation

/// Writes a whole file or nothing: the text goes to a hidden temporary file in the same folder
/// (which bank walkers skip), which is then renamed over the target.
public enum AtomicFileWriter {
    /// Why a file was not written.
    public struct Failure: Error, Sendable, Equatable {
        public var path: String
        public var reason: String

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// Writes to `path` what `body` writes to the handle it is given (a temporary file, renamed
    /// over `path` once `body` returns; removed if it throws), making the folder if needed; an
    /// existing file is replaced only with `replace`.
    public static func write(
        to path: String, replace: Bool, body: (FileHandle) throws -> Void
    ) throws(Failure) {
        let manager = FileManager.default
        if !replace && manager.fileExists(atPath: path) {
            throw Failure(path: path, reason: "it exists (use --force to replace it)")
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else {
                throw Failure(path: path, reason: String(cString: strerror(errno)))
            }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            defer { try? handle.close() }
            try body(handle)
        } catch {
            try? manager.removeItem(at: temporary)
            if let failure = error as? Failure { throw failure }
            throw Failure(path: path, reason: Self.reason(error))
        }
        guard rename(temporary.path, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? manager.removeItem(at: temporary)
            throw Failure(path: path, reason: reason)
        }
    }

    /// Writes `bytes` where they are (an export's piece can be megabytes: no copy).
    public static func write(_ bytes: [UInt8], to handle: FileHandle) throws {
        try bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return }
            try handle.write(
                contentsOf: Data(
                    bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count,
                    deallocator: .none))
        }
    }

    /// What went wrong, in words: the system's message for a POSIX error.
    public static func reason(_ error: any Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain,
            let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        return (error as NSError).localizedDescription
    }
}
