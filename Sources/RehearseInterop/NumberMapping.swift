/// Numerical answers (GIFT `{#...}`, Moodle `numerical`) as a `number` question: the first
/// answer worth 100% gives `answer` and `tolerance`, or `range`; other graded answers are
/// noted as not carried.
enum NumberMapping {
    struct Mapped {
        var body: DraftBody
        var notes: [String]
    }

    /// The body for `answers` (number, weight in percent); a nil number is "any other answer".
    static func body(
        _ answers: [(number: GiftNumber?, percent: Double)], unit: String?
    ) -> Result<Mapped, SkipReason> {
        var notes: [String] = []
        var chosen: GiftNumber?
        for answer in answers {
            guard let number = answer.number else { continue }
            if chosen == nil && answer.percent >= 100 {
                chosen = number
            } else if answer.percent > 0 {
                notes.append(
                    "the \(ImportText.percent(answer.percent)) answer \(describe(number)) not "
                        + "carried (no partial credit for numbers)")
            }
        }
        guard let chosen else { return .failure(SkipReason("no numerical answer worth 100%")) }
        let body: DraftBody
        switch chosen {
        case .simple(let value):
            body = .number(answer: value, tolerance: 0, range: nil, unit: unit)
        case .range(let value, let tolerance):
            body = .number(answer: value, tolerance: abs(tolerance), range: nil, unit: unit)
        case .highLow(let low, let high):
            body = .number(
                answer: nil, tolerance: 0, range: min(low, high)...max(low, high), unit: unit)
        }
        return .success(Mapped(body: body, notes: notes))
    }

    private static func describe(_ number: GiftNumber) -> String {
        switch number {
        case .simple(let value): YAMLScalar.number(value)
        case .range(let value, let tolerance):
            "\(YAMLScalar.number(value)):\(YAMLScalar.number(tolerance))"
        case .highLow(let low, let high): "\(YAMLScalar.number(low))..\(YAMLScalar.number(high))"
        }
    }
}
