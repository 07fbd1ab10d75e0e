import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// The end of an attempt and what the session says about itself: the report, the opening and
/// `:progress`.
extension QuizSession {
    mutating func finish(_ status: AttemptRecord.Status, at now: Date) -> [SessionEvent] {
        phase = .finished
        shown = nil
        let result = QuizScorer.score(plan, responses: responses)
        record.status = status
        record.finishedAt = now
        record.score = result.earned
        record.max = result.max
        record.percent = result.percent
        record.passed = result.passed
        var percents: [String: Double] = [:]
        for (id, score) in result.competencies {
            if let percent = score.percent { percents[id] = percent }
        }
        record.competencies = percents
        let known = competencyOrder.filter { result.competencies[$0] != nil }
        let others = result.competencies.keys.filter { !competencyOrder.contains($0) }.sorted()
        let breakdown = (known + others).compactMap { id in
            result.competencies[id].map { (id: id, score: $0) }
        }
        let revisit = result.answers.filter { $0.score.outcome != .correct }.map {
            RevisitItem(
                ref: $0.ref, prompt: $0.question.prompt, outcome: $0.score.outcome,
                earned: $0.score.earned, max: $0.score.max, explanation: $0.question.explanation)
        }
        let policy = plan.quiz.review
        var review: [AnswerFeedback] = []
        if mode == .exam, policy == .full {
            review = result.answers.map {
                QuestionPresenter.feedback(
                    $0.question, ref: $0.ref, response: $0.response, score: $0.score,
                    order: plan.displayOrder[$0.ref])
            }
        }
        let report = SessionReport(
            result: result, record: record, competencies: breakdown, revisit: revisit,
            reviews: reviews, mode: mode, seed: plan.seed, policy: policy, review: review,
            timeFactor: timeFactor)
        return [.finished(report)]
    }

    func startInfo(at now: Date) -> SessionStart {
        let total = QuizLength.remaining(plan.items, from: 0, step: nil)
        return SessionStart(
            quizID: plan.quiz.id.value, title: plan.quiz.title,
            description: plan.quiz.description, mode: mode, seed: plan.seed, timeLimit: limit,
            timeLeft: resumedAnswers == nil ? nil : timeLeft(at: now), timeFactor: timeFactor,
            startsOnEnter: awaitingStart, passPercent: plan.quiz.passPercent,
            resumedAnswers: resumedAnswers, total: total.count, totalIsEstimate: total.estimate)
    }

    func status(at now: Date) -> SessionStatus {
        let points = pointsSoFar
        let total =
            shown.map { ($0.total, $0.totalIsEstimate) }
            ?? (record.answers.count, false)
        return SessionStatus(
            done: record.answers.count, total: total.0, totalIsEstimate: total.1,
            earned: mode == .practice ? points.earned : nil,
            max: mode == .practice ? points.max : nil, timeLeft: timeLeft(at: now))
    }

    func help() -> SessionHelp {
        SessionHelp(
            commands: SessionCommand.allCases.map { (":" + $0.rawValue, $0.summary) },
            instructions: shown?.instructions)
    }
}
