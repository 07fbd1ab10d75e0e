import Foundation
import RehearseTestSupport
import Testing

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseProgress
@testable import RehearseScoring
@testable import RehearseSession

/// No message shown before an `order` question is answered lists its items in the right order:
/// items are always listed in the order shown.
@Suite struct KeyLeakTests {
    static let key = ["photo", "log", "replace", "confirm"]

    static func plan(mode: String, seed: UInt64) -> QuizPlan {
        let bank = ScoringFixtures.bank([
            "quizzes/steps.yaml": """
            id: steps
            title: Steps
            mode: \(mode)
            items:
              - question:
                  id: order
                  kind: order
                  competency: product-knowledge
                  prompt: Put the steps of a damage claim in order.
                  hint: Evidence first.
                  items:
                    - {id: photo, text: Ask for a photo}
                    - {id: log, text: Log the claim}
                    - {id: replace, text: Send a replacement}
                    - {id: confirm, text: Confirm by e-mail}
            """
        ])
        guard let quiz = bank.quiz("steps") else { preconditionFailure("no quiz") }
        return QuizPlan(quiz: quiz, bank: bank, seed: seed)
    }

    /// The key's ids listed in the key's order (separated by commas, semicolons or spaces).
    static func listsKey(_ text: String) -> Bool {
        let pattern = "\\b" + key.joined(separator: "[,; ]+") + "\\b"
        return text.range(of: pattern, options: .regularExpression) != nil
    }

    @Test(arguments: ["practice", "exam"])
    func noMessageListsTheItemsInTheRightOrder(mode: String) throws {
        let renderer = SessionRenderer(style: TextStyle(color: false, width: 80))
        var seeds = 0
        for seed in UInt64(1)...60 {
            var session = QuizSession(
                plan: Self.plan(mode: mode, seed: seed), learner: "sam", attemptID: "a",
                quizHash: "h", startedAt: SessionFixtures.start)
            var events = session.start(at: SessionFixtures.start)
            let shown = try #require(SessionFixtures.asked(events)).choices.map(\.id)
            #expect(shown != Self.key)
            // Typos, gaps, repeats and commands: every way to get a message back.
            let lines = [
                ":help", ":repeat", ":hint", ":progress", "", "x", "confirm,photo", "photo",
                "photo,photo", "phot,log,replace,confirm", "log replace", ":nope",
                shown.dropLast().joined(separator: ","),
            ]
            for line in lines {
                events += session.handle(line, at: SessionFixtures.start.addingTimeInterval(5))
            }
            for event in events {
                let text = renderer.render(event)
                #expect(!Self.listsKey(text), "seed \(seed): \(text)")
                if case .unreadable(let error, _) = event, error.message.contains("leaves out") {
                    let missing = error.message.replacingOccurrences(
                        of: "the order leaves out ", with: ""
                    ).components(separatedBy: ", ")
                    #expect(missing == shown.filter(missing.contains), "seed \(seed)")
                }
            }
            // Listing the shown order itself never leaks, so a seed counts only when its shown
            // order differs from the key in a way the check can see.
            if !Self.listsKey(shown.joined(separator: ",")) { seeds += 1 }
        }
        #expect(seeds == 60)
    }

    @Test func answerSheetsWithoutAShownOrderListItemsAlphabetically() {
        let plan = Self.plan(mode: "practice", seed: 1)
        guard case .question(let question) = plan.items[0] else {
            Issue.record("a question")
            return
        }
        guard case .failure(let error) = AnswerParser.parse("photo,log", for: question) else {
            Issue.record("unreadable")
            return
        }
        #expect(error.message == "the order leaves out confirm, replace")
        #expect(!Self.listsKey(error.hint))
    }
}
