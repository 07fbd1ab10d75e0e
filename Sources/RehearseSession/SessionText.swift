import Foundation
import RehearseCore

/// Numbers, durations and clocks as the session shows them.
public enum SessionText {
    /// `2` not `2.0`; two decimals at most. A number too large for two decimals (which the
    /// bank's limits keep out) is written as `format` writes it, never converted to `Int`.
    public static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        guard abs(rounded) < 1e15 else { return format(value) }
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }

    /// A limit as it is named in a sentence: `90-second`, `25-minute`, `2-hour` (whole minutes
    /// or hours when they are whole).
    public static func duration(_ seconds: Int) -> String {
        if seconds < 120, seconds % 60 != 0 { return "\(seconds)-second" }
        let minutes = seconds / 60
        if minutes < 60 || minutes % 60 != 0 { return "\(minutes)-minute" }
        return "\(minutes / 60)-hour"
    }

    /// `12:05` (minutes:seconds) or `1:02:05`.
    public static func clock(_ seconds: Int) -> String {
        let hours = seconds / 3600
        let minutes = seconds / 60 % 60
        let rest = seconds % 60
        let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(rest))" : "\(minutes):\(two(rest))"
    }

    /// A span of time in words: `25 minutes`, `1 hour 30 minutes`, `90 seconds`, `1 minute`.
    public static func span(_ seconds: Int) -> String {
        func unit(_ count: Int, _ name: String) -> String {
            "\(count) \(name)\(count == 1 ? "" : "s")"
        }
        if seconds < 120, seconds % 60 != 0 { return unit(seconds, "second") }
        let hours = seconds / 3600
        let minutes = (seconds % 3600 + 59) / 60
        if hours == 0 { return unit(minutes, "minute") }
        return minutes == 0
            ? unit(hours, "hour") : unit(hours, "hour") + " " + unit(minutes, "minute")
    }

    /// `12` or `about 12`.
    public static func count(_ total: Int, estimate: Bool) -> String {
        estimate ? "about \(total)" : "\(total)"
    }
}
