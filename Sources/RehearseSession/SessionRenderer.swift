import Foundation
import RehearseBank
import RehearseCore
import RehearseScoring

/// The text a session shows for its events: wrapped at word boundaries, with colour and symbols
/// only when the style allows.
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
        case .question(let asked): return question(asked)
        case .unreadable(let error, _):
            return wrap(
                style.yellow("I could not read that: ")
                    + "\(error.message). \(sentence(error.hint))",
                rest: "  ") + "\n"
        case .scored(let feedback): return scored(feedback)
        case .accepted: return style.dim("Answer recorded.") + "\n"
        case .skipped: return style.dim("Skipped: left unanswered.") + "\n"
        case .hint(let hint):
            guard let hint else { return "This question has no hint.\n" }
            return wrap(style.cyan("Hint: ") + hint, rest: "  ") + "\n"
        case .help(let help): return self.help(help)
        case .progress(let status): return progress(status)
        case .unknownCommand(let text, let suggestion):
            let guess = suggestion.map { " (did you mean \($0)?)" } ?? ""
            return "There is no command \(text)\(guess). Type :help for the list.\n"
        case .timeUp(let limit, let late):
            var text =
                style.bold(style.red("Time is up"))
                + ": the \(SessionText.duration(limit)) limit has passed."
            if late { text += " That answer came after the limit and is not counted." }
            text += " The questions left are unanswered."
            return "\n" + wrap(text) + "\n"
        case .finished(let report): return finished(report)
        case .left(let record):
            let count = record.answers.count
            if count == 0 { return "\nYou left \(record.quiz) before answering anything.\n" }
            return "\n"
                + wrap(
                    "You left \(record.quiz) after \(count) answer\(count == 1 ? "" : "s"). "
                        + "Your answers are kept: `rehearse take \(record.quiz) --resume` continues."
                )
                + "\n"
        case .reviewFinished(let summary): return reviewFinished(summary)
        }
    }

    func started(_ start: SessionStart) -> String {
        var lines = [
            "",
            style.bold(start.title)
                + style.dim("  (\(start.quizID), \(start.mode.rawValue), seed \(start.seed))"),
        ]
        if let description = start.description, start.resumedAnswers == nil {
            lines.append(wrap(description))
        }
        var facts = "Pass mark \(SessionText.number(start.passPercent))%."
        if start.mode == .exam {
            facts += " Exam: no feedback until the end."
            if let limit = start.timeLimit {
                facts += " Time limit \(SessionText.duration(limit))."
            }
        } else {
            facts += " Practice: feedback after each answer."
        }
        lines.append(wrap(facts))
        if let resumed = start.resumedAnswers {
            var text = "Resuming: \(resumed) answer\(resumed == 1 ? "" : "s") kept."
            if let left = start.timeLeft { text += " \(SessionText.clock(left)) left." }
            lines.append(wrap(text))
        }
        lines.append(style.dim("Type :help at any question for the commands."))
        return lines.joined(separator: "\n") + "\n"
    }

    func scenario(_ intro: ScenarioIntro) -> String {
        var title = "Scenario: \(intro.title)"
        if let channel = intro.channel { title += " (\(channel))" }
        var lines = ["", style.bold(style.cyan(title))]
        if let customer = intro.customer { lines.append(wrap("Customer: \(customer)")) }
        if let context = intro.context {
            lines.append(wrap(context.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func question(_ asked: AskedQuestion) -> String {
        var header = "Question \(asked.number)"
        if let left = asked.timeLeft {
            header += "  " + style.dim("[\(SessionText.clock(left)) left]")
        }
        var lines = ["", style.bold(header) + "  " + style.dim(asked.ref)]
        lines.append(wrap(asked.prompt))
        for choice in asked.choices {
            lines.append(
                wrap(
                    choice.text, first: "  \(style.bold(choice.id))) ",
                    rest: String(repeating: " ", count: choice.id.count + 4)))
        }
        var instructions = asked.instructions
        if asked.hasHint { instructions += " :hint helps." }
        lines.append(style.dim(wrap(instructions)))
        return lines.joined(separator: "\n") + "\n"
    }

    func scored(_ feedback: AnswerFeedback) -> String {
        let score = feedback.score
        let points =
            "\(SessionText.number(score.earned)) of \(SessionText.number(score.max)) point\(score.max == 1 ? "" : "s")"
        let verdict: String
        switch score.outcome {
        case .correct: verdict = style.green(style.mark("✓ Right", or: "Right"))
        case .partial: verdict = style.yellow(style.mark("◐ Partly right", or: "Partly right"))
        case .wrong, .unanswered: verdict = style.red(style.mark("✗ Not right", or: "Not right"))
        }
        var lines = [verdict + ": " + points + "."]
        for text in feedback.feedback { lines.append(wrap(text, first: "  ")) }
        if let right = feedback.rightAnswer {
            lines.append(wrap("Right answer: " + right, first: "  ", rest: "    "))
        }
        if let explanation = feedback.explanation {
            lines.append(wrap(style.dim("Why: ") + explanation, first: "  ", rest: "  "))
        }
        return lines.joined(separator: "\n") + "\n"
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
        var text =
            "\(status.done) question\(status.done == 1 ? "" : "s") done; part \(min(status.blocksDone + 1, status.blocks)) of \(status.blocks)."
        if let earned = status.earned, let max = status.max {
            text += " \(SessionText.number(earned)) of \(SessionText.number(max)) points so far."
        }
        if let left = status.timeLeft { text += " \(SessionText.clock(left)) left." }
        return wrap(text) + "\n"
    }

    func finished(_ report: SessionReport) -> String {
        let result = report.result
        var lines = [
            "",
            style.bold(
                "Result: \(SessionText.number(result.earned)) of \(SessionText.number(result.max)) points (\(SessionText.number(result.percent.rounded(toPlaces: 1)))%)"
            ),
        ]
        let verdict =
            result.passed
            ? style.green(style.mark("✓ Passed", or: "Passed"))
            : style.red(style.mark("✗ Not passed", or: "Not passed"))
        lines.append(verdict + " (pass mark \(SessionText.number(result.passPercent))%).")
        if result.unanswered > 0 {
            lines.append(
                "\(result.unanswered) question\(result.unanswered == 1 ? "" : "s") unanswered.")
        }
        if !report.competencies.isEmpty {
            lines.append("")
            lines.append(style.bold("By competency"))
            let names = report.competencies.map { competencyTitles[$0.id] ?? $0.id }
            let width = names.map(\.count).max() ?? 0
            for (name, entry) in zip(names, report.competencies) {
                let percent =
                    entry.score.percent.map { "\(SessionText.number($0.rounded(toPlaces: 1)))%" }
                    ?? "-"
                lines.append(
                    "  " + name.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                        + percent.leftPadded(6) + "  "
                        + style.dim(
                            "\(SessionText.number(entry.score.earned)) of \(SessionText.number(entry.score.max))"
                        ))
            }
        }
        if !report.revisit.isEmpty {
            lines.append("")
            lines.append(style.bold("To revisit (\(report.revisit.count))"))
            for item in report.revisit {
                let outcome: String
                switch item.outcome {
                case .unanswered: outcome = "unanswered"
                case .partial: outcome = "partly right"
                default: outcome = "not right"
                }
                lines.append(
                    "  " + item.ref
                        + style.dim(
                            "  \(outcome), \(SessionText.number(item.earned)) of \(SessionText.number(item.max))"
                        ))
                lines.append(
                    wrap(shorten(item.prompt, to: style.width - 4), first: "    "))
            }
        } else {
            lines.append("")
            lines.append("Nothing to revisit: every answer was right.")
        }
        lines.append("")
        lines.append(
            style.dim(
                "Seed \(report.seed): `--seed \(report.seed)` gives the same questions in the same order."
            ))
        return lines.joined(separator: "\n") + "\n"
    }

    func reviewFinished(_ summary: ReviewSummary) -> String {
        var lines = [""]
        if summary.asked == 0 && summary.answered == 0 && !summary.leftEarly {
            return "Nothing is due for review.\n"
        }
        lines.append(
            style.bold(
                "Review: \(summary.answered) answered, \(summary.correct) right, \(SessionText.number(summary.earned)) of \(SessionText.number(summary.max)) points."
            ))
        if summary.leftEarly { lines.append("You stopped early; what you answered is saved.") }
        if !summary.revisit.isEmpty {
            lines.append(style.bold("To revisit (\(summary.revisit.count))"))
            for item in summary.revisit {
                lines.append("  " + item.ref)
                lines.append(
                    wrap(shorten(item.prompt, to: style.width - 4), first: "    "))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Small helpers

    func wrap(_ text: String, first: String = "", rest: String? = nil) -> String {
        style.wrapped(text, first: first, rest: rest)
    }

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

extension Double {
    fileprivate func rounded(toPlaces places: Int) -> Double {
        let factor = pow(10, Double(places))
        return (self * factor).rounded() / factor
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
