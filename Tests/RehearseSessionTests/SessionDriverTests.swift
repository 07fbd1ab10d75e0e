import Foundation
import RehearseTestSupport
import Testing

@testable import RehearseBank
@testable import RehearseProgress
@testable import RehearseScoring
@testable import RehearseSession

/// The one driver of quiz and review sessions, on a scripted terminal with a fake clock.
@Suite struct SessionDriverTests {
    typealias F = SessionFixtures
    typealias Step = ScriptedReader.Step

    /// Runs `session` on `reader`; returns the driver (for the session), the outcome and the
    /// text shown.
    func drive<S: DrivenSession>(
        _ session: S, _ reader: ScriptedReader, store: SessionStore, record: String? = nil
    ) -> (driver: SessionDriver<S>, outcome: SessionOutcome, output: CollectedOutput) {
        let output = CollectedOutput()
        var driver = SessionDriver(
            session: session, learner: "sam",
            terminal: SessionTerminal(reader: reader, output: output, clock: reader.clock),
            renderer: SessionRenderer(style: PlainStyle(width: 200)), store: store,
            recordPath: record)
        let outcome = driver.run()
        return (driver, outcome, output)
    }

    static let rightAnswers = [
        "true", "a", "5 days", "a,b", "listen,sorry,fix", "Northwind Circle", "a=5,b=1",
    ]

    @Test func anExamsTimeRunsOutBetweenTwoAnswers() throws {
        let data = try TemporaryStore()
        let clock = FakeClock(F.start)
        // The first answer after 5 seconds; the second would come after two minutes.
        let reader = ScriptedReader(
            [
                Step(thinking: 0, input: .line("")), Step(thinking: 5, input: .line("true")),
                Step(thinking: 120, input: .line("a")),
            ],
            clock: clock)
        let record = data.path + "/timed.json"
        let run = drive(
            F.session(mode: "exam", extra: "time-limit: 1m"), reader, store: data.store,
            record: record)
        #expect(run.outcome == .finished)
        #expect(clock.now() == F.start.addingTimeInterval(60), "the limit ended the wait")
        #expect(reader.steps.count == 1, "the second answer was never read")
        let text = run.output.text
        #expect(
            text.contains(
                "Time is up: the time limit of 1 minute has passed. The questions left are unanswered."
            ))
        #expect(!text.contains("not counted"))
        #expect(text.contains("Result: 1 of 10 points (10%)"))
        #expect(text.contains("6 questions unanswered."))
        #expect(text.contains("Attempt recorded in \(record)."))
        #expect(run.output.errors.isEmpty)
        let saved = try #require(try data.store.load(learner: "sam").attempts.first)
        #expect(saved.status == .timedOut)
        #expect(saved.answers.map(\.ref) == ["every-kind/tf"])
        let recorded = try AttemptRecord.makeDecoder().decode(
            AttemptRecord.self, from: Data(contentsOf: URL(fileURLWithPath: record)))
        #expect(recorded.status == .timedOut)
        #expect(recorded.answers.count == 1)
    }

    @Test func aFinishedPracticeAttemptIsSavedWithItsReviews() throws {
        let data = try TemporaryStore()
        let clock = FakeClock(F.start)
        let reader = ScriptedReader(lines: Self.rightAnswers, clock: clock)
        let run = drive(F.session(), reader, store: data.store)
        #expect(run.outcome == .finished)
        #expect(run.output.text.contains("Result: 9 of 10 points (90%)"))
        #expect(run.output.text.contains("Attempt saved to \(data.path)/progress/sam.json."))
        #expect(reader.remembered == Self.rightAnswers)
        let progress = try data.store.load(learner: "sam")
        #expect(progress.attempts.map(\.status) == [.finished])
        #expect(progress.items["every-kind/tf"]?.reps == 1)
        #expect(try data.store.unfinished(learner: "sam", quiz: "every-kind") == nil)
    }

    @Test func eachAnswerIsKeptSoAHangUpLosesNothing() throws {
        let data = try TemporaryStore()
        let clock = FakeClock(F.start)
        let reader = ScriptedReader(
            [
                Step(thinking: 1, input: .line("true")), Step(thinking: 1, input: .line("a")),
                Step(thinking: 1, input: .hangup),
            ], clock: clock)
        let run = drive(F.session(), reader, store: data.store)
        #expect(run.outcome == .hangup)
        #expect(!run.output.text.contains("You left"), "nothing is shown to a closed terminal")
        let kept = try #require(try data.store.unfinished(learner: "sam", quiz: "every-kind"))
        #expect(kept.answers.count == 2)
    }

    @Test func ctrlCOnATerminalAsksBeforeLeaving() throws {
        let data = try TemporaryStore()
        let clock = FakeClock(F.start)
        let reader = ScriptedReader(
            [
                Step(thinking: 1, input: .line("true")), Step(thinking: 1, input: .interrupt),
                Step(thinking: 1, input: .line("n")), Step(thinking: 1, input: .interrupt),
                Step(thinking: 1, input: .line("y")),
            ], clock: clock, interactive: true)
        let run = drive(F.session(), reader, store: data.store)
        #expect(run.outcome == .left)
        #expect(run.output.text.contains("Carry on: answer the question above."))
        #expect(
            run.output.text.contains(
                "You left every-kind after 1 answer. Your answers are kept: `rehearse take every-kind --resume` continues."
            ))
        #expect(reader.prompts.filter { $0.hasPrefix("Leave the quiz?") }.count == 2)
        #expect(try data.store.unfinished(learner: "sam", quiz: "every-kind")?.answers.count == 1)
    }

    @Test func aFailedSaveIsReportedAndEndsInSaveFailed() throws {
        let data = try TemporaryStore()
        // The data folder is a file: nothing can be written under it.
        let blocked = data.path + "/blocked"
        try Data().write(to: URL(fileURLWithPath: blocked))
        let store = SessionStore(ProgressStore(directory: blocked))
        let reader = ScriptedReader(lines: Self.rightAnswers, clock: FakeClock(F.start))
        let run = drive(F.session(), reader, store: store)
        #expect(run.outcome == .saveFailed)
        // Shown at the first answer already (once, not at every answer), then at the end.
        #expect(run.output.errors.count == 2)
        #expect(run.output.errors.first?.hasPrefix("cannot save your answers so far: ") == true)
        #expect(run.output.errors.last?.hasPrefix("cannot save the attempt: ") == true)
        #expect(run.output.text.contains("Result: 9 of 10 points (90%)"))
    }

    @Test func aReviewSavesEachAnswerAndLeavesAtOnceOnCtrlC() throws {
        let data = try TemporaryStore()
        let bank = ScoringFixtures.bank([
            "scenarios/late-delivery.yaml": F.scenario, "quizzes/every-kind.yaml": F.quiz(),
        ])
        let items = ["every-kind/tf", "late-delivery/lookup"].compactMap {
            ReviewPlanner.resolve($0, in: bank)
        }
        #expect(items.count == 2)
        let clock = FakeClock(F.start)
        let reader = ScriptedReader(
            [Step(thinking: 3, input: .line("true")), Step(thinking: 3, input: .interrupt)],
            clock: clock, interactive: true)
        let run = drive(ReviewSession(items: items, seed: 1), reader, store: data.store)
        #expect(run.outcome == .left)
        #expect(run.output.text.contains("Review: 1 answered, 1 right, 1 of 1 points."))
        #expect(run.output.text.contains("You stopped early; what you answered is saved."))
        #expect(!reader.prompts.contains { $0.hasPrefix("Leave") })
        let progress = try data.store.load(learner: "sam")
        #expect(progress.items["every-kind/tf"]?.reps == 1)
        #expect(progress.items["late-delivery/lookup"] == nil)
    }
}
