import Foundation
import RehearseBank
import RehearseCore

/// Regular expressions of `text` questions: ICU syntax, case-insensitive, found anywhere.
///
/// Patterns come from quiz authors and answers from learners, so matching is bounded: an answer
/// is matched on at most ``maximumAnswerLength`` characters (`AnswerParser` refuses longer ones
/// with a message), and a match gives up after ``matchBudget`` seconds. ``riskReason(_:)`` tells
/// a pattern whose matching can blow up before it is ever run.
public enum TextPattern {
    /// The longest answer read, in characters.
    public static let maximumAnswerLength = 1_000
    /// How long one pattern may search one answer, in seconds.
    public static let matchBudget: TimeInterval = 0.25

    /// The outcome of a bounded match.
    public enum Match: Sendable, Hashable {
        case found
        case notFound
        /// The budget ran out first: counted as no match.
        case gaveUp
    }

    public static func isValid(_ pattern: String) -> Bool { compile(pattern) != nil }

    public static func compile(_ pattern: String) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    /// Whether `regex` matches somewhere in the first ``maximumAnswerLength`` characters of
    /// `text`, giving up after `budget` seconds (ICU reports its progress while it searches, and
    /// the search is stopped there).
    public static func match(
        _ regex: NSRegularExpression, in text: String, budget: TimeInterval = matchBudget
    ) -> Match {
        let bounded =
            text.count > maximumAnswerLength ? String(text.prefix(maximumAnswerLength)) : text
        let start = DispatchTime.now().uptimeNanoseconds
        let limit = UInt64(Swift.max(0, budget) * 1e9)
        var outcome = Match.notFound
        regex.enumerateMatches(
            in: bounded, options: [.reportProgress],
            range: NSRange(bounded.startIndex..., in: bounded)
        ) { result, _, stop in
            if result != nil {
                outcome = .found
                stop.pointee = true
            } else if DispatchTime.now().uptimeNanoseconds &- start > limit {
                outcome = .gaveUp
                stop.pointee = true
            }
        }
        return outcome
    }

    /// Why matching `pattern` can take exponential time, or nil when it cannot be seen to: a
    /// back-reference (`\1`, `\k<name>`), a repeated group that itself repeats something
    /// (`(a+)+`, `(a*)*`, `(?:\w+\s?)*`), or a repeated group whose alternatives can match the
    /// same text (`(a|a)*`, `(a|ab)+`, `(.|x)*`).
    public static func riskReason(_ pattern: String) -> String? {
        var scan = PatternRisk(Array(pattern.unicodeScalars))
        return scan.reason()
    }
}
