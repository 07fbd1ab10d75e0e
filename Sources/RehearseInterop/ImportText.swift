import RehearseBank
import RehearseCore

/// Text from an imported source made safe for a bank file: no control characters (the loader
/// refuses them), no leading or trailing space.
enum ImportText {
    /// `text` without unsafe characters and trimmed; a note says when some were removed.
    static func clean(_ text: String, notes: inout [String]) -> String {
        guard text.unicodeScalars.contains(where: isRemoved) else {
            return text.trimmingSpaces
        }
        var scalars = String.UnicodeScalarView()
        var removed = false
        for scalar in text.unicodeScalars {
            if isRemoved(scalar) {
                removed = true
            } else {
                scalars.append(scalar)
            }
        }
        if removed, !notes.contains(controlNote) { notes.append(controlNote) }
        return String(scalars).trimmingSpaces
    }

    static let controlNote = "control characters removed from the text"

    /// For a short-answer or numerical question whose answers have feedback: `text` and
    /// `number` questions have none per answer.
    static let answerFeedbackNote = "feedback of the answers not carried"

    /// What a bank file cannot hold: what `TerminalText` calls unsafe (the loader refuses it),
    /// and U+FFFE and U+FFFF, which are not characters and which YAML does not allow.
    static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        TerminalText.isUnsafe(scalar) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    /// Tags as a bank can hold them: each cleaned, the empty ones left out.
    static func tags(_ tags: [String], notes: inout [String]) -> [String] {
        tags.map { clean($0, notes: &notes) }.filter { !$0.isEmpty }
    }

    /// A weight or fraction as people write it: `50%`, `33.33333%`, `-100%`. Any finite
    /// weight a file can hold (`%1e300%`) is written, never converted to `Int` past its range.
    static func percent(_ value: Double) -> String {
        guard abs(value) < 1e9 else { return format(value) + "%" }
        return format((value * 100_000).rounded() / 100_000) + "%"
    }

    /// A question's marks as the bank allows them: a mark of 0 or less (or not a number)
    /// becomes 1, one over `Question.maximumPoints` becomes that maximum; a note says so.
    static func points(_ value: Double, notes: inout [String]) -> Double {
        if value > Question.maximumPoints {
            notes.append(
                "a default mark of \(YAMLScalar.number(value)) became "
                    + "\(YAMLScalar.number(Question.maximumPoints)), the most a question may be worth"
            )
            return Question.maximumPoints
        }
        guard value > 0 else {
            notes.append("a default mark of \(YAMLScalar.number(value)) became 1")
            return 1
        }
        return value
    }

    /// `value` rounded to 4 decimal places (scores from percentages such as 33.33333%).
    static func rounded(_ value: Double) -> Double {
        (value * 10_000).rounded() / 10_000
    }
}

/// Why a source question was skipped.
struct SkipReason: Error, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
}
