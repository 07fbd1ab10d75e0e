import Foundation
import RehearseBank
import RehearseScoring
import RehearseTestSupport
import Testing

@testable import RehearseInterop

/// Statements of an attempt: one per answered question with the interaction of its kind, then
/// `completed` and `passed` or `failed`; ids and registration derived from the attempt.
struct XAPIBuilderTests {
    static let bank = ScoringFixtures.bank([
        "rehearse.yaml":
            "competencies:\n  - {id: empathy, title: Empathy}\n  - {id: product-knowledge, title: Product knowledge}\n",
        "scenarios/phone/late-delivery.yaml": ScoringFixtures.lateDelivery,
        "quizzes/kinds.yaml": """
        id: kinds
        title: Every kind
        items:
          - scenario: late-delivery
          - question:
              id: pick
              kind: choice
              prompt: Pick one
              competency: empathy
              options:
                - {id: a, text: Right, correct: true}
                - {id: b, text: Wrong}
          - question:
              id: several
              kind: multi
              prompt: Pick several
              competency: empathy
              options:
                - {id: a, text: Yes, correct: true}
                - {id: b, text: No, correct: false}
                - {id: c, text: Also yes, correct: true}
          - question:
              id: fact
              kind: truefalse
              prompt: Refunds take five days.
              competency: empathy
              answer: true
          - question:
              id: steps
              kind: order
              prompt: Order them
              competency: empathy
              items:
                - {id: listen, text: Listen}
                - {id: solve, text: Solve}
          - question:
              id: word
              kind: text
              prompt: Name the programme
              competency: empathy
              accept: [Northwind Circle]
          - question:
              id: days
              kind: number
              prompt: How many days?
              competency: empathy
              answer: 30
              tolerance: 2
          - question:
              id: tone
              kind: rate
              prompt: Rate the lines
              competency: empathy
              scale: 5
              responses:
                - {id: warm, text: Warm line, key: 5}
                - {id: cold, text: Cold line, key: 1}
        """,
    ])

    static let start = Date(timeIntervalSince1970: 1_767_600_000)  // 2026-01-05T08:00:00Z

    static func attempt(status: AttemptRecord.Status = .finished) -> AttemptRecord {
        let answers: [(String, String, Double, Double)] = [
            ("late-delivery/greet", "a", 2, 2), ("late-delivery/lookup", "5", 1, 1),
            ("kinds/pick", "b", 0, 1), ("kinds/several", "c,a", 1, 1), ("kinds/fact", "yes", 1, 1),
            ("kinds/steps", "solve,listen", 0, 1), ("kinds/word", "northwind circle", 1, 1),
            ("kinds/days", "31", 1, 1), ("kinds/tone", "warm=4,cold=1", 0.5, 1),
            ("kinds/skipped", "  ", 0, 1),
        ]
        return AttemptRecord(
            id: "attempt-1", learner: "ann@example.com", quiz: "kinds", quizHash: "fnv1a64:abc",
            mode: "exam", seed: 18_446_744_073_709_551_615, status: status, startedAt: start,
            finishedAt: start.addingTimeInterval(600),
            answers: answers.enumerated().map { index, answer in
                AttemptRecord.Answer(
                    ref: answer.0, answer: answer.1, score: answer.2, max: answer.3,
                    answeredAt: start.addingTimeInterval(Double(index + 1) * 30))
            }, score: 7.5, max: 10, percent: 75, passed: true)
    }

    static func decoded(_ statements: [XAPIStatement]) throws -> [[String: Any]] {
        try statements.map {
            try #require(
                JSONSerialization.jsonObject(with: Data($0.json.utf8)) as? [String: Any])
        }
    }

    @Test func everyKindHasItsInteractionResponseAndPattern() throws {
        var builder = XAPIBuilder(bank: Self.bank, settings: XAPISettings())
        let statements = try Self.decoded(builder.statements(for: Self.attempt()))
        // Nine answered (the blank answer is not), completed, passed.
        #expect(statements.count == 11)
        let expected: [(String, String, String, [String]?)] = [
            ("late-delivery/greet", "choice", "a", ["a"]),
            ("late-delivery/lookup", "numeric", "5", ["5"]),
            ("kinds/pick", "choice", "b", ["a"]),
            ("kinds/several", "choice", "c[,]a", ["a[,]c"]),
            ("kinds/fact", "true-false", "true", ["true"]),
            ("kinds/steps", "sequencing", "solve[,]listen", ["listen[,]solve"]),
            ("kinds/word", "fill-in", "northwind circle", ["{case_matters=false}Northwind Circle"]),
            ("kinds/days", "numeric", "31", ["28[:]32"]),
            ("kinds/tone", "likert", "warm[.]4[,]cold[.]1", ["warm[.]5[,]cold[.]1"]),
        ]
        for (statement, (ref, interaction, response, pattern)) in zip(statements, expected) {
            let object = try #require(statement["object"] as? [String: Any])
            #expect(object["id"] as? String == "urn:rehearse/questions/\(ref)")
            let definition = try #require(object["definition"] as? [String: Any])
            #expect(definition["type"] as? String == XAPIVocabulary.interaction)
            #expect(definition["interactionType"] as? String == interaction, "\(ref)")
            #expect(definition["correctResponsesPattern"] as? [String] == pattern, "\(ref)")
            let result = try #require(statement["result"] as? [String: Any])
            #expect(result["response"] as? String == response, "\(ref)")
            let verb = try #require(statement["verb"] as? [String: Any])
            #expect(verb["id"] as? String == "http://adlnet.gov/expapi/verbs/answered")
        }
        let tone = try #require(statements[8]["object"] as? [String: Any])
        let scale = try #require(
            (tone["definition"] as? [String: Any])?["scale"] as? [[String: Any]])
        #expect(scale.map { $0["id"] as? String } == ["1", "2", "3", "4", "5"])
        let pick = try #require(statements[2]["object"] as? [String: Any])
        let choices = try #require(
            (pick["definition"] as? [String: Any])?["choices"] as? [[String: Any]])
        #expect(choices.map { $0["id"] as? String } == ["a", "b"])
        #expect((choices[0]["description"] as? [String: String])?["und"] == "Right")
    }

    @Test func scoresContextAndTimes() throws {
        var builder = XAPIBuilder(
            bank: Self.bank, settings: XAPISettings(home: "https://lms.example.com/"))
        let statements = try Self.decoded(builder.statements(for: Self.attempt()))
        let tone = try #require(statements[8]["result"] as? [String: Any])
        let score = try #require(tone["score"] as? [String: Double])
        #expect(score == ["scaled": 0.5, "raw": 0.5, "min": 0, "max": 1])
        #expect(tone["success"] as? Bool == false)
        #expect(tone["duration"] as? String == "PT30S")
        #expect(statements[0]["timestamp"] as? String == "2026-01-05T08:00:30Z")
        let actor = try #require(statements[0]["actor"] as? [String: Any])
        #expect(
            actor["account"] as? [String: String]
                == ["homePage": "https://lms.example.com", "name": "ann@example.com"])
        let context = try #require(statements[0]["context"] as? [String: Any])
        #expect(context["registration"] as? String == "0157b745-1e14-5182-962c-d5bf576ed743")
        let activities = try #require(context["contextActivities"] as? [String: [[String: Any]]])
        #expect(
            activities["parent"]?.first?["id"] as? String == "https://lms.example.com/quizzes/kinds"
        )
        #expect(
            activities["grouping"]?.first?["id"] as? String
                == "https://lms.example.com/scenarios/late-delivery")
        let inline = try #require(statements[2]["context"] as? [String: Any])
        #expect((inline["contextActivities"] as? [String: Any])?["grouping"] == nil)
        let extensions = try #require(context["extensions"] as? [String: String])
        #expect(extensions["https://lms.example.com/extensions/seed"] == "18446744073709551615")
        #expect(extensions["https://lms.example.com/extensions/content-hash"] == "fnv1a64:abc")
        // The attempt's own statements: completed with its duration, then passed.
        let completed = statements[9]
        #expect(
            (completed["verb"] as? [String: Any])?["id"] as? String
                == XAPIVocabulary.Verb.completed.iri)
        #expect(
            (completed["object"] as? [String: Any])?["id"] as? String
                == "https://lms.example.com/quizzes/kinds")
        let completedResult = try #require(completed["result"] as? [String: Any])
        #expect(completedResult["duration"] as? String == "PT10M")
        #expect(completedResult["completion"] as? Bool == true)
        #expect((completedResult["score"] as? [String: Double])?["scaled"] == 0.75)
        #expect(
            (statements[10]["verb"] as? [String: Any])?["id"] as? String
                == XAPIVocabulary.Verb.passed.iri)
        #expect(statements[10]["timestamp"] as? String == "2026-01-05T08:10:00Z")
    }

    @Test func idsAreDerivedFromTheAttemptAndStable() throws {
        var first = XAPIBuilder(bank: Self.bank, settings: XAPISettings())
        var second = XAPIBuilder(bank: Self.bank, settings: XAPISettings())
        let one = first.statements(for: Self.attempt())
        let two = second.statements(for: Self.attempt())
        #expect(one.map(\.json) == two.map(\.json))
        #expect(Set(one.map(\.id)).count == one.count)
        // Python: uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL, "urn:rehearse:xapi"),
        // "statement\nattempt-1\nkinds/pick").
        #expect(one[2].id.uuidString.lowercased() == "ee8fe018-70fb-5eb6-ab9f-0dc9042680a3")
        var other = Self.attempt()
        other.id = "attempt-2"
        var third = XAPIBuilder(bank: Self.bank, settings: XAPISettings())
        #expect(Set(third.statements(for: other).map(\.id)).isDisjoint(with: one.map(\.id)))
    }

    @Test func unfinishedAttemptsHaveNoCompletionAndFailedIsSaid() throws {
        var builder = XAPIBuilder(bank: Self.bank, settings: XAPISettings(actor: .mbox))
        let unfinished = builder.statements(for: Self.attempt(status: .unfinished))
        #expect(unfinished.allSatisfy { $0.verb == .answered })
        var failed = Self.attempt()
        failed.passed = false
        let statements = try Self.decoded(builder.statements(for: failed))
        #expect(
            (statements.last?["verb"] as? [String: Any])?["id"] as? String
                == XAPIVocabulary.Verb.failed.iri)
        #expect(
            (statements.last?["actor"] as? [String: Any])?["mbox"] as? String
                == "mailto:ann@example.com")
    }

    @Test func aQuestionGoneFromTheBankKeepsItsAnswer() throws {
        var attempt = Self.attempt()
        attempt.answers = [AttemptRecord.Answer(ref: "gone/away", answer: "x", score: 1, max: 1)]
        var builder = XAPIBuilder(bank: Self.bank, settings: XAPISettings())
        let statements = try Self.decoded(builder.statements(for: attempt))
        let object = try #require(statements[0]["object"] as? [String: Any])
        #expect(object["definition"] == nil)
        #expect((statements[0]["result"] as? [String: Any])?["response"] as? String == "x")
    }

    @Test func timesAndDurations() {
        #expect(XAPITime.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(
            XAPITime.timestamp(Date(timeIntervalSince1970: 951_825_600.25))
                == "2000-02-29T12:00:00.250Z")
        #expect(XAPITime.timestamp(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
        #expect(XAPITime.duration(0) == "PT0S")
        #expect(XAPITime.duration(3_723.5) == "PT1H2M3.5S")
        #expect(XAPITime.duration(60) == "PT1M")
        #expect(XAPITime.duration(-1) == nil)
    }
}
