import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// An output buffer of UTF-8 bytes with the few writers reports need: raw text, JSON strings and
/// numbers. Reports for large cohorts are written straight into it, without intermediate strings.
public struct ByteWriter: Sendable {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    @inline(__always)
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func text(_ text: String) {
        var copy = text
        copy.withUTF8 { bytes.append(contentsOf: $0) }
    }

    public mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    /// A JSON string literal, quoted and escaped.
    public mutating func jsonString(_ text: String) {
        var copy = text
        copy.withUTF8 { utf8 in
            bytes.append(UInt8(ascii: "\""))
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""): raw("\\\"")
                case UInt8(ascii: "\\"): raw("\\\\")
                case 10: raw("\\n")
                case 13: raw("\\r")
                case 9: raw("\\t")
                case 0..<32:
                    raw("\\u00")
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 15)])
                default: bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    public mutating func int(_ value: Int) {
        if value >= 0, value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        text(String(value))
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

    public mutating func number(_ value: Double?) {
        if let value { number(value) } else { raw("null") }
    }
}
