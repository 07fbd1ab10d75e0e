/// An essay (GIFT `{}`, Moodle XML `essay`): skipped, since a `text` question needs accepted
/// answers, patterns or a rubric, unless the import is asked to take essays as text
/// questions (`--essay-as-text`): then it becomes one whose only pattern matches any answer
/// that is not blank, with a note that it still needs a way to be scored.
enum EssayMapping {
    /// The one pattern of an essay imported as text: a character that is not white space,
    /// found anywhere (patterns are searched, not anchored). It repeats nothing, so matching
    /// cannot blow up (`TextPattern.riskReason` passes it).
    static let anyAnswerPattern = #"\S"#

    /// The body of an essay imported as text.
    static let body = DraftBody.text(accept: [], patterns: [anyAnswerPattern])

    /// The note on every essay imported as text.
    static let note =
        "essay imported as a text question that accepts any answer: add accepted answers or a "
        + "rubric to score it"

    /// Why an essay is skipped without `--essay-as-text`.
    static let skipReason =
        "an essay: a text question needs accepted answers, patterns or a rubric "
        + "(--essay-as-text imports it as one that accepts any answer)"

    /// The explanation of an imported essay from its texts, in order (Moodle's grader
    /// information, then the general feedback): those that are not empty, each once, joined
    /// by a blank line; nil when there is none.
    static func explanation(_ texts: [String?]) -> String? {
        var kept: [String] = []
        for case let text? in texts where !text.isEmpty && !kept.contains(text) {
            kept.append(text)
        }
        return kept.isEmpty ? nil : kept.joined(separator: "\n\n")
    }
}
