import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// Gathers answers per quiz and learner while sheets are read: answer numbers in one flat table,
/// a row of `questionCount` per learner.
final class QuizCollector {
    let index: QuizIndex
    let questionCount: Int
    var book: AnswerBook
    var learners: [LearnerSheet] = []
    var flat: SpillTable<Int32>
    /// Learner numbers by key, for the first `indexed` learners (the others are added when a
    /// lookup needs them: `indexNames`).
    var byName: [LearnerKey: Int] = [:]
    var indexed = 0

    init(index: QuizIndex, memoryLimit: Int = SpillTable<Int32>.defaultMemoryLimit) {
        self.index = index
        flat = SpillTable(memoryLimit: memoryLimit)
        questionCount = index.questions.count
        book = AnswerBook(questions: index.questions)
    }

    /// The learner's number, added on first sight (names match without regard to case).
    func learner(_ name: String, file: String, line: Int) -> Int {
        indexNames()
        let key = LearnerKey(name)
        if let known = byName[key] { return known }
        learners.append(
            LearnerSheet(learner: name, file: file, line: line))
        flat.append(repeating: -1, count: questionCount)
        byName[key] = learners.count - 1
        indexed = learners.count
        return learners.count - 1
    }

    /// Adds the learners not in `byName` yet (a sheet's last part merged).
    func indexNames() {
        guard indexed < learners.count else { return }
        byName.reserveCapacity(learners.count)
        for number in indexed..<learners.count {
            byName[LearnerKey(learners[number].learner)] = number
        }
        indexed = learners.count
    }

    /// The key a learner's name is matched by: the name lower-cased, or the name itself (the
    /// same storage, not a second string) when it has nothing to lower.
    static func key(_ name: String) -> String {
        name.utf8.allSatisfy { $0 < 0x80 && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
            ? name : name.lowercased()
    }

    /// The cohort. With `handOver`, the collector's own table and learners, shared, not copied,
    /// and the collector is left without them (nothing more is read), so the cohort is their
    /// only holder and they go when it goes; else a copy of the table.
    func cohort(handOver: Bool) -> Cohort {
        guard handOver else {
            // The reader may read on: the cohort gets a copy of the table.
            let copy = SpillTable<Int32>(memoryLimit: flat.memoryLimit)
            copy.append(contentsOf: flat)
            return Cohort(index: index, answers: book, learners: learners, table: copy)
        }
        let cohort = Cohort(index: index, answers: book, learners: learners, table: flat)
        learners = []
        flat = SpillTable(memoryLimit: flat.memoryLimit)
        byName = [:]
        indexed = 0
        return cohort
    }
}

/// A learner's key in the maps of learners by name: `QuizCollector.key` of the name, with its
/// hash worked out once. A map of a million learners grows by moving every key into a larger
/// table; a `String` key is hashed again each time, reading its text from wherever it lies
/// (a cache miss per key), while this one carries its hash. Equal as the keys are equal (the
/// same `String` equality and hash, so canonically equivalent names still match).
struct LearnerKey: Hashable, Sendable {
    let text: String
    private let hash: Int

    /// The key of the learner named `name`.
    init(_ name: String) {
        text = QuizCollector.key(name)
        hash = text.hashValue
    }

    static func == (left: LearnerKey, right: LearnerKey) -> Bool {
        left.hash == right.hash && left.text == right.text
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}
