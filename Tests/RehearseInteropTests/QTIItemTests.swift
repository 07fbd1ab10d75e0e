import Foundation
import RehearseBank
import RehearseCore
import RehearseScoring
import Testing

@testable import RehearseInterop

/// Each kind's item: its response declaration, correct response and mapping, and, run through
/// a small interpreter of the response processing, the same score Rehearse gives, for every
/// response (or a seeded sample of them).
@Suite struct QTIItemTests {
    static let quiz = """
        id: kinds
        title: Every kind
        items:
          - question:
              id: 1st-choice
              kind: choice
              prompt: Pick one.
              options:
                - {id: "1", text: Best, score: 2}
                - {id: b, text: Some, score: 1}
                - {id: c, text: None, score: 0}
          - question:
              id: multi-partial
              kind: multi
              prompt: Pick all.
              scoring: partial
              points: 3
              options:
                - {id: a, text: A, correct: true}
                - {id: b, text: B, correct: true}
                - {id: c, text: C}
                - {id: d, text: D}
          - question:
              id: multi-strict
              kind: multi
              prompt: Pick all.
              options:
                - {id: a, text: A, correct: true}
                - {id: b, text: B}
                - {id: c, text: C, correct: true}
          - question: {id: tf, kind: truefalse, prompt: Sure?, answer: false}
          - question:
              id: order-partial
              kind: order
              prompt: Order them.
              scoring: partial
              points: 2
              items:
                - {id: w, text: W}
                - {id: x, text: X}
                - {id: "3", text: Three}
                - {id: z, text: Z}
          - question:
              id: order-exact
              kind: order
              prompt: Order them.
              items:
                - {id: a, text: A}
                - {id: b, text: B}
                - {id: c, text: C}
          - question:
              id: short
              kind: text
              prompt: Name it.
              accept: [Refund, store credit]
          - question:
              id: tolerance
              kind: number
              prompt: How many?
              answer: 30
              tolerance: 0.5
              unit: days
          - question: {id: exact, kind: number, prompt: How many?, answer: 7}
          - question: {id: range, kind: number, prompt: How long?, range: [5, 7]}
          - question:
              id: rating
              kind: rate
              prompt: Rate each.
              points: 2
              responses:
                - {id: a, text: A, key: 4}
                - {id: b, text: B, key: 5}
                - {id: c, text: C, key: 1}
          - question:
              id: essay
              kind: text
              prompt: Write.
              rubric:
                - {any: [thank, thanks], points: 1}
                - {any: [sorry], points: 2}
        """

    static let package: (plan: ExportPlan, package: QTIPackage)? = {
        let loaded = BankLoader.load([
            SourceFile(path: "quizzes/kinds.yaml", text: quiz, role: .quiz)
        ])
        guard let quiz = loaded.bank.quizzes.first else { return nil }
        let plan = ExportPlan(quiz: quiz, bank: loaded.bank)
        return (plan, QTIPackage(plan))
    }()

    func item(_ name: String) throws -> (question: Question, xml: String) {
        let (plan, package) = try #require(Self.package)
        let entry = try #require(plan.entries.first { $0.name == name })
        let file = try #require(
            package.files.first { $0.path == "items/\(QTIIdentifier.make(name)).xml" })
        return (entry.question, file.text)
    }

    /// Scores `responses` with the item and with Rehearse; they must agree.
    func expectSameScores(_ name: String, _ responses: [(Response, [String: QTIScoring.Value])])
        throws
    {
        let (question, xml) = try item(name)
        var scoring = try QTIScoring(item: xml)
        #expect(!responses.isEmpty)
        for (response, values) in responses {
            let rehearse = QuestionScorer.score(response, for: question).earned
            let qti = scoring.score(values)
            #expect(abs(rehearse - qti) < 1e-6, "\(name) \(response): \(rehearse) vs \(qti)")
        }
    }

    @Test func loadsEveryKind() throws {
        let (plan, package) = try #require(Self.package)
        #expect(plan.entries.count == 12)
        #expect(package.files.count == 14)
        #expect(
            package.notes.contains(
                "kinds/essay: a rubric: exported as extended text scored by hand (rubric for the scorer)"
            ))
    }

    @Test func choiceMapsEveryOptionScore() throws {
        let (_, xml) = try item("1st-choice")
        #expect(xml.contains("identifier=\"id_1st-choice\""))
        #expect(xml.contains("cardinality=\"single\" base-type=\"identifier\""))
        #expect(xml.contains("<qti-correct-response><qti-value>id_1</qti-value>"))
        #expect(xml.contains("<qti-map-entry map-key=\"id_1\" mapped-value=\"2\"/>"))
        #expect(xml.contains("<qti-map-entry map-key=\"b\" mapped-value=\"1\"/>"))
        #expect(xml.contains("max-choices=\"1\""))
        try expectSameScores(
            "1st-choice",
            [("1", "id_1"), ("b", "b"), ("c", "c")].map {
                (.choice($0.0), ["RESPONSE": .text($0.1)])
            }
                + [(.choice("zz"), ["RESPONSE": .text("zz")])])
    }

    @Test func multiScoresEverySubsetAsRehearse() throws {
        for (name, ids) in [
            ("multi-partial", ["a", "b", "c", "d"]), ("multi-strict", ["a", "b", "c"]),
        ] {
            let (_, xml) = try item(name)
            #expect(xml.contains("cardinality=\"multiple\""))
            #expect(xml.contains("max-choices=\"0\""))
            #expect(xml.contains("lower-bound=\"0\""))
            var responses: [(Response, [String: QTIScoring.Value])] = []
            for mask in 1..<(1 << ids.count) {
                let picked = ids.indices.filter { mask & (1 << $0) != 0 }.map { ids[$0] }
                responses.append((.multi(picked), ["RESPONSE": .list(picked.sorted())]))
            }
            try expectSameScores(name, responses)
        }
    }

    @Test func truefalseIsTwoChoices() throws {
        let (_, xml) = try item("tf")
        #expect(xml.contains("<qti-simple-choice identifier=\"true\">True</qti-simple-choice>"))
        #expect(xml.contains("<qti-correct-response><qti-value>false</qti-value>"))
        try expectSameScores(
            "tf",
            [true, false].map { (.truefalse($0), ["RESPONSE": .text($0 ? "true" : "false")]) })
    }

    @Test func orderScoresEveryPermutationAsRehearse() throws {
        for (name, ids) in [
            ("order-partial", ["w", "x", "3", "z"]), ("order-exact", ["a", "b", "c"]),
        ] {
            let (_, xml) = try item(name)
            #expect(xml.contains("cardinality=\"ordered\""))
            #expect(xml.contains("<qti-order-interaction"))
            let responses = permutations(ids).map { order in
                (
                    Response.order(order),
                    ["RESPONSE": QTIScoring.Value.list(order.map(QTIIdentifier.make))]
                )
            }
            #expect(responses.count == (ids.count == 4 ? 24 : 6))
            try expectSameScores(name, responses)
        }
    }

    @Test func textMapsAcceptedAnswersCaseInsensitively() throws {
        let (_, xml) = try item("short")
        #expect(xml.contains("<qti-text-entry-interaction response-identifier=\"RESPONSE\"/>"))
        #expect(
            xml.contains("map-key=\"store credit\" mapped-value=\"1\" case-sensitive=\"false\""))
        try expectSameScores(
            "short",
            ["refund", "REFUND", "Store credit", "voucher"].map {
                (.text($0), ["RESPONSE": .text($0)])
            })
    }

    @Test func numbersMatchWithinToleranceOrRange() throws {
        let (_, xml) = try item("tolerance")
        #expect(xml.contains("base-type=\"float\""))
        #expect(xml.contains("tolerance-mode=\"absolute\" tolerance=\"0.5 0.5\""))
        #expect(xml.contains("<qti-text-entry-interaction response-identifier=\"RESPONSE\"/> days"))
        let values = [29.4, 29.5, 30, 30.5, 30.6, 4.9, 5, 6, 7, 7.1]
        for name in ["tolerance", "exact", "range"] {
            try expectSameScores(name, values.map { (.number($0), ["RESPONSE": .number($0)]) })
        }
    }

    @Test func rateIsOneLikertChoicePerResponse() throws {
        let (_, xml) = try item("rating")
        #expect(xml.components(separatedBy: "<qti-choice-interaction").count == 4)
        #expect(xml.contains("identifier=\"RESPONSE-a\""))
        #expect(xml.contains("<qti-correct-response><qti-value>R4</qti-value>"))
        var responses: [(Response, [String: QTIScoring.Value])] = []
        for a in 1...5 {
            for b in 1...5 {
                for c in 1...5 {
                    responses.append(
                        (
                            .rate(["a": a, "b": b, "c": c]),
                            [
                                "RESPONSE-a": .text("R\(a)"), "RESPONSE-b": .text("R\(b)"),
                                "RESPONSE-c": .text("R\(c)"),
                            ]
                        ))
                }
            }
        }
        try expectSameScores("rating", responses)
    }

    /// A rating key far outside the scale (which `check` reports, and which export still
    /// exports) is the nearest end of the scale, never a crash.
    @Test func aKeyOutsideTheScaleIsTheNearestEnd() throws {
        let text = """
            id: far
            title: Far
            items:
              - question:
                  id: rating
                  kind: rate
                  prompt: Rate.
                  scale: 4
                  responses:
                    - {id: a, text: A, key: 1e300}
                    - {id: b, text: B, key: -1e300}
            """
        let loaded = BankLoader.load([SourceFile(path: "quizzes/far.yaml", text: text, role: .quiz)]
        )
        let quiz = try #require(loaded.bank.quizzes.first)
        let package = QTIPackage(ExportPlan(quiz: quiz, bank: loaded.bank))
        let xml = try #require(package.files.first { $0.path.hasPrefix("items/") }).text
        #expect(xml.contains("<qti-correct-response><qti-value>R4</qti-value>"))
        #expect(xml.contains("<qti-correct-response><qti-value>R1</qti-value>"))
    }

    @Test func rubricIsExtendedTextForTheScorer() throws {
        let (_, xml) = try item("essay")
        #expect(xml.contains("<qti-extended-text-interaction response-identifier=\"RESPONSE\">"))
        #expect(xml.contains("<qti-rubric-block view=\"scorer\""))
        #expect(xml.contains("<li>thank / thanks: 1</li>"))
        #expect(xml.contains("<qti-value>3</qti-value>"))  // MAXSCORE
        #expect(!xml.contains("qti-correct-response"))
    }

    private func permutations(_ items: [String]) -> [[String]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { index -> [[String]] in
            var rest = items
            let first = rest.remove(at: index)
            return permutations(rest).map { [first] + $0 }
        }
    }
}
