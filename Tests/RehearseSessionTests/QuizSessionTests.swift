import Foundation
import RehearseTestSupport
import Testing

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseProgress
@testable import RehearseScoring
@testable import RehearseSession

@Suite struct QuizSessionTests {
    typealias F = SessionFixtures

    /// Answers every question in turn; returns all events.
    func play(_ session: inout QuizSession, _ lines: [String], every seconds: Double = 10)
        -> [SessionEvent]
    {
        var events = session.start(at: F.start)
        for (index, line) in lines.enumerated() {
            events += session.handle(
                line, at: F.start.addingTimeInterval(Double(index + 1) * seconds))
        }
        return events
    }

    @Test func practiceAttemptScoresEveryKindAlongTheChosenBranch() throws {
        var session = F.session()
        let events = play(
            &session,
            ["true", "a", "5 days", "a,b", "listen,sorry,fix", "Northwind Circle", "a=5,b=1"])
        let report = try #require(F.report(events))
        #expect(report.result.earned == 9)
        #expect(report.result.max == 10)
        #expect(report.result.passed)
        #expect(report.record.status == .finished)
        #expect(
            report.record.answers.map(\.ref) == [
                "every-kind/tf", "late-delivery/greet", "late-delivery/lookup", "every-kind/pick",
                "every-kind/steps", "every-kind/name", "every-kind/rating",
            ])
        #expect(
            report.record.answers.map(\.answer) == [
                "true", "a", "5", "a,b", "listen,sorry,fix", "Northwind Circle", "a=5,b=1",
            ])
        #expect(report.record.score == 9)
        #expect(report.record.percent == 90)
        #expect(report.record.finishedAt == F.start.addingTimeInterval(70))
        #expect(report.reviews.count == 7)
        #expect(report.revisit.isEmpty)
        #expect(
            report.competencies.map(\.id) == ["empathy", "product-knowledge", "above-and-beyond"])
        #expect(session.phase == .finished)
        // Practice: one scored event per answer, never an `accepted`.
        let scored = events.filter { if case .scored = $0 { return true } else { return false } }
        #expect(scored.count == 7)
    }

    @Test func theOtherBranchAsksTheEscalationStepInstead() throws {
        var session = F.session()
        let events = play(
            &session,
            [
                "true", "b", "Sorry, I will get my manager", "a,b", "listen,sorry,fix",
                "Northwind Circle", "a=5,b=1",
            ])
        let report = try #require(F.report(events))
        #expect(report.record.answers.map(\.ref).contains("late-delivery/escalation"))
        #expect(!report.record.answers.map(\.ref).contains("late-delivery/lookup"))
        #expect(report.result.earned == 8)
        #expect(report.revisit.map(\.ref) == ["late-delivery/greet"])
        let greet = try #require(
            events.compactMap { event -> AnswerFeedback? in
                if case .scored(let feedback) = event, feedback.ref == "late-delivery/greet" {
                    return feedback
                }
                return nil
            }.first)
        #expect(greet.feedback == [OptionFeedback(id: "b", text: "Deflects.")])
        #expect(greet.rightAnswer == "a: Sorry")
    }

    @Test func aScenarioOpensOnceBeforeItsFirstStep() {
        var session = F.session()
        var events = session.start(at: F.start)
        events += session.handle("true", at: F.start)
        let intros = events.filter { if case .scenario = $0 { return true } else { return false } }
        #expect(intros.count == 1)
        #expect(
            F.asked(
                Array(events.drop { if case .scenario = $0 { return false } else { return true } }))?
                .ref == "late-delivery/greet")
        let next = session.handle("a", at: F.start)
        #expect(!next.contains { if case .scenario = $0 { return true } else { return false } })
        #expect(F.asked(next)?.ref == "late-delivery/lookup")
        #expect(F.asked(next)?.scenarioTitle == "The late delivery")
    }

    @Test func anUnreadableAnswerIsExplainedAndAskedAgainNeverScored() throws {
        var session = F.session()
        _ = session.start(at: F.start)
        let events = session.handle("maybe", at: F.start)
        guard case .unreadable(let error, let asked)? = events.first else {
            Issue.record("expected unreadable, got \(events)")
            return
        }
        #expect(error.message.contains("not true or false"))
        #expect(asked.ref == "every-kind/tf")
        #expect(session.record.answers.isEmpty)
        #expect(session.currentQuestion?.ref == "every-kind/tf")
        let empty = session.handle("   ", at: F.start)
        guard case .unreadable(let none, _)? = empty.first else {
            Issue.record("an empty line is not an answer")
            return
        }
        #expect(none.message == "no answer given")
        #expect(session.record.answers.isEmpty)
        let right = session.handle("t", at: F.start)
        #expect(F.feedback(right)?.score.outcome == .correct)
    }

    @Test func skipLeavesTheQuestionUnansweredAndFollowsTheListInAScenario() throws {
        var session = F.session()
        _ = session.start(at: F.start)
        _ = session.handle("true", at: F.start)
        let skipped = session.handle(":skip", at: F.start)
        guard case .skipped(let ref)? = skipped.first else {
            Issue.record("expected skipped")
            return
        }
        #expect(ref == "late-delivery/greet")
        // An unanswered step follows the list (greet has no `next` of its own): lookup.
        #expect(F.asked(skipped)?.ref == "late-delivery/lookup")
        #expect(session.record.answers.last?.answer == "")
        #expect(session.record.answers.last?.score == 0)
    }

    @Test func hintRepeatHelpAndProgress() throws {
        var session = F.session()
        _ = session.start(at: F.start)
        guard case .hint(nil)? = session.handle(":hint", at: F.start).first else {
            Issue.record("tf has no hint")
            return
        }
        _ = session.handle("true", at: F.start)
        guard case .hint(let hint)? = session.handle(":hi", at: F.start).first else {
            Issue.record("expected a hint")
            return
        }
        #expect(hint == "Feelings first.")
        let repeated = session.handle(":repeat", at: F.start)
        #expect(repeated.count == 2)  // the scenario's opening and the question
        #expect(F.asked(repeated)?.number == 2)
        guard case .help(let help)? = session.handle(":help", at: F.start).first else {
            Issue.record("expected help")
            return
        }
        #expect(help.commands.map(\.command) == SessionCommand.typed)
        #expect(help.instructions?.contains("one option") == true)
        guard case .progress(let status)? = session.handle(":progress", at: F.start).first else {
            Issue.record("expected progress")
            return
        }
        #expect(status.done == 1)
        #expect(status.earned == 1)
        #expect(status.timeLeft == nil)
        guard
            case .unknownCommand(let text, let suggestion)? = session.handle(":hnt", at: F.start)
                .first
        else {
            Issue.record("expected an unknown command")
            return
        }
        #expect(text == ":hnt")
        #expect(suggestion == ":hint")
        #expect(session.record.answers.count == 1)
    }

    @Test func aDoubleColonAnswersWithTextThatStartsWithAColon() {
        #expect(SessionCommand.read("::)") == .answer(":)"))
        #expect(SessionCommand.read(":SKIP") == .command(.skip))
        #expect(SessionCommand.read(":re") == .command(.repeat))
        #expect(SessionCommand.read("a") == .answer("a"))
    }

    @Test func examModeSaysNothingUntilTheEnd() throws {
        var session = F.session(mode: "exam")
        let events = play(
            &session, ["false", "a", "4", "a,c", "listen,sorry,fix", "nope", "a=5,b=1"])
        #expect(!events.contains { if case .scored = $0 { return true } else { return false } })
        let accepted = events.filter {
            if case .accepted = $0 { return true } else { return false }
        }
        #expect(accepted.count == 7)
        let report = try #require(F.report(events))
        #expect(report.mode == .exam)
        // A finished exam's answers feed spaced review, each at the time it was given.
        #expect(report.reviews.map(\.ref) == report.record.answers.map(\.ref))
        #expect(report.reviews.map(\.at) == report.record.answers.map(\.answeredAt))
        // tf 0, greet 2, lookup 0, pick (1-1)/2*2 = 0, steps 1, name 0, rating 1.
        #expect(report.result.earned == 4)
        #expect(!report.result.passed)
        #expect(report.record.mode == "exam")
    }

    @Test func theExamTimeLimitEndsTheAttemptWithAClearNotice() throws {
        var session = F.session(mode: "exam", extra: "time-limit: 10m")
        // The clock starts when the learner presses Enter after the introduction.
        let opening = session.start(at: F.start.addingTimeInterval(-120))
        #expect(session.deadline == nil)
        #expect(F.asked(opening) == nil)
        guard case .started(let start)? = opening.first else {
            Issue.record("expected the start")
            return
        }
        #expect(start.startsOnEnter)
        #expect(start.timeLimit == 600)
        let first = session.handle("", at: F.start)
        #expect(session.deadline == F.start.addingTimeInterval(600))
        #expect(session.record.startedAt == F.start)
        #expect(F.asked(first)?.timeLeft == 600)
        _ = session.handle("true", at: F.start.addingTimeInterval(300))
        // Both warnings are due by now; one is shown, with the time really left.
        guard case .timeWarning(1)? = session.checkTime(at: F.start.addingTimeInterval(599)).first
        else {
            Issue.record("expected a warning")
            return
        }
        let late = session.handle("a", at: F.start.addingTimeInterval(601))
        guard case .timeUp(let limit, let discarded)? = late.first else {
            Issue.record("expected time up, got \(late)")
            return
        }
        #expect(limit == 600)
        #expect(discarded)
        let report = try #require(F.report(late))
        #expect(report.record.status == .timedOut)
        #expect(report.record.answers.map(\.ref) == ["every-kind/tf"])
        #expect(report.result.earned == 1)
        #expect(report.result.unanswered == 6)
        #expect(session.phase == .finished)
        #expect(session.handle("b", at: F.start.addingTimeInterval(700)).isEmpty)
    }

    @Test func timeRunsOutWhileTheLearnerThinks() throws {
        var session = F.session(mode: "exam", extra: "time-limit: 1m")
        _ = session.start(at: F.start)
        _ = session.handle("", at: F.start)
        let events = session.checkTime(at: F.start.addingTimeInterval(61))
        guard case .timeUp(_, false)? = events.first else {
            Issue.record("expected time up")
            return
        }
        #expect(F.report(events)?.record.status == .timedOut)
    }

    @Test func practiceOverridesAnExamAndDropsItsTimeLimit() {
        let session = F.session(mode: "exam", extra: "time-limit: 10m", override: .practice)
        #expect(session.mode == .practice)
        #expect(session.deadline == nil)
        #expect(session.record.mode == "practice")
    }

    @Test func leavingKeepsTheAttemptAndResumingContinuesItExactly() throws {
        var first = F.session()
        _ = play(&first, ["true", "b"])
        guard
            case .left(let saved)? = first.handle(":quit", at: F.start.addingTimeInterval(30)).first
        else {
            Issue.record("expected left")
            return
        }
        #expect(saved.status == .unfinished)
        #expect(saved.answers.map(\.ref) == ["every-kind/tf", "late-delivery/greet"])
        #expect(first.phase == .left)

        var resumed = QuizSession(resuming: saved, plan: F.plan(seed: saved.seed))
        #expect(resumed.currentQuestion?.ref == "late-delivery/escalation")
        let opening = resumed.start(at: F.start.addingTimeInterval(100))
        guard case .started(let start)? = opening.first else {
            Issue.record("expected start")
            return
        }
        #expect(start.resumedAnswers == 2)
        #expect(F.asked(opening)?.number == 3)
        #expect(opening.contains { if case .scenario = $0 { return true } else { return false } })
        var events: [SessionEvent] = []
        for line in [
            "I understand, a manager will call", "a,b", "listen,sorry,fix", "Northwind Circle",
            "a=5,b=1",
        ] {
            events += resumed.handle(line, at: F.start.addingTimeInterval(200))
        }
        let report = try #require(F.report(events))
        #expect(report.result.earned == 8)
        #expect(report.record.id == saved.id)
        #expect(report.record.startedAt == F.start)
        #expect(report.reviews.count == 7)  // the replayed answers count as reviews too
    }

    @Test func aResumedExamKeepsItsDeadline() {
        var first = F.session(mode: "exam", extra: "time-limit: 10m")
        _ = play(&first, ["", "true"])  // Enter at 10 s starts the clock
        guard case .left(let saved)? = first.leave(at: F.start.addingTimeInterval(20)).first else {
            Issue.record("expected left")
            return
        }
        var resumed = QuizSession(
            resuming: saved, plan: F.plan(mode: "exam", extra: "time-limit: 10m"))
        #expect(resumed.deadline == F.start.addingTimeInterval(610))
        let events = resumed.start(at: F.start.addingTimeInterval(900))
        #expect(events.contains { if case .timeUp = $0 { return true } else { return false } })
        #expect(F.report(events)?.record.status == .timedOut)
    }

    @Test func optionsShowInThePlansOrderAndOrderItemsAreAlwaysMixed() throws {
        var session = QuizSession(
            plan: F.plan(extra: "shuffle: options", seed: 42), learner: "sam", attemptID: "x",
            quizHash: "h", startedAt: F.start)
        var events = session.start(at: F.start)
        events += session.handle("true", at: F.start)
        events += session.handle("a", at: F.start)
        events += session.handle("5", at: F.start)
        let pick = try #require(F.asked(events.reversed().map { $0 }))
        #expect(pick.ref == "every-kind/pick")
        #expect(pick.choices.map(\.id) == session.plan.displayOrder["every-kind/pick"])
        let steps = try #require(F.asked(session.handle("a,b", at: F.start)))
        #expect(steps.choices.map(\.id) != ["listen", "sorry", "fix"])
        #expect(Set(steps.choices.map(\.id)) == ["listen", "sorry", "fix"])
        #expect(steps.answerWords.sorted() == ["fix", "listen", "sorry"])
    }

    @Test func instructionsAndCompletionWordsPerKind() throws {
        var session = F.session()
        let tf = try #require(F.asked(session.start(at: F.start)))
        #expect(tf.answerWords == ["true", "false"])
        #expect(tf.instructions.contains("true or false"))
        let greet = try #require(F.asked(session.handle("true", at: F.start)))
        #expect(greet.answerWords == ["a", "b"])
        #expect(greet.instructions == "Answer with the id of one option (a or b).")
        let lookup = try #require(F.asked(session.handle("a", at: F.start)))
        #expect(lookup.instructions == "Answer with a number (in days).")
        #expect(lookup.answerWords.isEmpty)
    }

    @Test func aQuizWithNothingToAskEndsAtOnce() throws {
        let bank = ScoringFixtures.bank([
            "quizzes/empty.yaml": """
            id: empty
            title: Empty
            items:
              - draw: 1
                from: {channel: chat}
            """
        ])
        let quiz = try #require(bank.quiz("empty"))
        var session = QuizSession(
            plan: QuizPlan(quiz: quiz, bank: bank, seed: 1), learner: "sam", attemptID: "x",
            quizHash: "h", startedAt: F.start)
        let events = session.start(at: F.start)
        #expect(F.report(events)?.result.max == 0)
    }
}
