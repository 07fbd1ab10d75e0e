import Foundation

/// A growable table of plain values that leaves memory for an unlinked temporary file once it
/// outgrows `memoryLimit` bytes: the file is mapped shared into memory, so the table is read
/// and written in place as before, and `release` gives its pages back to the system (they stay
/// in the file and are mapped again, with their values, when next touched). Tables of a value
/// per learner and question are held this way, so grading a sheet of any size keeps a bounded
/// window of them in memory.
///
/// When no temporary file can be made, mapped or given room on disk, the table stays in memory.
/// A reference type: the reader, the cohort and the grader share one table, never copy it;
/// threads may read it at once, and write it at once only in rows apart.
final class SpillTable<Element: BitwiseCopyable>: @unchecked Sendable {
    /// Tables up to this size stay in memory.
    static var defaultMemoryLimit: Int { 16 << 20 }

    let memoryLimit: Int
    /// How many values the table holds.
    private(set) var count = 0
    private var capacity: Int
    private var base: UnsafeMutablePointer<Element>
    /// The temporary file once spilled, else -1; and the bytes mapped.
    private var descriptor: Int32 = -1
    private var mappedBytes = 0
    /// The bytes before this were given back by `release(upTo:)`.
    private var releasedBytes = 0

    init(memoryLimit: Int = defaultMemoryLimit) {
        self.memoryLimit = memoryLimit
        capacity = 16
        base = Self.memory(resizing: nil, to: capacity)
    }

    /// A block of memory for `capacity` values, from `malloc`, or `old` resized to it with
    /// `realloc` (the values move with it; a large block is moved by remapping its pages,
    /// without copying them). The values are plain bits, so moving them is a byte copy.
    private static func memory(resizing old: UnsafeMutablePointer<Element>?, to capacity: Int)
        -> UnsafeMutablePointer<Element>
    {
        let bytes = Swift.max(1, capacity) * MemoryLayout<Element>.stride
        guard let block = realloc(old, bytes) else {
            fatalError("out of memory: a table of \(bytes) bytes")
        }
        return block.bindMemory(to: Element.self, capacity: capacity)
    }

    /// A table holding `values`.
    convenience init(_ values: [Element], memoryLimit: Int = defaultMemoryLimit) {
        self.init(memoryLimit: memoryLimit)
        values.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    deinit {
        if descriptor >= 0 {
            munmap(base, mappedBytes)
            close(descriptor)
        } else {
            free(base)
        }
    }

    /// Whether the values live in a temporary file.
    var isSpilled: Bool { descriptor >= 0 }

    /// The bytes of the values held.
    var byteCount: Int { count * MemoryLayout<Element>.stride }

    subscript(position: Int) -> Element {
        @inline(__always) get {
            precondition(position >= 0 && position < count, "SpillTable index out of range")
            return base[position]
        }
        @inline(__always) set {
            precondition(position >= 0 && position < count, "SpillTable index out of range")
            base[position] = newValue
        }
    }

    /// The values, valid until the table next grows.
    var buffer: UnsafeMutableBufferPointer<Element> {
        UnsafeMutableBufferPointer(start: base, count: count)
    }

    /// The values in `range`, copied.
    func values(_ range: Range<Int>) -> [Element] {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)
        return Array(UnsafeBufferPointer(start: base + range.lowerBound, count: range.count))
    }

    func append(_ value: Element) {
        if count == capacity { grow(to: count + 1) }
        base[count] = value
        count += 1
    }

    func append(repeating value: Element, count added: Int) {
        guard added > 0 else { return }
        if count + added > capacity { grow(to: count + added) }
        (base + count).initialize(repeating: value, count: added)
        count += added
    }

    func append(contentsOf values: UnsafeBufferPointer<Element>) {
        guard let source = values.baseAddress, !values.isEmpty else { return }
        if count + values.count > capacity { grow(to: count + values.count) }
        (base + count).update(from: source, count: values.count)
        count += values.count
    }

    /// Appends every value of `other`, a few hundred kilobytes at a time, giving back the pages
    /// of both tables as they are copied (a copy of a spilled table never sits in memory whole).
    func append(contentsOf other: SpillTable<Element>) {
        reserve(count + other.count)
        let step = Swift.max(1, (256 << 10) / Swift.max(1, MemoryLayout<Element>.stride))
        var start = 0
        while start < other.count {
            let end = Swift.min(other.count, start + step)
            let from = count
            append(contentsOf: UnsafeBufferPointer(rebasing: other.buffer[start..<end]))
            other.release(start..<end)
            release(from..<count)
            start = end
        }
    }

    /// Holds `total` values (at least as many as now), the new ones unset: the caller writes
    /// every one before it is read (threads may write them at once, in rows apart). The room is
    /// made once, at its exact size.
    func extend(to total: Int) {
        guard total > count else { return }
        reserve(total)
        count = total
    }

    /// Makes room for `total` values in all.
    func reserve(_ total: Int) {
        if total > capacity { grow(to: total, exactly: true) }
    }

    /// Gives the pages of the values in `range` back to the system (a spilled table only; the
    /// values stay in the file). Only whole pages inside the range go.
    func release(_ range: Range<Int>) {
        let stride = MemoryLayout<Element>.stride
        releaseBytes(range.lowerBound * stride, Swift.min(range.upperBound, count) * stride)
    }

    /// Gives back the pages of the values before `position` not given back yet by this method
    /// (for a table written front to back by one thread; a later pass over the same values is
    /// released with `release(_:)`).
    func release(upTo position: Int) {
        let end = Swift.min(position, count) * MemoryLayout<Element>.stride
        if let done = releaseBytes(releasedBytes, end) { releasedBytes = done }
    }

    /// Releases the whole pages between byte offsets `start` and `end`; returns the offset of
    /// the end of the last page released.
    @discardableResult
    private func releaseBytes(_ start: Int, _ end: Int) -> Int? {
        guard descriptor >= 0 else { return nil }
        let page = PageRelease.pageSize
        let from = (start + page - 1) / page * page
        let to = end / page * page
        guard to > from else { return nil }
        _ = madvise(UnsafeMutableRawPointer(base) + from, to - from, MADV_DONTNEED)
        return to
    }

    /// Gives every page of a spilled table back to the system.
    func release() { release(0..<count) }

    private func grow(to needed: Int, exactly: Bool = false) {
        let target = exactly ? needed : Swift.max(needed, capacity * 2)
        let bytes = target * MemoryLayout<Element>.stride
        if descriptor < 0, bytes > memoryLimit, spill(bytes: bytes) {
            capacity = target
            return
        }
        if descriptor >= 0, remap(bytes: bytes) {
            capacity = target
            return
        }
        // In memory: the block grown in place or moved, or, back from a file that cannot
        // grow, a new block the values are copied into.
        if descriptor >= 0 {
            let grown = Self.memory(resizing: nil, to: target)
            grown.update(from: base, count: count)
            munmap(base, mappedBytes)
            close(descriptor)
            descriptor = -1
            base = grown
        } else {
            base = Self.memory(resizing: base, to: target)
        }
        capacity = target
    }

    /// Moves the values into a new temporary file of `bytes`; false when it cannot be made.
    private func spill(bytes: Int) -> Bool {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap {
            $0.isEmpty ? nil : $0
        }
        var template = Array(((folder ?? "/tmp") + "/rehearse-table.XXXXXX").utf8CString)
        let file = template.withUnsafeMutableBufferPointer { path -> Int32 in
            guard let name = path.baseAddress else { return -1 }
            let file = mkstemp(name)
            // Unlinked at once: the file goes when the table goes, or the process ends.
            if file >= 0 { unlink(name) }
            return file
        }
        guard file >= 0 else { return false }
        guard Self.allocate(file, bytes: bytes),
            let address = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, file, 0),
            address != MAP_FAILED
        else {
            close(file)
            return false
        }
        let mapped = address.assumingMemoryBound(to: Element.self)
        mapped.update(from: base, count: count)
        free(base)
        base = mapped
        descriptor = file
        mappedBytes = bytes
        return true
    }

    /// Lengthens the file to `bytes` and maps it again; false when it cannot.
    private func remap(bytes: Int) -> Bool {
        guard Self.allocate(descriptor, bytes: bytes),
            let address = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, descriptor, 0),
            address != MAP_FAILED
        else { return false }
        munmap(base, mappedBytes)
        base = address.assumingMemoryBound(to: Element.self)
        mappedBytes = bytes
        return true
    }

    /// Gives the file `bytes` on disk (so a full disk is an error here, not a fault when a page
    /// is written through the mapping); where that cannot be asked, only its length.
    private static func allocate(_ file: Int32, bytes: Int) -> Bool {
        #if canImport(Glibc)
            return posix_fallocate(file, 0, off_t(bytes)) == 0
        #else
            return ftruncate(file, off_t(bytes)) == 0
        #endif
    }
}
