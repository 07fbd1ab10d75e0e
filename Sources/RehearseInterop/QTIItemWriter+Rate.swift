import RehearseBank

/// `rate` as one `qti-choice-interaction` per response (a likert scale).
extension QTIItemWriter {
    /// Each response is a choice of `R1`...`Rn` on the scale; its mapping gives
    /// `max / keyed * (1 - distance / (scale - 1))` for a rating at `distance` from the
    /// expert's key, so a full set of ratings scores what Rehearse gives.
    mutating func rate(_ rates: [RateResponse], scale: Int, question: Question) {
        notes.append(
            "a rate question: a response left unrated earns nothing (Rehearse averages over the "
                + "rated ones)")
        if rates.contains(where: { $0.feedback?.isEmpty == false }) {
            notes.append("feedback per response not carried")
        }
        let keyed = rates.filter { $0.key != nil }.count
        let share = question.maxPoints / Double(max(1, keyed))
        let steps = max(1, scale)
        var ids = QTIIdentifiers()
        body += "    <div>" + text.paragraphs(question.prompt) + "</div>\n"
        for rate in rates {
            let identifier = ids.claim("RESPONSE-" + rate.id.value)
            var declaration =
                "  <qti-response-declaration identifier=\"\(identifier)\" cardinality=\"single\""
                + " base-type=\"identifier\">\n"
            if let key = rate.key?.value {
                // Clamped as a Double first: a key far outside the scale (which `check` reports)
                // is the nearest end of it, never a number too large for an Int.
                let nearest = key.isFinite ? Int(min(Double(steps), max(1, key.rounded()))) : 1
                declaration +=
                    "    <qti-correct-response><qti-value>R\(nearest)</qti-value>"
                    + "</qti-correct-response>\n    <qti-mapping default-value=\"0\">\n"
                for rating in 1...steps {
                    let distance = abs(Double(rating) - key)
                    let earned = max(0, 1 - distance / Double(max(1, scale - 1))) * share
                    declaration +=
                        "      <qti-map-entry map-key=\"R\(rating)\" mapped-value=\""
                        + QTINames.number(earned) + "\"/>\n"
                }
                declaration += "    </qti-mapping>\n"
                processing += Self.scoreIf(
                    Self.answered(identifier),
                    "<qti-sum><qti-variable identifier=\"SCORE\"/>"
                        + "<qti-map-response identifier=\"\(identifier)\"/></qti-sum>")
            }
            responses += declaration + "  </qti-response-declaration>\n"
            var interaction =
                "    <qti-choice-interaction response-identifier=\"\(identifier)\""
                + " max-choices=\"1\" shuffle=\"false\" class=\"qti-orientation-horizontal\">\n"
                + prompt(rate.text)
            for rating in 1...steps {
                interaction +=
                    "      <qti-simple-choice identifier=\"R\(rating)\">\(rating)"
                    + "</qti-simple-choice>\n"
            }
            body += interaction + "    </qti-choice-interaction>\n"
        }
    }
}
