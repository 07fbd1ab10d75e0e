import ArgumentParser
import Foundation
import RehearseBank
import RehearseCheck
import RehearseCore
import RehearseGrading
import RehearseProgress
import RehearseScoring
import RehearseSession

/// The options of `take`, shared by the command and the shell's `take`.
struct TakeOptions: ParsableArguments {
    @Argument(help: "The quiz id (`rehearse list` shows them).")
    var quiz: String

    @Option(
        name: .long,
        help: ArgumentHelp("Override the quiz's mode.", valueName: "practice|exam"),
        transform: { text in
            guard let mode = QuizMode(rawValue: text.lowercased()) else {
                throw ValidationError("unknown mode '\(text)'; use practice or exam")
            }
            return mode
        })
    var mode: QuizMode?

    @Option(name: .long, help: "Seed for shuffles and draws: the same seed, the same attempt.")
    var seed: UInt64?

    @Option(
        name: .long, help: ArgumentHelp("Also write the attempt as JSON here.", valueName: "FILE"))
    var record: String?

    @Flag(name: .long, help: "Continue your unfinished attempt at this quiz.")
    var resume = false
}

struct Take: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take a quiz.",
        discussion: """
            Practice mode shows the score, feedback and explanation after each answer; exam mode \
            shows nothing until the end and keeps to the quiz's time limit. Inside a quiz type \
            :help for the commands. Ctrl-C on an empty line asks to leave, Ctrl-D leaves; the \
            answers are kept and --resume continues. When standard input is not a terminal, \
            answers are read one per line, so an attempt can be scripted: \
            printf 'a\\n30\\n' | rehearse take week-one --learner sam
            """)

    @OptionGroup var global: GlobalOptions

    @OptionGroup var who: LearnerOption

    @OptionGroup var options: TakeOptions

    func run() throws {
        try SessionClock.validate()
        let reader = LineReaders.make()
        defer { reader.close() }
        let progress = ProgressBridge(flag: global.dataDir)
        let learner = try who.resolve(reader: reader, progress: progress)
        let outcome = try QuizStarter.take(
            options, learner: learner, global: global, reader: reader, progress: progress)
        try outcome.exit()
    }
}

/// Starting (or resuming) an attempt: shared by `take` and the shell.
enum QuizStarter {
    static func take(
        _ options: TakeOptions, learner: String, global: GlobalOptions, reader: LineReader,
        progress: ProgressBridge
    ) throws -> RunOutcome {
        let loaded: LoadedQuiz
        do {
            loaded = try QuizLoader.load(
                quiz: options.quiz, root: global.bankRoot,
                index: progress.poolIndexPath(bank: global.bankRoot))
        } catch {
            printError("rehearse: \(error)")
            if case .notFound = error { throw ExitCode(64) }
            throw ExitCode(2)
        }
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            printError(
                "rehearse: the quiz `\(options.quiz)` has \(errors.count) error\(errors.count == 1 ? "" : "s"); `rehearse check` lists them. First: \(errors[0].location.file):\(errors[0].location.line): \(errors[0].message)"
            )
            throw ExitCode(1)
        }
        let quiz = loaded.quiz
        let hash = loaded.bank.contentHash(of: quiz)
        let competencies = loaded.bank.competencies.map(\.id)
        let now = SessionClock.shared.now()
        var session: QuizSession?
        let saved: AttemptRecord?
        do {
            saved = try progress.unfinished(learner: learner, quiz: quiz.id.value)
        } catch {
            printError("rehearse: \(error)")
            throw ExitCode(2)
        }
        if options.resume {
            if let saved, saved.quizHash == hash {
                if let seed = options.seed, seed != saved.seed {
                    Console.out(
                        "Resuming with the attempt's own seed \(saved.seed), not \(seed).\n")
                }
                let plan = try plan(loaded, seed: saved.seed)
                session = QuizSession(resuming: saved, plan: plan, competencies: competencies)
            } else if saved != nil {
                Console.out(
                    "The quiz has changed since your unfinished attempt; starting a new one.\n")
            } else {
                Console.out("No unfinished attempt at \(quiz.id.value) to resume; starting one.\n")
            }
        } else if let saved {
            Console.out(
                "You have an unfinished attempt at \(quiz.id.value) (\(saved.answers.count) answers); --resume continues it. Starting a new one.\n"
            )
        }
        if session == nil {
            let seed = options.seed ?? UInt64.random(in: 1...999_999)
            let plan = try plan(loaded, seed: seed)
            session = QuizSession(
                plan: plan, mode: options.mode, learner: learner,
                attemptID: UUID().uuidString.lowercased(), quizHash: hash,
                competencies: competencies, startedAt: now)
        }
        guard let session else { return .finished }
        var titles: [String: String] = [:]
        for competency in loaded.bank.competencies { titles[competency.id] = competency.title }
        var runner = QuizRunner(
            session: session, reader: reader,
            renderer: SessionRenderer(
                style: TextStyle(color: global.useColor(), width: Console.width()),
                competencyTitles: titles),
            progress: progress, recordPath: options.record)
        return runner.run()
    }
}

extension QuizStarter {
    /// The attempt's plan; the scenarios its draws pick are parsed now (and must be clean).
    static func plan(_ loaded: LoadedQuiz, seed: UInt64) throws -> QuizPlan {
        let made: (plan: QuizPlan, bank: Bank, diagnostics: [Diagnostic])
        do {
            made = try loaded.plan(seed: seed)
        } catch {
            printError("rehearse: \(error)")
            throw ExitCode(2)
        }
        if let error = made.diagnostics.first(where: { $0.severity == .error }) {
            printError(
                "rehearse: the quiz `\(loaded.quiz.id.value)` draws a scenario with errors; `rehearse check` lists them. First: \(error.location.file):\(error.location.line): \(error.message)"
            )
            throw ExitCode(1)
        }
        return made.plan
    }
}

/// `--learner` for the commands that take or review questions.
struct LearnerOption: ParsableArguments {
    @Option(
        name: .long,
        help:
            "Who is learning (default: $REHEARSE_LEARNER, else asked once on a terminal, else your user name)."
    )
    var learner: String?

    /// The learner (see `LearnerResolver`), with the reader's history switched to theirs.
    func resolve(reader: LineReader, progress: ProgressBridge) throws -> String {
        let id = try LearnerResolver.resolve(flag: learner, reader: reader)
        reader.useHistory(at: progress.historyPath(learner: id))
        return id
    }
}

/// Who is learning: `--learner`, else `$REHEARSE_LEARNER`, else asked once on a terminal; when
/// standard input is not a terminal, the account's user name (`guest` if it is not a valid id).
enum LearnerResolver {
    static func accountLearner() -> String {
        let environment = ProcessInfo.processInfo.environment
        var name = environment["USER"] ?? environment["LOGNAME"] ?? ""
        if name.isEmpty, let entry = getpwuid(getuid()), let login = entry.pointee.pw_name {
            name = String(cString: login)
        }
        if case .success(let id) = LearnerID.normalise(name) { return id }
        return "guest"
    }

    static func resolve(flag: String?, reader: LineReader) throws -> String {
        let environment = ProcessInfo.processInfo.environment["REHEARSE_LEARNER"]
        if let given = flag ?? environment.flatMap({ $0.isEmpty ? nil : $0 }) {
            switch LearnerID.normalise(given) {
            case .success(let id): return id
            case .failure(let error):
                printError("rehearse: \(error)")
                throw ExitCode(64)
            }
        }
        guard reader.isInteractive else {
            // A scripted session cannot be asked (its first line is an answer): it is recorded
            // for the account that runs it, as `printf 'a\n30\n' | rehearse take week-one` expects.
            let id = accountLearner()
            printError(
                "rehearse: no learner given; recording as `\(id)` (give --learner ID or set REHEARSE_LEARNER)."
            )
            return id
        }
        while true {
            let input = reader.read(
                prompt: "Your learner id (your work e-mail will do): ", completer: nil,
                deadline: nil)
            guard case .line(let text) = input else { throw ExitCode(0) }
            switch LearnerID.normalise(text) {
            case .success(let id): return id
            case .failure(let error): Console.out("\(error.reason).\n")
            }
        }
    }
}
