import RehearseBank
import RehearseCore

/// Writes a quiz as GIFT (the mapping table in docs/interop.md). What GIFT cannot hold is
/// written in its nearest form with a `// rehearse:` comment, and listed in the notes.
public enum GiftExporter {
    /// The GIFT text of `plan`.
    public static func export(_ plan: ExportPlan) -> ExportResult {
        var out = "// Exported by rehearse export from the quiz \(plan.quizID).\n\n"
        var notes = plan.notes
        var category: String?
        for entry in plan.entries {
            let wanted = entry.scenario.map { "\(plan.quizID)/\($0)" } ?? plan.quizID
            if wanted != category {
                out += "$CATEGORY: \(wanted)\n\n"
                category = wanted
            }
            var entryNotes = entry.notes
            out += questions(entry, notes: &entryNotes)
            notes += entryNotes.map { "\(entry.ref): \($0)" }
        }
        return ExportResult(text: out, notes: notes)
    }

    private static func questions(_ entry: ExportEntry, notes: inout [String]) -> String {
        let question = entry.question
        if case .rate(let responses, let scale) = question.body {
            notes.append("a rate question: exported as one numerical question per response")
            let share = question.maxPoints / Double(max(1, responses.count))
            return responses.map { response in
                let bands = ExportNumbers.rateBands(scale: scale).map {
                    "=%\(ExportNumbers.percent($0.percent))%"
                        + "\(YAMLScalar.number(response.key?.value ?? 1)):\($0.distance)"
                }
                let prompt = entry.prompt + "\nRate from 1 to \(scale): " + response.text
                return block(
                    name: "\(entry.name)-\(response.id.value)", question: question,
                    prompt: prompt, points: share, comments: notes,
                    answers: "{#" + bands.joined(separator: " ")
                        + feedback(general: response.feedback) + "}")
            }.joined()
        }
        var answers: String
        switch question.body {
        case .choice(let options):
            let full = question.maxPoints
            answers =
                "{\n"
                + options.map { option in
                    let score = question.points(for: option)
                    let mark =
                        score >= full
                        ? "=" : score <= 0 ? "~" : "~%\(ExportNumbers.percent(score / full * 100))%"
                    return "  " + mark + answerText(option.text, weighted: mark.count > 1)
                        + (option.feedback.map { "#" + escape($0) } ?? "") + "\n"
                }.joined() + feedbackLine(general: question.explanation) + "}"
        case .multi(let options, let scoring):
            if scoring == .allOrNothing {
                notes.append("all-or-nothing scoring not carried: exported with partial weights")
            }
            let share = ExportNumbers.multiShare(options)
            answers =
                "{\n"
                + options.map { option in
                    let weight = option.correct?.value == true ? share : -share
                    return "  ~%\(ExportNumbers.percent(weight))%"
                        + answerText(option.text, weighted: true)
                        + (option.feedback.map { "#" + escape($0) } ?? "") + "\n"
                }.joined() + feedbackLine(general: question.explanation) + "}"
        case .truefalse(let answer):
            answers =
                "{" + ((answer ?? true) ? "TRUE" : "FALSE")
                + feedback(general: question.explanation) + "}"
        case .order(let items, let scoring):
            notes.append(
                "an order question: exported as matching each item to its position 1-\(items.count)"
            )
            if scoring == .exact { notes.append("exact scoring not carried (matching is partial)") }
            answers =
                "{\n"
                + items.enumerated().map { index, item in
                    "  =" + answerText(item.text, weighted: false) + " -> \(index + 1)\n"
                }.joined() + feedbackLine(general: question.explanation) + "}"
        case .text(let answer):
            answers = textAnswers(answer, question: question, notes: &notes)
        case .number(let answer):
            answers = numberAnswer(answer, question: question, notes: &notes)
        case .rate:
            answers = "{}"
        }
        if question.hint != nil { notes.append("the hint not carried (GIFT has no hints)") }
        return block(
            name: entry.name, question: question, prompt: entry.prompt,
            points: question.maxPoints, comments: notes, answers: answers)
    }

    private static func textAnswers(
        _ answer: TextAnswer, question: Question, notes: inout [String]
    ) -> String {
        if !answer.rubric.isEmpty {
            let groups = answer.rubric.map {
                "\($0.any.joined(separator: "/")) (\(YAMLScalar.number($0.points.value)))"
            }
            notes.append("a rubric: exported as an essay; rubric " + groups.joined(separator: "; "))
            return "{" + feedback(general: question.explanation) + "}"
        }
        if !answer.patterns.isEmpty {
            notes.append(
                "patterns not carried: " + answer.patterns.map(\.value).joined(separator: "  "))
        }
        guard !answer.accept.isEmpty else {
            notes.append("no accepted answers: exported as an essay")
            return "{" + feedback(general: question.explanation) + "}"
        }
        return "{"
            + answer.accept.map { "=" + answerText($0, weighted: false) }.joined(separator: " ")
            + feedback(general: question.explanation) + "}"
    }

    private static func numberAnswer(
        _ answer: NumberAnswer, question: Question, notes: inout [String]
    ) -> String {
        if let unit = answer.unit { notes.append("the unit '\(unit)' not carried") }
        let key: String
        if let range = answer.range {
            key = "\(YAMLScalar.number(range.lowerBound))..\(YAMLScalar.number(range.upperBound))"
        } else {
            let value = YAMLScalar.number(answer.answer ?? 0)
            key = answer.tolerance > 0 ? "\(value):\(YAMLScalar.number(answer.tolerance))" : value
        }
        return "{#" + key + feedback(general: question.explanation) + "}"
    }

    /// One question: comments, title, prompt and the answer block, then a blank line.
    private static func block(
        name: String, question: Question, prompt: String, points: Double, comments: [String],
        answers: String
    ) -> String {
        var out = ""
        for comment in comments { out += "// rehearse: " + oneLine(comment) + "\n" }
        for tag in question.tags {
            out += "// [tag:" + oneLine(tag).replacingAll("]", with: ")") + "]\n"
        }
        if points != 1 { out += "// [points:\(YAMLScalar.number(points))]\n" }
        let marker = needsPlainMarker(prompt) ? "[plain]" : ""
        return out + "::\(name)::" + marker + escape(prompt) + " " + answers + "\n\n"
    }

    /// ` ####general feedback` at the end of a one-line block, or nothing.
    private static func feedback(general: String?) -> String {
        guard let general, !general.isEmpty else { return "" }
        return " ####" + escape(general)
    }

    /// `  ####general feedback` as a line of a block written over several lines, or nothing.
    private static func feedbackLine(general: String?) -> String {
        guard let general, !general.isEmpty else { return "" }
        return "  ####" + escape(general) + "\n"
    }

    /// An answer's text, with a `[plain]` marker when the text would read as markup, a
    /// format marker or (unweighted) a weight.
    private static func answerText(_ text: String, weighted: Bool) -> String {
        var prefix = needsPlainMarker(text) ? "[plain]" : ""
        if !weighted && prefix.isEmpty && text.hasPrefix("%") { prefix = "[plain]" }
        return prefix + escape(text)
    }

    private static func needsPlainMarker(_ text: String) -> Bool {
        text.utf8.first == 0x5B || text.utf8.contains { $0 == 0x3C || $0 == 0x26 }  // [ < &
    }

    /// GIFT's special characters escaped (`\~ \= \# \{ \} \: \\`), line ends as `\n`.
    static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            // ~ = # { } : and the backslash (all ASCII, so never inside a multi-byte character)
            case 0x7E, 0x3D, 0x23, 0x7B, 0x7D, 0x3A, 0x5C: out += [0x5C, byte]
            case 0x0D: out += [0x5C, 0x6E]
            case 0x0A where previous != 0x0D: out += [0x5C, 0x6E]
            case 0x0A: break
            default: out.append(byte)
            }
            previous = byte
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
