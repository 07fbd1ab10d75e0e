import Foundation

/// How far a time is from now, in words: the one wording `progress` and `review` share, so both
/// say the same of the same due date.
public enum RelativeTime {
    /// "now" (within a minute), "in 5 minutes", "in 3 hours", "in 2 days", "4 days ago": whole
    /// units, rounded down.
    public static func phrase(_ time: Date, from now: Date) -> String {
        let seconds = time.timeIntervalSince(now)
        guard seconds.isFinite else { return "now" }
        let magnitude = Swift.min(abs(seconds), 1e12)
        let text: String
        if magnitude < 60 {
            return "now"
        } else if magnitude < 3600 {
            text = count(Int(magnitude / 60), "minute")
        } else if magnitude < 86_400 {
            text = count(Int(magnitude / 3600), "hour")
        } else {
            text = count(Int(magnitude / 86_400), "day")
        }
        return seconds > 0 ? "in " + text : text + " ago"
    }

    private static func count(_ value: Int, _ unit: String) -> String {
        "\(value) \(unit)\(value == 1 ? "" : "s")"
    }
}
