import RehearseBank
import RehearseCore

/// A scenario's steps by number, and the one walk through them: `ScenarioWalk` walks with it,
/// and so does the batch grader (with its answers and scores looked up by number, and the step
/// after each answer remembered), so a path is found one way everywhere. A class, so the
/// grader's tables of them are shared, not copied, on every walk.
///
/// A step id names the first step that has it (a checked bank has no duplicate ids); a `next`
/// that names no step ends the walk, and so does a step met a second time (a cycle).
public final class ScenarioSteps: Sendable {
    /// The steps a learner's answers lead through, and the answered steps off that path.
    public struct Route: Sendable, Hashable {
        /// Step offsets on the path, in order.
        public var path: [Int]
        /// Offsets of steps answered but not on the path, in step order.
        public var ignored: [Int]
    }

    public let scenario: Scenario
    /// The offset of the start step; nil when the start names no step.
    public let start: Int?
    /// The scenario's maximum (`Scenario.maxPoints`, computed once): nil when the steps form a
    /// cycle or a `next` names no step, and the walk's maximum is then its path's.
    public let maxPoints: Double?
    private let offsets: [String: Int]
    /// Per step: the offset of the first step with its id.
    private let first: [Int]

    public init(_ scenario: Scenario) {
        self.scenario = scenario
        var offsets: [String: Int] = [:]
        var first: [Int] = []
        for (offset, step) in scenario.steps.enumerated() {
            if let known = offsets[step.id.value] {
                first.append(known)
            } else {
                offsets[step.id.value] = offset
                first.append(offset)
            }
        }
        self.offsets = offsets
        self.first = first
        start = scenario.startStep.flatMap { offsets[$0] }
        maxPoints = scenario.maxPoints
    }

    /// The offset of the step an id names, if any.
    public func offset(of id: String) -> Int? { offsets[id] }

    /// The offset of the step after the one at `offset` for `response` (`ScenarioWalk.next`);
    /// nil at the end, or when the next step named does not exist.
    public func successor(after offset: Int, response: Response?) -> Int? {
        ScenarioWalk.next(after: offset, in: scenario, response: response).flatMap { offsets[$0] }
    }

    /// Walks from the start: `next(offset)` gives the step after the one at `offset` for the
    /// learner's answer to it (normally `successor(after:response:)`), and `answered(offset)`
    /// tells whether that step was answered.
    public func route(next: (Int) -> Int?, answered: (Int) -> Bool) -> Route {
        var visited = [Bool](repeating: false, count: first.count)
        var path: [Int] = []
        var current = start
        while let offset = current, !visited[offset] {
            visited[offset] = true
            path.append(offset)
            current = next(offset)
        }
        var ignored: [Int] = []
        for offset in first.indices where !visited[first[offset]] && answered(offset) {
            ignored.append(offset)
        }
        return Route(path: path, ignored: ignored)
    }
}
