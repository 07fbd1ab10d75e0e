import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// One attempt at a quiz as a pure state machine: lines in, events out. It never reads the
/// terminal, the clock or the disk: the caller passes each line with the time it arrived and
/// shows the events; saving the attempt is the caller's job too.
///
/// Practice mode answers each question with its score, feedback and explanation; exam mode says
/// nothing until the end and enforces the quiz's time limit (from the attempt's start, so leaving
/// and resuming does not stop the clock). Branching scenarios follow the learner's answers
/// through `ScenarioWalk`, and every answer is scored by the one scorer.
public struct QuizSession: Sendable {
    public enum Phase: Sendable, Hashable { case asking, finished, left }

    public let plan: QuizPlan
    public let mode: QuizMode
    /// When an exam's time runs out, if it has a limit.
    public let deadline: Date?
    /// The attempt so far (answers in the order given), as it would be saved.
    public private(set) var record: AttemptRecord
    public private(set) var phase: Phase = .asking

    let competencyOrder: [String]
    var responses: [String: Response] = [:]
    var itemIndex = 0
    var stepID: String?
    var visitedSteps: Set<String> = []
    var asked = 0
    var reviews: [ReviewedAnswer] = []
    var shown: AskedQuestion?
    var resumedAnswers: Int?
    /// A scenario was just entered: its opening goes before its first question.
    var enteredScenario = false

    /// A new attempt. `mode` overrides the quiz's own; `competencies` gives the order of the
    /// breakdown (the bank's competency ids).
    public init(
        plan: QuizPlan, mode: QuizMode? = nil, learner: String, attemptID: String,
        quizHash: String, competencies: [String] = Competency.builtIn.map(\.id), startedAt: Date
    ) {
        self.plan = plan
        let mode = mode ?? plan.quiz.mode
        self.mode = mode
        competencyOrder = competencies
        if mode == .exam, let limit = plan.quiz.timeLimit?.value {
            deadline = startedAt.addingTimeInterval(TimeInterval(limit))
        } else {
            deadline = nil
        }
        record = AttemptRecord(
            id: attemptID, learner: learner, quiz: plan.quiz.id.value, quizHash: quizHash,
            mode: mode.rawValue, seed: plan.seed, status: .unfinished, startedAt: startedAt)
        settle()
    }

    /// Continues an unfinished attempt: the same plan (rebuilt from the recorded seed) with the
    /// recorded answers replayed. Answers that no longer fit the quiz are dropped.
    public init(
        resuming saved: AttemptRecord, plan: QuizPlan,
        competencies: [String] = Competency.builtIn.map(\.id)
    ) {
        self.init(
            plan: plan, mode: QuizMode(rawValue: saved.mode), learner: saved.learner,
            attemptID: saved.id, quizHash: saved.quizHash, competencies: competencies,
            startedAt: saved.startedAt)
        for answer in saved.answers {
            guard phase == .asking, let (ref, question) = currentQuestion, ref == answer.ref,
                case .success(let response) = AnswerParser.parse(
                    answer.answer, for: question, shown: plan.displayOrder[ref])
            else { break }
            apply(response, to: question, ref: ref, at: answer.answeredAt ?? saved.startedAt)
            advance()
        }
        resumedAnswers = record.answers.count
        shown = nil
    }

    // MARK: Driving the session

    /// The opening events: the attempt's start and the first question (or the end, when the
    /// quiz has nothing to ask).
    public mutating func start(at now: Date) -> [SessionEvent] {
        if let deadline, now >= deadline, phase == .asking {
            return [.started(startInfo(at: now))] + timeUp(at: now, lateAnswer: false)
        }
        var events: [SessionEvent] = [.started(startInfo(at: now))]
        guard phase == .asking else { return events }
        if currentQuestion == nil { return events + finish(.finished, at: now) }
        events += present(at: now, introduce: true)
        return events
    }

    /// A line typed at the current question: an answer or a `:` command.
    public mutating func handle(_ line: String, at now: Date) -> [SessionEvent] {
        guard phase == .asking, let (ref, question) = currentQuestion else { return [] }
        let reading = SessionCommand.read(line)
        if let deadline, now >= deadline {
            var late = false
            if case .answer(let text) = reading, !text.trimmingSpaces.isEmpty { late = true }
            return timeUp(at: now, lateAnswer: late)
        }
        switch reading {
        case .unknown(let text, let suggestion):
            return [.unknownCommand(text, suggestion: suggestion)]
        case .command(.hint):
            return [.hint(question.hint)]
        case .command(.skip):
            apply(nil, to: question, ref: ref, at: now)
            advance()
            return [.skipped(ref: ref)] + next(at: now)
        case .command(.repeat):
            return present(at: now, introduce: true)
        case .command(.progress):
            return [.progress(status(at: now))]
        case .command(.help):
            return [.help(help())]
        case .command(.quit):
            return leave(at: now)
        case .answer(let text):
            let asked = shown ?? ask(ref, question, at: now)
            switch AnswerParser.parse(text, for: question, shown: asked.choices.map(\.id)) {
            case .failure(let error):
                return [.unreadable(error, asked)]
            case .success(nil):
                let empty = AnswerError(
                    "no answer given", hint: "type your answer, or :skip to leave it unanswered")
                return [.unreadable(empty, asked)]
            case .success(let response?):
                let score = apply(response, to: question, ref: ref, at: now)
                let told: SessionEvent =
                    mode == .practice
                    ? .scored(
                        QuestionPresenter.feedback(
                            question, ref: ref, response: response, score: score))
                    : .accepted(ref: ref)
                advance(after: response)
                return [told] + next(at: now)
            }
        }
    }

    /// The learner leaves (`:quit`, Ctrl-C, Ctrl-D, a closed terminal): the attempt is kept as
    /// unfinished.
    public mutating func leave(at now: Date) -> [SessionEvent] {
        guard phase == .asking else { return [] }
        phase = .left
        record.status = .unfinished
        return [.left(record)]
    }

    /// Ends a timed exam whose time ran out while the learner was thinking.
    public mutating func checkTime(at now: Date) -> [SessionEvent] {
        guard phase == .asking, let deadline, now >= deadline else { return [] }
        return timeUp(at: now, lateAnswer: false)
    }

    /// Seconds left in a timed exam.
    public func timeLeft(at now: Date) -> Int? {
        deadline.map { Swift.max(0, Int(($0.timeIntervalSince(now)).rounded(.up))) }
    }

    /// The question waiting for an answer, with its ref.
    public var currentQuestion: (ref: String, question: Question)? {
        guard phase == .asking, itemIndex < plan.items.count else { return nil }
        switch plan.items[itemIndex] {
        case .question(let question):
            return ("\(plan.quiz.id.value)/\(question.id.value)", question)
        case .scenario(let scenario):
            guard let stepID, let step = scenario.step(stepID) else { return nil }
            return ("\(scenario.id.value)/\(stepID)", step)
        }
    }

    /// The question as last shown (for completion of its answer ids).
    public var currentAsked: AskedQuestion? { phase == .asking ? shown : nil }

    // MARK: Steps

    @discardableResult
    mutating func apply(_ response: Response?, to question: Question, ref: String, at: Date)
        -> QuestionScore
    {
        let score = QuestionScorer.score(response, for: question)
        if let response { responses[ref] = response } else { responses[ref] = nil }
        record.answers.append(
            AttemptRecord.Answer(
                ref: ref, answer: response?.encoded ?? "", score: score.earned, max: score.max,
                answeredAt: at))
        if response != nil, mode == .practice {
            reviews.append(ReviewedAnswer(ref: ref, score: score, at: at))
        }
        return score
    }

    /// Moves past the current question: the next step of the scenario the answer leads to,
    /// else the next block.
    mutating func advance(after response: Response? = nil) {
        guard itemIndex < plan.items.count else { return }
        if case .scenario(let scenario) = plan.items[itemIndex], let stepID,
            let index = scenario.steps.firstIndex(where: { $0.id.value == stepID })
        {
            let response = response ?? responses["\(scenario.id.value)/\(stepID)"]
            if let next = ScenarioWalk.next(after: index, in: scenario, response: response),
                scenario.step(next) != nil, visitedSteps.insert(next).inserted
            {
                self.stepID = next
                return
            }
        }
        itemIndex += 1
        stepID = nil
        settle()
    }

    /// Enters the block at `itemIndex`: a scenario starts at its first step; empty ones are
    /// passed over.
    mutating func settle() {
        while itemIndex < plan.items.count {
            guard case .scenario(let scenario) = plan.items[itemIndex], stepID == nil else {
                return
            }
            if let start = scenario.startStep, scenario.step(start) != nil {
                stepID = start
                visitedSteps = [start]
                enteredScenario = true
                return
            }
            itemIndex += 1
        }
    }

    /// The events after an answer: the next question, or the end.
    mutating func next(at now: Date) -> [SessionEvent] {
        guard currentQuestion != nil else { return finish(.finished, at: now) }
        return present(at: now, introduce: enteredScenario)
    }

    /// Shows the current question (and its scenario's opening when `introduce`).
    mutating func present(at now: Date, introduce: Bool) -> [SessionEvent] {
        guard let (ref, question) = currentQuestion else { return [] }
        if shown?.ref != ref { asked += 1 }
        enteredScenario = false
        let asked = ask(ref, question, at: now)
        shown = asked
        var events: [SessionEvent] = []
        if introduce, case .scenario(let scenario) = plan.items[itemIndex] {
            events.append(.scenario(QuestionPresenter.intro(scenario)))
        }
        events.append(.question(asked))
        return events
    }

    func ask(_ ref: String, _ question: Question, at now: Date) -> AskedQuestion {
        var title: String?
        if case .scenario(let scenario) = plan.items[itemIndex] { title = scenario.title }
        return QuestionPresenter.ask(
            question, ref: ref, order: plan.displayOrder[ref],
            number: asked + (resumedAnswers ?? 0), block: itemIndex + 1,
            blocks: plan.items.count, scenarioTitle: title, timeLeft: timeLeft(at: now))
    }

    mutating func timeUp(at now: Date, lateAnswer: Bool) -> [SessionEvent] {
        let limit = plan.quiz.timeLimit?.value ?? 0
        return [.timeUp(limit: limit, lateAnswerDiscarded: lateAnswer)] + finish(.timedOut, at: now)
    }

    mutating func finish(_ status: AttemptRecord.Status, at now: Date) -> [SessionEvent] {
        phase = .finished
        shown = nil
        let result = QuizScorer.score(plan, responses: responses)
        record.status = status
        record.finishedAt = now
        record.score = result.earned
        record.max = result.max
        record.percent = result.percent
        record.passed = result.passed
        var percents: [String: Double] = [:]
        for (id, score) in result.competencies {
            if let percent = score.percent { percents[id] = percent }
        }
        record.competencies = percents
        let known = competencyOrder.filter { result.competencies[$0] != nil }
        let others = result.competencies.keys.filter { !competencyOrder.contains($0) }.sorted()
        let breakdown = (known + others).compactMap { id in
            result.competencies[id].map { (id: id, score: $0) }
        }
        let revisit = result.answers.filter { $0.score.outcome != .correct }.map {
            RevisitItem(
                ref: $0.ref, prompt: $0.question.prompt, outcome: $0.score.outcome,
                earned: $0.score.earned, max: $0.score.max, explanation: $0.question.explanation)
        }
        let report = SessionReport(
            result: result, record: record, competencies: breakdown, revisit: revisit,
            reviews: reviews, mode: mode, seed: plan.seed)
        return [.finished(report)]
    }

    func startInfo(at now: Date) -> SessionStart {
        SessionStart(
            quizID: plan.quiz.id.value, title: plan.quiz.title,
            description: plan.quiz.description, mode: mode, seed: plan.seed,
            timeLimit: deadline == nil ? nil : plan.quiz.timeLimit?.value,
            timeLeft: resumedAnswers == nil ? nil : timeLeft(at: now),
            passPercent: plan.quiz.passPercent, resumedAnswers: resumedAnswers,
            blocks: plan.items.count)
    }

    func status(at now: Date) -> SessionStatus {
        let earned = record.answers.reduce(0) { $0 + ($1.score ?? 0) }
        let max = record.answers.reduce(0) { $0 + ($1.max ?? 0) }
        return SessionStatus(
            done: record.answers.count, blocksDone: itemIndex, blocks: plan.items.count,
            earned: mode == .practice ? earned : nil, max: mode == .practice ? max : nil,
            timeLeft: timeLeft(at: now))
    }

    func help() -> SessionHelp {
        SessionHelp(
            commands: SessionCommand.allCases.map { (":" + $0.rawValue, $0.summary) },
            instructions: shown?.instructions)
    }
}
