import RehearseCore

/// Loading a bank from disk, and the overview `rehearse list` prints.
public enum BankCatalog {
    /// Loads every file of the bank at `root`.
    public static func load(root: String) throws(ReadFailure) -> LoadResult {
        try BankDirectory.requireBankRoot(root)
        return try BankLoader.load(reading: try BankDirectory.bankFiles(root: root), root: root)
    }

    /// The competencies a quiz touches, in the bank's order.
    public static func competencies(of quiz: Quiz, in bank: Bank) -> [String] {
        var found = Set<String>()
        for item in quiz.items {
            switch item {
            case .scenario(let ref):
                guard let scenario = bank.scenario(ref.value) else { continue }
                found.formUnion(competencies(of: scenario))
            case .question(let question): found.formUnion(question.competencies.map(\.value))
            case .draw(let draw): found.formUnion(draw.filter.competencies.map(\.value))
            }
        }
        return order(found, bank)
    }

    /// The competencies a scenario's steps count toward, in the bank's order.
    public static func competencies(of scenario: Scenario) -> Set<String> {
        var found = Set<String>()
        for step in scenario.steps { found.formUnion(scenario.competencies(of: step)) }
        return found
    }

    static func order(_ ids: Set<String>, _ bank: Bank) -> [String] {
        let known = bank.competencies.map(\.id).filter(ids.contains)
        return known + ids.subtracting(known).sorted()
    }

    /// The table of quizzes and scenarios, fitting `width` columns when given. Ids, titles and
    /// competencies are shown through `TerminalText`: they come from files many hands write.
    public static func render(_ bank: Bank, width: Int? = nil) -> String {
        var out = ""
        let quizzes = bank.quizzes.sorted { $0.id.value < $1.id.value }
        out += "Quizzes (\(quizzes.count))\n"
        var rows = [["ID", "MODE", "QUESTIONS", "PASS", "COMPETENCIES", "TITLE"]]
        for quiz in quizzes {
            var questions = 0
            var drawn = 0
            for item in quiz.items {
                switch item {
                case .scenario(let ref): questions += bank.scenario(ref.value)?.steps.count ?? 0
                case .question: questions += 1
                case .draw(let draw): drawn += draw.count.value
                }
            }
            let size = drawn > 0 ? "\(questions) + \(drawn) drawn" : "\(questions)"
            rows.append([
                quiz.id.value, quiz.mode.rawValue, size, "\(format(quiz.passPercent))%",
                competencies(of: quiz, in: bank).joined(separator: ", "), quiz.title,
            ])
        }
        out += table(rows, width: width)
        let scenarios = bank.scenarios.sorted { $0.id.value < $1.id.value }
        out += "\nScenarios (\(scenarios.count))\n"
        rows = [["ID", "CHANNEL", "STEPS", "MAX", "COMPETENCIES", "TITLE"]]
        for scenario in scenarios {
            let branching = scenario.steps.contains { step in
                step.options.contains { $0.next != nil }
            }
            rows.append([
                scenario.id.value, scenario.channel?.rawValue ?? "-",
                "\(scenario.steps.count)\(branching ? " (branching)" : "")",
                scenario.maxPoints.map(format) ?? "-",
                order(competencies(of: scenario), bank).joined(separator: ", "), scenario.title,
            ])
        }
        out += table(rows, width: width)
        return out
    }

    /// Left-aligned columns separated by two spaces, indented by two; every cell on one line.
    static func table(_ rows: [[String]], width: Int?) -> String {
        TextTable().render(rows.map { $0.map(TerminalText.sanitizeLine) }, width: width)
    }
}
