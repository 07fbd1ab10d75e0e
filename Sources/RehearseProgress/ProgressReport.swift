import Foundation
import RehearseBank
import RehearseCore
import RehearseScoring

/// A learner's dashboard: attempts per quiz, mastery per competency, reviews due.
public struct ProgressReport: Sendable, Codable, Hashable {
    /// One quiz: how the learner's attempts went.
    public struct QuizLine: Sendable, Codable, Hashable {
        public var quiz: String
        /// Attempts that reached an end (finished or timed out).
        public var attempts: Int
        /// Attempts left before the end.
        public var unfinished: Int
        /// Best and last percent (0-100) of the ended attempts.
        public var best: Double?
        public var last: Double?
        /// Last minus the one before, in percentage points; nil with fewer than two attempts.
        public var trend: Double?
        /// Whether any attempt passed.
        public var passed: Bool
        public var lastAttempt: Date?
        /// The time factor of the latest ended attempt, when one stretched its limit.
        public var timeFactor: Double? = nil
    }

    /// One competency: mastery 0-100 as `Mastery` defines it (the latest ended attempt of each
    /// quiz, and the latest review answers).
    public struct CompetencyLine: Sendable, Codable, Hashable {
        public var competency: String
        public var mastery: Double
    }

    /// One question ref in review: when it is due.
    public struct DueLine: Sendable, Codable, Hashable {
        public var ref: String
        public var due: Date
        public var stability: Double
    }

    public var learner: String
    public var asOf: Date
    public var quizzes: [QuizLine]
    public var competencies: [CompetencyLine]
    /// Refs due now, most overdue first.
    public var dueNow: [DueLine]
    /// Refs due later, soonest first.
    public var upcoming: [DueLine]
    /// Quizzes with an attempt saved in progress (resumable).
    public var inProgress: [String]
    /// The time factor of the learner's profile, which stretches every timed exam.
    public var timeFactor: Double? = nil

    public init(_ progress: LearnerProgress, inProgress: [String] = [], at now: Date) {
        learner = progress.learner
        asOf = now
        timeFactor = progress.profile?.timeFactor
        var byQuiz: [String: [AttemptRecord]] = [:]
        for attempt in progress.attempts { byQuiz[attempt.quiz, default: []].append(attempt) }
        var quizzes: [QuizLine] = []
        for (quiz, attempts) in byQuiz {
            let ended = attempts.filter { $0.status != .unfinished }
                .sorted { ($0.finishedAt ?? $0.startedAt) < ($1.finishedAt ?? $1.startedAt) }
            let percents = ended.compactMap(\.percent)
            let trend =
                percents.count >= 2
                ? percents[percents.count - 1] - percents[percents.count - 2] : nil
            quizzes.append(
                QuizLine(
                    quiz: quiz, attempts: ended.count, unfinished: attempts.count - ended.count,
                    best: percents.max(), last: percents.last, trend: trend,
                    passed: ended.contains { $0.passed == true },
                    lastAttempt: attempts.map { $0.finishedAt ?? $0.startedAt }.max(),
                    timeFactor: ended.last?.timeFactor))
        }
        self.quizzes = quizzes.sorted { $0.quiz < $1.quiz }
        competencies = Mastery.byCompetency(progress).map { competency, mastery in
            CompetencyLine(competency: competency, mastery: mastery)
        }.sorted { $0.competency < $1.competency }
        let line = { (ref: String) -> DueLine in
            let state = progress.items[ref]
            return DueLine(ref: ref, due: state?.due ?? now, stability: state?.stability ?? 0)
        }
        dueNow = progress.due(at: now).map(line)
        upcoming = progress.upcoming(after: now).map(line)
        self.inProgress = inProgress.sorted()
    }

    /// The mean mastery over competencies, nil when none was measured.
    public var meanMastery: Double? {
        competencies.isEmpty
            ? nil : competencies.map(\.mastery).reduce(0, +) / Double(competencies.count)
    }

    /// The latest attempt of any quiz.
    public var lastActivity: Date? { quizzes.compactMap(\.lastAttempt).max() }
}

/// One learner's row in the trainer's summary of a data folder.
public struct LearnerSummary: Sendable, Codable, Hashable {
    public var learner: String
    /// Ended attempts.
    public var attempts: Int
    /// Quizzes with at least one ended attempt.
    public var quizzes: Int
    public var quizzesPassed: Int
    public var lastActivity: Date?
    public var mastery: Double?
    public var dueNow: Int
    /// Why the learner's file could not be read, when it could not.
    public var error: String?

    public init(_ report: ProgressReport) {
        learner = report.learner
        attempts = report.quizzes.map(\.attempts).reduce(0, +)
        quizzes = report.quizzes.filter { $0.attempts > 0 }.count
        quizzesPassed = report.quizzes.filter(\.passed).count
        lastActivity = report.lastActivity
        mastery = report.meanMastery
        dueNow = report.dueNow.count
        error = nil
    }

    public init(unreadable learner: String, error: ProgressError) {
        self.learner = learner
        attempts = 0
        quizzes = 0
        quizzesPassed = 0
        lastActivity = nil
        mastery = nil
        dueNow = 0
        self.error = error.description
    }
}

extension ProgressStore {
    /// The dashboard of a learner at a time, counting the unfinished attempts saved aside.
    public func report(learner: String, at now: Date) throws(ProgressError) -> ProgressReport {
        let progress = try load(learner: learner)
        let names = (try? entries(of: unfinishedFolder(progress.learner))) ?? []
        // `QUIZ~ATTEMPT.log`, or `QUIZ.json` of an older build.
        let saved = Set(
            names.filter(Self.isInProgressFile).map { name in
                name.hasSuffix(".json")
                    ? String(name.dropLast(5)) : String(name.prefix { $0 != "~" })
            })
        return ProgressReport(progress, inProgress: Array(saved), at: now)
    }
}
