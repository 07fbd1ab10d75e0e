/// Writes the `qti-assessment-test` of a package: one test part, the items in quiz order,
/// one `qti-assessment-section` per scenario and per run of the quiz's inline questions, and
/// outcome processing that totals SCORE and MAXSCORE and sets PASS from the quiz's pass mark.
enum QTITestWriter {
    /// The test's XML; `items` are the plan's entries' items, in the same order.
    static func write(
        _ plan: ExportPlan, items: [QTIItem], identifier: String, text: inout QTIText
    ) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<qti-assessment-test xmlns=\"\(QTINames.itemNamespace)\""
        out += " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        out += " xsi:schemaLocation=\"\(QTINames.itemNamespace) \(QTINames.itemSchema)\""
        let title = text.line(plan.title)
        out +=
            "\n    identifier=\"\(identifier)\" title=\"\(title.isEmpty ? identifier : title)\">\n"
        for name in ["SCORE", "MAXSCORE"] {
            out += QTIItemWriter.outcome(name, base: "float", value: "0")
        }
        out += QTIItemWriter.outcome("PASS", base: "boolean", value: "false")
        if let limit = plan.timeLimit, limit > 0 {
            out += "  <qti-time-limits max-time=\"\(limit)\"/>\n"
        }
        out +=
            "  <qti-test-part identifier=\"part-1\" navigation-mode=\"linear\""
            + " submission-mode=\"individual\">\n"
        var sections = QTIIdentifiers()
        var index = 0
        while index < plan.entries.count {
            let scenario = plan.entries[index].scenario
            var end = index
            while end < plan.entries.count && plan.entries[end].scenario == scenario { end += 1 }
            let sectionTitle =
                scenario == nil
                ? "Questions" : text.line(plan.entries[index].scenarioTitle ?? scenario ?? "")
            out +=
                "    <qti-assessment-section identifier=\"\(sections.claim(scenario ?? "questions"))\""
                + " title=\"\(sectionTitle.isEmpty ? "Scenario" : sectionTitle)\" visible=\"true\">\n"
            for item in items[index..<min(end, items.count)] {
                out +=
                    "      <qti-assessment-item-ref identifier=\"\(item.identifier)\""
                    + " href=\"\(item.href)\"/>\n"
            }
            out += "    </qti-assessment-section>\n"
            index = end
        }
        out += "  </qti-test-part>\n  <qti-outcome-processing>\n"
        for name in ["SCORE", "MAXSCORE"] {
            out +=
                "    <qti-set-outcome-value identifier=\"\(name)\"><qti-sum>"
                + "<qti-test-variables variable-identifier=\"\(name)\"/></qti-sum>"
                + "</qti-set-outcome-value>\n"
        }
        let share = QTINames.number(plan.passPercent / 100)
        out +=
            "    <qti-set-outcome-value identifier=\"PASS\"><qti-gte>"
            + "<qti-variable identifier=\"SCORE\"/><qti-product>"
            + "<qti-variable identifier=\"MAXSCORE\"/>" + QTIItemWriter.base("float", share)
            + "</qti-product></qti-gte></qti-set-outcome-value>\n"
        return out + "  </qti-outcome-processing>\n</qti-assessment-test>\n"
    }
}
