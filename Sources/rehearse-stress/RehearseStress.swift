import ArgumentParser
import Foundation
import RehearseCore
import RehearseProgress

/// Drives the progress store the way the reliability tests and `bench/progress-bench.sh` need:
/// a writer recording attempts until it is killed, and a timer of answer saves. Not shipped
/// with `rehearse`: it writes fabricated attempts.
@main
struct RehearseStress: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rehearse-stress",
        abstract: "Stress and time the progress store (for tests and benchmarks).",
        subcommands: [Write.self, Bench.self, Cohort.self])
}

/// The learner, the data folder and the time the fabricated attempts start at.
struct StoreOptions: ParsableArguments {
    @Argument(help: "The learner id.")
    var learner: String

    @Option(name: .long, help: "The data folder.")
    var dataDir: String

    /// `REHEARSE_NOW`, else the system clock.
    func start() throws -> Date {
        switch RehearseClock.now() {
        case .success(let date): return date
        case .failure(let error): throw ValidationError("\(error)")
        }
    }

    var store: ProgressStore { ProgressStore(directory: dataDir) }
}

extension RehearseStress {
    struct Write: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record attempts one by one; print `saved ID` after each durable save.")

        @OptionGroup var options: StoreOptions

        @Option(name: .long, help: "How many attempts (0: until killed).")
        var count = 0

        @Option(name: .long, help: "The prefix of the attempt ids.")
        var prefix = "p\(getpid())"

        func run() throws {
            try StressRuns.write(
                store: options.store, learner: options.learner, count: count, prefix: prefix,
                start: try options.start())
        }
    }

    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time answer saves with many past attempts on the learner's file.")

        @OptionGroup var options: StoreOptions

        @Option(name: .long, help: "How many answer saves to time.")
        var saves = 500

        @Option(name: .long, help: "Past attempts on file.")
        var history = 1000

        func run() throws {
            try StressRuns.bench(
                store: options.store, learner: options.learner, saves: saves, history: history,
                start: try options.start())
        }
    }

    struct Cohort: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Fill a data folder: N learners with M attempts each, written in grouped cohort writes; print `saved round R` after each round is durable."
        )

        @Option(name: .long, help: "The data folder.")
        var dataDir: String

        @Option(name: .long, help: "How many learners.")
        var learners = 10_000

        @Option(
            name: .long, help: "Attempts per learner (one cohort write per round; 0: until killed)."
        )
        var attempts = 1

        @Option(name: .long, help: "Answers per attempt.")
        var answers = 100

        @Option(name: .long, help: "The prefix of the attempt ids (PREFIX-round-R).")
        var prefix = "cohort"

        func run() throws {
            let start: Date
            switch RehearseClock.now() {
            case .success(let date): start = date
            case .failure(let error): throw ValidationError("\(error)")
            }
            try StressRuns.cohort(
                store: ProgressStore(directory: dataDir), learners: learners, rounds: attempts,
                answers: answers, prefix: prefix, start: start)
        }
    }
}
