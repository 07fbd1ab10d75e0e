import RehearseBank

/// `choice`, `multi` and `truefalse` as `qti-choice-interaction`.
extension QTIItemWriter {
    /// One choice; each option's points as a `qti-mapping`, the best option as the correct
    /// response, option feedback as modal feedback.
    mutating func choice(_ options: [ChoiceOption], question: Question) {
        let ids = optionIdentifiers(options)
        let full = question.maxPoints
        let best = options.indices.first { question.points(for: options[$0]) >= full && full > 0 }
        var declaration =
            "  <qti-response-declaration identifier=\"RESPONSE\" cardinality=\"single\""
            + " base-type=\"identifier\">\n"
        if let best {
            declaration +=
                "    <qti-correct-response><qti-value>\(ids[best])</qti-value>"
                + "</qti-correct-response>\n"
        }
        declaration += "    <qti-mapping default-value=\"0\">\n"
        for (index, option) in options.enumerated() {
            declaration +=
                "      <qti-map-entry map-key=\"\(ids[index])\" mapped-value=\""
                + QTINames.number(question.points(for: option)) + "\"/>\n"
        }
        responses += declaration + "    </qti-mapping>\n  </qti-response-declaration>\n"
        choiceInteraction(options, ids: ids, maxChoices: 1, prompt: question.prompt)
        processing += Self.scoreIf(
            Self.answered("RESPONSE"), "<qti-map-response identifier=\"RESPONSE\"/>")
        optionFeedback(options, ids: ids, cardinality: "single")
    }

    /// Any number of choices: each right option `max / right` and each wrong one `-max / right`
    /// in a mapping bounded by 0 and the maximum, which is Rehearse's partial scoring; for
    /// all-or-nothing the score is the maximum when the response is the correct one.
    mutating func multi(_ options: [ChoiceOption], scoring: MultiScoring, question: Question) {
        let ids = optionIdentifiers(options)
        let full = question.maxPoints
        let right = options.indices.filter { options[$0].correct?.value == true }
        let share = full / Double(max(1, right.count))
        var declaration =
            "  <qti-response-declaration identifier=\"RESPONSE\" cardinality=\"multiple\""
            + " base-type=\"identifier\">\n"
        if !right.isEmpty {
            declaration +=
                "    <qti-correct-response>"
                + right.map { "<qti-value>\(ids[$0])</qti-value>" }.joined()
                + "</qti-correct-response>\n"
        }
        declaration +=
            "    <qti-mapping default-value=\"0\" lower-bound=\"0\" upper-bound=\""
            + QTINames.number(full) + "\">\n"
        for (index, option) in options.enumerated() {
            let value = option.correct?.value == true ? share : -share
            declaration +=
                "      <qti-map-entry map-key=\"\(ids[index])\" mapped-value=\""
                + QTINames.number(value) + "\"/>\n"
        }
        responses += declaration + "    </qti-mapping>\n  </qti-response-declaration>\n"
        choiceInteraction(options, ids: ids, maxChoices: 0, prompt: question.prompt)
        switch scoring {
        case .partial:
            processing += Self.scoreIf(
                Self.answered("RESPONSE"), "<qti-map-response identifier=\"RESPONSE\"/>")
        case .allOrNothing:
            if !right.isEmpty {
                processing += Self.scoreIf(Self.matchesCorrect("RESPONSE"), Self.maxScore)
            }
        }
        optionFeedback(options, ids: ids, cardinality: "multiple")
    }

    /// Two choices, `true` and `false`; the maximum for the key.
    mutating func truefalse(_ key: Bool?, question: Question) {
        var declaration =
            "  <qti-response-declaration identifier=\"RESPONSE\" cardinality=\"single\""
            + " base-type=\"identifier\">\n"
        if let key {
            declaration +=
                "    <qti-correct-response><qti-value>\(key ? "true" : "false")</qti-value>"
                + "</qti-correct-response>\n"
            processing += Self.scoreIf(Self.matchesCorrect("RESPONSE"), Self.maxScore)
        } else {
            notes.append("no answer key: the item scores nothing")
        }
        responses += declaration + "  </qti-response-declaration>\n"
        body +=
            "    <qti-choice-interaction response-identifier=\"RESPONSE\" max-choices=\"1\""
            + " shuffle=\"false\">\n" + prompt(question.prompt)
            + "      <qti-simple-choice identifier=\"true\">True</qti-simple-choice>\n"
            + "      <qti-simple-choice identifier=\"false\">False</qti-simple-choice>\n"
            + "    </qti-choice-interaction>\n"
    }

    /// The identifiers of the options, unique within the item.
    func optionIdentifiers(_ options: [ChoiceOption]) -> [String] {
        var ids = QTIIdentifiers()
        return options.map { ids.claim($0.id.value) }
    }

    private mutating func choiceInteraction(
        _ options: [ChoiceOption], ids: [String], maxChoices: Int, prompt text: String
    ) {
        var out =
            "    <qti-choice-interaction response-identifier=\"RESPONSE\""
            + " max-choices=\"\(maxChoices)\" shuffle=\"false\">\n" + prompt(text)
        for (index, option) in options.enumerated() {
            out +=
                "      <qti-simple-choice identifier=\"\(ids[index])\">"
                + self.text.escape(option.text) + "</qti-simple-choice>\n"
        }
        body += out + "    </qti-choice-interaction>\n"
    }

    /// Each option's feedback, shown when the option was chosen.
    private mutating func optionFeedback(
        _ options: [ChoiceOption], ids: [String], cardinality: String
    ) {
        guard options.contains(where: { $0.feedback?.isEmpty == false }) else { return }
        outcomes += Self.outcome(
            "FEEDBACK", base: "identifier", cardinality: cardinality, value: nil)
        processing +=
            "    <qti-set-outcome-value identifier=\"FEEDBACK\">"
            + "<qti-variable identifier=\"RESPONSE\"/></qti-set-outcome-value>\n"
        for (index, option) in options.enumerated() {
            guard let text = option.feedback, !text.isEmpty else { continue }
            feedback +=
                "  <qti-modal-feedback outcome-identifier=\"FEEDBACK\" identifier=\"\(ids[index])\""
                + " show-hide=\"show\"><qti-content-body>" + self.text.paragraphs(text)
                + "</qti-content-body></qti-modal-feedback>\n"
        }
    }
}
