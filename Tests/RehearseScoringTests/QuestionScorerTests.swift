import RehearseTestSupport
import Testing

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseScoring

@Suite struct QuestionScorerTests {
    typealias F = ScoringFixtures

    static let graded = F.question(
        """
          - id: q
            kind: choice
            prompt: P
            options:
              - {id: a, text: A, score: 2, feedback: Best}
              - {id: b, text: B, score: 1, feedback: Half}
              - {id: c, text: C, feedback: None}
        """)

    @Test func choiceEarnsTheChosenOptionsScore() {
        #expect(
            F.score("a", Self.graded)
                == QuestionScore(earned: 2, max: 2, outcome: .correct, feedback: ["Best"]))
        #expect(
            F.score("B", Self.graded)
                == QuestionScore(earned: 1, max: 2, outcome: .partial, feedback: ["Half"]))
        #expect(F.score("c", Self.graded)?.earned == 0)
        #expect(F.score("c", Self.graded)?.outcome == .wrong)
    }

    @Test func choiceCorrectOptionEarnsThePoints() {
        let question = F.question(
            """
              - id: q
                kind: choice
                prompt: P
                points: 3
                options:
                  - {id: a, text: A, correct: true}
                  - {id: b, text: B}
            """)
        #expect(F.score("a", question)?.earned == 3)
        #expect(F.score("b", question)?.earned == 0)
    }

    static let multi = """
          - id: q
            kind: multi
            prompt: P
            points: 2
            scoring: SCORING
            options:
              - {id: a, text: A, correct: true}
              - {id: b, text: B, correct: true}
              - {id: c, text: C, correct: true}
              - {id: d, text: D, correct: false}
        """

    @Test(
        arguments: [
            ("a,b,c", 2.0), ("a b", 2.0 * 2 / 3), ("a;b;d", 2.0 * 1 / 3), ("a,d", 0.0), ("d", 0.0),
            ("c,b,a,d", 2.0 * 2 / 3),
        ] as [(String, Double)])
    func multiPartialIsRightMinusWrongOverCorrectFlooredAtZero(_ answer: String, _ earned: Double)
        throws
    {
        let question = F.question(Self.multi.replacingOccurrences(of: "SCORING", with: "partial"))
        let score = try #require(F.score(answer, question))
        #expect(abs(score.earned - earned) < 1e-9)
    }

    @Test func multiAllOrNothing() {
        let question = F.question(
            Self.multi.replacingOccurrences(of: "SCORING", with: "all-or-nothing"))
        #expect(F.score("c,a,b", question)?.earned == 2)
        #expect(F.score("a,b", question)?.earned == 0)
        #expect(F.score("a,b,c,d", question)?.earned == 0)
    }

    @Test(arguments: ["true", "T", "yes", "Y", "TRUE"])
    func trueFalseSpellings(_ answer: String) {
        let question = F.question("  - {id: q, kind: truefalse, prompt: P, answer: true}\n")
        #expect(F.score(answer, question)?.earned == 1)
    }

    @Test func trueFalseWrong() {
        let question = F.question("  - {id: q, kind: truefalse, prompt: P, answer: true}\n")
        #expect(F.score("n", question)?.outcome == .wrong)
    }

    static let order = """
          - id: q
            kind: order
            prompt: P
            points: 6
            scoring: SCORING
            items:
              - {id: listen, text: Listen}
              - {id: apologise, text: Apologise}
              - {id: solve, text: Solve}
              - {id: thank, text: Thank}
        """

    @Test(
        arguments: [
            ("listen,apologise,solve,thank", 6.0),  // 6 of 6 pairs
            ("apologise,listen,solve,thank", 5.0),  // one swap: 5 of 6
            ("thank,solve,apologise,listen", 0.0),  // reversed: 0 of 6
            ("listen,solve,apologise,thank", 5.0),
            ("solve,listen,apologise,thank", 4.0),
        ] as [(String, Double)])
    func orderPartialIsTheKendallShareOfPairs(_ answer: String, _ earned: Double) throws {
        let question = F.question(Self.order.replacingOccurrences(of: "SCORING", with: "partial"))
        let score = try #require(F.score(answer, question))
        #expect(abs(score.earned - earned) < 1e-9)
    }

    @Test func orderExact() {
        let question = F.question(Self.order.replacingOccurrences(of: "SCORING", with: "exact"))
        #expect(F.score("listen,apologise,solve,thank", question)?.earned == 6)
        #expect(F.score("apologise,listen,solve,thank", question)?.earned == 0)
    }

    @Test func textAcceptFoldsCaseSpacesAndPunctuation() {
        let question = F.question(
            "  - {id: q, kind: text, prompt: P, accept: [Northwind Circle]}\n")
        #expect(F.score("  northwind   CIRCLE! ", question)?.earned == 1)
        #expect(F.score("northwind-circle", question)?.earned == 1)
        #expect(F.score("Northwind", question)?.earned == 0)
    }

    @Test func textPatternsMatchAnywhereIgnoringCase() {
        let question = F.question(
            "  - {id: q, kind: text, prompt: P, patterns: ['NW-\\d{7}']}\n")
        #expect(F.score("It is nw-1234567.", question)?.earned == 1)
        #expect(F.score("NW-123", question)?.earned == 0)
    }

    @Test func textRubricSumsTheGroupsHitAsWholeWords() {
        let question = F.question(
            """
              - id: q
                kind: text
                prompt: P
                rubric:
                  - {any: [sorry, apologise], points: 1}
                  - {any: [manager, follow up], points: 2}
                  - {any: [refund], points: 1}
            """)
        #expect(question.maxPoints == 4)
        #expect(F.score("I'm SORRY; I will follow-up with my manager.", question)?.earned == 3)
        // Whole words only: "refunds" does not hit the group "refund".
        #expect(F.score("Sorry, refunds take a while", question)?.earned == 1)
        #expect(F.score("nothing useful", question)?.outcome == .wrong)
    }

    @Test(
        arguments: [
            ("5", true), ("5 days", true), ("5 day", true), ("5,0", true), ("5.4", false),
            ("4", false),
        ] as [(String, Bool)])
    func numberWithUnit(_ answer: String, _ right: Bool) {
        let question = F.question(
            "  - {id: q, kind: number, prompt: P, answer: 5, unit: days}\n")
        #expect(F.score(answer, question)?.earned == (right ? 1 : 0))
    }

    @Test func numberToleranceAndRange() {
        let tolerant = F.question(
            "  - {id: q, kind: number, prompt: P, answer: 56.05, tolerance: 0.01}\n")
        #expect(F.score("56,06", tolerant)?.earned == 1)
        #expect(F.score("56.07", tolerant)?.earned == 0)
        let ranged = F.question("  - {id: q, kind: number, prompt: P, range: [30, 60]}\n")
        #expect(F.score("30", ranged)?.earned == 1)
        #expect(F.score("60", ranged)?.earned == 1)
        #expect(F.score("61", ranged)?.earned == 0)
    }

    @Test func rateIsOneMinusMeanAbsoluteErrorOverScaleMinusOne() throws {
        let question = F.question(
            """
              - id: q
                kind: rate
                prompt: P
                points: 2
                scale: 5
                responses:
                  - {id: a, text: A, key: 5}
                  - {id: b, text: B, key: 1}
                  - {id: c, text: C, key: 3}
            """)
        // |4-5| + |1-1| + |5-3| = 3, mean 1, 1 - 1/4 = 0.75, times 2 points.
        let score = try #require(F.score("a=4,b=1,c=5", question))
        #expect(abs(score.earned - 1.5) < 1e-9)
        #expect(F.score("a=5 b=1 c=3", question)?.earned == 2)
        // |1-5| + |5-1| + |1-3| = 10, mean 10/3, 1 - (10/3)/4 = 1/6, times 2 points.
        let far = try #require(F.score("a=1,b=5,c=1", question))
        #expect(abs(far.earned - 1.0 / 3) < 1e-6)
    }

    @Test func emptyIsUnansweredNotWrong() {
        let question = F.question("  - {id: q, kind: truefalse, prompt: P, answer: true}\n")
        guard case .success(let response) = AnswerParser.parse("   ", for: question) else {
            Issue.record("an empty answer is readable")
            return
        }
        #expect(response == nil)
        #expect(QuestionScorer.score(response, for: question).outcome == .unanswered)
    }
}
