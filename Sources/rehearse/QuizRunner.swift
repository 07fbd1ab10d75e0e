import ArgumentParser
import Foundation
import RehearseBank
import RehearseCheck
import RehearseCore
import RehearseGrading
import RehearseProgress
import RehearseScoring
import RehearseSession

/// How a run ended.
enum RunOutcome: Equatable {
    case finished
    case left
    /// The terminal went away (SIGHUP) or we were asked to stop (SIGTERM); the attempt is saved.
    case hangup
    /// Saving failed; the error is shown.
    case saveFailed

    /// Ends the command with this outcome's exit code: 2 when saving failed, 129 on a hang-up.
    func exit() throws {
        switch self {
        case .saveFailed: throw ExitCode(2)
        case .hangup: throw ExitCode(129)
        case .finished, .left: break
        }
    }
}

/// Drives a quiz session on a line reader: shows its events, reads the learner's lines, and saves
/// the attempt (finished ones to the progress store and `--record`, unfinished ones for
/// `--resume`) before saying where.
struct QuizRunner {
    var session: QuizSession
    let reader: LineReader
    let renderer: SessionRenderer
    let progress: ProgressBridge
    let recordPath: String?
    let clock = SessionClock.shared

    mutating func run() -> RunOutcome {
        var events = session.start(at: clock.now())
        var hungUp = false
        var kept = session.record.answers.count
        while true {
            if let outcome = show(events, hungUp: hungUp) { return outcome }
            if session.record.answers.count != kept {
                // Kept after every answer, so even a killed terminal loses nothing.
                kept = session.record.answers.count
                try? progress.saveUnfinished(session.record)
            }
            guard session.phase == .asking else { return .finished }
            let asked = session.currentAsked
            let completer: Completer = { _, word in
                word.hasPrefix(":") ? SessionCommand.typed : asked?.answerWords ?? []
            }
            let input = reader.read(
                prompt: renderer.style.prompt("> "), completer: completer,
                deadline: session.deadline)
            let now = clock.now()
            switch input {
            case .line(let text):
                reader.remember(text)
                events = session.handle(text, at: now)
            case .timeout:
                events = session.checkTime(at: now)
            case .end:
                if reader.isInteractive { Console.out("\n") }
                events = session.leave(at: now)
            case .interrupt:
                events = confirmLeave() ? session.leave(at: clock.now()) : []
                if events.isEmpty { Console.out("Carry on: answer the question above.\n") }
            case .hangup:
                hungUp = true
                events = session.leave(at: now)
            }
        }
    }

    /// Ctrl-C on an empty line: on a terminal, ask first; a script is simply stopped.
    func confirmLeave() -> Bool {
        guard reader.isInteractive else { return true }
        let answer = reader.read(
            prompt: "Leave the quiz? Your answers are kept for --resume. [y/N] ", completer: nil,
            deadline: session.deadline)
        switch answer {
        case .line(let text):
            return ["y", "yes"].contains(text.trimmingCharacters(in: .whitespaces).lowercased())
        case .end, .interrupt, .hangup:
            return true
        case .timeout:
            return false
        }
    }

    /// Saves and shows events; returns how the run ended when the session is over.
    func show(_ events: [SessionEvent], hungUp: Bool) -> RunOutcome? {
        var outcome: RunOutcome?
        for event in events {
            switch event {
            case .finished(let report):
                Console.out(renderer.render(event))
                outcome = save(report)
            case .left(let record):
                // Nothing answered: nothing to resume (an earlier unfinished attempt stays).
                let saved = record.answers.isEmpty || saveUnfinished(record)
                if !hungUp { Console.out(renderer.render(event)) }
                outcome = !saved ? .saveFailed : hungUp ? .hangup : .left
            default:
                if !hungUp { Console.out(renderer.render(event)) }
            }
        }
        return outcome
    }

    func save(_ report: SessionReport) -> RunOutcome {
        var failed = false
        do {
            try progress.finish(report.record, reviews: report.reviews)
            let file = progress.displayFile(learner: report.record.learner)
            Console.out(renderer.style.wrap("Attempt saved to \(file).") + "\n")
        } catch {
            printError("rehearse: cannot save the attempt: \(error)")
            failed = true
        }
        if let recordPath {
            failed = !writeRecord(report.record, to: recordPath) || failed
        }
        return failed ? .saveFailed : .finished
    }

    func saveUnfinished(_ record: AttemptRecord) -> Bool {
        var saved = true
        do {
            try progress.saveUnfinished(record)
        } catch {
            printError("rehearse: cannot save the unfinished attempt: \(error)")
            saved = false
        }
        if let recordPath { saved = writeRecord(record, to: recordPath) && saved }
        return saved
    }

    /// `--record FILE`: the attempt as the JSON answer sheet the grader reads.
    func writeRecord(_ record: AttemptRecord, to path: String) -> Bool {
        do {
            let data = try AttemptRecord.makeEncoder().encode(record)
            try (data + Data("\n".utf8)).write(to: URL(fileURLWithPath: path), options: .atomic)
            Console.out(renderer.style.wrap("Attempt recorded in \(path).") + "\n")
            return true
        } catch {
            printError("rehearse: cannot write \(path): \(error.localizedDescription)")
            return false
        }
    }
}
