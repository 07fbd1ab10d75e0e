import Foundation

/// The time every command uses: `REHEARSE_NOW` (ISO 8601) when set, so runs can be reproduced
/// in tests and demos; else the system clock.
public enum RehearseClock {
    /// The earliest time Rehearse accepts anywhere: 1970-01-01T00:00:00Z.
    public static let earliest = Date(timeIntervalSince1970: 0)
    /// The latest time Rehearse accepts anywhere: 9999-12-31T23:59:59Z. Later years cannot be
    /// written as ISO 8601 with four digits, and nothing a learner does is dated there.
    public static let latest = Date(timeIntervalSince1970: 253_402_300_799)

    /// Whether a time lies in the years 1970-9999, the range every time read from the
    /// environment or a file must be in.
    public static func isInRange(_ date: Date) -> Bool {
        let seconds = date.timeIntervalSince1970
        return seconds.isFinite && date >= earliest && date <= latest
    }

    public static func now(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Result<Date, ClockError>
    {
        guard let value = environment["REHEARSE_NOW"], !value.isEmpty else {
            let system = Date()
            guard isInRange(system) else {
                return .failure(
                    ClockError(
                        value: ISO8601DateFormatter().string(from: system),
                        reason: "the system clock is outside the years 1970-9999",
                        name: "system time"))
            }
            return .success(system)
        }
        guard let date = parse(value) else {
            return .failure(
                ClockError(
                    value: value,
                    reason: "REHEARSE_NOW must be an ISO 8601 time such as 2026-01-03T09:00:00Z"))
        }
        guard isInRange(date) else {
            return .failure(
                ClockError(
                    value: value, reason: "REHEARSE_NOW must be a time in the years 1970-9999"))
        }
        return .success(date)
    }

    /// ISO 8601 with or without fractional seconds; a date alone means midnight UTC. Only the
    /// plain four-digit-year forms are read (`2026-01-03T09:00:00Z`): a sign or a longer year is
    /// refused, so every time read lies in the years 0000-9999.
    public static func parse(_ text: String) -> Date? {
        guard let first = text.utf8.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first),
            text.utf8.count <= 40,
            text.utf8.count < 5
                || text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: 4)]
                    == UInt8(ascii: "-")
        else { return nil }
        if let date = parseUTCSeconds(text) { return date }
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = fractional.date(from: text) { return date }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        return day.date(from: text)
    }
}

extension RehearseClock {
    /// The form every file Rehearse writes uses, `YYYY-MM-DDTHH:MM:SSZ` in the years 1970-9999,
    /// read by hand: a progress file holds a time per answer, and a formatter costs tens of
    /// microseconds per call. Nil for anything else (another form, an offset, a fraction, a
    /// day or time out of range), which `parse` hands to the formatters, so what is read is
    /// exactly what they read.
    public static func parseUTCSeconds(_ text: String) -> Date? {
        var copy = text
        return copy.withUTF8 { utf8 -> Date? in
            guard utf8.count == 20, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
                utf8[10] == UInt8(ascii: "T"), utf8[13] == UInt8(ascii: ":"),
                utf8[16] == UInt8(ascii: ":"), utf8[19] == UInt8(ascii: "Z")
            else { return nil }
            func number(_ start: Int, _ count: Int) -> Int? {
                var value = 0
                for index in start..<(start + count) {
                    let digit = Int(utf8[index]) - Int(UInt8(ascii: "0"))
                    guard digit >= 0, digit <= 9 else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                year >= 1970, (1...12).contains(month), hour <= 23, minute <= 59, second <= 59
            else { return nil }
            guard day >= 1, Int64(day) <= CivilDate.daysIn(month: Int64(month), year: Int64(year))
            else { return nil }
            let days = Int(
                CivilDate.days(year: Int64(year), month: Int64(month), day: Int64(day)))
            let seconds = days * 86_400 + hour * 3600 + minute * 60 + second
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
    }
}

extension RehearseClock {
    /// `date` as `YYYY-MM-DDTHH:MM:SSZ` when it is a whole second in the years 1970-9999, by
    /// hand; nil otherwise (the caller asks a formatter). What `ISO8601DateFormatter` writes.
    public static func formatUTCSeconds(_ date: Date) -> String? {
        let seconds = date.timeIntervalSince1970
        guard seconds >= 0, seconds <= latest.timeIntervalSince1970,
            seconds == seconds.rounded(.down)
        else { return nil }
        let whole = Int64(seconds)
        let (year, month, day) = CivilDate.civil(fromDays: whole / 86_400)
        let rest = whole % 86_400
        var bytes = [UInt8](repeating: 0, count: 20)
        func put(_ value: Int64, at offset: Int, digits: Int) {
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
}

/// A clock value that cannot be used; the value is shown with its control characters escaped.
public struct ClockError: Error, Sendable, CustomStringConvertible {
    public var value: String
    public var reason: String
    /// What the value is, as the message names it.
    public var name: String

    public init(value: String, reason: String, name: String = "REHEARSE_NOW") {
        self.value = value
        self.reason = reason
        self.name = name
    }

    public var description: String {
        let shown = value.count > 60 ? String(value.prefix(60)) + "…" : value
        return "bad \(name) `\(TerminalText.sanitizeLine(shown))`: \(reason)"
    }
}
