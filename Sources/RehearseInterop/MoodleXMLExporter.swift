import RehearseBank
import RehearseCore

/// Writes a quiz as Moodle XML (the mapping table in docs/interop.md): texts as `plain_text`,
/// marks as `defaultgrade`, weights as `fraction`. What Moodle XML cannot hold is written in
/// its nearest form with a comment, and listed in the notes.
public enum MoodleXMLExporter {
    /// The Moodle XML text of `plan`. The questions are written on all cores, in runs of
    /// neighbours (`ExportRuns`), then joined in plan order.
    /// With `emit`, the text is handed to it in pieces, in order, as they are done (the
    /// result then holds no pieces, only the notes).
    public static func export(
        _ plan: ExportPlan, emit: (@Sendable ([UInt8]) -> Void)? = nil
    ) -> ExportResult {
        let quizID = plan.quizID
        var head = ExportBytes()
        head.add("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        head.add(
            "<!-- Exported by rehearse export from the quiz \(comment(plan.quizID)). -->\n<quiz>\n")
        return ExportRuns.write(
            plan.entries, head: head, tail: "</quiz>\n", notes: plan.notes, emit: emit,
            category: { entry, lines in
                let category = entry.scenario.map { "\(quizID)/\($0)" } ?? quizID
                lines.add("  <question type=\"category\">\n")
                lines.add("    <category><text>$course$/top/")
                escape(category, into: &lines)
                lines.add("</text></category>\n  </question>\n")
            },
            entry: questions)
    }

    private static func questions(
        _ entry: ExportEntry, notes: inout [String], into out: inout ExportBytes
    ) {
        let question = entry.question
        var body = ExportBytes()
        let type: String
        switch question.body {
        case .choice(let options):
            type = "multichoice"
            let full = question.maxPoints
            element("single", "true", into: &body)
            element("shuffleanswers", "false", into: &body)
            element("answernumbering", "abc", into: &body)
            for option in options {
                let percent = question.points(for: option) / full * 100
                answer(percent, option.text, feedback: option.feedback, into: &body)
            }
        case .multi(let options, let scoring):
            type = "multichoice"
            if scoring == .allOrNothing {
                notes.append("all-or-nothing scoring not carried: exported with partial weights")
            }
            let share = ExportNumbers.multiShare(options)
            element("single", "false", into: &body)
            element("shuffleanswers", "false", into: &body)
            element("answernumbering", "abc", into: &body)
            for option in options {
                answer(
                    option.correct?.value == true ? share : -share, option.text,
                    feedback: option.feedback, into: &body)
            }
        case .truefalse(let key):
            type = "truefalse"
            let isTrue = key ?? true
            answer(isTrue ? 100 : 0, "true", feedback: nil, into: &body)
            answer(isTrue ? 0 : 100, "false", feedback: nil, into: &body)
        case .order(let items, let scoring):
            type = "ordering"
            element("layouttype", "VERTICAL", into: &body)
            element("selecttype", "ALL", into: &body)
            element("selectcount", "0", into: &body)
            element(
                "gradingtype",
                scoring == .exact ? "ALL_OR_NOTHING" : "RELATIVE_ALL_PREVIOUS_AND_NEXT",
                into: &body)
            element("showgrading", "SHOW", into: &body)
            element("numberingstyle", "none", into: &body)
            for (index, item) in items.enumerated() {
                answer(Double(index + 1), item.text, feedback: nil, into: &body)
            }
        case .text(let accept):
            type = text(accept, notes: &notes, into: &body)
        case .number(let key):
            type = "numerical"
            let value: Double
            let tolerance: Double
            if let range = key.range {
                value = (range.lowerBound + range.upperBound) / 2
                tolerance = (range.upperBound - range.lowerBound) / 2
            } else {
                value = key.answer ?? 0
                tolerance = key.tolerance
            }
            answer(
                100, YAMLScalar.number(value), feedback: nil, tolerance: tolerance, into: &body)
            if let unit = key.unit {
                body.add("    <units>\n      <unit>\n  ")
                element("multiplier", "1", into: &body)
                body.add("  ")
                element("unit_name", unit, into: &body)
                body.add("      </unit>\n    </units>\n")
                element("unitgradingtype", "0", into: &body)
                element("showunits", "3", into: &body)
                element("unitsleft", "0", into: &body)
            }
        case .rate(let responses, let scale):
            notes.append("a rate question: exported as one numerical question per response")
            let share = question.maxPoints / Double(max(1, responses.count))
            let bands = ExportNumbers.rateBands(scale: scale)
            for response in responses {
                body.bytes.removeAll(keepingCapacity: true)
                let key = YAMLScalar.number(response.key?.value ?? 1)
                for band in bands {
                    answer(
                        band.percent, key, feedback: nil, tolerance: Double(band.distance),
                        into: &body)
                }
                wrap(
                    type: "numerical", name: "\(entry.name)-\(response.id.value)",
                    prompt: entry.prompt + "\nRate from 1 to \(scale): " + response.text,
                    points: share, question: question, explanation: response.feedback,
                    body: body, notes: notes, into: &out)
            }
            return
        }
        wrap(
            type: type, name: entry.name, prompt: entry.prompt, points: question.maxPoints,
            question: question, explanation: question.explanation, body: body, notes: notes,
            into: &out)
    }

    /// The body of a text question; returns the question type.
    private static func text(
        _ key: TextAnswer, notes: inout [String], into body: inout ExportBytes
    ) -> String {
        if !key.rubric.isEmpty || key.accept.isEmpty {
            let info: String
            if key.rubric.isEmpty {
                notes.append("no accepted answers: exported as an essay")
                info = "Patterns: " + key.patterns.map(\.value).joined(separator: "  ")
            } else {
                let groups = key.rubric.map {
                    "\($0.any.joined(separator: "/")) (\(YAMLScalar.number($0.points.value)))"
                }
                notes.append("a rubric: exported as an essay with the rubric for the grader")
                info = "Rubric: " + groups.joined(separator: "; ")
            }
            element("responseformat", "editor", into: &body)
            element("responserequired", "1", into: &body)
            element("responsefieldlines", "10", into: &body)
            body.add("    <graderinfo format=\"plain_text\"><text>")
            escape(info, into: &body)
            body.add("</text></graderinfo>\n")
            return "essay"
        }
        if !key.patterns.isEmpty {
            notes.append(
                "patterns not carried: " + key.patterns.map(\.value).joined(separator: "  "))
        }
        element("usecase", "0", into: &body)
        for accepted in key.accept { answer(100, accepted, feedback: nil, into: &body) }
        return "shortanswer"
    }

    private static func wrap(
        type: String, name: String, prompt: String, points: Double, question: Question,
        explanation: String?, body: ExportBytes, notes: [String], into out: inout ExportBytes
    ) {
        out.add("  <question type=\"")
        out.add(type)
        out.add("\">\n")
        for note in notes {
            out.add("    <!-- rehearse: ")
            out.add(comment(note))
            out.add(" -->\n")
        }
        out.add("    <name><text>")
        escape(name, into: &out)
        out.add("</text></name>\n    ")
        text("questiontext", prompt, into: &out)
        out.add("    ")
        text("generalfeedback", explanation ?? "", into: &out)
        element("defaultgrade", YAMLScalar.number(points), into: &out)
        element("penalty", "0", into: &out)
        element("hidden", "0", into: &out)
        out.add(body)
        if let hint = question.hint {
            out.add("    ")
            text("hint", hint, into: &out)
        }
        if !question.tags.isEmpty {
            out.add("    <tags>\n")
            for tag in question.tags {
                out.add("      <tag><text>")
                escape(tag, into: &out)
                out.add("</text></tag>\n")
            }
            out.add("    </tags>\n")
        }
        out.add("  </question>\n")
    }

    private static func answer(
        _ percent: Double, _ value: String, feedback: String?, tolerance: Double? = nil,
        into out: inout ExportBytes
    ) {
        out.add("    <answer fraction=\"")
        out.add(ExportNumbers.percent(percent))
        out.add("\" format=\"plain_text\">\n      <text>")
        escape(value, into: &out)
        out.add("</text>\n")
        if let feedback {
            out.add("      ")
            text("feedback", feedback, into: &out)
        }
        if let tolerance {
            out.add("      <tolerance>")
            out.add(YAMLScalar.number(tolerance))
            out.add("</tolerance>\n")
        }
        out.add("    </answer>\n")
    }

    private static func text(_ name: String, _ value: String, into out: inout ExportBytes) {
        out.add("<")
        out.add(name)
        out.add(" format=\"plain_text\"><text>")
        escape(value, into: &out)
        out.add("</text></")
        out.add(name)
        out.add(">\n")
    }

    private static func element(_ name: String, _ value: String, into out: inout ExportBytes) {
        out.add("    <")
        out.add(name)
        out.add(">")
        escape(value, into: &out)
        out.add("</")
        out.add(name)
        out.add(">\n")
    }

    /// Text for element content and attribute values: `&`, `<`, `>` and `"` as entities.
    static func escape(_ text: String) -> String {
        guard ExportBytes.contains(text, where: isSpecial) else { return text }
        var out = ExportBytes()
        escape(text, into: &out)
        return out.text
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22
    }

    /// `text` escaped as `escape(_:)` does, appended to `out` (runs without special
    /// characters copied whole).
    static func escape(_ text: String, into out: inout ExportBytes) {
        var text = text
        text.withUTF8 { source in
            var copied = 0
            for index in 0..<source.count {
                let entity: String
                switch source[index] {
                case 0x26: entity = "&amp;"
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x22: entity = "&quot;"
                default: continue
                }
                out.add(source, from: copied, to: index)
                copied = index + 1
                out.add(entity)
            }
            out.add(source, from: copied, to: source.count)
        }
    }

    /// Text safe inside an XML comment (no `--`, one line).
    private static func comment(_ text: String) -> String {
        let escaped = escape(text)
        if ExportBytes.isPlainLine(escaped) && !hasDoubleHyphen(escaped) { return escaped }
        var safe = escaped.split(whereSeparator: \.isNewline).joined(separator: " ")
        while hasDoubleHyphen(safe) { safe = safe.replacingAll("--", with: "- -") }
        return safe
    }

    /// Whether `text` holds `--`, byte by byte (Foundation's `contains` of a string goes through
    /// `NSString` and was a few percent of a large export, one call per note).
    static func hasDoubleHyphen(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x2D && previous == 0x2D { return true }
            previous = byte
        }
        return false
    }
}
