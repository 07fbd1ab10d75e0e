import Foundation
import RehearseProgress
import Testing

/// `rehearse take` on a pseudo-terminal: a whole practice attempt down a branch, an exam whose
/// time runs out on screen, Ctrl-C then `--resume`.
@Suite(.serialized) struct TakePseudoTerminalTests {
    typealias F = TakeFixtures

    func start(_ bank: TemporaryBank, _ arguments: [String], color: Bool = false) throws
        -> PseudoTerminal
    {
        try PseudoTerminal(
            ["take"] + arguments + [
                "--bank", bank.url.path, "--data-dir", bank.url.appendingPathComponent("data").path,
            ] + (color ? [] : ["--no-color"]),
            environment: F.environment)
    }

    @Test func aPracticeAttemptFollowsTheBranchTheAnswersChoose() throws {
        let bank = try F.bank()
        let term = try start(bank, ["every-kind", "--learner", "sam", "--seed", "5"], color: true)
        let opening = term.wait(for: "> ")
        #expect(opening.contains("\u{1B}["))  // colour on a terminal
        #expect(plain(opening).contains("Question 1"))
        term.send("true\r")
        let scenario = plain(term.wait(for: "> "))
        #expect(scenario.contains("✓ Right: 1 of 1 point."))
        #expect(scenario.contains("Scenario: The late delivery (phone)"))
        #expect(scenario.contains("late-delivery/greet"))
        term.send("b\r")
        let branch = plain(term.wait(for: "> "))
        #expect(branch.contains("✗ Not right: 0 of 2 points."))
        #expect(branch.contains("Deflects."))
        #expect(branch.contains("late-delivery/escalation"))
        term.send("I understand, I will ask my supervisor\r")
        #expect(plain(term.wait(for: "> ")).contains("✓ Right: 2 of 2 points."))
        for answer in ["a,b", "listen,sorry,fix", "northwind circle"] {
            term.send(answer + "\r")
            term.wait(for: "> ")
        }
        term.send("a=5,b=1\r")
        let end = plain(term.wait(for: "Attempt saved to"))
        #expect(end.contains("Result: 8 of 10 points (80%)"))
        #expect(end.contains("✓ Passed (pass mark 60%)."))
        #expect(end.contains("late-delivery/greet"))
        #expect(term.exitStatus() == 0)
        // Every line fits 80 columns (the terminal's width).
        for line in plain(term.output).split(separator: "\n") where line.contains(" ") {
            #expect(line.count <= 80, "\(line)")
        }
    }

    @Test func anExamShowsNoFeedbackAndStopsWhenTimeIsUp() throws {
        let bank = try F.bank(extraQuizzes: [
            "quizzes/timed.yaml": F.quiz(id: "timed", mode: "exam", extra: "time-limit: 2s")
        ])
        let record = bank.url.appendingPathComponent("exam.json")
        let term = try start(
            bank, ["timed", "--learner", "sam", "--seed", "3", "--record", record.path])
        let opening = plain(term.wait(for: "> "))
        #expect(opening.contains("Exam: no feedback until the end.\nTime limit: 2 seconds."))
        #expect(opening.contains("Press Enter to start the clock."))
        #expect(!opening.contains("left]"))  // the clock waits while the learner reads
        term.send("\r")
        #expect(plain(term.wait(for: "> ")).contains("left]"))
        term.send("true\r")
        let next = plain(term.wait(for: "> "))
        #expect(next.contains("Answer recorded."))
        #expect(!next.contains("Right"))
        // No more typing: the limit passes while the learner thinks.
        let timeUp = plain(term.wait(for: "Attempt recorded in", timeout: 8))
        #expect(timeUp.contains("Time is up: the time limit of 2 seconds has passed."))
        #expect(timeUp.contains("Result: 1 of 10 points (10%)"))
        #expect(term.exitStatus() == 0)
        let json = try F.json(record)
        #expect(json["status"] as? String == "timed-out")
        #expect(json["mode"] as? String == "exam")
    }

    @Test func ctrlCAsksToLeaveKeepsTheAttemptAndResumeContinues() throws {
        let bank = try F.bank()
        let term = try start(bank, ["every-kind", "--learner", "sam", "--seed", "5"])
        term.wait(for: "> ")
        term.send("true\r")
        term.wait(for: "> ")
        term.send("b")
        term.wait(for: "b")  // typed and shown (a Ctrl-C flushes keys not yet read)
        term.send("\u{3}")  // Ctrl-C with text on the line: the line is cleared
        term.wait(for: "> ")
        term.send("\u{3}")  // on an empty line: leave?
        #expect(plain(term.wait(for: "[y/N] ")).contains("Leave the quiz?"))
        term.send("n\r")
        #expect(plain(term.wait(for: "> ")).contains("Carry on"))
        term.send("\u{3}")
        term.wait(for: "[y/N] ")
        term.send("y\r")
        #expect(plain(term.wait(for: "--resume")).contains("You left every-kind after 1 answer."))
        #expect(term.exitStatus() == 0)

        let again = try start(bank, ["every-kind", "--learner", "sam", "--resume"])
        let resumed = plain(again.wait(for: "> "))
        #expect(resumed.contains("Resuming: 1 answer kept."))
        #expect(resumed.contains("Question 2 of about 7  late-delivery/greet"))
        for answer in F.firstBranch.dropFirst() {
            again.send(answer + "\r")
        }
        #expect(plain(again.wait(for: "Attempt saved to")).contains("Result: 9 of 10 points (90%)"))
        #expect(again.exitStatus() == 0)
    }

    @Test func ctrlDLeavesAndAClosedTerminalKeepsTheAttempt() throws {
        let bank = try F.bank()
        let term = try start(bank, ["every-kind", "--learner", "sam", "--seed", "5"])
        term.wait(for: "> ")
        term.send("true\r")
        term.wait(for: "> ")
        term.send("\u{4}")
        #expect(plain(term.wait(for: "--resume")).contains("after 1 answer"))
        #expect(term.exitStatus() == 0)

        let hangup = try start(bank, ["every-kind", "--learner", "sam", "--resume"])
        hangup.wait(for: "> ")
        hangup.send("a\r")
        hangup.wait(for: "> ")
        hangup.hangUp()  // the terminal window is closed
        #expect(hangup.exitStatus() == 129)
        let store = ProgressStore(directory: bank.url.appendingPathComponent("data").path)
        let saved = try #require(try store.unfinished(learner: "sam", quiz: "every-kind"))
        #expect(saved.answers.count == 2)
        #expect(saved.status == .unfinished)
    }
}
