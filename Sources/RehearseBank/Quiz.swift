import RehearseCore

public enum QuizMode: String, Sendable, CaseIterable { case practice, exam }

public enum ShuffleMode: String, Sendable, CaseIterable { case none, options, items, both }

/// What a learner sees after an attempt: `full` (every answer with the right one, feedback and
/// explanation) or `score` (the result only, for an exam whose questions are reused).
public enum ReviewPolicy: String, Sendable, CaseIterable { case full, score }

/// Which scenarios a draw picks from: every filter given must match.
public struct DrawFilter: Sendable {
    public var competencies: [Located<String>] = []
    public var channel: Channel?
    public var tags: [String] = []
    public var scenarios: [Located<String>] = []

    public func matches(_ scenario: Scenario) -> Bool {
        matches(scenario, covering: competencies.isEmpty ? [] : scenario.coveredCompetencies)
    }

    /// `matches` with the scenario's `coveredCompetencies` computed by the caller (once).
    public func matches(_ scenario: Scenario, covering covered: Set<String>) -> Bool {
        if !scenarios.isEmpty, !scenarios.contains(where: { $0.value == scenario.id.value }) {
            return false
        }
        if let channel, scenario.channel != channel { return false }
        if !tags.isEmpty, !tags.allSatisfy(scenario.tags.contains) { return false }
        return competencies.allSatisfy { covered.contains($0.value) }
    }
}

/// A seeded random draw of `count` scenarios from a pool.
public struct Draw: Sendable {
    public var count: Located<Int>
    public var filter: DrawFilter
    public var location: SourceLocation
}

/// One entry of a quiz's `items`.
public enum QuizItem: Sendable {
    case scenario(Located<String>)
    case question(Question)
    case draw(Draw)
}

/// A quiz: scenarios, inline questions and draws, with a pass mark and a mode.
public struct Quiz: Sendable {
    public var id: Located<String>
    public var title: String
    public var description: String?
    /// The pass mark in percent (0-100).
    public var pass: Located<Double>?
    /// True when `pass` was written with a `%` sign (`75%`), false for a bare number (`75`).
    public var passHasPercentSign = false
    public var mode: QuizMode
    public var shuffle: ShuffleMode
    /// The time limit in seconds (exam mode).
    public var timeLimit: Located<Int>?
    public var items: [QuizItem]
    public var tags: [String]
    public var location: SourceLocation
    /// `ContentHash` of the file's bytes.
    public var sourceHash = ""
    /// What the learner sees after an attempt (default `full`).
    public var review: ReviewPolicy = .full

    /// The pass mark when the file sets none.
    public static let defaultPassPercent = 70.0

    public var passPercent: Double { pass?.value ?? Self.defaultPassPercent }
}

extension Quiz {
    /// The questions written inside the quiz itself.
    public var inlineQuestions: [Question] {
        items.compactMap { item in
            if case .question(let question) = item { return question }
            return nil
        }
    }
}
