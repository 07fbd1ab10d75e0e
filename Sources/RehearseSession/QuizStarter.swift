import Foundation
import RehearseBank
import RehearseCore
import RehearseScoring

/// What the learner asked for when starting a quiz.
public struct QuizRequest: Sendable {
    /// The quiz id.
    public var quiz: String
    /// Overrides the quiz's own mode.
    public var mode: QuizMode?
    /// The seed of a new attempt (random when nil).
    public var seed: UInt64?
    /// Where to write the attempt as JSON too.
    public var recordPath: String?
    /// Continue the unfinished attempt at the quiz, if there is one.
    public var resume: Bool
    /// Stretches an exam's time limit (accessibility); recorded with the attempt. When nil, a
    /// timed exam takes the factor of the learner's profile, if one is set.
    public var timeFactor: Double?

    /// A request for `quiz`; the rest as the options of `take` give it.
    public init(
        quiz: String, mode: QuizMode? = nil, seed: UInt64? = nil, recordPath: String? = nil,
        resume: Bool = false, timeFactor: Double? = nil
    ) {
        self.quiz = quiz
        self.mode = mode
        self.seed = seed
        self.recordPath = recordPath
        self.resume = resume
        self.timeFactor = timeFactor
    }
}

/// Starts (or resumes) an attempt at a quiz of a bank and runs it to its end.
public struct QuizStarter {
    let bankRoot: String
    let terminal: SessionTerminal
    let store: SessionStore
    let style: any SessionStyle

    /// A starter for the bank at `bankRoot`, saving to `store`.
    public init(
        bankRoot: String, terminal: SessionTerminal, store: SessionStore, style: any SessionStyle
    ) {
        self.bankRoot = bankRoot
        self.terminal = terminal
        self.store = store
        self.style = style
    }

    /// Loads the quiz, applies the resume policy and runs the attempt. Throws when it cannot
    /// start: an unknown quiz (usage), a quiz with errors (rejected), an unreadable file (io).
    public func take(_ request: QuizRequest, learner: String) throws(SessionError)
        -> SessionOutcome
    {
        let loaded: LoadedQuiz
        do {
            loaded = try QuizLoader.load(
                quiz: request.quiz, root: bankRoot, index: store.poolIndexPath(bank: bankRoot))
        } catch {
            if case .notFound = error { throw SessionError(.usage, "\(error)") }
            throw SessionError(.io, "\(error)")
        }
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        if let first = errors.first {
            throw SessionError(
                .rejected,
                "the quiz `\(request.quiz)` has \(errors.count) error\(errors.count == 1 ? "" : "s"); `rehearse check` lists them. First: \(first.location.file):\(first.location.line): \(first.message)"
            )
        }
        let session = try session(for: request, learner: learner, loaded: loaded)
        var titles: [String: String] = [:]
        for competency in loaded.bank.competencies { titles[competency.id] = competency.title }
        var driver = SessionDriver(
            session: session, learner: learner, terminal: terminal,
            renderer: SessionRenderer(style: style, competencyTitles: titles), store: store,
            recordPath: request.recordPath)
        return driver.run()
    }

    /// The attempt to run: the unfinished one when the resume policy says so, else a new one.
    func session(for request: QuizRequest, learner: String, loaded: LoadedQuiz)
        throws(SessionError) -> QuizSession
    {
        let quiz = loaded.quiz
        let hash = loaded.bank.contentHash(of: quiz)
        let competencies = loaded.bank.competencies.map(\.id)
        let kept: [AttemptRecord]
        do {
            kept = try store.unfinishedAttempts(learner: learner, quiz: quiz.id.value)
        } catch {
            throw SessionError(.io, "\(error)")
        }
        let saved = kept.last
        if request.resume, kept.count > 1, let saved {
            terminal.output.write(
                "You have \(kept.count) unfinished attempts at \(quiz.id.value); resuming the latest, started \(ISO8601DateFormatter().string(from: saved.startedAt)).\n"
            )
        }
        let policy = ResumePolicy.decide(
            resume: request.resume, seed: request.seed, saved: saved, quiz: quiz.id.value,
            quizHash: hash)
        if let note = policy.note { terminal.output.write(note) }
        if let resuming = policy.resuming {
            let plan = try Self.plan(loaded, seed: resuming.seed)
            return QuizSession(resuming: resuming, plan: plan, competencies: competencies)
        }
        let seed = request.seed ?? UInt64.random(in: 1...999_999)
        var timeFactor = request.timeFactor
        if timeFactor == nil, (request.mode ?? quiz.mode) == .exam, quiz.timeLimit != nil {
            do {
                timeFactor = try store.load(learner: learner).profile?.timeFactor
            } catch {
                throw SessionError(.io, "\(error)")
            }
        }
        return QuizSession(
            plan: try Self.plan(loaded, seed: seed), mode: request.mode, learner: learner,
            attemptID: UUID().uuidString.lowercased(), quizHash: hash,
            competencies: competencies, startedAt: terminal.clock.now(), timeFactor: timeFactor)
    }

    /// The attempt's plan; the scenarios its draws pick are parsed now (and must be clean).
    static func plan(_ loaded: LoadedQuiz, seed: UInt64) throws(SessionError) -> QuizPlan {
        let made: (plan: QuizPlan, bank: Bank, diagnostics: [Diagnostic])
        do {
            made = try loaded.plan(seed: seed)
        } catch {
            throw SessionError(.io, "\(error)")
        }
        if let error = made.diagnostics.first(where: { $0.severity == .error }) {
            throw SessionError(
                .rejected,
                "the quiz `\(loaded.quiz.id.value)` draws a scenario with errors; `rehearse check` lists them. First: \(error.location.file):\(error.location.line): \(error.message)"
            )
        }
        return made.plan
    }
}
