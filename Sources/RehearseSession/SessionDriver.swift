import Foundation
import RehearseCore
import RehearseProgress
import RehearseScoring

/// Runs a session (a quiz attempt or a review) on a terminal: shows its events, reads the
/// learner's lines, and saves as it goes: a quiz's finished attempt to the progress store and
/// `--record`, an unfinished one for `--resume`, a review's answers one by one.
public struct SessionDriver<Session: DrivenSession> {
    /// The session, as far as it went.
    public private(set) var session: Session
    let terminal: SessionTerminal
    let renderer: SessionRenderer
    let store: SessionStore
    let learner: String
    let recordPath: String?

    var hungUp = false
    var failed = false
    var left = false
    /// What the attempt's log holds, so each answer is appended (`UnfinishedLog`).
    var cursor = UnfinishedCursor()
    /// The last checkpoint save failed (reported once, until a save succeeds again).
    var checkpointFailing = false

    /// A driver of `session` for `learner`; `recordPath` also receives the attempt as JSON.
    public init(
        session: Session, learner: String, terminal: SessionTerminal, renderer: SessionRenderer,
        store: SessionStore, recordPath: String? = nil
    ) {
        self.session = session
        self.learner = learner
        self.terminal = terminal
        self.renderer = renderer
        self.store = store
        self.recordPath = recordPath
    }

    /// Runs the session to its end, or until the learner leaves.
    public mutating func run() -> SessionOutcome {
        let clock = terminal.clock
        let reader = terminal.reader
        var events = session.start(at: clock.now())
        var kept = session.answered
        while true {
            show(events)
            if session.answered != kept {
                kept = session.answered
                if let checkpoint = session.checkpoint { keep(checkpoint) }
            }
            guard session.isAsking else { break }
            let asked = session.currentAsked
            let input = reader.read(
                prompt: renderer.style.prompt("> "),
                completer: { _, word in
                    word.hasPrefix(":") ? SessionCommand.typed : asked?.answerWords ?? []
                }, deadline: session.nextAlarm)
            let now = clock.now()
            switch input {
            case .line(let text):
                reader.remember(text)
                events = session.handle(text, at: now)
            case .timeout:
                events = session.checkTime(at: now)
            case .end:
                if reader.isInteractive { terminal.output.write("\n") }
                events = session.leave(at: now)
            case .interrupt:
                events = confirmLeave() ? session.leave(at: clock.now()) : []
                if events.isEmpty {
                    terminal.output.write("Carry on: answer the question above.\n")
                }
            case .hangup:
                hungUp = true
                events = session.leave(at: now)
            }
        }
        if failed { return .saveFailed }
        if hungUp { return .hangup }
        return left ? .left : .finished
    }

    /// Ctrl-C on an empty line: on a terminal, ask first when the session has a question for
    /// it; a script is simply stopped.
    func confirmLeave() -> Bool {
        guard terminal.reader.isInteractive, let question = session.leaveQuestion else {
            return true
        }
        let answer = terminal.reader.read(
            prompt: question, completer: nil, deadline: session.deadline)
        switch answer {
        case .line(let text):
            return ["y", "yes"].contains(text.trimmingCharacters(in: .whitespaces).lowercased())
        case .end, .interrupt, .hangup:
            return true
        case .timeout:
            return false
        }
    }

    /// Shows events (none after a hang-up but the report) and saves what ends the session.
    mutating func show(_ events: [SessionEvent]) {
        for event in events {
            switch event {
            case .finished(let report):
                terminal.output.write(renderer.render(event))
                saveFinished(report)
            case .left(let record):
                // Nothing answered: nothing to resume (an earlier unfinished attempt stays).
                if !record.answers.isEmpty { saveUnfinished(record) }
                if !hungUp { terminal.output.write(renderer.render(event)) }
                left = true
            case .reviewFinished(let summary):
                if !hungUp { terminal.output.write(renderer.render(event)) }
                left = summary.leftEarly
            default:
                if !hungUp { terminal.output.write(renderer.render(event)) }
            }
        }
    }

    mutating func keep(_ checkpoint: SessionCheckpoint) {
        switch checkpoint {
        case .attempt(let record):
            // A failure is shown at once (a full disk must not stay silent until the end); the
            // attempt goes on, and is saved again when it ends.
            do {
                try store.saveUnfinished(record, cursor: &cursor)
                checkpointFailing = false
            } catch {
                if !checkpointFailing {
                    terminal.output.error(
                        "cannot save your answers so far: \(error); carry on, the attempt is saved again at the end"
                    )
                }
                checkpointFailing = true
            }
        case .review(let answer):
            do {
                try store.review(learner: learner, [answer])
            } catch {
                report("cannot save the review: \(error)")
            }
        }
    }

    mutating func saveFinished(_ report: SessionReport) {
        do {
            try store.finish(report.record, reviews: report.reviews)
            let file = store.displayFile(learner: report.record.learner)
            say("Attempt saved to \(file).")
        } catch {
            self.report("cannot save the attempt: \(error)")
        }
        if let recordPath { writeRecord(report.record, to: recordPath) }
    }

    mutating func saveUnfinished(_ record: AttemptRecord) {
        do {
            try store.saveUnfinished(record)
        } catch {
            report("cannot save the unfinished attempt: \(error)")
        }
        if let recordPath { writeRecord(record, to: recordPath) }
    }

    /// `--record FILE`: the attempt as the JSON answer sheet the grader reads (`RecordFile`).
    mutating func writeRecord(_ record: AttemptRecord, to path: String) {
        do throws(OutputFileError) {
            try RecordFile.write(record, to: path)
            say("Attempt recorded in \(TerminalText.sanitizeLine(path)).")
        } catch {
            report("\(error)")
        }
    }

    func say(_ text: String) {
        terminal.output.write(renderer.style.wrapped(text, first: "", rest: nil) + "\n")
    }

    mutating func report(_ message: String) {
        terminal.output.error(message)
        failed = true
    }
}
