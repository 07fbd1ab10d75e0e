import Foundation
import Synchronization

/// A regular file mapped into memory, read only: a large sheet is never copied (the readers never
/// write to the bytes they read, so no page of it is copied either).
public struct MappedFile {
    /// The file's bytes.
    public let buffer: UnsafeBufferPointer<UInt8>

    /// Maps the file at `path`; nil when it cannot be opened or mapped, is not a regular file,
    /// or is empty (read it with `readBytes`).
    public init?(path: String) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0
        else { return nil }
        let size = Int(info.st_size)
        guard
            let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
            address != MAP_FAILED
        else { return nil }
        buffer = UnsafeBufferPointer(
            start: address.assumingMemoryBound(to: UInt8.self), count: size)
        Self.mapped.withLock {
            $0.append(Int(bitPattern: address)..<(Int(bitPattern: address) + size))
        }
    }

    /// Unmaps the file; the buffer must not be used after.
    public func unmap() {
        guard let base = buffer.baseAddress else { return }
        let start = Int(bitPattern: base)
        Self.mapped.withLock { ranges in ranges.removeAll { $0.lowerBound == start } }
        munmap(UnsafeMutableRawPointer(mutating: base), buffer.count)
    }

    /// The address ranges of the files mapped now.
    private static let mapped = Mutex<[Range<Int>]>([])

    /// Does `buffer` lie inside a file mapped by `MappedFile`? (Only such pages may be given back
    /// to the system while read: see `PageRelease`.)
    static func isMapped(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        let start = Int(bitPattern: base)
        return mapped.withLock { ranges in
            ranges.contains { $0.lowerBound <= start && start + buffer.count <= $0.upperBound }
        }
    }
}
