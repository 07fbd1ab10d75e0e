import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// A block of a quiz as the grader sees it: a scenario (listed, or in a draw's pool) or an inline
/// question, with the range of its questions in the index.
public struct GradingBlock: Sendable {
    public var item: PlannedItem
    public var questions: Range<Int>
    /// True for a scenario only a draw can bring in.
    public var drawn: Bool
}

/// A draw of the quiz: how many scenarios and the blocks of its pool, by scenario id.
public struct GradingDraw: Sendable {
    public var count: Int
    public var pool: [Int]
}

/// Every question a quiz can ask, numbered: the refs answer sheets use, the blocks they belong to,
/// and the quiz's items in order (a listed block or a draw).
public struct QuizIndex: Sendable {
    public enum Entry: Sendable {
        case block(Int)
        case draw(Int)
    }

    public let quiz: Quiz
    public let refs: [String]
    public let questions: [Question]
    public let blockOfQuestion: [Int]
    public let blocks: [GradingBlock]
    public let draws: [GradingDraw]
    public let entries: [Entry]
    /// Competency ids: the bank's order, then any other id a question names.
    public let competencies: [String]
    /// The title of each competency (the bank's, else its id), by competency index.
    public let competencyTitles: [String]
    let refTable: ByteTable
    let scenarioBlocks: [String: Int]

    public init(quiz: Quiz, bank: Bank) {
        self.quiz = quiz
        var refs: [String] = []
        var questions: [Question] = []
        var blockOfQuestion: [Int] = []
        var blocks: [GradingBlock] = []
        var scenarioBlocks: [String: Int] = [:]
        var entries: [Entry] = []
        var draws: [GradingDraw] = []

        func addScenario(_ scenario: Scenario, drawn: Bool) -> Int {
            if let known = scenarioBlocks[scenario.id.value] { return known }
            let first = questions.count
            for step in scenario.steps {
                refs.append("\(scenario.id.value)/\(step.id.value)")
                questions.append(step)
                blockOfQuestion.append(blocks.count)
            }
            blocks.append(
                GradingBlock(
                    item: .scenario(scenario), questions: first..<questions.count, drawn: drawn))
            scenarioBlocks[scenario.id.value] = blocks.count - 1
            return blocks.count - 1
        }

        var listed = Set<String>()
        for case .scenario(let ref) in quiz.items { listed.insert(ref.value) }
        for item in quiz.items {
            switch item {
            case .scenario(let ref):
                if let scenario = bank.scenario(ref.value) {
                    entries.append(.block(addScenario(scenario, drawn: false)))
                }
            case .question(let question):
                refs.append("\(quiz.id.value)/\(question.id.value)")
                questions.append(question)
                blockOfQuestion.append(blocks.count)
                blocks.append(
                    GradingBlock(
                        item: .question(question),
                        questions: (questions.count - 1)..<questions.count,
                        drawn: false))
                entries.append(.block(blocks.count - 1))
            case .draw(let draw):
                let pool = bank.scenarios
                    .filter { !listed.contains($0.id.value) && draw.filter.matches($0) }
                    .sorted { $0.id.value < $1.id.value }
                    .map { addScenario($0, drawn: true) }
                entries.append(.draw(draws.count))
                draws.append(GradingDraw(count: draw.count.value, pool: pool))
            }
        }
        var table = ByteTable(capacity: refs.count)
        for (index, ref) in refs.enumerated() { table.insert(ref, value: index) }
        var competencyIDs = bank.competencies.map(\.id)
        for block in blocks {
            for index in block.questions {
                let ids: [String]
                switch block.item {
                case .scenario(let scenario): ids = scenario.competencies(of: questions[index])
                case .question(let question): ids = question.competencies.map(\.value)
                }
                for id in ids where !competencyIDs.contains(id) { competencyIDs.append(id) }
            }
        }
        self.refs = refs
        self.questions = questions
        self.blockOfQuestion = blockOfQuestion
        self.blocks = blocks
        self.draws = draws
        self.entries = entries
        self.competencies = competencyIDs
        competencyTitles = competencyIDs.map { id in
            bank.competencies.first { $0.id == id }?.title ?? id
        }
        self.refTable = table
        self.scenarioBlocks = scenarioBlocks
    }

    /// The question a ref names (`scenario/step` or `quiz/question`), matched exactly, then
    /// lower-cased.
    public func question(ref: String) -> Int? {
        refTable.value(for: ref) ?? refTable.value(for: ref.trimmingSpaces.lowercased())
    }

    func question(refBytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if let found = refTable.value(for: refBytes) { return found }
        return question(ref: String(decoding: refBytes, as: UTF8.self))
    }

    /// Lower-cased, runs of white space made one space, trimmed; also typographic quotes made
    /// plain, as forms tools and spreadsheets like to curl them.
    public static func foldHeader(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for character in text.lowercased() {
            if character.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            switch character {
            case "\u{2018}", "\u{2019}": out.append("'")
            case "\u{201C}", "\u{201D}": out.append("\"")
            default: out.append(character)
            }
        }
        return out
    }

    /// The block of a scenario, by id.
    public func block(scenario id: String) -> Int? { scenarioBlocks[id] }
}
