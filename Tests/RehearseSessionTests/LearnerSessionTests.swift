import Foundation
import RehearseTestSupport
import Testing

@testable import RehearseBank
@testable import RehearseCore
@testable import RehearseProgress
@testable import RehearseScoring
@testable import RehearseSession

/// What a new hire meets in a session: where they are, what the exam teaches afterwards, the
/// clock, endings and the conversation so far.
@Suite struct LearnerSessionTests {
    typealias F = SessionFixtures

    let plain = SessionRenderer(style: PlainStyle(), competencyTitles: ["empathy": "Empathy"])

    func text(_ events: [SessionEvent], _ renderer: SessionRenderer? = nil) -> String {
        events.map((renderer ?? plain).render).joined()
    }

    func play(_ session: inout QuizSession, _ lines: [String]) -> [SessionEvent] {
        var events = session.start(at: F.start)
        for (index, line) in lines.enumerated() {
            events += session.handle(line, at: F.start.addingTimeInterval(Double(index + 1) * 10))
        }
        return events
    }

    @Test func everyQuestionSaysWhereTheLearnerIsAndTheTotalSettlesOnThePath() {
        var session = F.session()
        let events = play(&session, ["true", "b", "sorry, a manager will call"])
        let asked = events.compactMap { event -> AskedQuestion? in
            if case .question(let asked) = event { return asked }
            return nil
        }
        // The best path (greet, lookup) gives 7; the branch taken (greet, escalation) too.
        #expect(asked.map(\.number) == [1, 2, 3, 4])
        #expect(asked.map(\.total) == [7, 7, 7, 7])
        #expect(asked.map(\.totalIsEstimate) == [true, true, false, false])
        #expect(text(events).contains("\nQuestion 1 of about 7  every-kind/tf\n"))
        #expect(text(events).contains("\nQuestion 3 of 7  late-delivery/escalation\n"))
        let progress = text(session.handle(":progress", at: F.start.addingTimeInterval(50)))
        #expect(progress == "3 of 7 questions done. 3 of 5 points so far.\n")
    }

    @Test func practiceShowsARunningScoreAndLabelsEachOptionsFeedback() {
        var session = F.session()
        let events = play(&session, ["true", "a", "5", "a,c,b"])
        let shown = text(events)
        #expect(shown.contains("Right: 1 of 1 point. Score so far: 1 of 1.\n"))
        #expect(shown.contains("Right: 2 of 2 points. Score so far: 3 of 3.\n  a) Acknowledges.\n"))
        // Multi: feedback of each picked option, labelled, in the order shown.
        #expect(shown.contains("  b) Yes two.\n  c) Not three.\n"))
    }

    @Test func rateFeedbackNamesEachResponseWithBothRatings() {
        let bank = ScoringFixtures.bank([
            "quizzes/r.yaml": """
            id: r
            title: R
            items:
              - question:
                  id: rating
                  kind: rate
                  competency: empathy
                  prompt: Rate these.
                  responses:
                    - {id: a, text: Good, key: 5, feedback: Warm and clear.}
                    - {id: b, text: Bad, key: 1, feedback: Blames the customer.}
            """
        ])
        guard let quiz = bank.quiz("r") else { preconditionFailure("no quiz") }
        var session = QuizSession(
            plan: QuizPlan(quiz: quiz, bank: bank, seed: 1), learner: "sam", attemptID: "a",
            quizHash: "h", startedAt: F.start)
        _ = session.start(at: F.start)
        let shown = text(session.handle("A = 4, B = 1", at: F.start))
        #expect(shown.contains("  a) you 4, expert 5: Warm and clear.\n"))
        #expect(shown.contains("  b) you 1, expert 1: Blames the customer.\n"))
    }

    @Test func anExamEndsWithTheFullReviewAndItsAnswersBecomeReviews() throws {
        var session = F.session(mode: "exam")
        let events = play(
            &session, ["false", "a", ":skip", "a,c", "listen,sorry,fix", "nope", "a=5,b=1"])
        let shown = text(events)
        #expect(!shown.contains("Why:") || shown.contains("\nReview (7 questions)\n"))
        let review = try #require(shown.components(separatedBy: "\nReview (7 questions)\n").last)
        #expect(
            review.contains(
                "\n1. every-kind/tf\n  Listening matters.\n  Not right: 0 of 1 point.\n  Your answer: false\n  Right answer: true\n  Why: It does.\n"
            ))
        #expect(review.contains("\n2. late-delivery/greet\n"))
        #expect(review.contains("  Your answer: a: Sorry\n  a) Acknowledges.\n"))
        #expect(
            review.contains(
                "  Unanswered: 0 of 1 point.\n  Your answer: (none)\n  Right answer: 5 days\n"))
        let report = try #require(F.report(events))
        #expect(report.review.count == 7)
        // Every answer and the skip feed spaced review, at the time each was given.
        #expect(report.reviews.map(\.ref) == report.record.answers.map(\.ref))
        #expect(
            report.reviews.first { $0.ref == "late-delivery/lookup" }?.score.outcome == .unanswered)
    }

    @Test func aQuizThatShowsTheScoreOnlyKeepsItsAnswers() throws {
        var session = F.session(mode: "exam", extra: "review: score")
        let events = play(
            &session, ["false", "a", "5", "a,c", "listen,sorry,fix", "nope", "a=5,b=1"])
        let shown = text(events)
        #expect(shown.contains("This exam shows the score only"))
        #expect(!shown.contains("Right answer"))
        #expect(!shown.contains("To revisit"))
        #expect(try #require(F.report(events)).review.isEmpty)
    }

    @Test func theClockStartsOnEnterAndWarnsAtFiveAndOneMinutesLeft() {
        var session = F.session(mode: "exam", extra: "time-limit: 25m")
        let opening = text(session.start(at: F.start))
        #expect(
            opening.contains(
                "\nTime limit: 25 minutes. You are warned 5 minutes and 1 minute before the end.\n")
        )
        #expect(session.nextAlarm == nil)
        let started = F.start.addingTimeInterval(90)  // the learner read the introduction
        _ = session.handle("", at: started)
        #expect(session.deadline == started.addingTimeInterval(1500))
        #expect(session.nextAlarm == started.addingTimeInterval(1200))
        #expect(session.checkTime(at: started.addingTimeInterval(1199)).isEmpty)
        let five = session.checkTime(at: started.addingTimeInterval(1200))
        #expect(text(five) == "\n5 minutes left in this exam.\n")
        #expect(session.checkTime(at: started.addingTimeInterval(1201)).isEmpty)
        #expect(session.nextAlarm == started.addingTimeInterval(1440))
        // A warning crossed while typing comes before the feedback of the next answer.
        let answered = session.handle("true", at: started.addingTimeInterval(1445))
        guard case .timeWarning(55)? = answered.first else {
            Issue.record("expected the 1-minute warning first, got \(answered)")
            return
        }
        #expect(text([answered[0]]) == "\n1 minute left in this exam.\n")
        #expect(session.nextAlarm == started.addingTimeInterval(1500))
    }

    @Test func aTimeFactorStretchesTheLimitAndIsRecorded() throws {
        var session = QuizSession(
            plan: F.plan(mode: "exam", extra: "time-limit: 20m"), learner: "sam",
            attemptID: "a", quizHash: "h", startedAt: F.start, timeFactor: 1.5)
        let opening = text(session.start(at: F.start))
        #expect(opening.contains("Time limit: 30 minutes (your time factor 1.5 included)."))
        _ = session.handle("", at: F.start)
        #expect(session.deadline == F.start.addingTimeInterval(1800))
        #expect(session.record.timeFactor == 1.5)
        let data = try AttemptRecord.makeEncoder().encode(session.record)
        #expect(String(decoding: data, as: UTF8.self).contains("\"timeFactor\" : 1.5"))
        // Records written before the field read the same.
        var old = session.record
        old.timeFactor = nil
        let oldJSON = try AttemptRecord.makeEncoder().encode(old)
        #expect(!String(decoding: oldJSON, as: UTF8.self).contains("timeFactor"))
        #expect(try AttemptRecord.makeDecoder().decode(AttemptRecord.self, from: oldJSON) == old)
    }

    @Test func anEndingIsShownWithItsWords() {
        let scenario = """
            id: s
            title: The refund
            competencies: [empathy]
            endings:
              - {id: customer-leaves, text: Mr Chen thanks you curtly and leaves.}
            steps:
              - id: open
                kind: choice
                prompt: Mr Chen wants a refund.
                options:
                  - {id: a, text: Help, correct: true}
                  - {id: b, text: Refuse, next: customer-leaves}
              - id: follow
                kind: truefalse
                prompt: Offer a voucher?
                answer: true
            """
        let bank = ScoringFixtures.bank([
            "scenarios/s.yaml": scenario,
            "quizzes/q.yaml":
                "id: q\ntitle: Q\nitems:\n  - scenario: s\n  - question: {id: x, kind: truefalse, competency: empathy, prompt: X, answer: true}\n",
        ])
        #expect(bank.scenario("s")?.endings.map(\.id.value) == ["customer-leaves"])
        guard let quiz = bank.quiz("q") else { preconditionFailure("no quiz") }
        var session = QuizSession(
            plan: QuizPlan(quiz: quiz, bank: bank, seed: 1), learner: "sam", attemptID: "a",
            quizHash: "h", startedAt: F.start)
        _ = session.start(at: F.start)
        let events = session.handle("b", at: F.start)
        #expect(
            text(events).contains(
                "\nThe refund: Mr Chen thanks you curtly and leaves.\n\nQuestion 2 of 2"))
    }

    @Test func repeatShowsTheConversationSoFar() {
        var session = F.session()
        _ = play(&session, ["true", "a"])
        let shown = text(session.handle(":repeat", at: F.start.addingTimeInterval(60)))
        #expect(
            shown.contains(
                "Customer: Maria, a repeat customer\nHer order is three days late.\n\nSo far:\n  Maria sounds upset. What do you say first?\n  You: a: Sorry\n\nQuestion 3 of 7"
            ))
    }

    @Test func textFromTheBankIsSanitizedAndColourDoesNotShortenLines() {
        let styled = SessionRenderer(style: TextStyle(color: true, width: 60))
        var question = ScoringFixtures.question(
            "  - {id: q, kind: choice, prompt: P, options: [{id: a, text: A, correct: true}]}\n")
        // The loader refuses control characters; a bank from elsewhere may still carry them.
        question.prompt =
            "Say \u{1B}[31mhello\u{1B}[0m to the customer who is waiting at the counter for a refund of the lamp"
        let asked = QuestionPresenter.ask(
            question, ref: "q/q", order: nil, number: 1, total: (1, false), scenarioTitle: nil,
            timeLeft: nil)
        let shown = styled.render(.question(asked))
        #expect(!shown.contains("\u{1B}[31m"))
        #expect(shown.contains("\\u{1B}[31mhello"))
        for line in shown.split(separator: "\n") {
            #expect(TerminalText.displayWidth(String(line)) <= 60, "\(line)")
        }
        // Colour codes take no width: a long prompt fills its lines as plain text would.
        let colourLines = styled.render(.question(asked)).split(separator: "\n").map {
            TerminalText.displayWidth(String($0))
        }
        let plainLines = SessionRenderer(style: TextStyle(color: false, width: 60))
            .render(.question(asked)).split(separator: "\n").map {
                TerminalText.displayWidth(String($0))
            }
        #expect(colourLines == plainLines)
    }
}
