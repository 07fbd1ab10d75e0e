import RehearseBank
import RehearseCore

/// One question to export: a quiz's inline question or a scenario's step, with the name it
/// goes by, the text to put before its prompt and the notes on what the export leaves out.
public struct ExportEntry: Sendable {
    /// A valid id, unique in the export: the question's id, or `SCENARIO-STEP` for a step.
    public var name: String
    /// The question's ref (`QUIZ/QUESTION`, `SCENARIO/STEP`), for notes.
    public var ref: String
    public var question: Question
    /// The scenario's context, on its first step.
    public var context: String?
    /// The scenario the step belongs to, nil for an inline question.
    public var scenario: String?
    /// The title of that scenario.
    public var scenarioTitle: String?
    /// What the export cannot carry about the question's place (branching).
    public var notes: [String]

    /// The prompt with the scenario's context before it.
    public var prompt: String {
        guard let context, !context.isEmpty else { return question.prompt }
        return context + "\n\n" + question.prompt
    }
}

/// The questions of a quiz in the order a learner meets them: inline questions, every step of
/// a listed scenario in list order, and for a draw every scenario of its pool (each scenario
/// once).
public struct ExportPlan: Sendable {
    public var quizID: String
    public var title: String
    /// The pass mark in percent.
    public var passPercent: Double
    /// The time limit in seconds, if the quiz has one.
    public var timeLimit: Int?
    public var entries: [ExportEntry]
    /// Notes about the quiz as a whole (draws), as `QUIZ: text`.
    public var notes: [String]

    public init(quiz: Quiz, bank: Bank) {
        quizID = quiz.id.value
        title = quiz.title
        passPercent = quiz.passPercent
        timeLimit = quiz.timeLimit?.value
        entries = []
        notes = []
        var exported: Set<String> = []
        let listed = Set(
            quiz.items.compactMap { item -> String? in
                if case .scenario(let id) = item { return id.value }
                return nil
            })
        // What to write, in order: first worked out, so that the entries are made in an array
        // of the right size.
        var parts: [Part] = []
        var count = 0
        for item in quiz.items {
            switch item {
            case .question(let question):
                parts.append(.question(question))
                count += 1
            case .scenario(let id):
                guard let index = bank.scenarios.firstIndex(where: { $0.id.value == id.value })
                else {
                    notes.append("\(quizID): the scenario '\(id.value)' is not in the bank")
                    continue
                }
                if exported.insert(id.value).inserted {
                    parts.append(.scenario(index))
                    count += bank.scenarios[index].steps.count
                }
            case .draw(let draw):
                var pool: [Int] = []
                for (index, scenario) in bank.scenarios.enumerated()
                where !listed.contains(scenario.id.value)
                    && draw.filter.matches(
                        scenario, covering: Self.covered(draw.filter.competencies, by: scenario))
                {
                    pool.append(index)
                }
                notes.append(
                    "\(quizID): a draw of \(draw.count.value) from \(pool.count) scenarios: every "
                        + "scenario of the pool exported")
                for index in pool where exported.insert(bank.scenarios[index].id.value).inserted {
                    parts.append(.scenario(index))
                    count += bank.scenarios[index].steps.count
                }
            }
        }
        // The entries of each part are made on all cores; the names are then claimed in plan
        // order, so that a name taken twice gets its suffix where it did before.
        let quiz = quizID
        let made = parallelMap(parts) { part -> [Unnamed] in
            switch part {
            case .question(let question):
                return [
                    Unnamed(
                        entry: ExportEntry(
                            name: "", ref: "\(quiz)/\(question.id.value)", question: question,
                            context: nil, scenario: nil, scenarioTitle: nil, notes: []),
                        candidate: question.id.value, fallback: question.id.value)
                ]
            case .scenario(let index): return Self.entries(of: bank.scenarios[index])
            }
        }
        var names = ImportIDs()
        entries.reserveCapacity(count)
        for group in made {
            for var unnamed in group {
                unnamed.entry.name = names.claim([unnamed.candidate], fallback: unnamed.fallback)
                entries.append(unnamed.entry)
            }
        }
    }

    /// An entry before its name is claimed: the name it asks for, and the one to number.
    private struct Unnamed: Sendable {
        var entry: ExportEntry
        var candidate: String?
        var fallback: String
    }

    /// A part of the export: an inline question, or a scenario of the bank (by index).
    private enum Part {
        case question(Question)
        case scenario(Int)
    }

    /// Those of `wanted` that the scenario or one of its steps counts toward: all a draw
    /// filter needs of `Scenario.coveredCompetencies`, without building that set.
    private static func covered(_ wanted: [Located<String>], by scenario: Scenario) -> Set<String> {
        var found: Set<String> = []
        for competency in wanted {
            let id = competency.value
            if scenario.competencies.contains(where: { $0.value == id })
                || scenario.steps.contains(where: { step in
                    step.competencies.contains { $0.value == id }
                })
            {
                found.insert(id)
            }
        }
        return found
    }

    private static func entries(of scenario: Scenario) -> [Unnamed] {
        let id = scenario.id.value
        var made: [Unnamed] = []
        made.reserveCapacity(scenario.steps.count)
        for (index, step) in scenario.steps.enumerated() {
            let joined = id + "-" + step.id.value
            // A valid id is ASCII, so at most 64 bytes; only a longer one is counted.
            let bytes = joined.utf8.count
            let fits = bytes <= 64 || joined.count <= 64
            let fallback = bytes <= 60 ? joined : String(joined.prefix(60))
            var stepNotes: [String] = []
            let branches = step.options.compactMap { option in
                option.next.map { "\(option.id.value) -> \($0.value)" }
            }
            if !branches.isEmpty || step.next != nil {
                let all = branches + (step.next.map { ["then -> \($0.value)"] } ?? [])
                stepNotes.append(
                    "branching not carried (\(all.joined(separator: ", "))): steps follow in "
                        + "list order")
            }
            made.append(
                Unnamed(
                    entry: ExportEntry(
                        name: "", ref: id + "/" + step.id.value, question: step,
                        context: index == 0 ? (scenario.context ?? scenario.customer) : nil,
                        scenario: id, scenarioTitle: scenario.title, notes: stepNotes),
                    candidate: fits ? joined : nil, fallback: fallback))
        }
        return made
    }
}
