import ArgumentParser
import Foundation
import RehearseBank
import RehearseCheck
import RehearseCore
import RehearseGrading
import RehearseProgress
import RehearseScoring
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
        try SessionClock.validate()
        let reader = LineReaders.make()
        defer { reader.close() }
        let progress = ProgressBridge(flag: global.dataDir)
        let learner = try who.resolve(reader: reader, progress: progress)
        let outcome = try ReviewStarter.review(
            learner: learner, limit: limit, seed: seed, global: global, reader: reader,
            progress: progress)
        try outcome.exit()
    }
}

/// A review session: shared by `review` and the shell.
enum ReviewStarter {
    static func review(
        learner: String, limit: Int, seed: UInt64?, global: GlobalOptions, reader: LineReader,
        progress: ProgressBridge
    ) throws -> RunOutcome {
        let clock = SessionClock.shared
        let loaded = try global.loadBank(then: "Reviewing with what loaded.")
        let state: LearnerProgress
        do {
            state = try progress.load(learner: learner)
        } catch {
            printError("rehearse: \(error)")
            throw ExitCode(2)
        }
        let now = clock.now()
        var memory: [String: ReviewMemory] = [:]
        for (ref, item) in state.items {
            memory[ref] = ReviewMemory(due: item.due, stability: item.stability)
        }
        let planned = ReviewPlanner.plan(
            memory: memory, now: now, bank: loaded.bank, limit: limit)
        let style = TextStyle(color: global.useColor(), width: Console.width())
        if !planned.missing.isEmpty {
            Console.out(
                style.wrap(
                    "\(planned.missing.count) due question\(planned.missing.count == 1 ? " is" : "s are") no longer in the bank and skipped."
                ) + "\n")
        }
        guard !planned.items.isEmpty else {
            var text = "Nothing is due for review, \(learner)."
            if let next = state.items.values.map(\.due).filter({ $0 > now }).min() {
                text += " The next question is due " + Self.describe(next, from: now) + "."
            } else if state.items.isEmpty {
                text += " Practise a quiz first: its answers schedule their questions for review."
            }
            Console.out(style.wrap(text) + "\n")
            return .finished
        }
        Console.out(
            "\n"
                + style.wrap(
                    "\(planned.items.count) question\(planned.items.count == 1 ? "" : "s") to review, weakest competency first. Type :help for the commands."
                ) + "\n")
        var session = ReviewSession(
            items: planned.items, seed: seed ?? UInt64.random(in: 1...999_999))
        let renderer = SessionRenderer(style: style)
        var events = session.start(at: now)
        var failed = false
        var hungUp = false
        while true {
            for event in events where !hungUp { Console.out(renderer.render(event)) }
            if case .scored? = events.first, let review = session.lastReview {
                do {
                    try progress.review(learner: learner, [review])
                } catch {
                    printError("rehearse: cannot save the review: \(error)")
                    failed = true
                }
            }
            if session.finished { break }
            let asked = session.currentAsked
            let input = reader.read(
                prompt: style.prompt("> "),
                completer: { _, word in
                    word.hasPrefix(":") ? SessionCommand.typed : asked?.answerWords ?? []
                }, deadline: nil)
            switch input {
            case .line(let text):
                reader.remember(text)
                events = session.handle(text, at: clock.now())
            case .timeout:
                events = []
            case .end, .interrupt:
                events = session.leave(at: clock.now())
            case .hangup:
                hungUp = true
                events = session.leave(at: clock.now())
            }
        }
        return failed ? .saveFailed : hungUp ? .hangup : .finished
    }

    /// `in 3 days (2026-01-06)`.
    static func describe(_ date: Date, from now: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        let days = Int((date.timeIntervalSince(now) / 86_400).rounded(.up))
        let when = days <= 1 ? "within a day" : "in \(days) days"
        return "\(when) (\(formatter.string(from: date)))"
    }
}
