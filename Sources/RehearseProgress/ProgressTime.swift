import Foundation
import RehearseCore
import RehearseScoring

/// The times of progress files, read and written fast: a progress file holds two times per
/// memory state and one or two per attempt, and creating an ICU date formatter per time cost
/// more than everything else of reading a file.
///
/// Each function is a cache in front of the one rule: the canonical form the store writes,
/// `YYYY-MM-DDTHH:MM:SSZ` with a year from 1970 to 9999, is read and written by arithmetic on
/// the proleptic Gregorian calendar (which the formatter uses for these years); any other text
/// or time goes to the formatter (`RehearseClock.parse`, `ISO8601DateFormatter`), so the results
/// are those of the rule.
enum ProgressTime {
    /// `RehearseClock.parse`, fast for the canonical form.
    static func parse(_ text: String) -> Date? {
        canonical(text) ?? RehearseClock.parse(text)
    }

    /// What `JSONDecoder.DateDecodingStrategy.iso8601` reads (internet date and time, no
    /// fractional seconds), fast for the canonical form.
    static func parseInternet(_ text: String) -> Date? {
        canonical(text) ?? ISO8601DateFormatter().date(from: text)
    }

    /// What `JSONEncoder.DateEncodingStrategy.iso8601` writes, fast for a whole second in the
    /// years 1970-9999.
    static func format(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        guard seconds >= 0, seconds <= RehearseClock.latest.timeIntervalSince1970,
            seconds == seconds.rounded(.down)
        else { return ISO8601DateFormatter().string(from: date) }
        let whole = Int64(seconds)
        let days = whole / 86_400
        let rest = Int(whole % 86_400)
        let (year, month, day) = civil(fromDays: days)
        var bytes = [UInt8](repeating: 0, count: 20)
        func put(_ value: Int, at offset: Int, digits: Int) {
            var value = value
            for place in stride(from: offset + digits - 1, through: offset, by: -1) {
                bytes[place] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
        }
        put(year, at: 0, digits: 4)
        bytes[4] = UInt8(ascii: "-")
        put(month, at: 5, digits: 2)
        bytes[7] = UInt8(ascii: "-")
        put(day, at: 8, digits: 2)
        bytes[10] = UInt8(ascii: "T")
        put(rest / 3600, at: 11, digits: 2)
        bytes[13] = UInt8(ascii: ":")
        put(rest / 60 % 60, at: 14, digits: 2)
        bytes[16] = UInt8(ascii: ":")
        put(rest % 60, at: 17, digits: 2)
        bytes[19] = UInt8(ascii: "Z")
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The store's encoder: `AttemptRecord.makeEncoder()` with its dates written by `format`.
    static func encoder() -> JSONEncoder {
        let encoder = AttemptRecord.makeEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(format(date))
        }
        return encoder
    }

    /// The store's decoder: `AttemptRecord.makeDecoder()` with its dates read by
    /// `parseInternet`.
    static func decoder() -> JSONDecoder {
        let decoder = AttemptRecord.makeDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parseInternet(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "Expected date string to be ISO8601-formatted."
                )
            }
            return date
        }
        return decoder
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` with every field in range and a year from 1970; nil otherwise
    /// (the caller asks the formatter).
    private static func canonical(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count == 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
                bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z")
            else { return nil }
            func number(_ offset: Int, _ digits: Int) -> Int? {
                var value = 0
                for place in offset..<offset + digits {
                    let digit = Int(bytes[place]) - Int(UInt8(ascii: "0"))
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                year >= 1970, (1...12).contains(month),
                (1...daysIn(month: month, year: year)).contains(day), hour < 24, minute < 60,
                second < 60
            else { return nil }
            let days = Self.days(year: year, month: month, day: day)
            return Date(
                timeIntervalSince1970: Double(
                    days * 86_400 + Int64(hour * 3600 + minute * 60 + second)))
        }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a date of the proleptic Gregorian calendar.
    private static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = y / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of a day counted from 1970-01-01 (not before it).
    private static func civil(fromDays count: Int64) -> (Int, Int, Int) {
        let z = count + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}
