import Foundation
import Testing

@testable import RehearseInterop

/// Every fixture of `../shared/fixtures/gift` parses to the structure its sibling JSON (from the
/// reference GIFT parser) describes, field by field.
///
/// Fields the parse represents differently by design, mapped here:
/// - `type` names (`MC`, `TF`...) map to `GiftQuestion.Kind` through `kindNames`;
/// - a category's path is the JSON's `title` and our `category` (our `title` stays nil);
/// - `tags: null` is our empty list;
/// - true/false: the reference names the two feedbacks of `{T#first#second}` by position
///   (`trueFeedback` is the first, `falseFeedback` the second); we name them by meaning
///   (`wrongFeedback` is shown to a wrong answer, `rightFeedback` to a right one);
/// - numerical answers: the reference writes a lone answer (`{#4}`, `{#1822:5}`) as an object
///   in place of the choice list, and a band's number as its `text`; we keep one list of
///   choices whose `number` holds the value (a lone answer is one right choice with no weight
///   or feedback), and an answer without a number (`~#feedback`) has text `*` in both.
@Suite struct GiftFixtureTests {
    static let kindNames: [String: GiftQuestion.Kind] = [
        "Description": .description, "Category": .category, "MC": .multipleChoice,
        "Numerical": .numerical, "Short": .shortAnswer, "Essay": .essay, "TF": .trueFalse,
        "Matching": .matching,
    ]

    @Test(
        .enabled(
            if: GiftFixtures.available, "the shared GIFT fixtures are not beside the repository"))
    func everyFixtureParsesToItsJSON() throws {
        let files = GiftFixtures.giftFiles()
        for file in files {
            let name = file.lastPathComponent
            let expected = try JSONDecoder().decode(
                JSONValue.self,
                from: Data(contentsOf: file.deletingPathExtension().appendingPathExtension("json")))
            let result = GiftParser.parse(bytes: Array(try Data(contentsOf: file)))
            #expect(result.errors.isEmpty, "\(name): \(result.errors)")
            guard case .array(let questions) = expected else {
                Issue.record("\(name): the JSON is not an array")
                continue
            }
            #expect(result.questions.count == questions.count, "\(name): question count")
            var mismatches: [String] = []
            for (index, (question, json)) in zip(result.questions, questions).enumerated() {
                compare(question, json, at: "\(name)#\(index)", into: &mismatches)
            }
            #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        }
        #expect(files.count >= 25, "expected the 25 fixture pairs, found \(files.count)")
    }

    private func compare(
        _ question: GiftQuestion, _ json: JSONValue, at path: String, into out: inout [String]
    ) {
        func check(_ ok: Bool, _ field: String, _ detail: @autoclosure () -> String) {
            if !ok { out.append("\(path).\(field): \(detail())") }
        }
        let kind = json["type"]?.string.flatMap { Self.kindNames[$0] }
        check(
            kind == question.kind, "type", "\(question.kind) vs \(String(describing: json["type"]))"
        )
        if question.kind == .category {
            check(
                question.category == json["title"]?.string, "title", "\(question.category ?? "nil")"
            )
            check(question.title == nil, "title", "a category has no title")
            return
        }
        check(question.title == json["title"]?.string, "title", "\(question.title ?? "nil")")
        check(question.id == json["id"]?.string, "id", "\(question.id ?? "nil")")
        let tags: [String] =
            if case .array(let items) = json["tags"] { items.compactMap(\.string) } else { [] }
        check(question.tags == tags, "tags", "\(question.tags)")
        check(text(question.stem) == json["stem"], "stem", "\(question.stem)")
        check(
            .bool(question.hasEmbeddedAnswers) == json["hasEmbeddedAnswers"], "hasEmbeddedAnswers",
            "\(question.hasEmbeddedAnswers)")
        if let general = json["globalFeedback"] {
            check(
                text(question.globalFeedback) == general, "globalFeedback",
                "\(String(describing: question.globalFeedback))")
        } else {
            check(question.globalFeedback == nil, "globalFeedback", "not in the JSON")
        }
        if let isTrue = json["isTrue"] {
            check(
                question.isTrue.map(JSONValue.bool) == isTrue, "isTrue",
                "\(String(describing: question.isTrue))")
            check(
                text(question.wrongFeedback) == json["trueFeedback"], "trueFeedback",
                "\(String(describing: question.wrongFeedback))")
            check(
                text(question.rightFeedback) == json["falseFeedback"], "falseFeedback",
                "\(String(describing: question.rightFeedback))")
        } else {
            check(
                question.isTrue == nil && question.wrongFeedback == nil
                    && question.rightFeedback == nil, "isTrue", "not in the JSON")
        }
        compareChoices(question, json["choices"], check)
        if case .array(let pairs) = json["matchPairs"] {
            check(
                question.matchPairs.count == pairs.count, "matchPairs",
                "\(question.matchPairs.count) pairs")
            for (index, (pair, expected)) in zip(question.matchPairs, pairs).enumerated() {
                check(
                    text(pair.subquestion) == expected["subquestion"],
                    "matchPairs[\(index)].subquestion", "\(pair.subquestion)")
                check(
                    .string(pair.subanswer) == expected["subanswer"],
                    "matchPairs[\(index)].subanswer", pair.subanswer)
            }
        } else {
            check(question.matchPairs.isEmpty, "matchPairs", "not in the JSON")
        }
    }

    private func compareChoices(
        _ question: GiftQuestion, _ json: JSONValue?,
        _ check: (Bool, String, @autoclosure () -> String) -> Void
    ) {
        switch json {
        case .array(let choices):
            check(
                question.choices.count == choices.count, "choices",
                "\(question.choices.count) choices")
            for (index, (choice, expected)) in zip(question.choices, choices).enumerated() {
                let field = "choices[\(index)]"
                check(
                    .bool(choice.isCorrect) == expected["isCorrect"], field + ".isCorrect",
                    "\(choice.isCorrect)")
                check(
                    choice.weight.map(JSONValue.number) ?? .null == expected["weight"],
                    field + ".weight", "\(String(describing: choice.weight))")
                check(
                    text(choice.feedback) == expected["feedback"], field + ".feedback",
                    "\(String(describing: choice.feedback))")
                if let number = expected["text"], number["type"] != nil {
                    check(
                        choice.number.map(numberJSON) == number, field + ".text",
                        "\(String(describing: choice.number))")
                } else {
                    check(text(choice.text) == expected["text"], field + ".text", "\(choice.text)")
                    check(
                        choice.number == nil, field + ".number",
                        "\(String(describing: choice.number))")
                }
            }
        case .object:
            // A lone numerical answer: one right choice, no weight, no feedback.
            check(question.choices.count == 1, "choices", "\(question.choices.count) choices")
            let choice = question.choices.first
            check(
                choice?.isCorrect == true && choice?.weight == nil && choice?.feedback == nil,
                "choices", "\(String(describing: choice))")
            check(
                choice?.number.map(numberJSON) == json, "choices",
                "\(String(describing: choice?.number))")
        default:
            check(question.choices.isEmpty, "choices", "not in the JSON")
        }
    }

    private func text(_ text: GiftText?) -> JSONValue {
        guard let text else { return .null }
        return .object(["format": .string(text.format.rawValue), "text": .string(text.text)])
    }

    private func numberJSON(_ number: GiftNumber) -> JSONValue {
        switch number {
        case .simple(let value):
            return .object(["type": .string("simple"), "number": .number(value)])
        case .range(let answer, let tolerance):
            return .object([
                "type": .string("range"), "number": .number(answer), "range": .number(tolerance),
            ])
        case .highLow(let low, let high):
            return .object([
                "type": .string("high-low"), "numberLow": .number(low), "numberHigh": .number(high),
            ])
        }
    }
}
