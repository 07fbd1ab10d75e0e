import RehearseBank
import RehearseCore

/// Writes a quiz as Moodle XML (the mapping table in docs/interop.md): texts as `plain_text`,
/// marks as `defaultgrade`, weights as `fraction`. What Moodle XML cannot hold is written in
/// its nearest form with a comment, and listed in the notes.
public enum MoodleXMLExporter {
    /// The Moodle XML text of `plan`.
    public static func export(_ plan: ExportPlan) -> ExportResult {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<!-- Exported by rehearse export from the quiz \(comment(plan.quizID)). -->\n<quiz>\n"
        var notes = plan.notes
        var category: String?
        for entry in plan.entries {
            let wanted = entry.scenario.map { "\(plan.quizID)/\($0)" } ?? plan.quizID
            if wanted != category {
                out += "  <question type=\"category\">\n"
                out += "    <category><text>$course$/top/\(escape(wanted))</text></category>\n"
                out += "  </question>\n"
                category = wanted
            }
            var entryNotes = entry.notes
            out += questions(entry, notes: &entryNotes)
            notes += entryNotes.map { "\(entry.ref): \($0)" }
        }
        return ExportResult(text: out + "</quiz>\n", notes: notes)
    }

    private static func questions(_ entry: ExportEntry, notes: inout [String]) -> String {
        let question = entry.question
        var body = ""
        let type: String
        switch question.body {
        case .choice(let options):
            type = "multichoice"
            let full = question.maxPoints
            body +=
                element("single", "true") + element("shuffleanswers", "false")
                + element("answernumbering", "abc")
            for option in options {
                let percent = question.points(for: option) / full * 100
                body += answer(
                    percent, option.text, feedback: option.feedback)
            }
        case .multi(let options, let scoring):
            type = "multichoice"
            if scoring == .allOrNothing {
                notes.append("all-or-nothing scoring not carried: exported with partial weights")
            }
            let share = ExportNumbers.multiShare(options)
            body +=
                element("single", "false") + element("shuffleanswers", "false")
                + element("answernumbering", "abc")
            for option in options {
                body += answer(
                    option.correct?.value == true ? share : -share, option.text,
                    feedback: option.feedback)
            }
        case .truefalse(let key):
            type = "truefalse"
            let isTrue = key ?? true
            body += answer(isTrue ? 100 : 0, "true", feedback: nil)
            body += answer(isTrue ? 0 : 100, "false", feedback: nil)
        case .order(let items, let scoring):
            type = "ordering"
            body +=
                element("layouttype", "VERTICAL") + element("selecttype", "ALL")
                + element("selectcount", "0")
                + element(
                    "gradingtype",
                    scoring == .exact ? "ALL_OR_NOTHING" : "RELATIVE_ALL_PREVIOUS_AND_NEXT")
                + element("showgrading", "SHOW") + element("numberingstyle", "none")
            for (index, item) in items.enumerated() {
                body += answer(Double(index + 1), item.text, feedback: nil)
            }
        case .text(let accept):
            (type, body) = text(accept, notes: &notes)
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
            body += answer(100, YAMLScalar.number(value), feedback: nil, tolerance: tolerance)
            if let unit = key.unit {
                body +=
                    "    <units>\n      <unit>\n" + "  " + element("multiplier", "1") + "  "
                    + element("unit_name", unit) + "      </unit>\n    </units>\n"
                body +=
                    element("unitgradingtype", "0") + element("showunits", "3")
                    + element("unitsleft", "0")
            }
        case .rate(let responses, let scale):
            notes.append("a rate question: exported as one numerical question per response")
            let share = question.maxPoints / Double(max(1, responses.count))
            return responses.map { response in
                var bands = ""
                for band in ExportNumbers.rateBands(scale: scale) {
                    bands += answer(
                        band.percent, YAMLScalar.number(response.key?.value ?? 1), feedback: nil,
                        tolerance: Double(band.distance))
                }
                return wrap(
                    type: "numerical", name: "\(entry.name)-\(response.id.value)",
                    prompt: entry.prompt + "\nRate from 1 to \(scale): " + response.text,
                    points: share, question: question, explanation: response.feedback,
                    body: bands, notes: notes)
            }.joined()
        }
        return wrap(
            type: type, name: entry.name, prompt: entry.prompt, points: question.maxPoints,
            question: question, explanation: question.explanation, body: body, notes: notes)
    }

    private static func text(_ key: TextAnswer, notes: inout [String]) -> (String, String) {
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
            let body =
                element("responseformat", "editor") + element("responserequired", "1")
                + element("responsefieldlines", "10")
                + "    <graderinfo format=\"plain_text\"><text>\(escape(info))</text></graderinfo>\n"
            return ("essay", body)
        }
        if !key.patterns.isEmpty {
            notes.append(
                "patterns not carried: " + key.patterns.map(\.value).joined(separator: "  "))
        }
        return (
            "shortanswer",
            element("usecase", "0")
                + key.accept.map { answer(100, $0, feedback: nil) }.joined()
        )
    }

    private static func wrap(
        type: String, name: String, prompt: String, points: Double, question: Question,
        explanation: String?, body: String, notes: [String]
    ) -> String {
        var out = "  <question type=\"\(type)\">\n"
        for note in notes { out += "    <!-- rehearse: \(comment(note)) -->\n" }
        out += "    <name><text>\(escape(name))</text></name>\n"
        out += "    " + text("questiontext", prompt)
        out += "    " + text("generalfeedback", explanation ?? "")
        out += element("defaultgrade", YAMLScalar.number(points))
        out += element("penalty", "0") + element("hidden", "0")
        out += body
        if let hint = question.hint { out += "    " + text("hint", hint) }
        if !question.tags.isEmpty {
            out += "    <tags>\n"
            for tag in question.tags { out += "      <tag><text>\(escape(tag))</text></tag>\n" }
            out += "    </tags>\n"
        }
        return out + "  </question>\n"
    }

    private static func answer(
        _ percent: Double, _ value: String, feedback: String?, tolerance: Double? = nil
    ) -> String {
        var out =
            "    <answer fraction=\"\(ExportNumbers.percent(percent))\" format=\"plain_text\">\n"
        out += "      <text>\(escape(value))</text>\n"
        if let feedback { out += "      " + text("feedback", feedback) }
        if let tolerance { out += "      <tolerance>\(YAMLScalar.number(tolerance))</tolerance>\n" }
        return out + "    </answer>\n"
    }

    private static func text(_ name: String, _ value: String) -> String {
        "<\(name) format=\"plain_text\"><text>\(escape(value))</text></\(name)>\n"
    }

    private static func element(_ name: String, _ value: String) -> String {
        "    <\(name)>\(escape(value))</\(name)>\n"
    }

    /// Text for element content and attribute values: `&`, `<`, `>` and `"` as entities.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 })
        else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Text safe inside an XML comment (no `--`, one line).
    private static func comment(_ text: String) -> String {
        var safe = escape(text).split(whereSeparator: \.isNewline).joined(separator: " ")
        while safe.contains("--") { safe = safe.replacingAll("--", with: "- -") }
        return safe
    }
}
