import RehearseBank
import RehearseCore
import RehearseScoring

/// A quiz with just the part of the bank it needs.
public struct LoadedQuiz: Sendable {
    public var quiz: Quiz
    /// The quiz, the scenarios it lists or may draw, and the bank's competencies.
    public var bank: Bank
    /// Findings in the files that were read.
    public var diagnostics: [Diagnostic]
    /// Scenarios of draw pools known only by their opening (no steps yet): id -> file.
    /// `plan(seed:)` parses those a draw picks.
    public var stubs: [String: String] = [:]
    var root = ""

    /// The attempt's plan, with the bank it was made from: the scenarios the draws picked are
    /// parsed whole first (the draws depend only on the pools, so they pick the same).
    public func plan(seed: UInt64) throws(QuizLoadError) -> (
        plan: QuizPlan, bank: Bank, diagnostics: [Diagnostic]
    ) {
        let first = QuizPlan(quiz: quiz, bank: bank, seed: seed)
        let drawn = first.items.compactMap { item -> String? in
            guard case .scenario(let scenario) = item else { return nil }
            return stubs[scenario.id.value]
        }
        guard !drawn.isEmpty else { return (first, bank, []) }
        let loaded = try QuizLoader.parse(drawn, root: root)
        var whole: [String: Scenario] = [:]
        for scenario in loaded.bank.scenarios { whole[scenario.id.value] = scenario }
        var bank = self.bank
        bank.scenarios = bank.scenarios.map { whole[$0.id.value] ?? $0 }
        return (QuizPlan(quiz: quiz, bank: bank, seed: seed), bank, loaded.diagnostics)
    }
}
