import RehearseBank
import RehearseCore
import RehearseInterop
import Testing

/// Odd texts written by `QuizYAMLWriter` read back unchanged through the project's loader.
@Suite struct YAMLScalarTests {
    static let oddTexts = [
        "Plain words", "key: value", "a #hash", "#starts with hash", "- leading dash", "-",
        "yes", "No", "on", "OFF", "y", "null", "~", "true", "False", "123", "1.5", "0x1F",
        "1e3", "+1", ".5", "8:00", "2024-01-01", "'single'", "\"double\"", "it's", "say \"hi\"",
        "[not a list]", "{not: a map}", "&anchor", "*alias", "!tag", "|pipe", ">fold", "%percent",
        "@at", "`tick`", "ends with colon:", "back\\slash", "tab\tinside", "café ñ 日本語 🙂",
        "trailing space ", " leading space", "a  double  space", "?question", "<<", "=",
        "line one\nline two", "line one\n\n  indented line", "\nstarts with newline",
        "ends with newline\n", String(repeating: "long words: and # signs ", count: 8),
        String(repeating: "plain long prose without specials ", count: 6),
        "\u{2028}separator", "nbsp\u{A0}inside",
    ]

    @Test(arguments: oddTexts)
    func oddTextRoundTrips(_ text: String) throws {
        let question = DraftQuestion(
            prompt: text, hint: text, explanation: text, tags: [text],
            body: .choice([
                DraftOption(text: text, correct: true, feedback: text),
                DraftOption(text: "other", correct: false),
            ]), line: 1)
        let accept = DraftQuestion(prompt: "p", body: .text(accept: [text, "x"]), line: 2)
        let number = DraftQuestion(
            prompt: "n", body: .number(answer: 1, tolerance: 0, range: nil, unit: text), line: 3)
        let quiz = ImportedQuiz(
            id: "odd", title: text, description: text, competency: "empathy",
            questions: [("q1", question), ("q2", accept), ("q3", number)])
        var writer = QuizYAMLWriter()
        let yaml = writer.write(quiz, source: "odd: file #1.gift")
        let loaded = BankLoader.load([SourceFile(path: "quizzes/odd.yaml", text: yaml, role: .quiz)]
        )
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message))\n\(yaml)")
        let back = try #require(loaded.bank.quizzes.first, "\(yaml)")
        #expect(back.title == text)
        #expect(back.description == text)
        let questions = back.inlineQuestions
        #expect(questions.count == 3)
        let first = try #require(questions.first)
        #expect(first.prompt == text, "\(yaml)")
        #expect(first.hint == text)
        #expect(first.explanation == text)
        #expect(first.tags == [text])
        #expect(first.options.first?.text == text)
        #expect(first.options.first?.feedback == text)
        if case .text(let key) = questions[1].body { #expect(key.accept == [text, "x"]) }
        if case .number(let key) = questions[2].body { #expect(key.unit == text) }
    }

    @Test func numbersAreShortAndReadBack() {
        #expect(YAMLScalar.number(2) == "2")
        #expect(YAMLScalar.number(-3) == "-3")
        #expect(YAMLScalar.number(0.5) == "0.5")
        #expect(YAMLScalar.number(6.95) == "6.95")
    }

    @Test func longProseIsFolded() {
        let text = String(repeating: "plain long prose ", count: 10).trimmingSpaces
        #expect(YAMLScalar.string(text, indent: 2).hasPrefix(">-\n    plain"))
        #expect(YAMLScalar.string("yes", indent: 0) == "\"yes\"")
        #expect(YAMLScalar.string("Fine words", indent: 0) == "Fine words")
    }
}
