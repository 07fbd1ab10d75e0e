import RehearseCore

/// Maps one Moodle XML question to a Rehearse kind (the table in docs/interop.md), or says
/// why it cannot be: essay (unless `essayAsText`), matching, description, cloze and other
/// types are skipped; what a kind cannot hold is listed as notes.
public enum MoodleImporter {
    /// The outcome for `question` (not a category); with `essayAsText`, an essay becomes a
    /// `text` question that any answer that is not blank passes (`EssayMapping`), explained by
    /// its grader information and general feedback.
    public static func draft(_ question: MoodleQuestion, essayAsText: Bool = false) -> DraftOutcome
    {
        var notes: [String] = []
        let prompt = question.text.map { plain($0, notes: &notes) } ?? ""
        let isEssay = question.type == "essay"
        if !(isEssay && essayAsText), let skip = skipReason(question.type) {
            return .skipped(reason: skip)
        }
        guard !prompt.isEmpty else { return .skipped(reason: "the question has no text") }
        let points = ImportText.points(question.defaultGrade ?? 1, notes: &notes)
        // A name may hold HTML (`Refunds <b>abroad</b>`): its id comes from the words alone.
        var draft = DraftQuestion(
            sourceID: question.idNumber, title: question.name.map(GiftHTML.plainText),
            prompt: prompt,
            points: points == 1 ? nil : points,
            explanation: question.generalFeedback.map { plain($0, notes: &notes) },
            tags: ImportText.tags(question.tags, notes: &notes), body: .truefalse(true),
            line: question.line)
        if draft.explanation?.isEmpty == true { draft.explanation = nil }
        if isEssay {
            // The grader information (a model answer) first, then the general feedback.
            let info = question.graderInfo.map { plain($0, notes: &notes) }
            draft.explanation = EssayMapping.explanation([info, draft.explanation])
        }
        if let hint = question.hints.first.map({ plain($0, notes: &notes) }), !hint.isEmpty {
            draft.hint = hint
            if question.hints.count > 1 { notes.append("only the first of the hints carried") }
        }
        if question.type == "shortanswer" || question.type == "numerical",
            question.answers.contains(where: { answer in
                answer.feedback.map { !$0.plainText.trimmingSpaces.isEmpty } ?? false
            })
        {
            notes.append(ImportText.answerFeedbackNote)
        }
        switch body(question, points: points, notes: &notes) {
        case .success(let mapped):
            draft.body = mapped.body
            if case .choice = mapped.body { draft.points = mapped.points }
            if case .multi = mapped.body { draft.points = mapped.points }
            if case .truefalse = mapped.body, question.type == "truefalse" {
                draft.explanation = TrueFalseFeedback.explanation(
                    general: draft.explanation,
                    whenTrue: truefalseFeedback(question, for: true, notes: &notes),
                    whenFalse: truefalseFeedback(question, for: false, notes: &notes),
                    notes: &notes)
            }
        case .failure(let reason):
            return .skipped(reason: reason.message)
        }
        let media = mediaNames(question)
        if !media.isEmpty { notes.append("media not carried: \(media.joined(separator: ", "))") }
        return .imported(draft, notes: notes)
    }

    /// The media of the question, each once, in order: its `<file>`s and the sources of the
    /// images and media in every text (answers and feedback too), `@@PLUGINFILE@@/` (Moodle's
    /// placeholder for a `<file>` of the question) left out.
    static func mediaNames(_ question: MoodleQuestion) -> [String] {
        var texts =
            [question.text, question.generalFeedback, question.graderInfo].compactMap { $0 }
            + question.hints
        for answer in question.answers {
            texts.append(answer.text)
            if let feedback = answer.feedback { texts.append(feedback) }
        }
        var names: [String] = []
        var seen: Set<String> = []
        let sources = texts.filter { $0.format != "plain_text" && $0.format != "markdown" }
            .flatMap { GiftHTML.mediaSources(in: $0.text) }
        for name in question.files + sources {
            let trimmed =
                name.hasPrefix(pluginFile) ? String(name.dropFirst(pluginFile.count)) : name
            if !trimmed.isEmpty && seen.insert(trimmed).inserted { names.append(trimmed) }
        }
        return names
    }

    private static let pluginFile = "@@PLUGINFILE@@/"

    private static func skipReason(_ type: String) -> String? {
        switch type {
        case "multichoice", "truefalse", "shortanswer", "numerical", "ordering": nil
        case "essay": EssayMapping.skipReason
        case "description": "a description: Rehearse has no kind for it"
        case "cloze": "a cloze (embedded answers) question: Rehearse has no kind for it"
        case "": "a question without a type"
        default: "a \(type) question: Rehearse has no kind for it"
        }
    }

    private static func body(
        _ question: MoodleQuestion, points: Double, notes: inout [String]
    ) -> Result<ChoiceMapping.Mapped, SkipReason> {
        switch question.type {
        case "multichoice":
            let answers = question.answers.map { answer in
                ChoiceMapping.Answer(
                    text: plain(answer.text, notes: &notes), percent: answer.fraction,
                    feedback: answer.feedback.map { plain($0, notes: &notes) }.flatMap {
                        $0.isEmpty ? nil : $0
                    })
            }
            let mapped = ChoiceMapping.body(
                answers, single: question.single ?? true, points: points)
            if case .success(let value) = mapped { notes += value.notes }
            return mapped
        case "truefalse":
            guard question.answers.contains(where: { $0.fraction >= 100 }) else {
                return .failure(SkipReason("a true/false question without a 100% answer"))
            }
            guard let key = truefalseKey(question, notes: &notes) else {
                return .failure(
                    SkipReason("a true/false question whose answers are not one true, one false"))
            }
            return .success(ChoiceMapping.Mapped(body: .truefalse(key), points: nil, notes: []))
        case "shortanswer":
            var accept: [String] = []
            for answer in question.answers {
                let text = plain(answer.text, notes: &notes)
                guard !text.isEmpty else { continue }
                if answer.fraction >= 100 {
                    accept.append(text)
                } else if answer.fraction > 0 {
                    notes.append(
                        "the \(ImportText.percent(answer.fraction)) answer '\(text)' not carried "
                            + "(no partial credit for text)")
                }
            }
            if question.caseSensitive == true {
                notes.append("case-sensitive matching not carried: accepted answers ignore case")
            }
            if accept.contains(where: { $0.contains("*") }) {
                notes.append("'*' wildcards are matched as written, not as wildcards")
            }
            guard !accept.isEmpty else {
                return .failure(SkipReason("a short answer without a 100% answer"))
            }
            return .success(
                ChoiceMapping.Mapped(body: .text(accept: accept), points: nil, notes: []))
        case "numerical":
            return numerical(question, notes: &notes)
        case "essay":
            notes.append(EssayMapping.note)
            return .success(ChoiceMapping.Mapped(body: EssayMapping.body, points: nil, notes: []))
        default:
            return ordering(question, notes: &notes)
        }
    }

    private static func numerical(
        _ question: MoodleQuestion, notes: inout [String]
    ) -> Result<ChoiceMapping.Mapped, SkipReason> {
        var answers: [(number: GiftNumber?, percent: Double)] = []
        for answer in question.answers {
            let text = answer.text.plainText.trimmingSpaces
            guard text != "*", let value = MoodleXMLCollector.number(text) else {
                if text != "*" && !text.isEmpty {
                    notes.append("the answer '\(text)' is not a number and was not carried")
                }
                continue
            }
            let tolerance = answer.tolerance ?? 0
            answers.append(
                (
                    tolerance == 0 ? .simple(value) : .range(answer: value, tolerance: tolerance),
                    answer.fraction
                ))
        }
        let unit = question.units.first { $0.multiplier == 1 }
        for other in question.units where other != unit {
            notes.append(
                "the unit '\(other.name)' (x\(YAMLScalar.number(other.multiplier))) not carried")
        }
        switch NumberMapping.body(answers, unit: unit.map { plainUnit($0.name, notes: &notes) }) {
        case .success(let mapped):
            notes += mapped.notes
            return .success(ChoiceMapping.Mapped(body: mapped.body, points: nil, notes: []))
        case .failure(let reason):
            return .failure(reason)
        }
    }

    private static func ordering(
        _ question: MoodleQuestion, notes: inout [String]
    ) -> Result<ChoiceMapping.Mapped, SkipReason> {
        // The answers hold their position in `fraction`; a stable sort keeps ties in file order.
        let sorted = question.answers.enumerated().sorted {
            ($0.element.fraction, $0.offset) < ($1.element.fraction, $1.offset)
        }
        let items = sorted.map { plain($0.element.text, notes: &notes) }.filter { !$0.isEmpty }
        guard items.count >= 2 else {
            return .failure(SkipReason("an ordering question with fewer than two items"))
        }
        let grading = question.gradingType ?? "ALL_OR_NOTHING"
        let exact = grading == "ALL_OR_NOTHING"
        if !exact && grading != "RELATIVE_ALL_PREVIOUS_AND_NEXT" {
            notes.append(
                "grading type \(grading) not carried: partial credit is the share of pairs in order"
            )
        }
        return .success(
            ChoiceMapping.Mapped(body: .order(items, partial: !exact), points: nil, notes: []))
    }

    /// The right answer of a true/false question: the 100% answer's text (`true`, `false`...);
    /// when that text is neither (`Vrai`, `Faux`), Moodle's own reading, the first of the two
    /// answers true and the second false, with a note.
    private static func truefalseKey(_ question: MoodleQuestion, notes: inout [String]) -> Bool? {
        guard let index = question.answers.firstIndex(where: { $0.fraction >= 100 }),
            let key = reading(question, answer: index)
        else { return nil }
        if truthValue(question.answers[index].text.plainText) == nil {
            let texts = question.answers.map { "'\($0.text.plainText.trimmingSpaces)'" }
            notes.append(
                "the answers \(texts.joined(separator: " and ")) read as true and false, in that "
                    + "order")
        }
        return key
    }

    /// What answer number `index` of a true/false question reads as: its text (`true`,
    /// `false`...); when that is neither, of two answers, the first true and the second false,
    /// as Moodle reads them; else nothing.
    private static func reading(_ question: MoodleQuestion, answer index: Int) -> Bool? {
        truthValue(question.answers[index].text.plainText)
            ?? (question.answers.count == 2 ? index == 0 : nil)
    }

    /// The feedback of the answer that reads as `value` (`reading`).
    private static func truefalseFeedback(
        _ question: MoodleQuestion, for value: Bool, notes: inout [String]
    ) -> String? {
        for (index, answer) in question.answers.enumerated()
        where reading(question, answer: index) == value {
            guard let feedback = answer.feedback else { continue }
            return plain(feedback, notes: &notes)
        }
        return nil
    }

    private static func truthValue(_ text: String) -> Bool? {
        switch text.trimmingSpaces.lowercased() {
        case "true", "1", "yes": true
        case "false", "0", "no": false
        default: nil
        }
    }

    private static func plainUnit(_ name: String, notes: inout [String]) -> String {
        ImportText.clean(name, notes: &notes)
    }

    static func plain(_ text: MoodleText, notes: inout [String]) -> String {
        ImportText.clean(text.plainText, notes: &notes)
    }
}
