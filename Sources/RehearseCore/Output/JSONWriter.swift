/// The one JSON writer: a buffer of UTF-8 bytes with writers for raw text, string literals and
/// numbers. ``JSONValue`` documents are rendered through it, and large reports (a grade of a
/// million answers) are written straight into it without intermediate strings.
public struct JSONWriter: Sendable {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    /// A writer appending to `bytes` (an empty buffer taken from `ByteBuffers`, say).
    public init(appendingTo bytes: [UInt8]) { self.bytes = bytes }

    /// Text the program chose (punctuation, keys known to be plain), as it is.
    @inline(__always)
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Text as it is, unescaped.
    public mutating func text(_ text: String) {
        var copy = text
        copy.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Bytes written before, by another writer.
    public mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    /// Bytes written before, by another writer, from memory the caller holds.
    @inline(__always)
    public mutating func append(_ other: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: other)
    }

    /// A JSON string literal: quoted; `"` and `\` escaped; control characters (C0 and DEL) as
    /// `\n`, `\r`, `\t`, `\b`, `\f` or `\u00XX`; U+2028 and U+2029 as `\u2028` and `\u2029`
    /// (JavaScript reads them as line breaks). Everything else, non-ASCII and characters beyond
    /// the Basic Multilingual Plane included, is written as UTF-8.
    public mutating func string(_ text: String) {
        var copy = text
        copy.withUTF8 { string(utf8: $0) }
    }

    /// The string whose valid UTF-8 is `utf8`, quoted and escaped as `string(_:)` does (it
    /// writes through this). Runs of bytes that need no escape are copied whole.
    public mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var index = 0
        while index < utf8.count {
            var end = index
            while end < utf8.count, !Self.mayEscape(utf8[end]) { end += 1 }
            if end > index {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[index..<end]))
                index = end
                continue
            }
            let byte = utf8[index]
            switch byte {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0x08: raw("\\b")
            case 0x0C: raw("\\f")
            case 0x00..<0x20, 0x7F: hexEscape(UInt32(byte))
            case 0xE2
            where index + 2 < utf8.count && utf8[index + 1] == 0x80
                && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                hexEscape(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                index += 2
            default: bytes.append(byte)
            }
            index += 1
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether `byte` may start something `string(utf8:)` escapes: a quote, a backslash, a
    /// control character, or the first byte of U+2028 and U+2029.
    @inline(__always)
    private static func mayEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F
            || byte == 0xE2
    }

    /// `\uXXXX` with four lowercase hexadecimal digits.
    private mutating func hexEscape(_ value: UInt32) {
        raw("\\u")
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(Self.hexDigits[Int((value >> UInt32(shift)) & 0xF)])
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// A whole number, in decimal digits written straight into the buffer.
    public mutating func int(_ value: Int) {
        if value >= 0, value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = value.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(contentsOf: UnsafeMutableBufferPointer(rebasing: digits[start...]))
        }
    }

    /// A JSON number: whole numbers without a fraction, others rounded to nine decimals (the
    /// scorer's own precision, so sums print as `43.45`, not `43.449999999999996`) in the
    /// shortest form that reads back the same; `null` for NaN and infinities.
    public mutating func number(_ value: Double) {
        if !value.isFinite {
            raw("null")
        } else if value == value.rounded(), abs(value) < 1e15 {
            int(Int(value))
        } else if abs(value) < 1e6 {
            let rounded = (value * 1e9).rounded() / 1e9
            if rounded == rounded.rounded() {
                int(Int(rounded))
            } else {
                text(String(rounded))
            }
        } else {
            text(String(value))
        }
    }

    /// A number, or `null` when there is none.
    public mutating func number(_ value: Double?) {
        if let value { number(value) } else { raw("null") }
    }

    /// The bytes written, as text.
    public var rendered: String { String(decoding: bytes, as: UTF8.self) }
}
