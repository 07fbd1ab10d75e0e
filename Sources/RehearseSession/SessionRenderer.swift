import Foundation
import RehearseBank
import RehearseCore
import RehearseScoring

/// The text a session shows for its events: wrapped at word boundaries (colour codes take no
/// width), with colour and symbols only when the style allows. Every string from a bank file or
/// a learner passes through `TerminalText` first: control characters show as visible escapes.
public struct SessionRenderer: Sendable {
    /// How the text is decorated and wrapped.
    public var style: any SessionStyle
    /// Competency titles by id, for the breakdown.
    public var competencyTitles: [String: String]

    /// A renderer in `style`; `competencyTitles` names the competencies of the breakdown.
    public init(style: any SessionStyle, competencyTitles: [String: String] = [:]) {
        self.style = style
        self.competencyTitles = competencyTitles
    }

    /// The text of one event, ending with a newline.
    public func render(_ event: SessionEvent) -> String {
        switch event {
        case .started(let start): return started(start)
        case .scenario(let intro): return scenario(intro)
        case .conversation(let turns): return conversation(turns)
        case .ending(let title, let text):
            return "\n" + wrap(style.dim("\(safe(title)): ") + safe(text)) + "\n"
        case .timeWarning(let left):
            let minutes = SessionText.span(Swift.max(60, (left + 30) / 60 * 60))
            return "\n" + wrap(style.bold(style.yellow("\(minutes) left")) + " in this exam.")
                + "\n"
        case .question(let asked): return question(asked)
        case .unreadable(let error, _):
            return wrap(
                style.yellow("I could not read that: ")
                    + "\(safe(error.message)). \(sentence(safe(error.hint)))",
                rest: "  ") + "\n"
        case .scored(let feedback): return scored(feedback)
        case .accepted: return style.dim("Answer recorded.") + "\n"
        case .skipped: return style.dim("Skipped: left unanswered.") + "\n"
        case .hint(let hint):
            guard let hint else { return "This question has no hint.\n" }
            return wrap(style.cyan("Hint: ") + safe(hint), rest: "  ") + "\n"
        case .help(let help): return self.help(help)
        case .progress(let status): return progress(status)
        case .unknownCommand(let text, let suggestion):
            let guess = suggestion.map { " (did you mean \($0)?)" } ?? ""
            return "There is no command \(safe(text))\(guess). Type :help for the list.\n"
        case .timeUp(let limit, let late):
            var text =
                style.bold(style.red("Time is up"))
                + ": the time limit of \(SessionText.span(limit)) has passed."
            if late { text += " That answer came after the limit and is not counted." }
            text += " The questions left are unanswered."
            return "\n" + wrap(text) + "\n"
        case .finished(let report): return finished(report)
        case .left(let record):
            let count = record.answers.count
            let quiz = safe(record.quiz)
            if count == 0 { return "\nYou left \(quiz) before answering anything.\n" }
            return "\n"
                + wrap(
                    "You left \(quiz) after \(count) answer\(count == 1 ? "" : "s"). "
                        + "Your answers are kept: `rehearse take \(quiz) --resume` continues."
                )
                + "\n"
        case .reviewFinished(let summary): return reviewFinished(summary)
        }
    }

    func started(_ start: SessionStart) -> String {
        var lines = [
            "",
            style.bold(safe(start.title))
                + style.dim(
                    "  (\(safe(start.quizID)), \(start.mode.rawValue), seed \(start.seed))"),
        ]
        if let description = start.description, start.resumedAnswers == nil {
            lines.append(wrap(safe(description)))
        }
        let count = start.totalIsEstimate ? "About \(start.total)" : "\(start.total)"
        var facts =
            "\(count) question\(start.total == 1 ? "" : "s"). Pass mark \(SessionText.number(start.passPercent))%."
        if start.mode == .exam {
            facts += " Exam: no feedback until the end."
        } else {
            facts += " Practice: feedback after each answer."
        }
        lines.append(wrap(facts))
        if let limit = start.timeLimit {
            var text = "Time limit: \(SessionText.span(limit))"
            if let factor = start.timeFactor {
                text += " (your time factor \(SessionText.number(factor)) included)"
            }
            text +=
                "."
                + (start.resumedAnswers == nil
                    ? " You are warned 5 minutes and 1 minute before the end." : "")
            lines.append(wrap(text))
        }
        if let resumed = start.resumedAnswers {
            var text = "Resuming: \(resumed) answer\(resumed == 1 ? "" : "s") kept."
            if let left = start.timeLeft { text += " \(SessionText.clock(left)) left." }
            lines.append(wrap(text))
        }
        lines.append(style.dim("Type :help at any question for the commands."))
        if start.startsOnEnter {
            lines.append(style.bold("Press Enter to start the clock."))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func scenario(_ intro: ScenarioIntro) -> String {
        var title = "Scenario: \(safe(intro.title))"
        if let channel = intro.channel { title += " (\(channel))" }
        var lines = ["", style.bold(style.cyan(title))]
        if let customer = intro.customer { lines.append(wrap("Customer: \(safe(customer))")) }
        if let context = intro.context {
            lines.append(wrap(safe(context.trimmingCharacters(in: .whitespacesAndNewlines))))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func conversation(_ turns: [ConversationTurn]) -> String {
        var lines = ["", style.dim("So far:")]
        for turn in turns {
            lines.append(wrap(safe(turn.prompt), first: "  "))
            let reply = turn.reply.isEmpty ? style.dim("(skipped)") : safe(turn.reply)
            lines.append(wrap(reply, first: "  " + style.bold("You: "), rest: "       "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func question(_ asked: AskedQuestion) -> String {
        let total = SessionText.count(asked.total, estimate: asked.totalIsEstimate)
        var header = "Question \(asked.number) of \(total)"
        if let left = asked.timeLeft {
            header += "  " + style.dim("[\(SessionText.clock(left)) left]")
        }
        var lines = ["", style.bold(header) + "  " + style.dim(safe(asked.ref))]
        lines.append(wrap(safe(asked.prompt)))
        for choice in asked.choices {
            let id = safe(choice.id)
            lines.append(
                wrap(
                    safe(choice.text), first: "  \(style.bold(id))) ",
                    rest: String(repeating: " ", count: TerminalText.displayWidth(id) + 4)))
        }
        var instructions = safe(asked.instructions)
        if asked.hasHint { instructions += " :hint helps." }
        lines.append(style.dim(wrap(instructions)))
        return lines.joined(separator: "\n") + "\n"
    }

    func scored(_ feedback: AnswerFeedback) -> String {
        var first = verdict(feedback.score) + "."
        if let running = feedback.runningScore {
            first +=
                " "
                + style.dim(
                    "Score so far: \(SessionText.number(running.earned)) of \(SessionText.number(running.max))."
                )
        }
        return ([wrap(first)] + details(feedback, yourAnswer: false)).joined(separator: "\n") + "\n"
    }

    /// `✓ Right: 1 of 1 point`.
    func verdict(_ score: QuestionScore) -> String {
        let points =
            "\(SessionText.number(score.earned)) of \(SessionText.number(score.max)) point\(score.max == 1 ? "" : "s")"
        switch score.outcome {
        case .correct: return style.green(style.mark("✓ Right", or: "Right")) + ": " + points
        case .partial:
            return style.yellow(style.mark("◐ Partly right", or: "Partly right")) + ": " + points
        case .wrong: return style.red(style.mark("✗ Not right", or: "Not right")) + ": " + points
        case .unanswered:
            return style.red(style.mark("✗ Unanswered", or: "Unanswered")) + ": " + points
        }
    }

    /// The answer's labelled feedback, the right answer and the explanation, indented.
    func details(_ feedback: AnswerFeedback, yourAnswer: Bool) -> [String] {
        var lines: [String] = []
        if yourAnswer {
            let answer = feedback.answer.isEmpty ? style.dim("(none)") : safe(feedback.answer)
            lines.append(wrap("Your answer: " + answer, first: "  ", rest: "    "))
        }
        for item in feedback.feedback {
            let label = item.id.map { style.bold(safe($0)) + ") " } ?? ""
            let indent = item.id.map {
                String(repeating: " ", count: TerminalText.displayWidth(safe($0)) + 4)
            }
            lines.append(wrap(label + safe(item.text), first: "  ", rest: indent ?? "  "))
        }
        if let right = feedback.rightAnswer {
            lines.append(wrap("Right answer: " + safe(right), first: "  ", rest: "    "))
        }
        if let explanation = feedback.explanation {
            lines.append(wrap(style.dim("Why: ") + safe(explanation), first: "  ", rest: "  "))
        }
        return lines
    }

    func help(_ help: SessionHelp) -> String {
        var lines = ["Commands:"]
        let width = help.commands.map(\.command.count).max() ?? 0
        for (command, summary) in help.commands {
            lines.append(
                wrap(
                    summary,
                    first: "  " + command.padding(toLength: width + 2, withPad: " ", startingAt: 0),
                    rest: String(repeating: " ", count: width + 4)))
        }
        lines.append(
            wrap(
                "Ctrl-C on an empty line asks to leave; Ctrl-D leaves. Either way your answers are kept.",
                first: "  "))
        if let instructions = help.instructions {
            lines.append(wrap("This question: " + instructions))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func progress(_ status: SessionStatus) -> String {
        let total = SessionText.count(status.total, estimate: status.totalIsEstimate)
        var text = "\(status.done) of \(total) questions done."
        if let earned = status.earned, let max = status.max {
            text += " \(SessionText.number(earned)) of \(SessionText.number(max)) points so far."
        }
        if let left = status.timeLeft { text += " \(SessionText.clock(left)) left." }
        return wrap(text) + "\n"
    }

    // MARK: Small helpers

    func wrap(_ text: String, first: String = "", rest: String? = nil) -> String {
        style.wrapped(text, first: first, rest: rest)
    }

    /// Text from a bank file, a progress record or the learner, safe on a terminal.
    func safe(_ text: String) -> String { TerminalText.sanitize(text) }

    func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        let capital = first.uppercased() + text.dropFirst()
        return capital.hasSuffix(".") ? capital : capital + "."
    }

    func shorten(_ text: String, to limit: Int) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > limit else { return flat }
        let cut = flat.prefix(limit - 1)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atWord + "…"
    }
}
