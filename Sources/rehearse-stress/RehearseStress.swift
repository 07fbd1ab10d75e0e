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
        subcommands: [Write.self, Bench.self])
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
}
