/// Strings kept as one run of UTF-8 bytes and the end of each, in `SpillTable`s: a learner's id
/// costs its bytes and 8, not a string of its own, and a large table lives in temporary files.
/// Each string is made again on access.
struct NameTable: Sendable {
    private let bytes: SpillTable<UInt8>
    /// Where each string ends in `bytes`.
    private let ends: SpillTable<Int>

    init(memoryLimit: Int = SpillTable<Int32>.defaultMemoryLimit) {
        bytes = SpillTable(memoryLimit: memoryLimit)
        ends = SpillTable(memoryLimit: memoryLimit)
    }

    var count: Int { ends.count }

    /// Whether the names or their ends live in a temporary file.
    var isSpilled: Bool { bytes.isSpilled || ends.isSpilled }

    /// The bytes of the names and of their ends.
    var byteCount: Int { bytes.byteCount + ends.byteCount }

    subscript(position: Int) -> String {
        let start = position > 0 ? ends[position - 1] : 0
        let end = ends[position]
        return String(
            decoding: UnsafeBufferPointer(rebasing: bytes.buffer[start..<end]), as: UTF8.self)
    }

    /// Runs `body` with the UTF-8 bytes of the string at `position` (valid during `body`), without
    /// making the string.
    func withUTF8<R>(_ position: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = position > 0 ? ends[position - 1] : 0
        let end = ends[position]
        return body(UnsafeBufferPointer(rebasing: UnsafeBufferPointer(bytes.buffer)[start..<end]))
    }

    func append(_ name: String) {
        var name = name
        name.withUTF8 { bytes.append(contentsOf: $0) }
        ends.append(bytes.count)
    }

    /// Appends every string of `other`.
    func append(contentsOf other: NameTable) {
        let base = bytes.count
        bytes.append(contentsOf: other.bytes)
        ends.reserve(ends.count + other.ends.count)
        for position in 0..<other.ends.count {
            ends.append(base + other.ends[position])
        }
    }

    func reserve(_ count: Int) { ends.reserve(ends.count + count) }

    /// Gives the tables' pages back to the system (spilled tables only).
    func release() {
        bytes.release()
        ends.release()
    }
}
