import Testing

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseGrading
@testable import RehearseScoring

/// `ScenarioSteps.route`, the one walk the grader and `ScenarioWalk` share, against the walk
/// written out by step id (as the scenario's YAML reads): the same path and the same ignored
/// steps, on random scenarios with cycles, `next`s to missing steps, starts naming no step and
/// duplicated step ids.
@Suite("Scenario walk")
struct ScenarioStepsTests {
    /// The walk by id: follow `start`, the chosen option's `next`, else the step's `next`, else
    /// the next listed step; stop at the end, at an id naming no step, or at an id met before.
    static func walkByID(_ scenario: Scenario, _ responses: [String: Response]) -> (
        path: [String], ignored: [String]
    ) {
        var path: [String] = []
        var visited = Set<String>()
        var current = scenario.startStep
        while let id = current, !visited.contains(id),
            let step = scenario.steps.firstIndex(where: { $0.id.value == id })
        {
            visited.insert(id)
            path.append(id)
            var next: String?
            if case .choice(let chosen)? = responses[id],
                let option = scenario.steps[step].options.first(where: { $0.id.value == chosen }),
                let target = option.next?.value
            {
                next = target
            } else if let target = scenario.steps[step].next?.value {
                next = target
            } else if step + 1 < scenario.steps.count {
                next = scenario.steps[step + 1].id.value
            }
            current = next == "end" ? nil : next
        }
        let ignored = scenario.steps.map(\.id.value).filter {
            responses[$0] != nil && !visited.contains($0)
        }
        return (path, ignored)
    }

    @Test(arguments: 0..<12 as Range<UInt64>)
    func sameAsTheWalkByID(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let count = [3, 7, 70][generator.below(3)]
        var yaml = RandomCohort.scenario(
            0, steps: count, shape: RandomCohort.Shape(steps: [count], broken: seed % 2 == 0),
            &generator)
        if seed % 3 == 0 {
            // A duplicated step id: the walk finds the first step of that id.
            yaml = yaml.replacingOccurrences(of: "  - id: s2\n", with: "  - id: s1\n")
        }
        let scenario = try #require(
            BankLoader.load([SourceFile(path: "scenarios/case-0.yaml", text: yaml)]).bank
                .scenarios.first)
        for _ in 0..<50 {
            var responses: [String: Response] = [:]
            for step in scenario.steps where generator.below(5) > 0 {
                let text = RandomCohort.answer(step, &generator)
                if case .success(let response?) = AnswerParser.parse(text, for: step) {
                    responses[step.id.value] = response
                }
            }
            let expected = Self.walkByID(scenario, responses)
            let walk = ScenarioWalk(scenario, responses: responses)
            #expect(walk.path.map(\.question.id.value) == expected.path)
            #expect(walk.ignored == expected.ignored)
            let steps = ScenarioSteps(scenario)
            #expect(walk.max == steps.maxPoints ?? walk.path.reduce(0) { $0 + $1.score.max })
        }
    }
}
