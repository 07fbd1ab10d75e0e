import Foundation
import Testing

/// `rehearse review` and the shell through a pipe.
@Suite struct ReviewCommandTests {
    typealias F = TakeFixtures

    func arguments(_ bank: TemporaryBank) -> [String] {
        ["--bank", bank.url.path, "--data-dir", bank.url.appendingPathComponent("data").path]
    }

    @Test func practisedQuestionsComeBackWhenDue() throws {
        let bank = try F.bank()
        let nothing = try CLI.run(
            ["review", "--learner", "sam"] + arguments(bank), environment: F.environment, input: "")
        #expect(nothing.status == 0)
        #expect(nothing.stdout.contains("Nothing is due for review, sam. Practise a quiz first"))

        // tf wrong, greet right, lookup wrong; the rest right.
        let practice = try CLI.run(
            ["take", "every-kind", "--learner", "sam", "--seed", "5"] + arguments(bank),
            environment: F.environment,
            input: F.lines([
                "false", "a", "7", "a,b", "listen,sorry,fix", "northwind circle", "a=5,b=1",
            ]))
        #expect(practice.status == 0)
        #expect(practice.stdout.contains("Result: 7 of 10 points (70%)"))

        let sameDay = try CLI.run(
            ["review", "--learner", "sam"] + arguments(bank), environment: F.environment, input: "")
        #expect(sameDay.stdout.contains("Nothing is due for review, sam. The next question is due"))

        let later = ["REHEARSE_NOW": "2026-01-06T10:00:00Z"]
        let review = try CLI.run(
            ["review", "--learner", "sam", "--limit", "5"] + arguments(bank), environment: later,
            input: F.lines(["nope", "true", "5"]))
        #expect(review.status == 0, "\(review.stderr)")
        // The two questions answered wrongly (Again: due after a day) are due; empathy first
        // when it is the weaker competency.
        #expect(review.stdout.contains("2 questions to review, weakest competency first."))
        #expect(review.stdout.contains("I could not read that: `nope` is not true or false."))
        #expect(review.stdout.contains("Review: 2 answered, 2 right, 2 of 2 points."))
        let progress = try F.json(bank.url.appendingPathComponent("data/progress/sam.json"))
        let items = progress["items"] as? [String: [String: Any]] ?? [:]
        #expect(items["every-kind/tf"]?["reps"] as? Int == 2)
        #expect(items["late-delivery/lookup"]?["reps"] as? Int == 2)
        #expect(items["every-kind/pick"]?["reps"] as? Int == 1)
    }

    @Test func theShellRunsScriptedCommands() throws {
        let bank = try F.bank()
        let script =
            ["help", "lst", "list", "take every-kind --seed 5"] + F.firstBranch + [
                "take nope", "take every-kind --mode oops", "review", "quit",
            ]
        let result = try CLI.run(
            ["--learner", "sam"] + arguments(bank), environment: F.environment,
            input: F.lines(script))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("take QUIZ [--mode practice|exam]"))
        #expect(result.stdout.contains("There is no command `lst` (did you mean `list`?)."))
        #expect(result.stdout.contains("Quizzes (1)"))
        #expect(result.stdout.contains("Result: 9 of 10 points (90%)"))
        #expect(result.stderr.contains("there is no quiz `nope`"))
        #expect(result.stdout.contains("The value 'oops' is invalid for '--mode <practice|exam>'"))
        #expect(result.stdout.contains("Nothing is due for review"))
    }

    @Test func theShellRunsProgressWithItsOwnOptions() throws {
        let bank = try F.bank()
        let script =
            ["take every-kind --seed 5"] + F.firstBranch + [
                "progress", "progress --format json", "progress ../x", "progress --format xml",
                "quit",
            ]
        let result = try CLI.run(
            ["--learner", "sam"] + arguments(bank), environment: F.environment,
            input: F.lines(script))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Progress of sam as of 2026-01-05"))
        #expect(result.stdout.contains("\"learner\" : \"sam\""))
        #expect(result.stderr.contains("rehearse: invalid learner id"))
        #expect(result.stdout.contains("The value 'xml' is invalid for '--format <format>'"))
    }

    @Test func theShellWithoutALearnerOnAPipeUsesTheAccount() throws {
        let bank = try F.bank()
        var environment = F.environment
        environment["USER"] = "sam"
        let result = try CLI.run(arguments(bank), environment: environment, input: "list\n")
        #expect(result.status == 0)
        #expect(result.stderr.contains("recording as `sam`"))
        #expect(result.stdout.contains("Quizzes (1)"))
    }
}
