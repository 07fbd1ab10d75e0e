import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// The text encodings answer sheets arrive in, as spreadsheets and forms tools write them.
public enum SheetEncoding: String, Sendable, Hashable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with BOM"
    case utf16LittleEndian = "UTF-16 LE"
    case utf16BigEndian = "UTF-16 BE"
    case windows1252 = "Windows-1252"
}

/// Turns a file's bytes into UTF-8 without a byte-order mark: UTF-8 (with or without a BOM) is
/// kept as it is, UTF-16 with a BOM is transcoded, and bytes that are not valid UTF-8 are read
/// as Windows-1252 (what a spreadsheet on Windows saves as "CSV").
public enum SheetText {
    /// `utf8(_:)` in place: valid UTF-8 without a byte-order mark is left where it is.
    public static func normalise(_ bytes: inout [UInt8]) -> SheetEncoding {
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        if !bom, isValidUTF8(bytes) { return .utf8 }
        let (converted, encoding) = utf8(bytes)
        bytes = converted
        return encoding
    }

    public static func utf8(_ bytes: [UInt8]) -> (bytes: [UInt8], encoding: SheetEncoding) {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            let rest = Array(bytes[3...])
            if isValidUTF8(rest) { return (rest, .utf8WithBOM) }
            return (windows1252(rest), .windows1252)
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return (utf16(bytes, from: 2, bigEndian: false), .utf16LittleEndian)
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return (utf16(bytes, from: 2, bigEndian: true), .utf16BigEndian)
        }
        if isValidUTF8(bytes) { return (bytes, .utf8) }
        return (windows1252(bytes), .windows1252)
    }

    static func utf16(_ bytes: [UInt8], from start: Int, bigEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity((bytes.count - start) / 2)
        var index = start
        while index + 1 < bytes.count {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    /// Windows-1252: Latin-1 with printable characters in 0x80-0x9F.
    static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func windows1252(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
                continue
            }
            let code = byte < 0xA0 ? high[Int(byte - 0x80)] : UInt32(byte)
            if let scalar = Unicode.Scalar(code), let encoded = UTF8.encode(scalar) {
                out.append(contentsOf: encoded)
            }
        }
        return out
    }

    /// Strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF).
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValidUTF8($0) }
    }

    public static func isValidUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        UTF8Validation.firstInvalidOffset(in: buffer) == nil
    }
}
