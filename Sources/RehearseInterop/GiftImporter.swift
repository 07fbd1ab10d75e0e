import RehearseCore

/// Maps one GIFT question to a Rehearse kind (the table in docs/interop.md), or says why it
/// cannot be: matching (unless it is an exported `order`), description and essay questions are
/// skipped (essays are imported as text questions that accept any answer with `essayAsText`);
/// what a kind cannot hold is listed as notes.
public enum GiftImporter {
    /// The outcome for `question` (not a category line); with `essayAsText`, an essay becomes
    /// a `text` question that any answer that is not blank passes (`EssayMapping`).
    public static func draft(_ question: GiftQuestion, essayAsText: Bool = false) -> DraftOutcome {
        var notes: [String] = []
        let prompt = plain(question.stem, notes: &notes)
        guard !prompt.isEmpty else { return .skipped(reason: "the question has no text") }
        var draft = DraftQuestion(
            sourceID: question.id, title: question.title, prompt: prompt,
            points: question.points.map { ImportText.points($0, notes: &notes) },
            explanation: question.globalFeedback.map {
                plain($0, notes: &notes)
            }, tags: ImportText.tags(question.tags, notes: &notes), body: .truefalse(true),
            line: question.line)
        if draft.explanation?.isEmpty == true { draft.explanation = nil }
        let body: DraftBody
        switch question.kind {
        case .category, .description:
            return .skipped(reason: "a description (no answer block): Rehearse has no kind for it")
        case .essay:
            guard essayAsText else { return .skipped(reason: EssayMapping.skipReason) }
            body = EssayMapping.body
            notes.append(EssayMapping.note)
        case .matching:
            guard let items = orderItems(question, notes: &notes) else {
                return .skipped(reason: "a matching question: Rehearse has no kind for it")
            }
            body = .order(items, partial: true)
        case .trueFalse:
            let key = question.isTrue ?? true
            body = .truefalse(key)
            // GIFT's first feedback is for a wrong answer, the second for the right one.
            let right = question.rightFeedback.map { plain($0, notes: &notes) }
            let wrong = question.wrongFeedback.map { plain($0, notes: &notes) }
            draft.explanation = TrueFalseFeedback.explanation(
                general: draft.explanation, whenTrue: key ? right : wrong,
                whenFalse: key ? wrong : right, notes: &notes)
        case .multipleChoice:
            var answers: [ChoiceMapping.Answer] = []
            for choice in question.choices {
                let feedback = choice.feedback.map { plain($0, notes: &notes) }
                answers.append(
                    ChoiceMapping.Answer(
                        text: plain(choice.text, notes: &notes),
                        percent: choice.weight ?? (choice.isCorrect ? 100 : 0),
                        feedback: feedback?.isEmpty == false ? feedback : nil))
            }
            // As Moodle: an answer written with `=` makes a one-answer question.
            let single = question.choices.contains { $0.isCorrect }
            switch ChoiceMapping.body(answers, single: single, points: draft.points ?? 1) {
            case .success(let mapped):
                body = mapped.body
                draft.points = mapped.points
                notes += mapped.notes
            case .failure(let reason):
                return .skipped(reason: reason.message)
            }
        case .shortAnswer:
            var accept: [String] = []
            for choice in question.choices {
                let text = plain(choice.text, notes: &notes)
                guard !text.isEmpty else { continue }
                if (choice.weight ?? 100) >= 100 {
                    accept.append(text)
                } else {
                    notes.append(
                        "the \(ImportText.percent(choice.weight ?? 0)) answer '\(text)' not carried (no partial credit for text)"
                    )
                }
            }
            guard !accept.isEmpty else {
                return .skipped(reason: "a short answer without a 100% answer")
            }
            body = .text(accept: accept)
        case .numerical:
            switch NumberMapping.body(
                question.choices.map { ($0.number, $0.weight ?? 100) }, unit: nil)
            {
            case .success(let mapped):
                body = mapped.body
                notes += mapped.notes
            case .failure(let reason):
                return .skipped(reason: reason.message)
            }
        }
        draft.body = body
        if question.kind == .shortAnswer || question.kind == .numerical,
            question.choices.contains(where: { $0.feedback.map { !$0.text.isEmpty } ?? false })
        {
            notes.append(ImportText.answerFeedbackNote)
        }
        let media = GiftHTML.mediaSources(in: question.stem.text)
        if question.stem.format == .html || question.stem.format == .moodle, !media.isEmpty {
            notes.append("media not carried: \(media.joined(separator: ", "))")
        }
        return .imported(draft, notes: notes)
    }

    /// A matching question whose answers are the positions 1...n (as `export` writes an
    /// `order` question): its items in that order. Nil for any other matching question.
    private static func orderItems(_ question: GiftQuestion, notes: inout [String]) -> [String]? {
        let pairs = question.matchPairs
        guard pairs.count >= 2 else { return nil }
        var byPosition: [Int: String] = [:]
        for pair in pairs {
            guard let position = Int(pair.subanswer.trimmingSpaces), position >= 1,
                position <= pairs.count, byPosition[position] == nil
            else { return nil }
            byPosition[position] = plain(pair.subquestion, notes: &notes)
        }
        return (1...pairs.count).compactMap { byPosition[$0] }
    }

    /// Plain text of a GIFT text, without control characters (noted when some were removed).
    static func plain(_ text: GiftText, notes: inout [String]) -> String {
        ImportText.clean(text.plainText, notes: &notes)
    }
}
