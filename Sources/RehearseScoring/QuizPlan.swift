import RehearseBank
import RehearseCore

/// One block of a quiz as a learner meets it: a whole scenario, or an inline question.
public enum PlannedItem: Sendable {
    case scenario(Scenario)
    case question(Question)

    /// The ref prefix of the block's questions (`scenario-id` or `quiz-id`).
    public var id: String {
        switch self {
        case .scenario(let scenario): scenario.id.value
        case .question(let question): question.id.value
        }
    }
}

/// A quiz resolved for one attempt: draws made and shuffles applied with the attempt's seed.
public struct QuizPlan: Sendable {
    public var quiz: Quiz
    public var seed: UInt64
    public var items: [PlannedItem]
    /// The order each question's options are shown in, by ref (only where it differs from the
    /// file: shuffled options, and `order` items which are always mixed).
    public var displayOrder: [String: [String]]

    /// Resolves `quiz` against `bank` with `seed`. Missing scenarios are skipped (a checked bank
    /// has none).
    public init(quiz: Quiz, bank: Bank, seed: UInt64) {
        self.quiz = quiz
        self.seed = seed
        var generator = SeededGenerator(seed: seed)
        var taken = Set<String>()
        for case .scenario(let ref) in quiz.items { taken.insert(ref.value) }
        var planned: [PlannedItem] = []
        for item in quiz.items {
            switch item {
            case .scenario(let ref):
                if let scenario = bank.scenario(ref.value) { planned.append(.scenario(scenario)) }
            case .question(let question):
                planned.append(.question(question))
            case .draw(let draw):
                let pool = bank.scenarios
                    .filter { !taken.contains($0.id.value) && draw.filter.matches($0) }
                    .sorted { $0.id.value < $1.id.value }
                for scenario in generator.shuffled(pool).prefix(draw.count.value) {
                    taken.insert(scenario.id.value)
                    planned.append(.scenario(scenario))
                }
            }
        }
        if quiz.shuffle == .items || quiz.shuffle == .both { generator.shuffle(&planned) }
        items = planned

        var order: [String: [String]] = [:]
        let shuffleOptions = quiz.shuffle == .options || quiz.shuffle == .both
        for (ref, question) in Self.questions(of: planned, quizID: quiz.id.value) {
            switch question.body {
            case .choice(let options), .multi(let options, _):
                if shuffleOptions { order[ref] = generator.shuffled(options.map(\.id.value)) }
            case .order(let items, _):
                let key = items.map(\.id.value)
                var mixed = generator.shuffled(key)
                // Never show the answer: rotate when the shuffle happens to give the right order.
                if mixed == key, mixed.count > 1 { mixed = Array(mixed.dropFirst()) + [mixed[0]] }
                order[ref] = mixed
            default:
                break
            }
        }
        displayOrder = order
    }

    /// Every question a plan may ask with its ref, in plan order (all steps of each scenario).
    public static func questions(of items: [PlannedItem], quizID: String) -> [(String, Question)] {
        var result: [(String, Question)] = []
        for item in items {
            switch item {
            case .scenario(let scenario):
                for step in scenario.steps {
                    result.append(("\(scenario.id.value)/\(step.id.value)", step))
                }
            case .question(let question):
                result.append(("\(quizID)/\(question.id.value)", question))
            }
        }
        return result
    }
}
