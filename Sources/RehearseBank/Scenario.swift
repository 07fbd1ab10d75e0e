import RehearseCore

/// The channel a scenario plays out on.
public enum Channel: String, Sendable, CaseIterable, Hashable {
    case phone, chat, email
    case inPerson = "in-person"
    case `internal`
}

/// Words that close a scenario when a path reaches them (`next: customer-leaves`).
public struct ScenarioEnding: Sendable {
    public var id: Located<String>
    public var text: String
}

/// A customer situation played out in steps, each a question; steps may branch.
public struct Scenario: Sendable {
    public var id: Located<String>
    public var title: String
    public var channel: Channel?
    public var competencies: [Located<String>]
    public var customer: String?
    public var context: String?
    public var start: Located<String>?
    public var steps: [Question]
    public var tags: [String]
    public var location: SourceLocation
    /// `ContentHash` of the file's bytes.
    public var sourceHash = ""
    /// Ids of steps the file gives that could not be read (a finding says why): references
    /// to them are not reported again, and the step graph is incomplete.
    public var unreadableSteps: Set<String> = []
    /// The endings a `next` may name (a silent `end` needs none).
    public var endings: [ScenarioEnding] = []

    public init(
        id: Located<String>, title: String, channel: Channel?, competencies: [Located<String>],
        customer: String?, context: String?, start: Located<String>?, steps: [Question],
        tags: [String], location: SourceLocation, sourceHash: String = ""
    ) {
        self.id = id
        self.title = title
        self.channel = channel
        self.competencies = competencies
        self.customer = customer
        self.context = context
        self.start = start
        self.steps = steps
        self.tags = tags
        self.location = location
        self.sourceHash = sourceHash
    }

    /// The id of the first step: `start`, else the first listed.
    public var startStep: String? { start?.value ?? steps.first?.id.value }

    public func step(_ id: String) -> Question? { steps.first { $0.id.value == id } }

    /// The ending `id` names, if it names one.
    public func ending(_ id: String) -> ScenarioEnding? { endings.first { $0.id.value == id } }

    /// The competencies a step counts toward: its own, else its scenario's.
    public func competencies(of step: Question) -> [String] {
        let own = step.competencies.map(\.value)
        return own.isEmpty ? competencies.map(\.value) : own
    }

    /// Every competency written on the scenario or on any of its steps (what draws filter on).
    public var coveredCompetencies: Set<String> {
        var covered = Set(competencies.map(\.value))
        for step in steps { covered.formUnion(step.competencies.map(\.value)) }
        return covered
    }

    /// The step that follows `index` when no option decides: its `next`, else the next listed.
    /// Returns nil for the end of the scenario.
    public func defaultSuccessor(ofStepAt index: Int) -> String? {
        if let next = steps[index].next?.value { return next == "end" ? nil : next }
        return index + 1 < steps.count ? steps[index + 1].id.value : nil
    }

    /// Every step that may follow the step at `index` (nil entries stand for the end).
    public func successors(ofStepAt index: Int) -> [String?] {
        let fallback = defaultSuccessor(ofStepAt: index)
        guard case .choice(let options) = steps[index].body,
            options.contains(where: { $0.next != nil })
        else { return [fallback] }
        var result: [String?] = []
        for option in options {
            let target: String? =
                option.next.map { $0.value == "end" ? nil : $0.value } ?? fallback
            if !result.contains(where: { $0 == target }) { result.append(target) }
        }
        return result
    }

    /// The maximum score: the best path's total (longest path through the step graph).
    /// Nil when some steps form a cycle (reachable from the start or not) or the start names no
    /// step; a `next` that names no step ends the path there.
    public var maxPoints: Double? { StepGraph(self).longestPath }
}

/// The step graph of a scenario: successors by index, cycle detection and longest path.
public struct StepGraph: Sendable {
    /// For each step, the indices of the steps that may follow it; nil stands for the end.
    public let successors: [[Int?]]
    /// The index of the first step; nil without steps or when `start` names no step.
    public let start: Int?
    /// Each step's maximum points.
    public let weights: [Double]

    public init(_ scenario: Scenario) {
        var indexByID: [String: Int] = [:]
        for (index, step) in scenario.steps.enumerated() where indexByID[step.id.value] == nil {
            indexByID[step.id.value] = index
        }
        // A `next` that names no step becomes nil, like the end.
        successors = scenario.steps.indices.map { index in
            scenario.successors(ofStepAt: index).map { target in
                target.flatMap { indexByID[$0] }
            }
        }
        start = scenario.startStep.flatMap { indexByID[$0] }
        weights = scenario.steps.map(\.maxPoints)
    }

    /// A cycle of step indices, if any: the first found when the steps are visited in order,
    /// so a cycle the start cannot reach counts too.
    public var cycle: [Int]? {
        var state = [UInt8](repeating: 0, count: successors.count)  // 0 new, 1 on path, 2 done
        var path: [Int] = []
        func visit(_ node: Int) -> [Int]? {
            state[node] = 1
            path.append(node)
            for next in successors[node] {
                guard let next else { continue }
                if state[next] == 1, let from = path.firstIndex(of: next) {
                    return Array(path[from...])
                }
                if state[next] == 0, let found = visit(next) { return found }
            }
            state[node] = 2
            path.removeLast()
            return nil
        }
        for node in successors.indices where state[node] == 0 {
            if let found = visit(node) { return found }
        }
        return nil
    }

    /// Indices of steps reachable from the start.
    public var reachable: Set<Int> {
        guard let start else { return [] }
        var seen: Set<Int> = [start]
        var queue = [start]
        while let node = queue.popLast() {
            for next in successors[node] {
                if let next, seen.insert(next).inserted { queue.append(next) }
            }
        }
        return seen
    }

    /// The largest total of step points along any path from the start; nil with a cycle
    /// anywhere, or when the start names no step (0 for a scenario without steps).
    public var longestPath: Double? {
        guard let start else { return successors.isEmpty ? 0 : nil }
        return totalsToEnd()?[start]
    }

    /// For each step, the largest total of step points from it to the end, following `edges`
    /// (for each step, some of its `successors`; by default all of them). Nil when the step
    /// graph has a cycle.
    public func totalsToEnd(following edges: [[Int?]]? = nil) -> [Double]? {
        let edges = edges ?? successors
        guard edges.count == weights.count, cycle == nil else { return nil }
        var totals = [Double](repeating: 0, count: edges.count)
        for node in Self.reverseTopologicalOrder(edges) {
            let tail = edges[node].map { $0.map { totals[$0] } ?? 0 }.max() ?? 0
            totals[node] = weights[node] + tail
        }
        return totals
    }

    /// The steps in an order where each comes after every step it leads to (the edges must
    /// form no cycle). Iterative, so a long scenario cannot exhaust the stack.
    static func reverseTopologicalOrder(_ edges: [[Int?]]) -> [Int] {
        var order: [Int] = []
        var done = [Bool](repeating: false, count: edges.count)
        for root in edges.indices where !done[root] {
            // Each entry: a step and the index of its next edge to follow.
            var stack: [(node: Int, edge: Int)] = [(root, 0)]
            done[root] = true
            while let top = stack.last {
                guard top.edge < edges[top.node].count else {
                    order.append(top.node)
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].edge += 1
                if let next = edges[top.node][top.edge], !done[next] {
                    done[next] = true
                    stack.append((next, 0))
                }
            }
        }
        return order
    }
}
