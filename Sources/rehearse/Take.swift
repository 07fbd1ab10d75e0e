import ArgumentParser
import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseSession

/// The options of `take`, shared by the command and the shell's `take`.
struct TakeOptions: ParsableArguments {
    @Argument(help: "The quiz id (`rehearse list` shows them).")
    var quiz: String

    @Option(
        name: .long,
        help: ArgumentHelp("Override the quiz's mode.", valueName: "practice|exam"))
    var mode: QuizMode?

    @Option(name: .long, help: "Seed for shuffles and draws: the same seed, the same attempt.")
    var seed: UInt64?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also write the attempt as JSON here (a plain file: an earlier recording is replaced, any other file is refused).",
            valueName: "FILE"))
    var record: String?

    @Flag(name: .long, help: "Continue your unfinished attempt at this quiz.")
    var resume = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Stretch an exam's time limit for accessibility (1.5: half as long again; 1 to 4); recorded with the attempt. Without it, the learner's profile sets it.",
            valueName: "FACTOR"))
    var timeFactor: Double?

    /// A bad `--time-factor`, or a `--record` path the attempt could not be written at, is
    /// refused before the quiz starts.
    func validate() throws {
        let factors = LearnerProfile.timeFactors
        if let timeFactor, !(timeFactor.isFinite && factors.contains(timeFactor)) {
            throw ValidationError(
                "--time-factor must be a number from \(format(factors.lowerBound)) to \(format(factors.upperBound)), e.g. 1.5"
            )
        }
        if let record {
            do throws(OutputFileError) {
                try RecordFile.check(record)
            } catch {
                throw ValidationError("--record: \(error)")
            }
        }
    }

    /// What the session library is asked for.
    var request: QuizRequest {
        QuizRequest(
            quiz: quiz, mode: mode, seed: seed, recordPath: record, resume: resume,
            timeFactor: timeFactor)
    }
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
        let terminal = try global.terminal()
        defer { terminal.reader.close() }
        let store = SessionStore(global.progressStore())
        let learner = try who.resolve(reader: terminal.reader, store: store)
        try Self.take(options, learner: learner, global: global, terminal: terminal, store: store)
            .exit()
    }

    /// Starts (or resumes) the attempt and runs it: shared by `take` and the shell.
    static func take(
        _ options: TakeOptions, learner: String, global: GlobalOptions, terminal: SessionTerminal,
        store: SessionStore
    ) throws(RehearseError) -> SessionOutcome {
        let starter = QuizStarter(
            bankRoot: global.bankRoot, terminal: terminal, store: store, style: global.style())
        do {
            return try starter.take(options.request, learner: learner)
        } catch {
            throw RehearseError(error)
        }
    }
}
