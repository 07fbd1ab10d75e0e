import Foundation
import RehearseScoring

/// One answer given in `rehearse review`, kept for mastery: its question, when, its score and
/// the competencies the question trains. The JSON names are part of the progress format.
public struct ReviewAnswer: Sendable, Codable, Hashable {
    public var ref: String
    public var at: Date
    public var score: Double
    public var max: Double
    public var competencies: [String]

    public init(ref: String, at: Date, score: Double, max: Double, competencies: [String]) {
        self.ref = ref
        self.at = at
        self.score = score
        self.max = max
        self.competencies = competencies
    }
}

/// Mastery per competency, 0-100: the one definition behind the dashboard (`progress`), the
/// trainer's summary and the order of `review` (weakest first).
///
/// A competency's mastery is the mean of its sources: each quiz's latest ended attempt that
/// measured the competency (its percent for it), and, once the learner has review answers on
/// questions of the competency, the review as one more source: the percent of the points earned
/// in the latest `reviewWindow` of those answers.
public enum Mastery {
    /// How many of the latest review answers of a competency make its review source.
    public static let reviewWindow = 10

    /// Mastery per competency id; a competency with no source is absent.
    public static func byCompetency(_ progress: LearnerProgress) -> [String: Double] {
        var sources: [String: [Double]] = [:]
        var byQuiz: [String: [AttemptRecord]] = [:]
        for attempt in progress.attempts where attempt.status != .unfinished {
            byQuiz[attempt.quiz, default: []].append(attempt)
        }
        for attempts in byQuiz.values {
            let ended = attempts.sorted {
                ($0.finishedAt ?? $0.startedAt) < ($1.finishedAt ?? $1.startedAt)
            }
            guard let latest = ended.last(where: { $0.competencies != nil }) else { continue }
            for (competency, percent) in latest.competencies ?? [:] {
                sources[competency, default: []].append(percent)
            }
        }
        for (competency, answers) in latestReviews(progress.reviewAnswers ?? []) {
            let max = answers.map(\.max).reduce(0, +)
            guard max > 0 else { continue }
            let earned = answers.map { Swift.min(Swift.max($0.score, 0), $0.max) }.reduce(0, +)
            sources[competency, default: []].append(100 * earned / max)
        }
        return sources.mapValues { $0.reduce(0, +) / Double($0.count) }
    }

    /// The latest `reviewWindow` answers per competency (answers worth nothing left out).
    static func latestReviews(_ answers: [ReviewAnswer]) -> [String: [ReviewAnswer]] {
        var latest: [String: [ReviewAnswer]] = [:]
        let newestFirst = answers.enumerated().sorted {
            ($0.element.at, $0.offset) > ($1.element.at, $1.offset)
        }
        for (_, answer) in newestFirst where answer.max > 0 {
            for competency in Set(answer.competencies)
            where latest[competency, default: []].count < reviewWindow {
                latest[competency, default: []].append(answer)
            }
        }
        return latest
    }

    /// The answers mastery still needs (the latest `reviewWindow` per competency), oldest first:
    /// what the progress file keeps, so it does not grow with every review.
    static func kept(_ answers: [ReviewAnswer]) -> [ReviewAnswer] {
        let needed = Set(latestReviews(answers).values.flatMap { $0 })
        return answers.filter { needed.contains($0) }.sorted { $0.at < $1.at }
    }
}
