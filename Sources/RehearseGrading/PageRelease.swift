import Foundation

/// Gives back to the system the pages of a mapped sheet already read, so a sheet of any size
/// holds only a bounded window of itself in memory while it is read (file-backed pages count in
/// the process's resident memory as long as they stay mapped).
///
/// Only the pages of a file mapped by `MappedFile` are released (any other memory is left
/// alone), only whole pages inside the buffer, at most every `step` bytes. Releasing a page
/// of a private mapping forgets the process's changes to it, so the reader releases only pages
/// behind every byte it may still look at; a released page read again is mapped again from the
/// file, with the file's bytes.
struct PageRelease {
    let base: UnsafeRawPointer?
    let count: Int
    /// Offset (in the buffer) up to which pages were released.
    private(set) var released: Int
    let step: Int

    static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Releases the pages of `buffer`; `step` bytes at least between two releases.
    init(_ buffer: UnsafeBufferPointer<UInt8>, step: Int = 8 << 20) {
        base = MappedFile.isMapped(buffer) ? buffer.baseAddress.map(UnsafeRawPointer.init) : nil
        count = buffer.count
        self.step = step
        // The first whole page of the buffer: a page it shares with what lies before is kept.
        let address = Int(bitPattern: base)
        let page = Self.pageSize
        released = address % page == 0 ? 0 : page - address % page
    }

    /// Is the reader far enough past the last release for another?
    @inline(__always)
    func due(_ offset: Int) -> Bool { offset - released >= step }

    /// Releases the whole pages between the last release and `offset` (nothing before `offset` is
    /// looked at again).
    mutating func release(upTo offset: Int) {
        guard let base, offset > released else { return }
        let page = Self.pageSize
        let end = (Int(bitPattern: base) + Swift.min(offset, count)) / page * page
        let start = Int(bitPattern: base) + released
        guard end > start else { return }
        _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_DONTNEED)
        released = end - Int(bitPattern: base)
    }
}
