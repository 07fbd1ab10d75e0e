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
/// nothing until the end (then the review the quiz allows) and enforces the quiz's time limit:
/// the clock starts when the learner presses Enter, warns at 5 minutes and at 1 minute left, and
/// keeps running when the learner leaves and resumes. Branching scenarios follow the learner's
/// answers through `ScenarioWalk`, and every answer is scored by the one scorer.
public struct QuizSession: Sendable {
    public enum Phase: Sendable, Hashable { case asking, finished, left }

    public let plan: QuizPlan
    public let mode: QuizMode
    /// When an exam's time runs out, if it has a limit and its clock has started.
    public private(set) var deadline: Date?
    /// The exam's time limit in seconds, stretched by the time factor.
    public let limit: Int?
    /// The learner's time factor (`--time-factor`), when one applies.
    public let timeFactor: Double?
    /// The attempt so far (answers in the order given), as it would be saved.
    public internal(set) var record: AttemptRecord
    public internal(set) var phase: Phase = .asking

    let competencyOrder: [String]
    var responses: [String: Response] = [:]
    var itemIndex = 0
    var stepID: String?
    var visitedSteps: Set<String> = []
    var reviews: [ReviewedAnswer] = []
    var shown: AskedQuestion?
    var resumedAnswers: Int?
    /// A scenario was just entered: its opening goes before its first question.
    var enteredScenario = false
    /// A new timed exam waits for Enter before its clock starts.
    var awaitingStart = false
    /// Time warnings already given (seconds left).
    var warned: Set<Int> = []
    /// The scenario in progress so far, for `:repeat`.
    var conversation: [ConversationTurn] = []
    /// The ending the last answer led to, shown before what follows.
    var reachedEnding: (ending: ScenarioEnding, title: String)?

    /// Seconds left at which a timed exam warns.
    public static let warnings = [300, 60]

    /// A new attempt. `mode` overrides the quiz's own; `competencies` gives the order of the
    /// breakdown (the bank's competency ids).
    /// `timeFactor` stretches an exam's time limit (1.5: half as long again) and is recorded
    /// with the attempt. A timed exam's clock starts at the first line (Enter) unless
    /// `clockStarted`.
    public init(
        plan: QuizPlan, mode: QuizMode? = nil, learner: String, attemptID: String,
        quizHash: String, competencies: [String] = Competency.builtIn.map(\.id), startedAt: Date,
        timeFactor: Double? = nil, clockStarted: Bool = false
    ) {
        self.plan = plan
        let mode = mode ?? plan.quiz.mode
        self.mode = mode
        competencyOrder = competencies
        let factor = timeFactor.flatMap { $0.isFinite && $0 > 0 && $0 != 1 ? $0 : nil }
        self.timeFactor = factor
        if mode == .exam, let base = plan.quiz.timeLimit?.value {
            let stretched = (Double(base) * (factor ?? 1)).rounded()
            let limit = stretched < Double(Int32.max) ? Int(stretched) : Int(Int32.max)
            self.limit = limit
            deadline = clockStarted ? startedAt.addingTimeInterval(TimeInterval(limit)) : nil
            awaitingStart = !clockStarted
        } else {
            limit = nil
            deadline = nil
        }
        record = AttemptRecord(
            id: attemptID, learner: learner, quiz: plan.quiz.id.value, quizHash: quizHash,
            mode: mode.rawValue, seed: plan.seed, status: .unfinished, startedAt: startedAt)
        record.timeFactor = factor
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
            startedAt: saved.startedAt, timeFactor: saved.timeFactor, clockStarted: true)
        for answer in saved.answers {
            guard phase == .asking, let (ref, question) = currentQuestion, ref == answer.ref,
                case .success(let response) = AnswerParser.parse(
                    answer.answer, for: question, shown: plan.displayOrder[ref])
            else { break }
            apply(response, to: question, ref: ref, at: answer.answeredAt ?? saved.startedAt)
            advance(after: response)
        }
        reachedEnding = nil
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
        if awaitingStart { return events }
        events += present(at: now, introduce: true)
        return events
    }

    /// A line typed at the current question: an answer or a `:` command.
    public mutating func handle(_ line: String, at now: Date) -> [SessionEvent] {
        guard phase == .asking, let (ref, question) = currentQuestion else { return [] }
        let reading = SessionCommand.read(line)
        if awaitingStart {
            if case .command(.quit) = reading { return leave(at: now) }
            // Enter (or anything typed) starts the clock.
            awaitingStart = false
            record.startedAt = now
            deadline = limit.map { now.addingTimeInterval(TimeInterval($0)) }
            return present(at: now, introduce: true)
        }
        if let deadline, now >= deadline {
            var late = false
            if case .answer(let text) = reading, !text.trimmingSpaces.isEmpty { late = true }
            return timeUp(at: now, lateAnswer: late)
        }
        return warnings(at: now) + handle(reading, ref: ref, question: question, at: now)
    }

    mutating func handle(
        _ reading: SessionCommand.Reading, ref: String, question: Question, at now: Date
    ) -> [SessionEvent] {
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
            return present(at: now, introduce: true, repeating: true)
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
                var told = SessionEvent.accepted(ref: ref)
                if mode == .practice {
                    var feedback = QuestionPresenter.feedback(
                        question, ref: ref, response: response, score: score,
                        order: asked.choices.map(\.id))
                    feedback.runningScore = pointsSoFar
                    told = .scored(feedback)
                }
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

    /// Ends a timed exam whose time ran out while the learner was thinking, or warns when 5
    /// minutes or 1 minute are left.
    public mutating func checkTime(at now: Date) -> [SessionEvent] {
        guard phase == .asking, let deadline else { return [] }
        if now >= deadline { return timeUp(at: now, lateAnswer: false) }
        return warnings(at: now)
    }

    /// When the reader should wake up: the next warning, else the deadline.
    public var nextAlarm: Date? {
        guard phase == .asking, let deadline, let limit else { return nil }
        let pending = Self.warnings.filter { $0 < limit && !warned.contains($0) }
        return pending.map { deadline.addingTimeInterval(-TimeInterval($0)) }.min() ?? deadline
    }

    /// The warnings due at `now`, each given once (the last one crossed only).
    mutating func warnings(at now: Date) -> [SessionEvent] {
        guard let deadline, let limit else { return [] }
        let left = deadline.timeIntervalSince(now)
        let crossed = Self.warnings.filter {
            $0 < limit && Double($0) >= left && !warned.contains($0)
        }
        guard !crossed.isEmpty else { return [] }
        warned.formUnion(crossed)
        return [.timeWarning(secondsLeft: Swift.max(0, Int(left.rounded(.up))))]
    }

    /// Practice: the points so far.
    var pointsSoFar: (earned: Double, max: Double) {
        (
            record.answers.reduce(0) { $0 + ($1.score ?? 0) },
            record.answers.reduce(0) { $0 + ($1.max ?? 0) }
        )
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
        // A skip is a review too (scored 0: due again soon); an exam's count once it ends.
        reviews.append(ReviewedAnswer(ref: ref, score: score, at: at))
        if case .scenario = plan.items[itemIndex] {
            conversation.append(
                ConversationTurn(
                    prompt: question.prompt,
                    reply: QuestionPresenter.shownAnswer(question, response)))
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
            let next = ScenarioWalk.next(after: index, in: scenario, response: response)
            if let next, scenario.step(next) != nil, visitedSteps.insert(next).inserted {
                self.stepID = next
                return
            }
            reachedEnding = next.flatMap { scenario.ending($0) }.map { ($0, scenario.title) }
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
                conversation = []
                return
            }
            itemIndex += 1
        }
    }

    /// The events after an answer: the next question, or the end.
    mutating func next(at now: Date) -> [SessionEvent] {
        var events: [SessionEvent] = []
        if let (ending, title) = reachedEnding {
            events.append(.ending(title: title, text: ending.text))
            reachedEnding = nil
        }
        guard currentQuestion != nil else { return events + finish(.finished, at: now) }
        return events + present(at: now, introduce: enteredScenario)
    }

    /// Shows the current question (and its scenario's opening when `introduce`; with
    /// `repeating`, the learner's earlier replies in the scenario too).
    mutating func present(at now: Date, introduce: Bool, repeating: Bool = false)
        -> [SessionEvent]
    {
        guard let (ref, question) = currentQuestion else { return [] }
        enteredScenario = false
        let asked = ask(ref, question, at: now)
        shown = asked
        var events: [SessionEvent] = []
        if introduce, case .scenario(let scenario) = plan.items[itemIndex] {
            events.append(.scenario(QuestionPresenter.intro(scenario)))
            if repeating, !conversation.isEmpty { events.append(.conversation(conversation)) }
        }
        events.append(.question(asked))
        return events
    }

    func ask(_ ref: String, _ question: Question, at now: Date) -> AskedQuestion {
        var title: String?
        if case .scenario(let scenario) = plan.items[itemIndex] { title = scenario.title }
        let left = QuizLength.remaining(plan.items, from: itemIndex, step: stepID)
        return QuestionPresenter.ask(
            question, ref: ref, order: plan.displayOrder[ref], number: record.answers.count + 1,
            total: (record.answers.count + left.count, left.estimate), scenarioTitle: title,
            timeLeft: timeLeft(at: now))
    }

    mutating func timeUp(at now: Date, lateAnswer: Bool) -> [SessionEvent] {
        [.timeUp(limit: limit ?? 0, lateAnswerDiscarded: lateAnswer)] + finish(.timedOut, at: now)
    }
}
