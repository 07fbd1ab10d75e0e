import RehearseScoring

/// Whether `take` continues the learner's unfinished attempt or starts a new one, and what to
/// tell them about it.
public struct ResumePolicy: Sendable {
    /// The attempt to continue, or nil to start a new one.
    public var resuming: AttemptRecord?
    /// A line for the learner (ending with a newline), when there is something to say.
    public var note: String?

    /// Decides for a learner who asked to `resume` (or not), with `seed` if given, when
    /// `saved` is their unfinished attempt at the quiz (if any) and `quizHash` the quiz's
    /// content now: an attempt is continued only when asked for and the quiz is unchanged,
    /// always with its own seed.
    public static func decide(
        resume: Bool, seed: UInt64?, saved: AttemptRecord?, quiz: String, quizHash: String
    ) -> ResumePolicy {
        guard let saved else {
            let note = resume ? "No unfinished attempt at \(quiz) to resume; starting one.\n" : nil
            return ResumePolicy(resuming: nil, note: note)
        }
        guard resume else {
            return ResumePolicy(
                resuming: nil,
                note:
                    "You have an unfinished attempt at \(quiz) (\(saved.answers.count) answers); --resume continues it. Starting a new one.\n"
            )
        }
        guard saved.quizHash == quizHash else {
            return ResumePolicy(
                resuming: nil,
                note: "The quiz has changed since your unfinished attempt; starting a new one.\n")
        }
        var note: String?
        if let seed, seed != saved.seed {
            note = "Resuming with the attempt's own seed \(saved.seed), not \(seed).\n"
        }
        return ResumePolicy(resuming: saved, note: note)
    }
}
