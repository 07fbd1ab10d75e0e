import Foundation
import RehearseBank
import RehearseCore

/// How an answer did.
public enum Outcome: String, Sendable, Hashable, Codable {
    case correct, partial, wrong, unanswered
}

/// The score of one answer, with what to tell the learner.
public struct QuestionScore: Sendable, Hashable {
    public var earned: Double
    public var max: Double
    public var outcome: Outcome
    /// Feedback of the chosen options or responses, in order.
    public var feedback: [String]

    public init(earned: Double, max: Double, outcome: Outcome, feedback: [String] = []) {
        self.earned = earned
        self.max = max
        self.outcome = outcome
        self.feedback = feedback
    }

    public static func unanswered(max: Double) -> QuestionScore {
        QuestionScore(earned: 0, max: max, outcome: .unanswered)
    }

    /// The fraction earned, 0 to 1.
    public var fraction: Double { max > 0 ? earned / max : 0 }
}

/// The one scorer: the shell, `review` and the batch grader all score through it, so one answer
/// scores the same everywhere.
public enum QuestionScorer {
    public static func score(_ response: Response?, for question: Question) -> QuestionScore {
        let max = question.maxPoints
        guard let response else { return .unanswered(max: max) }
        var feedback: [String] = []
        let earned: Double
        switch (question.body, response) {
        case (.choice(let options), .choice(let id)):
            let option = options.first { $0.id.value == id }
            earned = option.map { question.points(for: $0) } ?? 0
            if let text = option?.feedback { feedback.append(text) }
        case (.multi(let options, let scoring), .multi(let ids)):
            let right = Set(options.filter { $0.correct?.value == true }.map(\.id.value))
            let picked = Set(ids)
            feedback = options.filter { picked.contains($0.id.value) }.compactMap(\.feedback)
            switch scoring {
            case .allOrNothing:
                earned = picked == right ? max : 0
            case .partial:
                let hits = Double(picked.intersection(right).count)
                let misses = Double(picked.subtracting(right).count)
                earned =
                    right.isEmpty ? 0 : Swift.max(0, (hits - misses) / Double(right.count)) * max
            }
        case (.truefalse(let answer), .truefalse(let value)):
            earned = answer == value ? max : 0
        case (.order(let items, let scoring), .order(let ids)):
            let key = items.map(\.id.value)
            switch scoring {
            case .exact: earned = ids == key ? max : 0
            case .partial: earned = kendallShare(key: key, answer: ids) * max
            }
        case (.text(let answer), .text(let text)):
            earned = textScore(answer, text, max: max)
        case (.number(let answer), .number(let value)):
            earned = numberMatches(answer, value) ? max : 0
        case (.rate(let responses, let scale), .rate(let ratings)):
            var total = 0.0
            var count = 0
            for response in responses {
                guard let key = response.key?.value, let rating = ratings[response.id.value] else {
                    continue
                }
                total += abs(Double(rating) - key)
                count += 1
                if let text = response.feedback { feedback.append(text) }
            }
            let mean = count > 0 ? total / Double(count) : Double(scale - 1)
            earned = Swift.max(0, 1 - mean / Double(Swift.max(1, scale - 1))) * max
        default:
            earned = 0  // a response of another kind cannot earn points
        }
        let rounded = (earned * 1e9).rounded() / 1e9
        let outcome: Outcome = rounded >= max ? .correct : (rounded > 0 ? .partial : .wrong)
        return QuestionScore(earned: rounded, max: max, outcome: outcome, feedback: feedback)
    }

    /// The share of item pairs the answer puts in the key's relative order (Kendall).
    public static func kendallShare(key: [String], answer: [String]) -> Double {
        guard key.count > 1 else { return answer == key ? 1 : 0 }
        var position: [String: Int] = [:]
        for (index, id) in answer.enumerated() { position[id] = index }
        var agreeing = 0
        var pairs = 0
        for i in 0..<key.count {
            for j in (i + 1)..<key.count {
                pairs += 1
                if let a = position[key[i]], let b = position[key[j]], a < b { agreeing += 1 }
            }
        }
        return Double(agreeing) / Double(pairs)
    }

    /// Rubric: the sum of the groups hit; otherwise all or nothing on `accept` or `patterns`.
    static func textScore(_ answer: TextAnswer, _ text: String, max: Double) -> Double {
        if !answer.rubric.isEmpty {
            let words = TextFolding.words(text)
            return answer.rubric.reduce(0) { total, group in
                group.any.contains { TextFolding.contains(words, phrase: $0) }
                    ? total + group.points.value : total
            }
        }
        let folded = TextFolding.fold(text)
        if answer.accept.contains(where: { TextFolding.fold($0) == folded }) { return max }
        // Each pattern runs within the match budget; one that gives up counts as no match.
        for pattern in answer.patterns {
            guard let regex = TextPattern.compile(pattern.value) else { continue }
            if TextPattern.match(regex, in: text) == .found { return max }
        }
        return 0
    }

    static func numberMatches(_ answer: NumberAnswer, _ value: Double) -> Bool {
        let slack = 1e-9 * Swift.max(1, abs(value))
        if let range = answer.range {
            return value >= range.lowerBound - slack && value <= range.upperBound + slack
        }
        guard let expected = answer.answer else { return false }
        return abs(value - expected) <= answer.tolerance + slack
    }
}
