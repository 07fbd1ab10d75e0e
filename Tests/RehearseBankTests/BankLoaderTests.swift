import Testing

@testable import RehearseBank
@testable import RehearseCore

@Suite struct BankLoaderTests {
    static let lateDelivery = """
        id: late-delivery
        title: The late delivery
        channel: phone
        competencies: [empathy, product-knowledge]
        customer: Maria, a repeat customer
        context: |
          Maria calls. Her order is late.
        steps:
          - id: greet
            kind: choice
            prompt: Maria sounds upset. What do you say first?
            options:
              - id: a
                text: "I'm sorry your order is late. Let's find out where it is together."
                score: 2
                feedback: Acknowledges the feeling and commits to act.
                next: lookup
              - id: b
                text: Delays are the courier's responsibility, not ours.
                score: 0
                next: escalation
            points: 2
          - id: lookup
            kind: number
            competency: product-knowledge
            prompt: How many business days is the standard delivery promise?
            answer: 5
            tolerance: 0
            next: end
          - id: escalation
            kind: text
            prompt: Maria asks for a manager. Write your reply.
            rubric:
              - any: [sorry, apologise, apologize, understand]
                points: 1
              - any: [manager, supervisor, escalate]
                points: 1
        """

    func load(_ files: [(String, String)]) -> LoadResult {
        BankLoader.load(files.map { SourceFile(path: $0.0, text: $0.1) })
    }

    @Test func specExampleScenarioLoadsWithEveryValue() throws {
        let result = load([("scenarios/late-delivery.yaml", Self.lateDelivery)])
        #expect(result.diagnostics.isEmpty)
        let scenario = try #require(result.bank.scenario("late-delivery"))
        #expect(scenario.channel == .phone)
        #expect(scenario.competencies.map(\.value) == ["empathy", "product-knowledge"])
        #expect(scenario.context == "Maria calls. Her order is late.\n")
        #expect(scenario.steps.map(\.id.value) == ["greet", "lookup", "escalation"])
        #expect(scenario.steps[0].kind == .choice)
        #expect(scenario.steps[0].options[0].next?.value == "lookup")
        #expect(scenario.steps[0].options[0].next?.location.line == 17)
        #expect(scenario.steps[1].competencies.map(\.value) == ["product-knowledge"])
        #expect(scenario.competencies(of: scenario.steps[2]) == ["empathy", "product-knowledge"])
        // Best path: greet (2) then escalation (rubric 1 + 1) = 4, not greet + lookup = 3.
        #expect(scenario.steps[2].maxPoints == 2)
        #expect(scenario.maxPoints == 4)
        #expect(
            scenario.id.location
                == SourceLocation(file: "scenarios/late-delivery.yaml", line: 1, column: 5))
    }

    @Test func defaultsOfAQuiz() throws {
        let quiz = """
            id: q
            title: Q
            items:
              - scenario: late-delivery
              - draw: 2
                from: {competency: above-and-beyond, channel: chat}
              - question:
                  id: listen-first
                  kind: truefalse
                  competency: empathy
                  prompt: Interrupting shows you care.
                  answer: false
            """
        let loaded = load([("quizzes/q.yaml", quiz)])
        let parsed = try #require(loaded.bank.quiz("q"))
        #expect(parsed.mode == .practice)
        #expect(parsed.shuffle == ShuffleMode.none)
        #expect(parsed.passPercent == 70)
        #expect(parsed.timeLimit == nil)
        #expect(parsed.items.count == 3)
        guard case .draw(let draw) = parsed.items[1] else {
            Issue.record("the second item is a draw")
            return
        }
        #expect(draw.count.value == 2)
        #expect(draw.filter.channel == .chat)
        #expect(draw.filter.competencies.map(\.value) == ["above-and-beyond"])
        #expect(parsed.inlineQuestions.first?.body.kind == .truefalse)
        if case .truefalse(let answer) = parsed.inlineQuestions.first?.body {
            #expect(answer == false)
        }
    }

    @Test(arguments: [
        ("75%", 75.0), ("80 %", 80.0), ("60", 60.0), ("12.5%", 12.5), ("\"90%\"", 90.0),
    ])
    func passMarks(_ written: String, _ percent: Double) {
        let quiz = "id: q\ntitle: Q\npass: \(written)\nitems:\n  - scenario: x\n"
        #expect(load([("quizzes/q.yaml", quiz)]).bank.quiz("q")?.passPercent == percent)
    }

    @Test(arguments: [
        ("20m", 1200), ("90s", 90), ("1h30m", 5400), ("45", 2700), ("1h 5m 3s", 3903),
    ])
    func timeLimits(_ written: String, _ seconds: Int) {
        let quiz = "id: q\ntitle: Q\nmode: exam\ntime-limit: \(written)\nitems:\n  - scenario: x\n"
        #expect(load([("quizzes/q.yaml", quiz)]).bank.quiz("q")?.timeLimit?.value == seconds)
    }

    @Test(arguments: ["soon", "20x", "m", "-5m", "0", "999999999999999999"])
    func unreadableTimeLimits(_ written: String) {
        let quiz = "id: q\ntitle: Q\nmode: exam\ntime-limit: \(written)\nitems:\n  - scenario: x\n"
        let loaded = load([("quizzes/q.yaml", quiz)])
        #expect(loaded.diagnostics.map(\.rule) == [LoadRule.invalidValue.rawValue])
        #expect(loaded.diagnostics.first?.location.line == 4)
    }

    @Test func choicePointsDefaultToTheBestScoreElseOne() throws {
        let text = """
            id: s
            title: S
            competencies: [empathy]
            steps:
              - id: graded
                kind: choice
                prompt: P
                options:
                  - {id: a, text: A, score: 3}
                  - {id: b, text: B, score: 1}
              - id: flagged
                kind: choice
                prompt: P
                options:
                  - {id: a, text: A, correct: true}
                  - {id: b, text: B}
              - id: worth-two
                kind: choice
                prompt: P
                points: 2
                options:
                  - {id: a, text: A, correct: true}
            """
        let scenario = try #require(load([("scenarios/s.yaml", text)]).bank.scenario("s"))
        #expect(scenario.steps.map(\.maxPoints) == [3, 1, 2])
        #expect(scenario.steps[2].points(for: scenario.steps[2].options[0]) == 2)
        #expect(scenario.steps[0].points(for: scenario.steps[0].options[1]) == 1)
        #expect(scenario.maxPoints == 6)
    }

    @Test func unansweredStepFollowsItsOwnNextNeverAnOptions() throws {
        let text = """
            id: s
            title: S
            competencies: [empathy]
            steps:
              - id: a
                kind: choice
                prompt: P
                next: c
                options:
                  - {id: x, text: X, correct: true, next: b}
                  - {id: y, text: Y}
              - id: b
                kind: truefalse
                prompt: Q
                answer: true
              - id: c
                kind: truefalse
                prompt: R
                answer: true
            """
        let scenario = try #require(load([("scenarios/s.yaml", text)]).bank.scenario("s"))
        #expect(scenario.defaultSuccessor(ofStepAt: 0) == "c")
        #expect(scenario.successors(ofStepAt: 0) == ["b", "c"])
        #expect(scenario.successors(ofStepAt: 1) == ["c"])
        #expect(scenario.successors(ofStepAt: 2) == [nil])
    }

    @Test func duplicateKeyIsReportedAtTheDuplicateNotTheFirst() {
        let loaded = load([("scenarios/s.yaml", "id: s\ntitle: A\ntitle: B\nsteps: []\n")])
        let duplicate = loaded.diagnostics.first { $0.rule == LoadRule.duplicateKey.rawValue }
        #expect(duplicate?.location.line == 3)
        #expect(duplicate?.message.contains("first given at line 2") == true)
    }

    @Test func unknownKeySuggestsTheClosestKey() {
        let loaded = load([("scenarios/s.yaml", "id: s\ntitel: A\nsteps: []\n")])
        let unknown = loaded.diagnostics.first { $0.rule == LoadRule.unknownKey.rawValue }
        #expect(unknown?.message == "unknown key `titel` in a scenario (did you mean `title`?)")
        #expect(unknown?.hint == "rename it to `title`")
    }

    @Test func keyOfAnotherKindSaysWhereItBelongs() {
        let text =
            "id: s\ntitle: S\nsteps:\n  - id: a\n    kind: choice\n    prompt: P\n    answer: 5\n    options: [{id: x, text: X, correct: true}]\n"
        let unknown = load([("scenarios/s.yaml", text)]).diagnostics.first {
            $0.rule == LoadRule.unknownKey.rawValue
        }
        #expect(unknown?.message.contains("truefalse, number") == true)
        #expect(unknown?.location.line == 7)
    }

    @Test func columnsCountCharactersNotBytes() {
        let loaded = load([
            ("scenarios/s.yaml", "id: s\ntitle: \"Café\"\ncustomer: [é]\nsteps: []\n")
        ])
        let wrong = loaded.diagnostics.first { $0.rule == LoadRule.wrongType.rawValue }
        #expect(wrong?.location == SourceLocation(file: "scenarios/s.yaml", line: 3, column: 11))
    }

    @Test func rehearseYamlReplacesTheBuiltInCompetencies() {
        let loaded = load([
            (
                "rehearse.yaml",
                "competencies:\n  - id: tone\n    title: Tone\n    description: How it sounds\n"
            )
        ])
        #expect(loaded.bank.competencies.map(\.id) == ["tone"])
        #expect(loaded.bank.competencies.first?.description == "How it sounds")
        #expect(
            load([]).bank.competencies.map(\.id) == [
                "empathy", "product-knowledge", "above-and-beyond",
            ])
    }

    @Test func rehearseYamlNamesTheXAPIHome() {
        let competencies = "competencies:\n  - id: tone\n    title: Tone\n"
        let good = load([
            ("rehearse.yaml", competencies + "xapi:\n  home: https://lms.example.com\n")
        ])
        #expect(good.diagnostics.isEmpty)
        #expect(good.bank.xapiHome == "https://lms.example.com")
        #expect(load([("rehearse.yaml", competencies)]).bank.xapiHome == nil)
        let bad = load([("rehearse.yaml", competencies + "xapi:\n  home: not an iri\n")])
        #expect(bad.bank.xapiHome == nil)
        let finding = bad.diagnostics.first
        #expect(finding?.rule == LoadRule.invalidValue.rawValue)
        #expect(finding?.location == SourceLocation(file: "rehearse.yaml", line: 5, column: 9))
        let unknown = load([("rehearse.yaml", competencies + "xapi:\n  hom: urn:x\n")])
        #expect(unknown.diagnostics.contains { $0.message.contains("hom") })
    }

    @Test func contentDecidesOutsideTheBankFolders() {
        let loaded = load([
            ("elsewhere/a.yaml", "id: a\ntitle: A\nitems:\n  - scenario: b\n"),
            (
                "elsewhere/b.yaml",
                "id: b\ntitle: B\ncompetencies: [empathy]\nsteps:\n  - {id: s, kind: truefalse, prompt: P, answer: true}\n"
            ),
            ("elsewhere/c.yaml", "id: c\ntitle: C\n"),
        ])
        #expect(loaded.bank.quizzes.map(\.id.value) == ["a"])
        #expect(loaded.bank.scenarios.map(\.id.value) == ["b"])
        #expect(loaded.diagnostics.map(\.location.file) == ["elsewhere/c.yaml"])
    }

    @Test(arguments: [
        ("late-delivery", true), ("a", true), ("0day", true), ("-a", false), ("Late", false),
        ("a_b", false), ("", false), (String(repeating: "a", count: 64), true),
        (String(repeating: "a", count: 65), false), ("café", false),
    ])
    func idPattern(_ id: String, _ valid: Bool) {
        #expect(Identifier.isValid(id) == valid)
    }

    @Test func idSuggestionMakesAValidID() {
        #expect(Identifier.suggestion(for: "Greet Customer!") == "greet-customer")
    }

    @Test func editDistance() {
        #expect(Suggestion.editDistance("feeback", "feedback") == 1)
        #expect(Suggestion.closest(to: "promt", in: FormatKeys.question) == "prompt")
        #expect(Suggestion.closest(to: "zzzzzz", in: FormatKeys.question) == nil)
    }
}

extension BankLoaderTests {
    @Test func swappedLettersCountOnce() {
        #expect(Suggestion.editDistance("titel", "title") == 1)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
    }
}
