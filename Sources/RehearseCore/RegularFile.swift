import Foundation

/// Reading a whole regular file straight into an array: one open, one `fstat`, reads into the
/// array's own storage (no `Data` in between, no copy). Anything but a regular file (a folder,
/// a FIFO, a device) gives nil without blocking on it.
public enum RegularFile {
    /// The file's bytes; nil when it cannot be opened or read, or is not a regular file.
    public static func bytes(atPath path: String) -> [UInt8]? {
        var descriptor: Int32
        repeat {
            descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { return nil }
        defer { _ = close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            return nil
        }
        let size = Int(info.st_size)
        // One byte more than `fstat` gives is asked for, so the read that meets the end of the
        // file is the last one; only a file that grew since needs the second buffer below
        // (before, every file paid for a 64 KiB buffer, zeroed, for that last read).
        var failed = false
        var ended = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            var total = 0
            while total <= size {
                let got = read(descriptor, buffer.baseAddress.map { $0 + total }, size + 1 - total)
                if got < 0 && errno == EINTR { continue }
                if got < 0 { failed = true }
                if got == 0 { ended = true }
                if got <= 0 { break }
                total += got
            }
            count = total
        }
        guard !failed else { return nil }
        if ended { return bytes }
        // A file that grew while it was read: the rest too.
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if got < 0 && errno == EINTR { continue }
            if got < 0 { return nil }
            if got == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<got])
        }
    }
}
