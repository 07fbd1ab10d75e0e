import RehearseBank
import RehearseCore

/// One `qti-assessment-item` of a package: its identifier, its file in the package and its XML.
struct QTIItem: Sendable {
    var identifier: String
    var href: String
    var xml: String
    var tags: [String]
}

/// Writes one exported question as a `qti-assessment-item` (the mapping per kind is in
/// docs/interop.md): response declarations, the SCORE and MAXSCORE outcomes, the item body and
/// the response processing that scores it as Rehearse does, where QTI can. What it cannot hold
/// is listed in `notes`.
struct QTIItemWriter {
    var text = QTIText()
    var notes: [String] = []
    /// `qti-response-declaration` elements.
    var responses = ""
    /// Outcome declarations beyond SCORE and MAXSCORE.
    var outcomes = ""
    /// The interactions, after the scenario's context.
    var body = ""
    /// The rules inside `qti-response-processing`.
    var processing = ""
    /// `qti-modal-feedback` elements.
    var feedback = ""

    /// The item for `entry`, and the notes on what it could not carry (without the ref).
    static func write(_ entry: ExportEntry, identifier: String) -> (item: QTIItem, notes: [String])
    {
        var writer = QTIItemWriter()
        writer.notes = entry.notes
        let question = entry.question
        switch question.body {
        case .choice(let options): writer.choice(options, question: question)
        case .multi(let options, let scoring):
            writer.multi(options, scoring: scoring, question: question)
        case .truefalse(let key): writer.truefalse(key, question: question)
        case .order(let items, let scoring):
            writer.order(items, scoring: scoring, question: question)
        case .text(let key): writer.text(key, question: question)
        case .number(let key): writer.number(key, question: question)
        case .rate(let responses, let scale):
            writer.rate(responses, scale: scale, question: question)
        }
        if question.hint != nil { writer.notes.append("the hint not carried (QTI has no hints)") }
        writer.explanation(question.explanation)
        let xml = writer.document(entry, identifier: identifier)
        if writer.text.removed > 0 {
            writer.notes.append(
                "\(writer.text.removed) character(s) that XML 1.0 cannot hold removed")
        }
        let item = QTIItem(
            identifier: identifier, href: "items/\(identifier).xml", xml: xml,
            tags: question.tags)
        return (item, writer.notes)
    }

    private mutating func document(_ entry: ExportEntry, identifier: String) -> String {
        let question = entry.question
        // The title repeats the prompt, whose removed characters the body already counts.
        var titleText = QTIText()
        let cut = Self.title(question.prompt)
        let title = cut.isEmpty ? identifier : titleText.escape(cut)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<qti-assessment-item xmlns=\"\(QTINames.itemNamespace)\""
        out += " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        out += " xsi:schemaLocation=\"\(QTINames.itemNamespace) \(QTINames.itemSchema)\""
        out += "\n    identifier=\"\(identifier)\" title=\"\(title)\""
        out += " adaptive=\"false\" time-dependent=\"false\">\n"
        out += responses
        out += Self.outcome("SCORE", base: "float", value: "0")
        out += Self.outcome("MAXSCORE", base: "float", value: QTINames.number(question.maxPoints))
        out += outcomes
        out += "  <qti-item-body>\n"
        if let context = entry.context, !context.isEmpty {
            out += "    <div class=\"rehearse-context\">" + text.paragraphs(context) + "</div>\n"
        }
        out += body
        out += "  </qti-item-body>\n"
        if processing.isEmpty {
            out += "  <qti-response-processing/>\n"
        } else {
            out += "  <qti-response-processing>\n" + processing + "  </qti-response-processing>\n"
        }
        out += feedback
        return out + "</qti-assessment-item>\n"
    }

    /// The prompt on one line (runs of white space as one space), cut to 80 characters with
    /// an ellipsis. ASCII text, where a byte is a character, is done byte by byte.
    static func title(_ prompt: String) -> String {
        guard prompt.utf8.allSatisfy({ $0 < 0x80 }) else {
            let line = prompt.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            return line.count > 80 ? String(line.prefix(79)) + "…" : line
        }
        var line: [UInt8] = []
        line.reserveCapacity(min(prompt.utf8.count, 96))
        var space = false
        for byte in prompt.utf8 {
            // The ASCII white space of `Character.isWhitespace`: tab to carriage return, space.
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                space = !line.isEmpty
                continue
            }
            if space { line.append(0x20) }
            space = false
            line.append(byte)
            if line.count > 80 { break }
        }
        guard line.count > 80 else { return String(decoding: line, as: UTF8.self) }
        return String(decoding: line[..<79], as: UTF8.self) + "…"
    }

    // MARK: Pieces shared by the kinds

    /// An outcome declaration with a default value.
    static func outcome(
        _ identifier: String, base: String, cardinality: String = "single", value: String?
    ) -> String {
        let head =
            "  <qti-outcome-declaration identifier=\"\(identifier)\" cardinality=\"\(cardinality)\""
            + " base-type=\"\(base)\""
        guard let value else { return head + "/>\n" }
        return head + "><qti-default-value><qti-value>\(value)</qti-value></qti-default-value>"
            + "</qti-outcome-declaration>\n"
    }

    /// The prompt as the `qti-prompt` of a block interaction (nothing for an empty prompt).
    mutating func prompt(_ prompt: String) -> String {
        let paragraphs = text.paragraphs(prompt)
        return paragraphs.isEmpty ? "" : "      <qti-prompt>" + paragraphs + "</qti-prompt>\n"
    }

    /// `SCORE` set to `expression` when `condition` holds.
    static func scoreIf(_ condition: String, _ expression: String) -> String {
        "    <qti-response-condition>\n      <qti-response-if>\n        \(condition)\n"
            + "        <qti-set-outcome-value identifier=\"SCORE\">\(expression)"
            + "</qti-set-outcome-value>\n      </qti-response-if>\n    </qti-response-condition>\n"
    }

    /// A condition that holds when `response` was given.
    static func answered(_ response: String) -> String {
        "<qti-not><qti-is-null><qti-variable identifier=\"\(response)\"/></qti-is-null></qti-not>"
    }

    /// A condition that holds when `response` is its correct response.
    static func matchesCorrect(_ response: String) -> String {
        "<qti-match><qti-variable identifier=\"\(response)\"/>"
            + "<qti-correct identifier=\"\(response)\"/></qti-match>"
    }

    static let maxScore = "<qti-variable identifier=\"MAXSCORE\"/>"

    static func base(_ type: String, _ value: String) -> String {
        "<qti-base-value base-type=\"\(type)\">\(value)</qti-base-value>"
    }

    /// The explanation, shown after the response as a modal feedback.
    private mutating func explanation(_ explanation: String?) {
        guard let explanation, !explanation.isEmpty else { return }
        outcomes += Self.outcome("EXPLANATION", base: "identifier", value: nil)
        processing +=
            "    <qti-set-outcome-value identifier=\"EXPLANATION\">"
            + Self.base("identifier", "explanation") + "</qti-set-outcome-value>\n"
        feedback +=
            "  <qti-modal-feedback outcome-identifier=\"EXPLANATION\" identifier=\"explanation\""
            + " show-hide=\"show\" title=\"Explanation\"><qti-content-body>"
            + text.paragraphs(explanation) + "</qti-content-body></qti-modal-feedback>\n"
    }
}
