import RehearseBank
import RehearseCore
import RehearseScoring

/// A scenario's best path beside the path of its best answers: where a learner who picks a
/// best-scoring option at every step goes, and what that earns.
struct ScenarioPaths {
    let scenario: Scenario
    let graph: StepGraph
    let start: Int
    let indexByID: [String: Int]
    /// The most points from each step to the end, whatever the answers.
    let best: [Double]
    /// The most points from each step to the end when every answer is a best one.
    let good: [Double]

    static let tolerance = 1e-9

    /// Nil when the scenario has no start or a cycle (other rules report those).
    init?(_ scenario: Scenario) {
        let graph = StepGraph(scenario)
        guard let start = graph.start, let best = graph.totalsToEnd() else { return nil }
        var indexByID: [String: Int] = [:]
        for (index, step) in scenario.steps.enumerated() where indexByID[step.id.value] == nil {
            indexByID[step.id.value] = index
        }
        let answered = scenario.steps.indices.map { node in
            Self.bestTargets(node, scenario, graph, indexByID)
        }
        guard let good = graph.totalsToEnd(following: answered) else { return nil }
        self.scenario = scenario
        self.graph = graph
        self.start = start
        self.indexByID = indexByID
        self.best = best
        self.good = good
    }

    /// Where the best-scoring answers of a step lead (nil: the end); every successor for a
    /// step that is not a choice.
    static func bestTargets(
        _ node: Int, _ scenario: Scenario, _ graph: StepGraph, _ indexByID: [String: Int]
    ) -> [Int?] {
        let step = scenario.steps[node]
        guard case .choice(let options) = step.body, !options.isEmpty else {
            return graph.successors[node]
        }
        let top = options.map(step.points(for:)).max() ?? 0
        return options.filter { step.points(for: $0) >= top - tolerance }.map {
            target(of: $0, at: node, scenario, indexByID)
        }
    }

    /// Where an option leads: its `next`, else the step's `next` or the following step.
    static func target(
        of option: ChoiceOption, at node: Int, _ scenario: Scenario, _ indexByID: [String: Int]
    ) -> Int? {
        let id = option.next?.value ?? scenario.defaultSuccessor(ofStepAt: node)
        guard let id, id != "end" else { return nil }
        return indexByID[id]
    }

    /// The weaker options, on the path of best answers, that lead to a branch worth more than
    /// the best answers earn from the same step, with what that branch is worth.
    func weakerOptionsThatPayMore() -> [(option: ChoiceOption, step: Int, worth: Double)] {
        guard good[start] + Self.tolerance < best[start] else { return [] }
        var found: [(option: ChoiceOption, step: Int, worth: Double)] = []
        var seen: Set<Int> = [start]
        var queue = [start]
        while let node = queue.popLast() {
            let step = scenario.steps[node]
            if case .choice(let options) = step.body {
                let top = options.map(step.points(for:)).max() ?? 0
                for option in options where step.points(for: option) < top - Self.tolerance {
                    let tail =
                        Self.target(of: option, at: node, scenario, indexByID).map { best[$0] } ?? 0
                    let worth = graph.weights[node] + tail
                    if worth > good[node] + Self.tolerance { found.append((option, node, worth)) }
                }
            }
            for next in Self.bestTargets(node, scenario, graph, indexByID) {
                if let next, seen.insert(next).inserted { queue.append(next) }
            }
        }
        return found
    }
}
