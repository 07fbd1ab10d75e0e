import ArgumentParser
import RehearseSession

struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Spaced review of the questions that are due, weakest competency first.",
        discussion: """
            Asks the questions your memory schedule says are due (every practice or review \
            answer schedules its question again), starting with your weakest competency. Each \
            answer is saved at once; leave whenever you like.
            """)

    @OptionGroup var global: GlobalOptions

    @OptionGroup var who: LearnerOption

    @Option(name: .long, help: "Ask at most this many questions.")
    var limit: Int = 20

    @Option(name: .long, help: "Seed for the order of options.")
    var seed: UInt64?

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let terminal = try global.terminal()
        defer { terminal.reader.close() }
        let store = SessionStore(global.progressStore())
        let learner = try who.resolve(reader: terminal.reader, store: store)
        try Self.review(
            learner: learner, limit: limit, seed: seed, global: global, terminal: terminal,
            store: store
        ).exit()
    }

    /// Plans and runs the review: shared by `review` and the shell.
    static func review(
        learner: String, limit: Int, seed: UInt64?, global: GlobalOptions,
        terminal: SessionTerminal, store: SessionStore
    ) throws(RehearseError) -> SessionOutcome {
        let loaded = try global.loadBank(then: "Reviewing with what loaded.")
        let starter = ReviewStarter(
            bank: loaded.bank, terminal: terminal, store: store, style: global.style())
        do {
            return try starter.review(learner: learner, limit: limit, seed: seed)
        } catch {
            throw RehearseError(error)
        }
    }
}
