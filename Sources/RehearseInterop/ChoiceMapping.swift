import RehearseBank

/// Answers with weights (GIFT `%n%`, Moodle `fraction`) as a `choice` or `multi` question:
/// one-answer questions become `choice` (`correct: true`, or per-option scores when some
/// answer earns part of the marks), several-answer questions `multi` with partial scoring.
enum ChoiceMapping {
    struct Answer {
        var text: String
        /// The weight in percent.
        var percent: Double
        var feedback: String?
    }

    struct Mapped {
        var body: DraftBody
        /// The question's points to write (nil: the format's default is right).
        var points: Double?
        var notes: [String]
    }

    /// The body for `answers` of a question worth `points`; `single` when one answer is
    /// picked (GIFT: some answer written with `=`; Moodle: `single` true).
    static func body(
        _ answers: [Answer], single: Bool, points: Double
    ) -> Result<Mapped, SkipReason> {
        var notes: [String] = []
        let kept = answers.filter { !$0.text.isEmpty }
        if kept.count < answers.count { notes.append("answers without text dropped") }
        guard !kept.isEmpty else { return .failure(SkipReason("no answers with text")) }
        return single
            ? choice(kept, points: points, notes: notes) : multi(kept, points: points, notes: notes)
    }

    private static func choice(
        _ answers: [Answer], points: Double, notes start: [String]
    ) -> Result<Mapped, SkipReason> {
        var notes = start
        let best = answers.map(\.percent).max() ?? 0
        guard best > 0 else { return .failure(SkipReason("no answer earns marks")) }
        if answers.contains(where: { $0.percent < 0 }) {
            notes.append("negative weights not carried (a wrong choice scores 0)")
        }
        let isAllOrNothing = answers.allSatisfy { $0.percent >= 100 || $0.percent <= 0 }
        if isAllOrNothing {
            let options = answers.map {
                DraftOption(text: $0.text, correct: $0.percent >= 100, feedback: $0.feedback)
            }
            if best > 100 { notes.append("weights over 100% counted as 100%") }
            return .success(
                Mapped(body: .choice(options), points: points == 1 ? nil : points, notes: notes))
        }
        if best < 100 {
            notes.append(
                "no answer earns 100%: the question is worth its best answer's "
                    + ImportText.percent(best))
        }
        if best > 100 { notes.append("weights over 100%: the question is worth the best answer") }
        guard ImportText.rounded(best / 100 * points) > 0 else {
            return .failure(
                SkipReason(
                    "the best answer's weight, \(ImportText.percent(best)), rounds to 0 points; "
                        + "give the best answer a larger weight"))
        }
        guard best / 100 * points <= Question.maximumPoints else {
            return .failure(
                SkipReason(
                    "a weight of \(ImportText.percent(best)) makes the question worth more than the "
                        + "\(YAMLScalar.number(Question.maximumPoints)) points a question may be "
                        + "worth; give its best answer at most 100%"))
        }
        let options = answers.map {
            DraftOption(
                text: $0.text, score: ImportText.rounded(max(0, $0.percent) / 100 * points),
                correct: false, feedback: $0.feedback)
        }
        return .success(Mapped(body: .choice(options), points: nil, notes: notes))
    }

    private static func multi(
        _ answers: [Answer], points: Double, notes start: [String]
    ) -> Result<Mapped, SkipReason> {
        var notes = start
        let right = answers.filter { $0.percent > 0 }
        guard !right.isEmpty else {
            return .failure(SkipReason("no answer has a positive weight"))
        }
        let weights = right.map(\.percent)
        if let low = weights.min(), let high = weights.max(), high - low > 0.01 {
            notes.append("unequal weights not carried: each right answer counts the same")
        }
        let share = 100 / Double(right.count)
        let penalties = answers.filter { $0.percent <= 0 }.map { 0 - $0.percent }
        if penalties.contains(where: { abs($0 - share) > 0.01 }), let low = penalties.min(),
            let high = penalties.max()
        {
            // What the source took off, beside what Rehearse's partial scoring takes off.
            let source =
                high - low > 0.01
                ? "\(ImportText.percent(low)) to \(ImportText.percent(high))"
                : ImportText.percent(high)
            notes.append(
                "wrong answers cost \(ImportText.percent(share)) each under partial scoring "
                    + "(the source: \(source))")
        }
        let options = answers.map {
            DraftOption(text: $0.text, correct: $0.percent > 0, feedback: $0.feedback)
        }
        return .success(
            Mapped(
                body: .multi(options, partial: true), points: points == 1 ? nil : points,
                notes: notes))
    }
}
