import RehearseCore

/// A loaded bank: immutable, shared by the shell, the grader and the checker.
public struct Bank: Sendable {
    public var competencies: [Competency]
    public var scenarios: [Scenario]
    public var quizzes: [Quiz]
    /// Ids of scenarios whose files could not be read (their file names, and their `id` when
    /// it could be read). A finding already says what is wrong with each file, so checks do
    /// not report references to them again.
    public var unreadableScenarios: Set<String> = []
    /// True when `rehearse.yaml` could not be read, so the bank's competencies are unknown.
    public var competenciesUnreadable = false
    /// `xapi: {home: IRI}` of `rehearse.yaml`: the organisation's home for xAPI statements.
    public var xapiHome: String?

    public init(
        competencies: [Competency] = Competency.builtIn, scenarios: [Scenario] = [],
        quizzes: [Quiz] = []
    ) {
        self.competencies = competencies
        self.scenarios = scenarios
        self.quizzes = quizzes
    }

    public func scenario(_ id: String) -> Scenario? { scenarios.first { $0.id.value == id } }
    public func quiz(_ id: String) -> Quiz? { quizzes.first { $0.id.value == id } }
    public func competency(_ id: String) -> Competency? { competencies.first { $0.id == id } }
}

/// One file handed to the loader: where it is (as shown to people) and its bytes.
public struct SourceFile: Sendable {
    /// What the file holds. `automatic` decides by folder (`quizzes/`, `scenarios/`), then content.
    public enum Role: Sendable { case automatic, quiz, scenario, config }

    public var path: String
    public var bytes: [UInt8]
    public var role: Role

    public init(path: String, bytes: [UInt8], role: Role = .automatic) {
        self.path = path
        self.bytes = bytes
        self.role = role
    }

    public init(path: String, text: String, role: Role = .automatic) {
        self.init(path: path, bytes: Array(text.utf8), role: role)
    }

    /// The role the path implies, from its folders and name.
    var roleFromPath: Role {
        if role != .automatic { return role }
        let components = path.split(separator: "/")
        if components.last == "rehearse.yaml" || components.last == "rehearse.yml" {
            return .config
        }
        // The innermost bank folder decides, whatever the folders above the bank are called.
        switch components.dropLast().last(where: { $0 == "scenarios" || $0 == "quizzes" }) {
        case "scenarios": return .scenario
        case "quizzes": return .quiz
        default: return .automatic
        }
    }
}

extension Bank {
    /// Calls `body` with every question of the bank and the scenario it is a step of (nil for
    /// inline quiz questions), without building a list.
    public func forEachQuestion(_ body: (Question, Scenario?) -> Void) {
        for scenario in scenarios {
            for step in scenario.steps { body(step, scenario) }
        }
        for quiz in quizzes {
            for case .question(let question) in quiz.items { body(question, nil) }
        }
    }

    /// The findings `finding` makes for each question of the bank.
    public func findings(_ finding: (Question, Scenario?) -> [Diagnostic]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        forEachQuestion { question, scenario in found += finding(question, scenario) }
        return found
    }
}

extension Bank {
    /// A fingerprint of a quiz and every scenario it can use (listed or in a draw's pool):
    /// recorded with attempts, so a trainer can tell when a quiz changed since.
    public func contentHash(of quiz: Quiz) -> String {
        var hash = ContentHash()
        hash.combine(quiz.sourceHash)
        var used: [String] = []
        for item in quiz.items {
            switch item {
            case .scenario(let ref): used.append(ref.value)
            case .draw(let draw): used += scenarios.filter(draw.filter.matches).map(\.id.value)
            case .question: break
            }
        }
        for id in used.sorted() {
            hash.combine(id)
            hash.combine(scenario(id)?.sourceHash ?? "missing")
        }
        return hash.hex
    }
}
