import Foundation
import RehearseTestSupport

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseGrading
@testable import RehearseProgress
@testable import RehearseScoring

/// Seeded random banks, cohorts and sheets for the grader-equivalence tests: branching scenarios
/// with cycles and long runs of steps, inline questions, draws, and (when asked) broken banks.
enum RandomCohort {
    /// What shapes a random bank.
    struct Shape {
        /// Steps per scenario.
        var steps: [Int]
        /// `next`s to missing steps, a start naming no step, a quiz that lists a scenario the
        /// bank lacks and a draw larger than its pool.
        var broken = false
    }

    static let channels = ["phone", "chat", "email"]

    /// A bank of `shape.steps.count` scenarios and one quiz `rq` over them.
    static func bank(_ shape: Shape, seed: UInt64) -> Bank {
        var generator = SeededGenerator(seed: seed)
        var files: [String: String] = [:]
        for (number, count) in shape.steps.enumerated() {
            files["scenarios/case-\(number).yaml"] = scenario(
                number, steps: count, shape: shape, &generator)
        }
        files["quizzes/rq.yaml"] = quiz(scenarios: shape.steps.count, shape: shape, &generator)
        return ScoringFixtures.bank(files)
    }

    static func scenario(
        _ number: Int, steps count: Int, shape: Shape, _ generator: inout SeededGenerator
    ) -> String {
        var lines = [
            "id: case-\(number)", "title: Case \(number)",
            "channel: \(channels[number % channels.count])",
            "tags: [\(["alpha", "beta", "alpha, beta"][generator.below(3)])]",
            "competencies: [empathy]",
        ]
        if shape.broken, generator.below(3) == 0 {
            lines.append("start: nowhere")
        } else if generator.below(3) == 0 {
            lines.append("start: s\(generator.below(count))")
        }
        lines.append("steps:")
        func target(_ step: Int) -> String {
            if shape.broken, generator.below(4) == 0 { return "missing-\(step)" }
            if generator.below(5) == 0 { return "end" }
            return "s\(generator.below(count))"
        }
        // Scenarios of more than 64 steps rarely jump, so learners walk long paths through them.
        let long = count > 64
        for step in 0..<count {
            let kind = generator.below(5)
            lines += [
                "  - id: s\(step)",
                "    kind: \(["choice", "truefalse", "number", "text", "multi"][kind])",
                "    prompt: Case \(number), step \(step)?",
            ]
            if generator.below(4) == 0 { lines.append("    competency: product-knowledge") }
            switch kind {
            case 0:
                lines.append("    options:")
                for (option, score) in zip(["a", "b", "c"], [2, 1, 0]) {
                    let next =
                        generator.below(long ? 50 : 3) == 0 ? ", next: \(target(step))" : ""
                    lines.append("      - {id: \(option), text: \(option), score: \(score)\(next)}")
                }
            case 1: lines.append("    answer: \(generator.below(2) == 0)")
            case 2: lines.append("    answer: 5")
            case 3: lines.append("    accept: [yes please]")
            default:
                lines += [
                    "    scoring: partial", "    options:",
                    "      - {id: a, text: a, correct: true}",
                    "      - {id: b, text: b, correct: true}",
                    "      - {id: c, text: c}",
                ]
            }
            // The last step always leads back to the first: every scenario has a cycle.
            if step == count - 1, count > 1 {
                lines.append("    next: s0")
            } else if !long, generator.below(6) == 0 {
                lines.append("    next: \(target(step))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func quiz(scenarios: Int, shape: Shape, _ generator: inout SeededGenerator) -> String {
        var lines = [
            "id: rq", "title: Random quiz", "pass: 60%",
            "shuffle: \(["none", "both"][generator.below(2)])", "items:",
            "  - scenario: case-0",
        ]
        if scenarios > 1 { lines.append("  - scenario: case-1") }
        lines += [
            "  - question:", "      id: listen", "      kind: truefalse",
            "      competency: above-and-beyond", "      prompt: Listen first?",
            "      answer: true",
            "  - draw: \(1 + generator.below(2))", "    from:", "      channel: chat",
            "  - question:", "      id: pick", "      kind: choice", "      prompt: Pick one.",
            "      options:", "        - {id: a, text: a, correct: true}",
            "        - {id: b, text: b}",
            "  - draw: 1", "    from:", "      tags: [beta]",
        ]
        if shape.broken {
            lines += ["  - scenario: ghost", "  - draw: 9", "    from:", "      tags: [alpha]"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A plausible answer (right, wrong, empty or unreadable) for any question.
    static func answer(_ question: Question, _ generator: inout SeededGenerator) -> String {
        switch generator.below(12) {
        case 0: return ""
        case 1: return "zzz"  // unreadable for every kind but text
        default: break
        }
        switch question.body {
        case .choice(let options):
            return options[generator.below(options.count)].id.value
        case .multi(let options, _):
            let picked = options.filter { _ in generator.below(2) == 0 }.map(\.id.value)
            return picked.isEmpty ? options[0].id.value : picked.joined(separator: ",")
        case .truefalse:
            return generator.below(2) == 0 ? "true" : "false"
        case .order(let items, _):
            return generator.shuffled(items.map(\.id.value)).joined(separator: ",")
        case .text:
            return ["yes please", "Yes  please", "no"][generator.below(3)]
        case .number:
            return ["5", "5.0", "6"][generator.below(3)]
        case .rate(let responses, let scale):
            return responses.map { "\($0.id.value)=\(1 + generator.below(scale))" }
                .joined(separator: ",")
        }
    }

    /// One learner's answers, by ref, in sheet order: about three in four of the questions the
    /// quiz can ask, and with `broken`, refs the quiz does not have.
    static func answers(
        index: QuizIndex, broken: Bool, _ generator: inout SeededGenerator
    ) -> [(ref: String, text: String)] {
        var result: [(String, String)] = []
        for (ref, question) in zip(index.refs, index.questions) where generator.below(4) > 0 {
            result.append((ref, answer(question, &generator)))
        }
        if broken, generator.below(3) == 0 {
            result.append((["case-0/nope", "ghost/s0", "rq/missing"][generator.below(3)], "a"))
        }
        return result
    }

    /// A long CSV of learners' answers (every answer quoted).
    static func sheet(_ learners: [(name: String, answers: [(ref: String, text: String)])])
        -> String
    {
        var text = "learner,quiz,question,answer\n"
        for learner in learners {
            for (ref, answer) in learner.answers {
                text += "\(learner.name),rq,\(ref),\"\(answer)\"\n"
            }
        }
        return text
    }

    /// Recorded attempts of learners, as one JSON array.
    static func attempts(
        _ learners: [(name: String, seed: UInt64, answers: [(ref: String, text: String)])]
    ) throws -> [UInt8] {
        let start = Date(timeIntervalSince1970: 1_770_000_000)
        let records = learners.map { learner in
            AttemptRecord(
                id: "a-\(learner.name)", learner: learner.name, quiz: "rq", quizHash: "h",
                mode: "exam", seed: learner.seed, status: .finished, startedAt: start,
                finishedAt: start,
                answers: learner.answers.map { AttemptRecord.Answer(ref: $0.ref, answer: $0.text) })
        }
        return [UInt8](try AttemptRecord.makeEncoder().encode(records))
    }
}
