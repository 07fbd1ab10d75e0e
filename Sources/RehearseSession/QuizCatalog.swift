import RehearseBank
import RehearseCore
import RehearseScoring

/// The overview `list` shows a learner: the quizzes they can take, with how many questions
/// they really answer (best paths through branching scenarios, "about" when a draw or a branch
/// makes it an estimate); the scenarios only when asked for.
public enum QuizCatalog {
    /// The table of quizzes (and with `scenarios`, of scenarios), fitting `width` columns when
    /// given. Ids, titles and competencies are shown through `TerminalText`.
    public static func render(_ bank: Bank, scenarios: Bool = false, width: Int? = nil) -> String {
        var out = ""
        let quizzes = bank.quizzes.sorted { $0.id.value < $1.id.value }
        out += "Quizzes (\(quizzes.count))\n"
        var rows = [["ID", "MODE", "QUESTIONS", "PASS", "TITLE", "COMPETENCIES"]]
        for quiz in quizzes {
            let length = QuizLength.of(quiz, in: bank)
            var mode = quiz.mode.rawValue
            if quiz.mode == .exam, let limit = quiz.timeLimit?.value {
                mode +=
                    " \(SessionText.span(limit).replacingOccurrences(of: " minutes", with: " min"))"
            }
            rows.append([
                quiz.id.value, mode, SessionText.count(length.count, estimate: length.estimate),
                "\(format(quiz.passPercent))%", quiz.title,
                BankCatalog.competencies(of: quiz, in: bank).joined(separator: ", "),
            ])
        }
        out += table(rows, rightAligned: [2, 3], width: width)
        guard scenarios else {
            let count = bank.scenarios.count
            if count > 0 {
                let note =
                    "`take QUIZ` starts one. (\(count) scenario\(count == 1 ? "" : "s") in the bank: `list --all` shows them.)"
                out +=
                    "\n" + TextWrap.lines(note, width: width ?? Int.max).joined(separator: "\n")
                    + "\n"
            }
            return out
        }
        let all = bank.scenarios.sorted { $0.id.value < $1.id.value }
        out += "\nScenarios (\(all.count)): played inside quizzes\n"
        rows = [["ID", "CHANNEL", "STEPS", "MAX", "TITLE", "COMPETENCIES"]]
        for scenario in all {
            let path = QuizLength.bestPath(scenario)
            let steps =
                path.branches
                ? "\(path.steps) of \(scenario.steps.count)" : "\(scenario.steps.count)"
            rows.append([
                scenario.id.value, scenario.channel?.rawValue ?? "-", steps,
                scenario.maxPoints.map(format) ?? "-", scenario.title,
                ordered(BankCatalog.competencies(of: scenario), bank).joined(separator: ", "),
            ])
        }
        out += table(rows, rightAligned: [2, 3], width: width)
        return out
    }

    static func ordered(_ ids: Set<String>, _ bank: Bank) -> [String] {
        let known = bank.competencies.map(\.id).filter(ids.contains)
        return known + ids.subtracting(known).sorted()
    }

    /// The table; when it is wider than `width`, columns are left out (competencies, then the
    /// fourth and the second: pass mark and mode, or max and channel) before the rest is
    /// wrapped, so ids and titles stay readable. Ids are what a learner types: never wrapped.
    static func table(_ rows: [[String]], rightAligned: Set<Int>, width: Int?) -> String {
        var cells = rows.map { $0.map(TerminalText.sanitizeLine) }
        var aligned = rightAligned
        let idWidth = cells.map { TerminalText.displayWidth($0.first ?? "") }.max() ?? 0
        var table = TextTable(rightAligned: aligned, minimumWidths: [0: idWidth])
        // The width needed with titles wrapped to 20 columns.
        func natural() -> Int {
            let title = cells.first?.firstIndex(of: "TITLE")
            let narrowed = cells.map { row in
                row.enumerated().map {
                    $0.offset == title ? String($0.element.prefix(20)) : $0.element
                }
            }
            return table.lines(narrowed).map { TerminalText.displayWidth($0.text) }.max() ?? 0
        }
        if let width {
            for column in [5, 3, 1] where natural() > width {
                cells = cells.map { row in
                    row.enumerated().filter { $0.offset != column }.map(\.element)
                }
                aligned = Set(
                    aligned.compactMap { $0 == column ? nil : ($0 > column ? $0 - 1 : $0) })
                table = TextTable(rightAligned: aligned, minimumWidths: [0: idWidth])
            }
        }
        return table.render(cells, width: width)
    }
}
