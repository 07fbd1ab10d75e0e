import Foundation
import RehearseBank
import RehearseCore
import RehearseProgress
import RehearseScoring

/// Plans a spaced review of the questions due for a learner and runs it to its end.
public struct ReviewStarter {
    let bank: Bank
    let terminal: SessionTerminal
    let store: SessionStore
    let renderer: SessionRenderer

    /// A starter reviewing questions of `bank`, saving to `store`.
    public init(
        bank: Bank, terminal: SessionTerminal, store: SessionStore, style: any SessionStyle
    ) {
        self.bank = bank
        self.terminal = terminal
        self.store = store
        renderer = SessionRenderer(style: style)
    }

    /// Asks at most `limit` due questions, the options mixed by `seed` (random when nil).
    /// Throws when the learner's progress cannot be read.
    public func review(learner: String, limit: Int, seed: UInt64?) throws(SessionError)
        -> SessionOutcome
    {
        let state: LearnerProgress
        do {
            state = try store.load(learner: learner)
        } catch {
            throw SessionError(.io, "\(error)")
        }
        let now = terminal.clock.now()
        var memory: [String: ReviewMemory] = [:]
        for (ref, item) in state.items {
            memory[ref] = ReviewMemory(due: item.due, stability: item.stability)
        }
        // The order the dashboard's mastery gives: the weakest competency first.
        let mastery = Mastery.byCompetency(state)
        let planned = ReviewPlanner.plan(
            memory: memory, mastery: mastery, now: now, bank: bank, limit: limit)
        let due = ReviewPlanner.plan(memory: memory, now: now, bank: bank).items.count
        if !planned.missing.isEmpty {
            let count = planned.missing.count
            say(
                "\(count) due question\(count == 1 ? " is" : "s are") no longer in the bank and skipped."
            )
        }
        guard !planned.items.isEmpty else {
            say(Self.nothingDue(learner: learner, state: state, now: now))
            return .finished
        }
        let count = planned.items.count
        terminal.output.write("\n")
        say(
            "\(count) question\(count == 1 ? "" : "s") to review, weakest competency first. Type :help for the commands."
        )
        var driver = SessionDriver(
            session: ReviewSession(
                items: planned.items, seed: seed ?? UInt64.random(in: 1...999_999),
                notAsked: due - planned.items.count),
            learner: learner, terminal: terminal, renderer: renderer, store: store)
        return driver.run()
    }

    /// What to say when nothing is due: when the next question is, or how to get some.
    static func nothingDue(learner: String, state: LearnerProgress, now: Date) -> String {
        var text = "Nothing is due for review, \(learner)."
        if let next = state.items.values.map(\.due).filter({ $0 > now }).min() {
            text += " The next question is due " + describe(next, from: now) + "."
        } else if state.items.isEmpty {
            text += " Practise a quiz first: its answers schedule their questions for review."
        }
        return text
    }

    /// `in 3 days (2026-01-06)`.
    static func describe(_ date: Date, from now: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return "\(RelativeTime.phrase(date, from: now)) (\(formatter.string(from: date)))"
    }

    func say(_ text: String) {
        terminal.output.write(renderer.style.wrapped(text, first: "", rest: nil) + "\n")
    }
}
