import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// `rehearse grade --update-progress`: each learner's graded attempt goes into their progress
/// file through the progress store, with one review per answered question (rated from its score).
///
/// A recorded attempt keeps its id, times, mode and seed, so grading the same file twice replaces
/// the attempt rather than adding it again. An attempt from a CSV sheet gets an id derived from
/// the quiz, the learner and their answers (again: grading twice changes nothing), mode `graded`,
/// and the grading time as its start and finish. Learners whose id the store refuses are skipped
/// and reported.
public enum ProgressUpdate {
    public struct Outcome: Sendable {
        public var recorded: Int = 0
        public var notes: [String] = []
        public var rejected: [RejectedRow] = []
    }

    /// The attempt record of a graded learner, with scores filled in.
    public static func attempt(
        _ learner: LearnerGrade, in graded: GradedCohort, bank: Bank, now: Date
    ) -> AttemptRecord {
        attempt(learner, in: graded, quizHash: bank.contentHash(of: graded.index.quiz), now: now)
    }

    /// `attempt(_:in:bank:now:)` with the quiz's content hash computed once for the cohort.
    static func attempt(
        _ learner: LearnerGrade, in graded: GradedCohort, quizHash: String, now: Date
    ) -> AttemptRecord {
        let index = graded.index
        let answers = graded.answers(of: learner)
        var records: [AttemptRecord.Answer] = []
        var hash = ContentHash()
        hash.combine(index.quiz.id.value)
        hash.combine(learner.learner.lowercased())
        for answer in answers {
            let text =
                answer.answer >= 0 ? graded.answers.texts[answer.question][Int(answer.answer)] : ""
            hash.combine(index.refs[answer.question])
            hash.combine(text)
            let answeredAt = learner.attempt?.answers.first {
                $0.ref == index.refs[answer.question]
            }?
            .answeredAt
            records.append(
                AttemptRecord.Answer(
                    ref: index.refs[answer.question], answer: text, score: answer.earned,
                    max: answer.max, answeredAt: answeredAt))
        }
        var competencies: [String: Double] = [:]
        for (offset, score) in learner.competencies.enumerated() {
            if let percent = score.percent { competencies[index.competencies[offset]] = percent }
        }
        let original = learner.attempt
        return AttemptRecord(
            id: original?.id ?? "grade-" + String(hash.hex.prefix(24)),
            learner: learner.learner, quiz: index.quiz.id.value,
            quizHash: original?.quizHash ?? quizHash,
            mode: original?.mode ?? "graded", seed: learner.seed ?? 0,
            status: original?.status ?? .finished, startedAt: original?.startedAt ?? now,
            finishedAt: original?.finishedAt ?? now, answers: records, score: learner.earned,
            max: learner.max, percent: learner.percent, passed: learner.passed,
            competencies: competencies)
    }

    /// The reviews of an attempt: one per answered question, at its answer time (else `now`).
    public static func reviews(of attempt: AttemptRecord, now: Date) -> [ReviewEvent] {
        attempt.answers.compactMap { answer in
            guard !answer.answer.trimmingSpaces.isEmpty, let score = answer.score,
                let max = answer.max
            else { return nil }
            return ReviewEvent(
                ref: answer.ref, rating: Rating.from(earned: score, max: max),
                at: answer.answeredAt ?? attempt.finishedAt ?? now)
        }
    }

    /// Records every learner's attempt in `store`, in grouped writes (`recordCohort`). A
    /// learner whose id is not valid is skipped and reported as a rejected row; a store that
    /// cannot be written stops with its error.
    public static func apply(
        _ graded: GradedCohort, bank: Bank, store: ProgressStore, now: Date
    ) throws(ProgressError) -> Outcome {
        var outcome = Outcome()
        let quizHash = bank.contentHash(of: graded.index.quiz)
        var recordings: [LearnerRecording] = []
        for learner in graded.learners {
            if case .failure(let error) = LearnerID.normalise(learner.learner) {
                outcome.rejected.append(
                    RejectedRow(
                        file: learner.file, line: learner.line, column: 1,
                        reason: "progress not updated: \(error.description)"))
                continue
            }
            let attempt = attempt(learner, in: graded, quizHash: quizHash, now: now)
            recordings.append(
                LearnerRecording(attempts: [attempt], reviews: reviews(of: attempt, now: now)))
        }
        try store.recordCohort(recordings)
        outcome.recorded = recordings.count
        outcome.notes.append(
            "progress updated for \(outcome.recorded) learner\(outcome.recorded == 1 ? "" : "s") "
                + "in \(store.progressFolder)")
        return outcome
    }
}
