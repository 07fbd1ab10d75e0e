import RehearseBank

/// `text` and `number` as `qti-text-entry-interaction`, a rubric as
/// `qti-extended-text-interaction`.
extension QTIItemWriter {
    /// Accepted answers as a case-insensitive mapping worth the maximum; a rubric as extended
    /// text scored by hand, with the rubric in a scorer's rubric block.
    mutating func text(_ key: TextAnswer, question: Question) {
        if !key.rubric.isEmpty {
            notes.append(
                "a rubric: exported as extended text scored by hand (rubric for the scorer)")
            responses +=
                "  <qti-response-declaration identifier=\"RESPONSE\" cardinality=\"single\""
                + " base-type=\"string\"/>\n"
            body +=
                "    <qti-extended-text-interaction response-identifier=\"RESPONSE\">\n"
                + prompt(question.prompt) + "    </qti-extended-text-interaction>\n"
            var rubric = "    <qti-rubric-block view=\"scorer\" use=\"scoring\"><qti-content-body>"
            rubric +=
                "<p>Each group earns its points when the answer uses any of its words.</p><ul>"
            for group in key.rubric {
                rubric +=
                    "<li>" + text.escape(group.any.joined(separator: " / ")) + ": "
                    + QTINames.number(group.points.value) + "</li>"
            }
            body += rubric + "</ul></qti-content-body></qti-rubric-block>\n"
            return
        }
        if !key.patterns.isEmpty {
            notes.append(
                "patterns not carried: " + key.patterns.map(\.value).joined(separator: "  ")
                    + (key.accept.isEmpty ? " (no accepted answers: scored by hand)" : ""))
        } else if key.accept.isEmpty {
            notes.append("no accepted answers: scored by hand")
        }
        var declaration =
            "  <qti-response-declaration identifier=\"RESPONSE\" cardinality=\"single\""
            + " base-type=\"string\">\n"
        if let first = key.accept.first {
            declaration +=
                "    <qti-correct-response><qti-value>\(text.escape(first))</qti-value>"
                + "</qti-correct-response>\n"
            declaration += "    <qti-mapping default-value=\"0\">\n"
            var seen: Set<String> = []
            for answer in key.accept where seen.insert(answer.lowercased()).inserted {
                declaration +=
                    "      <qti-map-entry map-key=\"\(text.escape(answer))\" mapped-value=\""
                    + QTINames.number(question.maxPoints) + "\" case-sensitive=\"false\"/>\n"
            }
            declaration += "    </qti-mapping>\n"
            processing += Self.scoreIf(
                Self.answered("RESPONSE"), "<qti-map-response identifier=\"RESPONSE\"/>")
        }
        responses += declaration + "  </qti-response-declaration>\n"
        body +=
            "    <div>" + text.paragraphs(question.prompt)
            + "<p><qti-text-entry-interaction response-identifier=\"RESPONSE\"/></p></div>\n"
    }

    /// A float entry: the answer within its tolerance (`qti-equal`, absolute), or inside the
    /// range (`qti-gte` and `qti-lte`), earns the maximum. The unit is shown after the entry.
    mutating func number(_ key: NumberAnswer, question: Question) {
        let value = key.range.map { ($0.lowerBound + $0.upperBound) / 2 } ?? key.answer
        var declaration =
            "  <qti-response-declaration identifier=\"RESPONSE\" cardinality=\"single\""
            + " base-type=\"float\">\n"
        if let value {
            declaration +=
                "    <qti-correct-response><qti-value>\(QTINames.number(value))</qti-value>"
                + "</qti-correct-response>\n"
        }
        responses += declaration + "  </qti-response-declaration>\n"
        let response = "<qti-variable identifier=\"RESPONSE\"/>"
        if let range = key.range {
            let inside =
                "<qti-and><qti-gte>\(response)"
                + Self.base("float", QTINames.number(range.lowerBound)) + "</qti-gte><qti-lte>"
                + response + Self.base("float", QTINames.number(range.upperBound))
                + "</qti-lte></qti-and>"
            processing += Self.scoreIf(inside, Self.maxScore)
        } else if let answer = key.answer {
            let tolerance = QTINames.number(key.tolerance)
            let equal =
                (key.tolerance > 0
                    ? "<qti-equal tolerance-mode=\"absolute\" tolerance=\"\(tolerance) \(tolerance)\">"
                    : "<qti-equal tolerance-mode=\"exact\">") + response
                + Self.base("float", QTINames.number(answer)) + "</qti-equal>"
            processing += Self.scoreIf(equal, Self.maxScore)
        } else {
            notes.append("no answer key: the item scores nothing")
        }
        let unit = key.unit.map { " " + text.escape($0) } ?? ""
        body +=
            "    <div>" + text.paragraphs(question.prompt)
            + "<p><qti-text-entry-interaction response-identifier=\"RESPONSE\"/>\(unit)</p></div>\n"
    }
}
