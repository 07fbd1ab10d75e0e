import RehearseBank

/// `order` as `qti-order-interaction`.
extension QTIItemWriter {
    /// The items in the key's order as the correct response (cardinality ordered). Exact
    /// scoring: the maximum for the correct order. Partial scoring (Rehearse's share of item
    /// pairs in the key's relative order): the response processing records each item's position
    /// in a `POS-` outcome, then adds `max / pairs` for each pair in order.
    mutating func order(_ items: [OrderItem], scoring: OrderScoring, question: Question) {
        var ids = QTIIdentifiers()
        let identifiers = items.map { ids.claim($0.id.value) }
        var declaration =
            "  <qti-response-declaration identifier=\"RESPONSE\" cardinality=\"ordered\""
            + " base-type=\"identifier\">\n"
        if !identifiers.isEmpty {
            declaration +=
                "    <qti-correct-response>"
                + identifiers.map { "<qti-value>\($0)</qti-value>" }.joined()
                + "</qti-correct-response>\n"
        }
        responses += declaration + "  </qti-response-declaration>\n"
        var out =
            "    <qti-order-interaction response-identifier=\"RESPONSE\" shuffle=\"false\">\n"
            + prompt(question.prompt)
        for (index, item) in items.enumerated() {
            out +=
                "      <qti-simple-choice identifier=\"\(identifiers[index])\">"
                + text.escape(item.text) + "</qti-simple-choice>\n"
        }
        body += out + "    </qti-order-interaction>\n"
        guard !identifiers.isEmpty else { return }
        if scoring == .exact || identifiers.count < 2 {
            processing += Self.scoreIf(Self.matchesCorrect("RESPONSE"), Self.maxScore)
        } else {
            pairScoring(identifiers, max: question.maxPoints)
        }
    }

    private mutating func pairScoring(_ identifiers: [String], max: Double) {
        let positions = identifiers.map { "POS-" + $0 }
        for position in positions {
            outcomes += Self.outcome(position, base: "integer", value: "0")
        }
        for place in 1...identifiers.count {
            var rule = "    <qti-response-condition>\n"
            for (index, identifier) in identifiers.enumerated() {
                let branch = index == 0 ? "qti-response-if" : "qti-response-else-if"
                rule +=
                    "      <\(branch)><qti-match><qti-index n=\"\(place)\">"
                    + "<qti-variable identifier=\"RESPONSE\"/></qti-index>"
                    + Self.base("identifier", identifier) + "</qti-match>"
                    + "<qti-set-outcome-value identifier=\"\(positions[index])\">"
                    + Self.base("integer", "\(place)") + "</qti-set-outcome-value></\(branch)>\n"
            }
            processing += rule + "    </qti-response-condition>\n"
        }
        let pairs = identifiers.count * (identifiers.count - 1) / 2
        let share = Self.base("float", QTINames.number(max / Double(pairs)))
        for first in 0..<positions.count {
            for second in (first + 1)..<positions.count {
                let before =
                    "<qti-and><qti-gt><qti-variable identifier=\"\(positions[first])\"/>"
                    + Self.base("integer", "0") + "</qti-gt><qti-lt>"
                    + "<qti-variable identifier=\"\(positions[first])\"/>"
                    + "<qti-variable identifier=\"\(positions[second])\"/></qti-lt></qti-and>"
                processing += Self.scoreIf(
                    before, "<qti-sum><qti-variable identifier=\"SCORE\"/>\(share)</qti-sum>")
            }
        }
    }
}
