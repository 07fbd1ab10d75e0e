/// Text being written by an exporter, as UTF-8 bytes: appending copies bytes, with no
/// intermediate `String` per piece. The exporters write each question into one of these (on
/// all cores), then join them.
struct ExportBytes: Sendable {
    var bytes: [UInt8] = []

    /// Appends `text`.
    mutating func add(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends `other`.
    mutating func add(_ other: ExportBytes) {
        bytes.append(contentsOf: other.bytes)
    }

    /// Appends `source[start..<end]`.
    mutating func add(_ source: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        guard start < end else { return }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<end]))
    }

    /// Appends one ASCII byte.
    mutating func add(byte: UInt8) {
        bytes.append(byte)
    }

    /// Whether `text`'s UTF-8 holds a byte for which `test` holds (over the contiguous
    /// bytes, with no per-byte call through the string's views).
    static func contains(_ text: String, where test: (UInt8) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { $0.contains(where: test) }
    }

    /// The text written.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Whether `text` is on one line as `split(whereSeparator: \.isNewline)` sees it: no line
    /// end of any kind (ASCII ones checked byte by byte; any non-ASCII text is assumed to
    /// hold one, so the caller takes its general path).
    static func isPlainLine(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { $0.allSatisfy { $0 < 0x80 && ($0 < 0x0A || $0 > 0x0D) } }
    }
}
