import Foundation
import RehearseCore

/// Times and durations as xAPI writes them: ISO 8601 in UTC (`2026-01-05T09:00:00Z`, with
/// milliseconds when there are any) and ISO 8601 durations (`PT1M12.5S`). Written by hand,
/// digit by digit into the output: a million statements would spend seconds in a date
/// formatter.
public enum XAPITime {
    /// `date` in UTC, to the millisecond.
    public static func timestamp(_ date: Date) -> String {
        var json = JSONWriter(capacity: 24)
        write(date, into: &json)
        return json.rendered
    }

    /// Writes `date` in UTC, to the millisecond, unquoted (see `timestamp(_:)`).
    public static func write(_ date: Date, into json: inout JSONWriter) {
        let totalMilliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        guard totalMilliseconds.isFinite, abs(totalMilliseconds) < 253_402_300_800_000 else {
            json.raw("1970-01-01T00:00:00Z")
            return
        }
        let milliseconds = Int64(totalMilliseconds)
        var seconds = milliseconds / 1000
        var fraction = milliseconds % 1000
        if fraction < 0 {
            fraction += 1000
            seconds -= 1
        }
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        let (year, month, day) = CivilDate.civil(fromDays: days)
        // Four digits for the years 0-9999 (files only hold 1970-9999); an earlier year, which
        // only a caller passing one can make, gets a minus sign.
        var digits = Digits()
        if year < 0 { digits.append(UInt8(ascii: "-")) }
        digits.append(abs(year), width: 4)
        digits.append(UInt8(ascii: "-"))
        digits.append(month, width: 2)
        digits.append(UInt8(ascii: "-"))
        digits.append(day, width: 2)
        digits.append(UInt8(ascii: "T"))
        digits.append(secondOfDay / 3600, width: 2)
        digits.append(UInt8(ascii: ":"))
        digits.append(secondOfDay / 60 % 60, width: 2)
        digits.append(UInt8(ascii: ":"))
        digits.append(secondOfDay % 60, width: 2)
        if fraction != 0 {
            digits.append(UInt8(ascii: "."))
            digits.append(fraction, width: 3)
        }
        digits.append(UInt8(ascii: "Z"))
        digits.write(into: &json)
    }

    /// `seconds` as an ISO 8601 duration, to the hundredth of a second (`PT0S` for zero); nil
    /// for a negative or non-finite span.
    public static func duration(_ seconds: Double) -> String? {
        guard seconds.isFinite, seconds >= 0, seconds < 1e9 else { return nil }
        let hundredths = Int64((seconds * 100).rounded())
        let hours = hundredths / 360_000
        let minutes = hundredths / 6000 % 60
        let wholeSeconds = hundredths / 100 % 60
        let fraction = hundredths % 100
        var digits = Digits()
        digits.append(UInt8(ascii: "P"))
        digits.append(UInt8(ascii: "T"))
        if hours > 0 {
            digits.append(hours, width: 1)
            digits.append(UInt8(ascii: "H"))
        }
        if minutes > 0 {
            digits.append(minutes, width: 1)
            digits.append(UInt8(ascii: "M"))
        }
        if wholeSeconds > 0 || fraction > 0 || (hours == 0 && minutes == 0) {
            digits.append(wholeSeconds, width: 1)
            if fraction > 0 {
                digits.append(UInt8(ascii: "."))
                if fraction % 10 == 0 {
                    digits.append(fraction / 10, width: 1)
                } else {
                    digits.append(fraction, width: 2)
                }
            }
            digits.append(UInt8(ascii: "S"))
        }
        return digits.string
    }

    /// Up to 32 ASCII bytes, held inline (no allocation).
    private struct Digits {
        private var storage: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        private var count = 0

        mutating func append(_ byte: UInt8) {
            guard count < 32 else { return }
            let position = count
            withUnsafeMutableBytes(of: &storage) { $0[position] = byte }
            count += 1
        }

        /// A non-negative number in decimal, zero-padded to `width` digits.
        mutating func append(_ value: Int64, width: Int) {
            var remaining = value
            var reversed: (UInt64, UInt64, UInt64) = (0, 0, 0)
            var length = 0
            withUnsafeMutableBytes(of: &reversed) { buffer in
                repeat {
                    buffer[length] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: remaining % 10)
                    remaining /= 10
                    length += 1
                } while (remaining > 0 || length < width) && length < 20
            }
            withUnsafeBytes(of: &reversed) { buffer in
                for index in stride(from: length - 1, through: 0, by: -1) {
                    append(buffer[index])
                }
            }
        }

        func write(into json: inout JSONWriter) {
            var copy = storage
            let length = count
            withUnsafeBytes(of: &copy) { json.bytes.append(contentsOf: $0.prefix(length)) }
        }

        var string: String {
            var copy = storage
            let length = count
            return withUnsafeBytes(of: &copy) { String(decoding: $0.prefix(length), as: UTF8.self) }
        }
    }
}
