import RehearseBank
import RehearseCore

/// Writes a quiz as GIFT (the mapping table in docs/interop.md). What GIFT cannot hold is
/// written in its nearest form with a `// rehearse:` comment, and listed in the notes.
public enum GiftExporter {
    /// The GIFT text of `plan`. The questions are written on all cores, in runs of
    /// neighbours (`ExportRuns`), then joined in plan order.
    /// With `emit`, the text is handed to it in pieces, in order, as they are done (the
    /// result then holds no pieces, only the notes).
    public static func export(
        _ plan: ExportPlan, emit: (@Sendable ([UInt8]) -> Void)? = nil
    ) -> ExportResult {
        var head = ExportBytes()
        head.add("// Exported by rehearse export from the quiz \(plan.quizID).\n\n")
        let quizID = plan.quizID
        return ExportRuns.write(
            plan.entries, head: head, notes: plan.notes, emit: emit,
            category: { entry, out in
                out.add("$CATEGORY: \(entry.scenario.map { "\(quizID)/\($0)" } ?? quizID)\n\n")
            },
            entry: questions)
    }

    private static func questions(
        _ entry: ExportEntry, notes: inout [String], into out: inout ExportBytes
    ) {
        let question = entry.question
        var answers = ExportBytes()
        if case .rate(let responses, let scale) = question.body {
            notes.append("a rate question: exported as one numerical question per response")
            let share = question.maxPoints / Double(max(1, responses.count))
            let bands = ExportNumbers.rateBands(scale: scale)
            for response in responses {
                answers.bytes.removeAll(keepingCapacity: true)
                answers.add("{#")
                let key = YAMLScalar.number(response.key?.value ?? 1)
                for (index, band) in bands.enumerated() {
                    if index > 0 { answers.add(byte: 0x20) }
                    answers.add("=%")
                    answers.add(ExportNumbers.percent(band.percent))
                    answers.add("%")
                    answers.add(key)
                    answers.add(":\(band.distance)")
                }
                feedback(general: response.feedback, into: &answers)
                answers.add("}")
                let prompt = entry.prompt + "\nRate from 1 to \(scale): " + response.text
                block(
                    name: "\(entry.name)-\(response.id.value)", question: question,
                    prompt: prompt, points: share, comments: notes, answers: answers, into: &out)
            }
            return
        }
        switch question.body {
        case .choice(let options):
            let full = question.maxPoints
            answers.add("{\n")
            for option in options {
                let score = question.points(for: option)
                answers.add("  ")
                if score >= full {
                    answers.add("=")
                    answerText(option.text, weighted: false, into: &answers)
                } else if score <= 0 {
                    answers.add("~")
                    answerText(option.text, weighted: false, into: &answers)
                } else {
                    answers.add("~%")
                    answers.add(ExportNumbers.percent(score / full * 100))
                    answers.add("%")
                    answerText(option.text, weighted: true, into: &answers)
                }
                if let feedback = option.feedback {
                    answers.add("#")
                    escape(feedback, into: &answers)
                }
                answers.add("\n")
            }
            feedbackLine(general: question.explanation, into: &answers)
            answers.add("}")
        case .multi(let options, let scoring):
            if scoring == .allOrNothing {
                notes.append("all-or-nothing scoring not carried: exported with partial weights")
            }
            let share = ExportNumbers.multiShare(options)
            let right = ExportNumbers.percent(share)
            let wrong = ExportNumbers.percent(-share)
            answers.add("{\n")
            for option in options {
                answers.add("  ~%")
                answers.add(option.correct?.value == true ? right : wrong)
                answers.add("%")
                answerText(option.text, weighted: true, into: &answers)
                if let feedback = option.feedback {
                    answers.add("#")
                    escape(feedback, into: &answers)
                }
                answers.add("\n")
            }
            feedbackLine(general: question.explanation, into: &answers)
            answers.add("}")
        case .truefalse(let answer):
            answers.add((answer ?? true) ? "{TRUE" : "{FALSE")
            feedback(general: question.explanation, into: &answers)
            answers.add("}")
        case .order(let items, let scoring):
            notes.append(
                "an order question: exported as matching each item to its position 1-\(items.count)"
            )
            if scoring == .exact { notes.append("exact scoring not carried (matching is partial)") }
            answers.add("{\n")
            for (index, item) in items.enumerated() {
                answers.add("  =")
                answerText(item.text, weighted: false, into: &answers)
                answers.add(" -> \(index + 1)\n")
            }
            feedbackLine(general: question.explanation, into: &answers)
            answers.add("}")
        case .text(let answer):
            textAnswers(answer, question: question, notes: &notes, into: &answers)
        case .number(let answer):
            numberAnswer(answer, question: question, notes: &notes, into: &answers)
        case .rate:
            answers.add("{}")
        }
        if question.hint != nil { notes.append("the hint not carried (GIFT has no hints)") }
        block(
            name: entry.name, question: question, prompt: entry.prompt,
            points: question.maxPoints, comments: notes, answers: answers, into: &out)
    }

    private static func textAnswers(
        _ answer: TextAnswer, question: Question, notes: inout [String],
        into out: inout ExportBytes
    ) {
        if !answer.rubric.isEmpty {
            let groups = answer.rubric.map {
                "\($0.any.joined(separator: "/")) (\(YAMLScalar.number($0.points.value)))"
            }
            notes.append("a rubric: exported as an essay; rubric " + groups.joined(separator: "; "))
            out.add("{")
            feedback(general: question.explanation, into: &out)
            out.add("}")
            return
        }
        if !answer.patterns.isEmpty {
            notes.append(
                "patterns not carried: " + answer.patterns.map(\.value).joined(separator: "  "))
        }
        out.add("{")
        guard !answer.accept.isEmpty else {
            notes.append("no accepted answers: exported as an essay")
            feedback(general: question.explanation, into: &out)
            out.add("}")
            return
        }
        for (index, accepted) in answer.accept.enumerated() {
            out.add(index == 0 ? "=" : " =")
            answerText(accepted, weighted: false, into: &out)
        }
        feedback(general: question.explanation, into: &out)
        out.add("}")
    }

    private static func numberAnswer(
        _ answer: NumberAnswer, question: Question, notes: inout [String],
        into out: inout ExportBytes
    ) {
        if let unit = answer.unit { notes.append("the unit '\(unit)' not carried") }
        out.add("{#")
        if let range = answer.range {
            out.add(YAMLScalar.number(range.lowerBound))
            out.add("..")
            out.add(YAMLScalar.number(range.upperBound))
        } else {
            out.add(YAMLScalar.number(answer.answer ?? 0))
            if answer.tolerance > 0 {
                out.add(":")
                out.add(YAMLScalar.number(answer.tolerance))
            }
        }
        feedback(general: question.explanation, into: &out)
        out.add("}")
    }

    /// One question: comments, title, prompt and the answer block, then a blank line.
    private static func block(
        name: String, question: Question, prompt: String, points: Double, comments: [String],
        answers: ExportBytes, into out: inout ExportBytes
    ) {
        for comment in comments {
            out.add("// rehearse: ")
            out.add(oneLine(comment))
            out.add("\n")
        }
        for tag in question.tags {
            out.add("// [tag:")
            out.add(oneLine(tag).replacingAll("]", with: ")"))
            out.add("]\n")
        }
        if points != 1 {
            out.add("// [points:")
            out.add(YAMLScalar.number(points))
            out.add("]\n")
        }
        out.add("::")
        out.add(name)
        out.add(needsPlainMarker(prompt) ? "::[plain]" : "::")
        escape(prompt, into: &out)
        out.add(" ")
        out.add(answers)
        out.add("\n\n")
    }

    /// ` ####general feedback` at the end of a one-line block, or nothing.
    private static func feedback(general: String?, into out: inout ExportBytes) {
        guard let general, !general.isEmpty else { return }
        out.add(" ####")
        escape(general, into: &out)
    }

    /// `  ####general feedback` as a line of a block written over several lines, or nothing.
    private static func feedbackLine(general: String?, into out: inout ExportBytes) {
        guard let general, !general.isEmpty else { return }
        out.add("  ####")
        escape(general, into: &out)
        out.add("\n")
    }

    /// An answer's text, with a `[plain]` marker when the text would read as markup, a
    /// format marker or (unweighted) a weight.
    private static func answerText(_ text: String, weighted: Bool, into out: inout ExportBytes) {
        if needsPlainMarker(text) || (!weighted && text.hasPrefix("%")) {
            out.add("[plain]")
        }
        escape(text, into: &out)
    }

    private static func needsPlainMarker(_ text: String) -> Bool {
        text.utf8.first == 0x5B || ExportBytes.contains(text) { $0 == 0x3C || $0 == 0x26 }  // [ < &
    }

    /// `text` with GIFT's special characters escaped (`\~ \= \# \{ \} \: \\`) and line ends
    /// as `\n`, appended to `out` (runs without special characters copied whole).
    static func escape(_ text: String, into out: inout ExportBytes) {
        var text = text
        text.withUTF8 { source in
            var copied = 0
            var previous: UInt8 = 0
            for index in 0..<source.count {
                let byte = source[index]
                let before = previous
                previous = byte
                let escaped: UInt8
                switch byte {
                // ~ = # { } : and the backslash (all ASCII, so never inside a multi-byte
                // character)
                case 0x7E, 0x3D, 0x23, 0x7B, 0x7D, 0x3A, 0x5C: escaped = byte
                case 0x0D: escaped = 0x6E
                case 0x0A: escaped = before == 0x0D ? 0 : 0x6E  // CR LF: one `\n`
                default: continue
                }
                out.add(source, from: copied, to: index)
                copied = index + 1
                if escaped != 0 {
                    out.add(byte: 0x5C)
                    out.add(byte: escaped)
                }
            }
            out.add(source, from: copied, to: source.count)
        }
    }

    private static func oneLine(_ text: String) -> String {
        if ExportBytes.isPlainLine(text) { return text }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
