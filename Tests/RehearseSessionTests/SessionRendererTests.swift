import Foundation
import Testing

@testable import RehearseBank
@testable import RehearseScoring
@testable import RehearseSession

/// The text of session events, without a terminal.
@Suite struct SessionRendererTests {
    typealias F = SessionFixtures

    let renderer = SessionRenderer(
        style: PlainStyle(), competencyTitles: ["empathy": "Empathy"])

    func text(_ events: [SessionEvent]) -> String {
        events.map(renderer.render).joined()
    }

    @Test func theStartAndTheFirstQuestionSayWhereTheLearnerIs() {
        var session = F.session(mode: "exam", extra: "time-limit: 10m")
        let opening = text(session.start(at: F.start))
        #expect(opening.hasPrefix("\nEvery kind  (every-kind, exam, seed 1)\n"))
        // Branching: the best path (greet, lookup) makes 7 questions, an estimate.
        #expect(
            opening.contains(
                "About 7 questions. Pass mark 60%. Exam: no feedback until the end.\nTime limit: 10 minutes."
            ))
        #expect(opening.contains("Type :help at any question for the commands.\n"))
        #expect(opening.hasSuffix("Press Enter to start the clock.\n"))
        #expect(!opening.contains("Question 1"))
        let shown = text(session.handle("", at: F.start))
        #expect(
            shown.contains(
                "\nQuestion 1 of about 7  [10:00 left]  every-kind/tf\nListening matters.\n"))
    }

    @Test func practiceFeedbackGivesTheScoreAndTheExplanation() {
        var session = F.session()
        _ = session.start(at: F.start)
        let shown = text(session.handle("false", at: F.start.addingTimeInterval(5)))
        #expect(shown.hasPrefix("Not right: 0 of 1 point. Score so far: 0 of 1.\n"))
        #expect(shown.contains("  Why: It does.\n"))
        #expect(shown.contains("Scenario: The late delivery (phone)\nCustomer: Maria"))
    }

    @Test func choicesAreLabelledAndWrappedWithAHangingIndent() {
        let narrow = SessionRenderer(style: PlainStyle(width: 20))
        var session = F.session()
        _ = session.start(at: F.start)
        let events = session.handle("true", at: F.start.addingTimeInterval(5))
        let asked = events.compactMap { event -> AskedQuestion? in
            if case .question(let asked) = event { return asked }
            return nil
        }
        guard let question = asked.first else {
            Issue.record("no question in \(events)")
            return
        }
        let shown = narrow.render(.question(question))
        #expect(shown.contains("\n  a) Sorry\n"))
        #expect(shown.contains("\n  b) Not our fault\n"))
        #expect(shown.contains("\nMaria sounds upset.\nWhat do you say\nfirst?\n"))
    }

    @Test func leavingTellsHowToResume() {
        var session = F.session()
        _ = session.start(at: F.start)
        _ = session.handle("true", at: F.start.addingTimeInterval(5))
        let shown = text(session.leave(at: F.start.addingTimeInterval(9)))
        #expect(
            shown
                == "\nYou left every-kind after 1 answer. Your answers are kept: `rehearse take\nevery-kind --resume` continues.\n"
        )
        var untouched = F.session()
        _ = untouched.start(at: F.start)
        #expect(
            text(untouched.leave(at: F.start))
                == "\nYou left every-kind before answering anything.\n")
    }

    @Test func theReportBreaksDownByCompetencyAndListsWhatToRevisit() {
        var session = F.session()
        var events = session.start(at: F.start)
        for (index, line) in ["false", "a", "5", "a,b", "listen,sorry,fix", "nope", "a=5,b=1"]
            .enumerated()
        {
            events = session.handle(line, at: F.start.addingTimeInterval(Double(index + 1)))
        }
        let shown = text(events.filter { if case .finished = $0 { true } else { false } })
        #expect(shown.contains("\nResult: 7 of 10 points (70%)\nPassed (pass mark 60%).\n"))
        #expect(shown.contains("\nBy competency\n  Empathy               75%  3 of 4\n"))
        #expect(shown.contains("\nTo revisit (2)\n  every-kind/tf  not right, 0 of 1\n"))
        #expect(shown.contains("Seed 1: `--seed 1` gives the same questions in the same order."))
    }

    @Test func timeUpAndUnknownCommandsAreExplained() {
        #expect(
            renderer.render(.timeUp(limit: 90, lateAnswerDiscarded: true))
                == "\nTime is up: the time limit of 90 seconds has passed. That answer came after the\nlimit and is not counted. The questions left are unanswered.\n"
        )
        #expect(
            renderer.render(.unknownCommand(":hnt", suggestion: ":hint"))
                == "There is no command :hnt (did you mean :hint?). Type :help for the list.\n")
        #expect(renderer.render(.hint(nil)) == "This question has no hint.\n")
    }

    @Test func numbersAndClocksAreShort() {
        #expect(SessionText.number(2) == "2")
        #expect(SessionText.number(2.5) == "2.5")
        #expect(SessionText.duration(90) == "90-second")
        #expect(SessionText.duration(600) == "10-minute")
        #expect(SessionText.duration(7200) == "2-hour")
        #expect(SessionText.clock(65) == "1:05")
        #expect(SessionText.clock(3725) == "1:02:05")
    }
}
