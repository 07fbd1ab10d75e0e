import Testing

@testable import RehearseBank
@testable import RehearseCheck
@testable import RehearseCore

/// One mistake, one finding: what follows from an earlier finding is not reported again, and
/// every message names the real mistake.
@Suite struct OneFindingPerMistakeTests {
    func findings(_ files: [String: String]) -> [Diagnostic] {
        Checker.check(
            files.sorted { $0.key < $1.key }.map { SourceFile(path: $0.key, text: $0.value) })
    }

    /// A branching scenario: `greet` sends option b to `check-payments`, listed last.
    static func branching(kind: String, promptKey: String = "prompt") -> String {
        """
        id: s
        title: S
        competencies: [empathy]
        steps:
          - id: greet
            kind: choice
            prompt: P
            options:
              - id: a
                text: A
                score: 1
                next: close
              - id: b
                text: B
                score: 1
                next: check-payments
          - id: close
            kind: truefalse
            prompt: Q
            answer: true
            next: end
          - id: after-payments
            kind: truefalse
            prompt: R
            answer: true
            next: end
          - id: check-payments
            kind: \(kind)
            \(promptKey): Is the payment through?
            answer: true
            next: after-payments
        """
    }

    @Test func anInvalidKindIsTheOnlyFinding() throws {
        let found = findings(["scenarios/s.yaml": Self.branching(kind: "true-false")])
        #expect(found.map(\.rule) == [InvalidValueRule.id], "\(found)")
        let finding = try #require(found.first)
        #expect(finding.location.line == 28 && finding.location.column == 11)
        #expect(finding.message.contains("did you mean `truefalse`?"))
    }

    @Test func theSameScenarioWithTheKindFixedIsClean() {
        #expect(findings(["scenarios/s.yaml": Self.branching(kind: "truefalse")]).isEmpty)
    }

    @Test func aMisspeltRequiredKeyIsOnlyAnUnknownKey() throws {
        let found = findings([
            "scenarios/s.yaml": Self.branching(kind: "truefalse", promptKey: "promt")
        ])
        #expect(found.map(\.rule) == [UnknownKeyRule.id], "\(found)")
        #expect(found.first?.message.contains("(did you mean `prompt`?)") == true)
    }

    @Test func aMisspeltAnswerIsOnlyAnUnknownKey() {
        let text = Self.branching(kind: "truefalse").replacingAll(
            "    answer: true\n    next: after", with: "    answr: true\n    next: after")
        let found = findings(["scenarios/s.yaml": text])
        #expect(found.map(\.rule) == [UnknownKeyRule.id], "\(found)")
    }

    @Test func aMisspeltKindIsOnlyAnUnknownKey() {
        let text = Self.branching(kind: "truefalse").replacingAll(
            "    kind: truefalse\n    prompt: Is", with: "    knid: truefalse\n    prompt: Is")
        let found = findings(["scenarios/s.yaml": text])
        #expect(found.map(\.rule) == [UnknownKeyRule.id], "\(found)")
        #expect(found.first?.message.contains("(did you mean `kind`?)") == true)
    }

    @Test func aMissingKeyWithoutAMisspellingIsStillReported() {
        let text = Self.branching(kind: "truefalse").replacingAll(
            "    prompt: Is the payment through?\n", with: "    note: Is the payment through?\n")
        let found = findings(["scenarios/s.yaml": text])
        #expect(Set(found.map(\.rule)) == [UnknownKeyRule.id, MissingKeyRule.id], "\(found)")
    }

    @Test func aMisspeltQuizItemKeyIsOnlyAnUnknownKey() {
        let found = findings([
            "quizzes/q.yaml": "id: q\ntitle: Q\nitems:\n  - scenaro: s\n"
        ])
        #expect(found.map(\.rule) == [UnknownKeyRule.id], "\(found)")
    }

    @Test func aScenarioThatCannotBeReadIsNotAlsoAnUnknownReference() {
        let found = findings([
            "quizzes/q.yaml": "id: q\ntitle: Q\nitems:\n  - scenario: s\n  - draw: 1\n",
            "scenarios/s.yaml": "id: s\ntitle: [S\n",
        ])
        #expect(found.map(\.rule) == [YAMLSyntaxRule.id], "\(found)")
        #expect(found.first?.location.file == "scenarios/s.yaml")
    }

    @Test func anUnreadableConfigDoesNotMakeEveryCompetencyUnknown() {
        let scenario = Self.branching(kind: "truefalse").replacingAll(
            "[empathy]", with: "[compliance]")
        let found = findings([
            "rehearse.yaml": "competencies:\n  - id: compliance\n   title: Compliance\n",
            "scenarios/s.yaml": scenario,
        ])
        #expect(found.map(\.rule) == [YAMLSyntaxRule.id], "\(found)")
    }

    @Test func findingsAreOrderedByFileAndPosition() {
        let text = """
            id: s
            title: S
            competencies: [empathy]
            steps:
              - id: a
                kind: truefalse
                prompt: P
                answer: yes
              - id: B
                kind: truefalse
                prompt: Q
                answer: true
                tolerance: 1
            """
        let found = findings(["scenarios/s.yaml": text, "quizzes/q.yaml": "id: q\ntitle: Q\n"])
        #expect(
            found.map(\.location.file) == ["quizzes/q.yaml"]
                + Array(repeating: "scenarios/s.yaml", count: 3))
        let lines = found.dropFirst().map(\.location.line)
        #expect(lines == [8, 9, 13])
    }

    @Test func aQuotedBooleanSaysItIsText() throws {
        let text = Self.branching(kind: "truefalse").replacingAll(
            "    answer: true\n    next: after", with: "    answer: \"true\"\n    next: after")
        let found = findings(["scenarios/s.yaml": text])
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.rule == InvalidBooleanRule.id)
        #expect(finding.message.hasSuffix("found `true` in quotes, which YAML reads as text"))
        #expect(finding.hint == "remove the quotes: write `answer: true`")
    }

    @Test func anUnquotedYesSaysHowYAMLReadsIt() throws {
        let text = Self.branching(kind: "truefalse").replacingAll(
            "    answer: true\n    next: after", with: "    answer: no\n    next: after")
        let finding = try #require(findings(["scenarios/s.yaml": text]).first)
        #expect(finding.message.hasSuffix("found `no`"))
        #expect(finding.hint == "write false (without quotes)")
    }
}

extension OneFindingPerMistakeTests {
    @Test func keysOutdentedIntoTheirParentSayWhereTheyBelong() {
        let text = """
            id: s
            title: S
            competencies: [empathy]
            steps:
              - id: one
                kind: choice
                prompt: P
                options:
                  - id: a
                    text: A
                    score: 1
                feedback: Good
            answer: true
            """
        let found = findings(["scenarios/s.yaml": text])
        #expect(found.map(\.rule) == [UnknownKeyRule.id, UnknownKeyRule.id])
        #expect(
            found.first?.message.hasSuffix(
                "it belongs to an option or a response (indent it under its `- id:`)") == true)
        #expect(
            found.last?.message.hasSuffix(
                "it belongs to a step (indent it under its step in `steps`)") == true)
    }
}
