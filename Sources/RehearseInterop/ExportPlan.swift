import Dispatch
import RehearseBank
import RehearseCore

/// One question to export: a quiz's inline question or a scenario's step, with the name it
/// goes by, the text to put before its prompt and the notes on what the export leaves out.
///
/// A class: the writers read each entry from the plan on all cores, and a copy of a value
/// would retain (and then release) every field of its question; a reference is retained once.
public final class ExportEntry: Sendable {
    /// A valid id, unique in the export: the question's id, or `SCENARIO-STEP` for a step.
    public let name: String
    /// The question's ref (`QUIZ/QUESTION`, `SCENARIO/STEP`), for notes.
    public let ref: String
    public let question: Question
    /// The scenario's context, on its first step.
    public let context: String?
    /// The scenario the step belongs to, nil for an inline question.
    public let scenario: String?
    /// The title of that scenario.
    public let scenarioTitle: String?
    /// What the export cannot carry about the question's place (branching).
    public let notes: [String]

    public init(
        name: String, ref: String, question: Question, context: String?, scenario: String?,
        scenarioTitle: String?, notes: [String]
    ) {
        self.name = name
        self.ref = ref
        self.question = question
        self.context = context
        self.scenario = scenario
        self.scenarioTitle = scenarioTitle
        self.notes = notes
    }

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
        // The scenarios are read in place: a copy of one retains every field of every step.
        bank.scenarios.withUnsafeBufferPointer { scenarios in
            for item in quiz.items {
                switch item {
                case .question(let question):
                    parts.append(.question(question))
                    count += 1
                case .scenario(let id):
                    guard let index = scenarios.firstIndex(where: { $0.id.value == id.value })
                    else {
                        notes.append("\(quizID): the scenario '\(id.value)' is not in the bank")
                        continue
                    }
                    if exported.insert(id.value).inserted {
                        parts.append(.scenario(index))
                        count += scenarios[index].steps.count
                    }
                case .draw(let draw):
                    var pool: [Int] = []
                    for index in scenarios.indices
                    where !listed.contains(scenarios[index].id.value)
                        && draw.filter.matches(
                            scenarios[index],
                            covering: Self.covered(draw.filter.competencies, by: scenarios[index]))
                    {
                        pool.append(index)
                    }
                    notes.append(
                        "\(quizID): a draw of \(draw.count.value) from \(pool.count) scenarios: "
                            + "every scenario of the pool exported")
                    for index in pool where exported.insert(scenarios[index].id.value).inserted {
                        parts.append(.scenario(index))
                        count += scenarios[index].steps.count
                    }
                }
            }
        }
        // The names are claimed first, in plan order (a name taken twice is numbered where it
        // was before); then each part's entries are made on all cores, in their places.
        var names = ImportIDs()
        names.reserve(count)
        var claimed: [String] = []
        var starts: [Int] = []
        claimed.reserveCapacity(count)
        starts.reserveCapacity(parts.count)
        for part in parts {
            starts.append(claimed.count)
            switch part {
            case .question(let question):
                claimed.append(names.claim(question.id.value, fallback: question.id.value))
            case .scenario(let index):
                let id = bank.scenarios[index].id.value
                // By index: a step read in place, not copied (a copy retains every field).
                let steps = bank.scenarios[index].steps
                for step in steps.indices {
                    let joined = id + "-" + steps[step].id.value
                    // A valid id is ASCII, so at most 64 bytes; only a longer one is counted.
                    let bytes = joined.utf8.count
                    let fits = bytes <= 64 || joined.count <= 64
                    let fallback = bytes <= 60 ? joined : String(joined.prefix(60))
                    claimed.append(names.claim(fits ? joined : nil, fallback: fallback))
                }
            }
        }
        let quiz = quizID
        let plan = parts
        let firsts = starts
        let given = claimed
        entries = [ExportEntry](unsafeUninitializedCapacity: given.count) { buffer, made in
            guard let base = buffer.baseAddress else { return }
            nonisolated(unsafe) let slots = base
            bank.scenarios.withUnsafeBufferPointer { scenarios in
                nonisolated(unsafe) let scenarios = scenarios
                DispatchQueue.concurrentPerform(iterations: plan.count) { index in
                    let start = firsts[index]
                    switch plan[index] {
                    case .question(let question):
                        (slots + start).initialize(
                            to: ExportEntry(
                                name: given[start], ref: "\(quiz)/\(question.id.value)",
                                question: question, context: nil, scenario: nil, scenarioTitle: nil,
                                notes: []))
                    case .scenario(let scenario):
                        Self.fill(slots + start, from: scenarios[scenario], names: given[start...])
                    }
                }
            }
            made = given.count
        }
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

    /// Initialises one entry per step of `scenario` from `slots` on, named by `names` in turn.
    private static func fill(
        _ slots: UnsafeMutablePointer<ExportEntry>, from scenario: Scenario,
        names: ArraySlice<String>
    ) {
        let id = scenario.id.value
        var name = names.startIndex
        for (index, step) in scenario.steps.enumerated() {
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
            (slots + index).initialize(
                to: ExportEntry(
                    name: names[name], ref: id + "/" + step.id.value, question: step,
                    context: index == 0 ? (scenario.context ?? scenario.customer) : nil,
                    scenario: id, scenarioTitle: scenario.title, notes: stepNotes))
            name += 1
        }
    }
}
