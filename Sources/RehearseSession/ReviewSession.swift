import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// A spaced-review session as a pure state machine: due questions one after another, each
/// answered with practice feedback and returned as a review for the learner's memory state.
public struct ReviewSession: Sendable {
    public let items: [ReviewItem]
    public private(set) var finished = false
    /// Answers scored so far, each a review to store.
    public private(set) var reviews: [ReviewedAnswer] = []

    var index = 0
    var earned = 0.0
    var max = 0.0
    var revisit: [RevisitItem] = []
    var shown: AskedQuestion?
    var lastScenario: String?
    let seed: UInt64
    /// Questions due that this session does not ask (beyond its limit).
    let notAsked: Int

    /// `seed` mixes the options of each question the same way for the same seed; `notAsked`
    /// counts the due questions left out (beyond the limit), for "N still due".
    public init(items: [ReviewItem], seed: UInt64, notAsked: Int = 0) {
        self.items = items
        self.seed = seed
        self.notAsked = notAsked
    }

    public mutating func start(at now: Date) -> [SessionEvent] {
        guard !items.isEmpty else { return end(leftEarly: false) }
        return present(introduce: true)
    }

    /// A line typed at the current question.
    public mutating func handle(_ line: String, at now: Date) -> [SessionEvent] {
        guard !finished, index < items.count else { return [] }
        let item = items[index]
        switch SessionCommand.read(line) {
        case .unknown(let text, let suggestion):
            return [.unknownCommand(text, suggestion: suggestion)]
        case .command(.hint):
            return [.hint(item.question.hint)]
        case .command(.skip):
            index += 1
            return [.skipped(ref: item.ref)] + next()
        case .command(.repeat):
            return present(introduce: true)
        case .command(.progress):
            return [
                .progress(
                    SessionStatus(
                        done: index, total: items.count, totalIsEstimate: false,
                        earned: earned, max: max, timeLeft: nil))
            ]
        case .command(.help):
            return [
                .help(
                    SessionHelp(
                        commands: SessionCommand.allCases.map { (":" + $0.rawValue, $0.summary) },
                        instructions: shown?.instructions))
            ]
        case .command(.quit):
            return end(leftEarly: true)
        case .answer(let text):
            let asked = shown ?? ask(item)
            switch AnswerParser.parse(text, for: item.question, shown: asked.choices.map(\.id)) {
            case .failure(let error):
                return [.unreadable(error, asked)]
            case .success(nil):
                let empty = AnswerError(
                    "no answer given", hint: "type your answer, or :skip to leave it for later")
                return [.unreadable(empty, asked)]
            case .success(let response?):
                let score = QuestionScorer.score(response, for: item.question)
                reviews.append(
                    ReviewedAnswer(
                        ref: item.ref, score: score, at: now, competencies: item.competencies))
                earned += score.earned
                max += score.max
                if score.outcome != .correct {
                    revisit.append(
                        RevisitItem(
                            ref: item.ref, prompt: item.question.prompt, outcome: score.outcome,
                            earned: score.earned, max: score.max,
                            explanation: item.question.explanation))
                }
                index += 1
                var feedback = QuestionPresenter.feedback(
                    item.question, ref: item.ref, response: response, score: score,
                    order: asked.choices.map(\.id))
                feedback.runningScore = (earned, max)
                return [.scored(feedback)] + next()
            }
        }
    }

    /// Ctrl-C, Ctrl-D or a closed terminal: what was reviewed stays reviewed.
    public mutating func leave(at now: Date) -> [SessionEvent] {
        guard !finished else { return [] }
        return end(leftEarly: true)
    }

    /// The question waiting for an answer.
    public var currentAsked: AskedQuestion? { finished ? nil : shown }

    /// The review that the answer just given produced (the last one), to store at once.
    public var lastReview: ReviewedAnswer? { reviews.last }

    mutating func next() -> [SessionEvent] {
        guard index < items.count else { return end(leftEarly: false) }
        return present(introduce: items[index].scenario?.id.value != lastScenario)
    }

    mutating func present(introduce: Bool) -> [SessionEvent] {
        let item = items[index]
        var events: [SessionEvent] = []
        if introduce, let scenario = item.scenario {
            events.append(.scenario(QuestionPresenter.intro(scenario)))
        }
        lastScenario = item.scenario?.id.value
        let asked = ask(item)
        shown = asked
        events.append(.question(asked))
        return events
    }

    func ask(_ item: ReviewItem) -> AskedQuestion {
        var order: [String]?
        var generator = SeededGenerator(seed: seed &+ UInt64(index))
        switch item.question.body {
        case .choice(let options), .multi(let options, _):
            order = generator.shuffled(options.map(\.id.value))
        case .order(let entries, _):
            let key = entries.map(\.id.value)
            var mixed = generator.shuffled(key)
            if mixed == key, mixed.count > 1 { mixed = Array(mixed.dropFirst()) + [mixed[0]] }
            order = mixed
        default:
            break
        }
        return QuestionPresenter.ask(
            item.question, ref: item.ref, order: order, number: index + 1,
            total: (items.count, false), scenarioTitle: item.scenario?.title, timeLeft: nil)
    }

    mutating func end(leftEarly: Bool) -> [SessionEvent] {
        finished = true
        shown = nil
        let correct = reviews.filter { $0.score.outcome == .correct }.count
        return [
            .reviewFinished(
                ReviewSummary(
                    asked: Swift.min(index + (leftEarly ? 1 : 0), items.count),
                    answered: reviews.count, correct: correct, earned: earned, max: max,
                    revisit: revisit, leftEarly: leftEarly,
                    stillDue: items.count - reviews.count + notAsked))
        ]
    }
}
