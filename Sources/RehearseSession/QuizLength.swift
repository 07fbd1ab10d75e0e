import RehearseBank
import RehearseCore
import RehearseScoring

/// How many questions a learner answers: along a scenario's best path (the one that earns the
/// most, and of those the longest), so "Question 4 of 12" and `list` count what is really asked.
public enum QuizLength {
    /// Steps on the best path of `scenario` from the step `from` (its start when nil), and
    /// whether a branch lies ahead (then the count is an estimate).
    public static func bestPath(_ scenario: Scenario, from: String? = nil) -> (
        steps: Int, branches: Bool
    ) {
        let graph = StepGraph(scenario)
        let first: Int?
        if let from {
            first = scenario.steps.firstIndex { $0.id.value == from }
        } else {
            first = graph.start
        }
        guard let first else { return (0, false) }
        var memo: [Int: (points: Double, steps: Int)] = [:]
        var onPath: Set<Int> = []
        var branches = false
        func best(_ node: Int) -> (points: Double, steps: Int) {
            if let known = memo[node] { return known }
            guard onPath.insert(node).inserted else { return (0, 0) }  // a cycle ends the path
            defer { onPath.remove(node) }
            let successors = graph.successors[node]
            if successors.count > 1 { branches = true }
            var tail: (points: Double, steps: Int) = (0, 0)
            for next in successors {
                guard let next else { continue }
                let candidate = best(next)
                if candidate.points > tail.points + 1e-9
                    || (abs(candidate.points - tail.points) <= 1e-9 && candidate.steps > tail.steps)
                {
                    tail = candidate
                }
            }
            let total = (graph.weights[node] + tail.points, 1 + tail.steps)
            memo[node] = total
            return total
        }
        return (best(first).steps, branches)
    }

    /// Questions left in `items` from the block at `index` (at its step `step` when inside a
    /// scenario), the current one included.
    public static func remaining(_ items: [PlannedItem], from index: Int, step: String?) -> (
        count: Int, estimate: Bool
    ) {
        var count = 0
        var estimate = false
        for position in items.indices where position >= index {
            switch items[position] {
            case .question:
                count += 1
            case .scenario(let scenario):
                let path = bestPath(scenario, from: position == index ? step : nil)
                count += path.steps
                estimate = estimate || path.branches
            }
        }
        return (count, estimate)
    }

    /// The questions a learner answers in `quiz` of `bank` on the best paths; draws count the
    /// mean of their pool (then the count is an estimate).
    public static func of(_ quiz: Quiz, in bank: Bank) -> (count: Int, estimate: Bool) {
        var count = 0.0
        var estimate = false
        var taken = Set<String>()
        for case .scenario(let ref) in quiz.items { taken.insert(ref.value) }
        for item in quiz.items {
            switch item {
            case .question:
                count += 1
            case .scenario(let ref):
                guard let scenario = bank.scenario(ref.value) else { continue }
                let path = bestPath(scenario)
                count += Double(path.steps)
                estimate = estimate || path.branches
            case .draw(let draw):
                let pool = bank.scenarios.filter {
                    !taken.contains($0.id.value) && draw.filter.matches($0)
                }
                guard !pool.isEmpty else { continue }
                let paths = pool.map { bestPath($0) }
                let mean = paths.map { Double($0.steps) }.reduce(0, +) / Double(pool.count)
                count += mean * Double(Swift.min(draw.count.value, pool.count))
                estimate =
                    estimate || paths.contains { $0.branches || $0.steps != paths[0].steps }
            }
        }
        return (Int(count.rounded()), estimate)
    }
}
