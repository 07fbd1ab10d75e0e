import Foundation
import Testing

/// A bank with every question kind and a branching scenario, shared by the take tests.
enum TakeFixtures {
    static let environment = ["REHEARSE_NOW": "2026-01-05T09:00:00Z"]

    static let scenario = """
        id: late-delivery
        title: The late delivery
        channel: phone
        competencies: [empathy, product-knowledge]
        customer: Maria, a repeat customer whose order is three days late and who took a day off work to wait for it
        context: Maria calls. Her order was promised for Friday; it is now Monday and tracking has not moved.
        steps:
          - id: greet
            kind: choice
            prompt: Maria sounds upset. What do you say first?
            hint: Feelings first.
            options:
              - {id: a, text: "I'm sorry your order is late. Let's find out where it is together.", score: 2, feedback: Acknowledges the feeling., next: lookup}
              - {id: b, text: "Delays are the courier's responsibility, not ours.", score: 0, feedback: Deflects., next: escalation}
            points: 2
          - id: lookup
            kind: number
            competency: product-knowledge
            prompt: How many business days is the standard delivery promise?
            answer: 5
            unit: days
            next: end
          - id: escalation
            kind: text
            prompt: Maria asks for a manager. Write your reply.
            rubric:
              - {any: [sorry, apologise, apologize, understand], points: 1}
              - {any: [manager, supervisor, escalate], points: 1}
        """

    static func quiz(id: String = "every-kind", mode: String = "practice", extra: String = "")
        -> String
    {
        """
        id: \(id)
        title: Every kind
        pass: 60%
        mode: \(mode)
        \(extra)
        items:
          - question:
              id: tf
              kind: truefalse
              competency: empathy
              prompt: Listening to the whole story before offering a fix is part of helping the customer.
              answer: true
              explanation: It is.
          - scenario: late-delivery
          - question:
              id: pick
              kind: multi
              competency: product-knowledge
              prompt: Which are true?
              scoring: partial
              points: 2
              options:
                - {id: a, text: One, correct: true}
                - {id: b, text: Two, correct: true}
                - {id: c, text: Three, correct: false, feedback: Not three.}
          - question:
              id: steps
              kind: order
              competency: empathy
              prompt: Put in order.
              items:
                - {id: listen, text: Listen}
                - {id: sorry, text: Apologise}
                - {id: fix, text: Fix}
          - question:
              id: name
              kind: text
              competency: product-knowledge
              prompt: Name the loyalty programme.
              accept: [Northwind Circle]
          - question:
              id: rating
              kind: rate
              competency: above-and-beyond
              prompt: Rate these.
              scale: 5
              responses:
                - {id: a, text: Good, key: 5}
                - {id: b, text: Bad, key: 1}
        """
    }

    static func bank(extraQuizzes: [String: String] = [:]) throws -> TemporaryBank {
        var files = [
            "scenarios/late-delivery.yaml": scenario, "quizzes/every-kind.yaml": quiz(),
        ]
        for (path, text) in extraQuizzes { files[path] = text }
        return try TemporaryBank(files)
    }

    /// Right answers along the first branch: 9 of 10 points (the scenario's best path is 4).
    static let firstBranch = [
        "true", "a", "5 days", "a,b", "listen,sorry,fix", "northwind circle", "a=5,b=1",
    ]

    static func lines(_ answers: [String]) -> String { answers.map { $0 + "\n" }.joined() }

    static func json(_ url: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: url)
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}

/// `rehearse take` through a pipe: scripted attempts with exact scores.
@Suite struct TakeCommandTests {
    typealias F = TakeFixtures

    func run(
        _ bank: TemporaryBank, _ arguments: [String], input: String,
        environment: [String: String] = F.environment
    ) throws -> CLIResult {
        try CLI.run(
            ["take"] + arguments + [
                "--bank", bank.url.path, "--data-dir", bank.url.appendingPathComponent("data").path,
            ],
            environment: environment, input: input)
    }

    @Test func aScriptedPracticeAttemptScoresExactlyAndIsRecorded() throws {
        let bank = try F.bank()
        let record = bank.url.appendingPathComponent("attempt.json")
        let result = try run(
            bank, ["every-kind", "--learner", "Sam", "--seed", "5", "--record", record.path],
            input: F.lines(F.firstBranch))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("Result: 9 of 10 points (90%)"))
        #expect(result.stdout.contains("Passed (pass mark 60%)."))
        #expect(result.stdout.contains("Empathy"))
        #expect(result.stdout.contains("Nothing to revisit"))
        #expect(result.stdout.contains("Attempt saved to"))
        #expect(result.stdout.contains("Attempt recorded in"))
        #expect(result.stdout.contains(record.path + "."))
        #expect(!result.stdout.contains("\u{1B}["))  // no colour in a pipe
        for line in result.stdout.split(separator: "\n") where line.contains(" ") {
            #expect(line.count <= 80, "\(line)")
        }
        // Practice: feedback after each answer.
        #expect(result.stdout.components(separatedBy: "Right: ").count - 1 == 7)

        let json = try F.json(record)
        #expect(json["status"] as? String == "finished")
        #expect(json["learner"] as? String == "sam")
        #expect(json["quiz"] as? String == "every-kind")
        #expect(json["seed"] as? Int == 5)
        #expect(json["score"] as? Double == 9)
        #expect(json["max"] as? Double == 10)
        #expect(json["passed"] as? Bool == true)
        let answers = json["answers"] as? [[String: Any]] ?? []
        #expect(
            answers.compactMap { $0["ref"] as? String } == [
                "every-kind/tf", "late-delivery/greet", "late-delivery/lookup", "every-kind/pick",
                "every-kind/steps", "every-kind/name", "every-kind/rating",
            ])
        #expect(answers.compactMap { $0["answer"] as? String }[2] == "5")

        // The progress store has the attempt and a memory state per practised question.
        let progress = try F.json(bank.url.appendingPathComponent("data/progress/sam.json"))
        #expect((progress["attempts"] as? [Any])?.count == 1)
        #expect((progress["items"] as? [String: Any])?.count == 7)
    }

    @Test func theSecondBranchAndUnreadableAnswersAskedAgain() throws {
        let bank = try F.bank()
        let result = try run(
            bank, ["every-kind", "--learner", "sam", "--seed", "5"],
            input: F.lines([
                "maybe", "true", "b", "I understand; I'll fetch my supervisor", "a;c", "wrong",
                "listen,sorry,fix",
                "circle", "a=5,b=9", "a=4,b=2",
            ]))
        #expect(result.status == 0)
        #expect(result.stdout.contains("I could not read that: `maybe` is not true or false."))
        #expect(result.stdout.contains("late-delivery/escalation"))
        #expect(!result.stdout.contains("late-delivery/lookup"))
        #expect(result.stdout.contains("there is no item `wrong`"))
        #expect(result.stdout.contains("the rating of `b` must be a whole number from 1 to 5"))
        // tf 1, greet 0, escalation 2, pick (1-1)/2*2 = 0, steps 1, name 0, rating 1-(1+1)/2/4 = 0.75
        #expect(result.stdout.contains("Result: 4.75 of 10 points (47.5%)"))
        #expect(result.stdout.contains("Not passed (pass mark 60%)."))
        #expect(result.stdout.contains("To revisit (4)"))
        #expect(result.stdout.contains("Right answer: a: I'm sorry your order is late."))
    }

    @Test func examModeShowsNothingUntilTheEnd() throws {
        let bank = try F.bank()
        let result = try run(
            bank, ["every-kind", "--learner", "sam", "--seed", "5", "--mode", "exam"],
            input: F.lines(F.firstBranch))
        #expect(result.status == 0)
        let parts = result.stdout.components(separatedBy: "\nResult: ")
        #expect(parts.count == 2)
        #expect(!parts[0].contains("Right: "))  // nothing until the end
        #expect(result.stdout.contains("Exam: no feedback until the end."))
        #expect(result.stdout.components(separatedBy: "Answer recorded.").count - 1 == 7)
        #expect(result.stdout.contains("Result: 9 of 10 points (90%)"))
        // Then the full review: every question with the answer, the right one and why.
        #expect(parts.last?.contains("\nReview (7 questions)\n") == true)
        #expect(parts.last?.contains("  Your answer: ") == true)
        // A finished exam's answers are scheduled for spaced review.
        let progress = try F.json(bank.url.appendingPathComponent("data/progress/sam.json"))
        #expect((progress["items"] as? [String: Any] ?? [:]).count == 7)
    }

    @Test func endOfInputKeepsTheAttemptAndResumeFinishesIt() throws {
        let bank = try F.bank()
        let first = try run(
            bank, ["every-kind", "--learner", "sam", "--seed", "5"],
            input: F.lines(Array(F.firstBranch.prefix(2))))
        #expect(first.status == 0)
        #expect(first.stdout.contains("You left every-kind after 2 answers."))
        let saved = bank.url.appendingPathComponent("data/progress/unfinished/sam")
        let logs = try FileManager.default.contentsOfDirectory(atPath: saved.path)
        #expect(logs.contains { $0.hasPrefix("every-kind~") && $0.hasSuffix(".log") })

        let second = try run(
            bank, ["every-kind", "--learner", "sam", "--resume"],
            input: F.lines(Array(F.firstBranch.dropFirst(2))))
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("Resuming: 2 answers kept."))
        #expect(second.stdout.contains("seed 5"))
        #expect(second.stdout.contains("Question 3 of 7  late-delivery/lookup"))
        #expect(second.stdout.contains("Result: 9 of 10 points (90%)"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: saved.path).allSatisfy {
                !$0.hasSuffix(".log")
            })
    }

    @Test func usageErrors() throws {
        let bank = try F.bank()
        let unknown = try run(bank, ["evry-kind", "--learner", "sam"], input: "")
        #expect(unknown.status == 64)
        #expect(
            unknown.stderr.contains(
                "there is no quiz `evry-kind` in the bank (did you mean `every-kind`?)"))
        let badLearner = try run(bank, ["every-kind", "--learner", "../x"], input: "")
        #expect(badLearner.status == 64)
        let badMode = try run(
            bank, ["every-kind", "--learner", "sam", "--mode", "quiz"], input: "")
        #expect(badMode.status == 64)
        let badClock = try run(
            bank, ["every-kind", "--learner", "sam"], input: "",
            environment: ["REHEARSE_NOW": "yesterday"])
        #expect(badClock.status == 64)
    }

    @Test func theLearnerComesFromTheEnvironment() throws {
        let bank = try F.bank()
        let result = try run(
            bank, ["every-kind", "--seed", "5"], input: F.lines(F.firstBranch),
            environment: F.environment.merging(["REHEARSE_LEARNER": "Kim"]) { $1 })
        #expect(result.status == 0)
        #expect(
            FileManager.default.fileExists(
                atPath: bank.url.appendingPathComponent("data/progress/kim.json").path))
    }

    @Test func theSameSeedGivesTheSameAttemptOnTheSampleBank() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rehearse-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let arguments = [
            "take", "daily-drill", "--learner", "sam", "--seed", "11", "--data-dir", data.path,
        ]
        let a = try CLI.run(arguments, environment: F.environment, input: ":quit\n")
        let b = try CLI.run(arguments, environment: F.environment, input: ":quit\n")
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout.contains("seed 11"))
        let other = try CLI.run(
            ["take", "daily-drill", "--learner", "sam", "--seed", "12", "--data-dir", data.path],
            environment: F.environment, input: ":quit\n")
        #expect(other.stdout != a.stdout)
    }
}

extension TakeCommandTests {
    /// DESIGN's scripted example has no learner: the account's user name is used, and said.
    @Test func aScriptWithoutALearnerIsRecordedForTheAccount() throws {
        let bank = try F.bank()
        let result = try run(
            bank, ["every-kind"], input: "true\n",
            environment: F.environment.merging(["USER": "Pat.Lee"]) { $1 })
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("no learner given; recording as `pat.lee`"))
        let odd = try run(
            bank, ["every-kind"], input: "",
            environment: F.environment.merging(["USER": "../x"]) { $1 })
        #expect(odd.stderr.contains("recording as `guest`"))
    }
}
