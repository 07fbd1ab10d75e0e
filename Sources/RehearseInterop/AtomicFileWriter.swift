import Foundation

/// Writes a whole file or nothing: the text goes to a hidden temporary file in the same folder
/// (which bank walkers skip), which is then renamed over the target.
public enum AtomicFileWriter {
    /// Why a file was not written.
    public struct Failure: Error, Sendable, Equatable {
        public var path: String
        public var reason: String
    }

    /// Writes `pieces`, one after the other, to `path`, making its folder if needed; an
    /// existing file is replaced only with `replace`.
    public static func write(_ pieces: [[UInt8]], to path: String, replace: Bool) throws(Failure) {
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
            // The pieces are written where they are: an export can be tens of megabytes.
            guard manager.createFile(atPath: temporary.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown)
            }
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            for piece in pieces where !piece.isEmpty {
                try piece.withUnsafeBytes { buffer in
                    guard let base = buffer.baseAddress else { return }
                    try handle.write(
                        contentsOf: Data(
                            bytesNoCopy: UnsafeMutableRawPointer(mutating: base),
                            count: buffer.count, deallocator: .none))
                }
            }
        } catch {
            try? manager.removeItem(at: temporary)
            throw Failure(path: path, reason: Self.reason(error))
        }
        guard rename(temporary.path, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? manager.removeItem(at: temporary)
            throw Failure(path: path, reason: reason)
        }
    }

    static func reason(_ error: any Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain,
            let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        return (error as NSError).localizedDescription
    }
}
