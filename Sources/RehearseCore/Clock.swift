import Foundation

/// The time every command uses: `REHEARSE_NOW` (ISO 8601) when set, so runs can be reproduced
/// in tests and demos; else the system clock.
public enum RehearseClock {
    public static func now(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Result<Date, ClockError>
    {
        guard let value = environment["REHEARSE_NOW"], !value.isEmpty else {
            return .success(Date())
        }
        guard let date = parse(value) else {
            return .failure(
                ClockError(
                    value: value,
                    reason: "REHEARSE_NOW must be an ISO 8601 time such as 2026-01-03T09:00:00Z"))
        }
        return .success(date)
    }

    /// ISO 8601 with or without fractional seconds; a date alone means midnight UTC.
    public static func parse(_ text: String) -> Date? {
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

public struct ClockError: Error, Sendable, CustomStringConvertible {
    public var value: String
    public var reason: String
    public var description: String { "bad REHEARSE_NOW `\(value)`: \(reason)" }
}
