import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// Gathers answers per quiz and learner while sheets are read: answer numbers in one flat array,
/// a row of `questionCount` per learner.
final class QuizCollector {
    let index: QuizIndex
    let questionCount: Int
    var book: AnswerBook
    var learners: [LearnerSheet] = []
    var flat: [Int32] = []
    var byName: [String: Int] = [:]

    init(index: QuizIndex) {
        self.index = index
        questionCount = index.questions.count
        book = AnswerBook(questions: index.questions)
    }

    /// The learner's number, added on first sight (names match without regard to case).
    func learner(_ name: String, file: String, line: Int) -> Int {
        let key = name.lowercased()
        if let known = byName[key] { return known }
        learners.append(
            LearnerSheet(learner: name, file: file, line: line))
        flat.append(contentsOf: repeatElement(-1, count: questionCount))
        byName[key] = learners.count - 1
        return learners.count - 1
    }

    /// The cohort: the collector's own table and learners, shared, not copied. `handOver`
    /// leaves the collector without them (nothing more is read), so the cohort is their only
    /// holder and they go when it goes.
    func cohort(handOver: Bool) -> Cohort {
        let cohort = Cohort(index: index, answers: book, learners: learners, responses: flat)
        if handOver {
            learners = []
            flat = []
            byName = [:]
        }
        return cohort
    }
}
