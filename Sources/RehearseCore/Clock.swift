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
