import Foundation
import RehearseBank
import RehearseCore
import RehearseScoring

/// The end of a quiz and of a review session.
extension SessionRenderer {
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
        if let factor = report.timeFactor {
            lines.append("Time factor \(SessionText.number(factor)) applied to the time limit.")
        }
        if !report.competencies.isEmpty {
            lines.append("")
            lines.append(style.bold("By competency"))
            let names = report.competencies.map { safe(competencyTitles[$0.id] ?? $0.id) }
            let width = names.map(TerminalText.displayWidth).max() ?? 0
            for (name, entry) in zip(names, report.competencies) {
                let percent =
                    entry.score.percent.map { "\(SessionText.number($0.rounded(toPlaces: 1)))%" }
                    ?? "-"
                let pad = String(repeating: " ", count: width + 2 - TerminalText.displayWidth(name))
                lines.append(
                    "  " + name + pad + percent.leftPadded(6) + "  "
                        + style.dim(
                            "\(SessionText.number(entry.score.earned)) of \(SessionText.number(entry.score.max))"
                        ))
            }
        }
        if report.mode == .exam, report.policy == .score {
            lines.append("")
            lines.append(
                wrap("This exam shows the score only; your trainer can go through it with you."))
        } else if !report.review.isEmpty {
            lines.append("")
            lines.append(style.bold("Review (\(report.review.count) questions)"))
            for (number, item) in report.review.enumerated() {
                lines.append("")
                lines.append(style.bold("\(number + 1).") + " " + style.dim(safe(item.ref)))
                lines.append(wrap(safe(item.prompt), first: "  "))
                lines.append("  " + self.verdict(item.score) + ".")
                lines += details(item, yourAnswer: true)
            }
        } else if !report.revisit.isEmpty {
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
                    "  " + safe(item.ref)
                        + style.dim(
                            "  \(outcome), \(SessionText.number(item.earned)) of \(SessionText.number(item.max))"
                        ))
                lines.append(
                    wrap(shorten(safe(item.prompt), to: style.width - 4), first: "    "))
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
                lines.append("  " + safe(item.ref))
                lines.append(
                    wrap(shorten(safe(item.prompt), to: style.width - 4), first: "    "))
            }
        }
        if summary.stillDue > 0 {
            lines.append(
                "\(summary.stillDue) question\(summary.stillDue == 1 ? " is" : "s are") still due: `review` again to go on."
            )
        } else {
            lines.append("Nothing else is due now.")
        }
        return lines.joined(separator: "\n") + "\n"
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
