/// A true/false question's feedback per answer (GIFT's `{T#wrong#right}`, Moodle XML's answer
/// feedback), which Rehearse's `truefalse` kind has no place for: carried in the explanation
/// (shown after answering), each labelled with the answer it is for, so no learner reads
/// another answer's feedback as their own.
enum TrueFalseFeedback {
    static let note =
        "per-answer feedback of a true/false question carried in the explanation, "
        + "labelled by answer"

    /// The explanation: the general feedback, then the feedback for `true` and the one for
    /// `false`, each on its own line after "If you answered ...:"; nil when there is none.
    /// A note is added when an answer's feedback is carried.
    static func explanation(
        general: String?, whenTrue: String?, whenFalse: String?, notes: inout [String]
    ) -> String? {
        var lines: [String] = []
        if let general, !general.isEmpty { lines.append(general) }
        var labelled = false
        for (answer, feedback) in [("true", whenTrue), ("false", whenFalse)] {
            guard let feedback, !feedback.isEmpty else { continue }
            lines.append("If you answered \(answer): \(feedback)")
            labelled = true
        }
        if labelled { notes.append(note) }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }
}
